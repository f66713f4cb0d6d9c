"""The hours ledger: per member, hours and sittings in a rule profile's period, against its rules.

Input is `Attendance` records (one per meeting), so the ledger reads no case content and a
purged meeting counts exactly as before. Demo meetings and meetings never finished are left
out (and counted, so `hours` can say so). A sitting shorter than the profile's minimum counts
for nothing, a longer one than its maximum for the maximum (`RuleProfile.counted_minutes`).
Where the profile says the facilitator's own hours do not count, a facilitator's hours at the
meetings they led are kept apart instead of added.

Dates are taken in local time (`tz`), so a meeting that ends the year at 23:30 stays in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from attrs import frozen

from intervisie.core.i18n import N_, current_language, tr
from intervisie.core.reports.attendance import Attendance
from intervisie.core.reports.profiles import Period, RuleProfile

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


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def period_window(
    profile: RuleProfile,
    *,
    year: int | None = None,
    until: date | None = None,
    today: date | None = None,
) -> Window:
    """The calendar year `year`, or the 12 months up to and including `until`.

    Without either, the profile's own period: this calendar year, or the 12 months up to
    `today`.
    """
    if year is not None and until is not None:
        raise ValueError("give a year or an end date, not both")
    today = today or date.today()
    if year is None and until is None:
        if profile.period is Period.CALENDAR_YEAR:
            year = today.year
        else:
            until = today
    if year is not None:
        return Window(Period.CALENDAR_YEAR, date(year, 1, 1), date(year, 12, 31))
    assert until is not None
    return Window(Period.ROLLING_12_MONTHS, _minus_year(until) + timedelta(days=1), until)


@frozen
class Sitting:
    """One meeting in one member's ledger."""

    meeting_id: str
    day: date
    role: str
    """`participant`, or `facilitator` when they led it."""
    minutes: float
    counted_minutes: float
    """What counts toward the requirement: 0 when too short or kept apart; else capped."""
    kept_apart: bool = False
    """A facilitator's own sitting the profile does not count for them."""
    note: str = ""


@frozen
class MemberHours:
    """One person's hours: a member of a group (member ids are each group's own)."""

    member_id: str
    name: str
    minutes: float
    sittings: int
    facilitator_minutes: float
    """A facilitator's own minutes where the profile does not count them (else 0)."""
    facilitator_sittings: int
    missing_minutes: float | None
    """None when the profile asks no hours, or for an outside facilitator (not a member)."""
    missing_sittings: int | None
    sittings_list: tuple[Sitting, ...]
    member: bool = True
    """False for a facilitator from outside the group: no requirement is checked for them."""
    group_id: str = ""
    group: str = ""

    @property
    def met(self) -> bool:
        return not self.missing_minutes and not self.missing_sittings


@frozen
class Ledger:
    profile: RuleProfile
    window: Window
    members: tuple[MemberHours, ...]
    meetings: int
    """Meetings counted (in the window, finished, not a demo)."""
    demo_left_out: int
    unfinished_left_out: int

    def member(self, member_id: str, group_id: str | None = None) -> MemberHours | None:
        """The person with that member id (in that group, when given)."""
        return next(
            (
                m
                for m in self.members
                if m.member_id == member_id and (group_id is None or m.group_id == group_id)
            ),
            None,
        )

    @property
    def groups(self) -> tuple[str, ...]:
        """The names of the groups in the ledger, in order of first appearance."""
        return tuple(dict.fromkeys(m.group for m in self.members))


def _local_day(when: datetime, tz: tzinfo | None) -> date:
    return when.astimezone(tz).date()


def _hours(minutes: float) -> float:
    return round(minutes / 60, 2)


