"""Six thinking hats: the hats as lenses, blue first and last, parallel or assigned."""

from __future__ import annotations

import pytest

from intervisie.core import CaseKind, OwnerPosition, PhaseKind, TurnMode
from intervisie.core.meeting import commands as cmd

HAT_ORDER = ["blue", "white", "red", "black", "yellow", "green", "blue"]
HATS = {"blue", "white", "red", "black", "yellow", "green"}


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
    assert set(lenses) == HATS
    for lens in lenses.values():
        assert lens.colour.startswith("#") and len(lens.colour) == 7
        assert all("?" in lens.question.get(lang) for lang in ("nl", "en")), lens.id
    # Each hat can be told apart: by its name, its colour and, on monochrome screens, its symbol.
    for field in ("colour", "symbol"):
        assert len({getattr(lens, field) for lens in lenses.values()}) == 6, field
    for lang in ("nl", "en"):
        assert len({lens.name.get(lang) for lens in lenses.values()}) == 6, lang
    # Both blue phases wear the very same lens.
    blue = [p.lens for p in hats.phases if p.lens is not None and p.lens.id == "blue"]
    assert len(blue) == 2 and blue[0] == blue[1]


@pytest.mark.parametrize("hat_mode", ["parallel", "assigned"])
def test_each_hat_s_phase_has_its_lens_and_only_hat_phases_have_one(hats, hat_mode) -> None:
    phases = hats.phases_for({"hat_mode": hat_mode})
    hat_phases = phases[2:-1]
    assert all(p.lens is not None for p in hat_phases)
    assert all(p.lens is None for p in (*phases[:2], phases[-1]))
    assert [p.lens.id for p in hat_phases] == HAT_ORDER
    # Every hat phase is a round: the group speaks in turn under that hat.
    assert {p.kind for p in hat_phases} == {PhaseKind.ROUND}


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
        # The patch repeats the phase's rules (a patch replaces the list) and adds one on who
        # speaks: a rule corrected in the phase but not in its patch shows here.
        assert phase.rules[:-1] == parallel[phase_id].rules, phase_id
        extra = phase.rules[-1]
        # ... naming the hat of this phase, not another's (a rule pasted into the wrong hat).
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
    engine.execute(
        cmd.OpenMeeting(
            group=Group("g", "Group", members),
            present=present,
            facilitator="Facilitator",
            confidentiality=present,
            minutes_available=120,
        )
    )
    engine.execute(cmd.AddCase(owner=present[0], title="Stay or go"))
    engine.execute(cmd.ChooseCase(case_id=engine.state.cases[-1].id))
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
    engine.execute(cmd.StartRound(method=hats, options={"hat_mode": "assigned"}, order=order))
    rnd = engine.state.round
    assert tuple(run.phase.id for run in rnd.phases) == order
    assert rnd.phases[3].phase.turn_mode is TurnMode.LENS
