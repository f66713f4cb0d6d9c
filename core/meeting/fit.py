"""Fit to time: shrink a round's phases to the minutes available, never below their floors.

Every phase is scaled by the same factor (a proportional cut keeps the method's balance);
a phase that would drop below its floor (`Phase.floor_minutes`) stays at the floor and the
others take the rest of the cut. Phases are never stretched when there is time to spare.
Per-turn phases count with the participants present. The meeting's own steps (revisit,
intake, choice, closing) are not phases and do not count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import field, frozen

from intervisie.core.method.model import Phase

_EPS = 1e-9


@frozen
class Fit:
    """The minutes each phase gets, and whether the round fits in the minutes available."""

    minutes: Mapping[str, float] = field(hash=False)
    """Phase id to fitted minutes, in the phases' order."""
    available: float
    planned: float
    """The phases' own total, before fitting."""
    fits: bool
    at_floor: tuple[str, ...] = ()
    """Phases cut down to their floor: they could not shrink any further."""

    @property
    def total(self) -> float:
        return sum(self.minutes.values())


def fit_to_time(
    phases: Sequence[Phase],
    minutes_available: float,
    participants: int,
    turns: Mapping[str, int] | None = None,
) -> Fit:
    """Fit `phases` into `minutes_available` for `participants` present.

    `turns` overrides the number of turns of a per-turn phase (assigned lenses: only the
    lens holders speak).
    """
    planned = {p.id: _planned(p, participants, turns) for p in phases}
    floors = {p.id: min(_floor(p, participants, turns), planned[p.id]) for p in phases}
    total = sum(planned.values())
    if total <= minutes_available + _EPS:
        return Fit(planned, minutes_available, total, True)
    if sum(floors.values()) >= minutes_available - _EPS:
        stuck = tuple(pid for pid in planned if planned[pid] > 0)
        fits = sum(floors.values()) <= minutes_available + _EPS
        return Fit(dict(floors), minutes_available, total, fits, stuck)
    fixed: set[str] = set()
    while True:
        free = [pid for pid in planned if pid not in fixed]
        budget = minutes_available - sum(floors[pid] for pid in fixed)
        scale = budget / sum(planned[pid] for pid in free)
        newly = {pid for pid in free if planned[pid] * scale < floors[pid] - _EPS}
        if not newly:
            break
        fixed |= newly
    minutes = {pid: floors[pid] if pid in fixed else planned[pid] * scale for pid in planned}
    at_floor = tuple(pid for pid in planned if pid in fixed)
    return Fit(minutes, minutes_available, total, True, at_floor)


def _turns(phase: Phase, participants: int, turns: Mapping[str, int] | None) -> int | None:
    if turns is not None and phase.id in turns and phase.minutes_per_turn is not None:
        return max(turns[phase.id], 1)
    return None


def _planned(phase: Phase, participants: int, turns: Mapping[str, int] | None) -> float:
    count = _turns(phase, participants, turns)
    if count is not None:
        return float(phase.minutes_per_turn or 0) * count
    return phase.planned_minutes(participants)


def _floor(phase: Phase, participants: int, turns: Mapping[str, int] | None) -> float:
    count = _turns(phase, participants, turns)
    if count is not None:
        per_turn = phase.floor_minutes(participants) / max(phase.turn_count(participants), 1)
        return per_turn * count
    return phase.floor_minutes(participants)
