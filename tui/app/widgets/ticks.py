"""Tick boxes that look ticked or empty at a glance, in every theme.

Textual draws an `X` in every box and tells ticked from unticked by colour alone, which a
projector or a light theme washes out: here a ticked box shows `✓` and an empty one a blank.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox as _Checkbox
from textual.widgets import SelectionList as _SelectionList
from textual.widgets._selection_list import SelectionType

TICKED = "✓"
EMPTY = " "


class Checkbox(_Checkbox):
    """Textual's Checkbox with a `✓` or a blank in its box."""

    @property  # Textual has a class attribute here; this one is drawn per state
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return TICKED if self.value else EMPTY


class SelectionList(_SelectionList[SelectionType]):
    """Textual's SelectionList with a `✓` or a blank in each box."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        if len(segments) < 3:
            return line
        _scroll_x, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except Exception:  # an empty row below the options
            return line
        inner = segments[1]
        if inner.text != _Checkbox.BUTTON_INNER:
            return line
        mark = TICKED if selection.value in self._selected else EMPTY
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, line.cell_length)
