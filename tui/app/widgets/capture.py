"""Capture widgets, one per phase kind: a list of what was captured and one input line.

The widgets only turn a typed line into an engine command and render the state; the engine
decides whether it is allowed. Conventions, the same in every widget (shown as a hint):

- `Name: text` puts a contribution in a present member's name (first names will do);
  without it, the current speaker's turn decides, else the facilitator.
- Numbers first where something is picked or scored: `2` votes for case 2, `2 5 4 3` scores
  case 2 with EGT 5-4-3, `3 4` rates force 3 with a 4, `4 5 good pace` evaluates.
- `! text` is a take-away for the case owner (presentation, discussion, evaluation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input

from intervisie.core.i18n import N_, _, decimal, ngettext
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.model import (
    FACILITATOR,
    Contribution,
    PhaseRun,
    Round,
    Tally,
    average_scores,
    force_field_facts,
    revealed_before,
    view_contributions,
)
from intervisie.core.meeting.questions import QuestionWarning, question_warnings
from intervisie.core.method.model import ContributionKind, Criterion, MeetingStep, PhaseKind
from intervisie.tui.app.screens.link import MeetingLink
from intervisie.tui.app.widgets.forces import Force, ForceField
from intervisie.tui.app.widgets.labels import kind_title, text
from intervisie.tui.app.widgets.plain import Static

WARNING_LABEL = {
    QuestionWarning.CLOSED: N_("closed"),
    QuestionWarning.SUGGESTIVE: N_("suggestive"),
    QuestionWarning.INTERPRETING: N_("interpreting"),
    QuestionWarning.WHY: N_("why-question"),
}

MARK_NAMES = cmd.QUESTION_MARK_NAMES
MARK_STYLE = {"cold": "bold blue", "warm": "bold yellow", "hot": "bold red"}
"""The case owner's word on a question, as the questions list shows it."""

_NUMBERS = re.compile(r"^\s*((?:\d+\s*)+)(.*)$")


@frozen
class Context:
    """What a capture widget renders and where its contributions go."""

    link: MeetingLink
    lang: str
    round: Round | None = None
    run: PhaseRun | None = None
    step: MeetingStep | None = None

    @property
    def round_id(self) -> str | None:
        return self.round.id if self.round is not None else None

    @property
    def phase_id(self) -> str | None:
        return self.run.id if self.run is not None else None

    def contributions(self) -> tuple[Contribution, ...]:
        state = self.link.state
        if self.step is not None:
            return state.contributions_in(step=self.step)
        return state.contributions_in(self.round_id, self.phase_id)

    def speaker(self) -> str | None:
        return self.run.current_speaker if self.run is not None else None


def split_author(raw: str, link: MeetingLink) -> tuple[str | None, str]:
    """`Aylin: text` -> (Aylin's id, "text") when Aylin is present; else (None, raw).

    A short head before the first colon is taken for a name: one that is not a member present
    is refused with the names that are (never filed under someone else). A head that starts
    with `!` is a take-away's own label (`!Kernprobleem: ...`), and a head with a digit is
    text (`2: ...`, `10:30 ...`). The name typed twice (`Daniel: Daniel: ...`) counts once.
    """
    head, sep, rest = raw.partition(":")
    words = head.split()
    if not sep or not 0 < len(words) <= 3 or head.lstrip().startswith("!"):
        return None, raw.strip()
    if any(ch.isdigit() for ch in head) or not rest.strip():
        return None, raw.strip()
    member = link.member_by_name(head)
    if member is None:
        names = ", ".join(link.name(m) for m in link.state.present)
        raise CaptureError(
            _("{name} is not a member present; present: {names}.").format(
                name=head.strip(), names=names
            )
        )
    again, sep2, after = rest.partition(":")
    if sep2 and link.member_by_name(again) == member:
        rest = after
    return member, rest.strip()


def who_says(author: str | None, context: Context, example: str) -> str:
    """The author typed, else whose turn it is; without either the field asks for the name."""
    found = author or context.speaker()
    if found is None:
        raise CaptureError(
            _("Whose is it? Start with the name: '{example}'").format(example=example)
        )
    return found


