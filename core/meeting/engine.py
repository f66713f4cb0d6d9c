"""The session engine: one meeting's state, its clock and its event log together.

Commands are decided in `deciding` and events folded in `folding`; the `Engine` joins them for
a caller that holds one meeting (the app, the demo player, a test). The names callers
need from both halves are importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import Clock
from intervisie.core.meeting.deciding import DomainError, assign_lenses, decide, plan_round
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.folding import StateBuilder, apply, fold, replay
from intervisie.core.meeting.model import (
    Group,
    SessionState,
    Status,
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
