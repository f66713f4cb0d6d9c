"""Durations as people read them, rounded once, the same way everywhere.

A certificate that says "2 h" above a warning that the sitting is shorter than 2 hours is
no proof anyone signs: every duration a document shows and every rule it is checked against
go through `whole_minutes` first, so what is printed is what was compared.
"""

from __future__ import annotations

from intervisie.core.i18n import N_, tr


def whole_minutes(minutes: float) -> int:
    """Minutes rounded to the nearest whole minute (half a minute up)."""
    return int(max(minutes, 0.0) + 0.5)


def duration(minutes: float, lang: str) -> str:
    """`45 min`, `2 h`, `3 h 40 min` (Dutch: `3 u 40 min`)."""
    hours, rest = divmod(whole_minutes(minutes), 60)
    if hours == 0:
        return tr(N_("{m} min"), lang).format(m=rest)
    if rest == 0:
        return tr(N_("{h} h"), lang).format(h=hours)
    return tr(N_("{h} h {m} min"), lang).format(h=hours, m=rest)


def number(value: float, lang: str) -> str:
    """`2.5`, `18` (Dutch: `2,5`): at most one decimal."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text
