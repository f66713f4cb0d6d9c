"""The stepper: every phase of the round, done ✓, current ●, to come ○, skipped –, with a
timeline bar under it coloured and shaped by where the case owner is."""

from __future__ import annotations

from rich.text import Text as RichText

from intervisie.core.meeting.model import Round
from intervisie.core.method.model import OwnerPosition
from intervisie.tui.app.widgets.labels import OWNER_COLOUR, OWNER_SYMBOL
from intervisie.tui.app.widgets.lens import lens_style
from intervisie.tui.app.widgets.plain import Static
from intervisie.tui.app.widgets.timeline import timeline_spans


def short_name(name: str, room: int) -> str:
    """The phase name cut to `room` cells, marked with … when cut."""
    if len(name) <= room:
        return name
    return name[: max(room - 1, 1)].rstrip() + "…"


class Stepper(Static):
    DEFAULT_CSS = """
    Stepper { height: 2; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._round: Round | None = None
        self._lang = "en"

    def show(self, rnd: Round | None, lang: str) -> None:
        self._round = rnd
        self._lang = lang
        self.refresh()

    def render(self) -> RichText:
        rnd = self._round
        out = RichText(no_wrap=True, overflow="ellipsis")
        if rnd is None:
            return out
        width = max(self.size.width, 20)
        count = len(rnd.phases)
        room = max((width - count * 2) // max(count, 1), 2)
        # The current phase (a hat, in six hats) is named in full; the others share the rest.
        current = rnd.phases[rnd.current].phase.name.get(self._lang)
        if len(current) > room and count > 1:
            own = min(len(current), width // 2)
            room = max((width - count * 2 - own) // (count - 1), 1)
        else:
            own = room
        for i, run in enumerate(rnd.phases):
            if i:
                out.append(" ")
            if i == rnd.current:
                mark, style = "●", "bold reverse"
            elif run.skipped:
                mark, style = "–", "dim strike"
            elif run.visited:
                mark, style = "✓", "dim"
            else:
                mark, style = "○", ""
            name = short_name(run.phase.name.get(self._lang), own if i == rnd.current else room)
            lens = run.phase.lens
            if lens is not None and i != rnd.current:
                style = f"{style} {lens_style(lens.colour, chip=False)}".strip()
            out.append(mark + name, style=style)
        out.append("\n")
        phases = [(run.phase, run.planned_minutes) for run in rnd.phases]
        for i, ((phase, _m), (start, end)) in enumerate(
            zip(phases, timeline_spans(phases, width), strict=True)
        ):
            position = phase.owner
            if i == rnd.current:
                symbol = "█" if position is not OwnerPosition.NONE else "•"
                out.append(symbol * (end - start), style=f"{OWNER_COLOUR[position]} bold")
            else:
                out.append(OWNER_SYMBOL[position] * (end - start), style=OWNER_COLOUR[position])
        return out
