"""A participant's tab behind the screen: the code it was let in with, the meeting it follows.

No Textual here. `Gate` counts one tab's wrong codes (the delay grows, then the tab locks);
`ParticipantSession` holds the meeting as that member: `poll()` notices other processes'
commits through the store's `data_version` and catches up, `act()` runs one of the member's
own commands under the online write lock (see `writer`) within the size and rate limits.
A session can act only for its member: `LiveMeeting` refuses another actor and the engine
refuses what only the facilitator may do.
"""

from __future__ import annotations

from pathlib import Path

from intervisie.core.i18n import _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import Clock, SystemClock
from intervisie.core.meeting.engine import DomainError
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.model import SessionState, Status
from intervisie.core.store.database import MeetingNotFound, Store, StoreError
from intervisie.core.store.joincodes import (
    MAX_ATTEMPTS,
    Admission,
    CodeRefused,
    JoinCodes,
    refusal_delay,
)
from intervisie.core.store.live import LiveMeeting
from intervisie.tui.participant.writer import RateLimit, check_size, meeting_lock


class Locked(Exception):
    """Too many wrong codes in this tab."""


class Gate:
    """One tab's tries at a code."""

    def __init__(self, codes: JoinCodes, store: Store | None = None):
        self.codes = codes
        self.store = store
        self.wrong = 0

    @property
    def locked(self) -> bool:
        return self.wrong >= MAX_ATTEMPTS

    def _finished(self, meeting_id: str) -> bool:
        if self.store is None:
            return False
        try:
            return self.store.meeting(meeting_id).finished
        except MeetingNotFound:
            return True

    def try_code(self, code: str) -> Admission:
        """The admission, or `CodeRefused` (counted; wait `delay()` before saying so), or
        `Locked` once the tab has had its `MAX_ATTEMPTS`."""
        if self.locked:
            raise Locked
        try:
            return self.codes.check(code, finished=self._finished)
        except CodeRefused:
            self.wrong += 1
            raise

    def delay(self) -> float:
        """How long to wait before telling the person the last code was wrong."""
        return refusal_delay(self.wrong, self.codes.recent_failures())


class ParticipantSession:
    """The meeting as one member's tab holds it."""

    def __init__(
        self,
        data_dir: Path,
        store: Store,
        codes: JoinCodes,
        admission: Admission,
        clock: Clock | None = None,
        limit: RateLimit | None = None,
    ):
        assert admission.meeting_id is not None and admission.member_id is not None
        self.data_dir = Path(data_dir)
        self.store = store
        self.codes = codes
        self.admission = admission
        self.member = admission.member_id
        self.live = LiveMeeting.open(
            store, admission.meeting_id, clock or SystemClock(), participant=self.member
        )
        self.limit = limit or RateLimit()
        self._version = store.data_version()
        self._codes_version = codes.data_version()
        self._code_ok = True

    @property
    def state(self) -> SessionState:
        return self.live.state

    @property
    def meeting_id(self) -> str:
        return self.live.meeting_id

    def poll(self) -> list[Event]:
        """Events others stored since the last look (cheap when there are none)."""
        version = self.store.data_version()
        codes_version = self.codes.data_version()
        if codes_version != self._codes_version:
            self._codes_version = codes_version
            self._code_ok = self.codes.still_valid(self.admission)
        if version == self._version:
            return []
        self._version = version
        return self.live.refresh()

    @property
    def admitted(self) -> bool:
        """False once the meeting closed or the facilitator replaced this member's code."""
        return self._code_ok and self.state.status is not Status.FINISHED

    def act(self, command: cmd.Command) -> list[Event]:
        """Run one of this member's own commands; `DomainError` (with the reason, for the
        person) when it cannot be done, `LimitExceeded` when too long or too fast."""
        if not self.admitted:
            raise DomainError(_("This code has expired: its meeting is over or it was replaced."))
        if command.actor != self.member:
            raise DomainError(_("A participant can only act for themselves."))
        for name in ("text", "title", "description"):
            value = getattr(command, name, None)
            if isinstance(value, str):
                check_size(value)
        self.limit.take()
        try:
            with meeting_lock(self.data_dir):
                self.live.refresh()
                events = self.live.execute(command)
        except StoreError as exc:
            self.limit.refund()
            raise DomainError(str(exc)) from None
        except DomainError:
            self.limit.refund()
            raise
        if self.live.problem is not None:
            raise DomainError(
                _("Not saved yet; it is tried again: {error}").format(error=self.live.problem)
            )
        return events

    def close(self) -> None:
        self.live.close()
