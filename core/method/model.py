"""The method model: what a method *is*, independent of any meeting.

Every method, built-in, plugin or house TOML, ends up as one `Method` value. Validation
happens when a `Method` is built (`__attrs_post_init__`), so a method that exists is a
method the engine and the TUI can run. All problems are reported at once, each naming the
method, the phase and the field.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

_T = TypeVar("_T")

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The languages every built-in text has; plugins and house methods should have them too."""

_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


class PhaseKind(StrEnum):
    """What a phase captures; the TUI has one capture widget per kind."""

    INTAKE = "intake"
    CHOICE = "choice"
    PRESENTATION = "presentation"
    QUESTIONS = "questions"
    WRITING = "writing"
    ROUND = "round"
    DISCUSSION = "discussion"
    FORCES = "forces"
    RATING = "rating"
    EVALUATION = "evaluation"


class OwnerPosition(StrEnum):
    """Where the case owner is during a phase."""

    NONE = "none"
    PRESENTING = "presenting"
    ANSWERING = "answering"
    LISTENING = "listening"
    TURNED_AWAY = "turned_away"
    PARTICIPATING = "participating"


class TurnMode(StrEnum):
    """Who speaks in turn during a phase.

    `each`: every participant present, one after the other (the owner excluded unless the
    phase says `turns_include_owner`). `lens`: in assigned-lens mode, only the participants
    who hold the phase's lens. `none`: open talk, no turns.
    """

    NONE = "none"
    EACH = "each"
    LENS = "lens"


class Level(StrEnum):
    BEGINNING = "beginning"
    EXPERIENCED = "experienced"


class CaseKind(StrEnum):
    """The advisor's fixed list of case kinds."""

    INCIDENT = "incident"
    RECURRING_PROBLEM = "recurring_problem"
    STUCK_CHANGE = "stuck_change"
    DECISION = "decision"
    DILEMMA = "dilemma"
    RELATIONSHIP = "relationship"


