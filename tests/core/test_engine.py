"""The engine as a facilitator meets it: cases, choice, phases, turns, capture, reveal."""

from __future__ import annotations

import pytest

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
        engine.open_meeting(
            group=group,
            present=("anna", "bram", "carla"),
            confidentiality=("anna", "bram"),
            facilitator="anna",
            minutes_available=90,
        )
    assert engine.events == ()


def test_someone_not_in_the_group_cannot_be_present(clock, group):
    from intervisie.core.meeting.engine import Engine

    with pytest.raises(DomainError, match="zoe is not a member"):
        Engine(clock).open_meeting(
            group=group,
            present=("anna", "zoe"),
            confidentiality=("anna", "zoe"),
            facilitator="anna",
            minutes_available=90,
        )


def test_revisit_comes_first_and_leftover_cases_are_offered_again(open_meeting):
    old = Case("x7", "bram", "Client who would not pay")
    leftover = Case("x8", "carla", "Partner and billable hours")
    absent = Case("x9", "zoe", "Not here")
    engine = open_meeting(revisit=(old,), carried=(leftover, absent))
    assert engine.state.step is MeetingStep.REVISIT
    assert [c.title for c in engine.state.cases] == ["Partner and billable hours"]
    engine.revisit_note("x7", "He paid after a phone call.", author="bram")
    note = engine.state.contributions[0]
    assert (note.step, note.target, note.kind) == (MeetingStep.REVISIT, "x7", K.NOTE)
    engine.add_case("anna", "Ethics of a referral")
    assert engine.state.step is MeetingStep.INTAKE
    refused(engine, lambda: engine.revisit_note("nope", "x"), "no case nope")


# -- choosing the case --------------------------------------------------------------------


def test_votes_choose_the_case_before_the_method(engine, case_method):
    engine.add_case("bram", "Angry client")
    engine.add_case("carla", "Deadline")
    engine.vote("anna", "c2")
    engine.vote("daan", "c2")
    engine.vote("eva", "c1")
    engine.vote("anna", "c1")  # anna changes her mind: still one vote each
    engine.vote("femke", "c2")
    engine.vote("bram", "c2")
    assert engine.state.step is MeetingStep.CHOICE
    engine.choose_case()
    chosen = engine.state.chosen
    assert (chosen.case_id, chosen.owner, chosen.by) == ("c2", "carla", "vote")
    assert chosen.tally == {"c1": 2, "c2": 3}
    assert chosen.tied == ()
    engine.start_round(case_method)
    assert engine.state.round.owner == "carla"


def test_tie_is_broken_by_the_first_case_and_reported(engine):
    engine.add_case("bram", "Angry client")
    engine.add_case("carla", "Deadline")
    engine.vote("anna", "c2")
    engine.vote("daan", "c1")
    engine.choose_case()
    chosen = engine.state.chosen
    assert chosen.case_id == "c1"
    assert chosen.tied == ("c1", "c2")


def test_egt_scores_choose_when_nobody_voted(engine):
    engine.add_case("bram", "Angry client")
    engine.add_case("carla", "Deadline")
    engine.score("anna", "c1", {"emotion": 2, "shared": 2, "time": 1})
    engine.score("anna", "c2", {"emotion": 5, "shared": 4, "time": 3})
    engine.choose_case()
    assert (engine.state.chosen.case_id, engine.state.chosen.by) == ("c2", "score")
    refused(
        engine,
        lambda: engine.score("anna", "c1", {"emotion": 9, "shared": 1, "time": 1}),
        "from 1 to 5",
    )
    refused(engine, lambda: engine.score("anna", "c1", {"emotion": 3}), "Give a score for")


def test_facilitator_can_choose_explicitly(engine, case_method):
    engine.add_case("bram", "Angry client")
    engine.add_case("carla", "Deadline")
    engine.vote("anna", "c1")
    engine.choose_case("c2")
    assert engine.state.chosen.by == "facilitator"
    engine.start_round(case_method)
    assert engine.state.round.case_id == "c2"


def test_vote_by_someone_not_present_is_refused(open_meeting):
    engine = open_meeting(present=("anna", "bram", "carla"))
    engine.add_case("bram", "Angry client")
    refused(engine, lambda: engine.vote("daan", "c1"), "Daan is not present")


def test_a_method_without_choice_needs_a_chosen_case(engine, case_method):
    refused(engine, lambda: engine.start_round(case_method), "Choose a case first")


