"""Which method fits this case and this group: a ranking from each method's own metadata.

The advisor knows nothing about particular methods. It reads what every method declares
(`suits`, `level`, `safety_needed`, `group_size` and its phases' minutes), so a plugin or a
house method that declares its metadata well can come out on top. There is deliberately no
table of method ids here.

Each answer is optional (`None`: the facilitator does not know or does not care). Every answer
that is given adds a factor with a weight: positive when the method fits, negative when it does
not. Factors with a weight of `BLOCKER` or less mean the method does not fit at all (a group
too small, too little time even when shortened, a beginning group in a method for experienced
groups, a group far less safe than the method needs); those methods still appear, below the
ones that fit, so the facilitator sees why.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

from intervisie.core.i18n import N_, tr
from intervisie.core.method.model import CaseKind, Level, Method, Safety
from intervisie.core.trainers.compare import CASE_KIND_LABELS, SAFETY_LABELS, format_minutes

BLOCKER = -3
"""A factor this negative rules the method out (it is still listed, below the rest)."""

_SAFETY_ORDER = {Safety.LOW: 0, Safety.MEDIUM: 1, Safety.HIGH: 2}


CASE_KIND_CHOICES: tuple[tuple[CaseKind, str], ...] = (
    (CaseKind.INCIDENT, N_("An incident: a recent moment where you had to act fast")),
    (CaseKind.RECURRING_PROBLEM, N_("A recurring problem: it keeps coming back")),
    (CaseKind.STUCK_CHANGE, N_("A stuck change: you want it, but it does not happen")),
    (CaseKind.DECISION, N_("A decision you have to take")),
    (CaseKind.DILEMMA, N_("A dilemma: values or loyalties that pull both ways")),
    (CaseKind.RELATIONSHIP, N_("A relationship: with a client, colleague or patient")),
)
"""The advisor's first question, in the order asked (labels are msgids)."""

LEVEL_CHOICES: tuple[tuple[Level, str], ...] = (
    (Level.BEGINNING, N_("Beginning: new to intervision or to each other")),
    (Level.EXPERIENCED, N_("Experienced: used to the methods and to each other")),
)

SAFETY_CHOICES: tuple[tuple[Safety, str], ...] = (
    (Safety.LOW, N_("Low: members still keep some distance")),
    (Safety.MEDIUM, N_("Medium: open, with some reserve")),
    (Safety.HIGH, N_("High: members speak freely about their own part")),
)


@frozen
class Answers:
    """The facilitator's answers; `None` means unknown and adds no factor."""

    case_kind: CaseKind | None = None
    level: Level | None = None
    safety: Safety | None = None
    minutes: float | None = None
    group_size: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "case_kind": self.case_kind.value if self.case_kind else None,
            "level": self.level.value if self.level else None,
            "safety": self.safety.value if self.safety else None,
            "minutes": self.minutes,
            "group_size": self.group_size,
        }


@frozen
class Factor:
    """One answer's effect on one method: which answer, a weight, and a message with values.

    `message` is an English msgid; `text(lang)` translates it and fills in `values`, so the
    same advice reads in Dutch or English.
    """

    answer: str
    weight: int
    message: str
    values: dict[str, str] = field(factory=dict, hash=False)
    translate: tuple[str, ...] = ()
    """Keys of `values` that are msgids themselves (labels) and are translated too."""

    def text(self, lang: str) -> str:
        values = {k: tr(v, lang) if k in self.translate else v for k, v in self.values.items()}
        return tr(self.message, lang).format(**values)

    @property
    def blocks(self) -> bool:
        return self.weight <= BLOCKER


@frozen
class Recommendation:
    method: Method
    factors: tuple[Factor, ...]

    @property
    def score(self) -> int:
        return sum(f.weight for f in self.factors)

    @property
    def fits(self) -> bool:
        return not any(f.blocks for f in self.factors)

    def reason(self, lang: str, parts: int = 3) -> str:
        """One line: the blockers first (why not), else the strongest reasons for it."""
        blockers = [f for f in self.factors if f.blocks]
        if blockers:
            chosen = sorted(blockers, key=lambda f: f.weight)[:parts]
        else:
            chosen = sorted(self.factors, key=lambda f: -abs(f.weight))[:parts]
        if not chosen:
            return tr(N_("no answers to weigh yet"), lang)
        return "; ".join(f.text(lang) for f in chosen)

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "id": self.method.id,
            "name": dict(self.method.name.values),
            "score": self.score,
            "fits": self.fits,
            "reason": self.reason(lang),
            "factors": [
                {"answer": f.answer, "weight": f.weight, "text": f.text(lang)} for f in self.factors
            ],
        }


