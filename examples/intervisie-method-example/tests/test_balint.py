"""The Balint group passes intervisie's contract and is faithful to the method."""

from __future__ import annotations

from intervisie.core import CaseKind, OwnerPosition, PhaseKind


def test_the_plugin_passes_the_contract(check_plugin) -> None:
    (method,) = check_plugin("balint")
    assert method.id == "balint"


def test_the_presenter_sits_back_while_the_group_associates(check_plugin) -> None:
    (method,) = check_plugin("balint")
    owner = {phase.id: phase.owner for phase in method.phases}
    assert owner == {
        "tell": OwnerPosition.PRESENTING,
        "questions": OwnerPosition.ANSWERING,
        "associate": OwnerPosition.TURNED_AWAY,
        "reaction": OwnerPosition.PRESENTING,
        "themes": OwnerPosition.PARTICIPATING,
    }
    associate = method.phase("associate")
    assert associate.kind is PhaseKind.DISCUSSION
    assert 20 <= associate.minutes <= 30


def test_the_round_takes_fifty_to_seventy_minutes_for_six_to_twelve(check_plugin) -> None:
    (method,) = check_plugin("balint")
    assert (method.group_size.min, method.group_size.max) == (6, 12)
    for people in (6, 8, 12):
        assert 50 <= method.total_minutes(people) <= 70
    assert CaseKind.RELATIONSHIP in method.suits


def test_a_whole_round_runs_through_the_engine_on_a_fake_clock(check_plugin, run_method) -> None:
    (method,) = check_plugin("balint")
    run = run_method(method)
    assert run.phases == ("tell", "questions", "associate", "reaction", "themes")
    assert run.minutes == 60
    assert run.state.finished is not None
