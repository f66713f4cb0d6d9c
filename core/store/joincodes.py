"""Join codes for online meetings: who may open the facilitator's app or a participant's view.

Why it looks like this: textual-serve passes nothing from the browser's URL to the app but
the terminal size, so each served app's first screen asks for a code. A code is random
(`secrets`, 50 bits, written `ABCDE-FGHJK` in Crockford's base32, so it can be read aloud and
typed on a phone), one per person: the facilitator's code is made when `intervisie serve`
starts, and each participant's code is made by the facilitator's app for one member of one
meeting. Only a hash of a code is kept (scrypt with a per-file salt), so the file alone does
not let anyone in. A participant's code expires when its meeting closes; a new code for the
same member replaces the old one; the facilitator's code ends with its `serve`, or after a day.

The meeting store has no place for extra tables, so the codes live in a small SQLite file of
their own beside it, `joincodes.sqlite3`, 0600 in the 0700 data folder.

Guessing is slowed down twice: each tab waits longer after each wrong code and locks after
`MAX_ATTEMPTS` (see `refusal_delay`), and every failure is counted in the file, so many tabs
guessing at once all slow down together.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from attrs import frozen

from intervisie.core.i18n import _
from intervisie.core.settings import data_dir as default_data_dir
from intervisie.core.settings import ensure_private_dir

CODES_FILE = "joincodes.sqlite3"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32: no I, L, O or U, so nothing is mistaken for another character."""
CODE_LENGTH = 10
MAX_ATTEMPTS = 5
"""Wrong codes after which a tab is locked for good (close it, ask the facilitator)."""
FACILITATOR_HOURS = 24
"""A facilitator code outlives a crashed `serve` by at most this long."""
FAILURE_WINDOW = timedelta(minutes=10)
FACILITATOR = "facilitator"
PARTICIPANT = "participant"
ROOM = "room"
PAGE_STALE = timedelta(seconds=30)
"""A page the server has not marked as seen for this long is gone (a `serve` that died)."""

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS codes (
    hash TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    meeting_id TEXT,
    member_id TEXT,
    created TEXT NOT NULL,
    expires TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS one_code_a_member ON codes (meeting_id, member_id)
    WHERE role = 'participant';
CREATE UNIQUE INDEX IF NOT EXISTS one_room_code ON codes (meeting_id) WHERE role = 'room';
CREATE TABLE IF NOT EXISTS failures (at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL,
    member_id TEXT,
    opened TEXT NOT NULL,
    seen TEXT NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0
);
"""


class Refusal(StrEnum):
    WRONG = "wrong"
    EXPIRED = "expired"


class CodeRefused(Exception):
    """A code that lets nobody in; `reason` says whether it was never valid or has expired."""

    def __init__(self, reason: Refusal):
        self.reason = reason
        if reason is Refusal.EXPIRED:
            message = _("This code has expired: its meeting is over or it was replaced.")
        else:
            message = _("That code is not valid. Check it with the facilitator.")
        super().__init__(message)


@frozen
class Admission:
    """Who a valid code lets in: the facilitator, or one member of one meeting."""

    role: str
    meeting_id: str | None = None
    member_id: str | None = None
    code_hash: str = ""

    @property
    def is_facilitator(self) -> bool:
        return self.role == FACILITATOR

    @property
    def is_room(self) -> bool:
        return self.role == ROOM


@frozen
class OpenPage:
    """A page open with a participant's or the room's code: presence, not attendance."""

    id: str
    meeting_id: str
    member_id: str | None
    """None: the room view."""
    opened: datetime
    ended: bool = False


def new_code() -> str:
    """A fresh code, `ABCDE-FGHJK`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


_READ_AS = str.maketrans("OIL", "011")


def normalize(code: str) -> str:
    """What a person typed, as the code it means: case, spaces and dashes aside; O is 0, I
    and L are 1 (Crockford's reading rules)."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    return text.translate(_READ_AS)


def refusal_delay(attempt: int, recent_failures: int = 0) -> float:
    """Seconds a tab waits before saying a code was wrong: longer each time, and longer
    still while many wrong codes arrive from anywhere (several tabs guessing)."""
    own = min(1.0 * 2 ** max(attempt - 1, 0), 8.0)
    crowd = min(recent_failures / 10, 5.0)
    return own + crowd


def codes_path(folder: Path) -> Path:
    return Path(folder) / CODES_FILE


class JoinCodes:
    """The codes file of one data folder. Safe to share between threads."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._salt = self._load_salt()

    @classmethod
    def open(cls, data_dir: Path | str | None = None) -> JoinCodes:
        folder = ensure_private_dir(Path(data_dir) if data_dir else default_data_dir())
        path = codes_path(folder)
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
            os.fchmod(fd, 0o600)
            os.close(fd)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=5)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA secure_delete=ON")
        conn.executescript(_SCHEMA)
        return cls(path, conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> JoinCodes:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -----------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _load_salt(self) -> bytes:
        with self._write() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
            if row is not None:
                return bytes(row[0])
            salt = secrets.token_bytes(16)
            conn.execute("INSERT INTO meta (key, value) VALUES ('salt', ?)", (salt,))
            return salt

    def digest(self, code: str) -> str:
        """The stored form of a code (scrypt: slow to guess even with the file in hand)."""
        return hashlib.scrypt(normalize(code).encode(), salt=self._salt, **_SCRYPT).hex()

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)

    def data_version(self) -> int:
        """Changes when another process writes codes: open tabs re-check theirs then."""
        with self._lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]

    # -- issuing ------------------------------------------------------------------------

    def issue_facilitator(self) -> str:
        """A facilitator code for one `serve`; `revoke` it when the server stops."""
        code = new_code()
        expires = self._now() + timedelta(hours=FACILITATOR_HOURS)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO codes (hash, role, created, expires) VALUES (?, ?, ?, ?)",
                (self.digest(code), FACILITATOR, self._now().isoformat(), expires.isoformat()),
            )
        return code

    def issue(self, meeting_id: str, member_id: str) -> str:
        """A participant's code for one member of one meeting; replaces that member's old one."""
        code = new_code()
        with self._write() as conn:
            conn.execute(
                "DELETE FROM codes WHERE role = 'participant' AND meeting_id = ? AND member_id = ?",
                (meeting_id, member_id),
            )
            conn.execute(
                "INSERT INTO codes (hash, role, meeting_id, member_id, created) "
                "VALUES (?, 'participant', ?, ?, ?)",
                (self.digest(code), meeting_id, member_id, self._now().isoformat()),
            )
        return code

    def issue_room(self, meeting_id: str) -> str:
        """The meeting's room code (the read-only room view); replaces the old one."""
        code = new_code()
        with self._write() as conn:
            conn.execute("DELETE FROM codes WHERE role = 'room' AND meeting_id = ?", (meeting_id,))
            conn.execute(
                "INSERT INTO codes (hash, role, meeting_id, created) VALUES (?, 'room', ?, ?)",
                (self.digest(code), meeting_id, self._now().isoformat()),
            )
        return code

    def has_room_code(self, meeting_id: str) -> bool:
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM codes WHERE role = 'room' AND meeting_id = ?", (meeting_id,)
            ).fetchone()
        return row is not None

    def holders(self, meeting_id: str) -> set[str]:
        """The members of a meeting who have a code now."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT member_id FROM codes WHERE role = 'participant' AND meeting_id = ?",
                (meeting_id,),
            ).fetchall()
        return {r[0] for r in rows}

    def revoke(self, code: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM codes WHERE hash = ?", (self.digest(code),))

    def expire_meeting(self, meeting_id: str) -> int:
        """The meeting closed: its codes let nobody in any more. Returns how many went."""
        with self._write() as conn:
            return conn.execute("DELETE FROM codes WHERE meeting_id = ?", (meeting_id,)).rowcount

    # -- checking -----------------------------------------------------------------------

    def check(self, code: str, *, finished: Callable[[str], bool] | None = None) -> Admission:
        """Who `code` lets in, or `CodeRefused` (and the failure is counted).

        `finished(meeting_id)`: whether that meeting has closed; its codes are then expired
        (and removed).
        """
        digest = self.digest(code)
        with self._lock:
            row = self._conn.execute(
                "SELECT role, meeting_id, member_id, expires FROM codes WHERE hash = ?", (digest,)
            ).fetchone()
        if row is None:
            self._failed()
            raise CodeRefused(Refusal.WRONG)
        role, meeting_id, member_id, expires = row
        over = expires is not None and datetime.fromisoformat(expires) <= self._now()
        if over or (meeting_id is not None and finished is not None and finished(meeting_id)):
            with self._write() as conn:
                conn.execute("DELETE FROM codes WHERE hash = ?", (digest,))
            self._failed()
            raise CodeRefused(Refusal.EXPIRED)
        return Admission(role, meeting_id, member_id, digest)

    def still_valid(self, admission: Admission) -> bool:
        """Whether the code that let this tab in still stands (not replaced, not expired)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM codes WHERE hash = ?", (admission.code_hash,)
            ).fetchone()
        return row is not None

    def _failed(self) -> None:
        now = self._now()
        with self._write() as conn:
            conn.execute("DELETE FROM failures WHERE at < ?", ((now - FAILURE_WINDOW).isoformat(),))
            conn.execute("INSERT INTO failures (at) VALUES (?)", (now.isoformat(),))

    def recent_failures(self) -> int:
        """Wrong codes from any tab in the last ten minutes."""
        since = (self._now() - FAILURE_WINDOW).isoformat()
        with self._lock:
            return self._conn.execute(
                "SELECT count(*) FROM failures WHERE at >= ?", (since,)
            ).fetchone()[0]

    # -- pages (presence) -----------------------------------------------------------------

    def page_opened(self, admission: Admission) -> str:
        """A page was let in with `admission`: its id, to mark it seen and closed."""
        assert admission.meeting_id is not None
        page_id = secrets.token_hex(8)
        now = self._now().isoformat()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO pages (id, meeting_id, member_id, opened, seen) "
                "VALUES (?, ?, ?, ?, ?)",
                (page_id, admission.meeting_id, admission.member_id, now, now),
            )
        return page_id

    def pages_seen(self, page_ids: list[str]) -> None:
        """The server still has these pages open (every few seconds)."""
        if not page_ids:
            return
        now = self._now().isoformat()
        with self._write() as conn:
            conn.executemany("UPDATE pages SET seen = ? WHERE id = ?", [(now, p) for p in page_ids])

    def page_closed(self, page_id: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM pages WHERE id = ?", (page_id,))

    def end_page(self, page_id: str) -> None:
        """The facilitator ends a page (a second one with the same code): the server closes it."""
        with self._write() as conn:
            conn.execute("UPDATE pages SET ended = 1 WHERE id = ?", (page_id,))

    def clear_pages(self) -> None:
        """A `serve` starts: pages of an earlier one are gone."""
        with self._write() as conn:
            conn.execute("DELETE FROM pages")

    def pages(self, meeting_id: str | None = None) -> list[OpenPage]:
        """Pages open now (seen recently), oldest first; of one meeting, or of all."""
        since = (self._now() - PAGE_STALE).isoformat()
        sql = "SELECT id, meeting_id, member_id, opened, ended FROM pages WHERE seen >= ?"
        params: tuple[str, ...] = (since,)
        if meeting_id is not None:
            sql += " AND meeting_id = ?"
            params += (meeting_id,)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY opened, id", params).fetchall()
        return [OpenPage(r[0], r[1], r[2], datetime.fromisoformat(r[3]), bool(r[4])) for r in rows]


class Locked(Exception):
    """Too many wrong codes from one place."""


class Gate:
    """The tries at a code from one place (a tab of the facilitator's app, or one address at
    the participants' server): the delay grows with each wrong code, then it locks."""

    def __init__(self, codes: JoinCodes, finished: Callable[[str], bool] | None = None):
        self.codes = codes
        self.finished = finished
        self.wrong = 0

    @property
    def locked(self) -> bool:
        return self.wrong >= MAX_ATTEMPTS

    def try_code(self, code: str) -> Admission:
        """The admission, or `CodeRefused` (counted; wait `delay()` before saying so), or
        `Locked` once `MAX_ATTEMPTS` wrong codes came from here."""
        if self.locked:
            raise Locked
        try:
            return self.codes.check(code, finished=self.finished)
        except CodeRefused:
            self.wrong += 1
            raise

    def delay(self) -> float:
        """How long to wait before telling the person the last code was wrong."""
        return refusal_delay(self.wrong, self.codes.recent_failures())
