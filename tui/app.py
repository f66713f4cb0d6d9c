"""The facilitator's Textual app: home, meeting setup, revisit, intake and choice, the phase
runner, closing and summary.

Screens hold no domain logic: they send commands to the engine and render its state. The app
keeps what they share: the method registry, the clock, the settings, the store.
Only what the home screen needs is imported at start (see benchmarks/tui_startup.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from intervisie.core.i18n import N_, _, current_language, set_language

if TYPE_CHECKING:
    from intervisie.core.clock import Clock
    from intervisie.core.plugins import Registry

KEY_DISPLAY = {
    "enter": "⏎",
    "escape": "esc",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "ctrl+p": "^p",
}


class IntervisieApp(App[None]):
    TITLE = "intervisie"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("question_mark", "help", N_("help")),
        Binding("l", "switch_language", N_("language"), show=False),
        Binding("ctrl+p", "command_palette", N_("commands"), show=False),
    ]

    def __init__(
        self,
        method_id: str | None = None,
        *,
        resume_id: str | None = None,
        clock: Clock | None = None,
        registry: Registry | None = None,
        data_dir: Any = None,
        sound: bool | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.method_id = method_id
        self.resume_id = resume_id
        self._meeting_clock = clock
        self._methods_registry = registry
        self.data_dir = data_dir
        self.language = current_language()
        if sound is None:
            from intervisie.core.settings import load_settings

            sound = load_settings().sound
        self.sound = sound
        self.extra = kwargs

    # -- what screens share ----------------------------------------------------------

    @property
    def registry(self) -> Registry:
        if self._methods_registry is None:
            from intervisie.core.plugins import load_registry

            self._methods_registry = load_registry()
        return self._methods_registry

    @property
    def clock(self) -> Clock:
        if self._meeting_clock is None:
            from intervisie.core.clock import SystemClock

            self._meeting_clock = SystemClock()
        return self._meeting_clock

    def ring(self) -> None:
        """The bell at time-up, unless the settings turned sound off."""
        if self.sound:
            self.bell()

    # -- start ------------------------------------------------------------------------

    def on_mount(self) -> None:
        from intervisie.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.method_id is not None:
            self.open_setup(self.method_id)

    def open_setup(self, method_id: str) -> None:
        from intervisie.tui.screens.setup import SetupScreen

        if method_id not in self.registry.methods:
            self.notify(_("No method {id!r}.").format(id=method_id), severity="error", timeout=8)
            return
        self.push_screen(SetupScreen(method_id))

    # -- keys shown everywhere --------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        if binding.key == "space":
            return _("space")
        return KEY_DISPLAY.get(binding.key, super().get_key_display(binding))

    def action_help(self) -> None:
        from intervisie.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_switch_language(self) -> None:
        self.language = set_language("en" if current_language() == "nl" else "nl")
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                relabel()
        self.notify(_("Language: English") if self.language == "en" else _("Language: Dutch"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key that acts on the current screen, also in the command palette."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            if binding.action == "command_palette" or not active.enabled:
                continue
            seen.add(binding.action)
            action = binding.action
            namespace = active.node

            def run(action: str = action, namespace: Any = namespace) -> None:
                self.call_later(self.run_action, action, namespace)

            label = binding.description[:1].upper() + binding.description[1:]
            yield SystemCommand(
                label, _("key {key}").format(key=self.get_key_display(binding)), run
            )
        yield SystemCommand(_("Quit"), _("Leave intervisie"), self.action_request_quit)

    def action_request_quit(self) -> None:
        from intervisie.tui.screens.confirm import ConfirmScreen

        meeting = getattr(self.screen, "meeting_running", False)
        if not meeting:
            self.exit()
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                _("Quit in the middle of the meeting?"),
                _(
                    "Everything so far is saved. `intervisie resume` reopens the meeting "
                    "where it was, paused."
                ),
                yes=_("Quit"),
                no=_("Stay"),
            ),
            done,
        )
