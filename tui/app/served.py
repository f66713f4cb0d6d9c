"""The facilitator's app as `intervisie serve` runs it in a browser tab.

Why a subclass and not changes in the app: the facilitator's app is the same one that runs
in a terminal; serving it adds four things, all here:

- a first screen that asks for the facilitator's code (printed by `serve`); until it is
  given, no key, command or screen of the app acts;
- a polling loop that notices participants' commits (`PRAGMA data_version`, ten times a
  second) and redraws the meeting's screen, so their contributions appear at once, also
  while a dialog (help, join codes, a question) is open: the screen beneath it is redrawn;
- the participants' join codes: `j` or "Join codes" in the command palette, one per member
  present and one for the room view, each with its link and a QR code of the link; they
  expire when the meeting closes;
- presence: who has a page open on the participants' server, on how many pages (a
  notification when it changes), and `e` to end a second page opened with the same code.

Writes need no lock of their own: `LiveMeeting.execute` decides inside the store's write
transaction (`Store.append_decided`), after the events other processes stored.

`python -m intervisie.tui.app.served [--data-dir D] [--lang nl|en] [--participant-url U]`
is one tab's process.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from intervisie.core.i18n import N_, _, ngettext, set_language
from intervisie.core.meeting.model import Status
from intervisie.core.settings import data_dir as resolve_data_dir
from intervisie.core.store.joincodes import Admission, Gate, JoinCodes, OpenPage
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.screens.code import CodeScreen
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import OptionList, Static
from intervisie.tui.app.widgets.qr import qr_lines

POLL_EVERY = 0.1
"""Seconds between looks at the store: a contribution shows within a fraction of a second."""
ROOM = "room"
"""The join-codes list's key for the room view's code."""
DEFAULT_PARTICIPANT_URL = "http://127.0.0.1:8001"


def join_link(base: str, code: str, room: bool = False) -> str:
    """The link that carries a code: in the fragment, which no browser sends to a server."""
    return f"{base.rstrip('/')}/{'room' if room else ''}#code={code}"


class OnlineFacilitatorApp(IntervisieApp):
    """`IntervisieApp` behind the facilitator's code, following participants' commits."""

    BINDINGS = [
        *IntervisieApp.BINDINGS,
        Binding("j", "join_codes", N_("join codes"), show=False),
    ]

    def __init__(
        self,
        *args: Any,
        delay_factor: float = 1.0,
        participant_url: str = DEFAULT_PARTICIPANT_URL,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.participant_url = participant_url
        self.online_dir = resolve_data_dir(self.data_dir)
        self.data_dir = self.online_dir
        self.delay_factor = delay_factor
        self.admitted = False
        self.codes: JoinCodes | None = None
        self.handed_out: dict[tuple[str, str], str] = {}
        """Codes this process made, to show again: (meeting id, member id) -> code."""
        self._version = -1
        self._seen = -1
        self._codes_version = -1
        self.pages: list[OpenPage] = []
        """Pages open on the participants' server for the meeting open here."""

    # -- the gate -----------------------------------------------------------------------

    def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]  # takes the event to stop the app's own start
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

    def follow_store(self) -> None:
        """Participants' commits: catch up and redraw the meeting's screen, even beneath a
        dialog (it shows them when it closes); pages opened or closed: say so."""
        self.follow_pages()
        link = self.link
        if link is None or link.live is None:
            return
        version = link.live.store.data_version()
        if version != self._version:
            self._version = version
            link.live.refresh()
        state = link.state
        if state.event_count == self._seen:
            return
        redraw = self._meeting_screen_redraw()
        if redraw is None:
            return  # a screen still being built draws the state itself when it mounts
        self._seen = state.event_count
        if state.status is Status.FINISHED and self.codes is not None:
            self.codes.expire_meeting(link.live.meeting_id)
        redraw()

    def _meeting_screen_redraw(self) -> Any:
        """The topmost meeting screen's `render_state`, dialogs above it or not."""
        for screen in reversed(self.screen_stack):
            redraw = getattr(screen, "render_state", None)
            if redraw is not None:
                return redraw if screen.is_mounted else None
        return None

    # -- presence -----------------------------------------------------------------------

    def follow_pages(self) -> None:
        """Who has a page open on this meeting (presence, not attendance)."""
        link = self.link
        if self.codes is None or link is None or link.meeting_id is None:
            return
        version = self.codes.data_version()
        if version == self._codes_version:
            return
        self._codes_version = version
        before = Counter(p.member_id or ROOM for p in self.pages if not p.ended)
        self.pages = [p for p in self.codes.pages(link.meeting_id) if not p.ended]
        after = Counter(p.member_id or ROOM for p in self.pages)
        for who in sorted(set(before) | set(after)):
            if before[who] == after[who]:
                continue
            name = _("Room view") if who == ROOM else link.name(who)
            if after[who] == 0:
                message = _("{name}: no page open any more").format(name=name)
            else:
                message = ngettext(
                    "{name}: connected on {n} page", "{name}: connected on {n} pages", after[who]
                ).format(name=name, n=after[who])
            severity = "warning" if after[who] > 1 and who != ROOM else "information"
            self.notify(message, severity=severity, timeout=6)
        if isinstance(self.screen, JoinCodesScreen):
            self.screen.show()

    def presence(self, member: str | None) -> str:
        count = sum(1 for p in self.pages if p.member_id == member)
        if count == 0:
            return _("○ no page")
        return ngettext("● {n} page", "● {n} pages!", count).format(n=count)

    def end_newest_page(self, member: str | None) -> bool:
        """End the newest page open with this member's code (a second one, as a rule)."""
        mine = [p for p in self.pages if p.member_id == member]
        if not mine or self.codes is None:
            return False
        self.codes.end_page(mine[-1].id)
        return True

    # -- join codes -----------------------------------------------------------------------

    def action_join_codes(self) -> None:
        link = self.link
        if link is None or link.meeting_id is None or not link.state.is_open:
            self.notify(_("Open a meeting first; its participants get the codes."))
            return
        if not isinstance(self.screen, JoinCodesScreen):
            self.push_screen(JoinCodesScreen())

    def join_codes(self, renew: str | None = None) -> list[tuple[str, str, str | None]]:
        """(key, name, code or None) for each participant present and the room view; makes
        the missing codes, and a new one for `renew` (which ends the pages of the old one).
        None: handed out by an earlier process, only its hash is kept."""
        link = self.link
        assert link is not None and link.meeting_id is not None and self.codes is not None
        meeting_id = link.meeting_id
        holders = self.codes.holders(meeting_id)
        state = link.state
        rows: list[tuple[str, str, str | None]] = []
        for member in state.present:
            if member == state.facilitator and not state.facilitator_participates:
                continue
            key = (meeting_id, member)
            if member == renew or member not in holders:
                self.handed_out[key] = self.codes.issue(meeting_id, member)
            rows.append((member, link.name(member), self.handed_out.get(key)))
        key = (meeting_id, ROOM)
        if renew == ROOM or not self.codes.has_room_code(meeting_id):
            self.handed_out[key] = self.codes.issue_room(meeting_id)
        rows.append((ROOM, _("Room view"), self.handed_out.get(key)))
        return rows

    def on_unmount(self) -> None:
        if self.codes is not None:
            self.codes.close()