class Safety(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ContributionKind(StrEnum):
    QUESTION = "question"
    WRITING = "writing"
    REMARK = "remark"
    FORCE = "force"
    RATING = "rating"
    VOTE = "vote"
    SCORE = "score"
    EVALUATION = "evaluation"
    NOTE = "note"
    TAKEAWAY = "takeaway"
    GOAL = "goal"
    """The desired situation, in the owner's words: the middle of a force field."""
    MARK = "mark"
    """A force the group marks as one of the strongest on its side (`target`: the force)."""
    ACTION = "action"
    """A way to weaken or strengthen a force (`target`: that force)."""
    PICK = "pick"
    """The case owner's choice of an action (`target`: the action)."""


class MeetingStep(StrEnum):
    """The meeting's own steps, outside any method; they do not count in a method's minutes."""

    REVISIT = "revisit"
    INTAKE = "intake"
    CHOICE = "choice"
    CLOSING = "closing"


_C = ContributionKind
ACCEPTS: Mapping[PhaseKind, frozenset[ContributionKind]] = {
    PhaseKind.INTAKE: frozenset({_C.NOTE}),
    PhaseKind.CHOICE: frozenset({_C.VOTE, _C.SCORE, _C.NOTE}),
    PhaseKind.PRESENTATION: frozenset({_C.NOTE, _C.TAKEAWAY, _C.GOAL}),
    PhaseKind.QUESTIONS: frozenset({_C.QUESTION, _C.NOTE}),
    PhaseKind.WRITING: frozenset({_C.WRITING}),
    PhaseKind.ROUND: frozenset({_C.REMARK, _C.NOTE, _C.TAKEAWAY}),
    PhaseKind.DISCUSSION: frozenset({_C.REMARK, _C.NOTE, _C.TAKEAWAY, _C.MARK, _C.ACTION, _C.PICK}),
    PhaseKind.FORCES: frozenset({_C.FORCE, _C.NOTE}),
    PhaseKind.RATING: frozenset({_C.RATING, _C.NOTE}),
    PhaseKind.EVALUATION: frozenset({_C.EVALUATION, _C.TAKEAWAY, _C.NOTE}),
}
"""Which contribution kinds each phase kind captures (the engine refuses the others)."""

STEP_ACCEPTS: Mapping[MeetingStep, frozenset[ContributionKind]] = {
    MeetingStep.REVISIT: frozenset({_C.NOTE}),
    MeetingStep.INTAKE: frozenset({_C.NOTE}),
    MeetingStep.CHOICE: frozenset({_C.VOTE, _C.SCORE}),
    MeetingStep.CLOSING: frozenset({_C.EVALUATION, _C.NOTE, _C.TAKEAWAY}),
}


def _text_values(value: Mapping[str, str]) -> Mapping[str, str]:
    return dict(value)


@frozen
class Text:
    """A localized string: `{"nl": ..., "en": ...}` in TOML and JSON alike.

    A text may lack a language; `get` then falls back to another language and
    `resolve` says that it did, so the UI can mark it.
    """

    values: Mapping[str, str] = field(converter=_text_values, factory=dict, hash=False)

    @classmethod
    def of(cls, nl: str | None = None, en: str | None = None, **others: str) -> Text:
        values = {k: v for k, v in {"nl": nl, "en": en, **others}.items() if v is not None}
        return cls(values)

    def resolve(self, lang: str) -> tuple[str, bool]:
        """The text in `lang`, and whether it is a fallback to another language."""
        if lang in self.values:
            return self.values[lang], False
        for other in (*LANGUAGES, *self.values):
            if other in self.values:
                return self.values[other], True
        return "", True

    def get(self, lang: str) -> str:
        return self.resolve(lang)[0]

    def missing(self, languages: Iterable[str] = LANGUAGES) -> list[str]:
        return [lang for lang in languages if not self.values.get(lang, "").strip()]

    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.values.values())

    def __bool__(self) -> bool:
        return not self.is_empty()


@frozen
class Instructions:
    """What each role does during a phase."""

    facilitator: Text = field(factory=Text)
    case_owner: Text = field(factory=Text)
    participants: Text = field(factory=Text)


@frozen
class Lens:
    """A perspective a phase is seen through (a thinking hat, a reflecting-team role)."""

    id: str
    name: Text
    colour: str
    """A colour name or `#rrggbb`; the UI always shows the name beside it."""
    question: Text = field(factory=Text)
    symbol: str = ""


@frozen
class Side:
    """One side of a force field (restraining, driving)."""

    id: str
    name: Text


@frozen
class Criterion:
    """Something scored in a rating or evaluation phase (intensity, influence, process)."""

    id: str
    name: Text
    min: int = 1
    max: int = 5


