"""Fit to time: the phases shrink proportionally down to their floors, and say when they can't."""

from __future__ import annotations

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.fit import fit_to_time
from intervisie.core.method.model import OwnerPosition, Phase, PhaseKind, Text


def phase(pid, minutes=None, per_turn=None, floor=None):
    return Phase(
        id=pid,
        name=Text.of(en=pid),
        kind=PhaseKind.DISCUSSION,
        owner=OwnerPosition.PARTICIPATING if per_turn is None else OwnerPosition.LISTENING,
        minutes=minutes,
        minutes_per_turn=per_turn,
        min_minutes=floor,
    )


def test_enough_time_changes_nothing():
    fit = fit_to_time([phase("a", 10), phase("b", 20)], 60, participants=6)
    assert fit.fits and fit.minutes == {"a": 10, "b": 20} and fit.at_floor == ()


def test_phases_shrink_proportionally():
    fit = fit_to_time([phase("a", 10, floor=2), phase("b", 20, floor=2)], 15, participants=6)
    assert fit.fits
    assert fit.minutes == pytest.approx({"a": 5, "b": 10})


def test_a_phase_stops_at_its_floor_and_the_others_shrink_more():
    fit = fit_to_time([phase("a", 10, floor=8), phase("b", 20, floor=2)], 20, participants=6)
    assert fit.fits
    assert fit.minutes == pytest.approx({"a": 8, "b": 12})
    assert fit.at_floor == ("a",)
    assert fit.total == pytest.approx(20)


def test_per_turn_phases_count_with_the_participants_present():
    approaches = phase("approaches", per_turn=2, floor=1)  # owner listens: 5 turns for 6
    fit = fit_to_time([approaches], 60, participants=6)
    assert fit.minutes == {"approaches": 10}
    fit = fit_to_time([approaches], 7, participants=6)
    assert fit.minutes == pytest.approx({"approaches": 7})
    fit = fit_to_time([approaches], 4, participants=6)
    assert not fit.fits and fit.minutes == {"approaches": 5}


def test_when_it_cannot_fit_every_phase_is_at_its_floor_and_named():
    fit = fit_to_time([phase("a", 10, floor=6), phase("b", 20, floor=10)], 12, participants=6)
    assert not fit.fits
    assert fit.minutes == {"a": 6, "b": 10}
    assert fit.at_floor == ("a", "b")
    assert fit.total - fit.available == 4


def test_default_floor_is_half(case_method):
    fit = fit_to_time(case_method.phases, 17.5, participants=6)
    assert fit.fits and fit.minutes == {"case": 5, "forces": 5, "rate": 5, "evaluation": 2.5}


def test_start_round_stores_the_fitted_minutes(engine, case_method):
    engine.execute(cmd.AddCase(owner="bram", title="A case"))
    engine.execute(cmd.StartRound(method=case_method, case_id="c1", fit_minutes=26))
    rnd = engine.state.round
    assert rnd.fit_minutes == 26
    assert [r.planned_minutes for r in rnd.phases] == pytest.approx(
        [7.4286, 7.4286, 7.4286, 3.7143], abs=1e-3
    )
