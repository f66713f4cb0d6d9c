"""The bundle's house methods pass intervisie's contract, and the extension does what it says."""

from __future__ import annotations


def test_both_house_methods_load_through_the_plugin_and_pass_the_contract(check_plugin) -> None:
    methods = {m.id: m for m in check_plugin("house-example")}
    assert set(methods) == {"kantoor-dilemma", "kantoor-incident"}


def test_the_firm_s_incident_method_extends_the_built_in_one(check_plugin) -> None:
    methods = {m.id: m for m in check_plugin("house-example")}
    firm = methods["kantoor-incident"]
    phases = [p.id for p in firm.phases]
    assert phases[0] == "sketch", "the case is chosen before the round"
    assert "collect" not in phases and "choose" not in phases
    assert firm.phase("questions").minutes == 8
    assert firm.phase("sketch").name.get("en") == "Sketch the incident", "texts are inherited"
    assert [o.id for o in firm.options] == ["approaches"]


def test_every_house_method_runs_on_a_fake_clock(check_plugin, run_method) -> None:
    for method in check_plugin("house-example"):
        run = run_method(method)
        assert run.phases == tuple(p.id for p in method.phases_for())
        assert run.minutes == method.total_minutes()