@frozen
class Phase:
    id: str
    name: Text
    kind: PhaseKind
    owner: OwnerPosition
    goal: Text = field(factory=Text)
    minutes: float | None = None
    minutes_per_turn: float | None = None
    min_minutes: float | None = None
    """Floor for fit-to-time (for a per-turn phase: per turn). Default: half the time."""
    turns: TurnMode | None = None
    """Default: `each` for a per-turn phase, else `none`."""
    turns_include_owner: bool = False
    rules: tuple[Text, ...] = ()
    instructions: Instructions = field(factory=Instructions)
    prompts: tuple[Text, ...] = ()
    lens: Lens | None = None
    sides: tuple[Side, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    hidden_until_reveal: bool = False
    owner_marks_hidden: bool = False
    """The case owner's marks on the questions (cold, warm, hot) are for the owner and the
    report only: the shared screen shows how many were marked, not which."""
    when: Mapping[str, tuple[str, ...]] = field(factory=dict, hash=False)
    """Include this phase only when each named option has one of the listed choices."""

    @property
    def turn_mode(self) -> TurnMode:
        if self.turns is not None:
            return self.turns
        return TurnMode.EACH if self.minutes_per_turn is not None else TurnMode.NONE

    def turn_count(self, participants: int) -> int:
        """Turns for `participants` present, the case owner included in that number."""
        if self.owner is OwnerPosition.NONE or self.turns_include_owner:
            return max(participants, 1)
        return max(participants - 1, 1)

    def planned_minutes(self, participants: int) -> float:
        if self.minutes_per_turn is not None:
            return self.minutes_per_turn * self.turn_count(participants)
        return float(self.minutes or 0)

    def floor_minutes(self, participants: int) -> float:
        if self.minutes_per_turn is not None:
            per_turn = (
                self.min_minutes if self.min_minutes is not None else self.minutes_per_turn / 2
            )
            return per_turn * self.turn_count(participants)
        if self.min_minutes is not None:
            return self.min_minutes
        return float(self.minutes or 0) / 2

    def accepts(self) -> frozenset[ContributionKind]:
        return ACCEPTS[self.kind]


@frozen
class Choice:
    """One variant of an option. `phases` patches phase fields by phase id."""

    id: str
    name: Text
    description: Text = field(factory=Text)
    phases: Mapping[str, Mapping[str, Any]] = field(factory=dict, hash=False)


@frozen
class Option:
    """A variant where sources differ (e.g. hats in parallel or assigned mode)."""

    id: str
    name: Text
    choices: tuple[Choice, ...]
    default: str
    description: Text = field(factory=Text)

    def choice(self, choice_id: str) -> Choice:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise KeyError(choice_id)


@frozen
class GroupSize:
    min: int
    ideal: int
    max: int


class MethodError(ValueError):
    """A method that cannot be built; `problems` lists every problem, each naming its place."""

    def __init__(self, method_id: str, problems: list[str]):
        self.method_id = method_id
        self.problems = problems
        super().__init__(f"method {method_id!r}: " + "; ".join(problems))


@frozen
class Method:
    id: str
    version: str
    name: Text
    summary: Text
    level: Level
    group_size: GroupSize
    phases: tuple[Phase, ...]
    when_to_use: Text = field(factory=Text)
    when_not_to_use: Text = field(factory=Text)
    asks_of_group: Text = field(factory=Text)
    asks_of_facilitator: Text = field(factory=Text)
    sources: tuple[str, ...] = ()
    suits: tuple[CaseKind, ...] = ()
    safety_needed: Safety = Safety.MEDIUM
    options: tuple[Option, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = method_problems(self)
        if problems:
            raise MethodError(self.id, problems)

    # -- options and phases -------------------------------------------------------------

    def default_options(self) -> dict[str, str]:
        return {option.id: option.default for option in self.options}

    def option_values(self, chosen: Mapping[str, str] | None = None) -> dict[str, str]:
        """The defaults overridden by `chosen`; unknown options or choices raise `KeyError`."""
        values = self.default_options()
        for key, value in (chosen or {}).items():
            option = next((o for o in self.options if o.id == key), None)
            if option is None:
                raise KeyError(f"method {self.id!r} has no option {key!r}")
            option.choice(value)
            values[key] = value
        return values

    def phases_for(
        self, options: Mapping[str, str] | None = None, order: Iterable[str] | None = None
    ) -> tuple[Phase, ...]:
        """The phases run with these options: filtered by `when`, patched by the choices."""
        values = self.option_values(options)
        patches: dict[str, dict[str, Any]] = {}
        for option in self.options:
            for phase_id, patch in option.choice(values[option.id]).phases.items():
                patches.setdefault(phase_id, {}).update(patch)
        phases = [
            _patched(p, patches.get(p.id))
            for p in self.phases
            if all(values.get(k) in allowed for k, allowed in p.when.items())
        ]
        if order is not None:
            by_id = {p.id: p for p in phases}
            wanted = list(order)
            unknown = [pid for pid in wanted if pid not in by_id]
            if unknown:
                raise KeyError(f"method {self.id!r} has no phase {', '.join(unknown)}")
            phases = [by_id[pid] for pid in wanted]
        return tuple(phases)

    def total_minutes(
        self, participants: int | None = None, options: Mapping[str, str] | None = None
    ) -> float:
        """Planned minutes for `participants` present (default: the ideal group size)."""
        people = participants if participants is not None else self.group_size.ideal
        return sum(p.planned_minutes(people) for p in self.phases_for(options))

    def phase(self, phase_id: str) -> Phase:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def texts(self) -> Iterable[tuple[str, Text]]:
        """Every text of the method with the place it stands, for language checks."""
        for name in (
            "name",
            "summary",
            "when_to_use",
            "when_not_to_use",
            "asks_of_group",
            "asks_of_facilitator",
        ):
            yield name, getattr(self, name)
        for option in self.options:
            yield f"options.{option.id}.name", option.name
            for choice in option.choices:
                yield f"options.{option.id}.{choice.id}.name", choice.name
        for phase in self.phases:
            yield from _phase_texts(phase)

    def language_warnings(self, languages: Iterable[str] = LANGUAGES) -> list[str]:
        """One line per text that lacks a language; a method still loads with these."""
        langs = tuple(languages)
        warnings = []
        for place, text in self.texts():
            if text.is_empty():
                continue
            missing = text.missing(langs)
            if missing:
                warnings.append(f"method {self.id!r}, {place}: no {'/'.join(missing)} text")
        return warnings


def _phase_texts(phase: Phase) -> Iterable[tuple[str, Text]]:
    where = f"phase {phase.id!r}"
    yield f"{where}, name", phase.name
    yield f"{where}, goal", phase.goal
    for i, rule in enumerate(phase.rules):
        yield f"{where}, rules[{i}]", rule
    for role in ("facilitator", "case_owner", "participants"):
        yield f"{where}, instructions.{role}", getattr(phase.instructions, role)
    for i, prompt in enumerate(phase.prompts):
        yield f"{where}, prompts[{i}]", prompt
    if phase.lens is not None:
        yield f"{where}, lens.name", phase.lens.name
        yield f"{where}, lens.question", phase.lens.question
    for side in phase.sides:
        yield f"{where}, sides.{side.id}", side.name
    for criterion in phase.criteria:
        yield f"{where}, criteria.{criterion.id}", criterion.name


_PHASE_FIELDS = {a.name for a in attrs.fields(Phase)}


def _patched(phase: Phase, patch: Mapping[str, Any] | None) -> Phase:
    """Apply a choice's partial phase document, structuring only the fields it names.

    A table patched onto a text or a small class keeps the keys it does not name. Plain
    values (numbers, texts, enums, the model's small classes, tuples of them) are built
    here; anything else, and anything wrong, goes to the converter, which builds it or names
    the problem. So loading the built-in methods, whose patches are all plain, does not
    import cattrs: that keeps the app's start quick (docs/architecture.md, Benchmarks).
    """
    if not patch:
        return phase
    types = _field_types(Phase)
    changes = {}
    for key, value in patch.items():
        current = getattr(phase, key)
        try:
            changes[key] = _plain(value, types[key], current)
        except Exception:
            try:
                changes[key] = _converted(value, types[key], current)
            except (ValueError, TypeError) as exc:
                where = f"phases.{phase.id}.{key}"
                problems = getattr(exc, "problems", None) or [f"$: {exc}"]
                raise ValueError("; ".join(p.replace("$", where) for p in problems)) from None
    return attrs.evolve(phase, **changes)


def _converted(value: Any, kind: Any, current: Any) -> Any:
    from intervisie.core.method.converter import converter, structure

    if isinstance(value, Mapping) and (isinstance(current, Text) or attrs.has(type(current))):
        value = {**converter.unstructure(current), **value}
    return structure(value, kind)


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    return {a.name: a.type for a in attrs.fields(attrs.resolve_types(cls))}


def plain_structure(doc: Mapping[str, Any], kind: type[_T]) -> _T:
    """Build `kind` from a well-formed document without the converter.

    The fast way to load a method file (the built-ins are TOML documents read at every
    start): it takes only plain, exactly typed values and raises on anything else, unknown
    keys included, so a caller that gets an exception hands the document to the converter,
    which builds it the same way or names every problem.
    """
    return _plain(doc, kind)


def _plain(value: Any, kind: Any, current: Any = None) -> Any:
    """`value` as `kind` when it is plain, merged onto `current` where that is a table;
    raises for anything else (the caller then asks the converter)."""
    shape, inner = _shape(kind)
    if shape == "text" and isinstance(value, Mapping):
        if not all(type(k) is str and type(v) is str for k, v in value.items()):
            raise TypeError("language texts must be strings")
        return Text({**current.values, **value} if isinstance(current, Text) else value)
    if shape == "exact" and type(value) is kind:
        return value
    if shape == "tuple" and isinstance(value, list | tuple):
        return tuple(_plain(item, inner) for item in value)
    if shape == "attrs" and isinstance(value, Mapping):
        fields = _field_types(kind)
        built = {key: _plain(item, fields[key]) for key, item in value.items()}
        return attrs.evolve(current, **built) if type(current) is kind else kind(**built)
    if shape == "enum" and type(value) is str:
        return kind(value)
    if shape == "float" and type(value) in (int, float):
        return float(value)
    if shape == "optional":
        return None if value is None else _plain(value, inner)
    if shape == "mapping" and isinstance(value, Mapping):
        if not all(type(k) is str for k in value):
            raise TypeError(kind)
        if inner is Any:
            return dict(value)
        return {key: _plain(item, inner) for key, item in value.items()}
    raise TypeError(f"not a plain {kind}")


@functools.cache
def _shape(kind: Any) -> tuple[str, Any]:
    """What `_plain` builds for a field type, and the type inside it; worked out once."""
    if kind in (str, bool, int):
        return "exact", None
    if kind is float:
        return "float", None
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return "enum", None
    if kind is Text:
        return "text", None
    if isinstance(kind, types.UnionType):
        others = [a for a in kind.__args__ if a is not type(None)]
        if len(others) == 1 and len(kind.__args__) == 2:
            return "optional", others[0]
        return "other", None
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Mapping and args[0] is str:
        return "mapping", args[1]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return "tuple", args[0]
    if attrs.has(kind):
        return "attrs", None
    return "other", None


MAX_MINUTES = 8 * 60
MAX_PHASES = 60


def method_problems(method: Method) -> list[str]:
    """Every problem that keeps `method` from running; empty when it is sound."""
    problems: list[str] = []
    if not _ID.match(method.id or ""):
        problems.append(
            f"id: {method.id!r} is not a valid id (a-z, 0-9, - and _, starting with a letter)"
        )
    if method.name.is_empty():
        problems.append("name: is empty")
    if method.summary.is_empty():
        problems.append("summary: is empty")
    for place, text in method.texts():
        bad = [k for k in text.values if not _LANG.match(k)]
        if bad:
            problems.append(f"{place}: {', '.join(map(repr, bad))} is not a language code")
    gs = method.group_size
    if not (1 <= gs.min <= gs.ideal <= gs.max <= 100):
        problems.append(
            f"group_size: needs 1 <= min <= ideal <= max <= 100, got {gs.min}, {gs.ideal}, {gs.max}"
        )
    if not method.phases:
        problems.append("phases: a method needs at least one phase")
    if len(method.phases) > MAX_PHASES:
        problems.append(f"phases: {len(method.phases)} phases, at most {MAX_PHASES}")
    seen: set[str] = set()
    option_ids = {o.id: {c.id for c in o.choices} for o in method.options}
    for phase in method.phases:
        problems.extend(_phase_problems(phase, seen, option_ids))
        seen.add(phase.id)
    for option in method.options:
        where = f"options.{option.id}"
        if not option.choices:
            problems.append(f"{where}: has no choices")
        elif option.default not in option_ids[option.id]:
            problems.append(
                f"{where}.default: {option.default!r} is not one of its choices "
                f"({', '.join(sorted(option_ids[option.id]))})"
            )
        for choice in option.choices:
            for phase_id, patch in choice.phases.items():
                if phase_id not in seen:
                    problems.append(f"{where}.{choice.id}.phases: no phase {phase_id!r}")
                    continue
                unknown = set(patch) - _PHASE_FIELDS
                if unknown:
                    problems.append(
                        f"{where}.{choice.id}.phases.{phase_id}: unknown field(s) "
                        f"{', '.join(sorted(unknown))}"
                    )
    if not problems and method.options:
        problems.extend(_variant_problems(method))
    if not problems:
        total = method.total_minutes()
        if total > MAX_MINUTES:
            problems.append(
                f"phases: {total:g} minutes in all, more than {MAX_MINUTES} "
                "(a meeting lasts at most a day)"
            )
    return problems


def _phase_problems(phase: Phase, seen: set[str], options: Mapping[str, set[str]]) -> list[str]:
    where = f"phase {phase.id!r}"
    problems = []
    if not _ID.match(phase.id or ""):
        problems.append(f"{where}, id: not a valid id (a-z, 0-9, - and _)")
    if phase.id in seen:
        problems.append(f"{where}, id: appears twice")
    if phase.name.is_empty():
        problems.append(f"{where}, name: is empty")
    if (phase.minutes is None) == (phase.minutes_per_turn is None):
        problems.append(f"{where}: give either minutes or minutes_per_turn")
    for name in ("minutes", "minutes_per_turn", "min_minutes"):
        value = getattr(phase, name)
        if value is not None and not (0 < value <= MAX_MINUTES):
            problems.append(f"{where}, {name}: {value:g} is outside 0 < minutes <= {MAX_MINUTES}")
    if phase.min_minutes is not None:
        top = phase.minutes if phase.minutes is not None else phase.minutes_per_turn
        if top is not None and phase.min_minutes > top:
            problems.append(
                f"{where}, min_minutes: {phase.min_minutes:g} is more than the phase's {top:g}"
            )
    if phase.turns is TurnMode.LENS and phase.lens is None:
        problems.append(f"{where}, turns: 'lens' needs a lens")
    if phase.kind is PhaseKind.FORCES and not phase.sides:
        problems.append(f"{where}, sides: a forces phase needs at least one side")
    for criterion in phase.criteria:
        if criterion.min >= criterion.max:
            problems.append(f"{where}, criteria.{criterion.id}: min must be below max")
    if phase.kind is PhaseKind.RATING and not phase.criteria:
        problems.append(f"{where}, criteria: a rating phase needs at least one criterion")
    for key, allowed in phase.when.items():
        if key not in options:
            problems.append(f"{where}, when: no option {key!r}")
        else:
            for value in allowed:
                if value not in options[key]:
                    problems.append(f"{where}, when.{key}: {value!r} is not a choice")
    return problems


def _variant_problems(method: Method) -> list[str]:
    """Every combination of defaults-but-one must leave a runnable list of phases."""
    problems = []
    option_ids = {o.id: {c.id for c in o.choices} for o in method.options}
    for option in method.options:
        for choice in option.choices:
            try:
                phases = method.phases_for({option.id: choice.id})
            except Exception as exc:  # a patch that does not fit the phase model
                problems.append(f"options.{option.id}.{choice.id}: {exc}")
                continue
            if not phases:
                problems.append(f"options.{option.id}.{choice.id}: leaves no phase")
            for phase in phases:
                if phase.id not in choice.phases:
                    continue
                for problem in _phase_problems(phase, set(), option_ids):
                    problems.append(f"options.{option.id}.{choice.id}: {problem}")
    return problems
