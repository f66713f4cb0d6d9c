"""Correcting what was captured: pick a contribution of the phase, then edit its text, remove
it, or (a question) give the case owner's mark, cold, warm or hot.

The dialog only sends the engine's commands (`EditContribution`, `RemoveContribution`,
`MarkQuestion`); the engine decides, and a refusal is shown as a warning.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError
from intervisie.core.meeting.model import Contribution
from intervisie.core.method.model import ContributionKind
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.screens.link import MeetingLink
from intervisie.tui.app.widgets.capture import MARK_NAMES
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import OptionList, Static


def mark_label(mark: str | None) -> str:
    return _(MARK_NAMES[mark]) if mark is not None and mark in MARK_NAMES else ""


class CorrectScreen(BaseModal[None]):
    """The phase's contributions to correct; Escape closes."""

    CSS_PATH = "correct.tcss"
    BINDINGS = [
        Binding("enter", "edit", N_("edit")),
        Binding("x,delete", "remove", N_("remove")),
        Binding("c", "mark('cold')", N_("cold")),
        Binding("w", "mark('warm')", N_("warm")),
        Binding("h", "mark('hot')", N_("hot")),
        Binding("escape", "close", N_("close")),
    ]

    def __init__(self, link: MeetingLink, contributions: tuple[Contribution, ...]) -> None:
        super().__init__()
        self.link = link
        self.ids = [c.id for c in contributions]
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="correct"):
            yield Static(_("Correct what was captured"), id="correct-title")
            yield OptionList(id="correct-list")
            yield Input(id="correct-input", select_on_focus=False)
            yield Static(id="correct-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#correct-input", Input).display = False
        self.fill()
        self.query_one("#correct-list", OptionList).focus()

    def current(self) -> list[Contribution]:
        state = self.link.state
        found = (state.contribution(cid) for cid in self.ids)
        return [c for c in found if c is not None]

    def fill(self) -> None:
        items = self.current()
        listing = self.query_one("#correct-list", OptionList)
        keep = listing.highlighted or 0
        listing.clear_options()
        for i, c in enumerate(items, 1):
            line = f"{i:>2} {self.link.name(c.author)}: {c.text}"
            if c.mark:
                line += f"  [{mark_label(c.mark)}]"
            listing.add_option(Option(line, id=c.id))
        if items:
            listing.highlighted = min(keep, len(items) - 1)
        questions = any(c.kind is ContributionKind.QUESTION for c in items)
        hint = _("Enter edits · x removes · Escape closes")
        if questions:
            hint += " · " + _("the owner's word: c cold, w warm, h hot")
        if not items:
            hint = _("Nothing captured in this phase yet.") + " " + _("Escape closes")
        self.query_one("#correct-hint", Static).update(hint)

    def chosen(self) -> Contribution | None:
        listing = self.query_one("#correct-list", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self.link.state.contribution(option.id or "")

    def send(self, command: cmd.Command) -> None:
        try:
            self.link.do(command)
        except DomainError as exc:
            self.notify(str(exc), severity="warning", timeout=6)
        self.fill()

    def action_edit(self) -> None:
        found = self.chosen()
        if found is None or self.editing is not None:
            return
        if found.kind not in (
            ContributionKind.QUESTION,
            ContributionKind.REMARK,
            ContributionKind.NOTE,
            ContributionKind.TAKEAWAY,
            ContributionKind.WRITING,
            ContributionKind.FORCE,
            ContributionKind.EVALUATION,
        ):
            self.notify(_("Remove it and enter it again."), severity="warning")
            return
        self.editing = found.id
        field = self.query_one("#correct-input", Input)
        field.value = found.text
        field.cursor_position = len(found.text)
        field.display = True
        field.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter on the list: edit the highlighted contribution
        self.action_edit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.editing is None:
            return
        contribution_id, self.editing = self.editing, None
        event.input.display = False
        self.query_one("#correct-list", OptionList).focus()
        self.send(cmd.EditContribution(contribution_id=contribution_id, text=event.value.strip()))

    def action_remove(self) -> None:
        found = self.chosen()
        if found is None or self.editing is not None:
            return
        from intervisie.tui.app.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.send(cmd.RemoveContribution(contribution_id=found.id))

        self.app.push_screen(
            ConfirmScreen(
                _("Remove this contribution?"),
                f"{self.link.name(found.author)}: {found.text}",
                yes=_("Remove"),
                no=_("Cancel"),
            ),
            answered,
        )

    def action_mark(self, mark: str) -> None:
        found = self.chosen()
        if found is None or self.editing is not None:
            return
        if found.kind is not ContributionKind.QUESTION:
            self.notify(_("Only a question gets the owner's mark."), severity="warning")
            return
        again = None if found.mark == mark else mark  # the same key takes the mark back
        self.send(cmd.MarkQuestion(contribution_id=found.id, mark=again))

    def action_close(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.query_one("#correct-input", Input).display = False
            self.query_one("#correct-list", OptionList).focus()
            return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark":
            return any(c.kind is ContributionKind.QUESTION for c in self.current())
        return True
