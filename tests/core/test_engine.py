"""The engine as a facilitator meets it: cases, choice, phases, turns, capture, reveal."""

from __future__ import annotations

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError, replay
from intervisie.core.meeting.model import Case, Status, view_contributions
from intervisie.core.method.model import ContributionKind as K
from intervisie.core.method.model import MeetingStep


def refused(engine, action, match):
    """The command is refused with `match` in the message, and nothing changes."""
    before, events = engine.state, engine.events
    with pytest.raises(DomainError, match=match):
        action()
    assert engine.state == before
    assert engine.events == events


# -- opening ------------------------------------------------------------------------------


def test_meeting_opens_with_setup_and_intake(engine):
    state = engine.state
    assert state.status is Status.OPEN
    assert state.present == ("anna", "bram", "carla", "daan", "eva", "femke")
    assert state.step is MeetingStep.INTAKE
    assert state.minutes_available == 120


def test_everyone_present_must_accept_confidentiality(clock, group):
    from intervisie.core.meeting.engine import Engine

    engine = Engine(clock)
    with pytest.raises(DomainError, match=r"confidentiality.*Carla"):
        engine.execute(
            cmd.OpenMeeting(
                group=group,
                present=("anna", "bram", "carla"),
                confidentiality=("anna", "bram"),
                facilitator="anna",
                minutes_available=90,
            )
        )
    assert engine.events == ()


def test_someone_not_in_the_group_cannot_be_present(clock, group):
    from intervisie.core.meeting.engine import Engine

    with pytest.raises(DomainError, match="zoe is not a member"):
        Engine(clock).execute(
            cmd.OpenMeeting(
                group=group,
                present=("anna", "zoe"),
                confidentiality=("anna", "zoe"),
                facilitator="anna",
                minutes_available=90,
            )
        )


def test_revisit_comes_first_and_leftover_cases_are_offered_again(open_meeting):
    old = Case("x7", "bram", "Client who would not pay")
    leftover = Case("x8", "carla", "Partner and billable hours")
    absent = Case("x9", "zoe", "Not here")
    engine = open_meeting(revisit=(old,), carried=(leftover, absent))
    assert engine.state.step is MeetingStep.REVISIT
    assert [c.title for c in engine.state.cases] == ["Partner and billable hours"]
    engine.execute(cmd.RevisitNote(case_id="x7", text="He paid after a phone call.", author="bram"))
    note = engine.state.contributions[0]
    assert (note.step, note.target, note.kind) == (MeetingStep.REVISIT, "x7", K.NOTE)
    engine.execute(cmd.AddCase(owner="anna", title="Ethics of a referral"))
    assert engine.state.step is MeetingStep.INTAKE
    refused(
        engine, lambda: engine.execute(cmd.RevisitNote(case_id="nope", text="x")), "no case nope"
    )


# -- choosing the case --------------------------------------------------------------------


def test_votes_choose_the_case_before_the_method(engine, case_method):
    engine.execute(cmd.AddCase(owner="bram", title="Angry client"))
    engine.execute(cmd.AddCase(owner="carla", title="Deadline"))
    engine.execute(cmd.Vote(voter="anna", case_id="c2"))
    engine.execute(cmd.Vote(voter="daan", case_id="c2"))
    engine.execute(cmd.Vote(voter="eva", case_id="c1"))
    engine.execute(
        cmd.Vote(voter="anna", case_id="c1")
    )  # anna changes her mind: still one vote each
    engine.execute(cmd.Vote(voter="femke", case_id="c2"))
    engine.execute(cmd.Vote(voter="bram", case_id="c2"))
    assert engine.state.step is MeetingStep.CHOICE
    engine.execute(cmd.ChooseCase())
    chosen = engine.state.chosen
    assert (chosen.case_id, chosen.owner, chosen.by) == ("c2", "carla", "vote")
    assert chosen.tally == {"c1": 2, "c2": 3}
    assert chosen.tied == ()
    engine.execute(cmd.StartRound(method=case_method))
    assert engine.state.round.owner == "carla"


def test_tie_is_broken_by_the_first_case_and_reported(engine):
    engine.execute(cmd.AddCase(owner="bram", title="Angry client"))
    engine.execute(cmd.AddCase(owner="carla", title="Deadline"))
    engine.execute(cmd.Vote(voter="anna", case_id="c2"))
    engine.execute(cmd.Vote(voter="daan", case_id="c1"))
    engine.execute(cmd.ChooseCase())
    chosen = engine.state.chosen
    assert chosen.case_id == "c1"
    assert chosen.tied == ("c1", "c2")


