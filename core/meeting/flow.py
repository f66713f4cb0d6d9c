"""The meeting's flow: where a meeting stands, and which step follows when the facilitator
moves on.

A meeting runs revisit, intake, choice, a round, then another round or the closing. What
follows depends on the method of the next round: a method with its own intake and choice
phases (the incident method) collects and chooses its case inside the round, so the meeting's
own intake and choice are left out. A round starts fitted to the minutes the meeting has
left. The facilitator's app asks these functions and sends the command they return; it keeps
no rule of its own about the order of the steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum

from intervisie.core.i18n import _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.deciding import DomainError, plan_round
from intervisie.core.meeting.fit import Fit
from intervisie.core.meeting.model import SessionState, Status
from intervisie.core.meeting.timing import meeting_timer
from intervisie.core.method.model import MeetingStep, Method, Phase, PhaseKind

RoundPlan = tuple[tuple[Phase, ...], dict[str, tuple[str, ...]], Fit]
"""What `plan_round` returns: the phases, the lens holders, the minutes fitted to time."""


class Stage(StrEnum):
    """Where a meeting stands, as the facilitator's screens show it."""

    NOT_OPENED = "not_opened"
    REVISIT = "revisit"
    INTAKE = "intake"
    CHOICE = "choice"
    ROUND = "round"
    AFTER_ROUND = "after_round"
    """A round is finished: another round, or the closing."""
    CLOSING = "closing"
    FINISHED = "finished"


def stage(state: SessionState) -> Stage:
    """Where `state` stands."""
    if state.status is Status.NOT_OPENED:
        return Stage.NOT_OPENED
    if state.status is Status.FINISHED:
        return Stage.FINISHED
    if state.round is not None:
        return Stage.ROUND
    if state.step is None:
        return Stage.AFTER_ROUND if state.rounds else Stage.INTAKE
    return Stage(state.step.value)


def has_own_choice(method: Method, options: Mapping[str, str] | None = None) -> bool:
    """Whether the method collects and chooses its case in its own phases."""
    return any(p.kind is PhaseKind.CHOICE for p in method.phases_for(options or None))


def minutes_left(state: SessionState, now: datetime) -> float:
    """The meeting's minutes available less the time it has run (pauses excluded)."""
    return state.minutes_available - meeting_timer(state, now).elapsed / 60


def start_round(
    state: SessionState, method: Method, options: Mapping[str, str] | None, now: datetime
) -> cmd.StartRound:
    """The command that starts the next round, fitted to the minutes left (at least one)."""
    return cmd.StartRound(
        method=method,
        options=dict(options) if options else None,
        fit_minutes=max(minutes_left(state, now), 1.0),
    )


def next_step(
    state: SessionState, method: Method, options: Mapping[str, str] | None, now: datetime
) -> cmd.Command | None:
    """The command that moves the meeting on from where it stands (`method` and `options`:
    the next round's), or None while a round runs (its phases move on in the round) and once
    the meeting is finished. `DomainError` when it cannot move on yet, saying why.

    - revisit, or a finished round: the next round when its method has its own choice,
      else the meeting's intake;
    - intake: the next round when its method has its own choice, else the choice (once a
      case is named);
    - choice: the case the tally chooses (`ChooseCase`); once chosen, its round;
    - closing: the meeting's end.
    """
    where = stage(state)
    own = has_own_choice(method, options)
    if where in (Stage.REVISIT, Stage.AFTER_ROUND):
        if own:
            return start_round(state, method, options, now)
        return cmd.StartStep(step=MeetingStep.INTAKE)
    if where is Stage.INTAKE:
        if own:
            return start_round(state, method, options, now)
        if not state.cases:
            raise DomainError(_("Name at least one case first."))
        return cmd.StartStep(step=MeetingStep.CHOICE)
    if where is Stage.CHOICE:
        chosen = state.chosen
        if own or (chosen is not None and chosen.case_id not in state.discussed_case_ids()):
            return start_round(state, method, options, now)
        return cmd.ChooseCase()
    if where is Stage.CLOSING:
        return cmd.FinishMeeting()
    return None


def arrival_step(
    state: SessionState, method: Method, options: Mapping[str, str] | None, now: datetime
) -> cmd.Command | None:
    """What the meeting does by itself on arriving where it stands: when it reaches its first
    intake or choice and the next round's method has its own, that round starts at once."""
    first = stage(state) in (Stage.INTAKE, Stage.CHOICE) and not state.rounds
    if first and has_own_choice(method, options):
        return start_round(state, method, options, now)
    return None


def preview_round(
    method: Method,
    participants: Sequence[str],
    options: Mapping[str, str] | None = None,
    minutes_available: float | None = None,
) -> RoundPlan:
    """The round `plan_round` makes for these participants, before the meeting opens (the
    setup screen's preview), fitted to `minutes_available`.

    The case owner is not known yet. A method with its own choice starts its round without
    one, as this preview does; otherwise the owner is one of the participants, and which one
    changes no minutes (each lens still gets its holders from the others), so the first
    stands in.
    """
    state = SessionState(
        status=Status.OPEN, present=tuple(participants), facilitator_participates=True
    )
    owner = None if has_own_choice(method, options) or not participants else participants[0]
    return plan_round(state, method, options, None, minutes_available, owner)


__all__ = [
    "Stage",
    "arrival_step",
    "has_own_choice",
    "minutes_left",
    "next_step",
    "preview_round",
    "stage",
    "start_round",
]
