"""The engine's events: what happened in a meeting, one attrs class per event type.

Events are the meeting's record: the store appends them, a meeting replays from them, the
JSON export carries them. So each type has a stable `type` string and a payload `version`,
and `event_to_dict` / `event_from_dict` give a JSON-safe dict: `{"type": ..., "v": version,
"at": ISO-8601 UTC, "actor": ..., then the fields}` (fields at their default are left out).
`at` is a timezone-aware UTC datetime; `actor` is a member id or `"facilitator"`. A payload
of an earlier version is brought up to date by `intervisie.core.meeting.upgrades` as it is
decoded; whoever changes a type's fields raises its `version` and adds that step
(docs/architecture.md, "Event versions").

Case content (case titles and descriptions, contribution texts) lives only in the fields
listed in `CASE_CONTENT_FIELDS`; `redact` replaces it with a marker for the store's purge,
and a redacted meeting still replays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

import attrs
from attrs import field, frozen
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from intervisie.core.meeting.model import FACILITATOR, Case, Group
from intervisie.core.meeting.upgrades import VERSION_KEY, NewerVersion, UpgradeError, upgrade
from intervisie.core.method.converter import DocumentError, converter
from intervisie.core.method.model import CaseKind, ContributionKind, MeetingStep


class EventError(ValueError):
    """An event dict that is not one of ours (unknown type, missing or wrong field)."""


class NewerEventError(EventError):
    """An event written by a newer intervisie (its `v` is above this code's version)."""

    def __init__(self, message: str, kind: str, version: int, current: int):
        super().__init__(message)
        self.kind = kind
        self.version = version
        self.current = current


def _utc(value: datetime) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(f"event time must be a timezone-aware datetime, got {value!r}")
    return value.astimezone(UTC)


@frozen
class Event:
    """Base of every event. Subclasses set `type` and add their fields (with defaults).

    `version` is the version of the type's payload: a change to the fields takes the next
    one, with its upgrade step (`intervisie.core.meeting.upgrades.UPGRADES`).
    """

    type: ClassVar[str] = ""
    version: ClassVar[int] = 1
    at: datetime = field(converter=_utc)
    actor: str = field(default=FACILITATOR, kw_only=True)


# -- the meeting --------------------------------------------------------------------------


@frozen
class MeetingOpened(Event):
    """Setup is done: group, who is present, roles, time available, place, rule profile.

    `revisit` holds the cases discussed at the group's previous meeting (title and
    description may be a purge marker); cases left over from then follow as `CaseAdded`.
    """

    type: ClassVar[str] = "meeting_opened"
    group: Group = field(kw_only=True)
    present: tuple[str, ...] = field(kw_only=True)
    facilitator: str = field(kw_only=True)
    facilitator_participates: bool = field(default=False, kw_only=True)
    timekeeper: str | None = field(default=None, kw_only=True)
    note_taker: str | None = field(default=None, kw_only=True)
    observer: str | None = field(default=None, kw_only=True)
    confidentiality: tuple[str, ...] = field(default=(), kw_only=True)
    """Members present who accepted the confidentiality agreement."""
    minutes_available: float = field(default=0, kw_only=True)
    place: str = field(default="", kw_only=True)
    online: bool = field(default=False, kw_only=True)
    rule_profile: str = field(default="", kw_only=True)
    demo: bool = field(default=False, kw_only=True)
    revisit: tuple[Case, ...] = field(default=(), kw_only=True)


@frozen
class ConfidentialityAccepted(Event):
    """One member present accepted the confidentiality agreement, worded as `text`.

    At the opening one for each member present (after `MeetingOpened`); a member who arrives
    later accepts when they arrive. The text is kept with each acceptance, since a group may
    change its wording between meetings and the record must say what was agreed.
    """

    type: ClassVar[str] = "confidentiality_accepted"
    member: str = field(kw_only=True)
    text: str = field(default="", kw_only=True)


@frozen
class StepStarted(Event):
    """The meeting moved to one of its own steps: revisit, intake, choice, closing."""

    type: ClassVar[str] = "step_started"
    step: MeetingStep = field(kw_only=True)


@frozen
class Paused(Event):
    type: ClassVar[str] = "paused"


@frozen
class Resumed(Event):
    type: ClassVar[str] = "resumed"


@frozen
class Recovered(Event):
    """Appended on reopening a meeting that was not closed; pauses it as of `at`.

    `at` is the later of the last event's time and the meeting's `last_seen`.
    """

    type: ClassVar[str] = "recovered"


@frozen
class MeetingFinished(Event):
    type: ClassVar[str] = "meeting_finished"


# -- attendance ---------------------------------------------------------------------------


@frozen
class MemberArrived(Event):
    """A member of the group joins the running meeting: late, or `back` from a break.

    `confidentiality`: they accepted the confidentiality agreement on arrival (a late
    arrival must; someone back from a break accepted it before).
    """

    type: ClassVar[str] = "member_arrived"
    member: str = field(kw_only=True)
    confidentiality: bool = field(default=False, kw_only=True)
    back: bool = field(default=False, kw_only=True)


@frozen
class MemberLeft(Event):
    """A member leaves the running meeting: for good, or `on_break` (then back later)."""

    type: ClassVar[str] = "member_left"
    member: str = field(kw_only=True)
    on_break: bool = field(default=False, kw_only=True)


@frozen
class DetailsRecorded(Event):
    """Facts the certificate shows that the setup or the closing adds; None: unchanged.

    `provider`: who organised the meeting (a firm, a training provider). `what_came_up`:
    the facilitator's own short line of themes, without substance ("integrity,
    expectations management"). `attendance_check`: how attendance was checked online, by
    whom. None of these is case content: they stay when a meeting is purged.
    """

    type: ClassVar[str] = "details_recorded"
    provider: str | None = field(default=None, kw_only=True)
    what_came_up: str | None = field(default=None, kw_only=True)
    attendance_check: str | None = field(default=None, kw_only=True)


# -- cases --------------------------------------------------------------------------------


@frozen
class CaseAdded(Event):
    """A case on the meeting's list: at intake, in a method's intake phase, or carried over."""

    type: ClassVar[str] = "case_added"
    case: Case = field(kw_only=True)
    round_id: str | None = field(default=None, kw_only=True)
    phase_id: str | None = field(default=None, kw_only=True)
    carried_from: str | None = field(default=None, kw_only=True)
    """The case's id at the previous meeting, when it is left over from there."""


@frozen
class CaseEdited(Event):
    type: ClassVar[str] = "case_edited"
    case_id: str = field(kw_only=True)
    title: str = field(kw_only=True)
    description: str = field(default="", kw_only=True)
    kind: CaseKind | None = field(default=None, kw_only=True)


@frozen
class CaseChosen(Event):
    """The case for the next round (meeting step) or for this round (a method's choice phase).

    `by`: `vote`, `score`, `facilitator` or `only`. `tied` lists the cases that tied for
    first place (the first added of them won), so the UI can say so.
    """

    type: ClassVar[str] = "case_chosen"
    case_id: str = field(kw_only=True)
    owner: str = field(kw_only=True)
    by: str = field(kw_only=True)
    tied: tuple[str, ...] = field(default=(), kw_only=True)
    tally: Mapping[str, float] = field(factory=dict, kw_only=True, hash=False)
    round_id: str | None = field(default=None, kw_only=True)


# -- rounds and phases --------------------------------------------------------------------


@frozen
class PlannedPhase:
    """One phase of a round as the engine resolved it when the round started.

    `phase` is the phase document as run (the method's options applied), `minutes` its
    planned (fitted) minutes, `turns` who takes a turn in it, in order. When the case owner
    is not known yet (the method chooses its case), `turns` holds everyone who may speak and
    `owner_skips_turn` says the owner, once chosen, is left out as the phase starts.
    """

    id: str
    minutes: float
    phase: Mapping[str, Any] = field(hash=False)
    turns: tuple[str, ...] = ()
    owner_skips_turn: bool = False


@frozen
class RoundStarted(Event):
    """A method applied to a case. Holds the full method document, so it replays alone.

    `case_id` and `owner` are None when the method chooses its case in its own phases.
    `phases` are the phases run, as resolved at the start (replay folds these facts and does
    not apply the method's options or turn rules again); `options` the choices they were
    resolved with; `lenses` maps a lens id to the members holding it (assigned-lens mode).

    Version 2: `phases` replaced version 1's `order` (phase ids) and `planned` (minutes).
    """

    type: ClassVar[str] = "round_started"
    version: ClassVar[int] = 2
    round_id: str = field(kw_only=True)
    method: Mapping[str, Any] = field(kw_only=True, hash=False)
    options: Mapping[str, str] = field(factory=dict, kw_only=True, hash=False)
    phases: tuple[PlannedPhase, ...] = field(kw_only=True)
    case_id: str | None = field(default=None, kw_only=True)
    owner: str | None = field(default=None, kw_only=True)
    participants: tuple[str, ...] = field(default=(), kw_only=True)
    fit_minutes: float | None = field(default=None, kw_only=True)
    lenses: Mapping[str, tuple[str, ...]] = field(factory=dict, kw_only=True, hash=False)


@frozen
class PhaseChanged(Event):
    """The round moved from one phase to another. `how`: `next`, `previous` or `skip`."""

    type: ClassVar[str] = "phase_changed"
    round_id: str = field(kw_only=True)
    from_phase: str = field(kw_only=True)
    to_phase: str = field(kw_only=True)
    how: str = field(kw_only=True)


@frozen
class TurnAdvanced(Event):
    """The next speaker's turn in a phase that goes round; `turn` indexes the phase's turns."""

    type: ClassVar[str] = "turn_advanced"
    round_id: str = field(kw_only=True)
    phase_id: str = field(kw_only=True)
    turn: int = field(kw_only=True)


@frozen
class Extended(Event):
    type: ClassVar[str] = "extended"
    round_id: str = field(kw_only=True)
    phase_id: str = field(kw_only=True)
    minutes: float = field(kw_only=True)


@frozen
class Revealed(Event):
    """The facilitator revealed a hidden phase's contributions, all at once."""

    type: ClassVar[str] = "revealed"
    round_id: str = field(kw_only=True)
    phase_id: str = field(kw_only=True)


@frozen
class RoundFinished(Event):
    type: ClassVar[str] = "round_finished"
    round_id: str = field(kw_only=True)


# -- contributions ------------------------------------------------------------------------


@frozen
class ContributionAdded(Event):
    """A question, remark, force, rating, vote, EGT score, evaluation, note or take-away.

    Made in a round's phase (`round_id`, `phase_id`) or at a meeting step (`step`). `hidden`
    is true when the phase hides contributions until the reveal.
    """

    type: ClassVar[str] = "contribution_added"
    contribution_id: str = field(kw_only=True)
    author: str = field(kw_only=True)
    kind: ContributionKind = field(kw_only=True)
    text: str = field(default="", kw_only=True)
    step: MeetingStep | None = field(default=None, kw_only=True)
    round_id: str | None = field(default=None, kw_only=True)
    phase_id: str | None = field(default=None, kw_only=True)
    side: str | None = field(default=None, kw_only=True)
    ratings: Mapping[str, int] = field(factory=dict, kw_only=True, hash=False)
    lens: str | None = field(default=None, kw_only=True)
    target: str | None = field(default=None, kw_only=True)
    hidden: bool = field(default=False, kw_only=True)


@frozen
class ContributionEdited(Event):
    """New text and fields of a contribution (the whole of each, not a patch)."""

    type: ClassVar[str] = "contribution_edited"
    contribution_id: str = field(kw_only=True)
    text: str = field(default="", kw_only=True)
    side: str | None = field(default=None, kw_only=True)
    ratings: Mapping[str, int] = field(factory=dict, kw_only=True, hash=False)
    target: str | None = field(default=None, kw_only=True)


@frozen
class QuestionMarked(Event):
    """The case owner's mark on a question: `cold`, `warm`, `hot`, or None (taken back)."""

    type: ClassVar[str] = "question_marked"
    contribution_id: str = field(kw_only=True)
    mark: str | None = field(default=None, kw_only=True)


@frozen
class ContributionRemoved(Event):
    type: ClassVar[str] = "contribution_removed"
    contribution_id: str = field(kw_only=True)


EVENT_TYPES: Mapping[str, type[Event]] = {
    cls.type: cls
    for cls in (
        MeetingOpened,
        ConfidentialityAccepted,
        StepStarted,
        Paused,
        Resumed,
        Recovered,
        MeetingFinished,
        MemberArrived,
        MemberLeft,
        DetailsRecorded,
        CaseAdded,
        CaseEdited,
        CaseChosen,
        RoundStarted,
        PhaseChanged,
        TurnAdvanced,
        Extended,
        Revealed,
        RoundFinished,
        ContributionAdded,
        ContributionEdited,
        ContributionRemoved,
        QuestionMarked,
    )
}
"""Every event type by its `type` string."""


# -- JSON ---------------------------------------------------------------------------------


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _parse_at(value: Any, _: type) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        parsed = datetime.fromisoformat(value)
    else:
        raise ValueError(f"expected an ISO-8601 time, got {type(value).__name__}")
    if parsed.tzinfo is None:
        raise ValueError(f"time {value!r} has no timezone")
    return parsed.astimezone(UTC)


def _structure_json_dict(value: Any, _: type) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table, got {type(value).__name__}")
    return dict(value)


_PLANNED_STRUCTURE = make_dict_structure_fn(
    PlannedPhase,
    converter,
    _cattrs_forbid_extra_keys=True,
    phase=override(struct_hook=_structure_json_dict),
)
_PLANNED_UNSTRUCTURE = make_dict_unstructure_fn(
    PlannedPhase, converter, _cattrs_omit_if_default=True
)


def _structure_planned(value: Any, _: type) -> tuple[PlannedPhase, ...]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"expected a list of phases, got {type(value).__name__}")
    return tuple(_PLANNED_STRUCTURE(item, PlannedPhase) for item in value)


