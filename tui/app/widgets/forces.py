"""The force field: the goal in the middle, each side's forces as bars whose length is the
mean rating, with the number beside the bar (so length is never the only cue).

A force's label wraps onto as many lines as it needs (a label cut at 15 characters could not
be told from the next); the strongest forces, as the group marked them, carry a ★.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from attrs import frozen
from rich.text import Text as RichText

from intervisie.core.i18n import decimal
from intervisie.tui.app.widgets.plain import Static


@frozen
class Force:
    number: int
    text: str
    side: str
    mean: float | None
    strong: bool = False


def _fit(label: str, room: int) -> str:
    return label if len(label) <= room else label[: max(room - 1, 1)] + "…"


def _wrap(label: str, room: int) -> list[str]:
    return textwrap.wrap(label, max(room, 4), break_long_words=True) or [""]


def _side_rows(
    forces: Sequence[Force], side_w: int, bar_w: int, top: float, right: bool
) -> list[str]:
    """The rows one side takes: a force's first line holds its bar and mean, the rest of its
    label continues below, aligned with the first."""
    rows: list[str] = []
    label_w = side_w - bar_w - 6
    for force in forces:
        head = ("★" if force.strong else " ") + str(force.number) + " "
        lines = _wrap(force.text, label_w - len(head))
        length = round((force.mean or 0) / top * bar_w) if top else 0
        value = decimal(force.mean) if force.mean is not None else " · "
        for i, line in enumerate(lines):
            label = (head if i == 0 else " " * len(head)) + line
            if i == 0 and right:
                rows.append(f"{value:<3} {'█' * length:<{bar_w}} {label:<{label_w}}")
            elif i == 0:
                rows.append(f"{label:<{label_w}} {'█' * length:>{bar_w}} {value:>3}")
            elif right:
                rows.append(" " * (bar_w + 5) + f"{label:<{label_w}}")
            else:
                rows.append(f"{label:<{label_w}}" + " " * (bar_w + 5))
    return [row.ljust(side_w)[:side_w] for row in rows]


def force_field(
    sides: Sequence[tuple[str, str]],
    forces: Sequence[Force],
    goal: str,
    width: int,
    top: float,
) -> RichText:
    """Two columns around the goal; `sides` is `[(id, name), ...]`, left side first."""
    out = RichText(no_wrap=True, overflow="crop")
    left_id = sides[0][0] if sides else ""
    right_id = sides[1][0] if len(sides) > 1 else ""
    goal_w = max(min(len(goal) + 4, width // 5), 12)
    side_w = max((width - goal_w - 2) // 2, 12)
    bar_w = max(min(side_w // 6, 10), 3)
    inner = goal_w - 2
    left = _side_rows([f for f in forces if f.side == left_id], side_w, bar_w, top, False)
    right = _side_rows([f for f in forces if f.side == right_id], side_w, bar_w, top, True)
    goal_lines = _wrap(goal, inner)
    lname = sides[0][1] if sides else ""
    rname = sides[1][1] if len(sides) > 1 else ""
    out.append(f"◀ {lname}".center(side_w), style="bold")
    out.append(" " + "◆".center(goal_w) + " ", style="bold")
    out.append(f"{rname} ▶".center(side_w), style="bold")
    rows = max(len(left), len(right), 2)
    if len(goal_lines) > rows:  # the goal never pushes the forces out of sight
        goal_lines = [*goal_lines[: rows - 1], _fit(" ".join(goal_lines[rows - 1 :]), inner)]
    for i in range(rows):
        out.append("\n")
        out.append(left[i] if i < len(left) else " " * side_w, style="red3")
        middle = goal_lines[i] if i < len(goal_lines) else ""
        out.append(" │", style="dim")
        out.append(middle.center(goal_w - 2), style="bold")
        out.append("│ ", style="dim")
        if i < len(right):
            out.append(right[i], style="green3")
    return out


class ForceField(Static):
    DEFAULT_CSS = """
    ForceField { height: auto; width: 100%; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._data: tuple = ((), (), "", 5.0)

    def show(
        self, sides: Sequence[tuple[str, str]], forces: Sequence[Force], goal: str, top: float
    ) -> None:
        self._data = (tuple(sides), tuple(forces), goal, top)
        self.refresh(layout=True)

    def render(self) -> RichText:
        sides, forces, goal, top = self._data
        return force_field(sides, forces, goal, max(self.size.width, 40), top)