def test_egt_scores_choose_when_nobody_voted(engine):
    engine.execute(cmd.AddCase(owner="bram", title="Angry client"))
    engine.execute(cmd.AddCase(owner="carla", title="Deadline"))
    engine.execute(
        cmd.Score(scorer="anna", case_id="c1", ratings={"emotion": 2, "shared": 2, "time": 1})
    )
    engine.execute(
        cmd.Score(scorer="anna", case_id="c2", ratings={"emotion": 5, "shared": 4, "time": 3})
    )
    engine.execute(cmd.ChooseCase())
    assert (engine.state.chosen.case_id, engine.state.chosen.by) == ("c2", "score")
    refused(
        engine,
        lambda: engine.execute(
            cmd.Score(scorer="anna", case_id="c1", ratings={"emotion": 9, "shared": 1, "time": 1})
        ),
        "from 1 to 5",
    )
    refused(
        engine,
        lambda: engine.execute(cmd.Score(scorer="anna", case_id="c1", ratings={"emotion": 3})),
        "Give a score for",
    )


def test_facilitator_can_choose_explicitly(engine, case_method):
    engine.execute(cmd.AddCase(owner="bram", title="Angry client"))
    engine.execute(cmd.AddCase(owner="carla", title="Deadline"))
    engine.execute(cmd.Vote(voter="anna", case_id="c1"))
    engine.execute(cmd.ChooseCase(case_id="c2"))
    assert engine.state.chosen.by == "facilitator"
    engine.execute(cmd.StartRound(method=case_method))
    assert engine.state.round.case_id == "c2"


def test_vote_by_someone_not_present_is_refused(open_meeting):
    engine = open_meeting(present=("anna", "bram", "carla"))
    engine.execute(cmd.AddCase(owner="bram", title="Angry client"))
    refused(
        engine, lambda: engine.execute(cmd.Vote(voter="daan", case_id="c1")), "Daan is not present"
    )


def test_a_method_without_choice_needs_a_chosen_case(engine, case_method):
    refused(
        engine, lambda: engine.execute(cmd.StartRound(method=case_method)), "Choose a case first"
    )


