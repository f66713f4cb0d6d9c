"""What one participant sees of a meeting now, and what they may add: no Textual here.

Why a module of its own: the rules of who sees what are the point of the participant's app
(hidden contributions stay a count until the reveal, the case owner outside the circle sees
only that, a lens phase is for the lens's holders), so they are plain functions of the
meeting's state and the member, tested without a screen. The screen renders a
`ParticipantView` and turns a typed line into a command with `command_for`.

One input line for every capture, with the facilitator's conventions: numbers first where
something is picked or scored (`2` votes for case 2, `1 text` puts a force on side 1,
`3 4 5` rates force 3 with 4 and 5, `8 good pace` evaluates with an 8).
"""

from __future__ import annotations

import re
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
from intervisie.core.method.model import ContributionKind, MeetingStep, OwnerPosition, PhaseKind
from intervisie.tui.app.widgets.labels import owner_long, text

K = ContributionKind
_NUMBERS = re.compile(r"^\s*((?:\d+\s+)*\d+)(?:\s+(.*))?$", re.S)


class Capture(StrEnum):
    """The kinds of input line a participant can get."""

    TEXT = "text"
    FORCE = "force"
    VOTE = "vote"
    CASE = "case"
    RATING = "rating"
    EVALUATION = "evaluation"
    REVISIT = "revisit"


@frozen
class CaptureSpec:
    """The one thing this participant may add now, and how to type it."""

    capture: Capture
    label: str
    hint: str
    kind: ContributionKind | None = None
    choices: tuple[tuple[str, str], ...] = ()
    """Numbered things to pick (cases, sides, forces): (id, shown name)."""
    criteria: tuple[tuple[str, int, int], ...] = ()
    """Scores asked for: (criterion id, lowest, highest)."""
    step: MeetingStep | None = None


@frozen
class ParticipantView:
    you: str
    where: str
    banner: str = ""
    loud: bool = False
    """The banner is the whole message (the owner outside the circle): shown large."""
    lens: str = ""
    goal: str = ""
    rules: tuple[str, ...] = ()
    instructions: str = ""
    prompts: tuple[str, ...] = ()
    turn: str = ""
    lines: tuple[str, ...] = ()
    hidden: int = 0
    capture: CaptureSpec | None = None
    why_not: str = ""
    paused: bool = False
    over: bool = False


_YOU_AS_OWNER: dict[OwnerPosition, str] = {
    OwnerPosition.NONE: N_("No case owner yet: the group chooses a case first"),
    OwnerPosition.PRESENTING: N_("You tell your case; the others listen."),
    OwnerPosition.ANSWERING: N_("You answer the questions; give no opinions or reasons yet."),
    OwnerPosition.LISTENING: N_("You sit in the circle: silent, you listen. Take notes."),
    OwnerPosition.TURNED_AWAY: N_(
        "You are outside the circle: turn away, stay silent and take notes."
    ),
    OwnerPosition.PARTICIPATING: N_("You join in as a member."),
}

_STEP_TITLES: dict[MeetingStep, str] = {
    MeetingStep.REVISIT: N_("How did it go since? (cases of the previous meeting)"),
    MeetingStep.INTAKE: N_("Case intake: members name their cases"),
    MeetingStep.CHOICE: N_("Choosing the case"),
    MeetingStep.CLOSING: N_("Closing: how was this meeting?"),
}


def _name(state: SessionState, member_id: str | None) -> str:
    if member_id is None:
        return ""
    if member_id == "facilitator":
        return _("facilitator")
    return state.group.name_of(member_id) if state.group is not None else member_id


def _line(state: SessionState, c: Contribution, me: str, lang: str) -> str:
    who = _("You") if c.author == me else _name(state, c.author)
    body = c.text
    if c.kind is K.VOTE:
        case = state.case(c.target or "")
        body = _("votes for {title}").format(title=case.title if case else c.target)
    elif c.ratings:
        scores = " ".join(str(v) for v in c.ratings.values())
        body = f"[{scores}] {body}".strip()
    if c.side is not None:
        body = f"({c.side}) {body}"
    if c.hidden:
        body += "  " + _("(hidden from the others until the reveal)")
    return f"{who}: {body}"


def participant_view(state: SessionState, me: str, lang: str) -> ParticipantView:
    """The meeting as member `me` may see it now."""
    you = _name(state, me)
    if state.status is Status.FINISHED:
        return ParticipantView(you, _("The meeting is over. Thank you!"), over=True)
    if state.status is Status.NOT_OPENED:
        return ParticipantView(you, _("The meeting has not started yet."))
    rnd = state.round
    if rnd is not None:
        return _round_view(state, rnd, me, you, lang)
    return _step_view(state, me, you, lang)


