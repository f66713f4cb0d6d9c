"""The incident method: the facts that make it that method (METHODS.md, Hendriksen's steps)."""

from __future__ import annotations

import pytest

from intervisie.core import CaseKind, Level, OwnerPosition, PhaseKind, Safety, TurnMode

TEN_STEPS = [
    ("collect", PhaseKind.INTAKE, OwnerPosition.NONE),
    ("choose", PhaseKind.CHOICE, OwnerPosition.NONE),
    ("sketch", PhaseKind.PRESENTATION, OwnerPosition.PRESENTING),
    ("questions", PhaseKind.QUESTIONS, OwnerPosition.ANSWERING),
    ("core", PhaseKind.ROUND, OwnerPosition.LISTENING),
    ("write", PhaseKind.WRITING, OwnerPosition.LISTENING),
    ("approaches", PhaseKind.ROUND, OwnerPosition.LISTENING),
    ("did", PhaseKind.PRESENTATION, OwnerPosition.PRESENTING),
    ("principles", PhaseKind.DISCUSSION, OwnerPosition.PARTICIPATING),
    ("evaluation", PhaseKind.EVALUATION, OwnerPosition.PARTICIPATING),
]


@pytest.fixture
def incident(builtin):
    return builtin["incident"]


def test_the_ten_steps_in_order_with_kind_and_owner_position(incident) -> None:
    phases = incident.phases_for()
    assert [(p.id, p.kind, p.owner) for p in phases] == TEN_STEPS


def test_the_group_collects_and_chooses_before_there_is_an_owner(incident) -> None:
    collect, choose = incident.phases_for()[:2]
    assert (collect.kind, choose.kind) == (PhaseKind.INTAKE, PhaseKind.CHOICE)
    assert collect.owner is choose.owner is OwnerPosition.NONE
    # Everyone present names an incident: the owner is not yet left out of the turns.
    assert collect.turn_count(8) == 8


@pytest.mark.parametrize("approaches", ["written", "spoken"])
def test_the_owner_tells_what_they_did_only_after_the_round_of_approaches(
    incident, approaches: str
) -> None:
    phases = incident.phases_for({"approaches": approaches})
    ids = [p.id for p in phases]
    round_at = ids.index("approaches")
    did_at = ids.index("did")
    assert did_at == round_at + 1
    assert phases[did_at].owner is OwnerPosition.PRESENTING
    assert "what they actually did" in phases[did_at].rules[0].get("en")
    # Before the round the owner presents only the sketch, which stops at the critical moment.
    presenting = [p.id for p in phases[:round_at] if p.owner is OwnerPosition.PRESENTING]
    assert presenting == ["sketch"]
    sketch = phases[ids.index("sketch")]
    assert any("Do not tell what you did" in r.get("en") for r in sketch.rules)
    assert any("Vertel niet wat je deed" in r.get("nl") for r in sketch.rules)
    # During the round the owner listens and does not react.
    approaches_phase = phases[round_at]
    assert approaches_phase.owner is OwnerPosition.LISTENING
    assert any("does not react" in r.get("en") for r in approaches_phase.rules)


def test_written_approaches_stay_hidden_until_the_round(incident) -> None:
    assert incident.default_options() == {"approaches": "written"}
    phases = incident.phases_for()
    write = next(p for p in phases if p.id == "write")
    assert write.kind is PhaseKind.WRITING
    assert write.hidden_until_reveal
    assert [p.id for p in phases].index("write") + 1 == [p.id for p in phases].index("approaches")
    # Only the writing step hides contributions.
    assert [p.id for p in phases if p.hidden_until_reveal] == ["write"]


def test_spoken_approaches_leave_out_the_writing_and_give_the_round_more_time(incident) -> None:
    written = {p.id: p for p in incident.phases_for({"approaches": "written"})}
    spoken = {p.id: p for p in incident.phases_for({"approaches": "spoken"})}
    assert "write" not in spoken
    assert set(written) - set(spoken) == {"write"}
    assert not any(p.hidden_until_reveal for p in spoken.values())
    assert spoken["approaches"].minutes_per_turn > written["approaches"].minutes_per_turn
    # The participants are told to speak, not to read out what they wrote.
    assert "Read your approach" in written["approaches"].instructions.participants.get("en")
    assert "Read" not in spoken["approaches"].instructions.participants.get("en")
    assert "Lees" not in spoken["approaches"].instructions.participants.get("nl")
    assert 50 <= incident.total_minutes(options={"approaches": "spoken"}) <= 90


def test_the_round_of_approaches_goes_round_the_participants(incident) -> None:
    approaches = incident.phase("approaches")
    assert approaches.turn_mode is TurnMode.EACH
    assert approaches.minutes_per_turn is not None
    # Turns are the participants present minus the owner: 7 in a group of 8.
    assert approaches.turn_count(8) == 7
    assert approaches.planned_minutes(8) == 7 * approaches.minutes_per_turn


def test_questions_are_open_and_informative_only(incident) -> None:
    questions = incident.phase("questions")
    rules = " ".join(r.get("en") for r in questions.rules)
    assert "Open, informative questions only" in rules
    assert "no why-questions" in rules
    assert "open" in " ".join(r.get("nl") for r in questions.rules)


@pytest.mark.parametrize("people", [3, 8, 10])
def test_total_minutes_stay_within_50_to_90_for_any_group_size(incident, people: int) -> None:
    for approaches in ("written", "spoken"):
        assert 50 <= incident.total_minutes(people, {"approaches": approaches}) <= 90


def test_advisor_metadata_says_incidents_beginners_low_safety(incident) -> None:
    assert incident.suits == (CaseKind.INCIDENT,)
    assert incident.level is Level.BEGINNING
    assert incident.safety_needed is Safety.LOW
    assert incident.name.get("nl") == "Incidentmethode"
    assert incident.name.get("en") == "Incident method"