def assess(method: Method, answers: Answers) -> Recommendation:
    """Weigh every given answer against the method's declared metadata."""
    factors = [
        f
        for f in (
            _case_kind(method, answers.case_kind),
            _level(method, answers.level),
            _safety(method, answers.safety),
            _group_size(method, answers.group_size),
            _minutes(method, answers.minutes, answers.group_size),
        )
        if f is not None
    ]
    return Recommendation(method, tuple(factors))


def advise(methods: Iterable[Method], answers: Answers) -> list[Recommendation]:
    """The methods ranked: those that fit first, then by score, then by name (stable)."""
    ranked = [assess(m, answers) for m in methods]
    return sorted(ranked, key=lambda r: (not r.fits, -r.score, r.method.id))


# -- one factor per answer --------------------------------------------------------------------


def _case_kind(method: Method, kind: CaseKind | None) -> Factor | None:
    if kind is None:
        return None
    label = {"kind": CASE_KIND_LABELS[kind]}
    if not method.suits:
        return Factor("case_kind", 0, N_("declares no case kinds"))
    if kind in method.suits:
        # The first kind a method declares is its main one.
        weight = 4 if method.suits[0] is kind else 3
        return Factor("case_kind", weight, N_("suits {kind}"), label, ("kind",))
    return Factor("case_kind", -2, N_("not made for {kind}"), label, ("kind",))


def _level(method: Method, level: Level | None) -> Factor | None:
    if level is None:
        return None
    if method.level is Level.EXPERIENCED and level is Level.BEGINNING:
        return Factor("level", -4, N_("asks for an experienced group"))
    if method.level is Level.BEGINNING and level is Level.BEGINNING:
        return Factor("level", 2, N_("suits a beginning group"))
    if method.level is Level.EXPERIENCED:
        return Factor("level", 1, N_("made for experienced groups like yours"))
    return Factor("level", 0, N_("easy for an experienced group"))


def _safety(method: Method, safety: Safety | None) -> Factor | None:
    if safety is None:
        return None
    needed = method.safety_needed
    gap = _SAFETY_ORDER[needed] - _SAFETY_ORDER[safety]
    values = {"needed": SAFETY_LABELS[needed], "yours": SAFETY_LABELS[safety]}
    keys = ("needed", "yours")
    if gap <= 0:
        weight = 2 if needed is Safety.HIGH else 1
        return Factor("safety", weight, N_("your group is safe enough for it"), values, keys)
    if gap == 1:
        return Factor("safety", -2, N_("needs {needed} safety (yours: {yours})"), values, keys)
    return Factor("safety", -4, N_("needs {needed} safety (yours: {yours})"), values, keys)


def _group_size(method: Method, size: int | None) -> Factor | None:
    if size is None:
        return None
    gs = method.group_size
    values = {"min": str(gs.min), "max": str(gs.max), "ideal": str(gs.ideal)}
    if size < gs.min or size > gs.max:
        return Factor("group_size", -4, N_("for groups of {min} to {max}"), values)
    if size == gs.ideal:
        return Factor("group_size", 2, N_("your group has its ideal size"), values)
    return Factor("group_size", 1, N_("fits a group of your size"), values)


def _minutes(method: Method, available: float | None, size: int | None) -> Factor | None:
    if available is None:
        return None
    people = size if size is not None else method.group_size.ideal
    phases = method.phases_for()
    planned = sum(p.planned_minutes(people) for p in phases)
    floor = sum(min(p.floor_minutes(people), p.planned_minutes(people)) for p in phases)
    values = {"planned": format_minutes(planned), "floor": format_minutes(floor)}
    if planned <= available + 1e-9:
        return Factor("minutes", 2, N_("takes {planned} min, fits your time"), values)
    if floor <= available + 1e-9:
        return Factor("minutes", -1, N_("takes {planned} min, can be shortened to fit"), values)
    return Factor("minutes", -4, N_("needs at least {floor} min"), values)
