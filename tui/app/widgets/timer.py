"""The phase timer: large, calm, amber in the last 20 %, red and counting on past zero,
"PAUSED" and dimmed while the meeting is paused. It shows what `core.timing` says; it never
counts by itself, so it cannot drift."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits

from intervisie.core.i18n import _
from intervisie.core.meeting.timing import Timer
from intervisie.tui.app.widgets.plain import Static

WARN_FRACTION = 0.2


def clock_text(seconds: float) -> str:
    """`07:42`, or `+01:12` in overtime (the timer counts on past zero)."""
    over = seconds < 0
    total = int(abs(seconds) + (0.999 if not over else 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return ("+" if over else "") + body


def timer_state(timer: Timer) -> str:
    """`over`, `warning` or `normal`."""
    if timer.remaining < 0 or (timer.planned > 0 and timer.remaining == 0):
        return "over"
    if timer.planned > 0 and timer.remaining <= timer.planned * WARN_FRACTION:
        return "warning"
    return "normal"


def bar(fraction: float, width: int) -> str:
    fraction = min(max(fraction, 0.0), 1.0)
    full = round(fraction * width)
    return "▇" * full + "░" * (width - full)


BIG_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": ("  #", "  #", "  #", "  #", "  #"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
}
"""A five-row block font for the timer on a large terminal, read from across a room."""


def big_text(value: str) -> str:
    """`value` in the big block font: five lines, each character two cells wide per dot."""
    rows = []
    for row in range(5):
        cells = [BIG_FONT.get(ch, BIG_FONT["-"])[row] for ch in value]
        rows.append(" ".join(c.replace("#", "██").replace(" ", "  ") for c in cells))
    return "\n".join(rows)


class PhaseTimer(Vertical):
    """Countdown of the phase, and of the current speaker's turn where the phase goes round."""

    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="clock")
        yield Static(id="bigclock")
        yield Static(id="timer-line")
        yield Static(id="turn-line")

    def show(
        self,
        timer: Timer | None,
        *,
        paused: bool,
        turn: Timer | None = None,
        speaker: str | None = None,
        turn_no: int = 0,
        turns: int = 0,
    ) -> None:
        clock = self.query_one("#clock", Digits)
        big = self.query_one("#bigclock", Static)
        line = self.query_one("#timer-line", Static)
        turn_line = self.query_one("#turn-line", Static)
        if timer is None:
            clock.update("--:--")
            big.update(big_text("--:--"))
            line.update("")
            turn_line.update("")
            return
        state = timer_state(timer)
        self.set_class(state == "warning", "-warning")
        self.set_class(state == "over", "-over")
        self.set_class(paused, "-paused")
        clock.update(clock_text(timer.remaining))
        big.update(big_text(clock_text(timer.remaining)))
        out = RichText()
        if paused:
            out.append("‖ " + _("PAUSED"), style="bold")
        elif state == "over":
            out.append("▲ " + _("over time"), style="bold")
        else:
            out.append(_("of {total}").format(total=clock_text(timer.planned)))
            elapsed = timer.elapsed / timer.planned if timer.planned else 1.0
            out.append("  " + bar(1 - elapsed, 8))
        line.update(out)
        turn_text = RichText()
        if speaker is not None:
            turn_text.append(_("Turn: "), style="bold")
            turn_text.append(speaker, style="bold")
            turn_text.append(" " + _("({number} of {total})").format(number=turn_no, total=turns))
            if turn is not None:
                turn_text.append("\n" + clock_text(turn.remaining))
                if turn.remaining < 0:
                    turn_text.append(" ▲")
        elif turns:
            turn_text.append(_("Everyone has had a turn"))
        turn_line.update(turn_text)
