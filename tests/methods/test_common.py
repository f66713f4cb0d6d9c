"""What every built-in method must have, checked through the installed entry points."""

from __future__ import annotations

import re

import pytest

from intervisie.core import (
    LANGUAGES,
    Method,
    OwnerPosition,
    PhaseKind,
    Text,
    TurnMode,
)
from intervisie.core.method.converter import method_document, structure

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")

# Minutes with default options at the ideal group size: the ranges the methods' sources give.
RANGES = {
    "incident": (50, 90),
    "roddel": (50, 65),
    "denkhoeden": (60, 90),
    "krachtenveld": (60, 90),
}
SOURCES = {
    "incident": ("Pigors", "Hendriksen"),
    "roddel": (),
    "denkhoeden": ("de Bono",),
    "krachtenveld": ("Lewin",),
}
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem|ipsum)\b|\?\?\?", re.IGNORECASE)


def phase_texts(phase) -> list[tuple[str, Text]]:
    texts = [("name", phase.name), ("goal", phase.goal)]
    texts += [
        (f"instructions.{role}", getattr(phase.instructions, role))
        for role in ("facilitator", "case_owner", "participants")
    ]
    texts += [(f"rules[{i}]", rule) for i, rule in enumerate(phase.rules)]
    texts += [(f"prompts[{i}]", prompt) for i, prompt in enumerate(phase.prompts)]
    if phase.lens is not None:
        texts += [("lens.name", phase.lens.name), ("lens.question", phase.lens.question)]
    texts += [(f"sides.{s.id}", s.name) for s in phase.sides]
    texts += [(f"criteria.{c.id}", c.name) for c in phase.criteria]
    return texts


def method_texts(method: Method) -> list[tuple[str, Text]]:
    texts = list(method.texts())
    for option in method.options:
        texts.append((f"options.{option.id}.description", option.description))
        texts += [
            (f"options.{option.id}.{c.id}.description", c.description) for c in option.choices
        ]
    return texts


@pytest.mark.parametrize("name", BUILTINS)
def test_the_entry_point_gives_the_method_with_the_same_id(builtin, name: str) -> None:
    method = builtin[name]
    assert method.id == name
    assert method.version == "1.0"


@pytest.mark.parametrize("name", BUILTINS)
def test_the_plugin_loader_finds_every_builtin_without_errors(name: str) -> None:
    from intervisie.core.plugins.loading import load_registry

    registry = load_registry(house=False)
    loaded = registry.methods[name]
    assert loaded.source.kind == "builtin"
    assert loaded.source.distribution == "intervisie"
    info = next(p for p in registry.plugins if p.name == name)
    assert info.error is None
    assert info.warnings == []
    assert info.methods == [name]


@pytest.mark.parametrize("name", BUILTINS)
def test_every_metadata_text_is_there_in_dutch_and_english(builtin, name: str) -> None:
    method = builtin[name]
    assert method.language_warnings() == []
    for place, text in method_texts(method):
        for lang in LANGUAGES:
            assert text.values.get(lang, "").strip(), f"{name} {place}: no {lang} text"
    for place in (
        "summary",
        "when_to_use",
        "when_not_to_use",
        "asks_of_group",
        "asks_of_facilitator",
    ):
        text = getattr(method, place)
        assert text.get("nl") != text.get("en"), f"{name} {place}: Dutch is a copy"


@pytest.mark.parametrize("name", BUILTINS)
def test_every_phase_in_every_variant_is_complete_in_both_languages(
    builtin, combinations, name: str
) -> None:
    method = builtin[name]
    for options in combinations(method):
        for phase in method.phases_for(options):
            where = f"{name} {options} phase {phase.id}"
            for place, text in phase_texts(phase):
                for lang in LANGUAGES:
                    assert text.values.get(lang, "").strip(), f"{where} {place}: no {lang}"
            assert phase.goal, where
            assert phase.rules, f"{where}: no rules"
            assert phase.prompts, f"{where}: no prompts"
            assert phase.instructions.facilitator, where
            assert phase.instructions.case_owner, where
            assert phase.instructions.participants, where


@pytest.mark.parametrize("name", BUILTINS)
def test_no_text_is_a_placeholder_or_a_long_sentence(builtin, combinations, name: str) -> None:
    method = builtin[name]
    texts = method_texts(method)
    for options in combinations(method):
        for phase in method.phases_for(options):
            texts += [(f"phase {phase.id} {place}", text) for place, text in phase_texts(phase)]
    for place, text in texts:
        for lang, value in text.values.items():
            assert not PLACEHOLDER.search(value), f"{name} {place} [{lang}]: {value!r}"
            assert value == value.strip() and "  " not in value, f"{name} {place} [{lang}]"
            for sentence in re.split(r"(?<=[.!?:;])\s+", value):
                words = len(sentence.split())
                assert words <= 30, f"{name} {place} [{lang}]: long sentence {sentence!r}"


@pytest.mark.parametrize("name", BUILTINS)
def test_every_phase_has_minutes_and_a_floor(builtin, combinations, name: str) -> None:
    method = builtin[name]
    for options in combinations(method):
        for phase in method.phases_for(options):
            where = f"{name} {options} phase {phase.id}"
            for people in (method.group_size.min, method.group_size.ideal, method.group_size.max):
                assert phase.planned_minutes(people) > 0, where
                assert 0 < phase.floor_minutes(people) <= phase.planned_minutes(people), where
            assert phase.min_minutes is not None, f"{where}: no min_minutes"


