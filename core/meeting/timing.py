"""Elapsed and remaining time of the meeting, a round, a phase and a turn, from the events.

Timers are never counted up by the app: the fold keeps a `Stopwatch` (seconds banked plus the
moment it last started running) for each, stopped by pauses and recovery, and these functions
read it against `now`. So a timer never drifts, and a restarted app shows the same time.
A clock that goes backwards never makes time negative: the fold clamps event times to the
latest seen, and `now` is clamped to it too.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from intervisie.core.meeting.model import PhaseRun, SessionState


@frozen
class Stopwatch:
    """Seconds `banked` so far, plus the running stretch since `since` (None: stopped)."""

    banked: float = 0.0
    since: datetime | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def start(self, at: datetime) -> Stopwatch:
        return self if self.since is not None else Stopwatch(self.banked, at)

    def stop(self, at: datetime) -> Stopwatch:
        if self.since is None:
            return self
        return Stopwatch(self.banked + max((at - self.since).total_seconds(), 0.0), None)

    def seconds(self, now: datetime) -> float:
        """Elapsed seconds at `now`; never negative, whatever the clock did."""
        if self.since is None:
            return self.banked
        return self.banked + max((now - self.since).total_seconds(), 0.0)


@frozen
class Timer:
    """A timer as the UI shows it: planned, elapsed and remaining, in seconds.

    `remaining` goes negative in overtime; `elapsed` never does.
    """

    elapsed: float
    planned: float
    running: bool

    @property
    def remaining(self) -> float:
        return self.planned - self.elapsed

    @property
    def overtime(self) -> bool:
        return self.elapsed > self.planned


def _now(state: SessionState, now: datetime) -> datetime:
    if state.last_at is not None and now < state.last_at:
        return state.last_at
    return now


def meeting_timer(state: SessionState, now: datetime) -> Timer:
    """Time the meeting has run (pauses excluded) against the minutes available."""
    return Timer(
        state.clock.seconds(_now(state, now)), state.minutes_available * 60, state.clock.running
    )


def phase_timer(state: SessionState, now: datetime, phase_id: str | None = None) -> Timer | None:
    """The open round's current phase (or the one named): planned + extensions - elapsed."""
    run = _phase_run(state, phase_id)
    if run is None:
        return None
    return Timer(
        run.clock.seconds(_now(state, now)),
        (run.planned_minutes + run.extension_minutes) * 60,
        run.clock.running,
    )


def turn_timer(state: SessionState, now: datetime) -> Timer | None:
    """The current speaker's turn, or None when the phase has no turns or all have spoken."""
    run = _phase_run(state, None)
    if run is None or run.current_speaker is None or run.turn_minutes is None:
        return None
    return Timer(
        run.turn_clock.seconds(_now(state, now)), run.turn_minutes * 60, run.turn_clock.running
    )


def _phase_run(state: SessionState, phase_id: str | None) -> PhaseRun | None:
    rnd = state.round
    if rnd is None:
        return None
    if phase_id is None:
        return rnd.phase
    return rnd.phase_run(phase_id)
