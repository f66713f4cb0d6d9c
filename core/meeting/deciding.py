"""Deciding: a command checked against the meeting's state becomes the events it causes.

`decide(state, command, now)` returns the events, or raises `DomainError` saying why (and
nothing changes). No I/O and no reading of the clock: time comes in as `now`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from intervisie.core.i18n import N_, _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.events import (
    CaseAdded,
    CaseChosen,
    CaseEdited,
    ConfidentialityAccepted,
    ContributionAdded,
    ContributionEdited,
    ContributionRemoved,
    DetailsRecorded,
    Event,
    Extended,
    MeetingFinished,
    MeetingOpened,
    MemberArrived,
    MemberLeft,
    Paused,
    PhaseChanged,
    PlannedPhase,
    QuestionMarked,
    Recovered,
    Resumed,
    Revealed,
    RoundFinished,
    RoundStarted,
    StepStarted,
    TurnAdvanced,
)
from intervisie.core.meeting.fit import Fit, fit_to_time
from intervisie.core.meeting.model import (
    FACILITATOR,
    Case,
    Contribution,
    PhaseRun,
    Round,
    SessionState,
    Status,
    Tally,
)
from intervisie.core.method.converter import converter, method_document
from intervisie.core.method.model import (
    STEP_ACCEPTS,
    ContributionKind,
    MeetingStep,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    TurnMode,
)

MAX_EXTENSION_MINUTES = 240
MAX_MEETING_MINUTES = 24 * 60
CLOSING_RATING_RANGE = (0, 10)
TEXT_KINDS = frozenset(
    {
        ContributionKind.QUESTION,
        ContributionKind.WRITING,
        ContributionKind.REMARK,
        ContributionKind.FORCE,
        ContributionKind.NOTE,
        ContributionKind.TAKEAWAY,
        ContributionKind.GOAL,
        ContributionKind.ACTION,
    }
)


KIND_NAMES: Mapping[ContributionKind, str] = {
    ContributionKind.QUESTION: N_("question"),
    ContributionKind.WRITING: N_("written text"),
    ContributionKind.REMARK: N_("remark"),
    ContributionKind.FORCE: N_("force"),
    ContributionKind.RATING: N_("rating"),
    ContributionKind.VOTE: N_("vote"),
    ContributionKind.SCORE: N_("score"),
    ContributionKind.EVALUATION: N_("evaluation"),
    ContributionKind.NOTE: N_("note"),
    ContributionKind.TAKEAWAY: N_("take-away"),
    ContributionKind.GOAL: N_("goal"),
    ContributionKind.MARK: N_("mark"),
    ContributionKind.ACTION: N_("action"),
    ContributionKind.PICK: N_("choice of an action"),
}
STEP_NAMES: Mapping[MeetingStep, str] = {
    MeetingStep.REVISIT: N_("revisit"),
    MeetingStep.INTAKE: N_("intake"),
    MeetingStep.CHOICE: N_("choice"),
    MeetingStep.CLOSING: N_("closing"),
}
ROLE_NAMES: Mapping[str, str] = {"timekeeper": N_("timekeeper"), "note-taker": N_("note-taker")}


class DomainError(ValueError):
    """A command the meeting cannot take now; the message says why, for the user."""


def _fail(message: str, **values: Any) -> DomainError:
    return DomainError(_(message).format(**values))


# =========================================================================================
# decide: command -> events
# =========================================================================================


def decide(state: SessionState, command: cmd.Command, now: datetime) -> list[Event]:
    """The events `command` causes in `state` at `now`; `DomainError` if it cannot be done."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    handler = _DECIDERS.get(type(command))
    if handler is None:
        raise TypeError(f"not a command: {command!r}")
    if not isinstance(command, cmd.OpenMeeting):
        _require_open(state)
    _check_actor(state, command)
    return handler(state, command, now)


def _require_open(state: SessionState) -> None:
    if state.status is Status.NOT_OPENED:
        raise _fail(N_("The meeting has not been opened yet."))
    if state.status is Status.FINISHED:
        raise _fail(N_("The meeting is finished; nothing can be changed any more."))


def _name(state: SessionState, member_id: str) -> str:
    return state.group.name_of(member_id) if state.group is not None else member_id


def _check_actor(state: SessionState, command: cmd.Command) -> None:
    actor = command.actor
    if actor == FACILITATOR:
        return
    if not isinstance(command, cmd.PARTICIPANT_COMMANDS):
        raise _fail(N_("Only the facilitator can do that."))
    if actor not in state.present:
        raise _fail(N_("{name} is not present at this meeting."), name=_name(state, actor))
    own = {
        cmd.AcceptConfidentiality: "member",
        cmd.RevisitNote: "author",
        cmd.AddCase: "owner",
        cmd.Vote: "voter",
        cmd.Score: "scorer",
        cmd.AddContribution: "author",
    }.get(type(command))
    if own is not None and getattr(command, own) != actor:
        raise _fail(N_("A participant can only act for themselves."))
    if isinstance(command, cmd.EditContribution | cmd.RemoveContribution):
        found = state.contribution(command.contribution_id)
        if found is not None and found.author != actor:
            raise _fail(N_("A participant can only change their own contributions."))


