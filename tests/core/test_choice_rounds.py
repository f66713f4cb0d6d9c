"""Votes and scores belong to one choice: a round's start settles the meeting's choice, and
the next choice counts only what is given after it."""

from __future__ import annotations

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import replay


def test_a_second_choice_does_not_count_the_first_ones_votes(engine, case_method):
    engine.execute(cmd.AddCase(owner="anna", title="Klacht"))
    engine.execute(cmd.AddCase(owner="bram", title="Stagiair"))
    engine.execute(cmd.AddCase(owner="carla", title="Zitting"))
    first, second, third = (c.id for c in engine.state.cases)
    engine.execute(cmd.Vote(voter="daan", case_id=first))
    engine.execute(cmd.Vote(voter="eva", case_id=second))
    engine.execute(cmd.ChooseCase())
    engine.execute(cmd.StartRound(method=case_method))
    engine.execute(cmd.FinishRound())
    assert engine.state.tally().points == {}
    engine.execute(
        cmd.Vote(voter="daan", case_id=third)
    )  # daan votes again: a new vote, not a move of the old one
    state = engine.state
    assert state.tally().points == {third: 1}
    assert replay(engine.events).tally().points == {third: 1}
    assert [c.target for c in state.contributions if c.author == "daan"] == [first, third]
