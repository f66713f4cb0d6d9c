"""Helpers for pilot tests (`App.run_test`), shared by the screen tests in this folder."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from typing import Any


def pilot(test: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    """Run an async pilot test without an asyncio plugin."""

    def run() -> None:
        asyncio.run(test())

    run.__name__ = test.__name__
    return run


def terminal_text(app: Any) -> str:
    """What the terminal shows right now, as text (from a screenshot)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
