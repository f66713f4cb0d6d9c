"""What a person may send: how long one contribution may be, and how many how fast.

Why per person and not per page: a second page (or a reconnect) with the same code must not
double the allowance, so the server keeps one `RateLimit` per member of a meeting, whatever
number of pages they have open. A refused contribution costs nothing (`refund`), and the page
keeps the refused text apart from what is typed next.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from intervisie.core.i18n import _

MAX_TEXT = 2000
"""Characters in one contribution (a long question is 300)."""
RATE = 12
"""Contributions a person may add per `RATE_WINDOW` seconds (a steady pace for a person)."""
RATE_WINDOW = 60.0
BURST = 6
"""Contributions a person may add in a quick run (a few short questions in a row)."""


class LimitExceeded(ValueError):
    """Too long, or too many too fast: the message says which, for the participant."""


def check_size(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise LimitExceeded(
            _("That is {n} characters; at most {max} fit in one contribution.").format(
                n=len(text), max=MAX_TEXT
            )
        )


class RateLimit:
    """A token bucket: `burst` at once, then `rate` a `window`; `clock` for tests."""

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
