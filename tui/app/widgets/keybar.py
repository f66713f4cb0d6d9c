"""The key bar at the bottom of every screen: the screen's keys, drawn as one line.

Textual's Footer makes a widget for every key and rebuilds them all whenever the bindings
change (focus, language, the current phase), which made it the costliest part of drawing a
screen (docs/architecture.md, Benchmarks). This widget draws the same line itself and only
repaints when
the bindings change. A click on a key presses it, as in Textual's Footer; keys that do
nothing right now are dim.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text as RichText
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class _Key(NamedTuple):
    key: str
    start: int
    end: int
    enabled: bool


class KeyBar(Widget):
    """One line: `⏎ start / search c compare ...` and the command palette key at the right."""

    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--separator"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keybar--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keys: list[_Key] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> RichText:
        key_style = self.get_component_rich_style("keybar--key")
        text_style = self.get_component_rich_style("keybar--description")
        line = RichText(no_wrap=True, overflow="crop", end="")
        keys: list[_Key] = []
        seen: set[str] = set()
        bindings = self.screen.active_bindings
        for _node, binding, enabled, _tooltip in bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            if line:
                line.append(" ")
            start = line.cell_len
            line.append(self.app.get_key_display(binding), key_style)
            if binding.description:
                line.append(" " + binding.description, text_style)
            if not enabled:
                line.stylize("dim", start)
            keys.append(_Key(binding.key, start, line.cell_len, enabled))
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            label = self.app.get_key_display(palette.binding)
            room = self.size.width - len(label) - 3  # the palette key always stays in view
            if line.cell_len > room:
                line.truncate(max(room, 0), overflow="ellipsis")
                keys = [key for key in keys if key.end <= room]
            pad = max(self.size.width - line.cell_len - len(label) - 2, 1)
            line.append(" " * pad)
            line.append("▏", self.get_component_rich_style("keybar--separator"))
            start = line.cell_len
            line.append(label, key_style)
            line.append(" ")
            keys.append(_Key(palette.binding.key, start, line.cell_len, palette.enabled))
        self._keys = keys
        return line

    def on_click(self, event: events.Click) -> None:
        for key in self._keys:
            if key.start <= event.x < key.end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
