"""Who is here: late arrivals, leaving early, a break, and the certificate's own lines.

Opened with `w` from any screen of a running meeting. The list shows each member of the
group and where they are (present, on a break, left, not arrived); `a` marks the chosen
member arrived (a late arrival first accepts the confidentiality agreement, asked here),
`b` sends them on a break, `x` marks them gone for the rest of the meeting. Below, the
provider, the facilitator's short "what came up" line and how attendance was checked
online are typed and kept with Enter. The screen holds no rules: the engine decides, and a
refusal is shown as a warning.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.screens.link import MeetingLink
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import Label, Static


class AttendanceScreen(BaseModal[None]):
    CSS_PATH = "attendance.tcss"
    BINDINGS = [
        Binding("a", "arrive", N_("arrives")),
        Binding("b", "break", N_("break")),
        Binding("x", "leave", N_("leaves")),
        Binding("escape", "close", N_("done")),
    ]

    def __init__(self, link: MeetingLink) -> None:
        super().__init__()
        self.link = link

    def compose(self) -> ComposeResult:
        state = self.link.state
        with Vertical(id="attendance"):
            yield Static(_("Who is here"), id="attendance-title")
            yield OptionList(id="members")
            yield Label(_("Provider (who organised the meeting)"), classes="field")
            yield Input(
                state.provider, placeholder=_("a firm, a bar, a training provider"), id="provider"
            )
            yield Label(_("What came up: themes only, nothing of the cases"), classes="field")
            yield Input(
                state.what_came_up,
                placeholder=_("e.g. integrity, expectations management"),
                id="what_came_up",
            )
            if state.online:
                yield Label(_("How attendance was checked online, by whom"), classes="field")
                yield Input(
                    state.attendance_check,
                    placeholder=_("e.g. cameras on, names checked by the facilitator"),
                    id="attendance_check",
                )
        yield KeyBar()

    def on_mount(self) -> None:
        for widget in self.query(Input).results(Input):
            widget.compact = True
        self.fill()
        self.query_one("#members", OptionList).focus()

    def status(self, member_id: str) -> str:
        state = self.link.state
        if member_id in state.present:
            return _("present")
        if member_id in state.on_break:
            return _("on a break")
        if member_id in state.attendance:
            return _("left")
        return _("not arrived")

    def fill(self) -> None:
        state = self.link.state
        members = state.group.members if state.group is not None else ()
        listing = self.query_one("#members", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        for m in members:
            line = RichText(m.name)
            line.append("  " + self.status(m.id), style="dim" if m.id in state.present else "bold")
            if m.id == state.facilitator:
                line.append("  " + _("(facilitator)"), style="dim")
            listing.add_option(Option(line, id=m.id))
        if members:
            listing.highlighted = min(keep or 0, len(members) - 1)

    def chosen(self) -> str | None:
        listing = self.query_one("#members", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return option.id

    def send(self, command: cmd.Command) -> bool:
        try:
            self.link.do(command)
        except DomainError as exc:
            self.notify(str(exc), severity="warning", timeout=6)
            return False
        self.fill()
        return True

    def action_arrive(self) -> None:
        member = self.chosen()
        if member is None:
            return
        state = self.link.state
        if member in state.on_break or member in state.confidentiality:
            self.send(cmd.Arrive(member=member))
            return
        from intervisie.tui.app.screens.confirm import ConfirmScreen

        name = self.link.name(member)
        body = state.agreement or _(
            "What is said here stays here: nothing of the cases leaves this meeting."
        )

        def accepted(answer: bool | None) -> None:
            if answer:
                self.send(cmd.Arrive(member=member, accepts_confidentiality=True))

        self.app.push_screen(
            ConfirmScreen(
                _("{name} arrives: do they accept the confidentiality agreement?").format(
                    name=name
                ),
                body,
                yes=_("Accepts"),
                no=_("Cancel"),
            ),
            accepted,
        )

    def action_break(self) -> None:
        member = self.chosen()
        if member is not None:
            self.send(cmd.Leave(member=member, on_break=True))

    def action_leave(self) -> None:
        member = self.chosen()
        if member is not None:
            self.send(cmd.Leave(member=member))

    def action_close(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        field = event.input.id or ""
        if field in ("provider", "what_came_up", "attendance_check") and self.send(
            cmd.RecordDetails(**{field: event.value})
        ):
            self.notify(_("Kept for the certificate."), timeout=3)
            self.query_one("#members", OptionList).focus()
