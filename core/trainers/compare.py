"""What trainers compare between methods: time, group, level, demands, and the owner's seat.

Pure data, shared by `intervisie methods compare` and the TUI's compare screen, so both show
exactly the same numbers. Every method is laid out on one time axis that starts at minute 0;
a phase is a span with start and end minutes, its kind, its lens and where the case owner is.
Per-turn phases count with the participants given (default: each method's ideal group size,
as everywhere a total is shown without a group).

The bar drawing (`bar_cells`) lives here too, because the CLI and the screen must round the
same way: a phase's cells run from the rounded start to the rounded end on the shared axis, so
bars of methods with different lengths line up minute for minute.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import frozen

from intervisie.core.i18n import N_, tr
from intervisie.core.method.model import (
    CaseKind,
    GroupSize,
    Lens,
    Level,
    Method,
    OwnerPosition,
    PhaseKind,
    Safety,
    Text,
)

OWNER_SYMBOLS: Mapping[OwnerPosition, str] = {
    OwnerPosition.NONE: "·",
    OwnerPosition.PRESENTING: "▇",
    OwnerPosition.ANSWERING: "▆",
    OwnerPosition.LISTENING: "▒",
    OwnerPosition.TURNED_AWAY: "░",
    OwnerPosition.PARTICIPATING: "▂",
}
"""One symbol per owner position (docs/architecture.md, Decisions): a monochrome projector
still tells them apart."""

OWNER_LABELS: Mapping[OwnerPosition, str] = {
    OwnerPosition.NONE: N_("no case owner yet"),
    OwnerPosition.PRESENTING: N_("presents"),
    OwnerPosition.ANSWERING: N_("answers questions"),
    OwnerPosition.LISTENING: N_("listens"),
    OwnerPosition.TURNED_AWAY: N_("outside the circle"),
    OwnerPosition.PARTICIPATING: N_("takes part"),
}
"""What the case owner does, for legends (translate with `tr(label, lang)`)."""

KIND_LABELS: Mapping[PhaseKind, str] = {
    PhaseKind.INTAKE: N_("intake"),
    PhaseKind.CHOICE: N_("choice"),
    PhaseKind.PRESENTATION: N_("presentation"),
    PhaseKind.QUESTIONS: N_("questions"),
    PhaseKind.WRITING: N_("writing"),
    PhaseKind.ROUND: N_("round"),
    PhaseKind.DISCUSSION: N_("discussion"),
    PhaseKind.FORCES: N_("forces"),
    PhaseKind.RATING: N_("rating"),
    PhaseKind.EVALUATION: N_("evaluation"),
}

LEVEL_LABELS: Mapping[Level, str] = {
    Level.BEGINNING: N_("beginning groups"),
    Level.EXPERIENCED: N_("experienced groups"),
}

SAFETY_LABELS: Mapping[Safety, str] = {
    Safety.LOW: N_("low"),
    Safety.MEDIUM: N_("medium"),
    Safety.HIGH: N_("high"),
}

CASE_KIND_LABELS: Mapping[CaseKind, str] = {
    CaseKind.INCIDENT: N_("an incident"),
    CaseKind.RECURRING_PROBLEM: N_("a recurring problem"),
    CaseKind.STUCK_CHANGE: N_("a change that does not happen"),
    CaseKind.DECISION: N_("a decision"),
    CaseKind.DILEMMA: N_("a dilemma"),
    CaseKind.RELATIONSHIP: N_("a relationship"),
}
"""Case kinds as a phrase ("suits a dilemma"); the advisor uses them too."""


@frozen
class PhaseSpan:
    """One phase placed on the time axis."""

    number: int
    id: str
    name: Text
    kind: PhaseKind
    owner: OwnerPosition
    start: float
    end: float
    lens: Lens | None = None
    per_turn: bool = False

    @property
    def minutes(self) -> float:
        return self.end - self.start

    @property
    def symbol(self) -> str:
        return OWNER_SYMBOLS[self.owner]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "id": self.id,
            "name": dict(self.name.values),
            "kind": self.kind.value,
            "owner": self.owner.value,
            "symbol": self.symbol,
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "minutes": round(self.minutes, 2),
            "per_turn": self.per_turn,
            "lens": _lens_json(self.lens),
        }


@frozen
class MethodProfile:
    """Everything `compare` shows about one method, for one number of participants."""

    id: str
    name: Text
    summary: Text
    level: Level
    group_size: GroupSize
    participants: int
    safety_needed: Safety
    suits: tuple[CaseKind, ...]
    asks_of_group: Text
    asks_of_facilitator: Text
    phases: tuple[PhaseSpan, ...]
    source: Mapping[str, Any] | None = None

    @property
    def minutes(self) -> float:
        return self.phases[-1].end if self.phases else 0.0

    def owner_minutes(self) -> dict[OwnerPosition, float]:
        """Minutes the case owner spends in each position (positions that occur, in order)."""
        spent: dict[OwnerPosition, float] = {}
        for span in self.phases:
            spent[span.owner] = spent.get(span.owner, 0.0) + span.minutes
        return spent

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": dict(self.name.values),
            "summary": dict(self.summary.values),
            "minutes": round(self.minutes, 2),
            "participants": self.participants,
            "group_size": {
                "min": self.group_size.min,
                "ideal": self.group_size.ideal,
                "max": self.group_size.max,
            },
            "level": self.level.value,
            "safety_needed": self.safety_needed.value,
            "suits": [k.value for k in self.suits],
            "asks_of_group": dict(self.asks_of_group.values),
            "asks_of_facilitator": dict(self.asks_of_facilitator.values),
            "owner_minutes": {k.value: round(v, 2) for k, v in self.owner_minutes().items()},
            "phases": [span.to_json() for span in self.phases],
            "source": dict(self.source) if self.source is not None else None,
        }


@frozen
class Comparison:
    """Several methods on one time axis; `axis_minutes` is the longest method's total."""

    methods: tuple[MethodProfile, ...]

    @property
    def axis_minutes(self) -> float:
        return max((m.minutes for m in self.methods), default=0.0)

    def boundaries(self) -> list[float]:
        """Every minute at which some method starts a phase or ends, sorted."""
        marks = {0.0}
        for profile in self.methods:
            marks.update(span.start for span in profile.phases)
            marks.add(profile.minutes)
        return sorted(marks)

    def to_json(self) -> dict[str, Any]:
        return {
            "axis_minutes": round(self.axis_minutes, 2),
            "owner_positions": [
                {"id": pos.value, "symbol": OWNER_SYMBOLS[pos]} for pos in OwnerPosition
            ],
            "methods": [m.to_json() for m in self.methods],
        }


