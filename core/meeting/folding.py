"""Folding: the meeting's state rebuilt from its events alone.

`fold(events)` (alias `replay`) is how the store replays a meeting, the JSON import restores
one, and another process follows the facilitator's. It works on a private mutable builder
and hands out frozen `SessionState` snapshots, so replaying thousands of events stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import attrs

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
    QuestionMarked,
    Recovered,
    Resumed,
    Revealed,
    RoundFinished,
    RoundStarted,
    StepStarted,
    TurnAdvanced,
)
from intervisie.core.meeting.model import (
    Case,
    Choice,
    Contribution,
    PhaseRun,
    PresenceChange,
    Round,
    SessionState,
    Status,
)
from intervisie.core.meeting.timing import Stopwatch
from intervisie.core.method.converter import structure
from intervisie.core.method.model import (
    ContributionKind,
    MeetingStep,
    Method,
    Phase,
)


class StateBuilder:
    """The mutable accumulator behind `fold`; `snapshot()` freezes it into a SessionState."""

    def __init__(self, state: SessionState | None = None):
        state = state or SessionState()
        self.fields: dict[str, Any] = {
            a.name: getattr(state, a.name)
            for a in attrs.fields(SessionState)
            if a.name not in ("cases", "contributions", "rounds", "next_ids")
        }
        self.cases: list[Case] = list(state.cases)
        self.contributions: dict[str, Contribution] = {c.id: c for c in state.contributions}
        self.rounds: list[Round] = list(state.rounds)
        self.next_ids: dict[str, int] = dict(state.next_ids)
        self._snapshot: SessionState | None = state

    def snapshot(self) -> SessionState:
        if self._snapshot is None:
            self._snapshot = SessionState(
                cases=tuple(self.cases),
                contributions=tuple(self.contributions.values()),
                rounds=tuple(self.rounds),
                next_ids=dict(self.next_ids),
                **self.fields,
            )
        return self._snapshot

    # -- helpers ------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return bool(self.fields["paused"])

    def _open_round(self) -> Round | None:
        if self.rounds and self.rounds[-1].finished is None:
            return self.rounds[-1]
        return None

    def _set_round(self, rnd: Round) -> None:
        for i in range(len(self.rounds) - 1, -1, -1):
            if self.rounds[i].id == rnd.id:
                self.rounds[i] = rnd
                return

    def _round(self, round_id: str) -> Round:
        for rnd in reversed(self.rounds):
            if rnd.id == round_id:
                return rnd
        raise KeyError(round_id)

    def _count(self, key: str) -> None:
        self.next_ids[key] = self.next_ids.get(key, 0) + 1

    # -- apply --------------------------------------------------------------------------

    def apply(self, event: Event) -> None:
        last = self.fields["last_at"]
        at = event.at if last is None or event.at > last else last
        self.fields["last_at"] = at
        self.fields["event_count"] += 1
        self._snapshot = None
        handler = _APPLIERS.get(type(event))
        if handler is not None:
            handler(self, event, at)

    def opened(self, e: MeetingOpened, at: datetime) -> None:
        f = self.fields
        f.update(
            status=Status.OPEN,
            group=e.group,
            present=e.present,
            facilitator=e.facilitator,
            facilitator_participates=e.facilitator_participates,
            timekeeper=e.timekeeper,
            note_taker=e.note_taker,
            observer=e.observer,
            confidentiality=e.confidentiality,
            minutes_available=e.minutes_available,
            place=e.place,
            online=e.online,
            rule_profile=e.rule_profile,
            demo=e.demo,
            revisit=e.revisit,
            opened=at,
            clock=Stopwatch().start(at),
            attendance={m: Stopwatch().start(at) for m in e.present},
        )

    def confidentiality_accepted(self, e: ConfidentialityAccepted, at: datetime) -> None:
        f = self.fields
        if e.member not in f["confidentiality"]:
            f["confidentiality"] = (*f["confidentiality"], e.member)
        f["agreed"] = {**f["agreed"], e.member: at}
        if e.text:
            f["agreement"] = e.text

    def step_started(self, e: StepStarted, at: datetime) -> None:
        self.fields["step"] = e.step

    def stop_all(self, at: datetime) -> None:
        self.fields["clock"] = self.fields["clock"].stop(at)
        self.fields["attendance"] = {m: w.stop(at) for m, w in self.fields["attendance"].items()}
        rnd = self._open_round()
        if rnd is not None:
            run = rnd.phase
            run = attrs.evolve(run, clock=run.clock.stop(at), turn_clock=run.turn_clock.stop(at))
            self._set_round(_with_run(rnd, rnd.current, run, clock=rnd.clock.stop(at)))

    def paused_event(self, e: Paused, at: datetime) -> None:
        self.stop_all(at)
        self.fields["paused"] = True

    def recovered(self, e: Recovered, at: datetime) -> None:
        self.stop_all(at)
        self.fields["paused"] = True
        self.fields["recovered"] = (*self.fields["recovered"], at)

    def resumed(self, e: Resumed, at: datetime) -> None:
        self.fields["paused"] = False
        self.fields["clock"] = self.fields["clock"].start(at)
        present = set(self.fields["present"])
        self.fields["attendance"] = {
            m: w.start(at) if m in present else w for m, w in self.fields["attendance"].items()
        }
        rnd = self._open_round()
        if rnd is not None:
            run = rnd.phase
            turn_clock = run.turn_clock.start(at) if run.current_speaker else run.turn_clock
            run = attrs.evolve(run, clock=run.clock.start(at), turn_clock=turn_clock)
            self._set_round(_with_run(rnd, rnd.current, run, clock=rnd.clock.start(at)))

    def meeting_finished(self, e: MeetingFinished, at: datetime) -> None:
        self.stop_all(at)
        self.fields.update(status=Status.FINISHED, finished=at, step=None)

    # -- attendance -------------------------------------------------------------------

    def member_arrived(self, e: MemberArrived, at: datetime) -> None:
        f = self.fields
        f["present"] = (*f["present"], e.member)
        if e.confidentiality and e.member not in f["confidentiality"]:
            f["confidentiality"] = (*f["confidentiality"], e.member)
        watches = dict(f["attendance"])
        watch = watches.get(e.member, Stopwatch())
        watches[e.member] = watch if f["paused"] else watch.start(at)
        f["attendance"] = watches
        f["on_break"] = tuple(m for m in f["on_break"] if m != e.member)
        what = "back" if e.back else "arrived"
        f["presence"] = (*f["presence"], PresenceChange(e.member, what, at))

    def member_left(self, e: MemberLeft, at: datetime) -> None:
        f = self.fields
        f["present"] = tuple(m for m in f["present"] if m != e.member)
        watches = dict(f["attendance"])
        if e.member in watches:
            watches[e.member] = watches[e.member].stop(at)
        f["attendance"] = watches
        if e.on_break:
            f["on_break"] = (*f["on_break"], e.member)
        what = "break" if e.on_break else "left"
        f["presence"] = (*f["presence"], PresenceChange(e.member, what, at))

    def details_recorded(self, e: DetailsRecorded, at: datetime) -> None:
        for name in ("provider", "what_came_up", "attendance_check"):
            value = getattr(e, name)
            if value is not None:
                self.fields[name] = value

    def case_added(self, e: CaseAdded, at: datetime) -> None:
        self.cases.append(e.case)
        self._count("case")
        if e.round_id is not None and e.phase_id is not None:
            self.fields["named_in"] = {
                **self.fields["named_in"],
                e.case.id: (e.round_id, e.phase_id),
            }

    def case_edited(self, e: CaseEdited, at: datetime) -> None:
        for i, case in enumerate(self.cases):
            if case.id == e.case_id:
                self.cases[i] = attrs.evolve(
                    case, title=e.title, description=e.description, kind=e.kind
                )

    def case_chosen(self, e: CaseChosen, at: datetime) -> None:
        choice = Choice(e.case_id, e.owner, e.by, e.tied, dict(e.tally))
        if e.round_id is None:
            self.fields["chosen"] = choice
            return
        rnd = self._round(e.round_id)
        rnd = attrs.evolve(rnd, choice=choice, case_id=e.case_id, owner=e.owner)
        self._set_round(rnd)

    def round_started(self, e: RoundStarted, at: datetime) -> None:
        method = structure(dict(e.method), Method)
        runs = tuple(
            PhaseRun(
                structure(dict(p.phase), Phase),
                p.minutes,
                speakers=p.turns,
                owner_skips_turn=p.owner_skips_turn,
            )
            for p in e.phases
        )
        running = None if self.paused else at
        chosen: Choice | None = self.fields["chosen"]
        rnd = Round(
            id=e.round_id,
            method=method,
            method_document=e.method,
            options=dict(e.options),
            phases=runs,
            case_id=e.case_id,
            owner=e.owner,
            participants=e.participants,
            lenses={k: tuple(v) for k, v in e.lenses.items()},
            fit_minutes=e.fit_minutes,
            started=at,
            clock=Stopwatch(0.0, running),
            choice=chosen if chosen is not None and chosen.case_id == e.case_id else None,
        )
        rnd = _enter(rnd, 0, running)
        self.rounds.append(rnd)
        self.fields["step"] = None
        self.fields["chosen"] = None
        self.fields["closed_choices"] = self.fields["closed_choices"] | {
            cid for cid, c in self.contributions.items() if c.step is MeetingStep.CHOICE
        }
        self._count("round")

    def phase_changed(self, e: PhaseChanged, at: datetime) -> None:
        rnd = self._round(e.round_id)
        old = rnd.phase_index(e.from_phase)
        run = rnd.phases[old]
        run = attrs.evolve(
            run,
            clock=run.clock.stop(at),
            turn_clock=run.turn_clock.stop(at),
            skipped=run.skipped or e.how == "skip",
        )
        rnd = _with_run(rnd, old, run)
        rnd = _enter(rnd, rnd.phase_index(e.to_phase), None if self.paused else at)
        self._set_round(rnd)

    def turn_advanced(self, e: TurnAdvanced, at: datetime) -> None:
        rnd = self._round(e.round_id)
        index = rnd.phase_index(e.phase_id)
        run = rnd.phases[index]
        running = None if self.paused or index != rnd.current else at
        done = e.turn >= len(run.turns)
        run = attrs.evolve(run, turn=e.turn, turn_clock=Stopwatch(0.0, None if done else running))
        self._set_round(_with_run(rnd, index, run))

    def extended(self, e: Extended, at: datetime) -> None:
        rnd = self._round(e.round_id)
        index = rnd.phase_index(e.phase_id)
        run = rnd.phases[index]
        run = attrs.evolve(run, extension_minutes=run.extension_minutes + e.minutes)
        self._set_round(_with_run(rnd, index, run))

    def revealed(self, e: Revealed, at: datetime) -> None:
        rnd = self._round(e.round_id)
        index = rnd.phase_index(e.phase_id)
        self._set_round(_with_run(rnd, index, attrs.evolve(rnd.phases[index], revealed=True)))
        for cid, c in self.contributions.items():
            if c.hidden and c.round_id == e.round_id and c.phase_id == e.phase_id:
                self.contributions[cid] = attrs.evolve(c, hidden=False)

    def round_finished(self, e: RoundFinished, at: datetime) -> None:
        rnd = self._round(e.round_id)
        run = rnd.phase
        run = attrs.evolve(run, clock=run.clock.stop(at), turn_clock=run.turn_clock.stop(at))
        rnd = _with_run(rnd, rnd.current, run, clock=rnd.clock.stop(at), finished=at)
        self._set_round(rnd)

    def contribution_added(self, e: ContributionAdded, at: datetime) -> None:
        self.contributions[e.contribution_id] = Contribution(
            id=e.contribution_id,
            author=e.author,
            kind=e.kind,
            text=e.text,
            created=at,
            step=e.step,
            round_id=e.round_id,
            phase_id=e.phase_id,
            side=e.side,
            ratings=dict(e.ratings),
            lens=e.lens,
            target=e.target,
            hidden=e.hidden,
        )
        self._count("contribution")
        if e.kind in (ContributionKind.VOTE, ContributionKind.SCORE):
            self._choice_changed(e.round_id)

    def contribution_edited(self, e: ContributionEdited, at: datetime) -> None:
        old = self.contributions.get(e.contribution_id)
        if old is None:
            return
        self.contributions[old.id] = attrs.evolve(
            old, text=e.text, side=e.side, ratings=dict(e.ratings), target=e.target, edited=at
        )
        if old.kind in (ContributionKind.VOTE, ContributionKind.SCORE):
            self._choice_changed(old.round_id)

    def question_marked(self, e: QuestionMarked, at: datetime) -> None:
        old = self.contributions.get(e.contribution_id)
        if old is not None:
            self.contributions[old.id] = attrs.evolve(old, mark=e.mark)

    def contribution_removed(self, e: ContributionRemoved, at: datetime) -> None:
        old = self.contributions.pop(e.contribution_id, None)
        if old is not None and old.kind in (ContributionKind.VOTE, ContributionKind.SCORE):
            self._choice_changed(old.round_id)

    def _choice_changed(self, round_id: str | None) -> None:
        """A changed vote undoes a counted choice (not the facilitator's own pick)."""
        if round_id is None:
            chosen = self.fields["chosen"]
            if chosen is not None and chosen.by != "facilitator":
                self.fields["chosen"] = None
            return
        rnd = self._round(round_id)
        if rnd.choice is not None and rnd.choice.by != "facilitator":
            self._set_round(attrs.evolve(rnd, choice=None))


def _with_run(rnd: Round, index: int, run: PhaseRun, **changes: Any) -> Round:
    phases = (*rnd.phases[:index], run, *rnd.phases[index + 1 :])
    return attrs.evolve(rnd, phases=phases, **changes)


def _turns(rnd: Round, run: PhaseRun) -> tuple[str, ...]:
    """The phase's speaking order as it starts: the recorded speakers, the owner left out
    where the round start said so (the owner may only be known by now)."""
    if run.owner_skips_turn and rnd.owner is not None:
        return tuple(p for p in run.speakers if p != rnd.owner)
    return run.speakers


def _enter(rnd: Round, index: int, running: datetime | None) -> Round:
    """Make phase `index` current: its clocks run, its turns are set on the first visit."""
    run = rnd.phases[index]
    turns = run.turns if run.visited else _turns(rnd, run)
    done = run.turn >= len(turns) if turns else True
    run = attrs.evolve(
        run,
        visited=True,
        skipped=False,
        turns=turns,
        clock=run.clock.start(running) if running is not None else run.clock,
        turn_clock=Stopwatch(0.0, None if done else running),
    )
    return _with_run(rnd, index, run, current=index)


_APPLIERS: dict[type[Event], Callable[[StateBuilder, Any, datetime], None]] = {
    MeetingOpened: StateBuilder.opened,
    ConfidentialityAccepted: StateBuilder.confidentiality_accepted,
    StepStarted: StateBuilder.step_started,
    Paused: StateBuilder.paused_event,
    Resumed: StateBuilder.resumed,
    Recovered: StateBuilder.recovered,
    MeetingFinished: StateBuilder.meeting_finished,
    MemberArrived: StateBuilder.member_arrived,
    MemberLeft: StateBuilder.member_left,
    DetailsRecorded: StateBuilder.details_recorded,
    CaseAdded: StateBuilder.case_added,
    CaseEdited: StateBuilder.case_edited,
    CaseChosen: StateBuilder.case_chosen,
    RoundStarted: StateBuilder.round_started,
    PhaseChanged: StateBuilder.phase_changed,
    TurnAdvanced: StateBuilder.turn_advanced,
    Extended: StateBuilder.extended,
    Revealed: StateBuilder.revealed,
    RoundFinished: StateBuilder.round_finished,
    ContributionAdded: StateBuilder.contribution_added,
    ContributionEdited: StateBuilder.contribution_edited,
    ContributionRemoved: StateBuilder.contribution_removed,
    QuestionMarked: StateBuilder.question_marked,
}


def fold(events: Iterable[Event], state: SessionState | None = None) -> SessionState:
    """The meeting's state after `events` (applied to `state`, default: nothing yet)."""
    acc = StateBuilder(state)
    for event in events:
        acc.apply(event)
    return acc.snapshot()


replay = fold


def apply(state: SessionState, event: Event) -> SessionState:
    """One event applied to a state (a participant's view following the store)."""
    return fold((event,), state)
