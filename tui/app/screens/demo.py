"""Demo mode in the app: a sample meeting played through the facilitator's own screens.

`start_demo(app, method_id)` asks the trainer for a speed, then plays the meeting that
`intervisie.core.trainers.demo` prepares for the method (see `intervisie.tui.app.demo_player`). The
app's
own routing shows the screens (revisit, intake, runner, closing, summary), each with a demo
banner on top naming the keys; the keys themselves are the facilitator's (space, n, t, +, b).
When the meeting is over the trainer may save it as a demo meeting; nothing is stored
otherwise.

The app needs nothing from this module but `start_demo`; it uses the app's public parts only:
`registry`, `link`, `route`, `store`, `go_home`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from rich.text import Text as RichText
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, TextArea
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _, current_language
from intervisie.core.trainers.compare import format_minutes
from intervisie.tui.app.demo_player import DEFAULT_SPEED, SPEEDS, DemoLink, DemoPlayer
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.widgets.plain import OptionList, Static

TICK = 0.25
"""Seconds between releases of demo events (and banner updates)."""


class DemoBanner(Static):
    """` DEMO  30x  space pause · n next phase ...` on every demo screen (80 columns)."""

    DEFAULT_CSS = """
    DemoBanner {
        dock: top;
        height: 1;
        background: $warning 30%;
        color: $text;
    }
    """

    def __init__(self, controller: DemoController) -> None:
        super().__init__()
        self.controller = controller

    def on_mount(self) -> None:
        self.show_state()

    def show_state(self) -> None:
        player = self.controller.player
        out = RichText(" " + _("DEMO") + " ", style="bold reverse")
        out.append(" ")
        if player.finished:
            out.append(_("played to the end"), style="bold")
        elif player.clock.paused:
            out.append("‖ " + _("paused"), style="bold")
        else:
            out.append(f"{player.clock.speed:g}x", style="bold")
        out.append("  ")
        out.append(_("space pause · n next phase · t next step · + faster · b slower"), style="dim")
        self.update(out)


class DemoSpeedScreen(BaseModal[int | None]):
    """The trainer picks how fast the demo runs, with what that means for this method."""

    DEFAULT_CSS = """
    DemoSpeedScreen { align: center middle; }
    DemoSpeedScreen > Vertical {
        width: 64; height: auto; max-height: 20;
        border: round $primary; background: $surface; padding: 0 1;
    }
    DemoSpeedScreen #speed-intro { margin-bottom: 1; }
    DemoSpeedScreen OptionList { height: auto; border: none; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("cancel"))]

    def __init__(self, method_name: str, minutes: float) -> None:
        super().__init__()
        self.method_name = method_name
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="speed-intro")
            yield OptionList(id="speeds")

    def on_mount(self) -> None:
        box = self.query_one(Vertical)
        box.border_title = _("Demo: {method}").format(method=self.method_name)
        self.query_one("#speed-intro", Static).update(
            _(
                "A sample group plays a whole meeting. Nothing is stored unless you save it "
                "at the end. How fast?"
            )
        )
        speeds = self.query_one("#speeds", OptionList)
        for speed in SPEEDS:
            seconds = round(self.minutes * 60 / speed)
            label = _("{speed}x: the method's {minutes} min take {real}").format(
                speed=speed,
                minutes=format_minutes(self.minutes),
                real=f"{seconds // 60}:{seconds % 60:02d}",
            )
            speeds.add_option(Option(label, id=str(speed)))
        speeds.highlighted = SPEEDS.index(DEFAULT_SPEED)
        speeds.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or DEFAULT_SPEED))


