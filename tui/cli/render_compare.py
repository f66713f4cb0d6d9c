"""A comparison as terminal text (`intervisie methods compare`): plain columns, no Textual.

Three blocks, each readable on its own when printed or projected: the facts side by side,
the bars on one minute scale with a legend, and the phases aligned on that scale (a row for
every minute at which some method starts a phase, so simultaneous moments sit on one line).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from intervisie.core.i18n import _, tr
from intervisie.core.method.model import OwnerPosition
from intervisie.core.trainers.compare import (
    CASE_KIND_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    OWNER_SYMBOLS,
    SAFETY_LABELS,
    Comparison,
    MethodProfile,
    PhaseSpan,
    bar_cells,
    format_minutes,
    legend,
    lens_label,
    ruler,
)

MIN_COLUMN = 10
COMFORTABLE = 18
"""A method column narrower than this makes long row labels wrap instead."""
END_MARK = "■"


def render_comparison(comparison: Comparison, lang: str, width: int = 80) -> str:
    blocks = [
        _facts(comparison, lang, width),
        _bars(comparison, lang, width),
        _aligned(comparison, lang, width),
    ]
    return "\n\n".join(blocks) + "\n"


def _gap(count: int) -> int:
    """Space between method columns: two, or one when four or more share the width."""
    return 2 if count < 4 else 1


def _columns(labels: Sequence[str], count: int, width: int) -> tuple[int, int]:
    """Label width and column width; long labels wrap rather than squeeze the methods."""
    label_width = max(len(label) for label in labels) + 2
    if (width - label_width) // count - _gap(count) < COMFORTABLE:
        label_width = min(label_width, max(12, width // 5))
    column = (width - label_width) // count - _gap(count)
    return label_width, max(column, MIN_COLUMN)


def _table(rows: Sequence[tuple[str, Sequence[str]]], label_width: int, column: int) -> list[str]:
    """Rows of a label and one cell per method; labels and cells wrap within their columns."""
    lines = []
    for label, cells in rows:
        wrapped = [textwrap.wrap(cell, column) or [""] for cell in cells]
        heads = textwrap.wrap(label, label_width - 1) or [""]
        height = max(len(heads), *(len(w) for w in wrapped))
        gap = " " * _gap(len(cells))
        for i in range(height):
            parts = [(w[i] if i < len(w) else "").ljust(column) for w in wrapped]
            head = heads[i] if i < len(heads) else ""
            lines.append((head.ljust(label_width) + gap.join(parts)).rstrip())
    return lines


def _facts(comparison: Comparison, lang: str, width: int) -> str:
    methods = comparison.methods
    rows: list[tuple[str, list[str]]] = [
        ("", [m.name.get(lang) for m in methods]),
        (_("Minutes"), [_minutes_cell(m) for m in methods]),
        (_("Group"), [_group_cell(m) for m in methods]),
        (_("Level"), [tr(LEVEL_LABELS[m.level], lang) for m in methods]),
        (_("Safety needed"), [tr(SAFETY_LABELS[m.safety_needed], lang) for m in methods]),
        (_("Suits"), [_suits_cell(m, lang) for m in methods]),
        (_("Phases"), [str(len(m.phases)) for m in methods]),
        (_("Case owner (min)"), [_owner_cell(m) for m in methods]),
        (_("Asks of the group"), [m.asks_of_group.get(lang) or "-" for m in methods]),
        (_("Asks of the facilitator"), [m.asks_of_facilitator.get(lang) or "-" for m in methods]),
    ]
    label_width, column = _columns([r[0] for r in rows], len(methods), width)
    return "\n".join(_table(rows, label_width, column))


def _minutes_cell(profile: MethodProfile) -> str:
    return _("{minutes} min for {people} people").format(
        minutes=format_minutes(profile.minutes), people=profile.participants
    )


def _group_cell(profile: MethodProfile) -> str:
    gs = profile.group_size
    return _("{min}-{max}, ideal {ideal}").format(min=gs.min, max=gs.max, ideal=gs.ideal)


def _owner_cell(profile: MethodProfile) -> str:
    """Minutes per owner position, by symbol: `▇ 15  ▆ 10  ▒ 35`."""
    spent = profile.owner_minutes()
    return "  ".join(
        f"{OWNER_SYMBOLS[pos]}\u00a0{format_minutes(spent[pos])}"  # a pair never splits
        for pos in OwnerPosition
        if pos in spent
    )


def _suits_cell(profile: MethodProfile, lang: str) -> str:
    return ", ".join(tr(CASE_KIND_LABELS[k], lang) for k in profile.suits) or "-"


def _bars(comparison: Comparison, lang: str, width: int) -> str:
    names = [m.name.get(lang) for m in comparison.methods]
    heading = _("Case owner over time (minutes)")
    label_width = min(max(len(n) for n in names) + 2, max(width // 3, 12))
    bar_width = max(width - label_width - 6, 20)
    axis = comparison.axis_minutes
    lines = [heading, " " * label_width + ruler(axis, bar_width)]
    for name, profile in zip(names, comparison.methods, strict=True):
        label = name if len(name) < label_width - 1 else name[: label_width - 2] + "…"
        bar = bar_cells(profile, bar_width, axis)
        lines.append(f"{label.ljust(label_width)}{bar} {format_minutes(profile.minutes)}")
    lines.append("")
    lines.extend(_legend_lines(lang, width))
    return "\n".join(lines)


def _legend_lines(lang: str, width: int) -> list[str]:
    items = [f"{symbol} {label}" for symbol, label in legend(lang)]
    lines, current = [], _("Case owner:")
    for item in items:
        if len(current) + 2 + len(item) > width:
            lines.append(current)
            current = " " * 2 + item
        else:
            current = f"{current}  {item}"
    lines.append(current)
    return lines


def _aligned(comparison: Comparison, lang: str, width: int) -> str:
    methods = comparison.methods
    time_width = 6
    column = max((width - time_width) // len(methods) - 2, MIN_COLUMN)
    lines = [_("Phases on one time axis (symbol: where the case owner is)")]
    names = "  ".join(m.name.get(lang)[:column].ljust(column) for m in methods)
    lines.append((" " * time_width + names).rstrip())
    for minute in comparison.boundaries():
        cells = [_aligned_cell(m, minute, lang) for m in methods]
        wrapped = [_wrap_cell(cell, column) for cell in cells]
        height = max(len(w) for w in wrapped)
        for i in range(height):
            head = f"{format_minutes(minute):>4}  " if i == 0 else " " * time_width
            parts = [(w[i] if i < len(w) else "").ljust(column) for w in wrapped]
            lines.append((head + "  ".join(parts)).rstrip())
    return "\n".join(lines)


def _aligned_cell(profile: MethodProfile, minute: float, lang: str) -> list[str]:
    """What one method shows at `minute`: a phase that starts, its end, or the ongoing symbol."""
    eps = 1e-9
    for span in profile.phases:
        if abs(span.start - minute) < eps and span.minutes > eps:
            return _span_lines(span, lang)
    if profile.phases and abs(profile.minutes - minute) < eps:
        return [
            _("{mark} end ({minutes} min)").format(
                mark=END_MARK, minutes=format_minutes(profile.minutes)
            )
        ]
    ongoing = _ongoing(profile, minute)
    return [ongoing.symbol] if ongoing is not None else [""]


def _ongoing(profile: MethodProfile, minute: float) -> PhaseSpan | None:
    return next((s for s in profile.phases if s.start < minute < s.end), None)


def _span_lines(span: PhaseSpan, lang: str) -> list[str]:
    detail = [tr(KIND_LABELS[span.kind], lang)]
    lens = lens_label(span.lens, lang)
    if lens:
        detail.append(lens)
    detail.append(_("{minutes} min").format(minutes=format_minutes(span.minutes)))
    return [f"{span.symbol} {span.number} {span.name.get(lang)}", "  " + " · ".join(detail)]


def _wrap_cell(cell: list[str], column: int) -> list[str]:
    """Wrap a cell's lines; a phase name's continuation lines indent past its symbol."""
    lines: list[str] = []
    for i, text in enumerate(cell):
        indent = "    " if i == 0 else "  "
        lines.extend(textwrap.wrap(text, column, subsequent_indent=indent) or [""])
    return lines
