"""The meeting's rules that screens and the participants' page ask core for, one test each.

Each rule lives once in core behind one name (`SessionState.eligible_cases`,
`SessionState.tally`, ...): the screens render what these return and never count themselves.
"""

from __future__ import annotations

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.model import FACILITATOR


def run(engine, *commands: cmd.Command) -> None:
    for command in commands:
        engine.execute(command)


# -- which cases can still be chosen ------------------------------------------------------


def test_eligible_cases_leave_out_discussed_cases_and_absent_owners(open_meeting, case_method):
    engine = open_meeting(present=("anna", "bram", "carla", "daan"))
    run(
        engine,
        cmd.AddCase(owner="bram", title="Angry client"),
        cmd.AddCase(owner="carla", title="Deadline"),
        cmd.AddCase(owner="daan", title="Referral"),
    )
    assert [c.title for c in engine.state.eligible_cases()] == [
        "Angry client",
        "Deadline",
        "Referral",
    ]
    run(engine, cmd.StartRound(method=case_method, case_id="c2"))
    # While its round runs the case still counts as on the list; once finished, it is not.
    assert "c2" in [c.id for c in engine.state.eligible_cases()]
    run(engine, cmd.FinishRound())
    assert [c.id for c in engine.state.eligible_cases()] == ["c1", "c3"]


def test_a_carried_case_whose_owner_is_absent_is_not_eligible(open_meeting):
    from intervisie.core.meeting.model import Case

    engine = open_meeting(
        present=("anna", "bram", "carla"),
        carried=(Case("x1", "bram", "Left over"), Case("x2", "zoe", "Owner away")),
    )
    assert [c.title for c in engine.state.eligible_cases()] == ["Left over"]


# -- counting the choice ------------------------------------------------------------------


def test_tally_counts_votes_per_case_and_who_has_not_voted(open_meeting):
    engine = open_meeting(present=("anna", "bram", "carla", "daan"))
    run(
        engine,
        cmd.AddCase(owner="bram", title="Angry client"),
        cmd.AddCase(owner="carla", title="Deadline"),
    )
    counted = engine.state.tally()
    assert (counted.by, counted.winner, counted.waiting) == ("", None, engine.state.present)
    run(
        engine,
        cmd.Vote(voter="anna", case_id="c2"),
        cmd.Vote(voter="daan", case_id="c1"),
        cmd.Vote(voter="anna", case_id="c1"),  # anna moves her vote
    )
    counted = engine.state.tally()
    assert counted.by == "vote"
    assert (counted.points_of("c1"), counted.points_of("c2")) == (2, 0)
    assert counted.votes == {"anna": "c1", "daan": "c1"}
    assert counted.waiting == ("bram", "carla")
    assert counted.winner == "c1"


def test_tally_sums_scores_when_nobody_voted_and_ties_go_to_the_first_named(open_meeting):
    engine = open_meeting(present=("anna", "bram", "carla"))
    run(
        engine,
        cmd.AddCase(owner="bram", title="Angry client"),
        cmd.AddCase(owner="carla", title="Deadline"),
        cmd.Score(scorer="anna", case_id="c1", ratings={"emotion": 3, "shared": 3, "time": 3}),
        cmd.Score(scorer="anna", case_id="c2", ratings={"emotion": 5, "shared": 2, "time": 2}),
    )
    counted = engine.state.tally()
    assert counted.by == "score"
    assert dict(counted.points) == {"c1": 9, "c2": 9}
    assert (counted.tied, counted.winner) == (("c1", "c2"), "c1")
    run(engine, cmd.ChooseCase())
    assert engine.state.chosen.tally == counted.points  # the engine settles with this count
    assert engine.state.chosen.tied == ("c1", "c2")


def test_tally_of_a_single_case_without_votes_is_that_case(open_meeting):
    engine = open_meeting(present=("anna", "bram", "carla"))
    run(engine, cmd.AddCase(owner="bram", title="Angry client"))
    counted = engine.state.tally()
    assert (counted.by, counted.winner, dict(counted.points)) == ("only", "c1", {})


