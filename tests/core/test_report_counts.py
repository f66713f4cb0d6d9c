"""The report counts what each phase captured, the cases named in a method's own intake
phase included (they are cases, not contributions, and were counted as nothing)."""

from __future__ import annotations

from intervisie.core.meeting import commands as cmd
from intervisie.core.reports.report import build_report


def test_an_intake_phase_counts_the_cases_named_in_it(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="anna", title="Klacht"))
    engine.execute(cmd.AddCase(owner="bram", title="Stagiair"))
    engine.execute(cmd.NextPhase())  # to the choice: the cases are named
    report = build_report(engine.state, "m1", "en")
    (section,) = report.rounds
    counts = {p.id: p.count for p in section.phases}
    assert counts["collect"] == 2
    assert counts["choose"] == 0