def _step_view(state: SessionState, me: str, you: str, lang: str) -> ParticipantView:
    step = state.step
    if step is None:
        return ParticipantView(
            you, _("Between rounds: wait for the facilitator."), paused=state.paused
        )
    where = _(_STEP_TITLES[step])
    lines: list[str] = []
    capture: CaptureSpec | None = None
    why = ""
    if step is MeetingStep.REVISIT:
        mine = [c for c in state.revisit if c.owner == me]
        lines = [f"{_name(state, c.owner)}: {c.title}" for c in state.revisit]
        lines += [_line(state, c, me, lang) for c in state.contributions_in(step=step)]
        if mine:
            capture = CaptureSpec(
                Capture.REVISIT,
                _("How did it go with your case?"),
                _("Type how it went since; with several cases, start with its number: 2 text"),
                K.NOTE,
                choices=tuple((c.id, c.title) for c in mine),
            )
        else:
            why = _("The owners of the earlier cases tell how it went.")
    elif step is MeetingStep.INTAKE:
        lines = [f"{_name(state, c.owner)}: {c.title}" for c in state.cases]
        capture = CaptureSpec(
            Capture.CASE, _("Your case"), _("Type a short title for a case you bring in.")
        )
    elif step is MeetingStep.CHOICE:
        return _choice_view(state, None, me, you, where, lang)
    else:
        lines = [_line(state, c, me, lang) for c in state.contributions_in(step=step)]
        capture = CaptureSpec(
            Capture.EVALUATION,
            _("Your evaluation"),
            _("A score from 0 to 10, then a remark: 8 good pace"),
            K.EVALUATION,
            criteria=(("meeting", 0, 10),),
            step=step,
        )
    return ParticipantView(
        you, where, lines=tuple(lines), capture=capture, why_not=why, paused=state.paused
    )


def _choice_view(
    state: SessionState, rnd: Round | None, me: str, you: str, where: str, lang: str, **kw
) -> ParticipantView:
    done = {r.case_id for r in state.rounds if not r.is_open}
    cases = [c for c in state.cases if c.id not in done and c.owner in state.present]
    if rnd is not None:
        made = state.contributions_in(rnd.id, rnd.phase.id)
    else:
        made = state.contributions_in(step=MeetingStep.CHOICE)
    votes = {c.id: 0 for c in cases}
    mine = None
    for c in made:
        if c.kind is K.VOTE and c.target in votes:
            votes[c.target] += 1
            if c.author == me:
                mine = c.target
    lines = tuple(
        f"{i}. {c.title} ({_name(state, c.owner)}) · "
        + ngettext("{n} vote", "{n} votes", votes[c.id]).format(n=votes[c.id])
        + ("  ← " + _("your vote") if c.id == mine else "")
        for i, c in enumerate(cases, start=1)
    )
    phase = rnd.phase.phase if rnd is not None else None
    if phase is not None and phase.criteria:
        criteria = tuple((cr.id, cr.min, cr.max) for cr in phase.criteria)
    else:
        low, high = cmd.EGT_RANGE
        criteria = tuple((name, low, high) for name in cmd.EGT_CRITERIA)
    capture = (
        CaptureSpec(
            Capture.VOTE,
            _("Your vote"),
            _(
                "The case's number to vote for it (again: your vote moves), or the number "
                "and {n} scores ({low}-{high}): 2 5 4 3"
            ).format(n=len(criteria), low=criteria[0][1], high=criteria[0][2]),
            K.VOTE,
            choices=tuple((c.id, c.title) for c in cases),
            criteria=criteria,
        )
        if cases
        else None
    )
    why = "" if cases else _("There is no case to vote on yet.")
    return ParticipantView(
        you, where, lines=lines, capture=capture, why_not=why, paused=state.paused, **kw
    )