def split_numbers(raw: str) -> tuple[list[int], str]:
    """`2 5 4 good` -> ([2, 5, 4], "good")."""
    match = _NUMBERS.match(raw)
    if not match:
        return [], raw.strip()
    return [int(n) for n in match.group(1).split()], match.group(2).strip()


class CaptureError(ValueError):
    """A typed line the widget cannot make into a command; the message says what to type."""


class Capture(Vertical):
    """Base: items above, hint and input below."""

    KIND: PhaseKind | None = None

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context: Context | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="capture-list", can_focus=False):
            yield self.list_widget()
        yield Static(id="capture-hint", classes="capture-hint")
        yield Input(id="capture-input", classes="capture-input", select_on_focus=False)

    def list_widget(self) -> Widget:
        """What stands above the hint: the captured items (the force field overrides it)."""
        return Static(id="capture-items")

    def show(self, context: Context) -> None:
        self.context = context
        self.border_title = self.title()
        self.show_list(context)
        self.query_one("#capture-hint", Static).update(RichText(self.hint(context), style="dim"))
        self.query_one(".capture-input", Input).placeholder = "> " + self.placeholder(context)

    def show_list(self, context: Context) -> None:
        self.query_one("#capture-items", Static).update(self.items(context))
        self.query_one(".capture-list", VerticalScroll).scroll_end(animate=False)

    # -- to override --------------------------------------------------------------------

    def title(self) -> str:
        return kind_title(self.KIND) if self.KIND is not None else ""

    def items(self, context: Context) -> RichText:
        return self.lines(context, context.contributions())

    def hint(self, context: Context) -> str:
        return _("Name: text puts it in a member's name · ! text is a take-away")

    def placeholder(self, context: Context) -> str:
        return _("type here, Enter adds")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        if body.startswith("!"):
            owner = context.round.owner if context.round is not None else None
            return self.contribute(
                context, author or owner or FACILITATOR, ContributionKind.TAKEAWAY, body[1:]
            )
        kind = (
            ContributionKind.REMARK
            if author is not None and self.accepts(context, ContributionKind.REMARK)
            else ContributionKind.NOTE
        )
        return self.contribute(context, author or context.speaker() or FACILITATOR, kind, body)

    # -- helpers ------------------------------------------------------------------------

    def accepts(self, context: Context, kind: ContributionKind) -> bool:
        return context.run is not None and kind in context.run.phase.accepts()

    def contribute(
        self, context: Context, author: str, kind: ContributionKind, body: str, **fields
    ) -> cmd.Command:
        return cmd.AddContribution(
            author=author, kind=kind, text=body.strip(), step=context.step, **fields
        )

    def lines(self, context: Context, contributions: Sequence[Contribution]) -> RichText:
        out = RichText()
        if not contributions:
            out.append(_("Nothing captured yet."), style="dim italic")
            return out
        width = max((len(context.link.name(c.author)) for c in contributions), default=0)
        for i, c in enumerate(contributions, 1):
            if i > 1:
                out.append("\n")
            out.append(f"{i:>2} ", style="dim")
            out.append(context.link.name(c.author).ljust(min(width, 14)), style="bold")
            out.append("  ")
            if c.kind is ContributionKind.TAKEAWAY:
                out.append("! " + _("take-away") + ": ", style="bold")
            out.append(c.text)
            self.decorate(out, c)
        return out

    def decorate(self, out: RichText, contribution: Contribution) -> None:
        """Extra marks after a line (question warnings)."""


def has_forces(context: Context) -> bool:
    """Whether this round draws a force field (its method has a forces phase)."""
    rnd = context.round
    return rnd is not None and any(run.phase.kind is PhaseKind.FORCES for run in rnd.phases)


class NotesCapture(Capture):
    """The owner tells; in a force field round, `= text` names the goal for its middle."""

    KIND = PhaseKind.PRESENTATION

    def hint(self, context: Context) -> str:
        if has_forces(context):
            return _("= text names the goal (the middle of the force field) · ! take-away")
        return super().hint(context)

    def command(self, raw: str, context: Context) -> cmd.Command:
        if has_forces(context) and raw.strip().startswith("="):
            owner = context.round.owner if context.round is not None else None
            goal = raw.strip()[1:]
            return self.contribute(context, owner or FACILITATOR, ContributionKind.GOAL, goal)
        return super().command(raw, context)

    def items(self, context: Context) -> RichText:
        out = super().items(context)
        if has_forces(context) and context.round is not None:
            goal = force_field_facts(context.link.state, context.round.id).goal
            if goal:
                head = RichText("◆ " + _("Goal: "), style="bold")
                head.append(goal)
                head.append("\n")
                out = head + out
        return out


