"""Timers as the facilitator sees them: pauses stop them, extensions add time, a crash or a
clock that jumps back never makes time negative."""

from __future__ import annotations

from datetime import timedelta

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import replay
from intervisie.core.meeting.timing import (
    meeting_timer,
    phase_timer,
    turn_timer,
)


def _start(engine, method):
    engine.execute(cmd.AddCase(owner="bram", title="A case"))
    engine.execute(cmd.StartRound(method=method, case_id="c1"))


def test_phase_timer_counts_down_from_the_planned_minutes(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=4)
    timer = phase_timer(engine.state, clock.now())
    assert (timer.elapsed, timer.planned, timer.remaining) == (240, 600, 360)
    assert timer.running and not timer.overtime


def test_pause_stops_the_timer_and_resume_continues(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=3)
    engine.execute(cmd.Pause())
    clock.advance(minutes=20)
    paused = phase_timer(engine.state, clock.now())
    assert paused.elapsed == 180 and not paused.running
    engine.execute(cmd.Resume())
    clock.advance(minutes=1)
    assert phase_timer(engine.state, clock.now()).elapsed == 240
    assert meeting_timer(engine.state, clock.now()).elapsed == 240


def test_extension_adds_to_the_remaining_time(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=9)
    engine.execute(cmd.Extend(minutes=5))
    timer = phase_timer(engine.state, clock.now())
    assert timer.planned == 15 * 60
    assert timer.remaining == 6 * 60
    assert engine.state.round.planned_minutes == 10 + 10 + 10 + 5 + 5


def test_overtime_goes_negative_but_elapsed_never_does(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=11)
    timer = phase_timer(engine.state, clock.now())
    assert timer.overtime and timer.remaining == -60


def test_a_clock_that_goes_back_never_makes_time_negative(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=2)
    engine.execute(cmd.NextPhase())
    clock.advance(minutes=-30)  # the laptop's clock was corrected
    engine.execute(
        cmd.AddContribution(author="anna", kind="force", text="Habit", side="restraining")
    )
    timer = phase_timer(engine.state, clock.now())
    assert timer.elapsed == 0
    assert phase_timer(engine.state, clock.now(), "case").elapsed == 120
    clock.advance(minutes=31)
    assert phase_timer(engine.state, clock.now()).elapsed == 60


def test_going_back_keeps_the_time_already_spent(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=4)
    engine.execute(cmd.NextPhase())
    clock.advance(minutes=2)
    engine.execute(cmd.PreviousPhase())
    clock.advance(minutes=1)
    assert phase_timer(engine.state, clock.now()).elapsed == 300


def test_recovered_meeting_counts_no_time_it_was_not_running(engine, clock, case_method):
    _start(engine, case_method)
    clock.advance(minutes=3)
    last_seen = clock.now() + timedelta(seconds=15)
    clock.advance(minutes=45)  # the laptop was dead
    after_crash = replay(engine.events)
    from intervisie.core.meeting.engine import Engine

    reopened = Engine(clock, engine.events)
    assert reopened.state == after_crash
    reopened.recover(last_seen)
    timer = phase_timer(reopened.state, clock.now())
    assert timer.elapsed == 195 and not timer.running
    assert reopened.state.paused and reopened.state.recovered == (last_seen,)
    reopened.execute(cmd.Resume())
    clock.advance(minutes=1)
    assert phase_timer(reopened.state, clock.now()).elapsed == 255


def test_turn_timer_restarts_for_each_speaker(engine, clock, lens_method):
    engine.execute(cmd.AddCase(owner="anna", title="A case"))
    engine.execute(cmd.StartRound(method=lens_method, case_id="c1"))
    engine.execute(cmd.NextPhase())
    assert turn_timer(engine.state, clock.now()).planned == 120
    clock.advance(minutes=1.5)
    assert turn_timer(engine.state, clock.now()).elapsed == 90
    engine.execute(cmd.NextTurn())
    clock.advance(seconds=10)
    assert turn_timer(engine.state, clock.now()).elapsed == 10
    assert phase_timer(engine.state, clock.now()).elapsed == 100
    engine.execute(cmd.NextTurn())
    assert turn_timer(engine.state, clock.now()) is None


def test_no_round_no_phase_timer(engine, clock):
    assert phase_timer(engine.state, clock.now()) is None
    assert turn_timer(engine.state, clock.now()) is None
    clock.advance(minutes=2)
    assert meeting_timer(engine.state, clock.now()).remaining == 118 * 60
