"""The hours ledger, on meetings run through the engine: hours add up across meetings and
years, the facilitator's own hours stay apart where the profile says so, demos stay out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine, fold
from intervisie.core.meeting.events import redact
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.core.reports.attendance import Attendance, attendance_of
from intervisie.core.reports.ledger import build_ledger, ledger_to_json, period_window
from intervisie.core.reports.people import People, Person
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
    profile: str = "nova",
) -> Attendance:
    """A meeting of `minutes` (pauses left out) on `day` at 10:00 UTC, run by the engine."""
    clock = FakeClock(datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC))
    eng = Engine(clock)
    eng.execute(
        cmd.OpenMeeting(
            group=group,
            present=present,
            facilitator=facilitator,
            facilitator_participates=participates,
            confidentiality=present,
            minutes_available=max(minutes, 1),
            rule_profile=profile,
            demo=demo,
        )
    )
    eng.execute(cmd.AddCase(owner=present[0], title="Geheim: een dilemma"))
    clock.advance(minutes=minutes / 2)
    if pause:
        eng.execute(cmd.Pause())
        clock.advance(minutes=pause)
        eng.execute(cmd.Resume())
    clock.advance(minutes=minutes / 2)
    if finish:
        eng.execute(cmd.FinishMeeting())
    return attendance_of(eng.state, f"m{next(_ids)}")


def ledger(meetings, profile="nova", people=None, **window):
    prof = get_profile(profile)
    return build_ledger(
        meetings, prof, period_window(prof, **window), people=people, tz=UTC, lang="en"
    )


MEDIATORS = Group(
    "g3",
    "Mediators Oost",
    (*GROUP.members, Member("dirk", "Dirk"), Member("eva", "Eva")),
)


def registered(register: str, *member_ids: str, group: Group = MEDIATORS) -> People:
    """The group's members as people, those named with a number in `register`."""
    persons = {
        m.id: Person(m.id, m.name, {register: f"{register}-{m.id}"} if m.id in member_ids else {})
        for m in group.members
    }
    return People(persons, {(group.id, m.id): m.id for m in group.members})


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
    both = ledger(meetings, until=date(2026, 6, 30)).member("bram")
    assert both is not None and both.window.kind is Period.ROLLING_12_MONTHS
    assert both.minutes == 540


