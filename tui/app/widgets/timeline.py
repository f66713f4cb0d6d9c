"""The phase timeline: one bar across a method, each cell coloured and shaped by where the
case owner is, with a legend that names each position (colour is never the only cue).
Home's details pane and the runner's stepper draw it.

A phase is given as `(owner position, planned minutes)`: home draws from its catalog, which
holds positions as plain strings (tui/app/catalog.py); `OwnerPosition` members work the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from rich.text import Text as RichText

from intervisie.tui.app.widgets.labels import OWNER_COLOUR, OWNER_SYMBOL, owner_short

Planned = Sequence[tuple[str, float]]
"""Each phase's owner position and planned minutes, in order."""


def timeline_spans(phases: Sequence[tuple[Any, float]], width: int) -> list[tuple[int, int]]:
    """The cells `[start, end)` each phase gets, in proportion to its minutes (at least one
    cell each, so a short phase never disappears)."""
    if not phases or width <= 0:
        return []
    total = sum(max(m, 0.0) for _, m in phases) or 1.0
    width = max(width, len(phases))
    spans: list[tuple[int, int]] = []
    spent, prev = 0.0, 0
    for i, (_phase, mins) in enumerate(phases):
        spent += max(mins, 0.0)
        end = round(spent / total * width)
        end = max(end, prev + 1)
        end = min(end, width - (len(phases) - i - 1))
        spans.append((prev, end))
        prev = end
    return spans


def timeline_cells(phases: Planned, width: int) -> list[str]:
    """One owner position per cell."""
    cells: list[str] = []
    for (owner, _m), (start, end) in zip(phases, timeline_spans(phases, width), strict=True):
        cells.extend([owner] * (end - start))
    return cells


def timeline_text(phases: Planned, width: int) -> RichText:
    """The bar, one span per run of cells with the same position (not one per cell)."""
    out = RichText()
    for position, run in itertools.groupby(timeline_cells(phases, width)):
        out.append(OWNER_SYMBOL[position] * len(list(run)), style=OWNER_COLOUR[position])
    return out


def legend_text(positions: Sequence[str], width: int = 0) -> RichText:
    """Each position in the bar with its symbol and word; an item never breaks across lines."""
    out = RichText()
    seen: list[str] = []
    for position in positions:
        if position not in seen:
            seen.append(position)
    used = 0
    for position in seen:
        label = " " + owner_short(position)
        size = 1 + len(label)
        if used and width and used + 2 + size > width:
            out.append("\n")
            used = 0
        elif used:
            out.append("  ")
            used += 2
        out.append(OWNER_SYMBOL[position], style=OWNER_COLOUR[position])
        out.append(label)
        used += size
    return out
