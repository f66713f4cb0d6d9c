"""The meeting store: meetings, their events, groups and leases in one SQLite file.

Why it looks like this: a meeting is its events (the engine's state is a fold over them), so
the store appends events and never edits them, except for the one deliberate rewrite, purge.
Each event is one row written in its own `BEGIN IMMEDIATE` transaction with the meeting's next
sequence number, under `UNIQUE(meeting_id, seq)`: concurrent writers (a facilitator and
participant processes) wait for each other and never lose or duplicate an event, and a
committed event survives a crash (`synchronous=FULL`).

Usage::

    store = Store.open(data_dir=folder)          # checks, creates, migrates
    meeting_id = store.new_meeting()
    lease = store.acquire(meeting_id)            # lease.held, or lease.holder says who
    store.append(meeting_id, event, lease=lease) # -> seq
    events = store.events(meeting_id)

`Store.open(readonly=True)` never writes (for listing and showing). Errors are `StoreError`s
with a message that names the file (see `intervisie.core.store.file`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from intervisie.core.i18n import _
from intervisie.core.meeting.events import (
    PURGED,
    CaseAdded,
    CaseEdited,
    Event,
    MeetingFinished,
    MeetingOpened,
    NewerEventError,
    event_from_dict,
    event_to_dict,
    redact,
)
from intervisie.core.meeting.model import Group, Member, SessionState
from intervisie.core.settings import data_dir as default_data_dir
from intervisie.core.store import lease as leases
from intervisie.core.store.file import (
    STORE_FILE,
    StoreError,
    StoreMissing,
    StoreUnreadable,
    StoreWriteError,
    mark_in_use,
    open_readonly,
    open_writable,
    store_path,
    unreadable,
    write_error,
)

__all__ = [
    "STORE_FILE",
    "Cleanup",
    "DamagedEvent",
    "LeaseLost",
    "MeetingExists",
    "MeetingInfo",
    "MeetingNotFound",
    "NewerEvent",
    "Store",
    "StoreError",
    "StoreMissing",
    "StoreUnreadable",
    "StoreWriteError",
    "StoredEvent",
]


class MeetingNotFound(StoreError):
    pass


class MeetingExists(StoreError):
    pass


class DamagedEvent(StoreUnreadable):
    """One event row of one meeting cannot be read; the rest of the store is fine.

    The message names the meeting and the sequence number and, at most, the field's path:
    never its value, which may be what someone said in confidence.
    """

    def __init__(self, path: Path, meeting_id: str, seq: int, what: str):
        super().__init__(
            _(
                "event {seq} of meeting {id} in {path} is damaged ({what}); it was not "
                "changed. Other meetings are not affected, and `intervisie sessions delete "
                "{id}` (or `purge`, once it is finished) still removes this one."
            ).format(seq=seq, id=meeting_id, path=path, what=what),
            path,
        )
        self.meeting_id = meeting_id
        self.seq = seq


class NewerEvent(DamagedEvent):
    """One event of a meeting was written by a newer intervisie; updating opens it."""

    def __init__(self, path: Path, meeting_id: str, seq: int, error: NewerEventError):
        StoreUnreadable.__init__(
            self,
            _(
                "event {seq} of meeting {id} in {path} was written by a newer intervisie "
                "({type} version {version}; this one reads up to {current}); it was not "
                "changed. Update intervisie to open this meeting; other meetings are not "
                "affected."
            ).format(
                seq=seq,
                id=meeting_id,
                path=path,
                type=error.kind,
                version=error.version,
                current=error.current,
            ),
            path,
        )
        self.meeting_id = meeting_id
        self.seq = seq


_FIELD_PATH = re.compile(r"@ (\$[^\s;,]*)")


def _damage(exc: Exception) -> str:
    """What is wrong with an event document, by field path only (never a value)."""
    paths = sorted(set(_FIELD_PATH.findall(str(exc))))
    if paths:
        return _("field {fields}").format(fields=", ".join(paths))
    return _("not an event this version of intervisie knows")


class LeaseLost(StoreError):
    """Another facilitator process took the meeting over; this one is read-only now."""


@frozen
class StoredEvent:
    seq: int
    event: Event


@frozen
class MeetingInfo:
    """A meeting's row, as `sessions list` shows it (no replay needed)."""

    id: str
    group_id: str | None
    group_name: str | None
    date: str | None
    status: str
    """`open` or `finished`."""
    demo: bool
    created: datetime
    last_seen: datetime | None
    methods: tuple[str, ...]
    event_count: int
    holder: leases.Holder | None

    @property
    def finished(self) -> bool:
        return self.status == "finished"