def _require_present(state: SessionState, member_id: str) -> None:
    if member_id not in state.present:
        raise _fail(N_("{name} is not present at this meeting."), name=_name(state, member_id))


def _require_author(state: SessionState, author: str) -> None:
    if author != FACILITATOR:
        _require_present(state, author)


def _require_no_round(state: SessionState) -> None:
    if state.round is not None:
        raise _fail(N_("A round is running: finish the round first."))


def _require_round(state: SessionState) -> Round:
    rnd = state.round
    if rnd is not None:
        return rnd
    if state.rounds:
        raise _fail(N_("The round is finished: start a new round or close the meeting."))
    raise _fail(N_("No round is running: start a round first."))


def _step_events(state: SessionState, step: MeetingStep, now: datetime) -> list[Event]:
    _require_no_round(state)
    return [] if state.step is step else [StepStarted(now, step=step)]


def _next_id(state: SessionState, key: str, prefix: str, offset: int = 0) -> str:
    return f"{prefix}{state.next_ids.get(key, 0) + 1 + offset}"


def _phase_name(run: PhaseRun) -> str:
    from intervisie.core.i18n import current_language

    return run.phase.name.get(current_language()) or run.phase.id


# -- the meeting --------------------------------------------------------------------------


def _open_meeting(state: SessionState, command: cmd.OpenMeeting, now: datetime) -> list[Event]:
    if state.status is not Status.NOT_OPENED:
        raise _fail(N_("The meeting is already open."))
    group = command.group
    ids = [m.id for m in group.members]
    if not ids:
        raise _fail(N_("The group has no members."))
    if len(set(ids)) != len(ids):
        raise _fail(N_("Two members of the group have the same id."))
    if not command.present:
        raise _fail(N_("Nobody is present: mark the members who are here."))
    if len(set(command.present)) != len(command.present):
        raise _fail(N_("A member is marked present twice."))
    strangers = [m for m in command.present if m not in ids]
    if strangers:
        raise _fail(N_("{ids} is not a member of the group."), ids=", ".join(strangers))
    if not command.facilitator.strip():
        raise _fail(N_("The meeting needs a facilitator."))
    for role, who in (("timekeeper", command.timekeeper), ("note-taker", command.note_taker)):
        if who is not None and who not in command.present:
            raise _fail(N_("The {role} must be a member who is present."), role=_(ROLE_NAMES[role]))
    missing = [group.name_of(m) for m in command.present if m not in command.confidentiality]
    if missing:
        raise _fail(
            N_("Everyone present must accept the confidentiality agreement; not yet: {names}."),
            names=", ".join(missing),
        )
    if not 0 < command.minutes_available <= MAX_MEETING_MINUTES:
        raise _fail(N_("The time available must be between 1 minute and 24 hours."))
    events: list[Event] = [
        MeetingOpened(
            now,
            actor=command.actor,
            group=group,
            present=tuple(command.present),
            facilitator=command.facilitator,
            facilitator_participates=command.facilitator_participates,
            timekeeper=command.timekeeper,
            note_taker=command.note_taker,
            observer=command.observer,
            confidentiality=tuple(m for m in command.present if m in command.confidentiality),
            minutes_available=command.minutes_available,
            place=command.place,
            online=command.online,
            rule_profile=command.rule_profile,
            demo=command.demo,
            revisit=tuple(command.revisit),
        ),
    ]
    events += [
        ConfidentialityAccepted(now, actor=command.actor, member=m, text=command.agreement)
        for m in command.present
        if m in command.confidentiality
    ]
    events.append(
        StepStarted(now, step=MeetingStep.REVISIT if command.revisit else MeetingStep.INTAKE)
    )
    # Left-over cases come back only for owners who are here to bring them in.
    carried = [case for case in command.carried if case.owner in command.present]
    for i, case in enumerate(carried):
        new = attrs.evolve(case, id=f"c{i + 1}")
        events.append(CaseAdded(now, case=new, carried_from=case.id))
    return events


def _accept_confidentiality(
    state: SessionState, command: cmd.AcceptConfidentiality, now: datetime
) -> list[Event]:
    _require_present(state, command.member)
    if command.member in state.agreed:
        raise _fail(
            N_("{name} has already accepted the confidentiality agreement."),
            name=_name(state, command.member),
        )
    text = state.agreement if command.text is None else command.text
    return [ConfidentialityAccepted(now, actor=command.actor, member=command.member, text=text)]


def _start_step(state: SessionState, command: cmd.StartStep, now: datetime) -> list[Event]:
    _require_no_round(state)
    if state.step is command.step:
        raise _fail(N_("The meeting is already at this step."))
    return [StepStarted(now, actor=command.actor, step=command.step)]


def _pause(state: SessionState, command: cmd.Pause, now: datetime) -> list[Event]:
    if state.paused:
        raise _fail(N_("The meeting is already paused."))
    return [Paused(now, actor=command.actor)]