def _unstructure_planned(value: tuple[PlannedPhase, ...]) -> list[dict[str, Any]]:
    return [_PLANNED_UNSTRUCTURE(item) for item in value]


def _enum_hook(enum: type[StrEnum], optional: bool) -> Callable[[Any, type], Any]:
    """A dict lookup instead of calling the enum: replay decodes thousands of these."""
    members = {m.value: m for m in enum}

    def hook(value: Any, _: type) -> Any:
        if value is None and optional:
            return None
        try:
            return members[value]
        except (KeyError, TypeError):
            allowed = ", ".join(members)
            raise ValueError(f"{value!r} is not one of: {allowed}") from None

    return hook


_ENUM_FIELDS: Mapping[str, tuple[type[StrEnum], bool]] = {
    "kind": (ContributionKind, False),
    "step": (MeetingStep, True),
}

_UNSTRUCTURE: dict[type[Event], Callable[[Event], dict[str, Any]]] = {}
_STRUCTURE: dict[type[Event], Callable[[Mapping[str, Any], type], Event]] = {}

for _cls in EVENT_TYPES.values():
    _overrides: dict[str, Any] = {}
    if _cls is RoundStarted:
        _overrides["method"] = override(struct_hook=_structure_json_dict)
        _overrides["phases"] = override(struct_hook=_structure_planned)
    for _field in attrs.fields(_cls):
        if _field.name in _ENUM_FIELDS and _cls is not CaseEdited:
            _enum, _nullable = _ENUM_FIELDS[_field.name]
            _overrides[_field.name] = override(struct_hook=_enum_hook(_enum, _nullable))
    _unstruct: dict[str, Any] = {"at": override(unstruct_hook=_iso)}
    if _cls is RoundStarted:
        _unstruct["phases"] = override(unstruct_hook=_unstructure_planned)
    _UNSTRUCTURE[_cls] = make_dict_unstructure_fn(
        _cls, converter, _cattrs_omit_if_default=True, **_unstruct
    )
    _STRUCTURE[_cls] = make_dict_structure_fn(
        _cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        at=override(struct_hook=_parse_at),
        **_overrides,
    )