def test_tally_at_a_methods_own_choice_counts_that_phase_only(open_meeting, choosing):
    engine = open_meeting(present=("anna", "bram", "carla"))
    run(
        engine,
        cmd.StartRound(method=choosing),
        cmd.AddCase(owner="bram", title="Printer"),
        cmd.AddCase(owner="carla", title="Rota"),
        cmd.NextPhase(),
        cmd.Vote(voter="anna", case_id="c2"),
        cmd.Vote(voter="bram", case_id="c2", actor=FACILITATOR),
    )
    rnd = engine.state.round
    counted = engine.state.tally(rnd.id, rnd.phase.id)
    assert (counted.winner, counted.points_of("c2"), counted.waiting) == ("c2", 2, ("carla",))
    assert engine.state.tally().by == ""  # the meeting's own choice step saw no vote


# -- the previous meeting's cases ---------------------------------------------------------


def test_the_next_meeting_revisits_cases_in_the_order_their_rounds_ran(
    tmp_path, clock, group, case_method
):
    from intervisie.core.store.database import Store
    from intervisie.core.store.live import LiveMeeting, previous_cases

    present = ("anna", "bram", "carla", "daan")
    opening = cmd.OpenMeeting(
        group=group,
        present=present,
        facilitator="anna",
        confidentiality=present,
        minutes_available=120,
    )
    with Store.open(data_dir=tmp_path, clock=clock) as store:
        assert previous_cases(store, group.id) == ((), ())
        live = LiveMeeting.start(store, clock)
        run(
            live,
            opening,
            cmd.AddCase(owner="bram", title="Angry client"),
            cmd.AddCase(owner="carla", title="Deadline"),
            cmd.AddCase(owner="daan", title="Referral"),
            cmd.StartRound(method=case_method, case_id="c3"),
            cmd.FinishRound(),
            cmd.StartRound(method=case_method, case_id="c1"),
            cmd.FinishRound(),
            cmd.FinishMeeting(),
        )
        live.close()
        revisit, carried = previous_cases(store, group.id)
    assert [c.title for c in revisit] == ["Referral", "Angry client"]
    assert [c.title for c in carried] == ["Deadline"]


# -- force averages -----------------------------------------------------------------------


def test_a_force_has_the_average_of_the_groups_ratings_per_criterion(open_meeting, case_method):
    from intervisie.core.method.model import ContributionKind

    engine = open_meeting(present=("anna", "bram", "carla", "daan"))
    run(
        engine,
        cmd.AddCase(owner="bram", title="Angry client"),
        cmd.StartRound(method=case_method, case_id="c1"),
        cmd.NextPhase(),
    )
    run(
        engine,
        cmd.AddContribution(
            author="anna", kind=ContributionKind.FORCE, text="Fear", side="driving"
        ),
        cmd.AddContribution(
            author="carla", kind=ContributionKind.FORCE, text="Time", side="driving"
        ),
        cmd.NextPhase(),
    )
    fear, time = (c.id for c in engine.state.contributions if c.kind is ContributionKind.FORCE)
    for who, value in (("anna", 4), ("carla", 5), ("daan", 2)):
        run(
            engine,
            cmd.AddContribution(
                author=who, kind=ContributionKind.RATING, ratings={"intensity": value}, target=fear
            ),
        )
    averages = engine.state.average_ratings(fear)
    assert list(averages) == ["intensity"]
    assert (round(averages["intensity"].value, 2), averages["intensity"].count) == (3.67, 3)
    assert engine.state.average_ratings(time) == {}


# -- the meeting's flow -------------------------------------------------------------------


