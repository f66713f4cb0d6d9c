"""A method's bar on a shared minute axis, and the ruler above the bars (compare screen).

The cells come from `intervisie.core.trainers.compare` (the same rounding as `methods compare`), so
a
phase that starts at minute 10 starts in the same column in every bar. Each cell has both a
colour and a symbol for the case owner's position; the large layout (a projector) draws the
bar taller and writes the phase names under it.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.reactive import reactive
from textual.widget import Widget

from intervisie.core.i18n import _, tr
from intervisie.core.method.model import OwnerPosition
from intervisie.core.trainers.compare import (
    OWNER_LABELS,
    OWNER_SYMBOLS,
    MethodProfile,
    bar_segments,
    format_minutes,
    phase_labels,
    ruler,
)
from intervisie.tui.app.widgets.labels import OWNER_COLOUR

RESERVE = 6
"""Columns kept right of the bars for the method's total ("75.5")."""


def bar_width(width: int) -> int:
    return max(width - RESERVE, 10)


def bar_text(profile: MethodProfile, width: int, axis: float) -> RichText:
    out = RichText()
    for span, _first, count in bar_segments(profile, width, axis):
        out.append(span.symbol * count, style=OWNER_COLOUR[span.owner])
    return out


class MinuteRuler(Widget):
    """`0    10   20 ...` over the bars, in the bars' own columns."""

    DEFAULT_CSS = "MinuteRuler { height: 1; }"
    axis: reactive[float] = reactive(0.0)

    def render(self) -> RichText:
        line = ruler(self.axis, bar_width(self.size.width))
        return RichText(line + " " + _("min") if line else "", style="dim")


class MethodBar(Widget):
    """One method: a heading line, its bar (taller when large), and phase labels."""

    DEFAULT_CSS = """
    MethodBar { height: auto; }
    """
    large: reactive[bool] = reactive(False, layout=True)
    axis: reactive[float] = reactive(0.0)

    def __init__(self, profile: MethodProfile, lang: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.profile = profile
        self.lang = lang

    def show(self, profile: MethodProfile, lang: str, axis: float, large: bool) -> None:
        self.profile = profile
        self.lang = lang
        self.axis = axis
        self.large = large
        self.refresh(layout=True)

    def heading(self) -> RichText:
        prof = self.profile
        out = RichText(prof.name.get(self.lang), style="bold")
        gs = prof.group_size
        facts = _("{minutes} min · group {min}-{max}").format(
            minutes=format_minutes(prof.minutes), min=gs.min, max=gs.max
        )
        out.append("  " + facts, style="dim")
        return out

    def get_content_height(self, container, viewport, width: int) -> int:
        return 4 if self.large else 2

    def render(self) -> RichText:
        width = bar_width(self.size.width)
        bar = bar_text(self.profile, width, self.axis)
        total = RichText(" " + format_minutes(self.profile.minutes), style="bold")
        lines = [self.heading()]
        rows = 2 if self.large else 1
        lines.append(bar + total)
        lines.extend(bar.copy() for _row in range(rows - 1))
        if self.large:
            lines.append(RichText(phase_labels(self.profile, width, self.axis, self.lang)))
        return RichText("\n").join(lines)


class OwnerLegend(Widget):
    """`· no case owner yet  ▇ presents ...`, wrapped so a symbol never leaves its word.

    Positions no picked method uses are dimmed rather than dropped, so the legend stays the
    same while methods are picked.
    """

    DEFAULT_CSS = "OwnerLegend { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.used: set[OwnerPosition] = set()
        self.lang = "en"

    def show(self, used: set[OwnerPosition], lang: str) -> None:
        self.used = used
        self.lang = lang
        self.refresh(layout=True)

    def items(self) -> list[RichText]:
        out = [RichText(_("Case owner:"), style="bold")]
        for position in OwnerPosition:
            on = position in self.used
            item = RichText()
            item.append(OWNER_SYMBOLS[position], style=OWNER_COLOUR[position] if on else "dim")
            item.append(" " + tr(OWNER_LABELS[position], self.lang), style="" if on else "dim")
            out.append(item)
        return out

    def lines(self, width: int) -> list[RichText]:
        lines: list[RichText] = []
        current = RichText()
        for item in self.items():
            if current.cell_len and current.cell_len + 2 + item.cell_len > width:
                lines.append(current)
                current = RichText()
            if current.cell_len:
                current.append("  ")
            current.append_text(item)
        lines.append(current)
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> RichText:
        return RichText("\n").join(self.lines(max(self.size.width, 20)))