def _lens_json(lens: Lens | None) -> dict[str, Any] | None:
    if lens is None:
        return None
    return {
        "id": lens.id,
        "name": dict(lens.name.values),
        "colour": lens.colour,
        "question": dict(lens.question.values),
        "symbol": lens.symbol,
    }


def profile(
    method: Method,
    participants: int | None = None,
    options: Mapping[str, str] | None = None,
    source: Mapping[str, Any] | None = None,
) -> MethodProfile:
    """Lay one method's phases (with these options) on a time axis starting at 0."""
    people = participants if participants is not None else method.group_size.ideal
    spans = []
    start = 0.0
    for number, phase in enumerate(method.phases_for(options), start=1):
        end = start + phase.planned_minutes(people)
        spans.append(
            PhaseSpan(
                number=number,
                id=phase.id,
                name=phase.name,
                kind=phase.kind,
                owner=phase.owner,
                start=start,
                end=end,
                lens=phase.lens,
                per_turn=phase.minutes_per_turn is not None,
            )
        )
        start = end
    return MethodProfile(
        id=method.id,
        name=method.name,
        summary=method.summary,
        level=method.level,
        group_size=method.group_size,
        participants=people,
        safety_needed=method.safety_needed,
        suits=tuple(method.suits),
        asks_of_group=method.asks_of_group,
        asks_of_facilitator=method.asks_of_facilitator,
        phases=tuple(spans),
        source=source,
    )