def _resume(state: SessionState, command: cmd.Resume, now: datetime) -> list[Event]:
    if not state.paused:
        raise _fail(N_("The meeting is not paused."))
    return [Resumed(now, actor=command.actor)]


def _recover(state: SessionState, command: cmd.Recover, now: datetime) -> list[Event]:
    last = state.last_at
    if last is None:
        raise _fail(N_("The meeting has not been opened yet."))
    at = max(last, command.last_seen) if command.last_seen is not None else last
    return [Recovered(at, actor=command.actor)]


def _finish_meeting(state: SessionState, command: cmd.FinishMeeting, now: datetime) -> list[Event]:
    _require_no_round(state)
    return [MeetingFinished(now, actor=command.actor)]


# -- attendance ---------------------------------------------------------------------------

MAX_DETAIL_LENGTH = 200
"""The certificate's lines are short: a provider's name, a line of themes, how it was checked."""


def _arrive(state: SessionState, c: cmd.Arrive, now: datetime) -> list[Event]:
    assert state.group is not None
    if state.group.member(c.member) is None:
        raise _fail(N_("{ids} is not a member of the group."), ids=c.member)
    if c.member in state.present:
        raise _fail(N_("{name} is already present."), name=_name(state, c.member))
    back = c.member in state.on_break
    if not back and not c.accepts_confidentiality and c.member not in state.confidentiality:
        raise _fail(
            N_("{name} must accept the confidentiality agreement on arrival."),
            name=_name(state, c.member),
        )
    return [
        MemberArrived(
            now,
            actor=c.actor,
            member=c.member,
            confidentiality=c.accepts_confidentiality or c.member in state.confidentiality,
            back=back,
        )
    ]


def _leave(state: SessionState, c: cmd.Leave, now: datetime) -> list[Event]:
    if c.member not in state.present:
        raise _fail(N_("{name} is not present at this meeting."), name=_name(state, c.member))
    if c.member == state.facilitator:
        raise _fail(N_("The facilitator stays until the end: close the meeting instead."))
    return [MemberLeft(now, actor=c.actor, member=c.member, on_break=c.on_break)]


def _record_details(state: SessionState, c: cmd.RecordDetails, now: datetime) -> list[Event]:
    values = {}
    for name in ("provider", "what_came_up", "attendance_check"):
        value = getattr(c, name)
        if value is None:
            continue
        value = " ".join(value.split())
        if len(value) > MAX_DETAIL_LENGTH:
            raise _fail(
                N_("Keep it short: at most {n} characters (this is {count})."),
                n=MAX_DETAIL_LENGTH,
                count=len(value),
            )
        if value != getattr(state, name):
            values[name] = value
    if not values:
        return []
    return [DetailsRecorded(now, actor=c.actor, **values)]


# -- cases --------------------------------------------------------------------------------


def _revisit_note(state: SessionState, command: cmd.RevisitNote, now: datetime) -> list[Event]:
    if state.revisit_case(command.case_id) is None:
        raise _fail(N_("There is no case {id} from the previous meeting."), id=command.case_id)
    _require_author(state, command.author)
    if not command.text.strip():
        raise _fail(N_("A note needs some text."))
    events = _step_events(state, MeetingStep.REVISIT, now)
    events.append(
        ContributionAdded(
            now,
            actor=command.actor,
            contribution_id=_next_id(state, "contribution", "k"),
            author=command.author,
            kind=ContributionKind.NOTE,
            text=command.text,
            step=MeetingStep.REVISIT,
            target=command.case_id,
        )
    )
    return events


def _add_case(state: SessionState, command: cmd.AddCase, now: datetime) -> list[Event]:
    _require_present(state, command.owner)
    if not command.title.strip():
        raise _fail(N_("A case needs a title."))
    case = Case(
        _next_id(state, "case", "c"),
        command.owner,
        command.title,
        command.description,
        command.kind,
    )
    rnd = state.round
    if rnd is not None:
        if rnd.phase.phase.kind is not PhaseKind.INTAKE:
            raise _fail(
                N_("Cases are named at intake, not in the phase {phase}."),
                phase=_phase_name(rnd.phase),
            )
        return [
            CaseAdded(now, actor=command.actor, case=case, round_id=rnd.id, phase_id=rnd.phase.id)
        ]
    events = _step_events(state, MeetingStep.INTAKE, now)
    events.append(CaseAdded(now, actor=command.actor, case=case))
    return events


def _edit_case(state: SessionState, command: cmd.EditCase, now: datetime) -> list[Event]:
    if state.case(command.case_id) is None:
        raise _fail(N_("There is no case {id}."), id=command.case_id)
    if not command.title.strip():
        raise _fail(N_("A case needs a title."))
    return [
        CaseEdited(
            now,
            actor=command.actor,
            case_id=command.case_id,
            title=command.title,
            description=command.description,
            kind=command.kind,
        )
    ]


def _discussed(state: SessionState) -> set[str]:
    return {r.case_id for r in state.rounds if r.case_id is not None and not r.is_open}