def test_owner_is_set_when_the_methods_choice_phase_ends(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    assert engine.state.round.owner is None
    engine.execute(cmd.AddCase(owner="bram", title="Client shouted at reception"))
    engine.execute(cmd.AddCase(owner="eva", title="Colleague missed a hearing"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.Vote(voter="anna", case_id="c2"))
    engine.execute(cmd.Vote(voter="bram", case_id="c2"))
    engine.execute(cmd.Vote(voter="carla", case_id="c1"))
    assert engine.state.round.owner is None
    engine.execute(cmd.NextPhase())
    rnd = engine.state.round
    assert (rnd.owner, rnd.case_id, rnd.phase.id) == ("eva", "c2", "sketch")
    assert rnd.choice.by == "vote"


def test_leaving_the_choice_without_cases_is_refused(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.NextPhase())
    refused(engine, lambda: engine.execute(cmd.NextPhase()), "no case to choose")
    refused(engine, lambda: engine.execute(cmd.SkipPhase()), "no case to choose")


def test_cases_are_named_only_at_intake(engine, case_method):
    engine.execute(cmd.AddCase(owner="bram", title="Angry client"))
    engine.execute(cmd.StartRound(method=case_method, case_id="c1"))
    refused(
        engine,
        lambda: engine.execute(cmd.AddCase(owner="anna", title="Late")),
        "Cases are named at intake",
    )


# -- phases -------------------------------------------------------------------------------


def _round(engine, method, case_owner="bram"):
    engine.execute(cmd.AddCase(owner=case_owner, title="A case"))
    case_id = engine.state.cases[-1].id
    engine.execute(cmd.StartRound(method=method, case_id=case_id))
    return engine.state.round


def test_next_phase_in_a_finished_round_is_refused(engine, case_method):
    _round(engine, case_method)
    engine.execute(cmd.FinishRound())
    refused(engine, lambda: engine.execute(cmd.NextPhase()), "round is finished")
    refused(engine, lambda: engine.execute(cmd.PreviousPhase()), "round is finished")


def test_first_and_last_phase_are_edges(engine, case_method):
    _round(engine, case_method)
    refused(engine, lambda: engine.execute(cmd.PreviousPhase()), "first phase")
    for _ in range(3):
        engine.execute(cmd.NextPhase())
    refused(engine, lambda: engine.execute(cmd.NextPhase()), "last phase: finish the round")


def test_back_keeps_contributions(engine, case_method):
    _round(engine, case_method)
    engine.execute(cmd.NextPhase())
    engine.execute(
        cmd.AddContribution(
            author="anna", kind=K.FORCE, text="Fear of the partner", side="restraining"
        )
    )
    engine.execute(
        cmd.AddContribution(author="carla", kind=K.FORCE, text="Clients ask for it", side="driving")
    )
    engine.execute(cmd.PreviousPhase())
    engine.execute(cmd.PreviousPhase()) if engine.state.round.current else None
    engine.execute(cmd.NextPhase())
    forces = engine.state.contributions_in("r1", "forces")
    assert [f.text for f in forces] == ["Fear of the partner", "Clients ask for it"]


def test_skip_marks_the_phase_and_keeps_its_work(engine, case_method):
    _round(engine, case_method)
    engine.execute(
        cmd.AddContribution(author="facilitator", kind=K.NOTE, text="Owner wants fewer hours")
    )
    engine.execute(cmd.SkipPhase())
    rnd = engine.state.round
    assert rnd.phases[0].skipped
    assert len(engine.state.contributions_in("r1", "case")) == 1
    engine.execute(cmd.PreviousPhase())
    assert not engine.state.round.phase.skipped


def test_contribution_kind_must_fit_the_phase(engine, case_method):
    _round(engine, case_method)
    refused(
        engine,
        lambda: engine.execute(cmd.AddContribution(author="anna", kind=K.QUESTION, text="Why?")),
        "does not capture a question",
    )
    engine.execute(cmd.NextPhase())
    refused(
        engine,
        lambda: engine.execute(
            cmd.AddContribution(author="anna", kind=K.FORCE, text="x", side="sideways")
        ),
        "which side",
    )
    engine.execute(cmd.NextPhase())
    refused(
        engine,
        lambda: engine.execute(
            cmd.AddContribution(author="anna", kind=K.RATING, ratings={"intensity": 6})
        ),
        "from 1 to 5",
    )
    engine.execute(cmd.AddContribution(author="anna", kind=K.RATING, ratings={"intensity": 4}))


def test_hidden_contributions_show_as_a_count_until_revealed(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="bram", title="Client shouted"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.ChooseCase(case_id="c1"))
    for _ in range(3):
        engine.execute(cmd.NextPhase())
    assert engine.state.round.phase.id == "write"
    engine.execute(
        cmd.AddContribution(author="anna", kind=K.WRITING, text="I would call the client back")
    )
    engine.execute(
        cmd.AddContribution(author="carla", kind=K.WRITING, text="I would ask a colleague")
    )
    shared = view_contributions(engine.state, "r1", "write")
    assert (shared.visible, shared.hidden_count) == ((), 2)
    own = view_contributions(engine.state, "r1", "write", viewer="anna")
    assert [c.text for c in own.visible] == ["I would call the client back"]
    assert own.hidden_count == 1
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.Reveal())
    shown = view_contributions(engine.state, "r1", "write")
    assert shown.hidden_count == 0 and len(shown.visible) == 2
    refused(engine, lambda: engine.execute(cmd.Reveal()), "nothing hidden")


def test_reveal_is_refused_where_nothing_hides(engine, case_method):
    _round(engine, case_method)
    refused(engine, lambda: engine.execute(cmd.Reveal(phase_id="case")), "does not hide")


# -- turns --------------------------------------------------------------------------------


def test_round_of_approaches_goes_round_everyone_but_the_owner(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="bram", title="Client shouted"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.ChooseCase(case_id="c1"))
    for _ in range(4):
        engine.execute(cmd.NextPhase())
    run = engine.state.round.phase
    assert run.id == "approaches"
    assert run.turns == ("anna", "carla", "daan", "eva", "femke")
    assert (run.current_speaker, len(run.turns) - run.turn) == ("anna", 5)
    engine.execute(cmd.NextTurn())
    run = engine.state.round.phase
    assert (run.current_speaker, len(run.turns) - run.turn) == ("carla", 4)
    for _ in range(4):
        engine.execute(cmd.NextTurn())
    assert engine.state.round.phase.current_speaker is None
    refused(engine, lambda: engine.execute(cmd.NextTurn()), "Everyone has had a turn")


def test_assigned_lenses_give_turns_to_their_holders(engine, lens_method):
    rnd = _round(engine, lens_method, case_owner="anna")
    assert rnd.lenses == {"white": ("bram", "eva"), "red": ("carla", "femke"), "black": ("daan",)}
    engine.execute(cmd.NextPhase())
    run = engine.state.round.phase
    assert (run.id, run.turns) == ("white", ("bram", "eva"))
    engine.execute(
        cmd.AddContribution(author="bram", kind=K.REMARK, text="The hearing is on Monday")
    )
    assert engine.state.contributions[-1].lens == "white"
    assert run.planned_minutes == 4


def test_a_phase_without_turns_refuses_next_turn(engine, case_method):
    _round(engine, case_method)
    refused(engine, lambda: engine.execute(cmd.NextTurn()), "does not go round")


# -- the meeting --------------------------------------------------------------------------


def test_closing_and_finish(engine, case_method):
    _round(engine, case_method)
    refused(engine, lambda: engine.execute(cmd.FinishMeeting()), "finish the round first")
    engine.execute(cmd.FinishRound())
    engine.execute(cmd.StartStep(step=MeetingStep.CLOSING))
    engine.execute(
        cmd.AddContribution(
            author="anna", kind=K.EVALUATION, text="Good focus", ratings={"mood": 8}
        )
    )
    engine.execute(
        cmd.AddContribution(author="bram", kind=K.TAKEAWAY, text="Call the partner on Monday")
    )
    engine.execute(cmd.FinishMeeting())
    assert engine.state.status is Status.FINISHED
    refused(
        engine, lambda: engine.execute(cmd.AddCase(owner="anna", title="x")), "meeting is finished"
    )


def test_participant_acts_only_for_themselves(engine, case_method):
    from intervisie.core.meeting import commands as cmd

    _round(engine, case_method)
    engine.execute(cmd.NextPhase())
    engine.execute(
        cmd.AddContribution(
            actor="anna", author="anna", kind=K.FORCE, text="Habit", side="restraining"
        )
    )
    refused(
        engine,
        lambda: engine.execute(
            cmd.AddContribution(
                actor="anna", author="carla", kind=K.FORCE, text="x", side="driving"
            )
        ),
        "themselves",
    )
    refused(engine, lambda: engine.execute(cmd.NextPhase(actor="anna")), "Only the facilitator")
    mine = engine.state.contributions[-1].id
    refused(
        engine,
        lambda: engine.execute(cmd.RemoveContribution(actor="carla", contribution_id=mine)),
        "their own",
    )


def test_edit_and_remove(engine, case_method):
    _round(engine, case_method)
    engine.execute(cmd.AddContribution(author="facilitator", kind=K.NOTE, text="first draft"))
    cid = engine.state.contributions[-1].id
    engine.execute(cmd.EditContribution(contribution_id=cid, text="second draft"))
    edited = engine.state.contribution(cid)
    assert edited.text == "second draft" and edited.edited is not None
    engine.execute(cmd.RemoveContribution(contribution_id=cid))
    assert engine.state.contribution(cid) is None


def test_replay_gives_the_same_state(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="bram", title="Client shouted"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.Vote(voter="anna", case_id="c1"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.Pause())
    engine.execute(cmd.Resume())
    engine.execute(cmd.Extend(minutes=3))
    assert replay(engine.events) == engine.state


def test_refusals_speak_dutch_when_the_interface_does(engine, case_method):
    from intervisie.core import i18n

    _round(engine, case_method)
    i18n.set_language("nl")
    try:
        refused(
            engine,
            lambda: engine.execute(cmd.PreviousPhase()),
            "Dit is de eerste fase van de ronde",
        )
        refused(
            engine,
            lambda: engine.execute(
                cmd.AddContribution(author="anna", kind=K.QUESTION, text="Waarom?")
            ),
            "wordt geen vraag vastgelegd",
        )
    finally:
        i18n.set_language("en")


def test_votes_of_a_finished_choice_cannot_change_the_owner(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="bram", title="Client shouted"))
    engine.execute(cmd.AddCase(owner="eva", title="Missed hearing"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.Vote(voter="anna", case_id="c2"))
    vote = engine.state.contributions[-1].id
    engine.execute(cmd.NextPhase())
    assert engine.state.round.owner == "eva"
    refused(
        engine,
        lambda: engine.execute(cmd.EditContribution(contribution_id=vote, target="c1")),
        "choice is over",
    )
    refused(
        engine,
        lambda: engine.execute(cmd.RemoveContribution(contribution_id=vote)),
        "choice is over",
    )
    engine.execute(cmd.PreviousPhase())
    engine.execute(cmd.EditContribution(contribution_id=vote, target="c1"))
    engine.execute(cmd.NextPhase())
    assert engine.state.round.owner == "bram"
