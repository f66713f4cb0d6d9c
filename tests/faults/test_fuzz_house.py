"""Fuzzing the house-method loader: no input gets past it as anything but its own error.

`read_document`, `build_method` and `load_method_file` promise one error type,
`HouseMethodError` (a `ValueError` that names the file and every problem). Whatever bytes,
text, document shape or mutation of a valid method hypothesis makes, the loader either
returns a `Method` or raises that, never a traceback of another kind. And every valid method
hypothesis builds survives document -> TOML or JSON -> `Method` exactly.

Example counts scale with the loaded hypothesis profile (`ci`: 400): see `N` below; the
fuzzers of this folder add up to more than 10,000 inputs under `ci`.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import string
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervisie.core.method.converter import method_document, structure
from intervisie.core.method.house import HouseMethodError, build_method, read_document
from intervisie.core.method.model import (
    CaseKind,
    Level,
    Method,
    MethodError,
    OwnerPosition,
    PhaseKind,
    Safety,
    TurnMode,
)
from intervisie.core.plugins.method_files import load_method_file

pytestmark = pytest.mark.fault

N = settings.default.max_examples  # 400 under the ci profile, 60 under dev


def fuzz(factor: float):
    return settings(
        max_examples=max(10, int(N * factor)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# -- writing TOML (tomllib reads only) ---------------------------------------------------


def toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def to_toml(doc: dict) -> str:
    return "".join(f"{toml_string(k)} = {toml_value(v)}\n" for k, v in doc.items())


def load_or_refuse(path: Path, lookup=lambda _id: None) -> Method | None:
    """The property: a `Method`, or `HouseMethodError` naming the file; nothing else."""
    try:
        return load_method_file(path, base_lookup=lookup)
    except HouseMethodError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
        assert str(path) in str(exc)
        return None


# -- valid method documents --------------------------------------------------------------

ids = st.from_regex(r"\A[a-z][a-z0-9_-]{0,15}\Z")
words = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())
any_text = st.text(max_size=30)
languages = st.sampled_from(["de", "fr", "fr-BE", "pt-BR", "fy", "pap"])


@st.composite
def texts(draw, required: bool = True) -> dict[str, str]:
    if required:
        doc = {"nl": draw(words), "en": draw(words)}
    else:
        doc = draw(st.dictionaries(st.sampled_from(["nl", "en"]), any_text, max_size=2))
    doc.update(draw(st.dictionaries(languages, words, max_size=2)))
    return doc


minutes = st.floats(0.25, 60, allow_nan=False).map(lambda m: round(m, 2))


@st.composite
def phases(draw, phase_id: str, option_ids: dict[str, list[str]]) -> dict:
    kind = draw(st.sampled_from(list(PhaseKind)))
    doc: dict = {
        "id": phase_id,
        "name": draw(texts()),
        "kind": kind.value,
        "owner": draw(st.sampled_from(list(OwnerPosition))).value,
    }
    per_turn = draw(st.booleans())
    top = draw(st.floats(0.25, 5).map(lambda m: round(m, 2)) if per_turn else minutes)
    doc["minutes_per_turn" if per_turn else "minutes"] = top
    if draw(st.booleans()):
        doc["min_minutes"] = round(top * draw(st.floats(0.1, 1)), 3) or top
    if draw(st.booleans()):
        doc["goal"] = draw(texts(required=False))
    if draw(st.booleans()):
        doc["rules"] = draw(st.lists(texts(), max_size=3))
    if draw(st.booleans()):
        doc["prompts"] = draw(st.lists(texts(), max_size=3))
    if draw(st.booleans()):
        doc["instructions"] = {
            role: draw(texts())
            for role in draw(
                st.lists(
                    st.sampled_from(["facilitator", "case_owner", "participants"]), unique=True
                )
            )
        }
    lens = draw(st.booleans())
    if lens:
        doc["lens"] = {
            "id": draw(ids),
            "name": draw(texts()),
            "colour": draw(st.sampled_from(["white", "red", "#112233", "zwart"])),
        }
        if draw(st.booleans()):
            doc["lens"]["question"] = draw(texts())
        if draw(st.booleans()):
            doc["lens"]["symbol"] = draw(st.sampled_from(["○", "●", "☂", "x"]))
    turns = draw(st.sampled_from([None, *TurnMode]))
    if turns is not None and (turns is not TurnMode.LENS or lens):
        doc["turns"] = turns.value
    if draw(st.booleans()):
        doc["turns_include_owner"] = True
    if kind is PhaseKind.FORCES or draw(st.booleans()):
        side_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
        doc["sides"] = [{"id": s, "name": draw(texts())} for s in side_ids]
    if kind is PhaseKind.RATING or draw(st.booleans()):
        crit_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
        criteria = []
        for c in crit_ids:
            low = draw(st.integers(-5, 5))
            criteria.append(
                {"id": c, "name": draw(texts()), "min": low, "max": low + draw(st.integers(1, 9))}
            )
        doc["criteria"] = criteria
    if draw(st.booleans()):
        doc["hidden_until_reveal"] = True
    if option_ids and draw(st.booleans()):
        option = draw(st.sampled_from(sorted(option_ids)))
        doc["when"] = {option: [option_ids[option][0]]}  # the default: never leaves no phase
    return doc


@st.composite
def method_documents(draw) -> dict:
    option_ids = draw(
        st.dictionaries(ids, st.lists(ids, min_size=1, max_size=2, unique=True), max_size=1)
    )
    phase_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    low = draw(st.integers(1, 6))
    ideal = draw(st.integers(low, 10))
    doc: dict = {
        "id": draw(ids),
        "version": draw(words),
        "name": draw(texts()),
        "summary": draw(texts()),
        "level": draw(st.sampled_from(list(Level))).value,
        "group_size": {"min": low, "ideal": ideal, "max": draw(st.integers(ideal, 12))},
        "phases": [draw(phases(pid, option_ids)) for pid in phase_ids],
    }
    for name in ("when_to_use", "when_not_to_use", "asks_of_group", "asks_of_facilitator"):
        if draw(st.booleans()):
            doc[name] = draw(texts())
    if draw(st.booleans()):
        doc["sources"] = draw(st.lists(words, max_size=3))
    if draw(st.booleans()):
        doc["suits"] = [k.value for k in draw(st.lists(st.sampled_from(list(CaseKind))))]
    if draw(st.booleans()):
        doc["safety_needed"] = draw(st.sampled_from(list(Safety))).value
    if option_ids:
        doc["options"] = []
        for option_id, choice_ids in option_ids.items():
            choices = []
            for choice_id in choice_ids:
                choice: dict = {"id": choice_id, "name": draw(texts())}
                if draw(st.booleans()):
                    target = draw(st.sampled_from(phase_ids))
                    choice["phases"] = {target: {"hidden_until_reveal": draw(st.booleans())}}
                choices.append(choice)
            doc["options"].append(
                {
                    "id": option_id,
                    "name": draw(texts()),
                    "choices": choices,
                    "default": choice_ids[0],
                }
            )
    return doc


def build(doc: dict) -> Method | None:
    try:
        return structure(doc, Method)
    except MethodError:
        return None  # e.g. more than 480 minutes in all: a rare draw, filtered below


# -- the fuzzers -------------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "house-methods"


def _bases() -> list[dict]:
    """Rich valid documents to damage: every built-in method and the example house methods.

    Sampling these is much cheaper than generating a method for every input, so the
    damaging fuzzers can try thousands of inputs within CI's time.
    """
    from intervisie.core.plugins.loading import load_registry

    registry = load_registry(house=False, only=("incident", "roddel", "denkhoeden", "krachtenveld"))
    docs = [
        method_document(loaded.method)
        for loaded in registry.methods.values()
        if loaded.source.kind == "builtin"
    ]
    for path in sorted(EXAMPLES.glob("*.toml")):
        doc = read_document(path)
        if "extends" not in doc:
            docs.append(doc)
    assert len(docs) >= 3
    return docs


BASES = _bases()
bases = st.sampled_from(range(len(BASES))).map(lambda i: copy.deepcopy(BASES[i]))


@fuzz(8)
@given(data=st.binary(max_size=2000))
def test_any_bytes_are_a_method_or_a_named_error(tmp_path: Path, fuzz_inputs: Counter, data):
    fuzz_inputs["house: bytes"] += 1
    for suffix in (".toml", ".json"):
        path = tmp_path / f"fuzz{suffix}"
        path.write_bytes(data)
        load_or_refuse(path)


TOKENS = [
    *"=[]{},.\"'#\n\t ",
    "[[phases]]",
    "[phases]",
    "id",
    "minutes",
    "name",
    "nl",
    "en",
    '"""',
    "'''",
    "true",
    "nan",
    "-inf",
    "1e999",
    "0x1F",
    "1979-05-27T07:32:00Z",
    "\\u00e9",
    "\\",
    "é",
    "🙂",
    "\u202e",
    "\ufeff",
    "\x00",
]