def _require_eligible(state: SessionState, case_id: str) -> Case:
    case = state.case(case_id)
    if case is None:
        raise _fail(N_("There is no case {id} on the list."), id=case_id)
    if case.id in _discussed(state):
        raise _fail(N_("The case {title!r} already had its round."), title=case.title)
    if case.owner not in state.present:
        raise _fail(N_("The owner of {title!r} is not present."), title=case.title)
    return case


_Context = tuple[str | None, str | None, MeetingStep | None]


def _choice_context(
    state: SessionState, now: datetime
) -> tuple[_Context, list[Event], Phase | None]:
    """Where a vote or score goes: the round's choice phase, or the meeting's choice step."""
    rnd = state.round
    if rnd is not None:
        if rnd.phase.phase.kind is not PhaseKind.CHOICE:
            raise _fail(
                N_("Votes and scores belong to the choice, not to the phase {phase}."),
                phase=_phase_name(rnd.phase),
            )
        return (rnd.id, rnd.phase.id, None), [], rnd.phase.phase
    return (None, None, MeetingStep.CHOICE), _step_events(state, MeetingStep.CHOICE, now), None


def _in_context(state: SessionState, context: _Context) -> list[Contribution]:
    """The open choice's votes and scores (a settled choice's never change again)."""
    round_id, phase_id, _step = context
    return list(state.choice_contributions(round_id, phase_id))


def _vote(state: SessionState, command: cmd.Vote, now: datetime) -> list[Event]:
    _require_present(state, command.voter)
    _require_eligible(state, command.case_id)
    context, events, _phase = _choice_context(state, now)
    mine = [
        x
        for x in _in_context(state, context)
        if x.kind is ContributionKind.VOTE and x.author == command.voter
    ]
    if mine:
        if mine[0].target == command.case_id:
            return []
        events.append(
            ContributionEdited(
                now, actor=command.actor, contribution_id=mine[0].id, target=command.case_id
            )
        )
        return events
    events.append(
        _choice_contribution(
            state,
            command.actor,
            command.voter,
            ContributionKind.VOTE,
            command.case_id,
            {},
            context,
            now,
        )
    )
    return events


def _score(state: SessionState, command: cmd.Score, now: datetime) -> list[Event]:
    _require_present(state, command.scorer)
    _require_eligible(state, command.case_id)
    context, events, phase = _choice_context(state, now)
    if phase is not None and phase.criteria:
        criteria = {cr.id: (cr.min, cr.max) for cr in phase.criteria}
    else:
        criteria = {name: cmd.EGT_RANGE for name in cmd.EGT_CRITERIA}
    _check_ratings(command.ratings, criteria, complete=True)
    mine = [
        x
        for x in _in_context(state, context)
        if x.kind is ContributionKind.SCORE
        and x.author == command.scorer
        and x.target == command.case_id
    ]
    if mine:
        events.append(
            ContributionEdited(
                now,
                actor=command.actor,
                contribution_id=mine[0].id,
                target=command.case_id,
                ratings=dict(command.ratings),
            )
        )
        return events
    events.append(
        _choice_contribution(
            state,
            command.actor,
            command.scorer,
            ContributionKind.SCORE,
            command.case_id,
            command.ratings,
            context,
            now,
        )
    )
    return events


def _choice_contribution(
    state: SessionState,
    actor: str,
    author: str,
    kind: ContributionKind,
    case_id: str,
    ratings: Mapping[str, int],
    context: _Context,
    now: datetime,
) -> ContributionAdded:
    round_id, phase_id, step = context
    return ContributionAdded(
        now,
        actor=actor,
        contribution_id=_next_id(state, "contribution", "k"),
        author=author,
        kind=kind,
        step=step,
        round_id=round_id,
        phase_id=phase_id,
        ratings=dict(ratings),
        target=case_id,
    )