@pytest.mark.parametrize("name", BUILTINS)
def test_total_minutes_with_default_options_fall_in_the_range_of_the_method(
    builtin, name: str
) -> None:
    low, high = RANGES[name]
    assert low <= builtin[name].total_minutes() <= high


@pytest.mark.parametrize("name", BUILTINS)
def test_the_round_closes_with_a_scored_evaluation(builtin, combinations, name: str) -> None:
    method = builtin[name]
    for options in combinations(method):
        last = method.phases_for(options)[-1]
        assert last.kind is PhaseKind.EVALUATION
        assert last.owner is OwnerPosition.PARTICIPATING
        assert {c.id for c in last.criteria} >= {"process", "result"}
        for criterion in last.criteria:
            assert (criterion.min, criterion.max) == (1, 5)


@pytest.mark.parametrize("name", BUILTINS)
def test_advisor_metadata_is_filled_in(builtin, name: str) -> None:
    method = builtin[name]
    assert method.suits
    gs = method.group_size
    assert 3 <= gs.min <= gs.ideal <= gs.max <= 10
    for word in SOURCES[name]:
        assert any(word in source for source in method.sources), (name, word)
    assert method.sources


@pytest.mark.parametrize("name", BUILTINS)
def test_every_option_has_a_default_and_a_description(builtin, name: str) -> None:
    method = builtin[name]
    assert method.options
    for option in method.options:
        assert option.default in {c.id for c in option.choices}
        assert len(option.choices) >= 2
        assert option.description
        assert all(c.description for c in option.choices)


@pytest.mark.parametrize("name", BUILTINS)
def test_only_the_owner_free_steps_come_before_a_case_owner_exists(
    builtin, combinations, name: str
) -> None:
    method = builtin[name]
    for options in combinations(method):
        phases = method.phases_for(options)
        kinds = [p.kind for p in phases]
        for i, phase in enumerate(phases):
            no_owner = phase.owner is OwnerPosition.NONE
            before_choice = PhaseKind.CHOICE in kinds[i:]
            assert no_owner == (before_choice or phase.kind is PhaseKind.CHOICE), phase.id


@pytest.mark.parametrize("name", BUILTINS)
def test_the_owner_tells_the_case_and_answers_questions_before_the_group_works_on_it(
    builtin, combinations, name: str
) -> None:
    method = builtin[name]
    for options in combinations(method):
        phases = [p for p in method.phases_for(options) if p.owner is not OwnerPosition.NONE]
        where = f"{name} {options}"
        assert phases[0].owner is OwnerPosition.PRESENTING, where
        assert phases[1].kind is PhaseKind.QUESTIONS, where
        for phase in phases:
            if phase.kind is PhaseKind.QUESTIONS:
                assert phase.owner is OwnerPosition.ANSWERING, f"{where} {phase.id}"


@pytest.mark.parametrize("name", BUILTINS)
def test_a_silent_owner_never_has_a_turn(builtin, combinations, name: str) -> None:
    silent = {OwnerPosition.LISTENING, OwnerPosition.TURNED_AWAY}
    method = builtin[name]
    for options in combinations(method):
        for phase in method.phases_for(options):
            if phase.owner in silent:
                assert not phase.turns_include_owner, f"{name} {options} {phase.id}"


@pytest.mark.parametrize("name", BUILTINS)
def test_a_lens_turn_needs_a_lens(builtin, combinations, name: str) -> None:
    method = builtin[name]
    for options in combinations(method):
        for phase in method.phases_for(options):
            if phase.turn_mode is TurnMode.LENS:
                assert phase.lens is not None


@pytest.mark.parametrize("name", BUILTINS)
def test_the_method_document_loads_back_as_the_same_method(builtin, name: str) -> None:
    method = builtin[name]
    doc = method_document(method)
    assert structure(doc, Method) == method
    assert not any("minutes" in p and "minutes_per_turn" in p for p in doc["phases"])


ENGLISH_WORDS = {"the", "and", "you", "with", "what", "not", "owner", "group"}
DUTCH_WORDS = {"de", "het", "een", "je", "niet", "van", "inbrenger", "groep", "wat"}


def _words(value: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", value.replace("de Bono", "").lower()))


@pytest.mark.parametrize("name", BUILTINS)
def test_each_language_is_written_in_that_language(builtin, combinations, name: str) -> None:
    """A text pasted into the wrong language slot shows up as the other language's words."""
    method = builtin[name]
    texts = method_texts(method)
    for options in combinations(method):
        for phase in method.phases_for(options):
            texts += [(f"phase {phase.id} {place}", text) for place, text in phase_texts(phase)]
    for place, text in texts:
        nl, en = _words(text.get("nl")), _words(text.get("en"))
        assert not nl & ENGLISH_WORDS, f"{name} {place} [nl]: {sorted(nl & ENGLISH_WORDS)}"
        assert not en & DUTCH_WORDS, f"{name} {place} [en]: {sorted(en & DUTCH_WORDS)}"