class DiscussionCapture(Capture):
    """Open talk; in a force field round the diagram stays in view, with the strongest
    forces marked (`* 3`), actions on a force (`3 text`) and the owner's picks (`+ 2`)."""

    KIND = PhaseKind.DISCUSSION
    _shown: tuple[str | None, str | None] | None = None
    """The round and phase the list was last drawn for, and how many lines it held."""
    _count = 0

    def list_widget(self) -> Widget:
        return Vertical(
            ForceField(id="capture-field"), Static(id="capture-items"), classes="capture-body"
        )

    def show_list(self, context: Context) -> None:
        field = self.query_one("#capture-field", ForceField)
        field.display = has_forces(context)
        if field.display:
            sides, forces, top = round_forces(context)
            field.show(sides, forces, field_goal(context), top)
        self.query_one("#capture-items", Static).update(self.items(context))
        # A phase opens on the diagram; once a line is added, the newest stays in view
        # (the arrows bring the diagram back).
        where = (context.round_id, context.phase_id)
        count = len(context.contributions())
        scroll = self.query_one(".capture-list", VerticalScroll)
        shown: tuple[str | None, str | None] | None = getattr(self, "_shown", None)
        before: int = getattr(self, "_count", 0)
        if shown != where:
            self.call_after_refresh(scroll.scroll_home, animate=False)
        elif count > before:
            self.call_after_refresh(scroll.scroll_end, animate=False)
        self._shown, self._count = where, count

    def items(self, context: Context) -> RichText:
        if not has_forces(context) or context.round is None:
            return super().items(context)
        state = context.link.state
        facts = force_field_facts(state, context.round.id)
        _sides, forces, _top = round_forces(context)
        number = {f.id: i for i, f in enumerate(force_items(context), 1)}
        out = RichText()
        strong = [f for f in forces if f.strong]
        if strong:
            out.append("★ " + _("Strongest: "), style="bold")
            out.append(", ".join(f"{f.number} {f.text}" for f in strong))
            out.append("\n")
        for i, action in enumerate(facts.actions, 1):
            picked = action.id in facts.picks
            out.append(f"A{i} ", style="bold")
            out.append(f"→ {number.get(action.target or '', '?')}  ", style="dim")
            out.append(context.link.name(action.author) + ": ", style="bold")
            out.append(action.text)
            if picked:
                out.append("  ✓ " + _("chosen"), style="bold green")
            out.append("\n")
        said = [
            c
            for c in context.contributions()
            if c.kind not in (ContributionKind.MARK, ContributionKind.ACTION, ContributionKind.PICK)
        ]
        if said:
            out.append_text(self.lines(context, said))
        return out

    def hint(self, context: Context) -> str:
        if has_forces(context):
            return _("* 3 strongest · 3 text: action on force 3 · + 2: owner picks action 2")
        return super().hint(context)

    def command(self, raw: str, context: Context) -> cmd.Command:
        if not has_forces(context) or context.round is None:
            return super().command(raw, context)
        author, body = split_author(raw, context.link)
        forces = force_items(context)
        facts = force_field_facts(context.link.state, context.round.id)
        if body.startswith("*"):
            numbers, _rest = split_numbers(body[1:])
            force = self.numbered(forces, numbers, _("There is no force {n}."))
            mark = facts.marks.get(force.id)
            if mark is not None:  # marked again: the mark comes off
                return cmd.RemoveContribution(contribution_id=mark)
            return self.contribute(
                context, author or FACILITATOR, ContributionKind.MARK, "", target=force.id
            )
        if body.startswith("+"):
            numbers, _rest = split_numbers(body[1:])
            action = self.numbered(list(facts.actions), numbers, _("There is no action {n}."))
            pick = facts.picks.get(action.id)
            if pick is not None:
                return cmd.RemoveContribution(contribution_id=pick)
            owner = context.round.owner or FACILITATOR
            return self.contribute(context, owner, ContributionKind.PICK, "", target=action.id)
        numbers, rest = split_numbers(body)
        if numbers and rest:
            force = self.numbered(forces, numbers, _("There is no force {n}."))
            return self.contribute(
                context,
                author or context.speaker() or FACILITATOR,
                ContributionKind.ACTION,
                rest,
                target=force.id,
            )
        return super().command(raw, context)

    @staticmethod
    def numbered(items: list[Contribution], numbers: list[int], missing: str) -> Contribution:
        if not numbers or not 1 <= numbers[0] <= len(items):
            raise CaptureError(missing.format(n=numbers[0] if numbers else "?"))
        return items[numbers[0] - 1]


