"""Six thinking hats: the hats as lenses, blue first and last, parallel or assigned."""

from __future__ import annotations

import pytest

from intervisie.core import CaseKind, OwnerPosition, PhaseKind, TurnMode

HAT_ORDER = ["blue", "white", "red", "black", "yellow", "green", "blue"]
THINKING = {
    "blue": "process",
    "white": "facts",
    "red": "feel",
    "black": "wrong",
    "yellow": "benefits",
    "green": "alternatives",
}
DUTCH_NAMES = {
    "blue": "Blauwe hoed",
    "white": "Witte hoed",
    "red": "Rode hoed",
    "black": "Zwarte hoed",
    "yellow": "Gele hoed",
    "green": "Groene hoed",
}


@pytest.fixture
def hats(builtin):
    return builtin["denkhoeden"]


def test_the_default_order_is_intro_questions_the_hats_blue_first_and_last_then_evaluation(
    hats,
) -> None:
    phases = hats.phases_for()
    assert [p.id for p in phases[:2]] == ["intro", "questions"]
    assert (phases[0].kind, phases[1].kind) == (PhaseKind.PRESENTATION, PhaseKind.QUESTIONS)
    assert [p.lens.id for p in phases[2:-1]] == HAT_ORDER
    assert phases[-1].kind is PhaseKind.EVALUATION and phases[-1].lens is None


def test_the_six_hats_are_lenses_with_colour_symbol_and_guiding_question(hats) -> None:
    lenses = {p.lens.id: p.lens for p in hats.phases if p.lens is not None}
    assert set(lenses) == set(THINKING)
    symbols = set()
    for hat_id, lens in lenses.items():
        assert lens.name.get("en") == f"{hat_id.capitalize()} hat"
        assert lens.name.get("nl") == DUTCH_NAMES[hat_id]
        assert lens.colour.startswith("#") and len(lens.colour) == 7
        assert lens.question.get("nl").endswith("?") or "?" in lens.question.get("nl")
        assert lens.symbol
        symbols.add(lens.symbol)
    assert len(symbols) == 6, "each hat has a symbol of its own, for monochrome screens"
    # Both blue phases wear the very same lens.
    blue = [p.lens for p in hats.phases if p.lens is not None and p.lens.id == "blue"]
    assert len(blue) == 2 and blue[0] == blue[1]


def test_each_hat_phase_thinks_in_its_own_mode(hats) -> None:
    for phase in hats.phases_for():
        if phase.lens is None or phase.lens.id == "blue":
            continue
        words = " ".join(
            [phase.name.get("en"), phase.goal.get("en"), phase.lens.question.get("en")]
        ).lower()
        assert THINKING[phase.lens.id] in words, phase.id
    blue_rules = " ".join(r.get("en") for r in hats.phase("blue_open").rules).lower()
    assert THINKING["blue"] in blue_rules
    assert "no explanation" in " ".join(r.get("en") for r in hats.phase("red").rules).lower()


def test_parallel_mode_is_the_default_and_everyone_wears_the_same_hat(hats) -> None:
    assert hats.default_options() == {"hat_mode": "parallel"}
    for phase in hats.phases_for():
        if phase.lens is not None:
            assert phase.turn_mode is TurnMode.EACH, phase.id


def test_assigned_mode_gives_the_turns_to_the_wearers_of_each_hat(hats) -> None:
    parallel = {p.id: p for p in hats.phases_for({"hat_mode": "parallel"})}
    assigned = {p.id: p for p in hats.phases_for({"hat_mode": "assigned"})}
    assert list(parallel) == list(assigned)
    for phase_id, phase in assigned.items():
        if phase.lens is None:
            assert phase == parallel[phase_id]
            continue
        assert phase.turn_mode is TurnMode.LENS, phase_id
        assert phase.rules[: len(parallel[phase_id].rules)] == parallel[phase_id].rules
        extra = phase.rules[-1]
        assert phase.lens.name.get("en").lower() in extra.get("en").lower()
        assert phase.lens.name.get("nl").lower() in extra.get("nl").lower()
    assert hats.total_minutes(options={"hat_mode": "assigned"}) == hats.total_minutes()


def test_the_order_of_the_hats_can_be_changed(hats) -> None:
    default = [p.id for p in hats.phases_for()]
    hat_ids = default[2:-1]
    # A group that wants the green hat before the black one, and feelings first.
    changed = [
        "intro",
        "questions",
        "blue_open",
        "red",
        "white",
        "green",
        "yellow",
        "black",
        "blue_close",
        "evaluation",
    ]
    assert sorted(changed) == sorted(default)
    phases = hats.phases_for({"hat_mode": "assigned"}, order=changed)
    assert [p.id for p in phases] == changed
    assert all(p.turn_mode is TurnMode.LENS for p in phases if p.id in hat_ids)
    with pytest.raises(KeyError):
        hats.phases_for(order=[*changed, "purple"])


def test_the_owner_is_answering_for_facts_and_concludes_under_the_blue_hat(hats) -> None:
    owner = {p.id: p.owner for p in hats.phases_for()}
    assert owner["white"] is OwnerPosition.ANSWERING
    assert owner["blue_close"] is OwnerPosition.PARTICIPATING
    assert hats.phase("blue_close").turns_include_owner
    for hat in ("black", "yellow", "green"):
        assert owner[hat] is OwnerPosition.LISTENING


def test_minutes_about_five_or_more_per_hat_and_60_to_90_in_all(hats) -> None:
    for phase in hats.phases_for():
        if phase.lens is not None:
            assert phase.minutes >= 5
    for people in (4, 8, 10):
        assert 60 <= hats.total_minutes(people) <= 90


def test_advisor_metadata_says_decisions_stuck_changes_and_dilemmas(hats) -> None:
    assert set(hats.suits) == {CaseKind.DECISION, CaseKind.STUCK_CHANGE, CaseKind.DILEMMA}
    assert any("de Bono" in s and "1985" in s for s in hats.sources)


def test_the_engine_runs_the_hats_in_the_order_the_group_chose(hats) -> None:
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.meeting.engine import Engine
    from intervisie.core.meeting.model import Group, Member

    members = tuple(Member(f"m{i}", name) for i, name in enumerate(["Ans", "Bas", "Cor", "Dirk"]))
    present = tuple(m.id for m in members)
    engine = Engine(FakeClock())
    engine.open_meeting(
        group=Group("g", "Group", members),
        present=present,
        facilitator="Facilitator",
        confidentiality=present,
        minutes_available=120,
    )
    engine.add_case(present[0], "Stay or go")
    engine.choose_case(engine.state.cases[-1].id)
    order = (
        "intro",
        "questions",
        "blue_open",
        "red",
        "green",
        "white",
        "black",
        "yellow",
        "blue_close",
        "evaluation",
    )
    engine.start_round(hats, options={"hat_mode": "assigned"}, order=order)
    rnd = engine.state.round
    assert tuple(run.phase.id for run in rnd.phases) == order
    assert rnd.phases[3].phase.turn_mode is TurnMode.LENS