def test_next_step_goes_revisit_intake_choice_round_then_closing(open_meeting, clock, case_method):
    import pytest

    from intervisie.core.meeting import flow
    from intervisie.core.meeting.engine import DomainError
    from intervisie.core.meeting.model import Case
    from intervisie.core.method.model import MeetingStep

    engine = open_meeting(present=("anna", "bram", "carla"), revisit=(Case("x1", "bram", "Old"),))

    def step() -> cmd.Command | None:
        return flow.next_step(engine.state, case_method, {}, clock.now())

    assert flow.stage(engine.state) is flow.Stage.REVISIT
    assert step() == cmd.StartStep(step=MeetingStep.INTAKE)
    run(engine, step())
    assert flow.stage(engine.state) is flow.Stage.INTAKE
    with pytest.raises(DomainError, match="Name at least one case"):
        step()
    run(engine, cmd.AddCase(owner="bram", title="Angry client"))
    run(engine, step())
    assert flow.stage(engine.state) is flow.Stage.CHOICE
    assert step() == cmd.ChooseCase()
    run(engine, step())
    clock.advance(minutes=30)
    start = step()
    assert isinstance(start, cmd.StartRound) and start.fit_minutes == 120 - 30
    run(engine, start)
    assert (flow.stage(engine.state), step()) == (flow.Stage.ROUND, None)
    run(engine, cmd.FinishRound())
    assert flow.stage(engine.state) is flow.Stage.AFTER_ROUND
    assert step() == cmd.StartStep(step=MeetingStep.INTAKE)  # another round: its intake
    run(engine, cmd.StartStep(step=MeetingStep.CLOSING))
    assert step() == cmd.FinishMeeting()
    run(engine, step())
    assert (flow.stage(engine.state), step()) == (flow.Stage.FINISHED, None)


def test_a_method_with_its_own_choice_skips_the_meetings_intake(open_meeting, clock, choosing):
    from intervisie.core.meeting import flow

    engine = open_meeting(present=("anna", "bram", "carla"))
    assert flow.has_own_choice(choosing)
    start = flow.arrival_step(engine.state, choosing, None, clock.now())
    assert isinstance(start, cmd.StartRound) and start.method is choosing
    run(engine, start)
    assert engine.state.round.phase.id == "collect"
    run(engine, cmd.FinishRound())
    # After its round, moving on starts the next round of such a method, without intake.
    assert flow.arrival_step(engine.state, choosing, None, clock.now()) is None
    assert isinstance(flow.next_step(engine.state, choosing, None, clock.now()), cmd.StartRound)


def test_a_round_never_gets_less_than_a_minute_of_the_time_left(open_meeting, clock, choosing):
    from intervisie.core.meeting import flow

    engine = open_meeting(present=("anna", "bram", "carla"), minutes_available=30)
    clock.advance(minutes=45)
    assert flow.minutes_left(engine.state, clock.now()) == -15
    assert flow.start_round(engine.state, choosing, None, clock.now()).fit_minutes == 1.0


def test_the_setup_preview_is_the_plan_the_round_starts_with(open_meeting, lens_method):
    from intervisie.core.meeting import flow

    present = ("anna", "bram", "carla", "daan", "eva")
    preview = flow.preview_round(lens_method, present, None, 20)
    engine = open_meeting(present=present, facilitator="anna", facilitator_participates=True)
    run(
        engine,
        cmd.AddCase(owner="carla", title="Deadline"),
        cmd.StartRound(method=lens_method, case_id="c1", fit_minutes=20),
    )
    rnd = engine.state.round
    assert {run.id: run.planned_minutes for run in rnd.phases} == dict(preview[2].minutes)
    # Each lens phase is planned for its holders' turns, the owner holding none.
    assert {lens: len(holders) for lens, holders in rnd.lenses.items()} == {
        lens: len(holders) for lens, holders in preview[1].items()
    }
    assert "carla" not in {m for holders in rnd.lenses.values() for m in holders}


def test_the_closing_evaluation_averages_each_members_latest_scores(open_meeting):
    from intervisie.core.meeting.model import average_scores
    from intervisie.core.method.model import ContributionKind, MeetingStep

    engine = open_meeting(present=("anna", "bram", "carla"))
    run(engine, cmd.StartStep(step=MeetingStep.CLOSING))
    for who, score in (("anna", 6), ("bram", 9), ("anna", 8)):  # anna corrects her score
        run(
            engine,
            cmd.AddContribution(
                author=who, kind=ContributionKind.EVALUATION, ratings={"meeting": score}
            ),
        )
    averages = average_scores(engine.state.contributions_in(step=MeetingStep.CLOSING))
    assert (averages["meeting"].value, averages["meeting"].count) == (8.5, 2)