class RoundCapture(Capture):
    KIND = PhaseKind.ROUND

    def items(self, context: Context) -> RichText:
        """What this round says, below what was written for it and revealed just before."""
        said = self.lines(context, context.contributions())
        if context.round is None or context.run is None:
            return said
        written = revealed_before(context.link.state, context.round.id, context.run.id)
        if not written:
            return said
        out = RichText("✎ " + _("Written and revealed:"), style="bold")
        out.append("\n")
        out.append_text(self.lines(context, written))
        if context.contributions():
            out.append("\n\n")
            out.append(_("Said in this round:"), style="bold")
            out.append("\n")
            out.append_text(said)
        return out

    def hint(self, context: Context) -> str:
        speaker = context.speaker()
        if speaker is not None:
            return _("Enter adds for {name} · t next turn · Name: text for someone else").format(
                name=context.link.name(speaker)
            )
        return _("Name: text puts it in a member's name · ! text is a take-away")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        if body.startswith("!"):
            owner = context.round.owner if context.round is not None else None
            return self.contribute(
                context, author or owner or FACILITATOR, ContributionKind.TAKEAWAY, body[1:]
            )
        return self.contribute(
            context, author or context.speaker() or FACILITATOR, ContributionKind.REMARK, body
        )


class QuestionsCapture(Capture):
    KIND = PhaseKind.QUESTIONS

    def hint(self, context: Context) -> str:
        return _("Name: question · ⚠ marks questions that look closed or suggestive")

    def placeholder(self, context: Context) -> str:
        return _("Name: question")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        asker = who_says(author, context, _("Aylin: what did you say then?"))
        return self.contribute(context, asker, ContributionKind.QUESTION, body)

    def decorate(self, out: RichText, contribution: Contribution) -> None:
        if contribution.kind is not ContributionKind.QUESTION:
            return
        warnings = question_warnings(contribution.text)
        if warnings:
            labels = ", ".join(_(WARNING_LABEL[w]) for w in warnings)
            out.append(f"   ⚠ {labels}", style="bold yellow")
        if contribution.mark in MARK_STYLE and not self.marks_hidden():
            out.append(
                f"   ● {_(MARK_NAMES[contribution.mark])}", style=MARK_STYLE[contribution.mark]
            )

    def marks_hidden(self) -> bool:
        """The method keeps the owner's marks from the others (the report has them)."""
        run = self.context.run if self.context is not None else None
        return run is not None and run.phase.owner_marks_hidden

    def items(self, context: Context) -> RichText:
        self.context = context
        out = super().items(context)
        marked = sum(1 for c in context.contributions() if c.mark)
        if marked and self.marks_hidden():
            out.append("\n")
            out.append(
                ngettext(
                    "The case owner marked {n} question (kept for the report).",
                    "The case owner marked {n} questions (kept for the report).",
                    marked,
                ).format(n=marked),
                style="dim italic",
            )
        return out


