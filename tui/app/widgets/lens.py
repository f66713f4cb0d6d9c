"""The lens chip: a hat (or any lens) as a coloured chip with its name and guiding question.
The name is always there, so the colour is never the only cue."""

from __future__ import annotations

from rich.color import Color, ColorParseError
from rich.text import Text as RichText

from intervisie.core.method.model import Lens
from intervisie.tui.app.widgets.labels import text


def _rgb(colour: str) -> tuple[int, int, int] | None:
    try:
        triplet = Color.parse(colour).get_truecolor()
    except ColorParseError:
        return None
    return triplet.red, triplet.green, triplet.blue


def lens_style(colour: str, *, chip: bool = True) -> str:
    """A Rich style for a lens colour: a chip (colour as background, readable text on it), or
    text in that colour (lifted when it would vanish on a dark background)."""
    rgb = _rgb(colour)
    if rgb is None:
        return "bold reverse" if chip else "bold"
    luminance = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255
    hex_colour = "#{:02x}{:02x}{:02x}".format(*rgb)
    if chip:
        ink = "#000000" if luminance > 0.55 else "#ffffff"
        return f"bold {ink} on {hex_colour}"
    if luminance < 0.2:
        return "bold #9e9e9e"
    return f"bold {hex_colour}"


def lens_chip(lens: Lens, lang: str) -> RichText:
    """` ● Red hat ` as a chip, then its question."""
    out = RichText()
    symbol = lens.symbol or "●"
    out.append(f" {symbol} {text(lens.name, lang)} ", style=lens_style(lens.colour))
    question = text(lens.question, lang)
    if question:
        out.append("  " + question, style="bold")
    return out
