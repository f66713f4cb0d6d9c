"""Attendance as it happened: late arrivals accept the agreement, departures and breaks,
and each member's own minutes, through the engine and in the attendance record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import DomainError, Engine, fold
from intervisie.core.meeting.events import event_from_dict, event_to_dict, redact
from intervisie.core.meeting.model import Group, Member
from intervisie.core.reports.attendance import attendance_of

GROUP = Group(
    "g-utrecht",
    "Intervisie Advocatuur Utrecht",
    (
        Member("sanne", "Sanne de Vries"),
        Member("pieter", "Pieter Bakker"),
        Member("aylin", "Aylin Yıldız"),
        Member("joost", "Joost Jansen"),
        Member("eva", "Eva Visser"),
        Member("ingrid", "Ingrid Mulder"),
    ),
)


def opened(present=("sanne", "pieter", "aylin", "eva", "ingrid")) -> tuple[Engine, FakeClock]:
    clock = FakeClock(datetime(2026, 3, 5, 13, 0, tzinfo=UTC))
    eng = Engine(clock)
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="ingrid",
            confidentiality=present,
            minutes_available=240,
            rule_profile="nova",
        )
    )
    return eng, clock


def test_a_late_arrival_accepts_the_agreement_and_counts_from_arrival() -> None:
    eng, clock = opened()
    clock.advance(minutes=25)
    with pytest.raises(DomainError, match="must accept the confidentiality agreement"):
        eng.execute(cmd.Arrive(member="joost"))
    assert "joost" not in eng.state.present  # a refused command changes nothing
    eng.execute(cmd.Arrive(member="joost", accepts_confidentiality=True))
    assert "joost" in eng.state.present and "joost" in eng.state.confidentiality
    clock.advance(minutes=215)
    eng.execute(cmd.FinishMeeting())
    att = attendance_of(eng.state, "m1")
    assert att.minutes == 240
    assert att.own_minutes("joost") == 215
    assert att.own_minutes("sanne") == 240
    assert [(c.member, c.what) for c in att.presence] == [("joost", "arrived")]
    assert "joost" in {p.id for p in att.participants}
    assert att.confidentiality  # everyone who came accepted it


def test_leaving_early_and_a_break_count_only_the_time_present() -> None:
    eng, clock = opened()
    clock.advance(minutes=60)
    eng.execute(cmd.Leave(member="aylin", on_break=True))
    assert "aylin" not in eng.state.present and eng.state.on_break == ("aylin",)
    clock.advance(minutes=20)
    eng.execute(cmd.Arrive(member="aylin"))  # back from a break: no new agreement needed
    clock.advance(minutes=40)
    eng.execute(cmd.Pause())  # the whole group's pause counts for nobody
    clock.advance(minutes=15)
    eng.execute(cmd.Resume())
    clock.advance(minutes=80)
    eng.execute(cmd.Leave(member="eva"))  # leaves 20 minutes before the end
    clock.advance(minutes=20)
    eng.execute(cmd.FinishMeeting())
    att = attendance_of(eng.state, "m1")
    assert att.minutes == 220
    assert att.own_minutes("aylin") == 200
    assert att.own_minutes("eva") == 200
    assert att.own_minutes("pieter") == 220
    assert [c.what for c in att.presence] == ["break", "back", "left"]
    assert "eva" in {p.id for p in att.participants}  # she took part, though she left


def test_what_cannot_happen_is_refused_with_a_reason() -> None:
    eng, _clock = opened()
    with pytest.raises(DomainError, match="already present"):
        eng.execute(cmd.Arrive(member="sanne", accepts_confidentiality=True))
    with pytest.raises(DomainError, match="not a member"):
        eng.execute(cmd.Arrive(member="stranger", accepts_confidentiality=True))
    with pytest.raises(DomainError, match="not present"):
        eng.execute(cmd.Leave(member="joost"))
    with pytest.raises(DomainError, match="facilitator stays"):
        eng.execute(cmd.Leave(member="ingrid"))


def test_the_provider_what_came_up_and_the_online_check_are_recorded() -> None:
    eng, clock = opened()
    eng.execute(cmd.RecordDetails(provider="Orde van Advocaten Midden-Nederland"))
    clock.advance(minutes=180)
    eng.execute(cmd.RecordDetails(what_came_up="  integriteit,   verwachtingenmanagement "))
    with pytest.raises(DomainError, match="Keep it short"):
        eng.execute(cmd.RecordDetails(what_came_up="x" * 201))
    assert eng.execute(cmd.RecordDetails(what_came_up="integriteit, verwachtingenmanagement")) == []
    eng.execute(cmd.FinishMeeting())
    att = attendance_of(eng.state, "m1")
    assert att.provider == "Orde van Advocaten Midden-Nederland"
    assert att.what_came_up == "integriteit, verwachtingenmanagement"


def test_attendance_events_replay_survive_json_and_a_purge() -> None:
    eng, clock = opened()
    clock.advance(minutes=30)
    eng.execute(cmd.Arrive(member="joost", accepts_confidentiality=True))
    eng.execute(cmd.AddCase(owner="joost", title="Geheim dilemma"))
    clock.advance(minutes=60)
    eng.execute(cmd.Leave(member="pieter", on_break=True))
    clock.advance(minutes=10)
    eng.execute(cmd.Arrive(member="pieter"))
    eng.execute(cmd.RecordDetails(what_came_up="druk van declarabele uren"))
    clock.advance(minutes=60)
    eng.execute(cmd.FinishMeeting())
    again = fold(event_from_dict(event_to_dict(e)) for e in eng.events)
    assert again == eng.state
    purged = fold(redact(e) for e in eng.events)
    assert attendance_of(purged, "m1") == attendance_of(eng.state, "m1")
