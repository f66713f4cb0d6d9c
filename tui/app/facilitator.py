"""The facilitator's Textual app: home, meeting setup, revisit, intake and choice, the phase
runner, closing and summary.

Screens hold no domain logic: they send commands to the engine and render its state. The app
keeps what they share: the method registry, the clock, the settings, the store.
Only what the home screen needs is imported at start (see benchmarks/tui_startup.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from intervisie.core.i18n import N_, _, current_language, ngettext, set_language

if TYPE_CHECKING:
    from intervisie.core.meeting import commands as cmd
    from intervisie.core.meeting.clock import Clock
    from intervisie.core.meeting.frame import Frame
    from intervisie.core.meeting.model import Group
    from intervisie.core.method.model import Method
    from intervisie.core.plugins.loading import Registry
    from intervisie.core.store.database import MeetingInfo, Store
    from intervisie.tui.app.catalog import Catalog
    from intervisie.tui.app.screens.link import MeetingLink


class RecentMeeting:
    """One line of home's recent meetings."""

    def __init__(self, info: MeetingInfo, registry: Registry | None) -> None:
        self.info = info
        self.id = info.id
        self.registry = registry

    def line(self) -> str:
        info = self.info
        status = _("finished") if info.finished else "⏵ " + _("open · Enter resumes")
        names = []
        for method_id in info.methods:
            found = self.registry.methods.get(method_id) if self.registry else None
            names.append(found.method.name.get(current_language()) if found else method_id)
        methods = ", ".join(names) or "-"
        demo = " [demo]" if info.demo else ""
        group = (info.group_name or "-")[:22]
        return f"{info.date or '-':<10}  {group:<21}  {methods[:18]:<18}  {status}{demo}"


KEY_DISPLAY = {
    "enter": "⏎",
    "escape": "esc",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "pagedown": "⇟",
    "ctrl+p": "^p",
}