class DemoSaveScreen(BaseModal[bool]):
    """At the end: keep the demo as a demo meeting, or let it go."""

    DEFAULT_CSS = """
    DemoSaveScreen { align: center middle; }
    DemoSaveScreen > Static {
        width: 60; height: auto; border: round $primary; background: $surface; padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("s", "dismiss(True)", N_("save")),
        Binding("escape", "dismiss(False)", N_("do not save")),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="save-body")

    def on_mount(self) -> None:
        body = self.query_one("#save-body", Static)
        body.border_title = _("The demo is over")
        body.update(
            _(
                "Save it as a demo meeting? It is marked as a demo, left out of the hours, and "
                "its certificate says it proves nothing.\n\ns save · esc do not save"
            )
        )


class DemoController:
    """Releases the demo's events on a timer and keeps the app's screens in step."""

    def __init__(self, app: App[Any], player: DemoPlayer, method_name: str) -> None:
        self.app = app
        self.player = player
        self.method_name = method_name
        self.link = DemoLink(player)
        self.link.on_change = self.changed
        self.timer: Timer | None = None
        self.asked_to_save = False
        self.saved_as: str | None = None

    def start(self) -> None:
        self.app.link = self.link  # type: ignore[attr-defined]
        self.player.advance()
        self.show(route=True)
        self.timer = self.app.set_interval(TICK, self.tick)

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    # -- keeping the screens in step ----------------------------------------------------

    def expected_screen(self) -> str:
        """The name of the screen the app's routing shows for the meeting as it stands."""
        from intervisie.core.meeting.model import Status
        from intervisie.core.method.model import MeetingStep

        state = self.link.state
        if state.status is Status.FINISHED:
            return "SummaryScreen"
        if state.round is not None:
            return "RunnerScreen"
        if state.step is MeetingStep.REVISIT:
            return "RevisitScreen"
        if state.step in (MeetingStep.INTAKE, MeetingStep.CHOICE):
            return "IntakeScreen"
        return "ClosingScreen"

    def tick(self) -> None:
        if getattr(self.app, "link", None) is not self.link:
            self.stop()  # the trainer left the demo (home)
            return
        released = self.player.advance()
        self.show(route=False, changed=bool(released))

    def changed(self, message: str) -> None:
        """After the trainer steered with a key: the screen renders (and routes) itself."""
        if message:
            self.app.notify(message, timeout=3)
        self.call_soon(self.decorate)

    def show(self, route: bool, changed: bool = True) -> None:
        screen = self.app.screen
        if isinstance(screen, BaseModal):
            return  # a dialog is open: leave it be, the next tick catches up
        ours = getattr(screen, "link", None) is self.link
        if route or not ours or type(screen).__name__ != self.expected_screen():
            self.app.route(self.link)  # type: ignore[attr-defined]
        elif changed:
            render = getattr(screen, "render_state", None)
            if render is not None:
                render()
        self.call_soon(self.decorate)
        if self.player.finished and not self.asked_to_save:
            self.asked_to_save = True
            self.stop()
            self.app.call_later(self.ask_to_save)

    def call_soon(self, callback: Callable[[], None]) -> None:
        self.app.call_later(callback)

    def decorate(self) -> None:
        """Put the demo banner on the meeting screen showing now, and keep it current.

        A demo captures nothing, so a focused text field (where letters would type) is
        released: the facilitator's single keys steer the demo on every screen.
        """
        screen = self.app.screen
        if getattr(screen, "link", None) is not self.link or not screen.is_mounted:
            return
        if isinstance(screen.focused, Input | TextArea):
            screen.set_focus(None)  # nothing is typed in a demo: keep the single keys live
        banners = screen.query(DemoBanner)
        if banners:
            banners.first().show_state()
        else:
            screen.mount(DemoBanner(self))

    def ask_to_save(self) -> None:
        def answered(save: bool | None) -> None:
            if save:
                self.save()

        self.app.push_screen(DemoSaveScreen(), answered)

    def save(self) -> str | None:
        store = self.app.store()  # type: ignore[attr-defined]
        if store is None:
            return None
        self.saved_as = self.player.save(store)
        self.app.notify(_("Saved as demo meeting {id}.").format(id=self.saved_as), timeout=8)
        loader = getattr(self.app.screen, "load_recent", None)
        if loader is not None:
            loader()
        return self.saved_as


def start_demo(
    app: App[Any],
    method_id: str,
    *,
    seed: int = 0,
    speed: int | None = None,
    lang: str | None = None,
    real: Callable[[], float] = time.monotonic,
    on_start: Callable[[DemoController], None] | None = None,
) -> None:
    """Play a demo of `method_id` in `app`; without `speed`, the trainer picks one first."""
    registry = app.registry  # type: ignore[attr-defined]
    if method_id not in registry.methods:
        app.notify(_("No method {id!r}.").format(id=method_id), severity="error", timeout=8)
        return
    method = registry.get(method_id)
    language = lang or current_language()
    name = method.name.get(language)

    def begin(chosen: int | None) -> None:
        if chosen is None:
            return
        player = DemoPlayer.for_method(method, seed=seed, lang=language, speed=chosen, real=real)
        controller = DemoController(app, player, name)
        controller.link.method_id = method_id  # the screens name the method from the link
        controller.start()
        if on_start is not None:
            on_start(controller)

    if speed is not None:
        begin(speed)
        return
    people = method.group_size.ideal
    app.push_screen(DemoSpeedScreen(name, method.total_minutes(people)), begin)