@fuzz(8)
@given(
    valid=bases,
    cut=st.integers(0, 10_000),
    length=st.integers(0, 40),
    noise=st.lists(st.sampled_from(TOKENS) | st.text(string.printable, max_size=5), max_size=8),
)
def test_damaged_toml_text_is_a_method_or_a_named_error(
    tmp_path: Path, fuzz_inputs: Counter, valid, cut, length, noise
):
    """A valid file with a stretch cut out and tokens put in its place (a bad edit)."""
    fuzz_inputs["house: damaged text"] += 1
    text = to_toml(valid)
    cut %= len(text) + 1
    damaged = text[:cut] + "".join(noise) + text[cut + length :]
    path = tmp_path / "damaged.toml"
    path.write_text(damaged, encoding="utf-8")
    load_or_refuse(path)


toml_scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["questions", "answering", "beginning", "nl", "incident", ""])
)
FIELDS = [
    "id",
    "version",
    "name",
    "summary",
    "level",
    "group_size",
    "phases",
    "minutes",
    "minutes_per_turn",
    "min_minutes",
    "kind",
    "owner",
    "nl",
    "en",
    "min",
    "ideal",
    "max",
    "extends",
    "phase_order",
    "options",
    "choices",
    "default",
    "when",
    "lens",
    "sides",
    "criteria",
    "turns",
    "colour",
]
keys = st.sampled_from(FIELDS) | st.text(max_size=8)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=8,
)


