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


def test_in_the_gossip_phase_the_owner_is_turned_away_without_a_turn(roddel) -> None:
    gossip = roddel.phase("gossip")
    assert gossip.owner is OwnerPosition.TURNED_AWAY
    # The group goes round; the owner, turned away, has no turn.
    assert gossip.turn_mode is TurnMode.EACH
    assert not gossip.turns_include_owner
    assert gossip.turn_count(8) == 7
    # Only the gossip rounds turn the owner away.
    for options in ({}, {"gossip_rounds": "2"}):
        away = [p.id for p in roddel.phases_for(options) if p.owner is OwnerPosition.TURNED_AWAY]
        assert away == (["gossip"] if not options else ["gossip", "gossip2"])


@pytest.mark.parametrize("options", [{}, {"gossip_rounds": "2"}, {"advice": "off"}])
def test_the_questions_come_before_the_gossip_and_none_after_it(roddel, options) -> None:
    phases = roddel.phases_for(options)
    kinds = [p.kind for p in phases]
    owners = [p.owner for p in phases]
    first_gossip = owners.index(OwnerPosition.TURNED_AWAY)
    assert kinds.index(PhaseKind.QUESTIONS) < first_gossip
    assert PhaseKind.QUESTIONS not in kinds[first_gossip:]
    # The owner tells the case first, then answers the questions.
    assert owners[: kinds.index(PhaseKind.QUESTIONS) + 1] == [
        OwnerPosition.PRESENTING,
        OwnerPosition.ANSWERING,
    ]


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
    # The facilitator can tell the two rounds apart by name, in both languages.
    first = next(p for p in two if p.id == "gossip")
    for lang in ("nl", "en"):
        assert first.name.get(lang) != second.name.get(lang), lang
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


def test_the_evaluation_also_scores_how_safe_it_felt(roddel) -> None:
    """Being gossiped about asks for a safe group: the evaluation scores that too."""
    evaluation = roddel.phases_for()[-1]
    assert evaluation.kind is PhaseKind.EVALUATION
    assert [c.id for c in evaluation.criteria] == ["process", "result", "safety"]


def test_advisor_metadata_says_experienced_group_and_high_safety(roddel) -> None:
    assert set(roddel.suits) == {
        CaseKind.RELATIONSHIP,
        CaseKind.DILEMMA,
        CaseKind.RECURRING_PROBLEM,
    }
    assert roddel.level is Level.EXPERIENCED
    assert roddel.safety_needed is Safety.HIGH