# A fast path for replay: plain field checks and a dict of parsers per event type. Anything
# it does not take (a wrong type, a missing or unknown key, a nested document) goes through
# cattrs, which either structures it or says precisely what is wrong.


def _is(kind: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(kind)
        return value

    return check


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else parse(value)


def _number(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise TypeError(float)


def _str_tuple(value: Any) -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str for v in value):
        raise TypeError(tuple)
    return tuple(value)


def _mapping_of(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def mapping(value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise TypeError(dict)
        return {k: parse(v) for k, v in value.items() if type(k) is str or _fail()}

    return mapping


def _fail() -> bool:
    raise TypeError("key")


def _fast_at(value: Any) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise TypeError("naive")
    return parsed


_STR, _INT, _BOOL = _is(str), _is(int), _is(bool)
_FAST_TYPES: dict[Any, Callable[[Any], Any]] = {
    str: _STR,
    int: _INT,
    bool: _BOOL,
    float: _number,
    str | None: _optional(_STR),
    float | None: _optional(_number),
    tuple[str, ...]: _str_tuple,
    Mapping[str, int]: _mapping_of(_INT),
    Mapping[str, float]: _mapping_of(_number),
    Mapping[str, str]: _mapping_of(_STR),
    Mapping[str, tuple[str, ...]]: _mapping_of(_str_tuple),
}


def _fast_parser(cls: type[Event], field_: attrs.Attribute) -> Callable[[Any], Any]:
    if field_.name == "at":
        return _fast_at
    if field_.name in _ENUM_FIELDS and cls is not CaseEdited:
        hook = _enum_hook(*_ENUM_FIELDS[field_.name])
        return lambda value: hook(value, object)
    if field_.name == "method":
        return lambda value: _structure_json_dict(value, dict)
    if field_.name == "phases" and cls is RoundStarted:
        return lambda value: _structure_planned(value, tuple)
    parse = _FAST_TYPES.get(field_.type)
    if parse is not None:
        return parse
    kind: Any = field_.type
    return lambda value: converter.structure(value, kind)


_FAST: dict[type[Event], dict[str, Callable[[Any], Any]]] = {}
for _cls in EVENT_TYPES.values():
    attrs.resolve_types(_cls)
    _FAST[_cls] = {f.name: _fast_parser(_cls, f) for f in attrs.fields(_cls)}


_ENVELOPE = frozenset({"type", VERSION_KEY})
"""The payload's keys that are not the event's fields."""


def event_to_dict(event: Event) -> dict[str, Any]:
    """A JSON-safe dict: `type`, `v` (its version), `at` (ISO-8601 UTC), `actor`, the fields."""
    body = _UNSTRUCTURE[type(event)](event)
    doc = {"type": event.type, VERSION_KEY: event.version, "at": body.pop("at")}
    doc["actor"] = event.actor
    body.pop("actor", None)
    doc.update(body)
    return doc


def event_from_dict(doc: Mapping[str, Any]) -> Event:
    """The event a dict from `event_to_dict` describes, of any version up to the current one
    (a dict without `v` is version 1); `EventError` says what is wrong."""
    if not isinstance(doc, Mapping):
        raise EventError(f"an event must be a table, got {type(doc).__name__}")
    kind = doc.get("type")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(sorted(EVENT_TYPES))
        raise EventError(f"unknown event type {kind!r} (known: {known})")
    if doc.get(VERSION_KEY, 1) != cls.version:
        try:
            doc = upgrade(doc, cls.version)
        except NewerVersion as exc:
            raise NewerEventError(str(exc), exc.kind, exc.version, exc.current) from None
        except UpgradeError as exc:
            raise EventError(str(exc)) from None
    parsers = _FAST[cls]
    try:
        return cls(**{k: parsers[k](v) for k, v in doc.items() if k not in _ENVELOPE})
    except Exception:  # not the plain shape: let cattrs structure it or name the problem
        pass
    body = {k: v for k, v in doc.items() if k not in _ENVELOPE}
    try:
        return _STRUCTURE[cls](body, cls)
    except Exception as exc:  # cattrs raises exception groups; say which field
        from intervisie.core.method.converter import _describe

        try:
            problems = _describe(exc)
        except Exception:
            problems = [str(exc)]
        raise EventError(f"event {kind!r}: " + "; ".join(problems)) from None


# -- case content -------------------------------------------------------------------------

CASE_CONTENT_FIELDS: Mapping[str, tuple[str, ...]] = {
    MeetingOpened.type: ("revisit[].title", "revisit[].description"),
    CaseAdded.type: ("case.title", "case.description"),
    CaseEdited.type: ("title", "description"),
    ContributionAdded.type: ("text",),
    ContributionEdited.type: ("text",),
}
"""Where case content lives, per event type; everything else is structure (kept by a purge)."""

PURGED = "[purged]"


def _redact_case(case: Case, marker: str) -> Case:
    return attrs.evolve(case, title=marker, description=marker if case.description else "")


def redact(event: Event, marker: str = PURGED) -> Event:
    """The event with all case content replaced by `marker`; other events unchanged.

    Empty texts stay empty (a vote has no text), so a purge does not invent content.
    """
    if isinstance(event, MeetingOpened):
        return attrs.evolve(event, revisit=tuple(_redact_case(c, marker) for c in event.revisit))
    if isinstance(event, CaseAdded):
        return attrs.evolve(event, case=_redact_case(event.case, marker))
    if isinstance(event, CaseEdited):
        return attrs.evolve(event, title=marker, description=marker if event.description else "")
    if isinstance(event, ContributionAdded | ContributionEdited):
        return attrs.evolve(event, text=marker if event.text else "")
    return event


__all__ = [
    "CASE_CONTENT_FIELDS",
    "EVENT_TYPES",
    "PURGED",
    "CaseAdded",
    "CaseChosen",
    "CaseEdited",
    "ConfidentialityAccepted",
    "ContributionAdded",
    "ContributionEdited",
    "ContributionRemoved",
    "DetailsRecorded",
    "DocumentError",
    "Event",
    "EventError",
    "Extended",
    "MeetingFinished",
    "MeetingOpened",
    "MemberArrived",
    "MemberLeft",
    "NewerEventError",
    "Paused",
    "PhaseChanged",
    "PlannedPhase",
    "QuestionMarked",
    "Recovered",
    "Resumed",
    "Revealed",
    "RoundFinished",
    "RoundStarted",
    "StepStarted",
    "TurnAdvanced",
    "event_from_dict",
    "event_to_dict",
    "redact",
]