def test_owner_is_set_when_the_methods_choice_phase_ends(engine, choosing):
    engine.start_round(choosing)
    assert engine.state.round.owner is None
    engine.add_case("bram", "Client shouted at reception")
    engine.add_case("eva", "Colleague missed a hearing")
    engine.next_phase()
    engine.vote("anna", "c2")
    engine.vote("bram", "c2")
    engine.vote("carla", "c1")
    assert engine.state.round.owner is None
    engine.next_phase()
    rnd = engine.state.round
    assert (rnd.owner, rnd.case_id, rnd.phase.id) == ("eva", "c2", "sketch")
    assert rnd.choice.by == "vote"


def test_leaving_the_choice_without_cases_is_refused(engine, choosing):
    engine.start_round(choosing)
    engine.next_phase()
    refused(engine, engine.next_phase, "no case to choose")
    refused(engine, engine.skip_phase, "no case to choose")


def test_cases_are_named_only_at_intake(engine, case_method):
    engine.add_case("bram", "Angry client")
    engine.start_round(case_method, case_id="c1")
    refused(engine, lambda: engine.add_case("anna", "Late"), "Cases are named at intake")


# -- phases -------------------------------------------------------------------------------


def _round(engine, method, case_owner="bram"):
    engine.add_case(case_owner, "A case")
    case_id = engine.state.cases[-1].id
    engine.start_round(method, case_id=case_id)
    return engine.state.round


def test_next_phase_in_a_finished_round_is_refused(engine, case_method):
    _round(engine, case_method)
    engine.finish_round()
    refused(engine, engine.next_phase, "round is finished")
    refused(engine, engine.previous_phase, "round is finished")


def test_first_and_last_phase_are_edges(engine, case_method):
    _round(engine, case_method)
    refused(engine, engine.previous_phase, "first phase")
    for _ in range(3):
        engine.next_phase()
    refused(engine, engine.next_phase, "last phase: finish the round")


def test_back_keeps_contributions(engine, case_method):
    _round(engine, case_method)
    engine.next_phase()
    engine.contribute("anna", K.FORCE, "Fear of the partner", side="restraining")
    engine.contribute("carla", K.FORCE, "Clients ask for it", side="driving")
    engine.previous_phase()
    engine.previous_phase() if engine.state.round.current else None
    engine.next_phase()
    forces = engine.state.contributions_in("r1", "forces")
    assert [f.text for f in forces] == ["Fear of the partner", "Clients ask for it"]


def test_skip_marks_the_phase_and_keeps_its_work(engine, case_method):
    _round(engine, case_method)
    engine.contribute("facilitator", K.NOTE, "Owner wants fewer hours")
    engine.skip_phase()
    rnd = engine.state.round
    assert rnd.phases[0].skipped
    assert len(engine.state.contributions_in("r1", "case")) == 1
    engine.previous_phase()
    assert not engine.state.round.phase.skipped


def test_contribution_kind_must_fit_the_phase(engine, case_method):
    _round(engine, case_method)
    refused(
        engine, lambda: engine.contribute("anna", K.QUESTION, "Why?"), "does not capture a question"
    )
    engine.next_phase()
    refused(engine, lambda: engine.contribute("anna", K.FORCE, "x", side="sideways"), "which side")
    engine.next_phase()
    refused(
        engine, lambda: engine.contribute("anna", K.RATING, ratings={"intensity": 6}), "from 1 to 5"
    )
    engine.contribute("anna", K.RATING, ratings={"intensity": 4})


def test_hidden_contributions_show_as_a_count_until_revealed(engine, choosing):
    engine.start_round(choosing)
    engine.add_case("bram", "Client shouted")
    engine.next_phase()
    engine.choose_case("c1")
    for _ in range(3):
        engine.next_phase()
    assert engine.state.round.phase.id == "write"
    engine.contribute("anna", K.WRITING, "I would call the client back")
    engine.contribute("carla", K.WRITING, "I would ask a colleague")
    shared = view_contributions(engine.state, "r1", "write")
    assert (shared.visible, shared.hidden_count) == ((), 2)
    own = view_contributions(engine.state, "r1", "write", viewer="anna")
    assert [c.text for c in own.visible] == ["I would call the client back"]
    assert own.hidden_count == 1
    engine.next_phase()
    engine.reveal()
    shown = view_contributions(engine.state, "r1", "write")
    assert shown.hidden_count == 0 and len(shown.visible) == 2
    refused(engine, engine.reveal, "nothing hidden")


