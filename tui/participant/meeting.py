"""The participant's meeting screen: where the group is, what holds for you, your one input.

It renders a `ParticipantView` (see `view`) and sends the commands `command_for` makes; it
decides nothing itself. A timer polls the store a few times a second, so what others add
and what the facilitator moves shows within a second.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input

from intervisie.core.i18n import _, current_language
from intervisie.core.meeting.engine import DomainError
from intervisie.core.store.file import StoreError
from intervisie.tui.app.widgets.plain import Static
from intervisie.tui.participant.session import ParticipantSession
from intervisie.tui.participant.view import BadInput, CaptureSpec, command_for, participant_view
from intervisie.tui.participant.writer import MAX_TEXT, LimitExceeded


class MeetingScreen(Screen[None]):
    CSS_PATH = "participant.tcss"

    def __init__(self, session: ParticipantSession, *, poll_every: float = 0.25):
        super().__init__()
        self.session = session
        self.poll_every = poll_every
        self.spec: CaptureSpec | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="where")
        yield Static(id="banner")
        with VerticalScroll(id="info"):
            yield Static(id="guide")
            yield Static(id="lines")
            yield Static(id="hidden")
        yield Static(id="capture-label")
        yield Input(max_length=MAX_TEXT, id="capture")
        yield Static(id="message")

    def on_mount(self) -> None:
        self.query_one("#info").can_focus = False  # typing always goes to the one input
        self.render_view()
        self.set_interval(self.poll_every, self.poll)

    def poll(self) -> None:
        try:
            changed = self.session.poll()
        except StoreError as exc:
            self.say(str(exc))
            return
        if changed or not self.session.admitted:
            self.render_view()

    def say(self, message: str) -> None:
        self.query_one("#message", Static).update(message)

    def render_view(self) -> None:
        session = self.session
        view = participant_view(session.state, session.member, current_language())
        if not session.admitted:
            from intervisie.tui.participant.codes import MessageScreen

            title = _("The meeting is over. Thank you!") if view.over else _("Code replaced")
            self.app.switch_screen(
                MessageScreen(title, _("This tab's code no longer works. You can close it."))
            )
            return
        head = f"{view.where}   · {view.you}"
        if view.paused:
            head += "   ‖ " + _("PAUSED")
        self.query_one("#where", Static).update(head)
        banner = self.query_one("#banner", Static)
        banner.update(view.banner)
        banner.set_class(view.loud, "loud")
        guide: list[str] = []
        if view.lens:
            guide.append(view.lens)
        if view.goal:
            guide.append(_("Goal: ") + view.goal)
        guide += [_("Rule: ") + rule for rule in view.rules]
        if view.instructions:
            guide.append(_("You: ") + view.instructions)
        guide += ["› " + prompt for prompt in view.prompts]
        if view.turn:
            guide.append(view.turn)
        self.query_one("#guide", Static).update("\n".join(guide))
        self.query_one("#lines", Static).update("\n".join(view.lines))
        hidden = (
            _("{n} written by others, hidden until the facilitator reveals them.").format(
                n=view.hidden
            )
            if view.hidden
            else ""
        )
        self.query_one("#hidden", Static).update(hidden)
        field = self.query_one("#capture", Input)
        label = self.query_one("#capture-label", Static)
        if view.capture is None:
            label.update(view.why_not)
            field.display = False
        else:
            label.update(f"{view.capture.label} · {view.capture.hint}")
            field.display = True
            if self.spec is None or self.spec.capture != view.capture.capture:
                field.focus()
        self.spec = view.capture

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.spec is None:
            return
        try:
            command = command_for(self.spec, self.session.member, event.value)
            self.session.act(command)
        except (BadInput, DomainError, LimitExceeded) as exc:
            self.say(str(exc))
            return
        event.input.value = ""
        self.say(_("Added."))
        self.render_view()
