"""Who drives a meeting: one facilitator process at a time holds its lease.

The lease lives in the meeting's row (pid, host, a random token per holder) with the heartbeat
in `last_seen`. A second facilitator process is told who holds it and opens read-only. It may
take over at once when the holder is a dead process on this host, and otherwise only once the
heartbeat is older than `STALE_AFTER` (a holder on another machine cannot be asked).
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from attrs import frozen

STALE_AFTER = timedelta(seconds=30)
HEARTBEAT_EVERY = timedelta(seconds=15)
"""How often the app updates `last_seen` while it holds a meeting."""


@frozen
class Holder:
    pid: int
    host: str
    token: str
    last_seen: datetime | None


@frozen
class Lease:
    """The outcome of asking for a meeting: held by us (`token`), or read-only (`holder`)."""

    meeting_id: str
    token: str | None
    holder: Holder | None = None
    """Who holds it, when we do not."""
    took_over: Holder | None = None
    """The previous holder we replaced (dead or stale), if any."""
    last_seen: datetime | None = None
    """The meeting's last heartbeat before we took it: where a crashed meeting stopped."""

    @property
    def held(self) -> bool:
        return self.token is not None


def this_host() -> str:
    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this host (a zombie counts as alive)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process its parent has not reaped yet still answers `kill(pid, 0)`."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3] == b"Z"


def may_take(holder: Holder | None, token: str, now: datetime) -> bool:
    """Whether a process with `token` may take the lease from `holder` at `now`."""
    if holder is None or holder.token == token:
        return True
    if holder.host == this_host() and not pid_alive(holder.pid):
        return True
    return holder.last_seen is None or now - holder.last_seen > STALE_AFTER
