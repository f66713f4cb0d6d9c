"""The hours ledger: per person and per rule profile, what counts in the profile's period.

Input is `Attendance` records (one per meeting) and the store's `People`, so the ledger
reads no case content and a purged meeting counts exactly as before. A person's sittings in
every group they belong to add up. Each sitting is checked against the profile: a meeting
outside it (too small a group, too short, too few registered) counts for nobody, a person
present for less than the minimum sitting gets nothing for it, a longer sitting counts up
to the maximum, and every sitting that does not count says why. Where the profile says the
facilitator's own hours do not count, a facilitator's hours at meetings they led are kept
apart. Demo meetings and meetings never finished are left out (and counted, so `hours`
can say so). Hours entered by hand from other activities are added; exemptions shrink the
requirement (pro rata) or lift it (trainees).

Dates are taken in local time (`tz`), so a meeting that ends the year at 23:30 stays in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from attrs import frozen

from intervisie.core.i18n import N_, current_language, tr
from intervisie.core.reports.attendance import Attendance
from intervisie.core.reports.durations import duration
from intervisie.core.reports.people import Activity, People, Person
from intervisie.core.reports.profiles import (
    Exemption,
    Period,
    RuleProfile,
    sitting_checks,
)

PARTICIPANT = "participant"
FACILITATOR = "facilitator"


@frozen
class Window:
    """The period counted, both ends inclusive."""

    kind: Period
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _fixed(start: date, years: int, day: date) -> Window:
    """The fixed period of `years` years, counted from `start`, that holds `day`."""
    begin = start
    step = 0
    while _plus_years(begin, years) <= day:
        step += years
        begin = _plus_years(start, step)
    while begin > day:
        step -= years
        begin = _plus_years(start, step)
    return Window(Period.FIXED_YEARS, begin, _plus_years(begin, years) - timedelta(days=1))


def period_window(
    profile: RuleProfile,
    *,
    year: int | None = None,
    until: date | None = None,
    today: date | None = None,
    start: date | None = None,
) -> Window:
    """The profile's period: a calendar year, the 12 months up to `until`, or a fixed period.

    A calendar-year or rolling profile with `year` gives that calendar year, with `until`
    the 12 months up to and including it. A fixed period is the one (counted from `start`,
    else the profile's own start) that holds `until`, or 1 January of `year`, or `today`.
    """
    if year is not None and until is not None:
        raise ValueError("give a year or an end date, not both")
    today = today or date.today()
    if profile.period is Period.FIXED_YEARS:
        anchor = start or profile.period_start
        assert anchor is not None
        day = until or (date(year, 1, 1) if year is not None else today)
        return _fixed(anchor, profile.period_years, day)
    if year is None and until is None:
        if profile.period is Period.CALENDAR_YEAR:
            year = today.year
        else:
            until = today
    if year is not None:
        return Window(Period.CALENDAR_YEAR, date(year, 1, 1), date(year, 12, 31))
    assert until is not None
    return Window(Period.ROLLING_12_MONTHS, _minus_year(until) + timedelta(days=1), until)


def join_reasons(reasons: Iterable[str]) -> str:
    """Reasons as one line: `a; b.` (each reason is a sentence of its own)."""
    parts = [r.rstrip(".") for r in reasons if r]
    return "; ".join(parts) + ("." if parts and any(r.endswith(".") for r in reasons) else "")


@frozen
class Sitting:
    """One meeting in one person's ledger."""

    meeting_id: str
    day: date
    group: str
    role: str
    """`participant`, or `facilitator` when they led it."""
    minutes: float
    """The person's own minutes at the meeting."""
    counted_minutes: float
    """What counts toward the requirement: 0 when it does not count; else capped."""
    points: float = 0.0
    kept_apart: bool = False
    """A facilitator's own sitting the profile does not count for them."""
    reasons: tuple[str, ...] = ()
    """Why it does not count, or how it was capped."""

    @property
    def counts(self) -> bool:
        return self.counted_minutes > 0

    @property
    def note(self) -> str:
        return join_reasons(self.reasons)


@frozen
class PersonHours:
    """One person's hours under one profile in one period."""

    person_id: str
    name: str
    profile: RuleProfile
    window: Window
    groups: tuple[str, ...]
    minutes: float
    """Counted minutes: sittings that count plus hours from other activities."""
    points: float
    sittings: int
    """Sittings that count."""
    other_minutes: float
    facilitator_minutes: float
    """A facilitator's own minutes where the profile does not count them (else 0)."""
    facilitator_sittings: int
    required_minutes: float | None
    required_points: float | None
    required_sittings: int | None
    missing_minutes: float | None
    """None when the profile asks no hours, for a trainee, or an outside facilitator."""
    missing_points: float | None
    missing_sittings: int | None
    sittings_list: tuple[Sitting, ...]
    activities: tuple[Activity, ...] = ()
    member: bool = True
    """False for a facilitator from outside the groups: no requirement is checked for them."""
    trainee: bool = False
    exempt_share: float = 0.0
    """The share of the period exempted pro rata (0 to 1)."""
    linked: bool = False
    number: str | None = None
    """The person's number in the profile's register (personal data: not in plain output)."""

    @property
    def met(self) -> bool:
        return not self.missing_minutes and not self.missing_sittings and not self.missing_points

    @property
    def has_requirement(self) -> bool:
        return any(
            v is not None
            for v in (self.missing_minutes, self.missing_points, self.missing_sittings)
        )

    @property
    def not_counted(self) -> tuple[Sitting, ...]:
        return tuple(s for s in self.sittings_list if not s.counts)

    # the names of the first ledger, kept for callers that read one group
    @property
    def member_id(self) -> str:
        return self.person_id.rsplit("/", 1)[-1]

    @property
    def group(self) -> str:
        return self.groups[0] if self.groups else ""


@frozen
class Ledger:
    rows: tuple[PersonHours, ...]
    meetings: int
    """Meetings in the rows' periods (finished, not a demo)."""
    demo_left_out: int
    unfinished_left_out: int
    asked: tuple[RuleProfile, ...] = ()
    """The profiles asked for (`hours --profile P`), whether or not anyone has a row."""

    @property
    def members(self) -> tuple[PersonHours, ...]:
        return self.rows

    def person(self, wanted: str, profile_id: str | None = None) -> PersonHours | None:
        """The row of the person with that id or name (under that profile, when given)."""
        key = wanted.casefold()
        return next(
            (
                r
                for r in self.rows
                if key in (r.person_id.casefold(), r.name.casefold(), r.member_id.casefold())
                and (profile_id is None or r.profile.id == profile_id)
            ),
            None,
        )

    def member(self, member_id: str, group_id: str | None = None) -> PersonHours | None:
        """The row of a group's member (unlinked people are `group_id/member_id`)."""
        return next(
            (
                r
                for r in self.rows
                if r.member_id == member_id
                and (group_id is None or r.person_id == f"{group_id}/{member_id}")
            ),
            None,
        )

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g for r in self.rows for g in r.groups))

    @property
    def profiles(self) -> tuple[RuleProfile, ...]:
        """The profiles asked for, then every other profile a row is under."""
        found = {p.id: p for p in self.asked}
        found.update({r.profile.id: r.profile for r in self.rows if r.profile.id not in found})
        return tuple(found.values())


