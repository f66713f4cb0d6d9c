"""The facilitator's app as `intervisie serve` runs it in a browser tab.

Why a subclass and not changes in the app: the facilitator's app is the same one that runs
in a terminal; serving it adds four things, all here:

- a first screen that asks for the facilitator's code (printed by `serve`); until it is
  given, no key, command or screen of the app acts;
- a polling loop that notices participants' commits (`PRAGMA data_version`, a few times a
  second) and redraws the meeting's screen, so their contributions appear within a second;
- the online write lock around the facilitator's own commands (see
  `intervisie.tui.participant.writer`: two processes must never number a contribution alike);
- the participants' join codes: `j` or "Join codes" in the command palette, one per member
  present; they expire when the meeting closes.

`python -m intervisie.tui.app.served [--data-dir D] [--lang nl|en]` is one tab's process.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from intervisie.core.i18n import N_, _, set_language
from intervisie.core.meeting.model import Status
from intervisie.core.settings import data_dir as resolve_data_dir
from intervisie.core.store.joincodes import Admission, JoinCodes
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import OptionList, Static
from intervisie.tui.participant.codes import CodeScreen
from intervisie.tui.participant.session import Gate
from intervisie.tui.participant.writer import meeting_lock

if TYPE_CHECKING:
    from intervisie.core.store.live import LiveMeeting
    from intervisie.tui.app.screens.link import MeetingLink

POLL_EVERY = 0.25
"""Seconds between looks at the store: a contribution shows within a second."""


class OnlineFacilitatorApp(IntervisieApp):
    """`IntervisieApp` behind the facilitator's code, following participants' commits."""

    BINDINGS = [
        *IntervisieApp.BINDINGS,
        Binding("j", "join_codes", N_("join codes"), show=False),
    ]

    def __init__(self, *args: Any, delay_factor: float = 1.0, **kwargs: Any) -> None:
        self._online_link: MeetingLink | None = None
        super().__init__(*args, **kwargs)
        self.online_dir = resolve_data_dir(self.data_dir)
        self.data_dir = self.online_dir
        self.delay_factor = delay_factor
        self.admitted = False
        self.codes: JoinCodes | None = None
        self.handed_out: dict[tuple[str, str], str] = {}
        """Codes this process made, to show again: (meeting id, member id) -> code."""
        self._version = -1
        self._seen = -1

    # -- the gate -----------------------------------------------------------------------

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # the app's own start waits for the code
        self.codes = JoinCodes.open(self.online_dir)
        self._ask_code()

    def _ask_code(self) -> None:
        assert self.codes is not None
        self._gate = getattr(self, "_gate", None) or Gate(self.codes)
        screen = CodeScreen(
            self._gate,
            _("intervisie · facilitator"),
            _("Type the facilitator's code that `intervisie serve` printed."),
            delay_factor=self.delay_factor,
        )
        self.push_screen(screen, self._let_in)

    def _let_in(self, admission: Admission | None) -> None:
        if admission is None:
            return
        if not admission.is_facilitator:
            self.notify(
                _("That is a participant's code: open the participants' address with it."),
                severity="warning",
                timeout=10,
            )
            self._ask_code()
            return
        self.admitted = True
        IntervisieApp.on_mount(self)
        self.set_interval(POLL_EVERY, self.follow_store)
        self.notify(_("Participants' join codes: key j, once a meeting is open."), timeout=10)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.admitted and action not in ("quit", "request_quit"):
            return False
        return super().check_action(action, parameters)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if not self.admitted:
            return
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            _("Join codes"),
            _("One code per participant present, for the participants' address"),
            self.action_join_codes,
        )

    # -- the meeting ----------------------------------------------------------------------

    @property
    def link(self) -> MeetingLink | None:  # type: ignore[override]
        return self._online_link

    @link.setter
    def link(self, value: MeetingLink | None) -> None:
        self._online_link = value
        if value is not None and value.live is not None:
            self._serialize(value.live)

    def _serialize(self, live: LiveMeeting) -> None:
        """Catch up with the store and write under the online lock (see the module doc)."""
        execute = live.execute
        folder = self.online_dir

        def locked_execute(command: Any) -> Any:
            with meeting_lock(folder):
                live.refresh()
                return execute(command)

        live.execute = locked_execute  # type: ignore[method-assign]

    def follow_store(self) -> None:
        """Participants' commits: catch up and redraw the meeting's screen."""
        link = self.link
        if link is None or link.live is None:
            return
        version = link.live.store.data_version()
        if version != self._version:
            self._version = version
            link.live.refresh()
        state = link.state
        screen = self.screen
        redraw = getattr(screen, "render_state", None)
        if state.event_count == self._seen or not screen.is_mounted:
            return  # a screen still being built draws the state itself when it mounts
        self._seen = state.event_count
        if state.status is Status.FINISHED and self.codes is not None:
            self.codes.expire_meeting(link.live.meeting_id)
        if redraw is not None:
            redraw()

    # -- join codes -----------------------------------------------------------------------

    def action_join_codes(self) -> None:
        link = self.link
        if link is None or link.meeting_id is None or not link.state.is_open:
            self.notify(_("Open a meeting first; its participants get the codes."))
            return
        if not isinstance(self.screen, JoinCodesScreen):
            self.push_screen(JoinCodesScreen())

    def join_code_lines(self, renew: str | None = None) -> list[tuple[str, str]]:
        """(member id, line) for each participant present; makes the missing codes, and a
        new one for `renew` (which ends the tab that used the old one)."""
        link = self.link
        assert link is not None and link.meeting_id is not None and self.codes is not None
        meeting_id = link.meeting_id
        holders = self.codes.holders(meeting_id)
        state = link.state
        lines = []
        for member in state.present:
            if member == state.facilitator and not state.facilitator_participates:
                continue
            key = (meeting_id, member)
            if member == renew or member not in holders:
                self.handed_out[key] = self.codes.issue(meeting_id, member)
            code = self.handed_out.get(key)
            shown = code if code is not None else _("handed out earlier · r gives a new one")
            lines.append((member, f"{link.name(member):<20} {shown}"))
        return lines

    def on_unmount(self) -> None:
        if self.codes is not None:
            self.codes.close()


class JoinCodesScreen(BaseModal[None]):
    """The participants' codes, to read out or send one by one; `r` renews the selected."""

    BINDINGS = [
        Binding("r", "renew", N_("new code")),
        Binding("escape", "close", N_("close")),
    ]
    DEFAULT_CSS = """
    JoinCodesScreen { align: center middle; }
    #join-box { width: 72; height: auto; border: round $accent; padding: 1 2;
                background: $surface; }
    #join-title { text-style: bold; }
    #join-codes { height: auto; max-height: 14; }
    """

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="join-box"):
            yield Static(_("Join codes"), id="join-title")
            yield Static(
                _(
                    "Give each participant their own code, for the participants' address. "
                    "A code works for this meeting only and ends when it closes."
                ),
                id="join-help",
            )
            yield OptionList(id="join-codes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def show(self, renew: str | None = None) -> None:
        app: OnlineFacilitatorApp = self.app  # type: ignore[assignment]
        listing = self.query_one("#join-codes", OptionList)
        highlighted = listing.highlighted
        self.members = []
        listing.clear_options()
        for member, line in app.join_code_lines(renew):
            self.members.append(member)
            listing.add_option(line)
        if self.members:
            listing.highlighted = min(highlighted or 0, len(self.members) - 1)
        listing.focus()

    def action_renew(self) -> None:
        listing = self.query_one("#join-codes", OptionList)
        if listing.highlighted is not None and self.members:
            self.show(renew=self.members[listing.highlighted])

    def action_close(self) -> None:
        self.dismiss(None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="intervisie-facilitator")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--lang", choices=["nl", "en"], default=None)
    args = parser.parse_args(argv)
    set_language(args.lang)
    OnlineFacilitatorApp(data_dir=Path(args.data_dir) if args.data_dir else None).run()


if __name__ == "__main__":
    main()
