"""Votes and scores belong to one choice: a round's start settles the meeting's choice, and
the next choice counts only what is given after it."""

from __future__ import annotations

from intervisie.core.meeting.engine import replay


def test_a_second_choice_does_not_count_the_first_ones_votes(engine, case_method):
    engine.add_case("anna", "Klacht")
    engine.add_case("bram", "Stagiair")
    engine.add_case("carla", "Zitting")
    first, second, third = (c.id for c in engine.state.cases)
    engine.vote("daan", first)
    engine.vote("eva", second)
    engine.choose_case()
    engine.start_round(case_method)
    engine.finish_round()
    assert engine.state.tally().points == {}
    engine.vote("daan", third)  # daan votes again: a new vote, not a move of the old one
    state = engine.state
    assert state.tally().points == {third: 1}
    assert replay(engine.events).tally().points == {third: 1}
    assert [c.target for c in state.contributions if c.author == "daan"] == [first, third]
