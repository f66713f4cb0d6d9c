"""Demo meetings: a whole meeting of each method, believable, finished, and the same per seed."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

from intervisie.core.meeting.engine import replay
from intervisie.core.meeting.events import event_from_dict, event_to_dict
from intervisie.core.meeting.model import Status, view_contributions
from intervisie.core.method.model import ContributionKind, MeetingStep, PhaseKind
from intervisie.core.trainers.demo import MEMBERS, play_demo

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")


def builtin(name):
    (entry_point,) = metadata.entry_points(group="intervisie", name=name)
    return entry_point.load().intervisie_methods()[0]


def all_options(method):
    yield None
    for option in method.options:
        for choice in option.choices:
            yield {option.id: choice.id}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", BUILTINS)
def test_a_demo_meeting_runs_every_phase_of_a_builtin(name, lang):
    method = builtin(name)
    for options in all_options(method):
        events = play_demo(method, seed=7, lang=lang, options=options)
        state = replay(events)
        assert state.status is Status.FINISHED and state.demo
        assert 6 <= len(state.present) <= 7
        (rnd,) = state.rounds
        assert rnd.owner is not None and rnd.case_id is not None
        assert all(run.visited and not run.skipped for run in rnd.phases)
        for run in rnd.phases:
            made = state.contributions_in(rnd.id, run.id)
            if run.phase.kind is PhaseKind.INTAKE:
                assert any(c for c in state.cases)
            else:
                assert made, f"{name} {options}: phase {run.id} captured nothing"
            if run.phase.hidden_until_reveal:
                assert run.revealed
                assert view_contributions(state, rnd.id, run.id).hidden_count == 0
        assert state.contributions_in(step=MeetingStep.REVISIT)
        assert state.contributions_in(step=MeetingStep.CLOSING)


def test_the_same_seed_gives_the_same_meeting(choosing):
    first = [event_to_dict(e) for e in play_demo(choosing, seed=3, lang="nl")]
    again = [event_to_dict(e) for e in play_demo(choosing, seed=3, lang="nl")]
    other = [event_to_dict(e) for e in play_demo(choosing, seed=4, lang="nl")]
    assert first == again
    assert first != other


def test_demo_texts_are_in_the_language_asked(case_method):
    nl = replay(play_demo(case_method, seed=1, lang="nl"))
    en = replay(play_demo(case_method, seed=1, lang="en"))
    assert nl.group.name == "Intervisiegroep advocatuur Utrecht"
    assert en.group.name == "Utrecht lawyers' peer group"
    nl_text = " ".join(c.text for c in nl.contributions)
    en_text = " ".join(c.text for c in en.contributions)
    assert " de " in nl_text and " the " not in nl_text
    assert " the " in en_text and " de " not in en_text


def test_demo_members_have_dutch_names_and_the_meeting_looks_real(choosing):
    state = replay(play_demo(choosing, seed=0))
    assert len(MEMBERS) == 8 and all(" " in m.name for m in MEMBERS)
    kinds = {c.kind for c in state.contributions}
    assert {
        ContributionKind.QUESTION,
        ContributionKind.WRITING,
        ContributionKind.REMARK,
        ContributionKind.VOTE,
        ContributionKind.EVALUATION,
    } <= kinds
    assert state.recovered == () and not state.paused
    assert any(run.extension_minutes for run in state.rounds[0].phases)
    # the meeting took time: about the method's minutes plus the meeting's own steps
    assert 60 <= state.clock.banked / 60 <= 180


def test_forces_are_rated_and_lenses_speak_in_turn(case_method, lens_method):
    forces = replay(play_demo(case_method, seed=2, lang="en"))
    rated = [c for c in forces.contributions if c.kind is ContributionKind.RATING]
    force_ids = {c.id for c in forces.contributions if c.kind is ContributionKind.FORCE}
    assert rated and {c.target for c in rated} == force_ids
    assert {c.side for c in forces.contributions if c.side} == {"restraining", "driving"}
    hats = replay(play_demo(lens_method, seed=2, lang="en"))
    white = hats.contributions_in(hats.rounds[0].id, "white")
    assert {c.author for c in white} == set(hats.rounds[0].lenses["white"]) - {hats.rounds[0].owner}


def test_a_demo_survives_the_trip_through_json(choosing):
    events = play_demo(choosing, seed=5, lang="en")
    docs = json.loads(json.dumps([event_to_dict(e) for e in events]))
    assert replay([event_from_dict(d) for d in docs]) == replay(events)
