"""Help: the keys that act on the screen below, and the principles of the single keys."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen

from intervisie.core.i18n import N_, _
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.widgets.plain import Static


class HelpScreen(BaseModal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss(None)", N_("close"), show=True),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(id="help-title")
            yield Static(id="help-keys")
            yield Static(id="help-text")

    def on_mount(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#help-title", Static).update(_("Keys on this screen"))
        rows: list[tuple[str, str]] = []
        shown: set[str] = set()
        for active in self.under.own_bindings():  # type: ignore[attr-defined]
            binding = active.binding
            if not binding.description or binding.action in shown:
                continue
            shown.add(binding.action)
            rows.append((self.app.get_key_display(binding), binding.description))
        rows.append(("^p", _("commands: every action by name")))
        width = max((len(key) for key, _d in rows), default=1)
        keys = RichText()
        for i, (key, description) in enumerate(rows):
            if i:
                keys.append("\n")
            keys.append(key.rjust(width), style="bold")
            keys.append("  " + description)
        self.query_one("#help-keys", Static).update(keys)
        body = RichText()
        body.append(
            _(
                "Single keys act while no text field has focus. In a meeting, `a` or Enter "
                "opens the capture field: Enter adds and keeps the field, Escape gives the "
                "single keys back."
            )
        )
        body.append("\n\n")
        body.append(
            _(
                "Going back or skipping never loses what was captured. The meeting is saved "
                "as it goes: after a crash or quit, `intervisie resume` reopens it, paused."
            )
        )
        body.append("\n\n")
        body.append(_("Ctrl+P opens the command palette with every action."))
        self.query_one("#help-text", Static).update(body)
