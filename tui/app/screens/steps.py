"""The meeting's own steps around the rounds: revisit, intake and choice, and closing.

Each screen shows one capture widget for its step and sends the engine the step's commands;
`n` moves on. They share the runner's conventions (a / Enter to type, Escape for keys).
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _, current_language, ngettext
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.timing import meeting_timer
from intervisie.core.method.model import MeetingStep, PhaseKind
from intervisie.tui.app.screens.base import BaseModal, typing
from intervisie.tui.app.screens.capturing import CapturingScreen
from intervisie.tui.app.widgets.capture import (
    Capture,
    CaptureError,
    ChoiceCapture,
    Context,
    EvaluationCapture,
    IntakeCapture,
    split_numbers,
)
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.labels import text
from intervisie.tui.app.widgets.plain import OptionList, Static
from intervisie.tui.app.widgets.timer import clock_text


class StepScreen(CapturingScreen):
    """Base of the step screens: a title, an explanation, one capture widget, the footer."""

    CSS_PATH = ["steps.tcss", "../widgets/capture.tcss"]
    BINDINGS = [
        Binding("n", "next", N_("next")),
        Binding("a", "focus_capture", N_("add")),
        Binding("enter", "focus_capture", N_("add")),
        Binding("escape", "leave_capture", N_("done")),
        Binding("space", "pause", N_("pause"), show=False),
        Binding("question_mark", "app.help", N_("help")),
        Binding("l", "app.switch_language", N_("language"), show=False),
        Binding("q", "app.request_quit", N_("quit"), show=False),
    ]
    STEP: MeetingStep | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="step-title")
        yield Static(id="step-intro")
        yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield self.make_capture()

    def make_capture(self) -> Capture:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.link.on_problem = lambda message: self.notify(message, severity="error", timeout=10)
        self.render_state()
        self.set_interval(15, self.link.heartbeat)
        self.set_interval(1, self.render_title)

    @property
    def capture(self) -> Capture | None:
        found = self.query(Capture)
        return found.first() if found else None

    def context(self) -> Context:
        return Context(self.link, current_language(), step=self.STEP)

    def heading(self) -> str:
        return ""

    def intro(self) -> RichText:
        return RichText()

    def render_title(self) -> None:
        state = self.link.state
        timer = meeting_timer(state, self.link.now())
        group = state.group.name if state.group is not None else ""
        left = RichText(" " + self.heading(), style="bold")
        if group:
            left.append(" · " + group)
        right = RichText(
            _("meeting {time}").format(time=clock_text(timer.elapsed))
            + ("  ‖ " + _("PAUSED") if state.paused else "")
            + " ",
            style="dim",
        )
        bar = self.query_one("#step-title", Static)
        room = max(bar.size.width, 80) - right.cell_len
        left.truncate(room, overflow="ellipsis")
        left.pad_right(room - left.cell_len)
        bar.update(left + right)

    def render_state(self) -> None:
        self.render_title()
        self.query_one("#step-intro", Static).update(self.intro())
        capture = self.capture
        if capture is not None:
            capture.show(self.context())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_capture":
            return typing(self)
        return True

    def describe_binding(self, key: str, description: str) -> str:
        if key in ("a", "enter") and typing(self):
            return _("add")
        return super().describe_binding(key, description)

    def relabel(self) -> None:
        super().relabel()
        self.render_state()


class RevisitCapture(Capture):
    """How it went since: a note per case from the group's previous meeting."""

    def title(self) -> str:
        return _("Cases from the previous meeting")

    def items(self, context: Context) -> RichText:
        state = context.link.state
        notes = state.contributions_in(step=MeetingStep.REVISIT)
        out = RichText()
        for i, case in enumerate(state.revisit, 1):
            if i > 1:
                out.append("\n")
            out.append(f"{i:>2} ", style="bold")
            out.append(context.link.name(case.owner), style="bold")
            out.append("  " + case.title)
            for note in (n for n in notes if n.target == case.id):
                out.append("\n     › " + note.text, style="italic")
        return out

    def hint(self, context: Context) -> str:
        return _("Case number, then how it went: 1 the talk went well")

    def placeholder(self, context: Context) -> str:
        return _("1 how it went")

    def command(self, raw: str, context: Context) -> cmd.Command:
        numbers, rest = split_numbers(raw)
        cases = context.link.state.revisit
        if not numbers or not 1 <= numbers[0] <= len(cases) or not rest:
            raise CaptureError(_("Type the case number and a note: 1 it went well."))
        return cmd.RevisitNote(case_id=cases[numbers[0] - 1].id, text=rest)