def build_ledger(
    meetings: Iterable[Attendance],
    profile: RuleProfile,
    window: Window,
    *,
    tz: tzinfo | None = None,
    lang: str | None = None,
) -> Ledger:
    """Everyone who attended a counted meeting in `window`, with hours against `profile`."""
    lang = lang or current_language()
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    counted = demo = unfinished = 0
    for meeting in sorted(meetings, key=lambda m: m.started):
        day = _local_day(meeting.started, tz)
        if day not in window:
            continue
        if meeting.demo:
            demo += 1
            continue
        if not meeting.finished:
            unfinished += 1
            continue
        counted += 1
        usable = profile.counted_minutes(meeting.minutes)
        note = ""
        if usable == 0:
            note = tr(N_("shorter than the profile's minimum sitting"), lang)
        elif usable < meeting.minutes:
            note = tr(N_("longer than the profile's maximum sitting; counted up to it"), lang)
        size = len(meeting.participants)
        if (profile.group_min is not None and size < profile.group_min) or (
            profile.group_max is not None and size > profile.group_max
        ):  # counted all the same: the certificate says so, the body decides
            group_note = tr(N_("group size {n} outside the profile's"), lang).format(n=size)
            note = f"{note}; {group_note}" if note else group_note
        people = list(meeting.participants)
        if meeting.facilitator.id not in {p.id for p in people}:
            people.append(meeting.facilitator)
        for person in people:
            row = rows.setdefault(
                (meeting.group_id, person.id),
                {"name": person.name, "sittings": [], "member": False, "group": meeting.group},
            )
            row["name"] = person.name
            row["group"] = meeting.group
            is_member = person.id != meeting.facilitator.id or meeting.facilitator_is_member
            row["member"] = row["member"] or is_member
            role = FACILITATOR if person.id == meeting.facilitator.id else PARTICIPANT
            kept_apart = role == FACILITATOR and not profile.facilitator_hours_count
            own_note = note
            if kept_apart:
                own_note = tr(N_("as facilitator: does not count for the facilitator"), lang)
            row["sittings"].append(
                Sitting(
                    meeting.meeting_id,
                    day,
                    role,
                    meeting.minutes,
                    0.0 if kept_apart else usable,
                    kept_apart,
                    own_note,
                )
            )
    members = [_member(key, row, profile) for key, row in rows.items()]
    members.sort(key=lambda m: (m.name.casefold(), m.group.casefold(), m.member_id))
    return Ledger(profile, window, tuple(members), counted, demo, unfinished)


def _member(key: tuple[str, str], row: dict[str, Any], profile: RuleProfile) -> MemberHours:
    group_id, member_id = key
    sittings: list[Sitting] = row["sittings"]
    own = [s for s in sittings if not s.kept_apart]
    apart = [s for s in sittings if s.kept_apart]
    minutes = sum(s.counted_minutes for s in own)
    count = sum(1 for s in own if s.counted_minutes > 0)
    missing_minutes = None
    member = row["member"]
    if profile.min_hours is not None and member:
        missing_minutes = max(profile.min_hours * 60 - minutes, 0.0)
    missing_sittings = None
    if profile.min_sittings is not None and member:
        missing_sittings = max(profile.min_sittings - count, 0)
    return MemberHours(
        member_id=member_id,
        name=row["name"],
        minutes=minutes,
        sittings=count,
        facilitator_minutes=sum(s.minutes for s in apart),
        facilitator_sittings=len(apart),
        missing_minutes=missing_minutes,
        missing_sittings=missing_sittings,
        sittings_list=tuple(sittings),
        member=member,
        group_id=group_id,
        group=row["group"],
    )


def ledger_to_json(ledger: Ledger) -> dict[str, Any]:
    """The ledger as `intervisie hours --json` prints it (hours as decimal numbers)."""
    profile = ledger.profile
    return {
        "profile": profile.id,
        "period": {
            "kind": ledger.window.kind.value,
            "start": ledger.window.start.isoformat(),
            "end": ledger.window.end.isoformat(),
        },
        "requirement": {
            "hours": profile.min_hours,
            "sittings": profile.min_sittings,
            "facilitator_hours_count": profile.facilitator_hours_count,
        },
        "meetings": ledger.meetings,
        "left_out": {"demo": ledger.demo_left_out, "unfinished": ledger.unfinished_left_out},
        "members": [
            {
                "id": m.member_id,
                "name": m.name,
                "group": {"id": m.group_id, "name": m.group},
                "hours": _hours(m.minutes),
                "sittings": m.sittings,
                "facilitator_hours": _hours(m.facilitator_minutes),
                "facilitator_sittings": m.facilitator_sittings,
                "missing_hours": None if m.missing_minutes is None else _hours(m.missing_minutes),
                "missing_sittings": m.missing_sittings,
                "member": m.member,
                "met": m.met if m.member else None,
                "meetings": [
                    {
                        "id": s.meeting_id,
                        "date": s.day.isoformat(),
                        "role": s.role,
                        "hours": _hours(s.minutes),
                        "counted_hours": _hours(s.counted_minutes),
                        "kept_apart": s.kept_apart,
                        "note": s.note,
                    }
                    for s in m.sittings_list
                ],
            }
            for m in ledger.members
        ],
    }