def _local_day(when: datetime, tz: tzinfo | None) -> date:
    return when.astimezone(tz).date()


def _hours(minutes: float) -> float:
    return round(minutes / 60, 2)


@frozen
class _Seen:
    """One person at one meeting."""

    meeting: Attendance
    day: date
    member_id: str
    role: str
    minutes: float


def _exempt_share(person: Person, profile: RuleProfile, window: Window) -> float:
    days = 0
    for e in person.exemptions:
        if e.profile != profile.id or e.kind is not Exemption.PRO_RATA:
            continue
        start = max(e.start or window.start, window.start)
        end = min(e.end or window.end, window.end)
        if end >= start:
            days += (end - start).days + 1
    return min(days / window.days, 1.0)


def sitting_for(profile: RuleProfile, seen: _Seen, people: People, lang: str) -> Sitting:
    """How one person's presence at one meeting counts under `profile`, and why not."""
    m = seen.meeting
    members = [(p.id, p.name) for p in m.participants]
    registered, trainees = people.counts(m.group_id, members, profile)
    checks = sitting_checks(
        profile,
        participants=len(m.participants),
        minutes=m.minutes,
        online=m.online,
        registered=registered,
        trainees=trainees,
        lang=lang,
    )
    reasons = [c.text for c in checks if c.voids]
    if seen.role == FACILITATOR and not profile.facilitator_hours_count:
        return Sitting(
            m.meeting_id,
            seen.day,
            m.group,
            seen.role,
            seen.minutes,
            0.0,
            kept_apart=True,
            reasons=(tr(N_("as facilitator: does not count for the facilitator"), lang),),
        )
    counted = profile.counted_minutes(seen.minutes)
    if reasons:
        counted = 0.0
    elif counted == 0:
        reasons.append(
            tr(N_("present for {own}; {profile} counts at least {least}"), lang).format(
                own=duration(seen.minutes, lang),
                profile=profile.name.get(lang),
                least=duration(profile.sitting_min_minutes or 0, lang),
            )
        )
    elif counted < round(seen.minutes):
        reasons.append(
            tr(N_("counted up to {most}"), lang).format(
                most=duration(profile.sitting_max_minutes or counted, lang)
            )
        )
    return Sitting(
        m.meeting_id,
        seen.day,
        m.group,
        seen.role,
        seen.minutes,
        counted,
        profile.points(counted),
        reasons=tuple(reasons),
    )


