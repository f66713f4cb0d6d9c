"""A yes/no dialog for anything that cannot be undone at a keystroke (going back, quitting).

Enter does what the dialog names (its button is labelled with that action and has the
focus), Escape cancels; the dialog's own key bar covers the screen's behind it, whose keys
(`n` next, ...) mean something else while the dialog is open.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from intervisie.core.i18n import N_
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import Static


class ConfirmScreen(BaseModal[bool]):
    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("enter", "answer(True)", N_("yes")),
        Binding("escape", "answer(False)", N_("cancel")),
        Binding("y,j", "answer(True)", N_("yes"), show=False),
        Binding("n", "answer(False)", N_("no"), show=False),
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
                yield Button(f"⏎ {self.yes}", id="yes", variant="primary")
                yield Button(f"esc {self.no}", id="no")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def describe_binding(self, key: str, description: str) -> str:
        if key == "enter":
            return self.yes
        if key == "escape":
            return self.no
        return super().describe_binding(key, description)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
