"""The case owner's word on the questions: cold, warm or hot, given by the owner (or the
facilitator for them), kept through replay, never on anything but a question."""

from __future__ import annotations

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError, replay
from intervisie.core.meeting.events import event_from_dict, event_to_dict
from intervisie.core.method.model import ContributionKind


def _to_questions(engine, choosing):
    engine.execute(cmd.StartRound(method=choosing))
    engine.execute(cmd.AddCase(owner="anna", title="Klacht"))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.ChooseCase(case_id=engine.state.cases[0].id))
    engine.execute(cmd.NextPhase())
    engine.execute(cmd.NextPhase())
    assert engine.state.round.phase.id == "questions"
    engine.execute(
        cmd.AddContribution(author="bram", kind=ContributionKind.QUESTION, text="Wat wil je?")
    )
    return engine.state.contributions[-1].id


def test_the_owner_marks_a_question_and_the_mark_replays(engine, choosing):
    question = _to_questions(engine, choosing)
    engine.execute(cmd.MarkQuestion(actor="anna", contribution_id=question, mark="hot"))
    assert engine.state.contribution(question).mark == "hot"
    again = replay(event_from_dict(event_to_dict(e)) for e in engine.events)
    assert again.contribution(question).mark == "hot"
    engine.execute(cmd.MarkQuestion(contribution_id=question, mark=None))
    assert engine.state.contribution(question).mark is None


def test_only_the_owner_marks_and_only_questions(engine, choosing):
    question = _to_questions(engine, choosing)
    with pytest.raises(DomainError, match="Only the case owner"):
        engine.execute(cmd.MarkQuestion(actor="bram", contribution_id=question, mark="cold"))
    with pytest.raises(DomainError, match="marked cold, warm, hot"):
        engine.execute(cmd.MarkQuestion(contribution_id=question, mark="lukewarm"))
    engine.execute(cmd.NextPhase())
    engine.execute(
        cmd.AddContribution(author="bram", kind=ContributionKind.WRITING, text="Ik zou bellen")
    )
    with pytest.raises(DomainError, match="no question"):
        engine.execute(cmd.MarkQuestion(contribution_id=engine.state.contributions[-1].id))
