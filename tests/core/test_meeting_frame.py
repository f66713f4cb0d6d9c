"""The frame of a meeting in the engine: each member's agreement to confidentiality, recorded
with the wording they accepted, and kept through replay and the meeting document."""

from __future__ import annotations

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError, Engine, replay
from intervisie.core.meeting.events import ConfidentialityAccepted, event_from_dict, event_to_dict

AGREEMENT = "What is said here stays here."


def test_each_member_present_accepts_the_agreement_as_worded(clock, group):
    engine = Engine(clock)
    engine.execute(
        cmd.OpenMeeting(
            group=group,
            present=("anna", "bram", "carla"),
            confidentiality=("anna", "bram", "carla"),
            facilitator="anna",
            minutes_available=90,
            agreement=AGREEMENT,
        )
    )
    accepted = [e for e in engine.events if isinstance(e, ConfidentialityAccepted)]
    assert [(e.member, e.text) for e in accepted] == [
        ("anna", AGREEMENT),
        ("bram", AGREEMENT),
        ("carla", AGREEMENT),
    ]
    state = replay(event_from_dict(event_to_dict(e)) for e in engine.events)
    assert state.agreement == AGREEMENT
    assert set(state.agreed) == {"anna", "bram", "carla"}
    assert state.confidentiality == ("anna", "bram", "carla")


def test_a_member_accepts_once_and_only_when_present(clock, group):
    engine = Engine(clock)
    engine.execute(
        cmd.OpenMeeting(
            group=group,
            present=("anna", "bram"),
            confidentiality=("anna", "bram"),
            facilitator="anna",
            minutes_available=90,
            agreement=AGREEMENT,
        )
    )
    with pytest.raises(DomainError, match="Bram has already accepted"):
        engine.execute(cmd.AcceptConfidentiality(member="bram"))
    with pytest.raises(DomainError, match="Carla is not present"):
        engine.execute(cmd.AcceptConfidentiality(member="carla"))


def test_a_participant_accepts_only_for_themselves(clock, group):
    engine = Engine(clock)
    engine.execute(
        cmd.OpenMeeting(
            group=group,
            present=("anna", "bram"),
            confidentiality=("anna", "bram"),
            facilitator="anna",
            minutes_available=90,
        )
    )
    with pytest.raises(DomainError, match="only act for themselves"):
        engine.execute(cmd.AcceptConfidentiality(actor="anna", member="carla"))
