"""The screens' one way into a meeting: `core.live.LiveMeeting` (engine + store), plus names.

No domain logic lives here: the engine decides, `LiveMeeting` stores (keeping an event the
store could not write for another try, never dropping it) and sends the heartbeat. The link
turns its problems into messages the screens show, and knows members by name for the
capture widgets' `Name: text` convention. Without a store (demo mode) the engine runs alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from intervisie.core.i18n import _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError, Engine

if TYPE_CHECKING:
    from intervisie.core.meeting.clock import Clock
    from intervisie.core.meeting.events import Event
    from intervisie.core.meeting.model import SessionState
    from intervisie.core.store.database import Store
    from intervisie.core.store.live import LiveMeeting

__all__ = ["DomainError", "MeetingLink", "cmd"]


class MeetingLink:
    """One meeting as the facilitator's app drives it."""

    def __init__(self, engine: Engine, live: LiveMeeting | None = None) -> None:
        self.engine = engine
        self.live = live
        self.on_problem: Callable[[str], None] | None = None
        self.method_id: str | None = None
        self.options: dict[str, str] = {}

    @classmethod
    def new(cls, clock: Clock, store: Store | None, *, demo: bool = False) -> MeetingLink:
        if store is None:
            return cls(Engine(clock))
        from intervisie.core.store.live import LiveMeeting

        live = LiveMeeting.start(store, clock, demo=demo)
        return cls(live.engine, live)

    @classmethod
    def reopen(cls, clock: Clock, store: Store, meeting_id: str) -> MeetingLink:
        """A stored meeting, replayed; one that was not closed is paused as of its last sign
        of life."""
        from intervisie.core.store.live import LiveMeeting

        live = LiveMeeting.open(store, meeting_id, clock)
        return cls(live.engine, live)

    # -- state --------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self.engine.state

    @property
    def meeting_id(self) -> str | None:
        return self.live.meeting_id if self.live is not None else None

    def now(self) -> datetime:
        return self.engine.clock.now()

    @property
    def read_only(self) -> bool:
        return self.live is not None and self.live.readonly

    # -- commands -----------------------------------------------------------------------

    def do(self, command: cmd.Command) -> list[Event]:
        """Run a command; `DomainError` (the engine's reason) when it cannot be done."""
        if self.live is None:
            return self.engine.execute(command)
        from intervisie.core.store.file import StoreError

        try:
            events = self.live.execute(command)
        except StoreError as exc:  # read-only: another facilitator holds the meeting
            raise DomainError(str(exc)) from None
        self.check()
        return events

    def check(self) -> None:
        live = self.live
        if live is not None and live.problem is not None and self.on_problem is not None:
            self.on_problem(
                _("Not saved yet ({count} kept for another try): {error}").format(
                    count=len(live.pending), error=live.problem
                )
            )

    def heartbeat(self) -> None:
        if self.live is not None:
            self.live.heartbeat()
            self.check()

    def close(self) -> None:
        if self.live is not None:
            self.live.close()

    # -- names --------------------------------------------------------------------------

    def name(self, member_id: str | None) -> str:
        if member_id is None:
            return ""
        if member_id == "facilitator":
            return _("facilitator")
        state = self.state
        return state.group.name_of(member_id) if state.group is not None else member_id

    def member_by_name(self, name: str) -> str | None:
        """The present member whose name (or first name) is `name`, case aside."""
        state = self.state
        if state.group is None:
            return None
        wanted = name.strip().lower()
        for member_id in state.present:
            full = state.group.name_of(member_id).lower()
            if wanted and (full == wanted or full.split()[0] == wanted):
                return member_id
        return None
