"""Events survive the trip through JSON, unknown ones are refused, and a purge keeps structure."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from intervisie.core.meeting.events import (
    EVENT_TYPES,
    PURGED,
    CaseAdded,
    CaseChosen,
    ContributionAdded,
    EventError,
    MeetingOpened,
    Paused,
    RoundStarted,
    event_from_dict,
    event_to_dict,
    redact,
)
from intervisie.core.meeting.model import Case, Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep

T0 = datetime(2026, 3, 5, 14, 0, tzinfo=UTC)

SAMPLES = [
    MeetingOpened(
        T0,
        group=Group("g1", "Advocaten Oost", (Member("m1", "Anna"), Member("m2", "Bram"))),
        present=("m1", "m2"),
        facilitator="m1",
        confidentiality=("m1", "m2"),
        minutes_available=120,
        place="Utrecht",
        rule_profile="nova",
        revisit=(Case("old1", "m2", "Client who would not pay", "He left angry."),),
    ),
    CaseAdded(T0, actor="m2", case=Case("c1", "m2", "Deadline dilemma", "A partner asked me")),
    RoundStarted(
        T0,
        round_id="r1",
        method={"id": "incident", "phases": [{"id": "collect", "minutes": 5}]},
        order=("collect",),
        planned={"collect": 4.5},
        lenses={"white": ("m1",)},
    ),
    ContributionAdded(
        T0,
        actor="m2",
        contribution_id="k1",
        author="m2",
        kind=ContributionKind.SCORE,
        step=MeetingStep.CHOICE,
        target="c1",
        ratings={"emotion": 4, "shared": 3, "time": 2},
    ),
    CaseChosen(T0, case_id="c1", owner="m2", by="vote", tied=("c1", "c2"), tally={"c1": 2}),
]


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: e.type)
def test_event_round_trips_through_json(event):
    doc = json.loads(json.dumps(event_to_dict(event)))
    assert doc["type"] == event.type
    assert doc["at"] == "2026-03-05T14:00:00+00:00"
    assert list(doc)[:3] == ["type", "at", "actor"]
    assert event_from_dict(doc) == event


def test_every_event_type_is_registered_once():
    assert len(EVENT_TYPES) == len({cls.type for cls in EVENT_TYPES.values()})
    assert all(name for name in EVENT_TYPES)


def test_times_are_stored_in_utc():
    amsterdam = timezone(timedelta(hours=1))
    event = Paused(datetime(2026, 3, 5, 15, 0, tzinfo=amsterdam))
    assert event.at == T0
    assert event_to_dict(event)["at"] == "2026-03-05T14:00:00+00:00"


def test_naive_time_is_refused():
    with pytest.raises(ValueError, match="timezone"):
        Paused(datetime(2026, 3, 5, 14, 0))
    with pytest.raises(EventError, match="timezone"):
        event_from_dict({"type": "paused", "at": "2026-03-05T14:00:00"})


def test_unknown_event_type_says_so():
    with pytest.raises(EventError, match="unknown event type 'teleported'"):
        event_from_dict({"type": "teleported", "at": "2026-03-05T14:00:00+00:00"})


def test_extra_and_missing_keys_are_named():
    with pytest.raises(EventError, match="foo"):
        event_from_dict({"type": "paused", "at": "2026-03-05T14:00:00+00:00", "foo": 1})
    with pytest.raises(EventError, match="round_id"):
        event_from_dict({"type": "round_finished", "at": "2026-03-05T14:00:00+00:00"})


def test_redact_replaces_case_content_and_keeps_structure():
    opened, added, started, score, chosen = (redact(e, "[weg]") for e in SAMPLES)
    assert opened.revisit[0].title == "[weg]"
    assert opened.revisit[0].owner == "m2"
    assert opened.group.members[0].name == "Anna"  # certificates need the names
    assert (added.case.title, added.case.description) == ("[weg]", "[weg]")
    assert started == SAMPLES[2]
    assert score.text == "" and score.ratings == {"emotion": 4, "shared": 3, "time": 2}
    assert chosen == SAMPLES[4]
    text = ContributionAdded(
        T0,
        contribution_id="k2",
        author="m1",
        kind=ContributionKind.REMARK,
        text="secret",
        round_id="r1",
        phase_id="collect",
    )
    assert redact(text).text == PURGED
    assert "secret" not in json.dumps(event_to_dict(redact(text)))


def test_wrong_field_types_are_named_and_numbers_are_lenient():
    base = {
        "type": "turn_advanced",
        "at": "2026-03-05T14:00:00+00:00",
        "round_id": "r1",
        "phase_id": "p",
    }
    with pytest.raises(EventError, match="turn"):
        event_from_dict({**base, "turn": "1"})
    assert event_from_dict({**base, "turn": 2}).turn == 2
    extended = event_from_dict(
        {
            "type": "extended",
            "at": "2026-03-05T14:00:00+00:00",
            "round_id": "r1",
            "phase_id": "p",
            "minutes": 5,
        }
    )
    assert extended.minutes == 5.0 and isinstance(extended.minutes, float)
    with pytest.raises(EventError, match="kind"):
        event_from_dict(
            {
                "type": "contribution_added",
                "at": "2026-03-05T14:00:00+00:00",
                "contribution_id": "k1",
                "author": "m1",
                "kind": "shout",
            }
        )
