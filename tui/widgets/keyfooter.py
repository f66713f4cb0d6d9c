"""The footer every screen shows: its keys, compact, rebuilt once per burst of changes.

Textual's Footer rebuilds all its keys after each change of bindings, and a screen that
opens changes them several times in a row (focus, the language, the current phase): each
rebuild makes a dozen widgets. This one rebuilds once for all changes that arrive before
the next refresh, which keeps the first paint of a screen quick (DESIGN.md, Benchmarks).
Its compact look comes from app.tcss rather than Footer(compact=True), which sets a class
on each key after it is made and so restyles every key once more.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that coalesces binding changes into one rebuild (compact by app.tcss)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
