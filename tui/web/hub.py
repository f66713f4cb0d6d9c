"""The meetings the participants' server follows, and the pages open on them.

Why one process for everyone: a page is a websocket, not a process, so a meeting of ten costs
a few hundred kilobytes instead of ten Python processes. Each meeting with an open page is
replayed once (`LiveMeeting` as `ANY_PARTICIPANT`: no lease, every command in its own
member's name, validated by the engine and written through `Store.append_decided`, the one
mechanism that orders writes of several processes). A poll loop looks at the store's
`PRAGMA data_version` a few times a second, catches up, and sends each page that changed its
new view.

Threads: the store's connection lives on one worker thread (`run_store`), so SQLite calls
never block the event loop and never run at once; the states it produces are frozen, so the
loop builds pages from them without a lock. Code checks (scrypt, slow on purpose) run on the
default executor.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from intervisie.core.i18n import _, current_language
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import Clock, SystemClock
from intervisie.core.meeting.engine import DomainError
from intervisie.core.meeting.model import Status
from intervisie.core.store.database import MeetingNotFound, Store, StoreError
from intervisie.core.store.joincodes import Admission, JoinCodes
from intervisie.core.store.lease import may_take
from intervisie.core.store.live import ANY_PARTICIPANT, LiveMeeting, ReadOnlyMeeting
from intervisie.tui.web.limits import LimitExceeded, RateLimit, check_size
from intervisie.tui.web.view import BadInput, Page, command_from, page_for

T = TypeVar("T")
POLL_EVERY = 0.1
"""Seconds between looks at the store: a contribution reaches the other pages in well
under a second."""
CHECK_EVERY = 1.0
"""Seconds between looks at the facilitator's lease and the codes file."""
BROADCAST_EVERY = 0.05
"""Seconds over which changes are gathered before the pages are sent their new views: a
burst of contributions costs one page per member, not one per contribution."""
SEEN_EVERY = 5.0
"""Seconds between marking the open pages as seen (presence for the facilitator's app)."""


class Connection:
    """One open page: its websocket's `send`, who it is for, and what it was last sent."""

    def __init__(
        self,
        send: Callable[[str], Awaitable[None]],
        admission: Admission,
        page_id: str,
        close: Callable[[], Coroutine[Any, Any, object]] | None = None,
    ):
        self.send_text = send
        self.close_socket = close
        self.admission = admission
        self.page_id = page_id
        self.last = ""
        self.closed = False
        self.close_reason: tuple[str, str] | None = None

    @property
    def meeting_id(self) -> str:
        assert self.admission.meeting_id is not None
        return self.admission.meeting_id

    @property
    def member(self) -> str | None:
        """The member this page is for; None for the room view."""
        return self.admission.member_id

    async def send(self, message: dict[str, Any]) -> None:
        if self.closed:
            return
        try:
            await self.send_text(json.dumps(message))
        except (ConnectionError, RuntimeError):
            self.closed = True


class Followed:
    """One meeting with pages open on it."""

    def __init__(self, live: LiveMeeting):
        self.live = live
        self.pages: list[Connection] = []
        self.away = False
        """The facilitator's app holds no live lease (it died or left)."""
        self.shown = -1
        """The event count the pages were last sent: whoever caught up, they follow."""


