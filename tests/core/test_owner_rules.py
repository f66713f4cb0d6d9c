"""Where the case owner listens (or sits turned away), they add nothing but their own notes."""

from __future__ import annotations

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError
from intervisie.core.method.model import ContributionKind


def test_the_listening_owner_adds_no_remark(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="anna", title="Klacht"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.ChooseCase(case_id=engine.state.cases[0].id))
    while engine.state.round.phase.id != "approaches":
        engine.execute(cmd.NextPhase())
    with pytest.raises(DomainError, match="listens in the phase Approaches"):
        engine.execute(
            cmd.AddContribution(author="anna", kind=ContributionKind.REMARK, text="Maar ik...")
        )
    engine.execute(
        cmd.AddContribution(author="bram", kind=ContributionKind.REMARK, text="Bel haar terug")
    )
    assert [c.author for c in engine.state.contributions if c.kind is ContributionKind.REMARK] == [
        "bram"
    ]
