"""A QR code drawn with text: two rows of modules per line, in half blocks.

segno makes the code (a kept library, pure Python); this only draws its matrix so a phone
can scan it off the terminal, dark modules on a light quiet zone whatever the theme.
"""

from __future__ import annotations

import segno

UPPER, LOWER, BOTH, NONE = "▀", "▄", "█", " "


def qr_lines(data: str, border: int = 2) -> list[str]:
    """`data` as a QR code, one string a line; a light module is a drawn block, so the
    widget shows it in white on black and the code reads dark on light, as scanners expect."""
    matrix = [
        list(row) for row in segno.make(data, error="l", micro=False).matrix_iter(border=border)
    ]
    if len(matrix) % 2:
        matrix.append([0] * len(matrix[0]))
    lines = []
    for top, bottom in zip(matrix[0::2], matrix[1::2], strict=True):
        line = []
        for t, b in zip(top, bottom, strict=True):
            light_top, light_bottom = not t, not b
            if light_top and light_bottom:
                line.append(BOTH)
            elif light_top:
                line.append(UPPER)
            elif light_bottom:
                line.append(LOWER)
            else:
                line.append(NONE)
        lines.append("".join(line))
    return lines
