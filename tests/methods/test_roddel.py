"""The gossip method: the owner turned away while the group talks in the third person."""

from __future__ import annotations

import pytest

from intervisie.core import CaseKind, Level, OwnerPosition, PhaseKind, Safety, TurnMode


@pytest.fixture
def roddel(builtin):
    return builtin["roddel"]


def test_the_steps_in_order_with_the_owner_position_of_each(roddel) -> None:
    assert [(p.id, p.kind, p.owner) for p in roddel.phases_for()] == [
        ("case", PhaseKind.PRESENTATION, OwnerPosition.PRESENTING),
        ("questions", PhaseKind.QUESTIONS, OwnerPosition.ANSWERING),
        ("gossip", PhaseKind.ROUND, OwnerPosition.TURNED_AWAY),
        ("reaction", PhaseKind.PRESENTATION, OwnerPosition.PRESENTING),
        ("advice", PhaseKind.DISCUSSION, OwnerPosition.PARTICIPATING),
        ("evaluation", PhaseKind.EVALUATION, OwnerPosition.PARTICIPATING),
    ]


def test_in_the_gossip_phase_the_owner_is_turned_away_and_the_group_uses_the_third_person(
    roddel,
) -> None:
    gossip = roddel.phase("gossip")
    assert gossip.owner is OwnerPosition.TURNED_AWAY
    rules_en = " ".join(r.get("en") for r in gossip.rules)
    rules_nl = " ".join(r.get("nl") for r in gossip.rules)
    assert "Talk about the owner in the third person" in rules_en
    assert "in de derde persoon" in rules_nl
    assert "silent" in rules_en and "zwijgt" in rules_nl
    # The group goes round; the owner, turned away, has no turn.
    assert gossip.turn_mode is TurnMode.EACH
    assert gossip.turn_count(8) == 7
    # Only the gossip rounds turn the owner away.
    for options in ({}, {"gossip_rounds": "2"}):
        away = [p.id for p in roddel.phases_for(options) if p.owner is OwnerPosition.TURNED_AWAY]
        assert away == (["gossip"] if not options else ["gossip", "gossip2"])


def test_the_owner_reacts_only_after_returning_from_the_gossip(roddel) -> None:
    for options in ({}, {"gossip_rounds": "2"}):
        ids = [p.id for p in roddel.phases_for(options)]
        last_gossip = max(i for i, pid in enumerate(ids) if pid.startswith("gossip"))
        assert ids[last_gossip + 1] == "reaction"


def test_two_gossip_rounds_add_a_second_gossip_phase(roddel) -> None:
    assert roddel.default_options()["gossip_rounds"] == "1"
    one = roddel.phases_for({"gossip_rounds": "1"})
    two = roddel.phases_for({"gossip_rounds": "2"})
    assert [p.id for p in two if p.id not in {q.id for q in one}] == ["gossip2"]
    second = next(p for p in two if p.id == "gossip2")
    assert second.when == {"gossip_rounds": ("2",)}
    assert second.rules[0] == roddel.phase("gossip").rules[0]
    first = next(p for p in two if p.id == "gossip")
    assert first.name.get("en") == "First gossip round"
    assert 60 <= roddel.total_minutes(options={"gossip_rounds": "2"}) <= 80


def test_the_advice_phase_is_optional(roddel) -> None:
    assert roddel.default_options()["advice"] == "on"
    assert "advice" in [p.id for p in roddel.phases_for()]
    without = roddel.phases_for({"advice": "off"})
    assert "advice" not in [p.id for p in without]
    assert without[-2].id == "reaction"


@pytest.mark.parametrize(
    ("options", "low", "high"),
    [
        ({}, 50, 65),
        ({"advice": "off"}, 50, 65),
        ({"gossip_rounds": "2"}, 60, 80),
        ({"gossip_rounds": "2", "advice": "off"}, 60, 80),
    ],
)
def test_minutes_fall_in_the_ranges_of_methods_md(roddel, options, low, high) -> None:
    assert low <= roddel.total_minutes(options=options) <= high


def test_the_evaluation_asks_how_it_felt_to_be_gossiped_about(roddel) -> None:
    evaluation = roddel.phases_for()[-1]
    texts_en = [r.get("en") for r in evaluation.rules] + [p.get("en") for p in evaluation.prompts]
    texts_nl = [r.get("nl") for r in evaluation.rules] + [p.get("nl") for p in evaluation.prompts]
    assert any("how did it feel to be gossiped about" in s.lower() for s in texts_en)
    assert any("roddelen" in s for s in texts_nl)
    assert "gossiped about" in evaluation.instructions.facilitator.get("en")
    assert "safety" in {c.id for c in evaluation.criteria}


def test_advisor_metadata_says_experienced_group_and_high_safety(roddel) -> None:
    assert set(roddel.suits) == {
        CaseKind.RELATIONSHIP,
        CaseKind.DILEMMA,
        CaseKind.RECURRING_PROBLEM,
    }
    assert roddel.level is Level.EXPERIENCED
    assert roddel.safety_needed is Safety.HIGH
    assert roddel.name.get("nl") == "Roddelmethode"
