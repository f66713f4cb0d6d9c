"""The first screen of the facilitator's app served in a browser: type your code.

The check runs off the event loop (the hash is deliberately slow); a wrong code is answered
only after the gate's delay, and after `MAX_ATTEMPTS` wrong codes the tab shows only that it
is locked.
"""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input

from intervisie.core.i18n import _
from intervisie.core.store.joincodes import Admission, CodeRefused, Gate, Locked
from intervisie.tui.app.widgets.plain import Static


class CodeScreen(Screen[Admission]):
    """Asks for a code until one lets the person in; dismissed with the `Admission`."""

    CSS_PATH = "code.tcss"

    def __init__(self, gate: Gate, title: str, explanation: str, *, delay_factor: float = 1.0):
        super().__init__()
        self.gate = gate
        self.heading = title
        self.explanation = explanation
        self.delay_factor = delay_factor
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="code-box"):
            yield Static(self.heading, id="code-title")
            yield Static(self.explanation, id="code-explanation")
            yield Input(placeholder="ABCDE-FGHJK", max_length=40, id="code")
            yield Static("", id="code-message")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def say(self, message: str) -> None:
        self.query_one("#code-message", Static).update(message)

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy or not event.value.strip():
            return
        self.busy = True
        field = self.query_one("#code", Input)
        field.disabled = True
        self.say(_("Checking…"))
        try:
            admission = await asyncio.to_thread(self.gate.try_code, event.value)
        except CodeRefused as refused:
            await asyncio.sleep(self.gate.delay() * self.delay_factor)
            if self.gate.locked:
                self.app.switch_screen(LockedScreen())
                return
            self.say(str(refused))
        except Locked:
            self.app.switch_screen(LockedScreen())
            return
        else:
            self.dismiss(admission)
            return
        finally:
            self.busy = False
        field.value = ""
        field.disabled = False
        field.focus()


class LockedScreen(Screen[None]):
    """Too many wrong codes: this tab takes no more."""

    CSS_PATH = "code.tcss"

    def compose(self) -> ComposeResult:
        with Vertical(id="code-box"):
            yield Static(_("Too many wrong codes"), id="code-title")
            yield Static(
                _(
                    "This tab is locked. Close it, ask the facilitator for your code, "
                    "and open the address again."
                ),
                id="locked",
            )