def _round_view(state: SessionState, rnd: Round, me: str, you: str, lang: str) -> ParticipantView:
    run = rnd.phase
    phase = run.phase
    where = (
        _("Phase {number}/{total}").format(number=rnd.current + 1, total=len(rnd.phases))
        + "  "
        + text(phase.name, lang)
    )
    position = phase.owner if rnd.owner is not None else OwnerPosition.NONE
    is_owner = rnd.owner == me
    if is_owner:
        banner = _(_YOU_AS_OWNER[position])
    else:
        banner = owner_long(position, _name(state, rnd.owner))
    if is_owner and position is OwnerPosition.TURNED_AWAY:
        # The method's point: the owner hears the group talk *about* them, from outside.
        own = [c for c in state.contributions_in(rnd.id, run.id) if c.author == me]
        kind = K.TAKEAWAY if K.TAKEAWAY in phase.accepts() else K.NOTE
        capture = (
            CaptureSpec(Capture.TEXT, _("Your notes"), _("Note what strikes you."), kind)
            if kind in phase.accepts()
            else None
        )
        return ParticipantView(
            you,
            where,
            banner=banner,
            loud=True,
            lines=tuple(_line(state, c, me, lang) for c in own),
            capture=capture,
            paused=state.paused,
        )
    role_text = phase.instructions.case_owner if is_owner else phase.instructions.participants
    common = {
        "banner": banner,
        "lens": (
            f"{text(phase.lens.name, lang)}: {text(phase.lens.question, lang)}"
            if phase.lens is not None
            else ""
        ),
        "goal": text(phase.goal, lang),
        "rules": tuple(text(r, lang) for r in phase.rules),
        "instructions": text(role_text, lang),
        "prompts": tuple(text(p, lang) for p in phase.prompts),
        "turn": _turn_line(state, rnd, me),
    }
    if phase.kind is PhaseKind.CHOICE:
        return _choice_view(state, rnd, me, you, where, lang, **common)
    view = view_contributions(state, rnd.id, run.id, viewer=me)
    lines = tuple(_line(state, c, me, lang) for c in view.visible)
    capture, why = _round_capture(state, rnd, me, is_owner, position, lang)
    return ParticipantView(
        you,
        where,
        lines=lines,
        hidden=view.hidden_count,
        capture=capture,
        why_not=why,
        paused=state.paused,
        **common,
    )


def _turn_line(state: SessionState, rnd: Round, me: str) -> str:
    speaker = rnd.phase.current_speaker
    if speaker is None:
        return ""
    if speaker == me:
        return _("It is your turn.")
    return _("Turn: {name}").format(name=_name(state, speaker))


_TEXT_CAPTURE: dict[PhaseKind, tuple[ContributionKind, str, str]] = {
    PhaseKind.PRESENTATION: (K.NOTE, N_("Your notes"), N_("Note what you want to remember.")),
    PhaseKind.QUESTIONS: (K.QUESTION, N_("Your question"), N_("One open, factual question.")),
    PhaseKind.WRITING: (
        K.WRITING,
        N_("Write privately"),
        N_("Only you see this until the facilitator reveals what everyone wrote."),
    ),
    PhaseKind.ROUND: (K.REMARK, N_("Your contribution"), N_("What you say in this round.")),
    PhaseKind.DISCUSSION: (K.REMARK, N_("Your remark"), N_("A remark for the discussion.")),
}


def _round_capture(
    state: SessionState,
    rnd: Round,
    me: str,
    is_owner: bool,
    position: OwnerPosition,
    lang: str,
) -> tuple[CaptureSpec | None, str]:
    run = rnd.phase
    phase = run.phase
    if is_owner and position in (OwnerPosition.PRESENTING, OwnerPosition.ANSWERING):
        return None, _("You speak now; the others write.")
    if is_owner and position is OwnerPosition.LISTENING:
        kind = K.TAKEAWAY if K.TAKEAWAY in phase.accepts() else K.NOTE
        if kind in phase.accepts():
            return CaptureSpec(Capture.TEXT, _("Your notes"), _("Note what strikes you."), kind), ""
        return None, _("Listen now.")
    if run.turns and me not in run.turns:
        names = ", ".join(_name(state, m) for m in run.turns)
        return None, _("This phase is for: {names}.").format(names=names)
    kind = phase.kind
    if kind is PhaseKind.INTAKE:
        spec = CaptureSpec(
            Capture.CASE, _("Your case"), _("Type a short title for a case you bring in.")
        )
        return spec, ""
    if kind in _TEXT_CAPTURE:
        ckind, label, hint = _TEXT_CAPTURE[kind]
        return CaptureSpec(Capture.TEXT, _(label), _(hint), ckind), ""
    if kind is PhaseKind.FORCES:
        sides = tuple((s.id, text(s.name, lang)) for s in phase.sides)
        numbered = ", ".join(f"{i} {name}" for i, (_sid, name) in enumerate(sides, start=1))
        hint = _("The side's number, then the force: {sides}").format(sides=numbered)
        return CaptureSpec(Capture.FORCE, _("A force"), hint, K.FORCE, choices=sides), ""
    if kind is PhaseKind.RATING:
        forces = tuple(
            (c.id, c.text)
            for c in state.contributions_in(rnd.id)
            if c.kind is K.FORCE and (not c.hidden or c.author == me)
        )
        criteria = tuple((c.id, c.min, c.max) for c in phase.criteria)
        names = ", ".join(f"{text(c.name, lang)} ({c.min}-{c.max})" for c in phase.criteria)
        hint = _("The force's number, then a score for {names}: 3 4").format(names=names)
        spec = CaptureSpec(
            Capture.RATING, _("Your rating"), hint, K.RATING, choices=forces, criteria=criteria
        )
        return spec, ""
    if kind is PhaseKind.EVALUATION:
        criteria = tuple((c.id, c.min, c.max) for c in phase.criteria) or (("meeting", 0, 10),)
        names = ", ".join(cid for cid, _low, _high in criteria)
        hint = _("Scores for {names}, then a remark: 4 5 good pace").format(names=names)
        spec = CaptureSpec(
            Capture.EVALUATION, _("Your evaluation"), hint, K.EVALUATION, criteria=criteria
        )
        return spec, ""
    return None, _("Listen now.")


