"""The store's file: find it, check it without writing, create it, connect to it.

The rule this module keeps: a file that is corrupt, truncated, not ours or from a newer schema
is never written. So an existing file is first opened read-only (`mode=ro`) and checked
(header, application id, schema version, `quick_check`); only then does anything open it for
writing. A new store is built beside the final name and hard-linked into place, so a crash or
a second process never leaves a half-made file, and it is 0600 in a 0700 folder from the start.

Errors become `StoreError`s whose message names the file and says what to do; the CLI prints
the message and exits 1, the TUI shows it.
"""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from intervisie.core.i18n import _
from intervisie.core.settings import ensure_private_dir
from intervisie.core.store import migrations as schema

STORE_FILE = "intervisie.sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """A store problem a person can act on; `str()` is the message, naming the file."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.message = message
        self.path = path


class StoreMissing(StoreError):
    """There is no store file yet (and we were asked not to create one)."""


class StoreUnreadable(StoreError):
    """Corrupt, truncated, not ours, or newer than this program: never written."""


class StoreWriteError(StoreError):
    """Could not write (read-only folder, permission denied, disk full, busy)."""


def store_path(folder: Path) -> Path:
    return Path(folder) / STORE_FILE


def connect(path: Path, *, readonly: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """The one place connections are made (tests inject faults here)."""
    if readonly:
        query = "mode=ro" + ("&immutable=1" if immutable else "")
        uri = f"file:{quote(str(path))}?{query}"
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    return sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=5)


def configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    for pragma in schema.PRAGMAS:
        conn.execute(pragma)
    return conn


def unreadable(path: Path, reason: str) -> StoreUnreadable:
    return StoreUnreadable(
        _(
            "{path} cannot be used as a meeting store: {reason}. It was not changed; "
            "move it aside to start a new store, or point --data-dir elsewhere."
        ).format(path=path, reason=reason),
        path,
    )


def write_error(path: Path, exc: BaseException) -> StoreWriteError:
    """A write failure, in words: disk full, read-only, permission denied, busy."""
    return StoreWriteError(
        _("cannot save to the meeting store {path}: {reason}").format(
            path=path, reason=reason_of(exc)
        ),
        path,
    )


