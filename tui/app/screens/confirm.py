"""A yes/no dialog for anything that cannot be undone at a keystroke (going back, quitting)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from intervisie.core.i18n import N_
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.widgets.plain import Static


class ConfirmScreen(BaseModal[bool]):
    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("yes"), show=False),
        Binding("n,escape", "answer(False)", N_("no"), show=False),
    ]

    def __init__(self, title: str, body: str = "", *, yes: str, no: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="question")
            if self.body:
                yield Static(self.body, id="body")
            with Horizontal(id="buttons"):
                yield Button(self.yes, id="yes", variant="primary")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
