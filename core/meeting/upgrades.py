"""Event versions: the steps that bring a stored event payload up to its current version.

A stored meeting must replay the same forever, so an event's payload is never reinterpreted
by today's rules: each event type has a version (`Event.version`, written as `"v"` in the
payload; a payload without one is version 1, the history from before versions), and when a
change alters a type's payload it takes the next version and adds one step here, from the
version before. Decoding (`event_from_dict`) runs the steps in order, so every place that
reads stored events (the store, the JSON import, a participant following the store) sees
current payloads only.

A step is a function from one payload (a plain dict) to the next version's. It must not call
the live rules it replaces: what it needs of them is copied into the step and frozen there,
so changing a rule later does not change how an old meeting replays. The rule for adding a
step, with an example, is in docs/architecture.md ("Event versions").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from intervisie.core.method.converter import converter, structure
from intervisie.core.method.model import Method, OwnerPosition, Phase, TurnMode, _patched

Payload = dict[str, Any]
Step = Callable[[Payload], Payload]

VERSION_KEY = "v"
"""The payload's key for its version; absent means version 1."""


class UpgradeError(ValueError):
    """A payload no step can bring to the current version (newer than this code, or broken)."""


class NewerVersion(UpgradeError):
    """A payload written by a newer intervisie: this code cannot know what it means."""

    def __init__(self, kind: str, version: int, current: int):
        super().__init__(
            f"event {kind!r} is version {version}, newer than this intervisie reads "
            f"(up to {current}): update intervisie to open it"
        )
        self.kind = kind
        self.version = version
        self.current = current


# -- round_started 1 -> 2 ----------------------------------------------------------------
# Version 1 stored the phase ids run (`order`) and their fitted minutes (`planned`); replay
# then re-ran the method's option patches and the turn rules. Version 2 stores what the
# engine resolved: each phase as run, its minutes and who takes a turn. Below is that
# resolution as the code did it when version 1 was written, frozen.


def _v1_turn_mode(phase: Phase) -> TurnMode:
    if phase.turns is not None:
        return phase.turns
    return TurnMode.EACH if phase.minutes_per_turn is not None else TurnMode.NONE


def _v1_planned_minutes(phase: Phase, participants: int) -> float:
    if phase.minutes_per_turn is not None:
        if phase.owner is OwnerPosition.NONE or phase.turns_include_owner:
            turns = max(participants, 1)
        else:
            turns = max(participants - 1, 1)
        return phase.minutes_per_turn * turns
    return float(phase.minutes or 0)


def _v1_phases(method: Method, options: Mapping[str, str], order: Sequence[str]) -> list[Phase]:
    """The phases run: those the options' `when` allow, patched by the chosen choices."""
    values = {option.id: option.default for option in method.options}
    values.update(options)
    patches: dict[str, dict[str, Any]] = {}
    for option in method.options:
        choice = next((c for c in option.choices if c.id == values[option.id]), None)
        if choice is None:
            raise KeyError(f"option {option.id!r} has no choice {values[option.id]!r}")
        for phase_id, patch in choice.phases.items():
            patches.setdefault(phase_id, {}).update(patch)
    kept = {
        p.id: _patched(p, patches.get(p.id))
        for p in method.phases
        if all(values.get(k) in allowed for k, allowed in p.when.items())
    }
    return [kept[phase_id] for phase_id in order]


def _v1_speakers(
    phase: Phase, participants: Sequence[str], lenses: Mapping[str, Sequence[str]]
) -> tuple[list[str], bool]:
    """Who took a turn, in order, and whether the case owner (once known) was left out."""
    mode = _v1_turn_mode(phase)
    if mode is TurnMode.NONE:
        return [], False
    if mode is TurnMode.LENS and phase.lens is not None:
        people = list(lenses.get(phase.lens.id, ()))
    else:
        people = list(participants)
    drops_owner = phase.owner is not OwnerPosition.NONE and not phase.turns_include_owner
    # Version 1 kept a lens's only holder when that holder was the owner: the same as
    # dropping the owner only where someone else holds the lens too.
    return people, drops_owner and (mode is TurnMode.EACH or len(people) > 1)


def _round_started_1_to_2(doc: Payload) -> Payload:
    method = structure(dict(doc["method"]), Method)
    participants = list(doc.get("participants", ()))
    planned = doc.get("planned", {})
    lenses = doc.get("lenses", {})
    phases = []
    for phase in _v1_phases(method, doc.get("options", {}), doc["order"]):
        turns, owner_skips_turn = _v1_speakers(phase, participants, lenses)
        entry: Payload = {
            "id": phase.id,
            "minutes": float(planned.get(phase.id, _v1_planned_minutes(phase, len(participants)))),
            "phase": converter.unstructure(phase),
        }
        if turns:
            entry["turns"] = turns
        if owner_skips_turn:
            entry["owner_skips_turn"] = True
        phases.append(entry)
    upgraded = {k: v for k, v in doc.items() if k not in ("order", "planned")}
    upgraded["phases"] = phases
    return upgraded


# -- the table ----------------------------------------------------------------------------

UPGRADES: Mapping[str, Mapping[int, Step]] = {
    "round_started": {1: _round_started_1_to_2},
}
"""Per event type, the step from each earlier version to the next."""


def upgrade(doc: Mapping[str, Any], current: int) -> Mapping[str, Any]:
    """`doc` brought to version `current` of its type (unchanged when it is already)."""
    version = doc.get(VERSION_KEY, 1)
    if version == current:
        return doc
    kind = doc.get("type")
    if type(version) is not int or version < 1:
        raise UpgradeError(f"event {kind!r}: version {version!r} is not a version")
    if version > current:
        raise NewerVersion(str(kind), version, current)
    steps = UPGRADES.get(str(kind), {})
    upgraded: Payload = dict(doc)
    while version < current:
        step = steps.get(version)
        if step is None:
            raise UpgradeError(f"event {kind!r}: no upgrade from version {version}")
        try:
            upgraded = step(upgraded)
        except (KeyError, TypeError, ValueError) as exc:
            raise UpgradeError(
                f"event {kind!r} of version {version} cannot be upgraded: {exc}"
            ) from None
        version += 1
    upgraded[VERSION_KEY] = current
    return upgraded