def test_reveal_is_refused_where_nothing_hides(engine, case_method):
    _round(engine, case_method)
    refused(engine, lambda: engine.reveal("case"), "does not hide")


# -- turns --------------------------------------------------------------------------------


def test_round_of_approaches_goes_round_everyone_but_the_owner(engine, choosing):
    engine.start_round(choosing)
    engine.add_case("bram", "Client shouted")
    engine.next_phase()
    engine.choose_case("c1")
    for _ in range(4):
        engine.next_phase()
    run = engine.state.round.phase
    assert run.id == "approaches"
    assert run.turns == ("anna", "carla", "daan", "eva", "femke")
    assert (run.current_speaker, run.turns_remaining) == ("anna", 5)
    engine.next_turn()
    run = engine.state.round.phase
    assert (run.current_speaker, run.turns_remaining) == ("carla", 4)
    for _ in range(4):
        engine.next_turn()
    assert engine.state.round.phase.current_speaker is None
    refused(engine, engine.next_turn, "Everyone has had a turn")


def test_assigned_lenses_give_turns_to_their_holders(engine, lens_method):
    rnd = _round(engine, lens_method, case_owner="anna")
    assert rnd.lenses == {"white": ("bram", "eva"), "red": ("carla", "femke"), "black": ("daan",)}
    engine.next_phase()
    run = engine.state.round.phase
    assert (run.id, run.turns) == ("white", ("bram", "eva"))
    engine.contribute("bram", K.REMARK, "The hearing is on Monday")
    assert engine.state.contributions[-1].lens == "white"
    assert run.planned_minutes == 4


def test_a_phase_without_turns_refuses_next_turn(engine, case_method):
    _round(engine, case_method)
    refused(engine, engine.next_turn, "does not go round")


# -- the meeting --------------------------------------------------------------------------


def test_closing_and_finish(engine, case_method):
    _round(engine, case_method)
    refused(engine, engine.finish_meeting, "finish the round first")
    engine.finish_round()
    engine.start_step(MeetingStep.CLOSING)
    engine.contribute("anna", K.EVALUATION, "Good focus", ratings={"mood": 8})
    engine.contribute("bram", K.TAKEAWAY, "Call the partner on Monday")
    engine.finish_meeting()
    assert engine.state.status is Status.FINISHED
    refused(engine, lambda: engine.add_case("anna", "x"), "meeting is finished")


def test_participant_acts_only_for_themselves(engine, case_method):
    from intervisie.core.meeting import commands as cmd

    _round(engine, case_method)
    engine.next_phase()
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
    engine.contribute("facilitator", K.NOTE, "first draft")
    cid = engine.state.contributions[-1].id
    engine.edit(cid, text="second draft")
    edited = engine.state.contribution(cid)
    assert edited.text == "second draft" and edited.edited is not None
    engine.remove(cid)
    assert engine.state.contribution(cid) is None


def test_replay_gives_the_same_state(engine, choosing):
    engine.start_round(choosing)
    engine.add_case("bram", "Client shouted")
    engine.next_phase()
    engine.vote("anna", "c1")
    engine.next_phase()
    engine.pause()
    engine.resume()
    engine.extend(3)
    assert replay(engine.events) == engine.state


def test_refusals_speak_dutch_when_the_interface_does(engine, case_method):
    from intervisie.core import i18n

    _round(engine, case_method)
    i18n.set_language("nl")
    try:
        refused(engine, engine.previous_phase, "Dit is de eerste fase van de ronde")
        refused(
            engine,
            lambda: engine.contribute("anna", K.QUESTION, "Waarom?"),
            "wordt geen vraag vastgelegd",
        )
    finally:
        i18n.set_language("en")


def test_votes_of_a_finished_choice_cannot_change_the_owner(engine, choosing):
    engine.start_round(choosing)
    engine.add_case("bram", "Client shouted")
    engine.add_case("eva", "Missed hearing")
    engine.next_phase()
    engine.vote("anna", "c2")
    vote = engine.state.contributions[-1].id
    engine.next_phase()
    assert engine.state.round.owner == "eva"
    refused(engine, lambda: engine.edit(vote, target="c1"), "choice is over")
    refused(engine, lambda: engine.remove(vote), "choice is over")
    engine.previous_phase()
    engine.edit(vote, target="c1")
    engine.next_phase()
    assert engine.state.round.owner == "bram"
