"""The store cannot be used: say what is wrong before a meeting starts, and what to do.

A corrupt store, one from a newer intervisie or a data folder that cannot be written used to
give a toast and then a meeting that ran in memory only, ending with "Everything so far is
saved". No real meeting runs without a store it can write: this dialog comes first and
offers another data folder, browsing read-only (home, the stored meetings as they are), or
a demo that is plainly not saved.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _
from intervisie.tui.app.screens.base import BaseModal
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import Static

FOLDER, BROWSE, DEMO = "folder", "browse", "demo"


class StoreProblemScreen(BaseModal[str | None]):
    """Dismissed with `folder` (a new data folder works now), `demo` or `browse`."""

    CSS_PATH = "store_problem.tcss"
    BINDINGS = [Binding("escape", "browse", N_("browse read-only"))]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("The meeting store cannot be used"), id="question")
            yield Static(self.problem, id="problem")
            yield Static(
                _("A meeting now would not be saved, so none is started. What would you like?"),
                id="body",
            )
            yield OptionList(
                Option(_("Use another data folder"), id=FOLDER),
                Option(_("Browse read-only (nothing is started)"), id=BROWSE),
                Option(_("Play a demo of this method: NOT SAVED"), id=DEMO),
                id="choices",
            )
            yield Input(placeholder=_("data folder, then Enter"), id="folder", classes="hidden")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == FOLDER:
            field = self.query_one("#folder", Input)
            field.remove_class("hidden")
            field.focus()
        else:
            self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        folder = event.value.strip()
        if not folder:
            return
        problem = self.app.use_data_dir(folder)  # type: ignore[attr-defined]
        if problem is None:
            self.dismiss(FOLDER)
        else:
            self.problem = problem
            self.query_one("#problem", Static).update(problem)

    def action_browse(self) -> None:
        self.dismiss(BROWSE)
