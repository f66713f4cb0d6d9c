"""Where the engine gets the time: injected, so tests and demos never wait for real time.

The app uses `SystemClock` (timezone-aware UTC wall-clock time; events carry it and survive a
restart, which a monotonic clock would not). Tests and `demo --headless` use `FakeClock`,
moved by hand, which can also be set backwards to show the timers cope.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that stands still until told to move."""

    def __init__(self, start: datetime | None = None):
        start = start or datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, minutes: float = 0, seconds: float = 0) -> datetime:
        """Move on (or back, with a negative amount) and return the new time."""
        self._now += timedelta(minutes=minutes, seconds=seconds)
        return self._now

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware time")
        self._now = when.astimezone(UTC)
