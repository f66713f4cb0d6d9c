"""The report counts what each phase captured, the cases named in a method's own intake
phase included (they are cases, not contributions, and were counted as nothing)."""

from __future__ import annotations

from intervisie.core.reports.report import build_report


def test_an_intake_phase_counts_the_cases_named_in_it(engine, choosing):
    engine.start_round(choosing)
    engine.add_case("anna", "Klacht")
    engine.add_case("bram", "Stagiair")
    engine.next_phase()  # to the choice: the cases are named
    report = build_report(engine.state, "m1", "en")
    (section,) = report.rounds
    counts = {p.id: p.count for p in section.phases}
    assert counts["collect"] == 2
    assert counts["choose"] == 0