class IntervisieApp(App[None]):
    TITLE = "intervisie"
    # Home is the first screen and the bottom of the stack: its styles load with the app's,
    # in one parse (a screen's own CSS_PATH would parse the whole stylesheet twice more).
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
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
        demo: str | None = None,
        seed: int = 0,
        exit_on_sigterm: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.exit_on_sigterm = exit_on_sigterm
        _no_debug_log()
        self.method_id = method_id
        self.demo = demo
        self.demo_seed = seed
        self.resume_id = resume_id
        self._meeting_clock = clock
        self._methods_registry = registry
        self._catalogs: dict[str, Catalog] = {}
        # Home's first paint may use the catalog an earlier start saved; never when the
        # methods were handed in (tests, the test kit), only when they come from the plugins.
        self._use_saved_catalog = registry is None
        self._saved_catalogs: dict[str, Catalog] | None = None
        self._catalog_key: list[Any] | None = None
        self.data_dir = data_dir
        self.language = current_language()
        self._sound = sound  # read from the settings when first needed
        self.extra = kwargs
        self._store: Store | None = None
        self.store_problem: str | None = None
        """Why the store cannot be used, after `store()` returned None."""
        self.link: MeetingLink | None = None

    def _attach_observers(self, link: MeetingLink) -> None:
        """Plugins' session observers hear every event the meeting stores."""
        if link.live is not None:
            link.live.observers = self.registry.collect("intervisie_session_observers", callable)

    def _fatal_error(self) -> None:
        """An unexpected error: say where, never what the variables held (case text).

        Textual's own handler prints the traceback with local variables; here only the
        error's type and the frames' places are shown, and the meeting is already saved.
        """
        import sys
        import traceback

        from rich.text import Text

        error = sys.exc_info()[1] or self._exception
        frames = traceback.extract_tb(error.__traceback__) if error is not None else []
        places = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in frames[-6:])
        kind = type(error).__name__ if error is not None else "error"
        if error is not None and str(error):
            kind = f"{kind}: {str(error)[:200]}"
        message = _(
            "intervisie stopped on an unexpected error ({kind}). The meeting is saved; "
            "`intervisie resume` reopens it. Please report this, with these places:"
        ).format(kind=kind)
        self.bell()
        self._exit_renderables.append(Text(f"{message}\n{places}"))
        self._close_messages_no_wait()

    # -- what screens share ----------------------------------------------------------

    @property
    def registry(self) -> Registry:
        if self._methods_registry is None:
            from intervisie.core.plugins.loading import load_registry

            self._methods_registry = load_registry()
        return self._methods_registry

    def home_catalog(self) -> Catalog:
        """What home shows, in the current language: from the methods once they are loaded;
        before that, from the catalog an earlier start saved while it is current."""
        lang = current_language()
        if self._methods_registry is None and self._use_saved_catalog:
            from intervisie.tui.app.catalog import catalog_path, environment_key, read_catalog

            if self._catalog_key is None:
                self._catalog_key = environment_key()
                self._saved_catalogs = read_catalog(catalog_path(), self._catalog_key)
            if self._saved_catalogs is not None:
                return self._saved_catalogs[lang]
        return self._catalog(lang)

    def _catalog(self, lang: str) -> Catalog:
        if lang not in self._catalogs:
            from intervisie.tui.app.catalog import catalog_of

            self._catalogs[lang] = catalog_of(self.registry, lang)
        return self._catalogs[lang]

    def settle_catalog(self) -> bool:
        """Load the methods (home asks right after its first paint) and save their catalog
        for the next start when it changed. True when home showed something else."""
        from intervisie.core.i18n import SUPPORTED

        fresh = {lang: self._catalog(lang) for lang in SUPPORTED}
        if not self._use_saved_catalog or fresh == self._saved_catalogs:
            return False
        from intervisie.tui.app.catalog import catalog_path, environment_key, write_catalog

        key = self._catalog_key if self._catalog_key is not None else environment_key()
        write_catalog(catalog_path(), key, fresh)
        shown, self._saved_catalogs = self._saved_catalogs, fresh
        return shown is not None

    @property
    def clock(self) -> Clock:
        if self._meeting_clock is None:
            from intervisie.core.meeting.clock import SystemClock

            self._meeting_clock = SystemClock()
        return self._meeting_clock

    @property
    def sound(self) -> bool:
        """Whether the bell rings at time-up (the `sound` setting unless given)."""
        if self._sound is None:
            from intervisie.core.settings import load_settings

            self._sound = load_settings().sound
        return self._sound

    @sound.setter
    def sound(self, value: bool) -> None:
        self._sound = value

    def ring(self) -> None:
        """The bell at time-up, unless the settings turned sound off."""
        if self.sound:
            self.bell()

    # -- start ------------------------------------------------------------------------

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app. What is loaded by now (Textual, intervisie) lives as long as the
        process, so the garbage collector is told to stop scanning it: one full collection
        during the first paint cost about a tenth of the start-up (tui_startup.py)."""
        gc.freeze()
        return super().run(*args, **kwargs)

    def notify(self, message: str, *, markup: bool = False, **kwargs: Any) -> None:
        """Notifications name members, methods and files: never read as markup
        (see tui/app/widgets/plain.py), whatever the caller passed."""
        super().notify(message, markup=False, **kwargs)

    def get_default_screen(self) -> Screen:
        from intervisie.tui.app.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.exit_on_sigterm:
            # Through the event loop, which wakes for it: a plain signal handler only queued
            # the exit, and an idle app slept on without seeing it.
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self.exit)
        if self.demo is not None:
            from intervisie.tui.app.screens.demo import start_demo

            start_demo(self, self.demo, seed=self.demo_seed)
        elif self.resume_id is not None or self.extra.get("resume"):
            self.resume_meeting(self.resume_id)
        elif self.method_id is not None:
            self.open_setup(self.method_id)

    # -- the store ----------------------------------------------------------------------

    def store(self, *, quiet: bool = False) -> Store | None:
        """The meeting store, opened (and created) on first use; None, with a message, when
        it cannot be used: then no meeting starts (`open_setup` says what to do instead)."""
        if self._store is None:
            from intervisie.core.store.database import Store
            from intervisie.core.store.file import StoreError

            try:
                self._store = Store.open(data_dir=self.data_dir, clock=self.clock)
            except StoreError as exc:
                self.store_problem = str(exc)
                if not quiet:
                    self.notify(str(exc), severity="error", timeout=15)
                return None
            self.store_problem = None
        return self._store

    def use_data_dir(self, folder: str) -> str | None:
        """Switch to another data folder (for this run); the problem with it, if any."""
        from pathlib import Path

        if self._store is not None:
            self._store.close()
            self._store = None
        self.data_dir = Path(folder).expanduser()
        self._saved_catalogs = self._catalog_key = None
        return None if self.store(quiet=True) is not None else self.store_problem

    def _peek_store(self) -> Store | None:
        """The store for reading, without creating one (home's recent meetings)."""
        if self._store is not None:
            return self._store
        from intervisie.core.store.database import Store
        from intervisie.core.store.file import StoreError

        try:
            return Store.open(data_dir=self.data_dir, readonly=True, clock=self.clock)
        except StoreError:
            return None

    def recent_meetings(self) -> list[RecentMeeting]:
        store = self._peek_store()
        if store is None:
            return []
        try:
            return [RecentMeeting(info, self.registry) for info in store.meetings()[:5]]
        finally:
            if store is not self._store:
                store.close()

    def stored_groups(self) -> list[Group]:
        store = self._peek_store()
        if store is None:
            return []
        try:
            return store.groups(real_only=True)  # a demo's sample group is never offered
        finally:
            if store is not self._store:
                store.close()

    def group_frame(self, group_id: str | None) -> Frame:
        """What setup offers for this group: its previous meeting's frame, else defaults."""
        from intervisie.core.meeting.engine import replay
        from intervisie.core.meeting.events import EventError
        from intervisie.core.meeting.frame import next_frame
        from intervisie.core.settings import load_settings
        from intervisie.core.store.file import StoreError

        previous = None
        store = self._peek_store() if group_id is not None else None
        if store is not None:
            try:
                found = store.previous_meeting(group_id)  # type: ignore[arg-type]
                previous = replay(store.events(found)) if found is not None else None
            except (StoreError, EventError):  # a damaged earlier meeting: start from defaults
                previous = None
            finally:
                if store is not self._store:
                    store.close()
        return next_frame(previous, load_settings().rule_profile)

    # -- a meeting ----------------------------------------------------------------------

    def open_meeting(self, method_id: str, command: cmd.OpenMeeting, options: dict) -> None:
        """Open a meeting (setup is done): the group's previous cases come along to revisit."""
        import attrs

        from intervisie.core.meeting.engine import DomainError, decide
        from intervisie.core.meeting.model import SessionState
        from intervisie.core.store.live import previous_cases
        from intervisie.tui.app.screens.link import MeetingLink

        store = self.store()
        if store is None:  # never a real meeting that is not saved
            return
        revisit, carried = previous_cases(store, command.group.id)
        command = attrs.evolve(command, revisit=revisit, carried=carried)
        try:  # ask the engine first, so a refused setup leaves no empty meeting behind
            decide(SessionState(), command, self.clock.now())
        except DomainError as exc:
            self.notify(str(exc), severity="warning", timeout=8)
            return
        link = MeetingLink.new(self.clock, store)
        self._attach_observers(link)
        link.method_id, link.options = method_id, dict(options)
        link.do(command)
        self.link = link
        self.route(link)
        self.warn_outside_profile(link)

    def warn_outside_profile(self, link: MeetingLink) -> None:
        """Say when the opened meeting falls outside its rule profile (it counts for nobody)."""
        from intervisie.core.reports.profiles import meeting_warnings, rule_profiles

        state = link.state
        profile = rule_profiles(self.registry).get(state.rule_profile)
        if profile is None:
            return
        for line in meeting_warnings(profile, state):
            self.notify(line, severity="warning", timeout=12)

    def resume_meeting(self, meeting_id: str | None) -> None:
        """Reopen a meeting (`None`: the latest unfinished one) where it was, paused."""
        from intervisie.core.store.file import StoreError
        from intervisie.core.store.resumable import find_resumable
        from intervisie.tui.app.screens.link import MeetingLink

        store = self.store()
        if store is None:
            return
        try:
            found = find_resumable(store, meeting_id)
            if found is None:
                self.notify(_("There is no unfinished meeting to resume."), severity="warning")
                return
            link = MeetingLink.reopen(self.clock, store, found.meeting_id)
            self._attach_observers(link)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        rounds = link.state.rounds
        if rounds:
            link.method_id = rounds[-1].method.id
            link.options = dict(rounds[-1].options)
        if link.read_only:
            self.notify(
                _("Another facilitator holds this meeting: it is open read-only here."),
                severity="warning",
                timeout=10,
            )
        else:
            self.notify(_("Meeting resumed, paused: space continues."), timeout=8)
        self.link = link
        self.route(link)

    def next_method(self, link: MeetingLink) -> Method:
        if link.method_id is None or link.method_id not in self.registry.methods:
            link.method_id = next(iter(self.registry.methods))
        return self.registry.get(link.method_id)

    def plan_method(self, link: MeetingLink, method_id: str) -> None:
        if method_id != link.method_id:
            link.method_id, link.options = method_id, {}

    def route(self, link: MeetingLink) -> None:
        """Show the screen for where the meeting stands (core's `flow.stage`); where the
        meeting moves on by itself (`flow.arrival_step`), move it on first."""
        from intervisie.core.meeting import flow

        method = self.next_method(link)
        arrival = flow.arrival_step(link.state, method, link.options, link.now())
        if arrival is not None:
            self.advance(link, arrival)
            return
        where = flow.stage(link.state)
        if where is flow.Stage.FINISHED:
            from intervisie.tui.app.screens.summary import SummaryScreen

            screen: Screen = SummaryScreen(link)
        elif where is flow.Stage.ROUND:
            from intervisie.tui.app.screens.runner import RunnerScreen

            screen = RunnerScreen(link)
        elif where is flow.Stage.REVISIT:
            from intervisie.tui.app.screens.steps import RevisitScreen

            screen = RevisitScreen(link)
        elif where in (flow.Stage.INTAKE, flow.Stage.CHOICE):
            from intervisie.tui.app.screens.steps import IntakeScreen

            screen = IntakeScreen(link)
        else:
            from intervisie.tui.app.screens.steps import ClosingScreen

            screen = ClosingScreen(link)
        self.show_meeting_screen(screen)

    def show_meeting_screen(self, screen: Screen) -> None:
        from intervisie.tui.app.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        self.push_screen(screen)

    def advance(self, link: MeetingLink, command: cmd.Command | None) -> None:
        """Send a step of the meeting's flow, then show where the meeting stands; the
        engine's refusal is shown instead."""
        from intervisie.core.meeting.engine import DomainError

        if command is None:
            return
        try:
            link.do(command)
        except DomainError as exc:
            self.notify(str(exc), severity="warning", timeout=8)
            return
        self.route(link)

    def next_step(self, link: MeetingLink) -> None:
        """Move the meeting on from where it stands (core's `flow.next_step`)."""
        from intervisie.core.meeting import flow
        from intervisie.core.meeting.engine import DomainError

        try:
            command = flow.next_step(link.state, self.next_method(link), link.options, link.now())
        except DomainError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.advance(link, command)

    def after_revisit(self, link: MeetingLink) -> None:
        self.next_step(link)

    def another_round(self, link: MeetingLink) -> None:
        self.next_step(link)

    def start_round(self, link: MeetingLink) -> None:
        """Start the next round now, fitted to the minutes the meeting has left."""
        from intervisie.core.meeting import flow

        method = self.next_method(link)
        self.advance(link, flow.start_round(link.state, method, link.options, link.now()))

    def start_demo(self, method_id: str) -> None:
        """Demo mode (the trainers' screens): a sample meeting through these screens."""
        from intervisie.tui.app.screens.demo import start_demo

        start_demo(self, method_id)

    def go_home(self) -> None:
        from intervisie.tui.app.screens.home import HomeScreen

        if self.link is not None:
            self.link.close()
            self.link = None
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.load_recent()

    def on_unmount(self) -> None:
        if self.exit_on_sigterm:
            with contextlib.suppress(RuntimeError, ValueError):
                asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        if self.link is not None:
            self.link.close()
        if self._store is not None:
            self._store.close()

    def open_setup(self, method_id: str) -> None:
        """Meeting setup for a method, once the store is known to work; else say what is
        wrong with it first and offer another folder, browsing, or a demo (not saved)."""
        from intervisie.tui.app.screens.setup import SetupScreen

        if method_id not in self.registry.methods:
            self.notify(_("No method {id!r}.").format(id=method_id), severity="error", timeout=8)
            return
        if self.store(quiet=True) is not None:
            self.push_screen(SetupScreen(method_id))
            return
        from intervisie.tui.app.screens.store_problem import DEMO, FOLDER, StoreProblemScreen

        def chosen(choice: str | None) -> None:
            if choice == FOLDER:
                self.push_screen(SetupScreen(method_id))
            elif choice == DEMO:
                from intervisie.tui.app.screens.demo import start_demo

                start_demo(self, method_id)

        self.push_screen(StoreProblemScreen(self.store_problem or ""), chosen)

    # -- keys shown everywhere --------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        if binding.key == "space":
            return _("space")
        return KEY_DISPLAY.get(binding.key, super().get_key_display(binding))

    def action_help(self) -> None:
        from intervisie.tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """On a form (setup) letters belong to its fields, so `l` does not switch the
        language there, whichever field has the focus; the command palette still can."""
        return not (action == "switch_language" and getattr(self.screen, "form", False))

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
            if binding.action == "command_palette" or not active.enabled:
                continue
            if not binding.description or binding.action in seen:
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
        yield SystemCommand(
            _("Sound off") if self.sound else _("Sound on"),
            _("The bell at time-up (kept in the settings)"),
            self.action_toggle_sound,
        )
        if "app.switch_language" not in seen:
            yield SystemCommand(
                _("Language: English") if self.language == "nl" else _("Language: Dutch"),
                _("Switch the language of the interface"),
                self.action_switch_language,
            )
        if "app.request_quit" not in seen:
            yield SystemCommand(_("Quit"), _("Leave intervisie"), self.action_request_quit)

    def action_toggle_sound(self) -> None:
        """Turn the time-up bell off or on, and keep the choice in the settings."""
        from intervisie.core.settings import load_settings, save_settings

        self.sound = not self.sound
        settings = load_settings()
        settings.sound = self.sound
        try:
            save_settings(settings)
        except OSError as exc:
            self.notify(str(exc), severity="error")
        self.notify(_("Sound on") if self.sound else _("Sound off"))

    def leave_meeting(self) -> None:
        """Quitting mid-meeting: pause it (resume reopens it paused) and give it up."""
        from intervisie.core.meeting import commands as cmd
        from intervisie.core.meeting.engine import DomainError

        link = self.link
        if link is None:
            return
        if link.state.is_open and not link.state.paused and not link.read_only:
            with contextlib.suppress(DomainError):
                link.do(cmd.Pause())
        link.close()
        self.link = None

    async def action_quit(self) -> None:
        self.action_request_quit()

    def action_request_quit(self) -> None:
        from intervisie.tui.app.screens.confirm import ConfirmScreen

        meeting = getattr(self.screen, "meeting_running", False)
        if not meeting:
            self.exit()
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.leave_meeting()
                self.exit()

        self.push_screen(
            ConfirmScreen(
                _("Quit in the middle of the meeting?"),
                self._saved_sentence(),
                yes=_("Quit"),
                no=_("Stay"),
            ),
            done,
        )

    def _saved_sentence(self) -> str:
        """What quitting keeps: "saved" only when the store has every event."""
        live = self.link.live if self.link is not None else None
        if live is None:
            return _("This meeting is not saved: quitting ends it.")
        if live.pending:
            return ngettext(
                "{count} change is NOT saved yet ({problem}); quitting loses it.",
                "{count} changes are NOT saved yet ({problem}); quitting loses them.",
                len(live.pending),
            ).format(count=len(live.pending), problem=live.problem)
        return _(
            "Everything so far is saved. `intervisie resume` reopens the meeting "
            "where it was, paused."
        )


def _no_debug_log() -> None:
    """Textual's debug log (TEXTUAL_LOG) writes every input value, case text included, to a
    plain file: switched off for this app."""
    import textual.constants

    if textual.constants.LOG_FILE:
        textual.constants.LOG_FILE = None  # type: ignore[misc]