def compare(
    methods: Iterable[Method],
    participants: int | None = None,
    sources: Mapping[str, Mapping[str, Any]] | None = None,
) -> Comparison:
    """The comparison of `methods`, in the order given, each with its default options."""
    found = sources or {}
    return Comparison(tuple(profile(m, participants, source=found.get(m.id)) for m in methods))


# -- drawing helpers shared by the CLI and the screen ----------------------------------------


def _cell(minute: float, scale: float) -> int:
    return int(minute * scale + 0.5)


def bar_segments(
    profile: MethodProfile, width: int, axis_minutes: float | None = None
) -> list[tuple[PhaseSpan, int, int]]:
    """Each phase with its first cell and its cell count in a bar `width` cells wide.

    The whole bar of the longest method (`axis_minutes`) is `width` cells; shorter methods get
    proportionally fewer. A phase too short for a cell gets zero cells.
    """
    axis = axis_minutes if axis_minutes is not None else profile.minutes
    if width <= 0 or axis <= 0:
        return [(span, 0, 0) for span in profile.phases]
    scale = width / axis
    return [
        (span, _cell(span.start, scale), _cell(span.end, scale) - _cell(span.start, scale))
        for span in profile.phases
    ]


def bar_cells(profile: MethodProfile, width: int, axis_minutes: float | None = None) -> str:
    """The method's bar as owner-position symbols, one symbol per cell."""
    return "".join(
        span.symbol * count for span, _, count in bar_segments(profile, width, axis_minutes)
    )


def ruler(axis_minutes: float, width: int, step: int | None = None) -> str:
    """A minute scale for bars `width` cells wide: labels every `step` minutes, left-aligned."""
    if width <= 0 or axis_minutes <= 0:
        return ""
    if step is None:
        step = next((s for s in (5, 10, 15, 30, 60) if axis_minutes / s * 5 <= width), 60)
    scale = width / axis_minutes
    line = [" "] * (width + 6)
    minute = 0
    while minute <= axis_minutes + 1e-9:
        label = f"{minute}"
        at = _cell(minute, scale)
        if at + len(label) <= len(line) and all(c == " " for c in line[max(at - 1, 0) : at]):
            line[at : at + len(label)] = label
        minute += step
    return "".join(line).rstrip()


def phase_labels(
    profile: MethodProfile, width: int, axis_minutes: float | None, lang: str, numbers: bool = False
) -> str:
    """A line under a bar naming each phase at its first cell, cut to the cells it has."""
    line = [" "] * width
    for span, first, count in bar_segments(profile, width, axis_minutes):
        text = str(span.number) if numbers else span.name.get(lang)
        room = count - 1 if count > 1 else count
        if room <= 0:
            continue
        if len(text) > room:
            text = text[: max(room - 1, 1)] + "…" if room > 1 else text[:room]
        line[first : first + len(text)] = text
    return "".join(line).rstrip()


def format_minutes(minutes: float) -> str:
    """`10`, `10.5`: whole minutes without a decimal point."""
    rounded = round(minutes, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def legend(lang: str, positions: Sequence[OwnerPosition] | None = None) -> list[tuple[str, str]]:
    """Symbol and label for each owner position (all of them by default), in model order."""
    wanted = positions if positions is not None else list(OwnerPosition)
    return [(OWNER_SYMBOLS[p], tr(OWNER_LABELS[p], lang)) for p in OwnerPosition if p in wanted]


def lens_label(lens: Lens | None, lang: str) -> str:
    """A lens's name with its colour name, or an empty string."""
    if lens is None:
        return ""
    name = lens.name.get(lang)
    return f"{lens.symbol} {name}".strip() if lens.symbol else name