def _in_ledger(person: Person, profile: RuleProfile, attended: set[str]) -> bool:
    """Whether `profile` is one of the person's: their register, else their groups' profile."""
    if profile.register is not None and person.registrations:
        return profile.register in person.registrations
    return profile.id in attended or person.applies(profile)


def build_hours(
    meetings: Iterable[Attendance],
    people: People,
    profiles: Sequence[RuleProfile],
    *,
    year: int | None = None,
    until: date | None = None,
    today: date | None = None,
    only_given: bool = False,
    default_profile: str = "default",
    person: str | None = None,
    group: str | None = None,
    window: Window | None = None,
    tz: tzinfo | None = None,
    lang: str | None = None,
) -> Ledger:
    """Every person's hours under each profile that applies to them.

    `profiles`: the profiles to consider. With `only_given` each of them is reported for
    everyone it applies to (`hours --profile P`); otherwise a person gets a line for each
    of `profiles` that is theirs: the profile of their register, or of the meetings of
    their groups (a meeting without a profile is `default_profile`'s). `person` (an id,
    name or number) and `group` (an id or name) narrow the rows. `window`: this period for
    every row, instead of each profile's own.
    """
    lang = lang or current_language()
    seen: dict[str, list[_Seen]] = {}
    persons: dict[str, Person] = {}
    attended: dict[str, set[str]] = {}
    groups_of: dict[str, dict[str, None]] = {}
    in_group: dict[str, bool] = {}
    demo = unfinished = 0
    ordered = sorted(meetings, key=lambda m: m.started)
    for meeting in ordered:
        if meeting.demo:
            demo += 1
            continue
        if not meeting.finished:
            unfinished += 1
            continue
        day = _local_day(meeting.started, tz)
        taking_part = list(meeting.participants)
        if meeting.facilitator.id not in {p.id for p in taking_part}:
            taking_part.append(meeting.facilitator)
        for who in taking_part:
            p = people.person_of(meeting.group_id, who.id, who.name)
            persons.setdefault(p.id, p)
            role = FACILITATOR if who.id == meeting.facilitator.id else PARTICIPANT
            is_member = role == PARTICIPANT or meeting.facilitator_is_member
            in_group[p.id] = in_group.get(p.id, False) or is_member
            seen.setdefault(p.id, []).append(
                _Seen(meeting, day, who.id, role, meeting.minutes_of.get(who.id, meeting.minutes))
            )
            attended.setdefault(p.id, set()).add(meeting.rule_profile or default_profile)
            groups_of.setdefault(p.id, {})[meeting.group] = None
    for p in people.persons.values():  # registered people without a sitting yet
        persons.setdefault(p.id, p)
    rows: list[PersonHours] = []
    wanted = person.casefold().strip() if person else None
    for pid, one in persons.items():
        if wanted is not None and wanted not in (
            pid.casefold(),
            pid.rsplit("/", 1)[-1].casefold(),
            one.name.casefold(),
            *(n.strip().casefold() for n in one.registrations.values()),
        ):
            continue
        if group is not None and not _in_group(seen.get(pid, []), group):
            continue
        own = (
            profiles
            if only_given
            else [p for p in profiles if p.id in attended.get(pid, set()) or one.applies(p)]
        )
        for profile in own:
            if not _in_ledger(one, profile, attended.get(pid, set())):
                continue
            row = _row(
                one,
                profile,
                seen.get(pid, []),
                people,
                in_group.get(pid, True),
                groups_of.get(pid, {}),
                window=window
                or period_window(
                    profile,
                    year=year,
                    until=until,
                    today=today,
                    start=one.period_starts.get(profile.id),
                ),
                lang=lang,
            )
            if row is not None:
                rows.append(row)
    rows.sort(key=lambda r: (r.name.casefold(), r.person_id, r.profile.id))
    counted = len({s.meeting_id for r in rows for s in r.sittings_list})
    asked = tuple(profiles) if only_given else ()
    return Ledger(tuple(rows), counted, demo, unfinished, asked)


def _in_group(seen: list[_Seen], group: str) -> bool:
    key = group.casefold()
    return any(key in (s.meeting.group_id.casefold(), s.meeting.group.casefold()) for s in seen)