def test_the_same_member_id_in_two_groups_is_two_people_until_linked() -> None:
    other = Group(
        "g2",
        "Mediators Zuid",
        (Member("anna", "Anna Other"), Member("fenna", "F"), Member("x", "X"), Member("y", "Y")),
    )
    meetings = [
        sitting("2026-02-10", 180),
        sitting("2026-03-10", 240, present=("anna", "fenna", "x", "y"), group=other),
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
    plain_meetings = [
        sitting("2026-02-10", 180, profile="default"),
        sitting("2026-04-10", 180, facilitator="Extern: Gerrit", profile="default"),
    ]
    plain = ledger(plain_meetings, "default", year=2026).member("fenna")
    assert plain is not None
    assert (plain.minutes, plain.facilitator_minutes) == (360, 0)


def test_a_facilitator_who_takes_part_is_still_the_facilitator() -> None:
    meetings = [sitting("2026-02-10", 180, participates=True)]
    fenna = ledger(meetings, year=2026).member("fenna")
    assert fenna is not None and fenna.minutes == 0 and fenna.facilitator_minutes == 180


def test_sittings_outside_the_profiles_length_count_for_nothing_or_the_maximum() -> None:
    meetings = [sitting("2026-02-10", 90), sitting("2026-03-10", 248)]
    anna = ledger(meetings, year=2026).member("anna")
    assert anna is not None
    assert anna.minutes == 240 and anna.sittings == 1  # a 4 h 08 sitting counts 4 h
    notes = [s.note for s in anna.sittings_list]
    assert notes == [
        "Dutch bar (NOvA) – structured feedback (intervision) counts sittings of at least 2 h; "
        "this one is 1 h 30 min.",
        "counted up to 4 h",
    ]
    assert [s.counts for s in anna.sittings_list] == [False, True]


def test_a_meeting_outside_the_profile_counts_for_nobody_and_says_why() -> None:
    small = sitting("2026-02-10", 180, present=("anna", "bram", "fenna"))
    anna = ledger([small], year=2026).member("anna")
    assert anna is not None and anna.minutes == 0 and anna.sittings == 0
    assert not anna.met and anna.missing_minutes == 480
    assert anna.not_counted[0].reasons == (
        "Dutch bar (NOvA) – structured feedback (intervision) asks for at least 3 "
        "participants; 2 take part.",
    )


def test_mediators_count_points_in_a_fixed_three_year_period() -> None:
    everyone = tuple(m.id for m in MEDIATORS.members)
    meetings = [
        sitting(day, minutes, profile="mfn", group=MEDIATORS, present=everyone)
        for day, minutes in [
            ("2024-12-15", 180),  # the period before
            ("2025-06-15", 240),
            ("2026-03-15", 150),
            ("2026-04-15", 100),  # too short for MfN
            ("2027-12-15", 120),
        ]
    ]
    unknown = ledger(meetings, "mfn", year=2026).member("carla")
    assert unknown is not None and unknown.points == 0  # nobody is known to be registered
    assert "0 recorded" in unknown.sittings_list[0].note
    people = registered("mfn", "anna", "bram", "carla")
    carla = ledger(meetings, "mfn", people, year=2026).person("carla")
    assert carla is not None
    assert (carla.window.start, carla.window.end) == (date(2025, 1, 1), date(2027, 12, 31))
    assert carla.points == 4 + 2.5 + 2 and carla.sittings == 3
    assert carla.missing_points == 18 - 8.5 and not carla.met
    assert carla.missing_minutes is None and carla.missing_sittings is None
    assert [s.points for s in carla.sittings_list] == [4, 2.5, 0, 2]


def test_the_default_period_follows_the_profile() -> None:
    today = date(2026, 5, 20)
    assert period_window(get_profile("nova"), today=today) == period_window(
        get_profile("nova"), year=2026
    )
    fixed = period_window(get_profile("mfn"), today=today)
    assert (fixed.start, fixed.end) == (date(2025, 1, 1), date(2027, 12, 31))
    earlier = period_window(get_profile("mfn"), until=date(2024, 12, 31))
    assert (earlier.start, earlier.end) == (date(2022, 1, 1), date(2024, 12, 31))
    own = period_window(get_profile("mfn"), today=today, start=date(2023, 9, 1))
    assert (own.start, own.end) == (date(2023, 9, 1), date(2026, 8, 31))
    rolling = period_window(get_profile("nova"), until=today)
    assert (rolling.start, rolling.end) == (date(2025, 5, 21), date(2026, 5, 20))
    leap = period_window(get_profile("nova"), until=date(2028, 2, 29))
    assert leap.start == date(2027, 3, 1)
    with pytest.raises(ValueError):
        period_window(get_profile("mfn"), year=2026, until=today)


def test_a_purged_meeting_counts_exactly_as_before() -> None:
    clock = FakeClock(datetime(2026, 9, 1, 9, 0, tzinfo=UTC))
    eng = Engine(clock)
    present = ("anna", "bram", "fenna")
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="fenna",
            confidentiality=present,
            minutes_available=180,
        )
    )
    eng.execute(
        cmd.AddCase(owner="anna", title="Geheim dilemma", description="Geheime beschrijving")
    )
    clock.advance(minutes=150)
    eng.execute(cmd.StartStep(step=MeetingStep.CLOSING))
    eng.execute(
        cmd.AddContribution(author="bram", kind=ContributionKind.NOTE, text="Geheime notitie")
    )
    eng.execute(cmd.FinishMeeting())
    before = attendance_of(eng.state, "m1")
    after = attendance_of(fold(redact(e) for e in eng.events), "m1")
    assert before == after
    assert ledger([before], year=2026) == ledger([after], year=2026)


def test_the_json_says_what_hours_prints() -> None:
    doc = ledger([sitting("2026-02-10", 180)], year=2026)
    data = ledger_to_json(doc)
    assert data["profiles"] == ["nova"]
    anna = next(m for m in data["people"] if m["person"]["id"] == "g1/anna")
    assert anna["profile"] == "nova"
    assert anna["period"] == {"kind": "calendar_year", "start": "2026-01-01", "end": "2026-12-31"}
    assert anna["required"] == {
        "hours": 8.0,
        "points": None,
        "sittings": None,
        "facilitator_hours_count": False,
    }
    assert anna["hours"] == 3.0 and anna["missing_hours"] == 5.0 and anna["met"] is False
    assert anna["groups"] == ["Advocaten Noord"]
    assert anna["meetings"][0]["date"] == "2026-02-10"
    assert anna["meetings"][0]["role"] == "participant"
    assert anna["meetings"][0]["counts"] is True
    fenna = next(m for m in data["people"] if m["person"]["id"] == "g1/fenna")
    assert fenna["facilitator_hours"] == 3.0 and fenna["meetings"][0]["kept_apart"] is True
