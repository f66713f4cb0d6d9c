"""Writing to a meeting from several processes at once, and the limits on what a tab may add.

Why a lock: the engine numbers contributions from the state it holds (`k1`, `k2`, ...). Two
processes that decide on the same state would both mint `k7`, the store would keep both
events, and the later one would overwrite the earlier on replay: a contribution lost. So
every process that writes to an online meeting (each participant's tab and the served
facilitator's app) takes one file lock in the data folder, catches up with the store, runs
its command and stores the events, and only then lets the next one in. Holding it takes a
few milliseconds; nothing waits on a person while it is held.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from intervisie.core.i18n import _

LOCK_FILE = "online.lock"
MAX_TEXT = 2000
"""Characters in one contribution (a long question is 300)."""
RATE = 12
"""Contributions a tab may add per `RATE_WINDOW` seconds (a steady pace for a person)."""
RATE_WINDOW = 60.0
BURST = 6
"""Contributions a tab may add in a quick run (a few short questions in a row)."""


class LimitExceeded(ValueError):
    """Too long, or too many too fast: the message says which, for the participant."""


@contextmanager
def meeting_lock(data_dir: Path | str) -> Iterator[None]:
    """Hold the data folder's write lock for online meetings (blocks until it is free)."""
    path = Path(data_dir) / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def check_size(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise LimitExceeded(
            _("That is {n} characters; at most {max} fit in one contribution.").format(
                n=len(text), max=MAX_TEXT
            )
        )


class RateLimit:
    """A token bucket: `BURST` at once, then `RATE` a `RATE_WINDOW`; `clock` for tests."""

    def __init__(
        self,
        rate: float = RATE,
        window: float = RATE_WINDOW,
        burst: int = BURST,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second = rate / window
        self.burst = burst
        self.tokens = float(burst)
        self.clock = clock
        self.last = clock()

    def take(self) -> None:
        """Use one contribution's worth, or `LimitExceeded` saying how long to wait."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.per_second)
        self.last = now
        if self.tokens < 1:
            wait = (1 - self.tokens) / self.per_second
            raise LimitExceeded(
                _("Slow down a little: you can add the next one in {s} seconds.").format(
                    s=max(int(wait + 0.999), 1)
                )
            )
        self.tokens -= 1

    def refund(self) -> None:
        """Give back what `take` used: a refused command costs nothing."""
        self.tokens = min(self.burst, self.tokens + 1)
