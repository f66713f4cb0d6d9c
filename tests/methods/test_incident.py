"""The incident method: the facts that make it that method (Pigors & Pigors; Hendriksen's steps)."""

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
    # Before the round the owner presents only the sketch, which stops at the critical moment;
    # after it the owner answers questions and is otherwise silent.
    before = [(p.id, p.owner) for p in phases[ids.index("sketch") : round_at]]
    assert before[0] == ("sketch", OwnerPosition.PRESENTING)
    assert {owner for _, owner in before[1:]} <= {
        OwnerPosition.ANSWERING,
        OwnerPosition.LISTENING,
    }


@pytest.mark.parametrize("approaches", ["written", "spoken"])
def test_the_owner_is_silent_and_has_no_turn_while_the_approaches_are_heard(
    incident, approaches: str
) -> None:
    phases = {p.id: p for p in incident.phases_for({"approaches": approaches})}
    for phase_id in ("core", "write", "approaches"):
        if phase_id not in phases:
            continue
        phase = phases[phase_id]
        assert phase.owner is OwnerPosition.LISTENING, phase_id
        assert not phase.turns_include_owner, phase_id
    assert phases["approaches"].turn_count(8) == 7


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
    # Nothing was written, so the facilitator and the participants get other instructions
    # for the round, in both languages.
    for role in ("facilitator", "participants"):
        said = getattr(spoken["approaches"].instructions, role)
        read = getattr(written["approaches"].instructions, role)
        for lang in ("nl", "en"):
            assert said.get(lang) != read.get(lang), (role, lang)
    assert 50 <= incident.total_minutes(options={"approaches": "spoken"}) <= 90


def test_the_round_of_approaches_goes_round_the_participants(incident) -> None:
    approaches = incident.phase("approaches")
    assert approaches.turn_mode is TurnMode.EACH
    assert approaches.minutes_per_turn is not None
    # Turns are the participants present minus the owner: 7 in a group of 8.
    assert approaches.turn_count(8) == 7
    assert approaches.planned_minutes(8) == 7 * approaches.minutes_per_turn


def test_the_questions_come_after_the_sketch_and_before_anyone_proposes_an_approach(
    incident,
) -> None:
    phases = incident.phases_for()
    ids = [p.id for p in phases]
    questions = incident.phase("questions")
    # A questions phase: the engine marks closed, suggestive and why-questions.
    assert questions.kind is PhaseKind.QUESTIONS
    assert questions.owner is OwnerPosition.ANSWERING
    assert ids.index("sketch") < ids.index("questions") < ids.index("approaches")
    assert [p.id for p in phases if p.kind is PhaseKind.QUESTIONS] == ["questions"]


@pytest.mark.parametrize("people", [3, 8, 10])
def test_total_minutes_stay_within_50_to_90_for_any_group_size(incident, people: int) -> None:
    for approaches in ("written", "spoken"):
        assert 50 <= incident.total_minutes(people, {"approaches": approaches}) <= 90


def test_advisor_metadata_says_incidents_beginners_low_safety(incident) -> None:
    assert incident.suits == (CaseKind.INCIDENT,)
    assert incident.level is Level.BEGINNING
    assert incident.safety_needed is Safety.LOW