class WritingCapture(Capture):
    KIND = PhaseKind.WRITING

    def items(self, context: Context) -> RichText:
        if context.round is None or context.run is None:
            return RichText()
        view = view_contributions(context.link.state, context.round.id, context.run.id)
        out = self.lines(context, view.visible) if view.visible else RichText()
        if view.hidden_count:
            if view.visible:
                out.append("\n")
            out.append(
                "✎ "
                + _("{count} written, hidden until you reveal them (r)").format(
                    count=view.hidden_count
                ),
                style="bold",
            )
        elif not view.visible:
            out.append(_("Nothing written yet."), style="dim italic")
        return out

    def hint(self, context: Context) -> str:
        return _("Name: text · stays hidden until r reveals all of this phase at once")

    def placeholder(self, context: Context) -> str:
        return _("Name: what you would do")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        if author is None:
            raise CaptureError(_("Start with the writer's name: 'Aylin: ...'"))
        return self.contribute(context, author, ContributionKind.WRITING, body)


class IntakeCapture(Capture):
    KIND = PhaseKind.INTAKE

    def title(self) -> str:
        return _("Cases")

    def items(self, context: Context) -> RichText:
        state = context.link.state
        cases = state.cases
        out = RichText()
        if not cases:
            out.append(_("No case named yet."), style="dim italic")
        for i, case in enumerate(cases, 1):
            if i > 1:
                out.append("\n")
            out.append(f"{i:>2} ", style="dim")
            out.append(context.link.name(case.owner).ljust(12), style="bold")
            out.append("  " + case.title)
        return out

    def hint(self, context: Context) -> str:
        speaker = context.speaker()
        if speaker is not None:
            return _(
                "Enter adds {name}'s case · t next turn · Name: title for someone else"
            ).format(name=context.link.name(speaker))
        return _("Name: title of the case")

    def placeholder(self, context: Context) -> str:
        return _("Name: title of the case")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        owner = author or context.speaker()
        if owner is None:
            raise CaptureError(_("Start with the owner's name: 'Sanne: ...'"))
        return cmd.AddCase(owner=owner, title=body)


def case_numbers(context: Context) -> dict[str, int]:
    """Each case's number: its place on the meeting's list, the same in every round (a case
    that had its round keeps its number, so the others' numbers never shift)."""
    return {case.id: i for i, case in enumerate(context.link.state.cases, 1)}


class ChoiceCapture(Capture):
    """Votes (`2`) or EGT scores (`2 5 4 3`) on the case list; the voter moves on by itself."""

    KIND = PhaseKind.CHOICE

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.egt = False

    def title(self) -> str:
        return _("Choice: EGT scores") if self.egt else _("Choice: votes")

    def tally(self, context: Context) -> Tally:
        return context.link.state.tally(context.round_id, context.phase_id)

    def next_voter(self, context: Context) -> str | None:
        waiting = self.tally(context).waiting
        return waiting[0] if waiting else None

    def items(self, context: Context) -> RichText:
        counted = self.tally(context)
        top = max(counted.points.values(), default=0) or 1
        out = RichText()
        if not counted.cases:
            out.append(_("No case named yet."), style="dim italic")
        # Points first, then the owner and the title in full (a long one wraps): the names
        # and titles are what the group tells the cases apart by.
        numbers = case_numbers(context)
        for i, case in enumerate(counted.cases, 1):
            if i > 1:
                out.append("\n")
            got = counted.points_of(case.id)
            out.append(f"{numbers[case.id]:>2} ", style="bold")
            out.append(("█" * round(got / top * 8)).ljust(8), style="cyan")
            out.append(f" {decimal(got, 0 if got == int(got) else 1):>4}  ", style="bold")
            out.append(context.link.name(case.owner), style="bold")
            out.append("  " + case.title)
        return out

    def hint(self, context: Context) -> str:
        voter = self.next_voter(context)
        who = context.link.name(voter) if voter else _("everyone has voted")
        if self.egt:
            # The criteria by name, where the group scores: E, G and T alone say nothing.
            return _(
                "{who}: case, then Emotion, Shared, Time pressure (1-5): 2 5 4 3 · e votes"
            ).format(who=who)
        return _("{who}: case number · Name: 2 for someone else · e EGT · n decides").format(
            who=who
        )

    def placeholder(self, context: Context) -> str:
        return _("case number") if not self.egt else _("case E G T")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        voter = author or self.next_voter(context)
        numbers, _rest = split_numbers(body)
        cases = self.tally(context).cases
        if voter is None:
            raise CaptureError(_("Everyone has voted; 'Name: 2' changes a vote."))
        by_number = {n: cid for cid, n in case_numbers(context).items()}
        open_ids = {c.id for c in cases}
        if not numbers or by_number.get(numbers[0]) not in open_ids:
            shown = ", ".join(str(n) for n, cid in sorted(by_number.items()) if cid in open_ids)
            raise CaptureError(
                _("Type the number of a case on the list: {numbers}.").format(numbers=shown)
            )
        case = next(c for c in cases if c.id == by_number[numbers[0]])
        if self.egt:
            if len(numbers) != 4:
                raise CaptureError(_("Type the case and three scores: 2 5 4 3."))
            ratings = dict(zip(cmd.EGT_CRITERIA, numbers[1:], strict=True))
            return cmd.Score(scorer=voter, case_id=case.id, ratings=ratings)
        return cmd.Vote(voter=voter, case_id=case.id)


