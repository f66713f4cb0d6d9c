"""The method model: documents in, validated methods out, every problem named."""

from __future__ import annotations

import copy

import pytest

from intervisie.core.method import model
from intervisie.core.method.converter import DocumentError, method_document, structure
from intervisie.core.method.model import Method, MethodError, OwnerPosition, Text

DOC = {
    "id": "quick",
    "version": "1.0",
    "name": {"nl": "Snel consult", "en": "Quick consult"},
    "summary": {"nl": "Kort.", "en": "Short."},
    "level": "beginning",
    "group_size": {"min": 3, "ideal": 6, "max": 10},
    "options": [
        {
            "id": "speed",
            "name": {"nl": "Tempo", "en": "Pace"},
            "default": "normal",
            "choices": [
                {"id": "normal", "name": {"nl": "Normaal", "en": "Normal"}},
                {
                    "id": "fast",
                    "name": {"nl": "Snel", "en": "Fast"},
                    "phases": {"ask": {"minutes": 5}},
                },
            ],
        }
    ],
    "phases": [
        {
            "id": "ask",
            "name": {"nl": "Vragen", "en": "Questions"},
            "kind": "questions",
            "owner": "answering",
            "minutes": 10,
        },
        {
            "id": "advice",
            "name": {"nl": "Advies", "en": "Advice"},
            "kind": "round",
            "owner": "listening",
            "minutes_per_turn": 2,
        },
        {
            "id": "extra",
            "name": {"nl": "Extra", "en": "Extra"},
            "kind": "discussion",
            "owner": "participating",
            "minutes": 5,
            "when": {"speed": "normal"},
        },
    ],
}


def test_a_document_becomes_a_method_and_back() -> None:
    method = structure(copy.deepcopy(DOC), Method)
    assert method.phases[1].owner is OwnerPosition.LISTENING
    doc = method_document(method)
    assert structure(doc, Method) == method
    # A per-turn phase has minutes_per_turn and no minutes in the document.
    assert "minutes" not in doc["phases"][1]
    assert doc["phases"][1]["minutes_per_turn"] == 2


def test_total_minutes_counts_turns_without_the_owner() -> None:
    method = structure(copy.deepcopy(DOC), Method)
    # 10 + 2 per turn for 5 participants (6 present minus the owner) + 5
    assert method.total_minutes() == 25
    assert method.total_minutes(participants=4) == 10 + 6 + 5


def test_options_filter_and_patch_phases() -> None:
    method = structure(copy.deepcopy(DOC), Method)
    fast = method.phases_for({"speed": "fast"})
    assert [p.id for p in fast] == ["ask", "advice"]
    assert fast[0].minutes == 5
    with pytest.raises(KeyError):
        method.phases_for({"speed": "sluggish"})


def test_every_problem_is_reported_at_once_with_its_place() -> None:
    doc = copy.deepcopy(DOC)
    doc["phases"][1]["id"] = "ask"
    doc["phases"][2]["minutes"] = -3
    doc["group_size"] = {"min": 8, "ideal": 6, "max": 10}
    with pytest.raises(MethodError) as info:
        structure(doc, Method)
    text = str(info.value)
    assert "phase 'ask', id: appears twice" in text
    assert "phase 'extra', minutes: -3" in text
    assert "group_size" in text
    assert info.value.method_id == "quick"


def test_document_errors_name_the_field_path() -> None:
    doc = copy.deepcopy(DOC)
    doc["phases"][0]["minutes"] = "ten"
    doc["phases"][0]["colour"] = "blue"
    doc["level"] = "expert"
    del doc["version"]
    with pytest.raises(DocumentError) as info:
        structure(doc, Method)
    problems = "\n".join(info.value.problems)
    assert "$.phases[0].minutes" in problems
    assert "colour" in problems and "$.phases[0]" in problems
    assert "$.level" in problems
    assert "$.version" in problems


def test_a_missing_language_is_a_warning_not_an_error() -> None:
    doc = copy.deepcopy(DOC)
    doc["summary"] = {"nl": "Alleen Nederlands."}
    method = structure(doc, Method)
    assert method.language_warnings() == ["method 'quick', summary: no en text"]
    assert method.summary.resolve("en") == ("Alleen Nederlands.", True)
    assert method.summary.resolve("nl") == ("Alleen Nederlands.", False)


def test_text_needs_a_table_of_languages() -> None:
    doc = copy.deepcopy(DOC)
    doc["name"] = "Quick consult"
    with pytest.raises(DocumentError) as info:
        structure(doc, Method)
    assert "$.name" in str(info.value)
    assert Text.of(nl="Hallo").get("en") == "Hallo"


def _builtin_methods() -> list[Method]:
    from intervisie.core.plugins.loading import load_registry

    return [m.method for m in load_registry(house=False).methods.values()]


@pytest.mark.parametrize("method", _builtin_methods(), ids=lambda m: m.id)
def test_patches_built_without_the_converter_equal_the_converters(
    method: Method, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up builds plain patches itself; the phases must be exactly what cattrs builds."""
    quick = {
        (o.id, c.id): method.phases_for({o.id: c.id}) for o in method.options for c in o.choices
    }

    def refuse(*_args: object, **_kw: object) -> object:
        raise TypeError("converter only")

    monkeypatch.setattr(model, "_plain", refuse)
    for (option, choice), phases in quick.items():
        assert method.phases_for({option: choice}) == phases, (option, choice)


def test_a_patch_that_does_not_fit_is_named_by_the_converter() -> None:
    doc = copy.deepcopy(DOC)
    doc["options"][0]["choices"][1]["phases"] = {
        "ask": {"minutes": "five", "instructions": {"facilitator": {"nl": "Kort"}}}
    }
    with pytest.raises(MethodError) as info:
        structure(doc, Method)
    text = str(info.value)
    assert "options.speed.fast: phases.ask.minutes: expected a number, got str" in text


def test_a_partial_text_patch_keeps_the_other_language() -> None:
    doc = copy.deepcopy(DOC)
    doc["options"][0]["choices"][1]["phases"] = {"ask": {"name": {"en": "Quick questions"}}}
    method = structure(doc, Method)
    (ask, _advice) = method.phases_for({"speed": "fast"})
    assert ask.name == Text({"nl": "Vragen", "en": "Quick questions"})