class Hub:
    """Every meeting the server follows; `run()` is its poll loop."""

    def __init__(
        self,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        poll_every: float = POLL_EVERY,
        limit: Callable[[], RateLimit] = RateLimit,
    ):
        self.data_dir = Path(data_dir)
        self.clock = clock or SystemClock()
        self.poll_every = poll_every
        self.make_limit = limit
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intervisie-store")
        self.checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intervisie-codes")
        """Code checks one at a time: scrypt takes 16 MiB and 50 ms a check, on purpose."""
        self.store: Store | None = None
        self.codes = JoinCodes.open(self.data_dir)
        self.meetings: dict[str, Followed] = {}
        self.limits: dict[tuple[str, str], RateLimit] = {}
        """Per member of a meeting, however many pages they have open."""
        self._version = -1
        self._codes_version = -1
        self._closing: set[asyncio.Task[object]] = set()
        self._dirty: set[str] = set()
        self._flusher: asyncio.Task[None] | None = None

    # -- threads ----------------------------------------------------------------------------

    async def run_store(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn` on the store's own thread."""
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn, *args)

    async def start(self) -> None:
        self.store = await self.run_store(lambda: Store.open(data_dir=self.data_dir, create=False))
        await asyncio.to_thread(self.codes.clear_pages)

    async def close(self) -> None:
        for followed in self.meetings.values():
            await self.run_store(followed.live.close)
        if self.store is not None:
            await self.run_store(self.store.close)
        self._thread.shutdown(wait=True)
        self.checks.shutdown(wait=True)
        self.codes.close()

    # -- pages ------------------------------------------------------------------------------

    def finished(self, meeting_id: str) -> bool:
        """For code checks (any thread): whether a meeting is over or gone."""
        store = Store.open(data_dir=self.data_dir, readonly=True)
        try:
            return store.meeting(meeting_id).finished
        except MeetingNotFound:
            return True
        finally:
            store.close()

    async def join(
        self,
        send: Callable[[str], Awaitable[None]],
        admission: Admission,
        close: Callable[[], Coroutine[Any, Any, object]] | None = None,
    ) -> Connection:
        """A page let in with `admission`: follow its meeting and send it its view."""
        assert admission.meeting_id is not None
        meeting_id = admission.meeting_id
        if meeting_id not in self.meetings:
            live = await self.run_store(self._open, meeting_id)
            self.meetings.setdefault(meeting_id, Followed(live))
            await self._check_lease(meeting_id)
        page_id = await asyncio.to_thread(self.codes.page_opened, admission)
        conn = Connection(send, admission, page_id, close)
        followed = self.meetings[meeting_id]
        followed.pages.append(conn)
        page = self.page(conn, followed)
        conn.last = json.dumps(page.message())
        await conn.send(page.message())
        self.soon(meeting_id)  # the member's other pages show the count
        return conn

    def _open(self, meeting_id: str) -> LiveMeeting:
        assert self.store is not None
        return LiveMeeting.open(self.store, meeting_id, self.clock, participant=ANY_PARTICIPANT)

    async def leave(self, conn: Connection) -> None:
        conn.closed = True
        followed = self.meetings.get(conn.meeting_id)
        if followed is not None and conn in followed.pages:
            followed.pages.remove(conn)
            await asyncio.to_thread(self.codes.page_closed, conn.page_id)
            if not followed.pages:
                del self.meetings[conn.meeting_id]
                await self.run_store(followed.live.close)
            else:
                self.soon(conn.meeting_id)  # the others' page count changed

    def pages_of(self, meeting_id: str, member: str | None) -> int:
        followed = self.meetings.get(meeting_id)
        if followed is None or member is None:
            return 0
        return sum(1 for c in followed.pages if c.member == member and not c.closed)

    def page(self, conn: Connection, followed: Followed) -> Page:
        now = self.clock.now()
        return page_for(
            followed.live.state,
            conn.member,
            current_language(),
            now,
            facilitator_away=followed.away,
            pages=self.pages_of(conn.meeting_id, conn.member),
        )

    async def broadcast(self, meeting_id: str) -> None:
        """Send every page of the meeting its view, where it changed."""
        followed = self.meetings.get(meeting_id)
        if followed is None:
            return
        followed.shown = followed.live.state.event_count
        made: dict[str | None, tuple[Page, str]] = {}
        for conn in list(followed.pages):
            if conn.closed:
                continue
            if conn.member not in made:
                page = self.page(conn, followed)
                made[conn.member] = (page, json.dumps(page.message()))
            page, text = made[conn.member]
            if text != conn.last:
                conn.last = text
                await conn.send(page.message())
            if page.over:
                await self.end(conn, _("The meeting is over. Thank you!"), "", recount=False)

    def soon(self, meeting_id: str) -> None:
        """Send the meeting's pages their views within `BROADCAST_EVERY`."""
        self._dirty.add(meeting_id)
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        await asyncio.sleep(BROADCAST_EVERY)
        while self._dirty:
            meetings, self._dirty = self._dirty, set()
            for meeting_id in meetings:
                await self.broadcast(meeting_id)

    async def end(
        self, conn: Connection, title: str, message: str, *, recount: bool = True
    ) -> None:
        """Tell a page it is over (it does not reconnect) and let its socket close;
        `recount`: tell the member's other pages their count changed."""
        if conn.close_reason is None:
            conn.close_reason = (title, message)
            await conn.send({"t": "ended", "title": title, "message": message})
            conn.closed = True
            if conn.close_socket is not None:  # not awaited: it waits for the page's answer
                self._closing.add(asyncio.create_task(conn.close_socket()))
                self._closing = {t for t in self._closing if not t.done()}
            if recount:
                self.soon(conn.meeting_id)

    # -- acting -----------------------------------------------------------------------------

    async def act(self, conn: Connection, message: dict[str, Any]) -> dict[str, Any]:
        """One command from a page: the answer to send back (`ack` or `error`)."""
        req = message.get("req")
        member = conn.member
        followed = self.meetings.get(conn.meeting_id)
        if member is None or followed is None:
            return {"t": "error", "req": req, "message": _("The room view only shows.")}
        limit = self.limits.setdefault((conn.meeting_id, member), self.make_limit())
        try:
            command = self._command(conn, followed, message)
            for name in ("text", "title"):
                value = getattr(command, name, None)
                if isinstance(value, str):
                    check_size(value)
            limit.take()
        except (BadInput, LimitExceeded, DomainError) as exc:
            return {"t": "error", "req": req, "message": str(exc)}
        live = followed.live
        try:
            await self.run_store(self._execute, live, command)
        except (DomainError, ReadOnlyMeeting, StoreError) as exc:
            limit.refund()
            self.soon(conn.meeting_id)  # it caught up before deciding
            return {"t": "error", "req": req, "message": str(exc)}
        self.soon(conn.meeting_id)
        if live.problem is not None:
            return {
                "t": "ack",
                "req": req,
                "message": _("Not saved yet; it is tried again: {error}").format(
                    error=live.problem
                ),
            }
        return {"t": "ack", "req": req}

    def _execute(self, live: LiveMeeting, command: cmd.Command) -> None:
        live.refresh()
        live.execute(command)

    def _command(
        self, conn: Connection, followed: Followed, message: dict[str, Any]
    ) -> cmd.Command:
        member = conn.member
        assert member is not None
        kind = message.get("t")
        if kind == "add":
            form = self.page(conn, followed).form
            if form is None or message.get("sig") != form.signature:
                raise BadInput(
                    _("The meeting has moved on, so this was not sent. Your text is kept.")
                )
            fields = message.get("fields")
            return command_from(form, member, fields if isinstance(fields, dict) else {})
        target = message.get("id")
        if not isinstance(target, str):
            raise BadInput(_("Which contribution? Reload the page and try again."))
        if kind == "edit":
            text = message.get("text")
            if not isinstance(text, str) or not text.strip():
                raise BadInput(_("Type something first, or remove it."))
            return cmd.EditContribution(actor=member, contribution_id=target, text=text.strip())
        if kind == "remove":
            return cmd.RemoveContribution(actor=member, contribution_id=target)
        if kind == "mark":
            mark = message.get("mark") or None
            if mark is not None and mark not in cmd.QUESTION_MARKS:
                raise BadInput(_("This page is out of date: reload it."))
            return cmd.MarkQuestion(actor=member, contribution_id=target, mark=mark)
        raise BadInput(_("This page is out of date: reload it."))

    # -- following --------------------------------------------------------------------------

    async def run(self) -> None:
        """Poll the store and the codes file until cancelled."""
        loop = asyncio.get_running_loop()
        next_check = next_seen = loop.time()
        while True:
            await asyncio.sleep(self.poll_every)
            try:
                await self._follow(loop.time() >= next_check, loop.time() >= next_seen)
            except Exception as exc:  # the loop must go on; the type says enough, no text
                print(f"intervisie web: poll failed: {type(exc).__name__}", file=sys.stderr)
            now = loop.time()
            if now >= next_check:
                next_check = now + CHECK_EVERY
            if now >= next_seen:
                next_seen = now + SEEN_EVERY

    async def _follow(self, check: bool, seen: bool) -> None:
        try:
            changed = await self.run_store(self._catch_up)
        except StoreError:
            changed = []
        for meeting_id in changed:
            await self.broadcast(meeting_id)
        if check:
            for meeting_id in list(self.meetings):
                await self._check_lease(meeting_id)
            await self._check_codes()
        if seen:
            ids = [c.page_id for f in self.meetings.values() for c in f.pages]
            await asyncio.to_thread(self.codes.pages_seen, ids)

    def _catch_up(self) -> list[str]:
        assert self.store is not None
        version = self.store.data_version()
        if version == self._version:
            return []
        self._version = version
        for followed in list(self.meetings.values()):
            followed.live.refresh()
        return [m for m, f in list(self.meetings.items()) if f.live.state.event_count != f.shown]

    async def _check_lease(self, meeting_id: str) -> None:
        followed = self.meetings.get(meeting_id)
        if followed is None:
            return
        try:
            info = await self.run_store(self._info, meeting_id)
        except StoreError:
            return
        away = (
            info is not None
            and followed.live.state.status is Status.OPEN
            and may_take(info.holder, "", datetime.now(UTC))
        )
        if away != followed.away:
            followed.away = away
            await self.broadcast(meeting_id)

    def _info(self, meeting_id: str):
        assert self.store is not None
        try:
            return self.store.meeting(meeting_id)
        except MeetingNotFound:
            return None

    async def _check_codes(self) -> None:
        """Codes the facilitator replaced and pages the facilitator ended: those pages go."""
        version = await asyncio.to_thread(self.codes.data_version)
        if version == self._codes_version:
            return
        self._codes_version = version
        ended = {p.id for p in await asyncio.to_thread(self.codes.pages) if p.ended}
        for followed in list(self.meetings.values()):
            for conn in list(followed.pages):
                if conn.page_id in ended:
                    await self.end(
                        conn,
                        _("This page was ended"),
                        _("The facilitator ended this page: your code is open on another one."),
                    )
                elif not await asyncio.to_thread(self.codes.still_valid, conn.admission):
                    await self.end(
                        conn,
                        _("Code replaced"),
                        _("This page's code no longer works. Ask the facilitator for yours."),
                    )
