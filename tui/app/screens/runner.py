"""The phase runner, the heart of the app: where the group is, what holds now, how much time
is left, and what is being said.

Top to bottom: the round's title and the meeting's clock; the stepper with the owner-position
timeline; the phase (name, lens chip, goal, rules, the case owner's position in words, what
the facilitator and participants do, prompts) beside the large timer; the capture widget of
the phase's kind. Every key sends one command to the engine; the screen renders its state.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import ContentSwitcher, Input

from intervisie.core.i18n import N_, _, current_language
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.timing import meeting_timer, phase_timer, turn_timer
from intervisie.core.method.model import Lens, OwnerPosition, PhaseKind
from intervisie.tui.app.screens.base import typing
from intervisie.tui.app.screens.capturing import CapturingScreen
from intervisie.tui.app.screens.link import MeetingLink
from intervisie.tui.app.widgets.capture import CAPTURES, Capture, ChoiceCapture, Context
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.labels import OWNER_COLOUR, OWNER_SYMBOL, owner_long, text
from intervisie.tui.app.widgets.lens import lens_chip, lens_style
from intervisie.tui.app.widgets.plain import Static
from intervisie.tui.app.widgets.stepper import Stepper
from intervisie.tui.app.widgets.timer import PhaseTimer, clock_text

ADD_WORD = {
    PhaseKind.INTAKE: N_("case"),
    PhaseKind.CHOICE: N_("vote"),
    PhaseKind.PRESENTATION: N_("note"),
    PhaseKind.QUESTIONS: N_("question"),
    PhaseKind.WRITING: N_("write"),
    PhaseKind.ROUND: N_("remark"),
    PhaseKind.DISCUSSION: N_("note"),
    PhaseKind.FORCES: N_("force"),
    PhaseKind.RATING: N_("rate"),
    PhaseKind.EVALUATION: N_("evaluate"),
}


class RunnerScreen(CapturingScreen):
    CSS_PATH = ["runner.tcss", "../widgets/timer.tcss", "../widgets/capture.tcss"]
    BINDINGS = [
        Binding("space", "pause", N_("pause")),
        Binding("n", "next_phase", N_("next")),
        Binding("b", "previous_phase", N_("back")),
        Binding("plus", "extend", N_("minute")),
        Binding("t", "next_turn", N_("turn")),
        Binding("a", "focus_capture", N_("add")),
        Binding("enter", "focus_capture", N_("add")),
        Binding("r", "reveal", N_("reveal")),
        Binding("c", "correct", N_("correct"), show=False),
        Binding("pagedown", "scroll_info", N_("more")),
        Binding("pageup", "scroll_info(-1)", N_("more"), show=False),
        Binding("down", "scroll_list(1)", N_("scroll"), show=False),
        Binding("up", "scroll_list(-1)", N_("scroll"), show=False),
        Binding("e", "toggle_egt", N_("EGT"), show=False),
        Binding("s", "skip_phase", N_("skip"), show=False),
        Binding("escape", "leave_capture", N_("done")),
        Binding("question_mark", "app.help", N_("help")),
        Binding("l", "app.switch_language", N_("language"), show=False),
        Binding("q", "app.request_quit", N_("quit"), show=False),
    ]

    def __init__(self, link: MeetingLink) -> None:
        super().__init__(link)
        self.title_text = RichText()
        self.rang: set[tuple[str, str]] = set()
        self._shown_phase: tuple[str, str] | None = None
        self.drafts: dict[tuple[str, str], str] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="runner-title")
        yield Stepper(id="stepper")
        with Horizontal(id="phase-area"):
            with VerticalScroll(id="phase-info"):
                yield Static(id="phase-name")
                yield Static(id="owner-banner")
                yield Static(id="lens")
                yield Static(id="goal")
                yield Static(id="rules")
                yield Static(id="roles")
                yield Static(id="prompts")
            yield PhaseTimer(id="timer")
        rnd = self.link.state.round
        kinds = []
        if rnd is not None:
            for run in rnd.phases:
                if run.phase.kind not in kinds:
                    kinds.append(run.phase.kind)
        with ContentSwitcher(id="captures"):
            for kind in kinds:
                yield CAPTURES[kind](id=f"capture-{kind.value}")
        yield KeyBar()

    def on_mount(self) -> None:
        self.link.on_problem = lambda message: self.notify(message, severity="error", timeout=10)
        state = self.link.state
        rnd = state.round
        if rnd is not None:
            # A phase already over when the screen opens (a resumed meeting) rang before.
            timer = phase_timer(state, self.link.now())
            if timer is not None and timer.remaining <= 0:
                self.rang.add((rnd.id, rnd.phase.id))
        self.render_state()
        self.set_interval(0.5, self.tick)
        self.set_interval(15, self.link.heartbeat)

    # -- rendering ----------------------------------------------------------------------

    @property
    def capture(self) -> Capture | None:
        switcher = self.query_one("#captures", ContentSwitcher)
        if switcher.current is None:
            return None
        return self.query_one(f"#{switcher.current}", Capture)

    def context(self) -> Context:
        state = self.link.state
        rnd = state.round
        return Context(
            self.link, current_language(), rnd, rnd.phase if rnd is not None else None, None
        )

    def render_state(self) -> None:
        state = self.link.state
        rnd = state.round
        if rnd is None:
            self.app.route(self.link)  # type: ignore[attr-defined]
            return
        lang = current_language()
        run = rnd.phase
        phase = run.phase
        method_name = text(rnd.method.name, lang)
        case = state.case(rnd.case_id) if rnd.case_id else None
        title = RichText(" " + method_name, style="bold")
        title.append(" · " + _("Round {n}").format(n=len(state.rounds)))
        if case is not None:
            title.append(f' · "{case.title}"')
        self.title_text = title
        self.query_one("#stepper", Stepper).show(rnd, lang)
        number = rnd.current + 1
        name = RichText(
            _("Phase {number}/{total}").format(number=number, total=len(rnd.phases)) + "  ",
            style="bold",
        )
        name.append(text(phase.name, lang), style="bold underline")
        if run.skipped:
            name.append("  (" + _("skipped") + ")", style="dim")
        self.query_one("#phase-name", Static).update(name)
        self.query_one("#owner-banner", Static).update(self.owner_banner())
        lens = self.query_one("#lens", Static)
        if phase.lens is not None:
            chip = lens_chip(phase.lens, lang)
            holders = rnd.lenses.get(phase.lens.id)
            if holders:
                chip.append(
                    "\n"
                    + _("Wearing it: {names}").format(
                        names=", ".join(self.link.name(m) for m in holders)
                    )
                )
                chip.append_text(self.hats_line(rnd))
            lens.update(chip)
            lens.display = True
        else:
            lens.display = False
        goal = RichText()
        if phase.goal:
            goal.append(_("Goal: "), style="bold")
            goal.append(text(phase.goal, lang))
        self.query_one("#goal", Static).update(goal)
        rules = RichText()
        for i, rule in enumerate(phase.rules):
            rules.append((_("Rules: ") if i == 0 else "       "), style="bold")
            rules.append(text(rule, lang) + ("\n" if i < len(phase.rules) - 1 else ""))
        self.query_one("#rules", Static).update(rules)
        roles = RichText()
        for label, value in (
            (_("Facilitator: "), phase.instructions.facilitator),
            (_("Participants: "), phase.instructions.participants),
            (_("Case owner: "), phase.instructions.case_owner),
        ):
            if value:
                if roles:
                    roles.append("\n")
                roles.append(label, style="bold")
                roles.append(text(value, lang))
        self.query_one("#roles", Static).update(roles)
        prompts = RichText()
        for i, prompt in enumerate(phase.prompts):
            prompts.append(("› " if i == 0 else "\n› ") + text(prompt, lang), style="italic")
        self.query_one("#prompts", Static).update(prompts)
        switcher = self.query_one("#captures", ContentSwitcher)
        wanted = f"capture-{phase.kind.value}"
        if self._shown_phase not in (None, (rnd.id, run.id)):
            self.keep_draft(self._shown_phase)
        if switcher.current != wanted:
            switcher.current = wanted
        if self._shown_phase != (rnd.id, run.id):
            self.restore_draft((rnd.id, run.id))
        capture = self.capture
        if capture is not None:
            capture.show(self.context())
            self.fit_phase_area()
        self.tick()
        self.refresh_bindings()
        if self._shown_phase != (rnd.id, run.id):  # a new phase's texts start at the top
            self._shown_phase = (rnd.id, run.id)
            self.query_one("#phase-info", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self.refresh_bindings)  # `more` once the texts are laid out

    def keep_draft(self, phase_key: tuple[str, str]) -> None:
        """Text typed but not added stays with the phase it was typed in (never glued to the
        next phase's first entry); it is back in the field on returning there."""
        capture = self.capture
        if capture is None:
            return
        field = capture.query_one(".capture-input", Input)
        if field.value.strip():
            self.drafts[phase_key] = field.value
            self.notify(
                _("Not added, kept for its phase: {text}").format(text=field.value), timeout=6
            )
        field.value = ""

    def restore_draft(self, phase_key: tuple[str, str]) -> None:
        capture = self.capture
        if capture is not None and phase_key in self.drafts:
            capture.query_one(".capture-input", Input).value = self.drafts.pop(phase_key)

    def hats_line(self, rnd) -> RichText:
        """Assigned lenses: each participant's name with their hats beside it."""
        lenses: dict[str, Lens] = {}
        for run in rnd.phases:
            if run.phase.lens is not None:
                lenses.setdefault(run.phase.lens.id, run.phase.lens)
        worn: dict[str, list] = {}
        for lens_id, members in rnd.lenses.items():
            for member in members:
                if lens_id in lenses:
                    worn.setdefault(member, []).append(lenses[lens_id])
        out = RichText("\n")
        for i, (member, hats) in enumerate(worn.items()):
            if i:
                out.append("  ")
            out.append(self.link.name(member) + " ")
            for lens in hats:
                out.append(lens.symbol or "●", style=lens_style(lens.colour, chip=False))
        return out

    def owner_banner(self) -> RichText:
        state = self.link.state
        rnd = state.round
        assert rnd is not None
        position = rnd.phase.phase.owner
        if rnd.owner is None and position is not OwnerPosition.NONE:
            position = OwnerPosition.NONE
        name = self.link.name(rnd.owner) if rnd.owner else ""
        colour = OWNER_COLOUR[position]
        out = RichText()
        words = owner_long(position, name)
        if position is OwnerPosition.TURNED_AWAY:
            out.append(f" {OWNER_SYMBOL[position]} {words} ", style=f"bold reverse {colour}")
        else:
            out.append(f"{OWNER_SYMBOL[position]} ", style=colour)
            out.append(words, style=f"bold {colour}")
        return out

    def tick(self) -> None:
        state = self.link.state
        rnd = state.round
        if rnd is None:
            return
        now = self.link.now()
        timer = phase_timer(state, now)
        run = rnd.phase
        speaker = run.current_speaker
        self.query_one("#timer", PhaseTimer).show(
            timer,
            paused=state.paused,
            turn=turn_timer(state, now),
            speaker=self.link.name(speaker) if speaker else None,
            turn_no=min(run.turn + 1, len(run.turns)),
            turns=len(run.turns),
        )
        meeting = meeting_timer(state, now)
        title_bar = self.query_one("#runner-title", Static)
        right = RichText(
            _("meeting {time}").format(time=clock_text(meeting.elapsed))
            + ("  ‖ " + _("PAUSED") if state.paused else "")
            + " ",
            style="dim",
        )
        line = self.title_text.copy()
        room = max(title_bar.size.width, 80) - right.cell_len
        line.truncate(room - 1, overflow="ellipsis")
        line.pad_right(room - line.cell_len)
        title_bar.update(line + right)
        key = (rnd.id, run.id)
        if timer is not None and timer.remaining <= 0 and timer.running and key not in self.rang:
            self.rang.add(key)
            self.app.ring()  # type: ignore[attr-defined]

    # -- commands -----------------------------------------------------------------------

    def action_extend(self) -> None:
        if self.run_command(cmd.Extend(minutes=1)):
            rnd = self.link.state.round
            if rnd is not None:
                self.rang.discard((rnd.id, rnd.phase.id))
                timer = phase_timer(self.link.state, self.link.now())
                if timer is not None and timer.remaining <= 0:
                    self.rang.add((rnd.id, rnd.phase.id))

    def action_next_turn(self) -> None:
        self.run_command(cmd.NextTurn())

    def action_next_phase(self) -> None:
        rnd = self.link.state.round
        if rnd is None:
            return
        if rnd.current == len(rnd.phases) - 1:
            self.confirm(
                _("Finish the round?"),
                _("This was the last phase. Everything captured stays."),
                _("Finish"),
                lambda: self.finish_round(),
            )
            return
        before = rnd.phase
        if self.run_command(cmd.NextPhase()):
            self.after_phase_change(before.id)

    def after_phase_change(self, left: str) -> None:
        """Offer the reveal when a hidden phase was just left unrevealed; say a tie aloud."""
        state = self.link.state
        rnd = state.round
        if rnd is None:
            return
        run = rnd.phase_run(left)
        if run.phase.kind is PhaseKind.CHOICE and rnd.choice is not None:
            owner = self.link.name(rnd.choice.owner)
            case = state.case(rnd.choice.case_id)
            message = _("Chosen: {title} · case owner {name}").format(
                title=case.title if case else "?", name=owner
            )
            if rnd.choice.tied:
                message += " · " + _("a tie: the first named won")
            self.notify(message, timeout=8)
        if run.phase.hidden_until_reveal and not run.revealed:
            hidden = [c for c in state.contributions_in(rnd.id, left) if c.hidden]
            if hidden:
                self.confirm(
                    _("Reveal what was written?"),
                    _("{count} contributions of {phase} are hidden; reveal them all now?").format(
                        count=len(hidden), phase=text(run.phase.name, current_language())
                    ),
                    _("Reveal"),
                    lambda: self.run_command(cmd.Reveal(phase_id=left)),
                )

    def finish_round(self) -> None:
        self.run_command(cmd.FinishRound())  # render_state then routes to the closing screen

    def action_previous_phase(self) -> None:
        rnd = self.link.state.round
        if rnd is None or rnd.current == 0:
            self.notify(_("This is the first phase."), severity="warning")
            return
        target = rnd.phases[rnd.current - 1]
        self.confirm(
            _("Back to {phase}?").format(phase=text(target.phase.name, current_language())),
            _("Nothing captured is lost; the time of this phase is kept."),
            _("Go back"),
            lambda: self.run_command(cmd.PreviousPhase()),
        )

    def action_skip_phase(self) -> None:
        rnd = self.link.state.round
        if rnd is None or rnd.current == len(rnd.phases) - 1:
            return
        self.confirm(
            _("Skip this phase?"),
            _("Nothing captured is lost; you can come back with b."),
            _("Skip"),
            lambda: self.run_command(cmd.SkipPhase()),
        )

    def fit_phase_area(self) -> None:
        """Half the height for the phase's texts; a third where the force field is drawn
        (the diagram needs the room; pgdn brings the rest of the texts)."""
        height = self.app.size.height
        capture = self.capture
        fields = capture.query("ForceField") if capture is not None else None
        if fields and fields.first().display:
            share = max(height // 3, 6)
        else:
            share = max(height // 2 - 1, 8)
        self.query_one("#phase-area").styles.max_height = share

    def action_scroll_info(self, direction: int = 1) -> None:
        """The phase's texts below the fold (roles, prompts at 80x24) come into view a page
        at a time; past the last page, back to the top."""
        info = self.query_one("#phase-info", VerticalScroll)
        if direction > 0 and info.scroll_y >= info.max_scroll_y:
            info.scroll_home(animate=False)
        elif direction > 0:
            info.scroll_page_down(animate=False)
        else:
            info.scroll_page_up(animate=False)

    def action_scroll_list(self, lines: int = 1) -> None:
        """What the capture holds beyond its box (every force of a long force field at
        80x24) comes into view line by line with the arrows."""
        capture = self.capture
        if capture is not None:
            capture.query_one(".capture-list", VerticalScroll).scroll_relative(
                y=lines, animate=False
            )

    def action_reveal(self) -> None:
        self.run_command(cmd.Reveal())

    def action_correct(self) -> None:
        """Edit or remove what this phase captured, or mark its questions for the owner."""
        from intervisie.core.meeting.model import view_contributions
        from intervisie.tui.app.screens.correct import CorrectScreen

        rnd = self.link.state.round
        if rnd is None:
            return
        shown = view_contributions(self.link.state, rnd.id, rnd.phase.id).visible
        self.app.push_screen(CorrectScreen(self.link, shown), lambda _none: self.render_state())

    def action_toggle_egt(self) -> None:
        capture = self.capture
        if isinstance(capture, ChoiceCapture):
            capture.egt = not capture.egt
            capture.show(self.context())

    # -- keys that act now --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.link.state
        rnd = state.round
        if rnd is None:
            return True
        run = rnd.phase
        if action == "next_turn":
            return bool(run.turns) and run.current_speaker is not None
        if action == "reveal":  # only while something written is still hidden
            return any(
                r.phase.hidden_until_reveal
                and not r.revealed
                and any(c.hidden for c in state.contributions_in(rnd.id, r.id))
                for r in rnd.phases[: rnd.current + 1]
            )
        if action == "toggle_egt":
            return run.phase.kind is PhaseKind.CHOICE
        if action == "scroll_info":  # shown only when the phase's texts do not fit
            return self.query_one("#phase-info", VerticalScroll).max_scroll_y > 0
        if action == "leave_capture":
            return typing(self)
        if action == "previous_phase":
            return rnd.current > 0
        return True

    def describe_binding(self, key: str, description: str) -> str:
        state = self.link.state
        rnd = state.round
        if key == "space":
            return _("resume") if state.paused else _("pause")
        if key in ("a", "enter") and rnd is not None:
            if typing(self):
                return _("add")
            return _(ADD_WORD[rnd.phase.phase.kind])
        if key == "n" and rnd is not None and rnd.current == len(rnd.phases) - 1:
            return _("finish")
        return super().describe_binding(key, description)

    def relabel(self) -> None:
        super().relabel()
        self.render_state()

    def on_resize(self, event) -> None:
        self.fit_phase_area()
        # Room to spare: the timer in a large block font, to read from across the room.
        large = event.size.width >= 110 and event.size.height >= 34
        self.query_one("#timer", PhaseTimer).set_class(large, "-large")