class JoinCodesScreen(BaseModal[None]):
    """Each participant's code, link and presence, the room view's too, and the QR code of
    the highlighted one's link: one scan joins. `r` renews a code, `e` ends a second page."""

    BINDINGS = [
        Binding("r", "renew", N_("new code")),
        Binding("e", "end_page", N_("end newest page")),
        Binding("escape", "close", N_("close")),
    ]
    DEFAULT_CSS = """
    JoinCodesScreen { align: center middle; }
    #join-box { width: 100%; max-width: 120; height: auto; max-height: 100%;
                border: round $accent; padding: 0 1; background: $surface; }
    #join-title { text-style: bold; }
    #join-main { height: auto; }
    #join-left { width: 1fr; height: auto; }
    #join-codes { height: auto; max-height: 12; }
    #join-link { margin-top: 1; }
    #join-qr { width: auto; height: auto; color: white; background: black; margin-left: 1; }
    """

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal, Vertical

        with Vertical(id="join-box"):
            yield Static(_("Join codes"), id="join-title")
            yield Static(
                _(
                    "Each participant scans their QR code or opens their link; typing the "
                    "code on the participants' page works too. A code works for this meeting "
                    "only and ends when it closes."
                ),
                id="join-help",
            )
            with Horizontal(id="join-main"):
                with Vertical(id="join-left"):
                    yield OptionList(id="join-codes")
                    yield Static("", id="join-link")
                yield Static("", id="join-qr")
        yield KeyBar()

    def on_mount(self) -> None:
        self.rows: list[tuple[str, str, str | None]] = []
        self.show()

    def show(self, renew: str | None = None) -> None:
        app: OnlineFacilitatorApp = self.app  # type: ignore[assignment]
        listing = self.query_one("#join-codes", OptionList)
        highlighted = listing.highlighted
        self.rows = app.join_codes(renew)
        listing.clear_options()
        for key, name, code in self.rows:
            shown = code if code is not None else _("handed out earlier · r: new")
            presence = app.presence(None if key == ROOM else key)
            listing.add_option(f"{name[:10]:<10} {shown:<11} {presence}")
        if self.rows:
            listing.highlighted = min(highlighted or 0, len(self.rows) - 1)
        listing.focus()
        self.show_link()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_link()

    def selected(self) -> tuple[str, str, str | None] | None:
        listing = self.query_one("#join-codes", OptionList)
        if listing.highlighted is None or not self.rows:
            return None
        return self.rows[min(listing.highlighted, len(self.rows) - 1)]

    def show_link(self) -> None:
        app: OnlineFacilitatorApp = self.app  # type: ignore[assignment]
        row = self.selected()
        link_box = self.query_one("#join-link", Static)
        qr_box = self.query_one("#join-qr", Static)
        if row is None or row[2] is None:
            link_box.update(_("Only its hash is kept: r gives a new code, with its link."))
            qr_box.update("")
            qr_box.display = False
            return
        key, name, code = row
        link = join_link(app.participant_url, str(code), room=key == ROOM)
        link_box.update(_("{name}'s link:").format(name=name) + "\n" + link)
        qr_box.update("\n".join(qr_lines(link)))
        qr_box.display = True

    def action_renew(self) -> None:
        row = self.selected()
        if row is not None:
            self.show(renew=row[0])

    def action_end_page(self) -> None:
        app: OnlineFacilitatorApp = self.app  # type: ignore[assignment]
        row = self.selected()
        if row is None:
            return
        member = None if row[0] == ROOM else row[0]
        if app.end_newest_page(member):
            self.notify(_("{name}: the newest page is ended.").format(name=row[1]))
        else:
            self.notify(_("{name} has no page open.").format(name=row[1]))

    def action_close(self) -> None:
        self.dismiss(None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="intervisie-facilitator")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--lang", choices=["nl", "en"], default=None)
    parser.add_argument("--participant-url", default=DEFAULT_PARTICIPANT_URL)
    args = parser.parse_args(argv)
    set_language(args.lang)
    OnlineFacilitatorApp(
        data_dir=Path(args.data_dir) if args.data_dir else None,
        participant_url=args.participant_url,
    ).run()


if __name__ == "__main__":
    main()