@frozen
class Cleanup:
    """What a delete or purge did; `reclaimed` is false when another reader kept old pages."""

    events: int
    reclaimed: bool


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while decoding thousands of (acyclic) events at once.

    Replaying a long meeting allocates tens of thousands of small objects; letting the
    collector scan them again and again costs more than the decoding itself.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _dumps(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _local_date(when: datetime) -> str:
    """The meeting's date as the people in the room see it (the machine's time zone)."""
    return when.astimezone().date().isoformat()


# The listing reads two fields straight from the stored payloads, of every version:
# `group.name` of meeting_opened and `method.id` of round_started. An upgrade step that
# moves either changes these queries too (tests/core/test_store_fixtures.py checks them).
_MEETING_COLUMNS = """
    m.id, m.group_id, m.date, m.status, m.demo, m.created, m.last_seen,
    m.lease_pid, m.lease_host, m.lease_token,
    (SELECT json_extract(e.payload, '$.group.name') FROM events e
      WHERE e.meeting_id = m.id AND e.type = 'meeting_opened' AND json_valid(e.payload)
      ORDER BY e.seq LIMIT 1),
    (SELECT json_group_array(json_extract(e.payload, '$.method.id')) FROM events e
      WHERE e.meeting_id = m.id AND e.type = 'round_started' AND json_valid(e.payload)),
    (SELECT count(*) FROM events e WHERE e.meeting_id = m.id)
"""


class Store:
    """One open store file. Safe to share between threads (one lock around the connection)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool, clock: Any = None):
        self.path = path
        self.readonly = readonly
        self.token = secrets.token_hex(8)
        """This store object's lease token: one facilitator holder per instance."""
        self._conn = conn
        self._lock = threading.RLock()
        self._clock = clock
        self._closed = False
        mark_in_use(path, +1)

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        data_dir: Path | str | None = None,
        readonly: bool = False,
        create: bool = True,
        clock: Any = None,
    ) -> Store:
        """Open the store file `path`, else `intervisie.sqlite3` in `data_dir` (or the default).

        `readonly`: check and read, never write (raises `StoreMissing` when there is none).
        `clock`: anything with `now()` (timezone-aware); the system clock by default.
        """
        if path is None:
            path = store_path(Path(data_dir) if data_dir else default_data_dir())
        path = Path(path)
        if readonly:
            if not path.exists():
                raise StoreMissing(
                    _("there is no meeting store at {path} yet").format(path=path), path
                )
            return cls(path, open_readonly(path), readonly=True, clock=clock)
        store = cls(path, open_writable(path, create_missing=create), readonly=False, clock=clock)
        store.forget_abandoned()
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if not self._closed:
                self._closed = True
                mark_in_use(self.path, -1)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self._clock.now() if self._clock is not None else datetime.now(UTC)

    def data_version(self) -> int:
        """Changes when another connection commits: open views poll it to refresh."""
        return self._read("PRAGMA data_version")[0][0]

    # -- plumbing -----------------------------------------------------------------------

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                    raise write_error(self.path, exc) from None
                raise unreadable(self.path, str(exc)) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE` transaction; any failure rolls back and becomes a StoreError."""
        if self.readonly:
            raise StoreWriteError(
                _("the meeting store {path} is open read-only").format(path=self.path), self.path
            )
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                except (sqlite3.Error, OSError, AttributeError):
                    pass
                if isinstance(exc, StoreError):
                    raise
                if isinstance(exc, OSError | sqlite3.OperationalError | sqlite3.IntegrityError):
                    raise write_error(self.path, exc) from None
                if isinstance(exc, sqlite3.DatabaseError):
                    raise unreadable(self.path, str(exc)) from None
                raise

    def _require(self, conn: sqlite3.Connection, meeting_id: str) -> sqlite3.Row | tuple:
        row = conn.execute(
            "SELECT status, lease_token FROM meetings WHERE id = ?", (meeting_id,)
        ).fetchone()
        if row is None:
            raise self._not_found(meeting_id)
        return row

    def _not_found(self, meeting_id: str) -> MeetingNotFound:
        return MeetingNotFound(
            _("no meeting {id} in {path}").format(id=meeting_id, path=self.path), self.path
        )

    # -- meetings -----------------------------------------------------------------------

    def new_meeting(self, *, demo: bool = False, meeting_id: str | None = None) -> str:
        """A new, empty meeting (status open); its first event should be `meeting_opened`."""
        for _attempt in range(10):
            candidate = meeting_id or secrets.token_hex(4)
            with self._write() as conn:
                if conn.execute("SELECT 1 FROM meetings WHERE id = ?", (candidate,)).fetchone():
                    if meeting_id:
                        raise MeetingExists(
                            _("a meeting {id} is already in {path}").format(
                                id=meeting_id, path=self.path
                            ),
                            self.path,
                        )
                    continue
                conn.execute(
                    "INSERT INTO meetings (id, demo, created) VALUES (?, ?, ?)",
                    (candidate, int(demo), _iso(self.now())),
                )
                return candidate
        raise StoreWriteError(_("could not find a free meeting id"), self.path)

    def meetings(self) -> list[MeetingInfo]:
        """Every meeting that has begun (has an event), newest first.

        A meeting row without events is a setup in progress, or one whose process died
        between creating the row and storing its first event: there is nothing to show or
        resume, so it is not listed (`forget_abandoned` removes the dead ones).
        """
        rows = self._read(
            f"SELECT {_MEETING_COLUMNS} FROM meetings m "
            "WHERE EXISTS (SELECT 1 FROM events e WHERE e.meeting_id = m.id) "
            "ORDER BY coalesce(m.date, substr(m.created, 1, 10)) DESC, m.created DESC"
        )
        return [self._info(row) for row in rows]

    def meeting(self, meeting_id: str) -> MeetingInfo:
        rows = self._read(
            f"SELECT {_MEETING_COLUMNS} FROM meetings m WHERE m.id = ?", (meeting_id,)
        )
        if not rows:
            raise self._not_found(meeting_id)
        return self._info(rows[0])

    def resolve(self, id_or_prefix: str) -> str:
        """The meeting id that is, or uniquely starts with, `id_or_prefix`."""
        if self._read("SELECT 1 FROM meetings WHERE id = ?", (id_or_prefix,)):
            return id_or_prefix
        escaped = id_or_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read("SELECT id FROM meetings WHERE id LIKE ? ESCAPE '\\'", (escaped + "%",))
        if len(rows) == 1 and id_or_prefix:
            return rows[0][0]
        if len(rows) > 1 and id_or_prefix:
            raise MeetingNotFound(
                _("{prefix} matches several meetings: {ids}").format(
                    prefix=id_or_prefix, ids=", ".join(sorted(r[0] for r in rows))
                ),
                self.path,
            )
        raise self._not_found(id_or_prefix)

    def _info(self, row: Sequence[Any]) -> MeetingInfo:
        (mid, group_id, date, status, demo, created, last_seen, pid, host, token) = row[:10]
        group_name, methods, count = row[10:]
        holder = (
            leases.Holder(pid=pid, host=host, token=token, last_seen=_time(last_seen))
            if token
            else None
        )
        method_ids = tuple(m for m in json.loads(methods or "[]") if isinstance(m, str))
        return MeetingInfo(
            id=mid,
            group_id=group_id,
            group_name=group_name,
            date=date,
            status=status,
            demo=bool(demo),
            created=_time(created) or self.now(),
            last_seen=_time(last_seen),
            methods=method_ids,
            event_count=count,
            holder=holder,
        )

    def previous_meeting(self, group_id: str, before: str | None = None) -> str | None:
        """The group's latest meeting (other than `before`) that had events, demo ones aside."""
        rows = self._read(
            "SELECT m.id FROM meetings m WHERE m.group_id = ? AND m.id IS NOT ? AND m.demo = 0 "
            "ORDER BY m.date DESC, m.created DESC LIMIT 1",
            (group_id, before),
        )
        return rows[0][0] if rows else None

    # -- events -------------------------------------------------------------------------

    def append(self, meeting_id: str, event: Event, *, lease: leases.Lease | None = None) -> int:
        """Append one event in its own transaction; returns its sequence number.

        With `lease`, the write happens only while that lease is still ours (`LeaseLost`
        otherwise); participant processes append without one. On any failure nothing is
        written and a `StoreError` says why: the caller keeps the event to try again.
        """
        payload = _dumps(event_to_dict(event))
        with self._write() as conn:
            _status, token = self._require(conn, meeting_id)
            self._require_lease(meeting_id, token, lease)
            seq = conn.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM events WHERE meeting_id = ?", (meeting_id,)
            ).fetchone()[0]
            self._insert(conn, meeting_id, seq, event, payload)
            return seq

    def _require_lease(
        self, meeting_id: str, token: str | None, lease: leases.Lease | None
    ) -> None:
        """Writing with a lease needs the lease still to be ours."""
        if lease is not None and token != lease.token:
            raise LeaseLost(
                _(
                    "another facilitator took over meeting {id}; this window is read-only now"
                ).format(id=meeting_id),
                self.path,
            )

    def append_decided(
        self,
        meeting_id: str,
        after: int,
        decide: Callable[[list[StoredEvent]], Sequence[Event]],
        *,
        lease: leases.Lease | None = None,
    ) -> list[int]:
        """Catch up, decide and append in ONE transaction; returns the new sequence numbers.

        `decide` gets the events others stored after `after` and returns the events to
        append. Deciding inside the write lock means two processes never decide on the same
        state (two contributions both numbered `k7`, one overwriting the other on replay).
        An exception from `decide` (a refused command) writes nothing and propagates.
        """
        with self._write() as conn:
            _status, token = self._require(conn, meeting_id)
            self._require_lease(meeting_id, token, lease)
            rows = conn.execute(
                "SELECT seq, payload FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq",
                (meeting_id, after),
            ).fetchall()
            docs = self._parsed(meeting_id, rows)
            decoded = self._decode(meeting_id, docs)
            others = [StoredEvent(seq, ev) for (seq, _d), ev in zip(docs, decoded, strict=True)]
            events = decide(others)
            seq = (rows[-1][0] if rows else after) + 1
            top = conn.execute(
                "SELECT coalesce(max(seq), 0) FROM events WHERE meeting_id = ?", (meeting_id,)
            ).fetchone()[0]
            seq = max(seq, top + 1)
            seqs = []
            for event in events:
                self._insert(conn, meeting_id, seq, event, _dumps(event_to_dict(event)))
                seqs.append(seq)
                seq += 1
            return seqs

    def _insert(
        self, conn: sqlite3.Connection, meeting_id: str, seq: int, event: Event, payload: str
    ) -> None:
        conn.execute(
            "INSERT INTO events (meeting_id, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)",
            (meeting_id, seq, event.type, _iso(event.at), payload),
        )
        if isinstance(event, MeetingOpened):
            conn.execute(
                "UPDATE meetings SET group_id = ?, date = ?, demo = max(demo, ?) WHERE id = ?",
                (event.group.id, _local_date(event.at), int(event.demo), meeting_id),
            )
            self._upsert_group(conn, event.group)
        elif isinstance(event, MeetingFinished):
            conn.execute("UPDATE meetings SET status = 'finished' WHERE id = ?", (meeting_id,))

    def stored_events(self, meeting_id: str, after: int = 0) -> list[StoredEvent]:
        """The meeting's events in order (those after sequence number `after`)."""
        rows = self.event_rows(meeting_id, after)
        with paused_gc():
            events = self._decode(meeting_id, rows)
        return [StoredEvent(seq, event) for (seq, _doc), event in zip(rows, events, strict=True)]

    def events(self, meeting_id: str) -> list[Event]:
        rows = self.event_rows(meeting_id)
        with paused_gc():
            return self._decode(meeting_id, rows)

    def decode(self, meeting_id: str, rows: list[tuple[int, Any]]) -> list[Event]:
        """The events of `event_rows`; a damaged one raises `DamagedEvent` naming it."""
        try:
            return [event_from_dict(doc) for _seq, doc in rows]
        except Exception:  # find the row, then say which (below)
            pass
        for seq, doc in rows:
            try:
                event_from_dict(doc)
            except NewerEventError as exc:
                raise NewerEvent(self.path, meeting_id, seq, exc) from None
            except Exception as exc:  # any damage is named, never a traceback
                raise DamagedEvent(self.path, meeting_id, seq, _damage(exc)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    _decode = decode

    def replay(self, meeting_id: str) -> SessionState:
        """The meeting's state now: its events folded by the engine (no plugin needed)."""
        from intervisie.core.meeting.engine import replay

        with paused_gc():
            return replay(self.events(meeting_id))

    def event_rows(self, meeting_id: str, after: int = 0) -> list[tuple[int, dict[str, Any]]]:
        """The raw event documents (`event_to_dict` form) with their sequence numbers."""
        if not self._read("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)):
            raise self._not_found(meeting_id)
        rows = self._read(
            "SELECT seq, payload FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq",
            (meeting_id, after),
        )
        return self._parsed(meeting_id, rows)

    def _parsed(self, meeting_id: str, rows: list[Any]) -> list[tuple[int, Any]]:
        loads = json.loads
        try:
            return [(seq, loads(payload)) for seq, payload in rows]
        except (ValueError, TypeError):
            pass
        for seq, payload in rows:  # say which one
            try:
                loads(payload)
            except (ValueError, TypeError):
                raise DamagedEvent(self.path, meeting_id, seq, _("not JSON")) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def import_meeting(
        self, meeting_id: str | None, events: Iterable[Event], *, demo: bool = False
    ) -> str:
        """Add a whole meeting (an export, a demo) in one transaction, sequence numbers 1..n.

        `meeting_id` None picks a new id. Returns the id.
        """
        events = list(events)
        for _attempt in range(10):
            candidate = meeting_id or secrets.token_hex(4)
            with self._write() as conn:
                if conn.execute("SELECT 1 FROM meetings WHERE id = ?", (candidate,)).fetchone():
                    if meeting_id is None:
                        continue
                    raise MeetingExists(
                        _("a meeting {id} is already in {path}").format(
                            id=meeting_id, path=self.path
                        ),
                        self.path,
                    )
                conn.execute(
                    "INSERT INTO meetings (id, demo, created) VALUES (?, ?, ?)",
                    (candidate, int(demo), _iso(self.now())),
                )
                for seq, event in enumerate(events, start=1):
                    self._insert(conn, candidate, seq, event, _dumps(event_to_dict(event)))
                return candidate
        raise StoreWriteError(_("could not find a free meeting id"), self.path)

    # -- groups -------------------------------------------------------------------------

    def _upsert_group(self, conn: sqlite3.Connection, group: Group) -> None:
        members = _dumps([{"id": m.id, "name": m.name} for m in group.members])
        conn.execute(
            "INSERT INTO groups (id, name, members, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, members = excluded.members, "
            "updated = excluded.updated",
            (group.id, group.name, members, _iso(self.now())),
        )

    def save_group(self, group: Group) -> None:
        """Keep a group and its members for the next meeting (replaces the stored one)."""
        with self._write() as conn:
            self._upsert_group(conn, group)

    def groups(self, *, real_only: bool = False) -> list[Group]:
        """The stored groups; `real_only` leaves out those known only from demo meetings
        (setup never offers a demo's sample group for a real meeting)."""
        sql = "SELECT id, name, members FROM groups"
        if real_only:
            sql += (
                " WHERE id IN (SELECT group_id FROM meetings WHERE demo = 0)"
                " OR id NOT IN (SELECT group_id FROM meetings WHERE group_id IS NOT NULL)"
            )
        rows = self._read(sql + " ORDER BY name, id")
        return [self._group(row) for row in rows]

    def group(self, group_id: str) -> Group | None:
        rows = self._read("SELECT id, name, members FROM groups WHERE id = ?", (group_id,))
        return self._group(rows[0]) if rows else None

    @staticmethod
    def _group(row: Sequence[Any]) -> Group:
        members = tuple(Member(id=m["id"], name=m["name"]) for m in json.loads(row[2]))
        return Group(id=row[0], name=row[1], members=members)

    # -- leases -------------------------------------------------------------------------

    def acquire(self, meeting_id: str) -> leases.Lease:
        """Become the meeting's facilitator process, or learn who is (then: read-only)."""
        now = self.now()
        with self._write() as conn:
            self._require(conn, meeting_id)
            pid, host, token, last_seen = conn.execute(
                "SELECT lease_pid, lease_host, lease_token, last_seen FROM meetings WHERE id = ?",
                (meeting_id,),
            ).fetchone()
            holder = (
                leases.Holder(pid=pid, host=host, token=token, last_seen=_time(last_seen))
                if token
                else None
            )
            if not leases.may_take(holder, self.token, now):
                return leases.Lease(meeting_id, None, holder=holder)
            conn.execute(
                "UPDATE meetings SET lease_pid = ?, lease_host = ?, lease_token = ?, "
                "last_seen = ? WHERE id = ?",
                (os.getpid(), leases.this_host(), self.token, _iso(now), meeting_id),
            )
        took_over = holder if holder is not None and holder.token != self.token else None
        return leases.Lease(meeting_id, self.token, took_over=took_over, last_seen=_time(last_seen))

    def heartbeat(self, lease: leases.Lease) -> bool:
        """Update `last_seen` (every 15 s while the app runs); false when the lease is lost."""
        if not lease.held:
            return False
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE meetings SET last_seen = ? WHERE id = ? AND lease_token = ?",
                (_iso(self.now()), lease.meeting_id, lease.token),
            )
            return cur.rowcount == 1

    def release(self, lease: leases.Lease) -> None:
        """Give the meeting up (closing the app); `last_seen` stays for crash recovery."""
        if not lease.held:
            return
        with self._write() as conn:
            conn.execute(
                "UPDATE meetings SET lease_pid = NULL, lease_host = NULL, lease_token = NULL "
                "WHERE id = ? AND lease_token = ?",
                (lease.meeting_id, lease.token),
            )

    # -- deleting and purging -----------------------------------------------------------

    def forget_if_empty(self, meeting_id: str) -> bool:
        """Drop a meeting row that never got an event (setup abandoned); true if dropped."""
        with self._write() as conn:
            cur = conn.execute(
                "DELETE FROM meetings WHERE id = ? AND NOT EXISTS "
                "(SELECT 1 FROM events WHERE meeting_id = ?)",
                (meeting_id, meeting_id),
            )
            return cur.rowcount == 1

    def forget_abandoned(self) -> int:
        """Remove meetings that never got their first event and whose process is gone.

        Opening a meeting writes its row, then its first event: a process killed in between
        (right after Ctrl+S) left an empty meeting listed as open, whose resume led nowhere.
        A row still held by a live process, or too young to tell (no lease yet), stays.
        Returns how many were removed; a store that cannot be written keeps them for later.
        """
        now = self.now()
        removed = 0
        try:
            rows = self._read(
                "SELECT id, created, lease_pid, lease_host, lease_token, last_seen "
                "FROM meetings m "
                "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.meeting_id = m.id)"
            )
            for meeting_id, created, pid, host, token, last_seen in rows:
                if token:
                    holder = leases.Holder(pid, host, token, _time(last_seen))
                    if not leases.may_take(holder, self.token, now):
                        continue
                elif now - (_time(created) or now) <= leases.STALE_AFTER:
                    continue
                removed += self.forget_if_empty(meeting_id)
        except StoreError:
            return removed
        return removed

    def delete(self, meeting_id: str) -> Cleanup:
        """Remove a meeting and its events, then reclaim the space so no text remains."""
        with self._write() as conn:
            self._refuse_if_driven(conn, meeting_id)
            texts: set[tuple[str, str]] = set()
            for (payload,) in conn.execute(
                "SELECT payload FROM events WHERE meeting_id = ? AND type IN "
                "('case_added', 'case_edited')",
                (meeting_id,),
            ):
                with contextlib.suppress(Exception):  # a damaged row has no text to follow
                    texts.update(_case_texts(event_from_dict(json.loads(payload))))
            count = conn.execute("DELETE FROM events WHERE meeting_id = ?", (meeting_id,)).rowcount
            conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
            self._purge_revisit_copies(conn, meeting_id, texts, None)
        return Cleanup(count, self._reclaim())

    def purge(self, meeting_id: str, marker: str | None = None) -> Cleanup:
        """Replace all case content of a finished meeting with a marker, in one transaction.

        What certificates and the hours ledger need (who, when, which method, how long)
        stays, and the meeting still replays. Then the WAL is checkpointed and the file
        vacuumed, so no byte of the old text remains in it.
        """
        changed = 0
        with self._write() as conn:
            status, _token = self._require(conn, meeting_id)
            if status != "finished":
                raise StoreError(
                    _("meeting {id} is not finished; only finished meetings can be purged").format(
                        id=meeting_id
                    ),
                    self.path,
                )
            rows = conn.execute(
                "SELECT seq, type, payload FROM events WHERE meeting_id = ? ORDER BY seq",
                (meeting_id,),
            ).fetchall()
            purged_texts: set[tuple[str, str]] = set()
            for seq, kind, payload in rows:
                try:
                    event = event_from_dict(json.loads(payload))
                except Exception:  # a damaged row: which field is text is unknown
                    new_payload = _damaged_purged(kind, payload, marker or PURGED)
                else:
                    purged_texts.update(_case_texts(event))
                    cleaned = redact(event) if marker is None else redact(event, marker)
                    # an event of an earlier version is written as current only if changed
                    new_payload = _dumps(event_to_dict(cleaned)) if cleaned != event else payload
                if new_payload != payload:
                    conn.execute(
                        "UPDATE events SET payload = ? WHERE meeting_id = ? AND seq = ?",
                        (new_payload, meeting_id, seq),
                    )
                    changed += 1
            changed += self._purge_revisit_copies(conn, meeting_id, purged_texts, marker)
        return Cleanup(changed, self._reclaim())

    def _purge_revisit_copies(
        self,
        conn: sqlite3.Connection,
        meeting_id: str,
        texts: set[tuple[str, str]],
        marker: str | None,
    ) -> int:
        """Later meetings copied the meeting's cases: the discussed ones to revisit them
        (`meeting_opened`), the left-over ones carried over to be brought in again
        (`case_added` with `carried_from`). Purge those copies too. They are found by their
        text, not their id: case ids were only unique within a meeting when they were made."""
        if not texts:
            return 0
        changed = 0
        mark = PURGED if marker is None else marker
        rows = conn.execute(
            "SELECT meeting_id, seq, payload FROM events "
            "WHERE type IN ('meeting_opened', 'case_added') AND meeting_id != ?",
            (meeting_id,),
        ).fetchall()
        for other, seq, payload in rows:
            try:
                event = event_from_dict(json.loads(payload))
            except Exception:  # another meeting's damaged row: named when read
                continue
            if isinstance(event, CaseAdded):
                case = event.case
                if event.carried_from is None or (case.title, case.description) not in texts:
                    continue
                copy = attrs.evolve(
                    event,
                    case=attrs.evolve(
                        case, title=mark, description=mark if case.description else ""
                    ),
                )
                conn.execute(
                    "UPDATE events SET payload = ? WHERE meeting_id = ? AND seq = ?",
                    (_dumps(event_to_dict(copy)), other, seq),
                )
                changed += 1
                continue
            if not isinstance(event, MeetingOpened) or not any(
                (c.title, c.description) in texts for c in event.revisit
            ):
                continue
            revisit = tuple(
                attrs.evolve(c, title=mark, description=mark if c.description else "")
                if (c.title, c.description) in texts
                else c
                for c in event.revisit
            )
            conn.execute(
                "UPDATE events SET payload = ? WHERE meeting_id = ? AND seq = ?",
                (_dumps(event_to_dict(attrs.evolve(event, revisit=revisit))), other, seq),
            )
            changed += 1
        return changed

    def _refuse_if_driven(self, conn: sqlite3.Connection, meeting_id: str) -> None:
        self._require(conn, meeting_id)
        pid, host, token, last_seen = conn.execute(
            "SELECT lease_pid, lease_host, lease_token, last_seen FROM meetings WHERE id = ?",
            (meeting_id,),
        ).fetchone()
        if not token:
            return
        holder = leases.Holder(pid=pid, host=host, token=token, last_seen=_time(last_seen))
        if not leases.may_take(holder, self.token, self.now()):
            raise StoreError(
                _(
                    "meeting {id} is open in another facilitator process (pid {pid} on {host})"
                ).format(id=meeting_id, pid=pid, host=host),
                self.path,
            )

    def _reclaim(self) -> bool:
        """Checkpoint the WAL into the file, vacuum, checkpoint again: old pages are gone."""
        with self._lock:
            try:
                busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                self._conn.execute("VACUUM")
                busy |= self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except (OSError, sqlite3.OperationalError) as exc:
                raise write_error(self.path, exc) from None
            return not busy


_STRUCTURE_KEYS = frozenset({"type", "at", "v", "version"})


def _damaged_purged(kind: str, payload: str, marker: str) -> str:
    """A damaged row, purged: every string in it replaced (any could be case text), or,
    when it is not even JSON, the row reduced to its type."""

    def scrub(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: scrub(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, str) and key not in _STRUCTURE_KEYS:
            return marker
        return value

    try:
        doc = json.loads(payload)
    except (ValueError, TypeError, RecursionError):
        return _dumps({"type": kind, "damaged": marker})
    return _dumps(scrub(doc))


def _case_texts(event: Any) -> set[tuple[str, str]]:
    """The (title, description) pairs of case content an event carries."""
    if isinstance(event, CaseAdded):
        return {(event.case.title, event.case.description)}
    if isinstance(event, CaseEdited):
        return {(event.title, event.description)}
    return set()
