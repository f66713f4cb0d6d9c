"""The key bar: every key of the screen on one line, the command palette key always in view."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from intervisie.tui.app.widgets.keybar import KeyBar


class ManyKeys(App[None]):
    BINDINGS = [(k, f"press('{k}')", f"a rather long description {k}") for k in "abcdefgh"]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def action_press(self, key: str) -> None:
        self.pressed.append(key)


def test_too_many_keys_are_cut_short_and_the_palette_key_stays() -> None:
    async def run() -> None:
        app = ManyKeys()
        async with app.run_test(size=(80, 5)) as pilot:
            await pilot.pause()
            line = str(app.query_one(KeyBar).render())
            assert len(line) == 80
            assert line.startswith("a a rather long description a b a rather")
            assert "…" in line and line.rstrip().endswith("▏^p")
            await pilot.click(KeyBar, offset=(line.index("b a rather") + 1, 0))
            await pilot.click(KeyBar, offset=(line.index("…"), 0))  # a cut key: nothing
            await pilot.pause()
            assert app.pressed == ["b"]

    asyncio.run(run())
