"""What the meeting's screens share (the phase runner and the steps around the rounds).

Each shows one capture widget for what is said now and sends the engine commands: `a` or
Enter goes to the capture field, Escape back to the single keys, space pauses, and a
command the engine refuses is a warning, never an error. Subclasses say which capture is
current (`capture`), what it needs to know (`context`) and how to draw the state.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.widgets import Input

from intervisie.core.i18n import N_, _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError
from intervisie.tui.app.screens.base import BaseScreen
from intervisie.tui.app.screens.link import MeetingLink
from intervisie.tui.app.widgets.capture import Capture, CaptureError, Context


class CapturingScreen(BaseScreen):
    """A screen of a running meeting, with a capture field."""

    AUTO_FOCUS = ""  # single keys act at once; `a` or Enter goes to the capture field
    meeting_running = True
    BINDINGS = [Binding("w", "attendance", N_("who is here"))]

    def __init__(self, link: MeetingLink) -> None:
        super().__init__()
        self.link = link

    @property
    def capture(self) -> Capture | None:
        raise NotImplementedError

    def context(self) -> Context:
        raise NotImplementedError

    def render_state(self) -> None:
        raise NotImplementedError

    def run_command(self, command: cmd.Command) -> bool:
        """Send `command` to the engine; a refusal is shown as a warning. True if done."""
        try:
            self.link.do(command)
        except DomainError as exc:
            self.notify(str(exc), severity="warning", timeout=6)
            return False
        self.render_state()
        return True

    def action_pause(self) -> None:
        self.run_command(cmd.Resume() if self.link.state.paused else cmd.Pause())

    def action_attendance(self) -> None:
        """Late arrivals, leaving early, breaks, and the certificate's own lines."""
        from intervisie.tui.app.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.link), lambda _result: self.render_state())

    def action_focus_capture(self) -> None:
        capture = self.capture
        if capture is not None:
            # At once, not after the queue: the letters typed next must land in the field.
            self.set_focus(capture.query_one(".capture-input", Input))

    def action_leave_capture(self) -> None:
        self.set_focus(None)
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        capture = self.capture
        if capture is None or not event.value.strip():
            return
        try:
            command = capture.command(event.value, self.context())
        except CaptureError as exc:
            self.notify(str(exc), severity="warning", timeout=6)
            return
        if self.run_command(command):
            event.input.value = ""
            event.input.focus()

    def confirm(self, title: str, body: str, yes: str, then: Callable[[], object]) -> None:
        """Ask first; `then` runs only on yes."""
        from intervisie.tui.app.screens.confirm import ConfirmScreen

        def done(answer: bool | None) -> None:
            if answer:
                then()

        self.app.push_screen(ConfirmScreen(title, body, yes=yes, no=_("Cancel")), done)