@fuzz(3)
@given(doc=st.dictionaries(keys, toml_values, max_size=8), extends=st.booleans())
def test_documents_of_any_shape_are_a_method_or_a_named_error(
    tmp_path: Path, fuzz_inputs: Counter, incident: Method, doc, extends
):
    fuzz_inputs["house: any shape"] += 1
    if extends:
        doc["extends"] = "incident"
    path = tmp_path / "shape.toml"
    path.write_text(to_toml(doc), encoding="utf-8")
    load_or_refuse(path, lambda mid: incident if mid == "incident" else None)


def paths(doc, prefix=()):
    """Every (path, value) inside a document."""
    yield prefix, doc
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from paths(value, (*prefix, i))


@fuzz(6)
@given(valid=bases, data=st.data())
def test_a_valid_method_with_one_thing_wrong_is_a_method_or_a_named_error(
    tmp_path: Path, fuzz_inputs: Counter, valid, data
):
    """Delete, replace or add one key anywhere in a valid document (a typo, a slip)."""
    fuzz_inputs["house: one mutation"] += 1
    places = [p for p, _ in paths(valid) if p]
    place = data.draw(st.sampled_from(places))
    parent = valid
    for step in place[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["delete", "replace", "add"]))
    if action == "delete":
        del parent[place[-1]]
    elif action == "replace":
        parent[place[-1]] = data.draw(toml_values)
    elif isinstance(parent, dict):
        parent[data.draw(keys)] = data.draw(toml_values)
    else:
        parent.append(data.draw(toml_values))
    path = tmp_path / "mutated.json"
    path.write_text(json.dumps(valid, allow_nan=True), encoding="utf-8")
    load_or_refuse(path)
    with contextlib.suppress(HouseMethodError):
        build_method(valid, path)


@fuzz(1)
@given(doc=method_documents())
def test_a_valid_method_round_trips_exactly_through_toml_and_json(
    tmp_path: Path, fuzz_inputs: Counter, doc
):
    fuzz_inputs["house: round trip"] += 1
    method = build(doc)
    if method is None:
        return
    document = method_document(method)
    toml_file = tmp_path / "trip.toml"
    toml_file.write_text(to_toml(document), encoding="utf-8")
    json_file = tmp_path / "trip.json"
    json_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for path in (toml_file, json_file):
        assert read_document(path) == document
        again = load_method_file(path, base_lookup=lambda _id: None)
        assert again == method
        assert method_document(again) == document


@pytest.fixture(scope="session")
def incident() -> Method:
    from intervisie.core.plugins.loading import load_registry

    return load_registry(house=False, only=["incident"]).get("incident")
