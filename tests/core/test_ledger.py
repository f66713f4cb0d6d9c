"""The hours ledger, on meetings run through the engine: hours add up across meetings and
years, the facilitator's own hours stay apart where the profile says so, demos stay out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine, fold
from intervisie.core.meeting.events import redact
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.core.reports.attendance import Attendance, attendance_of
from intervisie.core.reports.ledger import build_ledger, ledger_to_json, period_window
from intervisie.core.reports.profiles import Period, get_profile

GROUP = Group(
    "g1",
    "Advocaten Noord",
    (
        Member("anna", "Anna"),
        Member("bram", "Bram"),
        Member("carla", "Carla"),
        Member("fenna", "Fenna"),
    ),
)
_ids = iter(range(1, 10_000))


def sitting(
    day: str,
    minutes: float,
    *,
    present: tuple[str, ...] = ("anna", "bram", "carla", "fenna"),
    facilitator: str = "fenna",
    participates: bool = False,
    demo: bool = False,
    finish: bool = True,
    pause: float = 0,
    group: Group = GROUP,
) -> Attendance:
    """A meeting of `minutes` (pauses left out) on `day` at 10:00 UTC, run by the engine."""
    clock = FakeClock(datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC))
    eng = Engine(clock)
    eng.open_meeting(
        group=group,
        present=present,
        facilitator=facilitator,
        facilitator_participates=participates,
        confidentiality=present,
        minutes_available=max(minutes, 1),
        rule_profile="nova",
        demo=demo,
    )
    eng.add_case(present[0], "Geheim: een dilemma")
    clock.advance(minutes=minutes / 2)
    if pause:
        eng.pause()
        clock.advance(minutes=pause)
        eng.resume()
    clock.advance(minutes=minutes / 2)
    if finish:
        eng.finish_meeting()
    return attendance_of(eng.state, f"m{next(_ids)}")


def ledger(meetings, profile="nova", **window):
    prof = get_profile(profile)
    return build_ledger(meetings, prof, period_window(prof, **window), tz=UTC, lang="en")


def test_hours_add_up_across_meetings_within_a_calendar_year() -> None:
    meetings = [
        sitting("2026-02-10", 180),
        sitting("2026-06-10", 150, pause=30),
        sitting("2026-11-10", 210),
    ]
    result = ledger(meetings, year=2026)
    anna = result.member("anna")
    assert anna is not None
    assert anna.minutes == 180 + 150 + 210
    assert anna.sittings == 3
    assert anna.missing_minutes == 0 and anna.met
    assert result.meetings == 3


def test_years_are_kept_apart_and_say_what_is_missing() -> None:
    meetings = [sitting("2025-12-31", 180), sitting("2026-01-01", 240), sitting("2026-03-01", 120)]
    last_year = ledger(meetings, year=2025).member("bram")
    this_year = ledger(meetings, year=2026).member("bram")
    assert last_year is not None and this_year is not None
    assert (last_year.minutes, last_year.missing_minutes) == (180, 300)
    assert (this_year.minutes, this_year.missing_minutes) == (360, 120)
    assert not this_year.met
    both = ledger(meetings, until=date(2026, 6, 30))
    assert both.window.kind is Period.ROLLING_12_MONTHS
    assert both.member("bram").minutes == 540  # type: ignore[union-attr]


def test_the_same_member_id_in_two_groups_is_two_people() -> None:
    other = Group("g2", "Mediators Zuid", (Member("anna", "Anna Other"), Member("fenna", "F")))
    meetings = [
        sitting("2026-02-10", 180),
        sitting("2026-03-10", 240, present=("anna", "fenna"), group=other),
    ]
    result = ledger(meetings, year=2026)
    ours, theirs = result.member("anna", "g1"), result.member("anna", "g2")
    assert ours is not None and theirs is not None
    assert (ours.name, ours.minutes) == ("Anna", 180)
    assert (theirs.name, theirs.minutes, theirs.group) == ("Anna Other", 240, "Mediators Zuid")
    assert result.groups == ("Advocaten Noord", "Mediators Zuid")


def test_demo_and_unfinished_meetings_stay_out() -> None:
    meetings = [
        sitting("2026-02-10", 180),
        sitting("2026-03-10", 240, demo=True),
        sitting("2026-04-10", 240, finish=False),
    ]
    result = ledger(meetings, year=2026)
    assert result.member("anna").minutes == 180  # type: ignore[union-attr]
    assert (result.meetings, result.demo_left_out, result.unfinished_left_out) == (1, 1, 1)


def test_the_facilitators_own_hours_are_kept_apart_where_they_do_not_count() -> None:
    meetings = [
        sitting("2026-02-10", 180),  # Fenna facilitates
        sitting("2026-03-10", 180),  # Fenna facilitates
        sitting("2026-04-10", 180, facilitator="Extern: Gerrit"),  # Fenna takes part
    ]
    nova = ledger(meetings, year=2026)
    fenna = nova.member("fenna")
    assert fenna is not None
    assert (fenna.minutes, fenna.sittings) == (180, 1)
    assert (fenna.facilitator_minutes, fenna.facilitator_sittings) == (360, 2)
    assert fenna.missing_minutes == 300
    gerrit = nova.member("Extern: Gerrit")
    assert gerrit is not None and gerrit.minutes == 0 and gerrit.facilitator_minutes == 180
    assert gerrit.member is False and gerrit.missing_minutes is None  # no rule for outsiders
    plain = ledger(meetings, "default", year=2026).member("fenna")
    assert plain is not None
    assert (plain.minutes, plain.facilitator_minutes) == (540, 0)


def test_a_facilitator_who_takes_part_is_still_the_facilitator() -> None:
    meetings = [sitting("2026-02-10", 180, participates=True)]
    fenna = ledger(meetings, year=2026).member("fenna")
    assert fenna is not None and fenna.minutes == 0 and fenna.facilitator_minutes == 180


def test_sittings_outside_the_profiles_length_count_for_nothing_or_the_maximum() -> None:
    meetings = [sitting("2026-02-10", 90), sitting("2026-03-10", 300)]
    anna = ledger(meetings, year=2026).member("anna")
    assert anna is not None
    assert anna.minutes == 240 and anna.sittings == 1
    notes = [s.note for s in anna.sittings_list]
    assert notes == [
        "shorter than the profile's minimum sitting",
        "longer than the profile's maximum sitting; counted up to it",
    ]


def test_a_group_outside_the_profiles_size_is_noted_but_counted() -> None:
    small = sitting("2026-02-10", 180, present=("anna", "fenna"))
    anna = ledger([small], year=2026).member("anna")
    assert anna is not None and anna.minutes == 180
    assert anna.sittings_list[0].note == "group size 1 outside the profile's"


def test_mediators_count_sittings_in_any_twelve_months() -> None:
    meetings = [
        sitting("2025-06-15", 120),
        sitting("2025-11-15", 150),
        sitting("2026-03-15", 130),
        sitting("2026-04-15", 100),  # too short for MfN
    ]
    may = ledger(meetings, "mfn", until=date(2026, 5, 31)).member("carla")
    assert may is not None
    assert may.sittings == 3 and may.missing_sittings == 0 and may.met
    july = ledger(meetings, "mfn", until=date(2026, 7, 1)).member("carla")
    assert july is not None
    assert july.sittings == 2 and july.missing_sittings == 1 and not july.met
    assert july.missing_minutes is None


def test_the_default_period_follows_the_profile() -> None:
    today = date(2026, 5, 20)
    assert period_window(get_profile("nova"), today=today) == period_window(
        get_profile("nova"), year=2026
    )
    rolling = period_window(get_profile("mfn"), today=today)
    assert (rolling.start, rolling.end) == (date(2025, 5, 21), date(2026, 5, 20))
    leap = period_window(get_profile("mfn"), until=date(2028, 2, 29))
    assert leap.start == date(2027, 3, 1)
    with pytest.raises(ValueError):
        period_window(get_profile("mfn"), year=2026, until=today)


def test_a_purged_meeting_counts_exactly_as_before() -> None:
    clock = FakeClock(datetime(2026, 9, 1, 9, 0, tzinfo=UTC))
    eng = Engine(clock)
    present = ("anna", "bram", "fenna")
    eng.open_meeting(
        group=GROUP,
        present=present,
        facilitator="fenna",
        confidentiality=present,
        minutes_available=180,
    )
    eng.add_case("anna", "Geheim dilemma", "Geheime beschrijving")
    clock.advance(minutes=150)
    eng.start_step(MeetingStep.CLOSING)
    eng.contribute("bram", ContributionKind.NOTE, "Geheime notitie")
    eng.finish_meeting()
    before = attendance_of(eng.state, "m1")
    after = attendance_of(fold(redact(e) for e in eng.events), "m1")
    assert before == after
    assert ledger([before], year=2026) == ledger([after], year=2026)


def test_the_json_says_what_hours_prints() -> None:
    doc = ledger([sitting("2026-02-10", 180)], year=2026)
    data = ledger_to_json(doc)
    assert data["profile"] == "nova"
    assert data["period"] == {"kind": "calendar_year", "start": "2026-01-01", "end": "2026-12-31"}
    assert data["requirement"] == {"hours": 8, "sittings": None, "facilitator_hours_count": False}
    anna = next(m for m in data["members"] if m["id"] == "anna")
    assert anna["hours"] == 3.0 and anna["missing_hours"] == 5.0 and anna["met"] is False
    assert anna["group"] == {"id": "g1", "name": "Advocaten Noord"}
    assert anna["meetings"][0]["date"] == "2026-02-10"
    assert anna["meetings"][0]["role"] == "participant"
    fenna = next(m for m in data["members"] if m["id"] == "fenna")
    assert fenna["facilitator_hours"] == 3.0 and fenna["meetings"][0]["kept_apart"] is True
