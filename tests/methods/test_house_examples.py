"""The example house methods in examples/house-methods/ load exactly as `method validate` loads
them, and are as complete as the built-ins."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie.core import LANGUAGES, CaseKind, OwnerPosition, PhaseKind
from intervisie.core.plugins.method_files import load_method_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "house-methods"
FILES = sorted(EXAMPLES.glob("*.toml"))
BUILTINS = {"incident", "roddel", "denkhoeden", "krachtenveld"}


def _builtin(method_id: str):
    """The base of an example that `extends` a method: only built-ins, never another file."""
    from intervisie.core.plugins.loading import load_registry

    found = load_registry(house=False).methods.get(method_id)
    return found.method if found is not None and found.source.kind == "builtin" else None


def load(name: str):
    return load_method_file(EXAMPLES / name, base_lookup=_builtin)


def test_there_are_the_example_house_methods() -> None:
    assert {f.name for f in FILES} >= {
        "vijf-fasen.toml",
        "kort-consult.toml",
        "incident-advocatuur.toml",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_example_is_a_valid_complete_bilingual_method(path: Path) -> None:
    method = load(path.name)
    assert method.id == path.stem
    assert method.id not in BUILTINS
    assert method.language_warnings() == []
    for place in (
        "summary",
        "when_to_use",
        "when_not_to_use",
        "asks_of_group",
        "asks_of_facilitator",
    ):
        assert not getattr(method, place).missing(LANGUAGES), place
    assert method.sources and method.suits
    for phase in method.phases_for():
        where = f"{path.name} phase {phase.id}"
        assert phase.planned_minutes(method.group_size.ideal) > 0, where
        assert phase.min_minutes is not None, where
        assert phase.goal and phase.rules and phase.prompts, where
        for role in ("facilitator", "case_owner", "participants"):
            assert not getattr(phase.instructions, role).missing(LANGUAGES), (where, role)
    last = method.phases_for()[-1]
    assert last.kind is PhaseKind.EVALUATION
    assert {c.id for c in last.criteria} == {"process", "result"}


def test_the_five_phase_model_follows_hendriksen() -> None:
    method = load("vijf-fasen.toml")
    phases = method.phases_for()
    assert [(p.id, p.kind, p.owner) for p in phases] == [
        ("inventory", PhaseKind.INTAKE, OwnerPosition.NONE),
        ("choose", PhaseKind.CHOICE, OwnerPosition.NONE),
        ("analysis", PhaseKind.QUESTIONS, OwnerPosition.ANSWERING),
        ("awareness", PhaseKind.DISCUSSION, OwnerPosition.PARTICIPATING),
        ("advice", PhaseKind.ROUND, OwnerPosition.LISTENING),
        ("response", PhaseKind.PRESENTATION, OwnerPosition.PRESENTING),
        ("evaluation", PhaseKind.EVALUATION, OwnerPosition.PARTICIPATING),
    ]
    minutes = {p.id: p.planned_minutes(method.group_size.ideal) for p in phases}
    # Hendriksen's five phases: inventory 5-15, analysis 20, awareness 15, advice 15,
    # evaluation 5-10.
    assert 5 <= minutes["inventory"] + minutes["choose"] <= 15
    assert minutes["analysis"] == 20
    assert minutes["awareness"] == 15
    assert 14 <= minutes["advice"] + minutes["response"] <= 16
    assert 5 <= minutes["evaluation"] <= 10
    assert 60 <= method.total_minutes() <= 75
    assert any("Hendriksen" in s for s in method.sources)
    assert "EGT" in phases[1].rules[0].get("en")


def test_the_quick_consult_takes_45_minutes_and_leaves_the_choice_to_the_owner() -> None:
    method = load("kort-consult.toml")
    assert method.total_minutes() == 45
    phases = method.phases_for()
    assert all(p.owner is not OwnerPosition.NONE for p in phases)
    ids = [p.id for p in phases]
    assert ids.index("tips") < ids.index("choose")
    tips = phases[ids.index("tips")]
    assert tips.owner is OwnerPosition.LISTENING and tips.minutes_per_turn == 2
    assert CaseKind.DECISION in method.suits


def test_an_extending_house_method_changes_only_what_it_says(builtin) -> None:
    base = builtin["incident"]
    method = load("incident-advocatuur.toml")
    assert [p.id for p in method.phases] == [p.id for p in base.phases]
    assert method.options == base.options
    assert method.name.get("nl") == "Incidentmethode (advocatuur)"
    assert method.when_to_use == base.when_to_use
    changed = {p.id for p, q in zip(method.phases, base.phases, strict=True) if p != q}
    assert changed == {"collect", "questions", "principles"}
    questions = method.phase("questions")
    assert (questions.minutes, questions.min_minutes) == (12, 6)
    assert questions.rules == base.phase("questions").rules
    collect = method.phase("collect")
    assert "rechtbank" in collect.prompts[0].get("nl")
    assert collect.instructions == base.phase("collect").instructions
    assert method.total_minutes() == base.total_minutes() + 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_method_validate_accepts_each_example(cli, path: Path) -> None:
    result = cli("method", "validate", str(path), env=None)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
    assert "warning" not in result.stderr


def test_the_examples_load_as_house_methods_from_the_methods_path(monkeypatch) -> None:
    from intervisie.core.plugins import loading as plugins

    monkeypatch.setenv("INTERVISIE_METHODS_PATH", str(EXAMPLES))
    registry = plugins.load_registry()
    assert registry.errors() == []
    for path in FILES:
        loaded = registry.methods[path.stem]
        assert loaded.source.kind == "house"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_example_keeps_its_languages_apart(path: Path) -> None:
    import re

    english = {"the", "and", "you", "with", "what", "not", "owner", "group"}
    dutch = {"de", "het", "een", "je", "niet", "van", "inbrenger", "groep", "wat"}
    method = load(path.name)
    for place, text in method.texts():
        nl = set(re.findall(r"[a-zà-ÿ]+", text.get("nl").lower()))
        en = set(re.findall(r"[a-zà-ÿ]+", text.get("en").lower()))
        assert not nl & english, (path.name, place, sorted(nl & english))
        assert not en & dutch, (path.name, place, sorted(en & dutch))