def reason_of(exc: BaseException) -> str:
    """Why a write failed, in words a person can act on."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "full" in text:
        reason = _("the disk is full")
    elif code == errno.EROFS or "readonly" in text or "read-only" in text:
        reason = _("the file or its folder is read-only")
    elif code in (errno.EACCES, errno.EPERM) or "permission" in text:
        reason = _("permission denied")
    elif "locked" in text or "busy" in text:
        reason = _("another program is writing to it; try again")
    else:
        reason = getattr(exc, "strerror", None) or str(exc)
    return reason


_in_use: dict[str, int] = {}
"""Store files this process has open. Opening and closing such a file with plain `open()`
would drop every POSIX lock SQLite holds on it in this process (fcntl locks belong to the
process, not the descriptor): other connections would then miss commits."""


def mark_in_use(path: Path, delta: int) -> None:
    key = os.path.realpath(path)
    count = _in_use.get(key, 0) + delta
    if count > 0:
        _in_use[key] = count
    else:
        _in_use.pop(key, None)


def _header(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(100)


def check(path: Path) -> int:
    """Check an existing store without writing it; returns its schema version.

    Raises `StoreUnreadable` when the file is not a store this program may write.
    """
    if os.path.realpath(path) in _in_use:
        return _checked_by_sqlite(path)
    try:
        info = path.stat()
        # A named pipe would block every command until someone writes to it; a folder or a
        # device is no store either: only a regular file is opened (as house methods are).
        if not stat.S_ISREG(info.st_mode):
            raise unreadable(path, _("it is not a regular file"))
        header = _header(path)
        size = info.st_size
    except OSError as exc:
        raise StoreError(
            _("cannot read the meeting store {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            ),
            path,
        ) from None
    if size == 0:
        raise unreadable(path, _("the file is empty (truncated?)"))
    if not header.startswith(SQLITE_MAGIC):
        raise unreadable(path, _("it is not an intervisie store (not an SQLite database)"))
    wal = Path(f"{path}-wal")
    pending_wal = wal.exists() and wal.stat().st_size > 0  # a checkpoint may be half done
    if len(header) == 100 and header[24:28] == header[92:96] and not pending_wal:
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        if size < page_size * pages:
            raise unreadable(path, _("the file is truncated"))
    return _checked_by_sqlite(path)


def _checked_by_sqlite(path: Path) -> int:
    """The checks SQLite itself can make: our application id, a known version, not corrupt."""
    try:
        conn = _open_readonly(path)
    except sqlite3.Error as exc:
        raise unreadable(path, _("SQLite cannot open it ({error})").format(error=exc)) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != schema.APPLICATION_ID:
            raise unreadable(path, _("it is not an intervisie store"))
        if version < 1:  # ours are made at version 1 or later: never migrate from nowhere
            raise unreadable(
                path,
                _(
                    "it has schema version {found}, not a store this version of intervisie "
                    "knows (1 to {known})"
                ).format(found=version, known=schema.VERSION),
            )
        if version > schema.VERSION:
            raise unreadable(
                path,
                _(
                    "it was made by a newer intervisie (schema version {found}, this "
                    "program knows up to {known}); update intervisie"
                ).format(found=version, known=schema.VERSION),
            )
        result = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in result] != [("ok",)]:
            raise unreadable(path, _("the file is corrupt"))
        return version
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, _("the file is corrupt ({error})").format(error=exc)) from None
    finally:
        conn.close()


def _open_readonly(path: Path) -> sqlite3.Connection:
    """Read-only; in a read-only folder without WAL side files, as an immutable file."""
    conn = connect(path, readonly=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK) and not _read_only_fs(path.parent):
            raise
    conn = connect(path, readonly=True, immutable=True)
    conn.execute("PRAGMA schema_version").fetchone()
    return conn


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def open_readonly(path: Path) -> sqlite3.Connection:
    """A checked, read-only connection: for listing and showing, which must never write."""
    check(path)
    try:
        conn = _open_readonly(path)
        conn.execute("PRAGMA busy_timeout=5000")
        return conn
    except sqlite3.Error as exc:
        raise unreadable(path, str(exc)) from None


def create(path: Path) -> None:
    """Make a new, empty store at `path` (0600, in a 0700 folder), unless one appears first."""
    try:
        ensure_private_dir(path.parent)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StoreWriteError(
            _("cannot create the meeting store {path}: {reason}").format(
                path=path, reason=reason_of(exc)
            ),
            path,
        ) from None
    try:
        conn = configure(connect(tmp))
        try:
            schema.migrate(conn)
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            if not path.exists():  # a file system without hard links
                os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        raise write_error(path, exc) from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


def open_writable(path: Path, *, create_missing: bool = True) -> sqlite3.Connection:
    """A checked, migrated connection for writing; creates the store when it is missing."""
    if not path.exists():
        if not create_missing:
            raise StoreMissing(_("there is no meeting store at {path} yet").format(path=path), path)
        create(path)
    version = check(path)
    try:
        conn = configure(connect(path))
    except (OSError, sqlite3.Error) as exc:
        raise write_error(path, exc) from None
    if version < schema.VERSION:
        _backup(path, version)
        try:
            schema.migrate(conn)
        except (OSError, sqlite3.Error) as exc:
            conn.close()
            raise write_error(path, exc) from None
    return conn


def _backup(path: Path, version: int) -> None:
    """Keep a copy of an older store before migrating it (`<file>.v<N>.bak`, 0600)."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        return
    source = _open_readonly(path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise write_error(target, exc) from None
    finally:
        source.close()