def _check_ratings(
    ratings: Mapping[str, int], criteria: Mapping[str, tuple[int, int]], complete: bool
) -> None:
    unknown = sorted(set(ratings) - set(criteria))
    if unknown:
        raise _fail(
            N_("Unknown score {names}; scored here: {known}."),
            names=", ".join(unknown),
            known=", ".join(criteria),
        )
    if complete:
        missing = [name for name in criteria if name not in ratings]
        if missing:
            raise _fail(N_("Give a score for {names}."), names=", ".join(missing))
    for name, value in ratings.items():
        low, high = criteria[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _fail(
                N_("The score for {name} must be a whole number from {low} to {high}."),
                name=name,
                low=low,
                high=high,
            )


def _settled(state: SessionState, round_id: str | None, phase_id: str | None) -> Tally:
    """The counted choice (`SessionState.tally`) when it decides; `DomainError` saying why not."""
    counted = state.tally(round_id, phase_id)
    if not counted.cases:
        raise _fail(N_("There is no case to choose from: name a case first."))
    if counted.winner is None:
        raise _fail(N_("Nobody has voted or scored yet: vote, score, or choose a case yourself."))
    return counted


def _choose(state: SessionState, command: cmd.ChooseCase, now: datetime) -> list[Event]:
    rnd = state.round
    events: list[Event] = []
    if rnd is not None:
        if rnd.phase.phase.kind is not PhaseKind.CHOICE:
            raise _fail(
                N_("A case is chosen at the choice, not in the phase {phase}."),
                phase=_phase_name(rnd.phase),
            )
    else:
        events = _step_events(state, MeetingStep.CHOICE, now)
    events.append(_chosen_event(state, command.case_id, command.actor, now))
    return events


def _chosen_event(
    state: SessionState, case_id: str | None, actor: str, now: datetime
) -> CaseChosen:
    rnd = state.round
    round_id = rnd.id if rnd is not None else None
    if case_id is not None:
        case = _require_eligible(state, case_id)
        return CaseChosen(
            now,
            actor=actor,
            case_id=case.id,
            owner=case.owner,
            by="facilitator",
            round_id=round_id,
        )
    counted = _settled(state, round_id, rnd.phase.id if rnd is not None else None)
    chosen = state.case(counted.tied[0])
    assert chosen is not None
    return CaseChosen(
        now,
        actor=actor,
        case_id=chosen.id,
        owner=chosen.owner,
        by=counted.by,
        tied=counted.tied if len(counted.tied) > 1 else (),
        tally=dict(counted.points),
        round_id=round_id,
    )


# -- rounds -------------------------------------------------------------------------------


def _phases(method: Method, options: Mapping[str, str] | None, order: Sequence[str] | None):
    try:
        return method.phases_for(options, order)
    except KeyError as exc:
        raise _fail(
            N_("This method cannot run that way: {problem}."), problem=exc.args[0]
        ) from None


def assign_lenses(
    phases: Sequence[Phase], participants: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """Lenses (six hats, assigned mode) handed out round-robin over the participants.

    Every participant holds a lens; a lens with no holder (more lenses than people) goes to
    participants again from the start, so every lens phase has someone to speak.
    """
    lenses: list[str] = []
    for phase in phases:
        lens = phase.lens if phase.turn_mode is TurnMode.LENS else None
        if lens is not None and lens.id not in lenses:
            lenses.append(lens.id)
    if not lenses or not participants:
        return {}
    holders: dict[str, list[str]] = {lens: [] for lens in lenses}
    for i, member in enumerate(participants):
        holders[lenses[i % len(lenses)]].append(member)
    for j, lens_id in enumerate(lenses):
        if not holders[lens_id]:
            holders[lens_id].append(participants[j % len(participants)])
    return {lens_id: tuple(members) for lens_id, members in holders.items()}


def plan_round(
    state: SessionState,
    method: Method,
    options: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
    fit_minutes: float | None = None,
    owner: str | None = None,
) -> tuple[tuple[Phase, ...], dict[str, tuple[str, ...]], Fit]:
    """The phases a round would run, its lens holders, and their minutes fitted to time.

    The setup screen shows this before the round starts (which phases could not shrink).
    """
    phases = _phases(method, options, order)
    participants = state.participants
    holders = assign_lenses(phases, [p for p in participants if p != owner])
    turns = {
        p.id: len(holders.get(p.lens.id, ()))
        for p in phases
        if p.turn_mode is TurnMode.LENS and p.lens is not None
    }
    available = fit_minutes if fit_minutes is not None else float("inf")
    return phases, holders, fit_to_time(phases, available, len(participants), turns)


def _start_round(state: SessionState, command: cmd.StartRound, now: datetime) -> list[Event]:
    _require_no_round(state)
    if command.fit_minutes is not None and not 0 < command.fit_minutes <= MAX_MEETING_MINUTES:
        raise _fail(N_("The time to fit must be between 1 minute and 24 hours."))
    phases = _phases(command.method, command.options, command.order)
    if not phases:
        raise _fail(N_("This method has no phases with these options."))
    chooses = any(p.kind is PhaseKind.CHOICE for p in phases)
    case: Case | None = None
    if command.case_id is not None:
        case = _require_eligible(state, command.case_id)
    elif state.chosen is not None and state.chosen.case_id not in _discussed(state):
        case = state.case(state.chosen.case_id)
    elif not chooses:
        raise _fail(N_("Choose a case first: this method has no choice of its own."))
    if case is None and phases[0].owner is not OwnerPosition.NONE:
        raise _fail(N_("Choose a case first: the first phase needs a case owner."))
    owner = case.owner if case is not None else None
    phases, holders, fit = plan_round(
        state, command.method, command.options, command.order, command.fit_minutes, owner
    )
    participants = state.participants
    planned = []
    for phase in phases:
        turns, owner_skips_turn = _speakers(phase, participants, holders)
        minutes = fit.minutes.get(phase.id, phase.planned_minutes(len(participants)))
        planned.append(
            PlannedPhase(
                phase.id,
                float(minutes),
                converter.unstructure(phase),
                turns,
                owner_skips_turn,
            )
        )
    return [
        RoundStarted(
            now,
            actor=command.actor,
            round_id=_next_id(state, "round", "r"),
            method=method_document(command.method),
            options=command.method.option_values(command.options),
            phases=tuple(planned),
            case_id=case.id if case is not None else None,
            owner=owner,
            participants=participants,
            fit_minutes=command.fit_minutes,
            lenses=holders,
        )
    ]


def _speakers(
    phase: Phase, participants: Sequence[str], lenses: Mapping[str, Sequence[str]]
) -> tuple[tuple[str, ...], bool]:
    """Who takes a turn in `phase`, in order, and whether the case owner is left out.

    Everyone present speaks in an `each` phase; in a `lens` phase the lens's holders. The
    owner sits out unless the phase has no owner yet or says `turns_include_owner`, except
    when the owner alone holds a lens. Recorded in the round's start event, since the owner
    may only be chosen later in the round.
    """
    mode = phase.turn_mode
    if mode is TurnMode.NONE:
        return (), False
    if mode is TurnMode.LENS and phase.lens is not None:
        people = tuple(lenses.get(phase.lens.id, ()))
    else:
        people = tuple(participants)
    sits_out = phase.owner is not OwnerPosition.NONE and not phase.turns_include_owner
    return people, sits_out and (mode is TurnMode.EACH or len(people) > 1)


def _move(state: SessionState, command: cmd.Command, now: datetime, how: str) -> list[Event]:
    rnd = _require_round(state)
    run = rnd.phase
    events: list[Event] = []
    if how == "previous":
        if rnd.current == 0:
            raise _fail(N_("This is the round's first phase."))
        target = rnd.phases[rnd.current - 1]
    else:
        if rnd.current == len(rnd.phases) - 1:
            raise _fail(N_("This is the round's last phase: finish the round."))
        target = rnd.phases[rnd.current + 1]
        owner = rnd.owner
        if run.phase.kind is PhaseKind.CHOICE and rnd.choice is None:
            chosen = _chosen_event(state, None, command.actor, now)
            events.append(chosen)
            owner = chosen.owner
        if owner is None and target.phase.owner is not OwnerPosition.NONE:
            raise _fail(
                N_("The phase {phase} needs a case owner: choose a case first."),
                phase=_phase_name(target),
            )
    events.append(
        PhaseChanged(
            now,
            actor=command.actor,
            round_id=rnd.id,
            from_phase=run.id,
            to_phase=target.id,
            how=how,
        )
    )
    return events


def _next_phase(state: SessionState, command: cmd.NextPhase, now: datetime) -> list[Event]:
    return _move(state, command, now, "next")


def _previous_phase(state: SessionState, command: cmd.PreviousPhase, now: datetime) -> list[Event]:
    return _move(state, command, now, "previous")


def _skip_phase(state: SessionState, command: cmd.SkipPhase, now: datetime) -> list[Event]:
    return _move(state, command, now, "skip")


def _extend(state: SessionState, command: cmd.Extend, now: datetime) -> list[Event]:
    rnd = _require_round(state)
    if not 0 < command.minutes <= MAX_EXTENSION_MINUTES:
        raise _fail(N_("An extension must be more than 0 and at most 240 minutes."))
    return [
        Extended(
            now,
            actor=command.actor,
            round_id=rnd.id,
            phase_id=rnd.phase.id,
            minutes=command.minutes,
        )
    ]


def _next_turn(state: SessionState, command: cmd.NextTurn, now: datetime) -> list[Event]:
    rnd = _require_round(state)
    run = rnd.phase
    if not run.turns:
        raise _fail(N_("The phase {phase} does not go round the group."), phase=_phase_name(run))
    if run.turn >= len(run.turns):
        raise _fail(N_("Everyone has had a turn in the phase {phase}."), phase=_phase_name(run))
    return [
        TurnAdvanced(now, actor=command.actor, round_id=rnd.id, phase_id=run.id, turn=run.turn + 1)
    ]


def _reveal(state: SessionState, command: cmd.Reveal, now: datetime) -> list[Event]:
    rnd = _require_round(state)
    if command.phase_id is not None:
        try:
            run = rnd.phase_run(command.phase_id)
        except KeyError:
            raise _fail(N_("This round has no phase {id}."), id=command.phase_id) from None
    else:
        candidates = [
            r
            for r in rnd.phases[: rnd.current + 1]
            if r.phase.hidden_until_reveal and not r.revealed
        ]
        if not candidates:
            raise _fail(N_("There is nothing hidden to reveal."))
        run = candidates[-1]
    if not run.phase.hidden_until_reveal:
        raise _fail(N_("The phase {phase} does not hide contributions."), phase=_phase_name(run))
    if run.revealed:
        raise _fail(N_("The phase {phase} is already revealed."), phase=_phase_name(run))
    if not run.visited:
        raise _fail(N_("The phase {phase} has not started yet."), phase=_phase_name(run))
    return [Revealed(now, actor=command.actor, round_id=rnd.id, phase_id=run.id)]


def _finish_round(state: SessionState, command: cmd.FinishRound, now: datetime) -> list[Event]:
    rnd = _require_round(state)
    return [RoundFinished(now, actor=command.actor, round_id=rnd.id)]


# -- contributions ------------------------------------------------------------------------


def _add_contribution(
    state: SessionState, command: cmd.AddContribution, now: datetime
) -> list[Event]:
    if command.kind is ContributionKind.VOTE:
        if command.target is None:
            raise _fail(N_("A vote needs a case."))
        return _vote(
            state, cmd.Vote(actor=command.actor, voter=command.author, case_id=command.target), now
        )
    if command.kind is ContributionKind.SCORE:
        if command.target is None:
            raise _fail(N_("A score needs a case."))
        return _score(
            state,
            cmd.Score(
                actor=command.actor,
                scorer=command.author,
                case_id=command.target,
                ratings=command.ratings,
            ),
            now,
        )
    _require_author(state, command.author)
    rnd = state.round
    events: list[Event] = []
    if rnd is not None and command.step is None:
        run = rnd.phase
        phase = run.phase
        if command.kind not in phase.accepts():
            raise _fail(
                N_("The phase {phase} does not capture a {kind}."),
                phase=_phase_name(run),
                kind=_(KIND_NAMES[command.kind]),
            )
        if (
            command.kind is ContributionKind.QUESTION
            and command.author == rnd.owner
            and rnd.owner is not None
        ):
            raise _fail(N_("The case owner answers the questions and does not ask them."))
        silent = (OwnerPosition.LISTENING, OwnerPosition.TURNED_AWAY)
        if (
            rnd.owner is not None
            and command.author == rnd.owner
            and phase.owner in silent
            and command.kind is not ContributionKind.NOTE
        ):
            raise _fail(
                N_("The case owner listens in the phase {phase}: only their own notes."),
                phase=_phase_name(run),
            )
        if command.kind is ContributionKind.PICK and command.author != rnd.owner:
            raise _fail(N_("The case owner chooses the actions."))
        _check_fields(
            state,
            command.kind,
            command.text,
            command.side,
            command.ratings,
            command.target,
            phase,
            rnd,
        )
        where: dict[str, Any] = {
            "round_id": rnd.id,
            "phase_id": run.id,
            "lens": phase.lens.id if phase.lens is not None else None,
            "hidden": phase.hidden_until_reveal and not run.revealed,
        }
    else:
        step = command.step or state.step
        if step is None:
            raise _fail(N_("Start a meeting step (revisit, intake, choice or closing) first."))
        if command.kind not in STEP_ACCEPTS[step]:
            raise _fail(
                N_("The meeting's {step} does not capture a {kind}."),
                step=_(STEP_NAMES[step]),
                kind=_(KIND_NAMES[command.kind]),
            )
        events = _step_events(state, step, now)
        _check_fields(
            state,
            command.kind,
            command.text,
            command.side,
            command.ratings,
            command.target,
            None,
            None,
        )
        revisit = step is MeetingStep.REVISIT and command.target is not None
        if revisit and command.target is not None and state.revisit_case(command.target) is None:
            raise _fail(N_("There is no case {id} from the previous meeting."), id=command.target)
        where = {"step": step}
    events.append(
        ContributionAdded(
            now,
            actor=command.actor,
            contribution_id=_next_id(state, "contribution", "k"),
            author=command.author,
            kind=command.kind,
            text=command.text,
            side=command.side,
            ratings=dict(command.ratings),
            target=command.target,
            **where,
        )
    )
    return events


def _check_fields(
    state: SessionState,
    kind: ContributionKind,
    text: str,
    side: str | None,
    ratings: Mapping[str, int],
    target: str | None,
    phase: Phase | None,
    rnd: Round | None,
) -> None:
    if kind in TEXT_KINDS and not text.strip():
        raise _fail(N_("A {kind} needs some text."), kind=_(KIND_NAMES[kind]))
    if kind is ContributionKind.FORCE:
        sides = [s.id for s in phase.sides] if phase is not None else []
        if side not in sides:
            raise _fail(N_("Say which side the force is on: {sides}."), sides=", ".join(sides))
    elif side is not None:
        raise _fail(N_("Only a force has a side."))
    if kind is ContributionKind.RATING:
        if phase is None or not ratings:
            raise _fail(N_("A rating needs a score."))
        _check_ratings(ratings, {cr.id: (cr.min, cr.max) for cr in phase.criteria}, False)
        if target is not None and rnd is not None:
            rated = state.contribution(target)
            if rated is None or rated.round_id != rnd.id:
                raise _fail(N_("There is no contribution {id} in this round to rate."), id=target)
    elif kind is ContributionKind.EVALUATION:
        if not text.strip() and not ratings:
            raise _fail(N_("An evaluation needs a score or a remark."))
        if phase is not None and phase.criteria:
            _check_ratings(ratings, {cr.id: (cr.min, cr.max) for cr in phase.criteria}, False)
        else:
            low, high = CLOSING_RATING_RANGE
            _check_ratings(ratings, {name: (low, high) for name in ratings}, False)
    elif ratings:
        raise _fail(N_("A {kind} has no scores."), kind=_(KIND_NAMES[kind]))
    if kind in (ContributionKind.MARK, ContributionKind.ACTION):
        _require_target(state, target, rnd, ContributionKind.FORCE, N_("There is no force {id}."))
    elif kind is ContributionKind.PICK:
        _require_target(state, target, rnd, ContributionKind.ACTION, N_("There is no action {id}."))


def _require_target(
    state: SessionState,
    target: str | None,
    rnd: Round | None,
    kind: ContributionKind,
    message: str,
) -> None:
    """A mark or an action points at a force of this round; a pick at one of its actions."""
    found = state.contribution(target) if target is not None else None
    if found is None or rnd is None or found.round_id != rnd.id or found.kind is not kind:
        raise _fail(message, id=target or "?")


def _require_choice_open(state: SessionState, old: Contribution) -> None:
    """A round's votes and scores change only while its choice runs: they set the owner."""
    if old.kind not in (ContributionKind.VOTE, ContributionKind.SCORE) or old.round_id is None:
        return
    rnd = state.round
    if rnd is None or rnd.id != old.round_id or rnd.phase.id != old.phase_id:
        raise _fail(N_("The choice is over: its votes and scores can no longer change."))


def _edit_contribution(
    state: SessionState, command: cmd.EditContribution, now: datetime
) -> list[Event]:
    old = state.contribution(command.contribution_id)
    if old is None:
        raise _fail(N_("There is no contribution {id}."), id=command.contribution_id)
    _require_choice_open(state, old)
    text = command.text if command.text is not None else old.text
    side = command.side if command.side is not None else old.side
    ratings = dict(command.ratings) if command.ratings is not None else dict(old.ratings)
    target = command.target if command.target is not None else old.target
    if (text, side, ratings, target) == (old.text, old.side, dict(old.ratings), old.target):
        return []
    phase = rnd = None
    if old.round_id is not None:
        rnd = state.round_by_id(old.round_id)
        if rnd is not None and old.phase_id is not None:
            phase = rnd.phase_run(old.phase_id).phase
    if old.kind is ContributionKind.VOTE:
        _require_eligible(state, target or "")
    elif old.kind is ContributionKind.SCORE:
        _require_eligible(state, target or "")
        if phase is not None and phase.criteria:
            criteria = {cr.id: (cr.min, cr.max) for cr in phase.criteria}
        else:
            criteria = {name: cmd.EGT_RANGE for name in cmd.EGT_CRITERIA}
        _check_ratings(ratings, criteria, complete=True)
    else:
        _check_fields(state, old.kind, text, side, ratings, target, phase, rnd)
    return [
        ContributionEdited(
            now,
            actor=command.actor,
            contribution_id=old.id,
            text=text,
            side=side,
            ratings=ratings,
            target=target,
        )
    ]


def _mark_question(state: SessionState, command: cmd.MarkQuestion, now: datetime) -> list[Event]:
    old = state.contribution(command.contribution_id)
    if old is None or old.kind is not ContributionKind.QUESTION:
        raise _fail(N_("There is no question {id}."), id=command.contribution_id)
    if command.mark is not None and command.mark not in cmd.QUESTION_MARKS:
        raise _fail(N_("A question is marked {marks}."), marks=", ".join(cmd.QUESTION_MARKS))
    rnd = state.round_by_id(old.round_id) if old.round_id is not None else None
    if command.actor != FACILITATOR and (rnd is None or command.actor != rnd.owner):
        raise _fail(N_("Only the case owner marks the questions."))
    if old.mark == command.mark:
        return []
    return [QuestionMarked(now, actor=command.actor, contribution_id=old.id, mark=command.mark)]


def _remove_contribution(
    state: SessionState, command: cmd.RemoveContribution, now: datetime
) -> list[Event]:
    old = state.contribution(command.contribution_id)
    if old is None:
        raise _fail(N_("There is no contribution {id}."), id=command.contribution_id)
    _require_choice_open(state, old)
    return [ContributionRemoved(now, actor=command.actor, contribution_id=command.contribution_id)]


_DECIDERS: dict[type[cmd.Command], Callable[[SessionState, Any, datetime], list[Event]]] = {
    cmd.OpenMeeting: _open_meeting,
    cmd.AcceptConfidentiality: _accept_confidentiality,
    cmd.StartStep: _start_step,
    cmd.RevisitNote: _revisit_note,
    cmd.AddCase: _add_case,
    cmd.EditCase: _edit_case,
    cmd.Vote: _vote,
    cmd.Score: _score,
    cmd.ChooseCase: _choose,
    cmd.StartRound: _start_round,
    cmd.NextPhase: _next_phase,
    cmd.PreviousPhase: _previous_phase,
    cmd.SkipPhase: _skip_phase,
    cmd.Pause: _pause,
    cmd.Resume: _resume,
    cmd.Extend: _extend,
    cmd.NextTurn: _next_turn,
    cmd.AddContribution: _add_contribution,
    cmd.EditContribution: _edit_contribution,
    cmd.RemoveContribution: _remove_contribution,
    cmd.MarkQuestion: _mark_question,
    cmd.Reveal: _reveal,
    cmd.FinishRound: _finish_round,
    cmd.FinishMeeting: _finish_meeting,
    cmd.Recover: _recover,
    cmd.Arrive: _arrive,
    cmd.Leave: _leave,
    cmd.RecordDetails: _record_details,
}
