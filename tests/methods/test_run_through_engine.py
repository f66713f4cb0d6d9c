"""Every built-in, in every variant and group size, runs through the engine from start to end,
and passes the same contract check a third-party method author runs."""

from __future__ import annotations

import pytest

from intervisie.core.testing import check_plugin, run_method

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")


@pytest.mark.parametrize("name", BUILTINS)
def test_the_builtin_passes_the_method_authors_contract_check(name: str) -> None:
    methods = check_plugin(name)
    assert [m.id for m in methods] == [name]


@pytest.mark.parametrize("name", BUILTINS)
def test_every_variant_runs_through_the_engine_in_its_planned_time(
    builtin, combinations, name: str
) -> None:
    method = builtin[name]
    gs = method.group_size
    for options in combinations(method):
        for people in sorted({gs.min, gs.ideal, gs.max}):
            run = run_method(method, participants=people, options=options)
            where = f"{name} {options} with {people}"
            assert run.phases == tuple(p.id for p in method.phases_for(options)), where
            assert run.minutes == pytest.approx(method.total_minutes(people, options)), where
            assert run.round.owner is not None, where
            if options.get("hat_mode") == "assigned":
                # Each participant wears one hat, and every hat has a wearer.
                worn = run.round.lenses
                assert set(worn) == {"blue", "white", "red", "black", "yellow", "green"}, where
                assert run.round.owner not in {p for ps in worn.values() for p in ps}, where
