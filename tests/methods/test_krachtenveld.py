"""Force field analysis: restraining and driving forces, rated, selected, acted on."""

from __future__ import annotations

import pytest

from intervisie.core import CaseKind, OwnerPosition, PhaseKind


@pytest.fixture
def field(builtin):
    return builtin["krachtenveld"]


def test_the_steps_in_order(field) -> None:
    assert [(p.id, p.kind) for p in field.phases_for()] == [
        ("case", PhaseKind.PRESENTATION),
        ("questions", PhaseKind.QUESTIONS),
        ("restraining", PhaseKind.FORCES),
        ("driving", PhaseKind.FORCES),
        ("rate", PhaseKind.RATING),
        ("select", PhaseKind.DISCUSSION),
        ("actions", PhaseKind.DISCUSSION),
        ("evaluation", PhaseKind.EVALUATION),
    ]


@pytest.mark.parametrize(
    "options", [{}, {"scale": "1-10"}, {"influence": "on"}, {"scale": "1-10", "influence": "on"}]
)
def test_the_field_has_both_sides_and_a_rating_before_anything_is_chosen(field, options) -> None:
    phases = field.phases_for(options)
    forces = [p for p in phases if p.kind is PhaseKind.FORCES]
    # One forces phase per side, restraining first, each side named in both languages.
    assert [[s.id for s in p.sides] for p in forces] == [["restraining"], ["driving"]]
    restraining, driving = forces[0].sides[0], forces[1].sides[0]
    for lang in ("nl", "en"):
        assert restraining.name.get(lang) and driving.name.get(lang)
        assert restraining.name.get(lang) != driving.name.get(lang)
    # Forces are named, then rated, then the strongest chosen, then acted on.
    ids = [p.id for p in phases]
    rating = [p for p in phases if p.kind is PhaseKind.RATING]
    assert len(rating) == 1 and rating[0].criteria
    assert ids.index("driving") < ids.index(rating[0].id) < ids.index("select")
    assert ids.index("select") < ids.index("actions")


def test_the_rating_step_scores_intensity_on_a_1_to_5_scale_by_default(field) -> None:
    assert field.default_options() == {"scale": "1-5", "influence": "off"}
    rate = next(p for p in field.phases_for() if p.kind is PhaseKind.RATING)
    assert [(c.id, c.min, c.max) for c in rate.criteria] == [("intensity", 1, 5)]


def test_a_1_to_10_scale_patches_the_rating_criteria(field) -> None:
    rate = next(p for p in field.phases_for({"scale": "1-10"}) if p.id == "rate")
    assert [(c.id, c.min, c.max) for c in rate.criteria] == [("intensity", 1, 10)]
    assert rate.criteria[0].name == field.phase("rate").criteria[0].name


@pytest.mark.parametrize("scale", ["1-5", "1-10"])
def test_influence_adds_an_influence_criterion_with_either_scale(field, scale: str) -> None:
    top = int(scale.split("-")[1])
    for influence, expected in (("off", ["intensity"]), ("on", ["intensity", "influence"])):
        phases = field.phases_for({"scale": scale, "influence": influence})
        rating = [p for p in phases if p.kind is PhaseKind.RATING]
        # One rating step, intensity first (what the force field draws), on the chosen scale:
        # one option never undoes the other.
        assert len(rating) == 1
        assert [c.id for c in rating[0].criteria] == expected
        assert all((c.min, c.max) == (1, top) for c in rating[0].criteria)
        ids = [p.id for p in phases]
        assert ids.index("driving") < ids.index(rating[0].id) < ids.index("select")
    assert field.total_minutes(options={"influence": "on"}) == field.total_minutes() + 5


def test_the_owner_joins_in_once_the_goal_and_questions_are_done(field) -> None:
    owner = {p.id: p.owner for p in field.phases_for({"influence": "on"})}
    assert owner["case"] is OwnerPosition.PRESENTING
    assert owner["questions"] is OwnerPosition.ANSWERING
    for phase_id in ("restraining", "driving", "rate_influence", "select", "actions"):
        assert owner[phase_id] is OwnerPosition.PARTICIPATING


@pytest.mark.parametrize(
    "options",
    [{}, {"scale": "1-10"}, {"influence": "on"}, {"scale": "1-10", "influence": "on"}],
)
def test_minutes_stay_within_60_to_90(field, options) -> None:
    for people in (3, 8, 10):
        assert 60 <= field.total_minutes(people, options) <= 90


def test_advisor_metadata_says_stuck_changes_and_recurring_problems(field) -> None:
    assert set(field.suits) == {CaseKind.STUCK_CHANGE, CaseKind.RECURRING_PROBLEM}
    assert any("Lewin" in s for s in field.sources)