class RevisitScreen(StepScreen):
    STEP = MeetingStep.REVISIT

    def make_capture(self) -> Capture:
        return RevisitCapture(id="revisit")

    def heading(self) -> str:
        return _("Revisit")

    def intro(self) -> RichText:
        return RichText(
            _("How did it go since? Each owner says briefly what happened with their case."),
            style="bold",
        )

    def action_next(self) -> None:
        self.app.after_revisit(self.link)  # type: ignore[attr-defined]


class IntakeScreen(StepScreen):
    """The meeting's intake (members name cases) and choice (votes or EGT scores)."""

    BINDINGS = [
        *StepScreen.BINDINGS,
        Binding("e", "toggle_egt", N_("EGT"), show=False),
        Binding("m", "pick_method", N_("method")),
    ]

    def compose_body(self) -> ComposeResult:
        yield IntakeCapture(id="intake")
        yield ChoiceCapture(id="choice")

    @property
    def choosing(self) -> bool:
        return self.link.state.step is MeetingStep.CHOICE

    @property
    def capture(self) -> Capture | None:
        wid = "#choice" if self.choosing else "#intake"
        return self.query_one(wid, Capture)

    def context(self) -> Context:
        return Context(self.link, current_language(), step=self.link.state.step)

    def render_state(self) -> None:
        self.query_one("#intake").display = not self.choosing
        self.query_one("#choice").display = self.choosing
        super().render_state()

    def heading(self) -> str:
        return _("Choice") if self.choosing else _("Intake")

    def intro(self) -> RichText:
        lang = current_language()
        method = self.app.next_method(self.link)  # type: ignore[attr-defined]
        out = RichText()
        if self.choosing:
            out.append(_("Everyone votes for the case they can learn most from."), style="bold")
        else:
            out.append(_("Who brings in a case? Note a short title for each."), style="bold")
        out.append("\n" + _("Method: {name}").format(name=text(method.name, lang)), style="dim")
        return out

    def action_toggle_egt(self) -> None:
        capture = self.capture
        if isinstance(capture, ChoiceCapture):
            capture.egt = not capture.egt
            capture.show(self.context())

    def action_pick_method(self) -> None:
        def picked(method_id: str | None) -> None:
            if method_id:
                self.app.plan_method(self.link, method_id)  # type: ignore[attr-defined]
                self.render_state()

        self.app.push_screen(MethodPicker(), picked)

    def action_next(self) -> None:
        state = self.link.state
        if not self.choosing:
            if not state.cases:
                self.notify(_("Name at least one case first."), severity="warning")
                return
            self.run_command(cmd.StartStep(step=MeetingStep.CHOICE))
            return
        chosen = state.chosen
        discussed = set(state.discussed_case_ids())
        if (chosen is None or chosen.case_id in discussed) and not self.run_command(
            cmd.ChooseCase()
        ):
            return
        chosen = self.link.state.chosen
        case = self.link.state.case(chosen.case_id) if chosen else None
        if case is None:
            return
        body = _("Case owner: {name}.").format(name=self.link.name(case.owner))
        if chosen is not None and chosen.tied:
            body += " " + _("It was a tie: the first named won.")
        self.confirm(
            _("Chosen: {title}").format(title=case.title),
            body + " " + _("Start the round?"),
            _("Start"),
            lambda: self.app.start_round(self.link),  # type: ignore[attr-defined]
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_egt":
            return self.choosing
        return super().check_action(action, parameters)


class ClosingScreen(StepScreen):
    """After a round: another round, or the meeting's closing evaluation."""

    BINDINGS = [
        *StepScreen.BINDINGS,
        Binding("c", "close_meeting", N_("close the meeting")),
        Binding("m", "pick_method", N_("method"), show=False),
    ]
    STEP = MeetingStep.CLOSING

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="closing-choice"):
            yield Static(id="closing-rounds")
        yield EvaluationCapture(id="closing-eval")

    @property
    def closing(self) -> bool:
        return self.link.state.step is MeetingStep.CLOSING

    def render_state(self) -> None:
        self.query_one("#closing-eval").display = self.closing
        self.query_one("#closing-choice").display = not self.closing
        super().render_state()

    def heading(self) -> str:
        return _("Closing") if self.closing else _("Round finished")

    def intro(self) -> RichText:
        state = self.link.state
        lang = current_language()
        out = RichText()
        if self.closing:
            out.append(
                _("How was this meeting? Each member gives a score (0-10) and a remark."),
                style="bold",
            )
            out.append("\n" + _("n finishes the meeting."), style="dim")
            return out
        for i, rnd in enumerate(state.rounds, 1):
            case = state.case(rnd.case_id) if rnd.case_id else None
            out.append(f"✓ {_('Round {n}').format(n=i)}: {text(rnd.method.name, lang)}")
            if case is not None:
                out.append(f' · "{case.title}" · {self.link.name(case.owner)}')
            out.append("\n")
        left = state.leftover_cases()
        if left:
            out.append(
                ngettext(
                    "{count} case still on the list.", "{count} cases still on the list.", len(left)
                ).format(count=len(left))
                + "\n",
                style="dim",
            )
        method = self.app.next_method(self.link)  # type: ignore[attr-defined]
        out.append("\n")
        out.append(
            _("n: another round with {method} (m: another method) · c: close the meeting").format(
                method=text(method.name, lang)
            ),
            style="bold",
        )
        return out

    def action_next(self) -> None:
        if self.closing:
            self.confirm(
                _("Finish the meeting?"),
                _("The meeting is saved and closed; the summary follows."),
                _("Finish"),
                self.finish,
            )
            return
        self.app.another_round(self.link)  # type: ignore[attr-defined]

    def finish(self) -> None:
        if self.run_command(cmd.FinishMeeting()):
            self.app.route(self.link)  # type: ignore[attr-defined]

    def action_close_meeting(self) -> None:
        if not self.closing:
            self.run_command(cmd.StartStep(step=MeetingStep.CLOSING))

    def action_pick_method(self) -> None:
        def picked(method_id: str | None) -> None:
            if method_id:
                self.app.plan_method(self.link, method_id)  # type: ignore[attr-defined]
                self.render_state()

        self.app.push_screen(MethodPicker(), picked)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("close_meeting", "pick_method"):
            return not self.closing
        if action in ("focus_capture",):
            return self.closing
        return super().check_action(action, parameters)

    def describe_binding(self, key: str, description: str) -> str:
        if key == "n":
            return _("finish") if self.closing else _("another round")
        return super().describe_binding(key, description)


class MethodPicker(BaseModal[str | None]):
    """Pick the method for the next round."""

    CSS_PATH = "steps.tcss"
    AUTO_FOCUS = "#picker-list"  # the arrows move through the methods at once
    BINDINGS = [Binding("escape", "dismiss(None)", N_("cancel"))]

    def compose(self) -> ComposeResult:
        lang = current_language()
        with VerticalScroll(id="picker"):
            yield Static(_("Method for the next round"), id="picker-title")
            yield OptionList(
                *[
                    Option(text(m.method.name, lang), id=mid)
                    for mid, m in self.app.registry.methods.items()  # type: ignore[attr-defined]
                ],
                id="picker-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


__all__ = ["ClosingScreen", "IntakeScreen", "MethodPicker", "PhaseKind", "RevisitScreen"]