def _row(
    who: Person,
    profile: RuleProfile,
    seen: list[_Seen],
    people: People,
    member: bool,
    groups: dict[str, None],
    *,
    window: Window,
    lang: str,
) -> PersonHours | None:
    sittings = [sitting_for(profile, s, people, lang) for s in seen if s.day in window]
    activities = (
        tuple(a for a in who.activities if a.profile == profile.id and a.day in window)
        if profile.other_activities
        else ()
    )
    if not sittings and not activities and not who.applies(profile):
        return None
    own = [s for s in sittings if not s.kept_apart]
    apart = [s for s in sittings if s.kept_apart]
    other = sum(a.minutes for a in activities)
    minutes = sum(s.counted_minutes for s in own) + other
    points = sum(s.points for s in own) + profile.points(other)
    if profile.max_points is not None:
        points = min(points, profile.max_points)
    count = sum(1 for s in own if s.counts)
    trainee = who.is_trainee(profile.id)
    share = _exempt_share(who, profile, window)
    checked = member and not trainee
    req_minutes = req_points = None
    req_sittings = None
    if checked and profile.min_hours is not None:
        req_minutes = round(profile.min_hours * 60 * (1 - share))
    if checked and profile.min_points is not None:
        req_points = round(profile.min_points * (1 - share), 2)
    if checked and profile.min_sittings is not None:
        req_sittings = round(profile.min_sittings * (1 - share))
    return PersonHours(
        person_id=who.id,
        name=who.name,
        profile=profile,
        window=window,
        groups=tuple(groups),
        minutes=minutes,
        points=round(points, 2),
        sittings=count,
        other_minutes=other,
        facilitator_minutes=sum(s.minutes for s in apart),
        facilitator_sittings=len(apart),
        required_minutes=req_minutes,
        required_points=req_points,
        required_sittings=req_sittings,
        missing_minutes=None if req_minutes is None else max(req_minutes - minutes, 0.0),
        missing_points=None if req_points is None else max(round(req_points - points, 2), 0.0),
        missing_sittings=None if req_sittings is None else max(req_sittings - count, 0),
        sittings_list=tuple(sittings),
        activities=activities,
        member=member,
        trainee=trainee,
        exempt_share=share,
        linked=who.linked,
        number=who.number(profile.register),
    )


def build_ledger(
    meetings: Iterable[Attendance],
    profile: RuleProfile,
    window: Window,
    *,
    people: People | None = None,
    tz: tzinfo | None = None,
    lang: str | None = None,
) -> Ledger:
    """Everyone at a meeting in `window`, under `profile` alone."""
    return build_hours(
        meetings, people or People(), [profile], only_given=True, window=window, tz=tz, lang=lang
    )


def ledger_to_json(ledger: Ledger) -> dict[str, Any]:
    """The ledger as `intervisie hours --json` prints it (hours as decimal numbers)."""
    return {
        "profiles": [p.id for p in ledger.profiles],
        "meetings": ledger.meetings,
        "left_out": {"demo": ledger.demo_left_out, "unfinished": ledger.unfinished_left_out},
        "people": [
            {
                "person": {"id": r.person_id, "name": r.name, "linked": r.linked},
                "profile": r.profile.id,
                "period": {
                    "kind": r.window.kind.value,
                    "start": r.window.start.isoformat(),
                    "end": r.window.end.isoformat(),
                },
                "groups": list(r.groups),
                "hours": _hours(r.minutes),
                "points": r.points if r.profile.points_per_hour is not None else None,
                "sittings": r.sittings,
                "other_hours": _hours(r.other_minutes),
                "facilitator_hours": _hours(r.facilitator_minutes),
                "facilitator_sittings": r.facilitator_sittings,
                "required": {
                    "hours": None if r.required_minutes is None else _hours(r.required_minutes),
                    "points": r.required_points,
                    "sittings": r.required_sittings,
                    "facilitator_hours_count": r.profile.facilitator_hours_count,
                },
                "missing_hours": None if r.missing_minutes is None else _hours(r.missing_minutes),
                "missing_points": r.missing_points,
                "missing_sittings": r.missing_sittings,
                "member": r.member,
                "trainee": r.trainee,
                "exempt_share": round(r.exempt_share, 3),
                "met": r.met if r.has_requirement else None,
                "meetings": [
                    {
                        "id": s.meeting_id,
                        "date": s.day.isoformat(),
                        "group": s.group,
                        "role": s.role,
                        "hours": _hours(s.minutes),
                        "counted_hours": _hours(s.counted_minutes),
                        "points": s.points,
                        "counts": s.counts,
                        "kept_apart": s.kept_apart,
                        "reasons": list(s.reasons),
                    }
                    for s in r.sittings_list
                ],
                "activities": [
                    {"date": a.day.isoformat(), "hours": _hours(a.minutes), "what": a.what}
                    for a in r.activities
                ],
            }
            for r in ledger.rows
        ],
    }
