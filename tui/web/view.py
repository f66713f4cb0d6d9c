"""What one participant's page (or the room view) shows now, as escaped HTML fragments.

Why plain functions of the meeting's state: who sees what is the point of the page (hidden
contributions stay a count until the reveal, votes stay secret until the choice closes, the
case owner outside the circle sees only that and their own notes, a lens phase is for its
holders), so it is decided here from `SessionState` and the viewer, and tested without a
browser. The server sends the fragments; the page's script only puts them in place. The
rules themselves come from core (`view_contributions`, `SessionState.eligible_cases` and
`tally`): nothing is counted or filtered here that core already decides.

`form_for` says what the viewer may add now; `command_from` turns the submitted form fields
into that one command, always in the viewer's own name. The engine checks everything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from intervisie.core.i18n import N_, _, ngettext
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.model import (
    Contribution,
    Round,
    SessionState,
    Status,
    view_contributions,
)
from intervisie.core.meeting.timing import phase_timer
from intervisie.core.method.model import ContributionKind, MeetingStep, OwnerPosition, PhaseKind
from intervisie.tui.app.widgets.labels import owner_long, text
from intervisie.tui.web.markup import Markup, join, tag

Kind = ContributionKind
ROOM = None
"""The viewer of the room view: nobody in particular, so it sees only what all may see."""


class Capture(StrEnum):
    """The kinds of form a participant can get."""

    TEXT = "text"
    CASE = "case"
    FORCE = "force"
    VOTE = "vote"
    RATING = "rating"
    EVALUATION = "evaluation"
    REVISIT = "revisit"


@frozen
class Form:
    """The one thing the viewer may add now, and the fields it asks for."""

    capture: Capture
    label: str
    hint: str
    context: str
    """Where it goes (a round's phase or a meeting step): a form for another place is stale."""
    kind: ContributionKind | None = None
    choices: tuple[tuple[str, str], ...] = ()
    """Things to pick (cases, sides, forces): (id, shown name)."""
    criteria: tuple[tuple[str, str, int, int], ...] = ()
    """Scores asked for: (criterion id, shown name, lowest, highest)."""
    step: MeetingStep | None = None
    picked: str | None = None
    """The viewer's current pick (their vote), checked when the form is drawn."""

    @property
    def signature(self) -> str:
        ids = ",".join(i for i, _n in self.choices)
        return f"{self.capture}:{self.context}:{self.kind or ''}:{ids}"


@frozen
class Page:
    """One viewer's page now: HTML per region, the form's signature and the timer."""

    regions: Mapping[str, str]
    form: Form | None
    timer: Mapping[str, object] | None
    over: bool = False

    def message(self) -> dict[str, object]:
        sig = self.form.signature if self.form is not None else ""
        return {"t": "view", "regions": dict(self.regions), "sig": sig, "timer": self.timer}


_YOU_AS_OWNER: dict[OwnerPosition, str] = {
    OwnerPosition.NONE: N_("No case owner yet: the group chooses a case first"),
    OwnerPosition.PRESENTING: N_("You tell your case; the others listen."),
    OwnerPosition.ANSWERING: N_("You answer the questions; give no opinions or reasons yet."),
    OwnerPosition.LISTENING: N_("You sit in the circle: silent, you listen. Take notes."),
    OwnerPosition.TURNED_AWAY: N_("You listen, back turned: stay silent and take notes."),
    OwnerPosition.PARTICIPATING: N_("You join in as a member."),
}

_STEP_TITLES: dict[MeetingStep, str] = {
    MeetingStep.REVISIT: N_("How did it go since? (cases of the previous meeting)"),
    MeetingStep.INTAKE: N_("Case intake: members name their cases"),
    MeetingStep.CHOICE: N_("Choosing the case"),
    MeetingStep.CLOSING: N_("Closing: how was this meeting?"),
}

_EGT_NAMES: dict[str, str] = {
    "emotion": N_("Emotion: how much it moves you"),
    "shared": N_("Shared: how much the group shares it"),
    "time": N_("Time: how urgent it is"),
}

_TEXT_FORMS: dict[PhaseKind, tuple[ContributionKind, str, str]] = {
    PhaseKind.PRESENTATION: (Kind.NOTE, N_("Your notes"), N_("Note what you want to remember.")),
    PhaseKind.QUESTIONS: (Kind.QUESTION, N_("Your question"), N_("One open, factual question.")),
    PhaseKind.WRITING: (
        Kind.WRITING,
        N_("Write privately"),
        N_("Only you see this until the facilitator reveals what everyone wrote."),
    ),
    PhaseKind.ROUND: (Kind.REMARK, N_("Your contribution"), N_("What you say in this round.")),
    PhaseKind.DISCUSSION: (Kind.REMARK, N_("Your remark"), N_("A remark for the discussion.")),
}

EDITABLE = frozenset(
    {Kind.QUESTION, Kind.WRITING, Kind.REMARK, Kind.NOTE, Kind.TAKEAWAY, Kind.FORCE}
)
"""Own contributions the page offers to edit or remove (votes move by voting again)."""


def name_of(state: SessionState, member_id: str | None) -> str:
    if member_id is None:
        return ""
    if member_id == "facilitator":
        return _("facilitator")
    return state.group.name_of(member_id) if state.group is not None else member_id


# =========================================================================================
# the page
# =========================================================================================


def page_for(
    state: SessionState,
    viewer: str | None,
    lang: str,
    now: datetime,
    *,
    facilitator_away: bool = False,
    pages: int = 1,
) -> Page:
    """The page of member `viewer` (None: the room view) at `now`.

    `facilitator_away`: the facilitator's app holds no live lease (it died or left);
    `pages`: how many pages are open with this viewer's code (more than one is shown)."""
    you = name_of(state, viewer) if viewer is not None else ""
    status = _status(state, facilitator_away, pages)
    if state.status is Status.FINISHED:
        return _plain(you, _("The meeting is over. Thank you!"), "", over=True)
    if state.status is Status.NOT_OPENED:
        return _plain(you, _("The meeting has not started yet."), status)
    rnd = state.round
    if rnd is not None:
        return _round_page(state, rnd, viewer, you, lang, now, status)
    return _step_page(state, viewer, you, lang, status)


def _status(state: SessionState, facilitator_away: bool, pages: int) -> str:
    notes = []
    if facilitator_away:
        notes.append(
            tag(
                "p",
                {"class": "warn"},
                _(
                    "The facilitator's app is not running. Stay on this page: it follows "
                    "the meeting again as soon as the facilitator is back."
                ),
            )
        )
    if state.paused:
        notes.append(tag("p", {"class": "paused"}, _("Paused")))
    if pages > 1:
        notes.append(
            tag(
                "p",
                {"class": "warn"},
                ngettext(
                    "Your code is open on {n} page. The facilitator sees this.",
                    "Your code is open on {n} pages. The facilitator sees this.",
                    pages,
                ).format(n=pages),
            )
        )
    return join(notes)


def _head(where: str, you: str) -> str:
    return join(
        tag("h1", {"id": "where"}, where),
        tag("p", {"class": "you"}, _("You: {name}").format(name=you)) if you else None,
    )


def _plain(you: str, where: str, status: str, *, over: bool = False) -> Page:
    regions = {
        "head": _head(where, you),
        "status": status,
        "guide": "",
        "items": "",
        "form": "",
        "rules": "",
    }
    return Page(regions, None, None, over=over)


def _regions(
    head: str | None,
    status: str | None,
    guide: str | None,
    items: str | None,
    form: Form | None,
    why_not: str = "",
    rules: str | None = "",
) -> dict[str, str]:
    regions = {
        "head": head,
        "status": status,
        "guide": guide,
        "items": items,
        "form": render_form(form) if form is not None else tag("p", {"class": "why"}, why_not),
        "rules": rules,
    }
    return {name: html or "" for name, html in regions.items()}


# -- the meeting's own steps ----------------------------------------------------------------


def _step_page(state: SessionState, viewer: str | None, you: str, lang: str, status: str) -> Page:
    step = state.step
    if step is None:
        return _plain(you, _("Between rounds: wait for the facilitator."), status)
    where = _(_STEP_TITLES[step])
    head = _head(where, you)
    if step is MeetingStep.CHOICE:
        return _choice_page(state, None, viewer, head, status, "", lang)
    form: Form | None = None
    why = ""
    items: Markup | None
    if step is MeetingStep.REVISIT:
        listed = [f"{name_of(state, c.owner)}: {c.title}" for c in state.revisit]
        items = join(_list(_("Cases of the previous meeting"), listed))
        items = join(items, _contributions(state, state.contributions_in(step=step), viewer))
        mine = [c for c in state.revisit if c.owner == viewer]
        if mine:
            form = Form(
                Capture.REVISIT,
                _("How did it go with your case?"),
                _("Tell the group how it went since."),
                f"step:{step}",
                Kind.NOTE,
                choices=tuple((c.id, c.title) for c in mine),
            )
        else:
            why = _("The owners of the earlier cases tell how it went.")
    elif step is MeetingStep.INTAKE:
        items = join(
            _list(_("Cases"), [f"{name_of(state, c.owner)}: {c.title}" for c in state.cases])
        )
        form = Form(
            Capture.CASE,
            _("Your case"),
            _("A short title for a case you bring in."),
            f"step:{step}",
        )
    else:
        items = _contributions(state, state.contributions_in(step=step), viewer)
        form = Form(
            Capture.EVALUATION,
            _("Your evaluation"),
            _("A score, then a remark if you like."),
            f"step:{step}",
            Kind.EVALUATION,
            criteria=(("meeting", _("This meeting"), 0, 10),),
            step=step,
        )
    if viewer is None:
        form, why = None, ""
    return Page(_regions(head, status, "", items, form, why), form, None)


# -- choosing a case ------------------------------------------------------------------------


def _choice_page(
    state: SessionState,
    rnd: Round | None,
    viewer: str | None,
    head: str,
    status: str,
    guide: str,
    lang: str,
    timer: Mapping[str, object] | None = None,
    rules: str = "",
) -> Page:
    cases = state.eligible_cases()
    if rnd is not None:
        made = state.contributions_in(rnd.id, rnd.phase.id)
        closed = rnd.choice
        context = f"{rnd.id}:{rnd.phase.id}"
    else:
        made = state.choice_contributions()
        closed = state.chosen
        context = "step:choice"
    ballots = [c for c in made if c.kind in (Kind.VOTE, Kind.SCORE)]
    mine = next((c for c in ballots if c.author == viewer), None)
    counted = state.tally(rnd.id, rnd.phase.id) if rnd is not None else state.tally()
    voters = len(state.present) - len(counted.waiting)
    if closed is not None:
        chosen = state.case(closed.case_id)
        lines = [
            _("Chosen: {title} ({owner})").format(
                title=chosen.title if chosen else closed.case_id, owner=name_of(state, closed.owner)
            )
        ]
        for case_id, value in closed.tally.items():
            case = state.case(case_id)
            lines.append(f"{case.title if case else case_id}: {value:g}")
        items = _list(_("The choice"), lines) or ""
        return Page(_regions(head, status, guide, items, None, rules=rules), None, timer)
    listed = [f"{c.title} ({name_of(state, c.owner)})" for c in cases]
    items = join(
        _list(_("Cases to choose from"), listed),
        tag(
            "p",
            {"class": "count"},
            ngettext(
                "{n} member has voted. Votes stay secret until the choice closes.",
                "{n} members have voted. Votes stay secret until the choice closes.",
                voters,
            ).format(n=voters),
        ),
    )
    if mine is not None:
        case = state.case(mine.target or "")
        items = join(
            items,
            tag(
                "p",
                {"class": "mine"},
                _("Your vote: {title}. Vote again to move it.").format(
                    title=case.title if case else mine.target
                ),
            ),
        )
    phase = rnd.phase.phase if rnd is not None else None
    if phase is not None and phase.criteria:
        criteria = tuple((c.id, text(c.name, lang), c.min, c.max) for c in phase.criteria)
    else:
        low, high = cmd.EGT_RANGE
        criteria = tuple((c, _(_EGT_NAMES.get(c, c)), low, high) for c in cmd.EGT_CRITERIA)
    form = None
    why = _("There is no case to vote on yet.")
    if cases and viewer is not None:
        form = Form(
            Capture.VOTE,
            _("Your vote"),
            _("Pick a case. To score it instead (EGT), fill in all the scores too."),
            context,
            Kind.VOTE,
            choices=tuple((c.id, c.title) for c in cases),
            criteria=criteria,
            picked=mine.target if mine is not None else None,
        )
    if viewer is None:
        why = ""
    return Page(_regions(head, status, guide, items, form, why, rules), form, timer)


# -- a round --------------------------------------------------------------------------------


def _round_page(
    state: SessionState,
    rnd: Round,
    viewer: str | None,
    you: str,
    lang: str,
    now: datetime,
    status: str,
) -> Page:
    run = rnd.phase
    phase = run.phase
    where = _("Phase {number}/{total}: {name}").format(
        number=rnd.current + 1, total=len(rnd.phases), name=text(phase.name, lang)
    )
    head = _head(where, you)
    timer = _timer(state, now)
    position = phase.owner if rnd.owner is not None else OwnerPosition.NONE
    is_owner = viewer is not None and rnd.owner == viewer
    if is_owner:
        banner = _(_YOU_AS_OWNER[position])
    else:
        banner = owner_long(position, name_of(state, rnd.owner))
    loud = is_owner and position is OwnerPosition.TURNED_AWAY
    banner_html = tag("p", {"class": "banner loud" if loud else "banner"}, banner)
    if loud:
        # The method's point: the owner hears the group talk about them, back turned.
        own = [c for c in state.contributions_in(rnd.id, run.id) if c.author == viewer]
        form = _notes_form(rnd, phase.accepts())
        items = _contributions(state, own, viewer, title=_("Your notes"))
        return Page(_regions(head, status, banner_html, items, form, _("Listen now.")), form, timer)
    role_text = phase.instructions.case_owner if is_owner else phase.instructions.participants
    guide = join(
        banner_html,
        tag(
            "p",
            {"class": "lens"},
            f"{text(phase.lens.name, lang)}: {text(phase.lens.question, lang)}",
        )
        if phase.lens is not None
        else None,
        tag("p", {"class": "instructions"}, text(role_text, lang))
        if viewer is not None and text(role_text, lang)
        else None,
        _turn(state, rnd, viewer),
    )
    prompts = [text(p, lang) for p in phase.prompts]
    rules = join(
        _list(_("Rules"), [text(r, lang) for r in phase.rules], css="rules"),
        tag("p", {"class": "goal"}, _("Goal: {goal}").format(goal=text(phase.goal, lang)))
        if text(phase.goal, lang)
        else None,
        tag(
            "details",
            {"class": "prompts"},
            tag("summary", None, _("Prompts")),
            tag("ul", None, [tag("li", None, x) for x in prompts]),
        )
        if prompts and viewer is not None
        else None,
    )
    if phase.kind is PhaseKind.CHOICE:
        return _choice_page(state, rnd, viewer, head, status, guide, lang, timer, rules)
    seen = view_contributions(state, rnd.id, run.id, viewer=viewer)
    cases = None
    if phase.kind is PhaseKind.INTAKE:
        listed = [f"{name_of(state, c.owner)}: {c.title}" for c in state.eligible_cases()]
        cases = _list(_("Cases"), listed)
    items = join(
        cases,
        _revealed(state, rnd, lang),
        _contributions(
            state,
            seen.visible,
            viewer,
            owner=rnd.owner,
            marks_hidden=phase.owner_marks_hidden and not is_owner,
        ),
        _marked_count(seen.visible) if phase.owner_marks_hidden and not is_owner else None,
        tag(
            "p",
            {"class": "hidden-count"},
            ngettext(
                "{n} written by others, hidden until the facilitator reveals them.",
                "{n} written by others, hidden until the facilitator reveals them.",
                seen.hidden_count,
            ).format(n=seen.hidden_count),
        )
        if seen.hidden_count
        else None,
    )
    form, why = (None, "") if viewer is None else _round_form(state, rnd, viewer, position, lang)
    return Page(_regions(head, status, guide, items, form, why, rules), form, timer)


def _timer(state: SessionState, now: datetime) -> dict[str, object] | None:
    timer = phase_timer(state, now)
    if timer is None:
        return None
    return {"remaining": round(timer.remaining, 1), "running": timer.running}


def _turn(state: SessionState, rnd: Round, viewer: str | None) -> Markup | None:
    speaker = rnd.phase.current_speaker
    if speaker is None:
        return None
    if speaker == viewer:
        return tag("p", {"class": "turn mine"}, _("It is your turn."))
    return tag("p", {"class": "turn"}, _("Turn: {name}").format(name=name_of(state, speaker)))


def _revealed(state: SessionState, rnd: Round, lang: str) -> Markup | None:
    """What the latest revealed hidden phase before this one holds: everyone's text, to read
    out as it was written (the approaches round after the writing)."""
    for index in range(rnd.current - 1, -1, -1):
        run = rnd.phases[index]
        if run.phase.hidden_until_reveal:
            if not run.revealed:
                return None
            made = state.contributions_in(rnd.id, run.id)
            title = _("Written in “{phase}”, revealed").format(phase=text(run.phase.name, lang))
            return _contributions(state, made, None, title=title, css="revealed")
    return None


def _notes_form(rnd: Round, accepts: frozenset[ContributionKind]) -> Form | None:
    kind = Kind.TAKEAWAY if Kind.TAKEAWAY in accepts else Kind.NOTE
    if kind not in accepts:
        return None
    return Form(
        Capture.TEXT,
        _("Your notes"),
        _("Note what strikes you."),
        f"{rnd.id}:{rnd.phase.id}",
        kind,
    )


def _round_form(
    state: SessionState, rnd: Round, me: str, position: OwnerPosition, lang: str
) -> tuple[Form | None, str]:
    run = rnd.phase
    phase = run.phase
    context = f"{rnd.id}:{run.id}"
    is_owner = rnd.owner == me
    if is_owner and position in (OwnerPosition.PRESENTING, OwnerPosition.ANSWERING):
        return None, _("You speak now; the others write.")
    if is_owner and position is OwnerPosition.LISTENING:
        form = _notes_form(rnd, phase.accepts())
        return form, "" if form is not None else _("Listen now.")
    if run.turns and me not in run.turns:
        names = ", ".join(name_of(state, m) for m in run.turns)
        return None, _("This phase is for: {names}.").format(names=names)
    kind = phase.kind
    if kind is PhaseKind.INTAKE:
        return Form(
            Capture.CASE, _("Your case"), _("A short title for a case you bring in."), context
        ), ""
    if kind in _TEXT_FORMS:
        ckind, label, hint = _TEXT_FORMS[kind]
        return Form(Capture.TEXT, _(label), _(hint), context, ckind), ""
    if kind is PhaseKind.FORCES:
        sides = tuple((s.id, text(s.name, lang)) for s in phase.sides)
        return Form(
            Capture.FORCE,
            _("A force"),
            _("Pick its side, then name the force."),
            context,
            Kind.FORCE,
            choices=sides,
        ), ""
    if kind is PhaseKind.RATING:
        forces = tuple(
            (c.id, c.text)
            for c in state.contributions_in(rnd.id)
            if c.kind is Kind.FORCE and (not c.hidden or c.author == me)
        )
        criteria = tuple((c.id, text(c.name, lang), c.min, c.max) for c in phase.criteria)
        return Form(
            Capture.RATING,
            _("Your rating"),
            _("Pick a force and score it."),
            context,
            Kind.RATING,
            choices=forces,
            criteria=criteria,
        ), ""
    if kind is PhaseKind.EVALUATION:
        criteria = tuple((c.id, text(c.name, lang), c.min, c.max) for c in phase.criteria) or (
            ("meeting", _("This round"), 0, 10),
        )
        return Form(
            Capture.EVALUATION,
            _("Your evaluation"),
            _("Your scores, then a remark if you like."),
            context,
            Kind.EVALUATION,
            criteria=criteria,
        ), ""
    return None, _("Listen now.")


# -- pieces ---------------------------------------------------------------------------------


def _list(title: str, lines: list[str], css: str = "list") -> Markup | None:
    if not lines:
        return None
    return join(
        tag("h2", None, title), tag("ul", {"class": css}, [tag("li", None, x) for x in lines])
    )


def _body(state: SessionState, c: Contribution) -> str:
    body = c.text
    if c.kind is Kind.VOTE:
        case = state.case(c.target or "")
        body = _("votes for {title}").format(title=case.title if case else c.target)
    elif c.kind is Kind.RATING:
        force = state.contribution(c.target or "")
        scores = " ".join(str(v) for v in c.ratings.values())
        body = f"{force.text if force else c.target}: {scores} {body}".strip()
    elif c.ratings:
        scores = " ".join(str(v) for v in c.ratings.values())
        body = f"{scores} · {body}".strip(" ·")
    return body


def _contributions(
    state: SessionState,
    made: tuple[Contribution, ...] | list[Contribution],
    viewer: str | None,
    *,
    title: str | None = None,
    css: str = "items",
    owner: str | None = None,
    marks_hidden: bool = False,
) -> Markup | None:
    """A list of contributions; the viewer's own can be edited and removed; the case owner
    (`owner`) marks each question cold, warm or hot, and the mark shows unless hidden."""
    if not made:
        return None
    rows = []
    for c in made:
        own = viewer is not None and c.author == viewer
        who = _("You") if own else name_of(state, c.author)
        side = ""
        if c.side is not None:
            side = _side_name(state, c) + " · "
        parts = [
            tag("span", {"class": "who"}, who),
            tag("span", {"class": "text"}, side + _body(state, c)),
        ]
        if c.kind is Kind.QUESTION and c.mark in cmd.QUESTION_MARKS and not marks_hidden:
            parts.append(
                tag("span", {"class": f"mark {c.mark}"}, _(cmd.QUESTION_MARK_NAMES[c.mark]))
            )
        if c.kind is Kind.QUESTION and owner is not None and viewer == owner:
            parts.append(_mark_buttons(c))
        if own and c.hidden:
            parts.append(tag("span", {"class": "note"}, _("only you see this until the reveal")))
        if own and c.kind in EDITABLE:
            parts.append(
                tag(
                    "span",
                    {"class": "actions"},
                    tag("button", {"type": "button", "data-edit": c.id}, _("Edit")),
                    tag("button", {"type": "button", "data-remove": c.id}, _("Remove")),
                )
            )
        editable = own and c.kind in EDITABLE
        attrs = {
            "data-id": c.id,
            "class": "own" if own else None,
            "data-text": c.text if editable else None,
        }
        rows.append(tag("li", attrs, parts))
    heading = tag("h2", None, title) if title else None
    return join(heading, tag("ul", {"class": css}, rows))


def _mark_buttons(c: Contribution) -> Markup:
    """The owner's three marks; the one given is pressed, and pressing it again takes it back."""
    buttons = [
        tag(
            "button",
            {
                "type": "button",
                "class": f"mark-button {mark}",
                "data-mark": c.id,
                "data-value": "" if c.mark == mark else mark,
                "aria-pressed": "true" if c.mark == mark else "false",
            },
            _(cmd.QUESTION_MARK_NAMES[mark]),
        )
        for mark in cmd.QUESTION_MARKS
    ]
    return tag("span", {"class": "actions marks"}, buttons)


def _marked_count(made: tuple[Contribution, ...] | list[Contribution]) -> Markup | None:
    """Where the method keeps the marks for the owner, the others see how many, not which."""
    marked = sum(1 for c in made if c.kind is Kind.QUESTION and c.mark)
    if not marked:
        return None
    return tag(
        "p",
        {"class": "marked-count"},
        ngettext(
            "The case owner marked {n} question (kept for the report).",
            "The case owner marked {n} questions (kept for the report).",
            marked,
        ).format(n=marked),
    )


def _side_name(state: SessionState, c: Contribution) -> str:
    rnd = state.round_by_id(c.round_id or "")
    if rnd is not None:
        for run in rnd.phases:
            for side in run.phase.sides:
                if side.id == c.side:
                    from intervisie.core.i18n import current_language

                    return text(side.name, current_language())
    return c.side or ""


# =========================================================================================
# the form
# =========================================================================================


def render_form(form: Form) -> Markup:
    """The form's HTML; its fields' names are what `command_from` reads."""
    fields: list[object] = [
        tag("h2", None, form.label),
        tag("p", {"class": "hint", "id": "hint"}, form.hint),
    ]
    c = form.capture
    if c in (Capture.FORCE, Capture.VOTE, Capture.RATING) or (
        c is Capture.REVISIT and len(form.choices) > 1
    ):
        name = {Capture.VOTE: "case", Capture.RATING: "target"}.get(c, "choice")
        fields.append(
            tag(
                "fieldset",
                {"class": "choices"},
                [
                    tag(
                        "label",
                        {"class": "choice"},
                        tag(
                            "input",
                            {
                                "type": "radio",
                                "name": name,
                                "value": cid,
                                "required": True,
                                "checked": cid == form.picked,
                            },
                        ),
                        tag("span", None, shown),
                    )
                    for cid, shown in form.choices
                ],
            )
        )
    if form.criteria:
        scores = [
            tag(
                "label",
                {"class": "score"},
                tag("span", None, f"{shown} ({low}–{high})"),
                tag(
                    "input",
                    {
                        "type": "number",
                        "inputmode": "numeric",
                        "name": f"score:{cid}",
                        "min": low,
                        "max": high,
                        "required": c in (Capture.RATING, Capture.EVALUATION),
                    },
                ),
            )
            for cid, shown, low, high in form.criteria
        ]
        if c is Capture.VOTE:
            fields.append(
                tag("details", None, tag("summary", None, _("Score with EGT instead")), scores)
            )
        else:
            fields.extend(scores)
    if c is Capture.CASE:
        fields.append(
            tag(
                "input",
                {
                    "type": "text",
                    "name": "text",
                    "maxlength": 2000,
                    "required": True,
                    "aria-describedby": "hint",
                    "autocomplete": "off",
                },
            )
        )
    elif c not in (Capture.VOTE, Capture.RATING):
        fields.append(
            tag(
                "textarea",
                {
                    "name": "text",
                    "rows": 3,
                    "maxlength": 2000,
                    "required": c is not Capture.EVALUATION,
                    "aria-describedby": "hint",
                    "aria-label": form.label,
                },
            )
        )
    fields.append(tag("button", {"type": "submit", "class": "send"}, _("Send")))
    return tag("form", {"id": "capture", "data-sig": form.signature}, fields)


class BadInput(ValueError):
    """Form fields that do not fit the form; the message says what to fill in."""


def _int(value: str | None, low: int, high: int, name: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise BadInput(_("Fill in {name} with a number.").format(name=name)) from None
    if not low <= number <= high:
        raise BadInput(
            _("{name} is a number from {low} to {high}.").format(name=name, low=low, high=high)
        )
    return number


def _pick(form: Form, value: str | None) -> str:
    ids = [cid for cid, _n in form.choices]
    if value not in ids:
        raise BadInput(_("Pick one of the choices first."))
    return value


def command_from(form: Form, me: str, fields: Mapping[str, object]) -> cmd.Command:
    """The command the submitted `fields` mean, always in `me`'s own name; `BadInput` when
    they do not fit the form. Text is taken exactly as typed (only ends trimmed)."""
    raw = fields.get("text", "")
    line = raw.strip() if isinstance(raw, str) else ""
    c = form.capture

    def scores(required: bool) -> dict[str, int]:
        found = {}
        for cid, shown, low, high in form.criteria:
            value = fields.get(f"score:{cid}")
            if value in (None, "") and not required:
                continue
            found[cid] = _int(value, low, high, shown)  # type: ignore[arg-type]
        return found

    if c is Capture.VOTE:
        case_id = _pick(form, fields.get("case"))  # type: ignore[arg-type]
        given = scores(required=False)
        if not given:
            return cmd.Vote(actor=me, voter=me, case_id=case_id)
        if len(given) < len(form.criteria):
            raise BadInput(_("Fill in all the scores, or none to vote."))
        return cmd.Score(actor=me, scorer=me, case_id=case_id, ratings=given)
    if c is Capture.RATING:
        target = _pick(form, fields.get("target"))  # type: ignore[arg-type]
        return cmd.AddContribution(
            actor=me, author=me, kind=Kind.RATING, ratings=scores(True), target=target
        )
    if c is Capture.EVALUATION:
        return cmd.AddContribution(
            actor=me,
            author=me,
            kind=Kind.EVALUATION,
            text=line,
            ratings=scores(True),
            step=form.step,
        )
    if not line:
        raise BadInput(_("Type something first."))
    if c is Capture.CASE:
        return cmd.AddCase(actor=me, owner=me, title=line)
    if c is Capture.FORCE:
        side = _pick(form, fields.get("choice"))  # type: ignore[arg-type]
        return cmd.AddContribution(actor=me, author=me, kind=Kind.FORCE, text=line, side=side)
    if c is Capture.REVISIT:
        only = form.choices[0][0] if len(form.choices) == 1 else None
        case_id = only or _pick(form, fields.get("choice"))  # type: ignore[arg-type]
        return cmd.RevisitNote(actor=me, author=me, case_id=case_id, text=line)
    assert form.kind is not None
    return cmd.AddContribution(actor=me, author=me, kind=form.kind, text=line, step=form.step)
