"""Events survive the trip through JSON, unknown ones are refused, and a purge keeps structure."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

import attrs
import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.events import (
    EVENT_TYPES,
    PURGED,
    CaseAdded,
    CaseChosen,
    ContributionAdded,
    EventError,
    MeetingOpened,
    Paused,
    PhaseChanged,
    PlannedPhase,
    RoundStarted,
    event_from_dict,
    event_to_dict,
    redact,
)
from intervisie.core.meeting.model import Case, Group, Member
from intervisie.core.meeting.upgrades import UPGRADES
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
        phases=(
            PlannedPhase(
                "collect",
                4.5,
                {"id": "collect", "minutes": 5},
                ("m1", "m2"),
                owner_skips_turn=True,
            ),
        ),
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
    assert list(doc)[:4] == ["type", "v", "at", "actor"]
    assert doc["v"] == event.version
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


# -- versions -----------------------------------------------------------------------------


def test_every_event_type_upgrades_from_version_1_to_its_current_version():
    for kind, cls in EVENT_TYPES.items():
        steps = UPGRADES.get(kind, {})
        assert sorted(steps) == list(range(1, cls.version)), kind
    assert set(UPGRADES) <= set(EVENT_TYPES)


def test_an_event_of_a_newer_version_is_refused_with_a_message():
    with pytest.raises(EventError, match="newer than this intervisie reads"):
        event_from_dict({"type": "paused", "v": 2, "at": "2026-03-05T14:00:00+00:00"})
    with pytest.raises(EventError, match="not a version"):
        event_from_dict({"type": "paused", "v": "x", "at": "2026-03-05T14:00:00+00:00"})


def _v1_round_started(**changes):
    """A round_started payload as version 1 wrote it: phase ids and minutes, no versions."""
    people = {"id": "people", "name": {"en": "People"}, "kind": "round", "owner": "listening"}
    method = {
        "id": "small",
        "version": "1",
        "name": {"en": "Small"},
        "summary": {"en": "A small method."},
        "level": "beginning",
        "group_size": {"min": 2, "ideal": 4, "max": 8},
        "phases": [
            {
                "id": "tell",
                "name": {"en": "Tell"},
                "kind": "presentation",
                "owner": "presenting",
                "minutes": 5,
            },
            {**people, "minutes_per_turn": 2},
            {
                "id": "extra",
                "name": {"en": "Extra"},
                "kind": "discussion",
                "owner": "participating",
                "minutes": 10,
                "when": {"long": ["yes"]},
            },
        ],
        "options": [
            {
                "id": "long",
                "name": {"en": "Long"},
                "default": "no",
                "choices": [
                    {"id": "no", "name": {"en": "No"}},
                    {
                        "id": "yes",
                        "name": {"en": "Yes"},
                        "phases": {"people": {"minutes_per_turn": 3, "name": {"en": "Everyone"}}},
                    },
                ],
            },
        ],
    }
    doc = {
        "type": "round_started",
        "at": "2026-03-05T14:00:00+00:00",
        "actor": "facilitator",
        "round_id": "r1",
        "method": method,
        "options": {"long": "yes"},
        "order": ["tell", "people", "extra"],
        "case_id": "c1",
        "owner": "m2",
        "participants": ["m1", "m2", "m3"],
        "planned": {"tell": 4.0, "people": 5.0},
    }
    doc.update(changes)
    return doc


def test_a_version_1_round_start_is_upgraded_to_what_the_engine_resolved_then():
    event = event_from_dict(_v1_round_started())
    assert isinstance(event, RoundStarted)
    assert [p.id for p in event.phases] == ["tell", "people", "extra"]
    # the fitted minutes as stored, and the method's own for a phase the fit left out
    assert [p.minutes for p in event.phases] == [4.0, 5.0, 10.0]
    tell, people, extra = event.phases
    assert tell.turns == () and extra.turns == ()
    assert people.turns == ("m1", "m2", "m3") and people.owner_skips_turn
    assert people.phase["name"] == {"en": "Everyone"}  # the option's patch, applied once
    assert people.phase["minutes_per_turn"] == 3
    again = event_from_dict(json.loads(json.dumps(event_to_dict(event))))
    assert again == event and event_to_dict(again)["v"] == RoundStarted.version


def test_a_version_1_round_start_without_planned_minutes_gets_the_method_s_own():
    event = event_from_dict(_v1_round_started(planned={}, options={}, order=["tell", "people"]))
    # three present, the owner sits out: two turns of two minutes (no option patch)
    assert [p.minutes for p in event.phases] == [5.0, 4.0]


def test_a_broken_version_1_round_start_is_named():
    with pytest.raises(EventError, match=r"round_started.*cannot be upgraded.*nowhere"):
        event_from_dict(_v1_round_started(order=["tell", "nowhere"]))


def test_replay_takes_the_speakers_recorded_at_the_start_and_leaves_out_the_owner_chosen_later(
    engine, choosing
):
    """What the round start recorded is what replays, even where today's rules would differ."""
    from intervisie.core.meeting.engine import replay

    engine.execute(cmd.StartRound(method=choosing))
    *before, started = engine.events
    assert isinstance(started, RoundStarted) and started.owner is None
    approaches = next(p for p in started.phases if p.id == "approaches")
    assert approaches.owner_skips_turn and "bram" in approaches.turns
    # the start as an older rule might have recorded it: another order, other minutes
    recorded = attrs.evolve(
        approaches, turns=approaches.turns[::-1], minutes=approaches.minutes + 3
    )
    phases = tuple(recorded if p.id == "approaches" else p for p in started.phases)
    ids = [p.id for p in phases]
    events = [
        *before,
        attrs.evolve(started, phases=phases),
        CaseAdded(T0, case=Case("c1", "bram", "A case"), round_id="r1", phase_id="collect"),
        CaseChosen(T0, case_id="c1", owner="bram", by="facilitator", round_id="r1"),
        *(
            PhaseChanged(T0, round_id="r1", from_phase=a, to_phase=b, how="next")
            for a, b in pairwise(ids[: ids.index("approaches") + 1])
        ),
    ]
    run = replay(events).round.phase
    assert run.id == "approaches"
    assert run.planned_minutes == approaches.minutes + 3
    assert run.turns == tuple(m for m in approaches.turns[::-1] if m != "bram")