def round_forces(context: Context) -> tuple[list[tuple[str, str]], list[Force], float]:
    """The round's forces (numbered), the sides in order, and the top of the rating scale."""
    state = context.link.state
    rnd = context.round
    if rnd is None:
        return [], [], 5.0
    sides: list[tuple[str, str]] = []
    criterion: Criterion | None = None
    for run in rnd.phases:
        for side in run.phase.sides:
            if side.id not in [s for s, _n in sides]:
                sides.append((side.id, text(side.name, context.lang)))
        if run.phase.kind is PhaseKind.RATING and run.phase.criteria and criterion is None:
            criterion = run.phase.criteria[0]
    forces = force_items(context)
    marks = force_field_facts(state, rnd.id).marks
    out = []
    for i, force in enumerate(forces, 1):
        averages = state.average_ratings(force.id)
        if criterion is not None and criterion.id in averages:
            mean: float | None = averages[criterion.id].value
        else:
            mean = next(iter(averages.values())).value if averages else None
        out.append(Force(i, force.text, force.side or "", mean, force.id in marks))
    top = float(criterion.max) if criterion is not None else 5.0
    return sides, out, top


def force_items(context: Context) -> list[Contribution]:
    """The round's forces in the order named: their numbers are their places here."""
    if context.round is None:
        return []
    state = context.link.state
    return [c for c in state.contributions_in(context.round.id) if c.kind is ContributionKind.FORCE]


def field_goal(context: Context) -> str:
    """The middle of the diagram: the goal as named, else the case's title."""
    if context.round is None:
        return _("GOAL")
    goal = force_field_facts(context.link.state, context.round.id).goal
    case = context.link.state.case(context.round.case_id) if context.round.case_id else None
    return goal or (case.title if case is not None else _("GOAL"))


class ForcesCapture(Capture):
    KIND = PhaseKind.FORCES

    def list_widget(self) -> Widget:
        return ForceField(id="capture-field")

    def show_list(self, context: Context) -> None:
        sides, forces, top = round_forces(context)
        self.query_one("#capture-field", ForceField).show(sides, forces, field_goal(context), top)

    def hint(self, context: Context) -> str:
        sides = context.run.phase.sides if context.run is not None else ()
        if len(sides) > 1:
            return _("Start with 1 or 2 for the side · Name: text for a member")
        return _("One force a line · Name: text for a member")

    def placeholder(self, context: Context) -> str:
        return _("a force")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        sides = context.run.phase.sides if context.run is not None else ()
        if not sides:
            raise CaptureError(_("This phase has no sides."))
        side = sides[0].id
        numbers, rest = split_numbers(body)
        if len(sides) > 1 and numbers and 1 <= numbers[0] <= len(sides):
            side, body = sides[numbers[0] - 1].id, rest
        return self.contribute(
            context,
            who_says(author, context, _("Aylin: 1 time pressure")),
            ContributionKind.FORCE,
            body,
            side=side,
        )


