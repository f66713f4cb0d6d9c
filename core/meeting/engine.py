"""The session engine: one meeting's state, its clock and its event log together.

Commands are decided in `deciding` and events folded in `folding`; the `Engine` joins them for
a caller that holds one meeting (the app, the demo player, a test). The names callers
need from both halves are importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import Clock
from intervisie.core.meeting.deciding import DomainError, assign_lenses, decide, plan_round
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.folding import StateBuilder, apply, fold, replay
from intervisie.core.meeting.model import (
    FACILITATOR,
    Group,
    SessionState,
    Status,
)
from intervisie.core.method.model import (
    ContributionKind,
    MeetingStep,
    Method,
)


class Engine:
    """Runs one meeting: `execute` a command at the clock's time, get the new events back.

    The caller stores the returned events (the store appends them); `receive` applies
    events another process stored (online participants). `state` is a frozen snapshot.
    """

    def __init__(self, clock: Clock, events: Iterable[Event] = ()):
        self.clock = clock
        self._acc = StateBuilder()
        self._events: list[Event] = []
        self.receive(events)

    @property
    def state(self) -> SessionState:
        return self._acc.snapshot()

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(self._events)

    def receive(self, events: Iterable[Event]) -> None:
        for event in events:
            self._acc.apply(event)
            self._events.append(event)

    def execute(self, command: cmd.Command) -> list[Event]:
        new = decide(self.state, command, self.clock.now())
        self.receive(new)
        return new

    def recover(self, last_seen: datetime | None) -> list[Event]:
        """On reopening a meeting that was not closed: pause it as of its last sign of life."""
        if self.state.status is not Status.OPEN:
            return []
        return self.execute(cmd.Recover(last_seen=last_seen))

    # Short forms for the screens and tests.

    def open_meeting(self, **kw: Any) -> list[Event]:
        return self.execute(cmd.OpenMeeting(**kw))

    def add_case(self, owner: str, title: str, description: str = "", **kw: Any) -> list[Event]:
        return self.execute(cmd.AddCase(owner=owner, title=title, description=description, **kw))

    def vote(self, voter: str, case_id: str, **kw: Any) -> list[Event]:
        return self.execute(cmd.Vote(voter=voter, case_id=case_id, **kw))

    def score(self, scorer: str, case_id: str, ratings: Mapping[str, int], **kw: Any):
        return self.execute(cmd.Score(scorer=scorer, case_id=case_id, ratings=ratings, **kw))

    def choose_case(self, case_id: str | None = None) -> list[Event]:
        return self.execute(cmd.ChooseCase(case_id=case_id))

    def start_round(self, method: Method, **kw: Any) -> list[Event]:
        return self.execute(cmd.StartRound(method=method, **kw))

    def next_phase(self) -> list[Event]:
        return self.execute(cmd.NextPhase())

    def previous_phase(self) -> list[Event]:
        return self.execute(cmd.PreviousPhase())

    def skip_phase(self) -> list[Event]:
        return self.execute(cmd.SkipPhase())

    def pause(self) -> list[Event]:
        return self.execute(cmd.Pause())

    def resume(self) -> list[Event]:
        return self.execute(cmd.Resume())

    def extend(self, minutes: float) -> list[Event]:
        return self.execute(cmd.Extend(minutes=minutes))

    def next_turn(self) -> list[Event]:
        return self.execute(cmd.NextTurn())

    def contribute(self, author: str, kind: ContributionKind, text: str = "", **kw: Any):
        return self.execute(cmd.AddContribution(author=author, kind=kind, text=text, **kw))

    def edit(self, contribution_id: str, **kw: Any) -> list[Event]:
        return self.execute(cmd.EditContribution(contribution_id=contribution_id, **kw))

    def remove(self, contribution_id: str) -> list[Event]:
        return self.execute(cmd.RemoveContribution(contribution_id=contribution_id))

    def reveal(self, phase_id: str | None = None) -> list[Event]:
        return self.execute(cmd.Reveal(phase_id=phase_id))

    def finish_round(self) -> list[Event]:
        return self.execute(cmd.FinishRound())

    def finish_meeting(self) -> list[Event]:
        return self.execute(cmd.FinishMeeting())

    def start_step(self, step: MeetingStep) -> list[Event]:
        return self.execute(cmd.StartStep(step=step))

    def revisit_note(self, case_id: str, text: str, author: str = FACILITATOR) -> list[Event]:
        return self.execute(cmd.RevisitNote(case_id=case_id, text=text, author=author))

    def arrive(self, member: str, *, accepts_confidentiality: bool = False) -> list[Event]:
        return self.execute(
            cmd.Arrive(member=member, accepts_confidentiality=accepts_confidentiality)
        )

    def leave(self, member: str, *, on_break: bool = False) -> list[Event]:
        return self.execute(cmd.Leave(member=member, on_break=on_break))

    def record_details(self, **details: str | None) -> list[Event]:
        return self.execute(cmd.RecordDetails(**details))


__all__ = [
    "DomainError",
    "Engine",
    "Group",
    "apply",
    "assign_lenses",
    "decide",
    "fold",
    "plan_round",
    "replay",
]