class BadInput(ValueError):
    """A line that does not fit the capture's convention; the message says how to type it."""


def _numbers(line: str, needed: int) -> tuple[list[int], str]:
    match = _NUMBERS.match(line)
    if match is None:
        return [], line.strip()
    numbers = [int(n) for n in match.group(1).split()]
    rest = (match.group(2) or "").strip()
    if len(numbers) > needed:  # a remark that starts with a number
        extra = " ".join(str(n) for n in numbers[needed:])
        numbers, rest = numbers[:needed], f"{extra} {rest}".strip()
    return numbers, rest


def _pick(spec: CaptureSpec, number: int | None) -> str:
    if number is None or not 1 <= number <= len(spec.choices):
        raise BadInput(_("Start with a number from 1 to {n}.").format(n=len(spec.choices)))
    return spec.choices[number - 1][0]


def command_for(spec: CaptureSpec, me: str, line: str) -> cmd.Command:
    """The command a typed line means, always in `me`'s own name; `BadInput` if it does not
    fit. The engine still checks everything else."""
    line = line.strip()
    if not line:
        raise BadInput(_("Type something first."))
    c = spec.capture
    if c is Capture.CASE:
        return cmd.AddCase(actor=me, owner=me, title=line)
    if c is Capture.TEXT:
        assert spec.kind is not None
        return cmd.AddContribution(actor=me, author=me, kind=spec.kind, text=line, step=spec.step)
    if c is Capture.VOTE:
        numbers, _rest = _numbers(line, 1 + len(spec.criteria))
        case_id = _pick(spec, numbers[0] if numbers else None)
        if len(numbers) == 1:
            return cmd.Vote(actor=me, voter=me, case_id=case_id)
        ratings = dict(zip([cid for cid, *_r in spec.criteria], numbers[1:], strict=False))
        return cmd.Score(actor=me, scorer=me, case_id=case_id, ratings=ratings)
    if c is Capture.REVISIT:
        numbers, rest = _numbers(line, 1)
        if len(spec.choices) == 1 and not (numbers and numbers[0] == 1 and rest):
            return cmd.RevisitNote(actor=me, author=me, case_id=spec.choices[0][0], text=line)
        case_id = _pick(spec, numbers[0] if numbers else None)
        return cmd.RevisitNote(actor=me, author=me, case_id=case_id, text=rest)
    if c is Capture.FORCE:
        numbers, rest = _numbers(line, 1)
        side = _pick(spec, numbers[0] if numbers else None)
        return cmd.AddContribution(actor=me, author=me, kind=K.FORCE, text=rest, side=side)
    if c is Capture.RATING:
        numbers, _rest = _numbers(line, 1 + len(spec.criteria))
        if len(numbers) < 2:
            raise BadInput(_("Type the force's number and a score: 3 4."))
        target = _pick(spec, numbers[0])
        ratings = dict(zip([cid for cid, *_r in spec.criteria], numbers[1:], strict=False))
        return cmd.AddContribution(
            actor=me, author=me, kind=K.RATING, ratings=ratings, target=target
        )
    numbers, rest = _numbers(line, len(spec.criteria))
    ratings = dict(zip([cid for cid, *_r in spec.criteria], numbers, strict=False))
    return cmd.AddContribution(
        actor=me, author=me, kind=K.EVALUATION, text=rest, ratings=ratings, step=spec.step
    )
