"""Helpers for pilot tests (`App.run_test`), shared by the screen tests in this folder."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


def pilot(test: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    """Run an async pilot test without an asyncio plugin."""

    def run() -> None:
        asyncio.run(test())

    run.__name__ = test.__name__
    return run
