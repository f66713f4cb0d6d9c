"""The force field: the goal in the middle, each side's forces as bars whose length is the
mean rating, with the number beside the bar (so length is never the only cue)."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen
from rich.text import Text as RichText

from intervisie.tui.app.widgets.plain import Static


@frozen
class Force:
    number: int
    text: str
    side: str
    mean: float | None


def _fit(label: str, room: int) -> str:
    return label if len(label) <= room else label[: max(room - 1, 1)] + "…"


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
    goal_w = max(min(len(goal) + 4, width // 6), 10)
    side_w = max((width - goal_w - 2) // 2, 12)
    bar_w = max(min(side_w // 5, 12), 3)
    label_w = side_w - bar_w - 6
    inner = goal_w - 2
    words, goal_lines, line = goal.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > inner:
            goal_lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        goal_lines.append(line)
    goal_lines = [_fit(g, inner) for g in goal_lines] or [""]
    left = [f for f in forces if f.side == left_id]
    right = [f for f in forces if f.side == right_id]
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
        lf = left[i] if i < len(left) else None
        rf = right[i] if i < len(right) else None
        if lf is not None:
            label = f"{lf.number} {_fit(lf.text, label_w - len(str(lf.number)) - 1)}"
            length = round((lf.mean or 0) / top * bar_w) if top else 0
            value = f"{lf.mean:.1f}" if lf.mean is not None else " · "
            cell = f"{label:<{label_w}} {'█' * length:>{bar_w}} {value:>3}"
            out.append(cell.ljust(side_w)[:side_w], style="red3")
        else:
            out.append(" " * side_w)
        middle = goal_lines[i] if i < len(goal_lines) else ""
        out.append(" │", style="dim")
        out.append(middle.center(goal_w - 2), style="bold")
        out.append("│ ", style="dim")
        if rf is not None:
            label = f"{rf.number} {_fit(rf.text, label_w - len(str(rf.number)) - 1)}"
            length = round((rf.mean or 0) / top * bar_w) if top else 0
            value = f"{rf.mean:.1f}" if rf.mean is not None else " · "
            cell = f"{value:<3} {'█' * length:<{bar_w}} {label:>{label_w}}"
            out.append(cell.ljust(side_w)[:side_w], style="green3")
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