class RatingCapture(ForcesCapture):
    KIND = PhaseKind.RATING

    def hint(self, context: Context) -> str:
        criteria = context.run.phase.criteria if context.run is not None else ()
        names = ", ".join(text(c.name, context.lang) for c in criteria)
        low = criteria[0].min if criteria else 1
        high = criteria[0].max if criteria else 5
        return _("Force number, then {names} ({low}-{high}): 3 4 · Name: 3 4").format(
            names=names, low=low, high=high
        )

    def placeholder(self, context: Context) -> str:
        return _("force and score")

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        numbers, _rest = split_numbers(body)
        criteria = context.run.phase.criteria if context.run is not None else ()
        if len(numbers) < 2:
            raise CaptureError(_("Type the force number and a score: 3 4."))
        forces = force_items(context)
        if not 1 <= numbers[0] <= len(forces):
            raise CaptureError(_("There is no force {n}.").format(n=numbers[0]))
        ratings = dict(zip([c.id for c in criteria], numbers[1:], strict=False))
        return self.contribute(
            context,
            who_says(author, context, _("Aylin: 3 4")),
            ContributionKind.RATING,
            "",
            ratings=ratings,
            target=forces[numbers[0] - 1].id,
        )


class EvaluationCapture(Capture):
    KIND = PhaseKind.EVALUATION

    def criteria(self, context: Context) -> list[tuple[str, str, int, int]]:
        if context.run is not None and context.run.phase.criteria:
            return [
                (c.id, text(c.name, context.lang), c.min, c.max) for c in context.run.phase.criteria
            ]
        return [("meeting", _("meeting"), 0, 10)]

    def items(self, context: Context) -> RichText:
        contributions = context.contributions()
        out = self.lines(context, contributions)
        criteria = self.criteria(context)
        averages = average_scores(
            c for c in contributions if c.kind is ContributionKind.EVALUATION and c.ratings
        )
        if averages:
            out.append("\n")
            parts = [
                f"{name} {decimal(averages[cid].value)}/{high}"
                for cid, name, _low, high in criteria
                if cid in averages
            ]
            out.append("Ø " + " · ".join(parts), style="bold")
        return out

    def decorate(self, out: RichText, contribution: Contribution) -> None:
        if contribution.ratings:
            scores = " ".join(str(v) for v in contribution.ratings.values())
            out.append(f"  [{scores}]", style="cyan")

    def hint(self, context: Context) -> str:
        names = " ".join(name for _cid, name, _low, _high in self.criteria(context))
        low, high = self.criteria(context)[0][2:]
        return _("Name: scores for {names} ({low}-{high}), then a remark · ! take-away").format(
            names=names, low=low, high=high
        )

    def scores_example(self, context: Context) -> str:
        """One score per criterion, within its range (`4 5` for two, `7` for the closing)."""
        criteria = self.criteria(context)
        return " ".join(
            str(max(low, min(high, high - 1 - i))) for i, (*_n, low, high) in enumerate(criteria)
        )

    def example(self, context: Context) -> str:
        return _("Aylin: {scores} good pace").format(scores=self.scores_example(context))

    def placeholder(self, context: Context) -> str:
        return _("Name: {scores} remark").format(scores=self.scores_example(context))

    def command(self, raw: str, context: Context) -> cmd.Command:
        author, body = split_author(raw, context.link)
        if body.startswith("!"):
            owner = context.round.owner if context.round is not None else None
            return self.contribute(
                context, author or owner or FACILITATOR, ContributionKind.TAKEAWAY, body[1:]
            )
        numbers, rest = split_numbers(body)
        ids = [cid for cid, *_r in self.criteria(context)]
        ratings = dict(zip(ids, numbers, strict=False))
        return self.contribute(
            context,
            who_says(author, context, self.example(context)),
            ContributionKind.EVALUATION,
            rest,
            ratings=ratings,
        )


CAPTURES: dict[PhaseKind, type[Capture]] = {
    PhaseKind.INTAKE: IntakeCapture,
    PhaseKind.CHOICE: ChoiceCapture,
    PhaseKind.PRESENTATION: NotesCapture,
    PhaseKind.QUESTIONS: QuestionsCapture,
    PhaseKind.WRITING: WritingCapture,
    PhaseKind.ROUND: RoundCapture,
    PhaseKind.DISCUSSION: DiscussionCapture,
    PhaseKind.FORCES: ForcesCapture,
    PhaseKind.RATING: RatingCapture,
    PhaseKind.EVALUATION: EvaluationCapture,
}
