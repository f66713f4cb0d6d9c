"""Text is shown as written: square brackets in names and method texts are not markup."""

from __future__ import annotations

import asyncio
import copy
import sys
from pathlib import Path

from intervisie.core import i18n
from intervisie.core.method.converter import structure
from intervisie.core.method.model import Method
from intervisie.core.plugins.hookspecs import hookimpl
from intervisie.core.plugins.loading import load_registry
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.widgets.details import TextBlock

sys.path.insert(0, str(Path(__file__).parent))
from pilots import terminal_text

DOC = {
    "id": "haakjes",
    "version": "1.0",
    "name": {"nl": "Methode [x]", "en": "Method [x]"},
    "summary": {"nl": "Alleen in het Nederlands [/] geschreven."},
    "level": "beginning",
    "group_size": {"min": 3, "ideal": 5, "max": 8},
    "phases": [
        {
            "id": "talk",
            "name": {"nl": "Praten", "en": "Talk"},
            "kind": "discussion",
            "owner": "participating",
            "minutes": 10,
        }
    ],
}


class Brackets:
    @hookimpl
    def intervisie_methods(self) -> list[Method]:
        return [structure(copy.deepcopy(DOC), Method)]


def test_names_and_fallback_markers_with_brackets_show_as_written() -> None:
    async def run() -> None:
        i18n.set_language("en")
        registry = load_registry(entry_points=[], extra_plugins=[("brackets", Brackets())])
        app = IntervisieApp(registry=registry)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = terminal_text(app)
            assert "Method [x]" in screen
            pane = app.screen.query_one("#details", TextBlock).plain
            summary = " ".join(pane.split("\n\n")[0].split())  # its first block, unwrapped
            # The Dutch text, with its "[/]", and the marker that it is not English.
            assert summary == "Alleen in het Nederlands [/] geschreven. [nl]"
            app.notify("Jan [/] de Vries [HR] is not present")
            await pilot.pause()
            assert app.is_running

    asyncio.run(run())
