"""People across groups: the person behind a group's member, with their registrations.

A group's members are the group's own (`m1`, `m2`, ...); the facilitator links a member to
a person known across groups, or a registration number matches them. Each person may hold
a number per register (bar number, MfN, SKJ, BIG ...), hours from other activities entered
by hand, exemptions, and their own start of a fixed period. The ledger sums a person's
sittings in every group; the certificate prints the numbers its profile asks for.

Registration numbers are personal data: they are stored like case content (in the store,
0600), never logged, printed only on certificates, and `intervisie people forget` removes a
person with everything recorded about them.

A member nobody linked is a person of their own (`group_id/member_id`), so a store that
never used people works exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from attrs import field, frozen

from intervisie.core.reports.profiles import Exemption, RuleProfile


@frozen
class Activity:
    """Hours from another activity entered by hand (GIO, a group outside this store)."""

    profile: str
    day: date
    minutes: float
    what: str = ""


@frozen
class ExemptionRecord:
    """An exemption under one profile: a trainee, or a stretch of time exempted pro rata."""

    profile: str
    kind: Exemption
    start: date | None = None
    end: date | None = None
    note: str = ""


@frozen
class Person:
    id: str
    name: str
    registrations: Mapping[str, str] = field(factory=dict, hash=False)
    """Register id to the person's number in it (personal data)."""
    activities: tuple[Activity, ...] = ()
    exemptions: tuple[ExemptionRecord, ...] = ()
    period_starts: Mapping[str, date] = field(factory=dict, hash=False)
    """Profile id to where this person's fixed periods start (their registration date)."""
    linked: bool = True
    """False for a member nobody linked: a person of their own, in one group."""

    def number(self, register: str | None) -> str | None:
        if register is None:
            return None
        return self.registrations.get(register)

    def is_trainee(self, profile_id: str) -> bool:
        return any(e.kind is Exemption.TRAINEE and e.profile == profile_id for e in self.exemptions)

    def applies(self, profile: RuleProfile) -> bool:
        """Whether the person is registered where the profile counts (by their numbers)."""
        return profile.register is not None and profile.register in self.registrations


def unlinked_id(group_id: str, member_id: str) -> str:
    return f"{group_id}/{member_id}"


@frozen
class People:
    """Every known person and which group member each is; `People()` knows nobody."""

    persons: Mapping[str, Person] = field(factory=dict, hash=False)
    links: Mapping[tuple[str, str], str] = field(factory=dict, hash=False)
    """(group id, member id) to person id."""

    def person_of(self, group_id: str, member_id: str, name: str) -> Person:
        """The person behind a group's member; a person of their own when not linked."""
        person_id = self.links.get((group_id, member_id))
        if person_id is not None and person_id in self.persons:
            return self.persons[person_id]
        return Person(unlinked_id(group_id, member_id), name, linked=False)

    def by_number(self, register: str, number: str) -> Person | None:
        key = number.strip().casefold()
        return next(
            (
                p
                for p in self.persons.values()
                if p.registrations.get(register, "").strip().casefold() == key and key
            ),
            None,
        )

    def find(self, wanted: str) -> list[Person]:
        """People whose id, name or a registration number is `wanted` (case-insensitive)."""
        key = wanted.strip().casefold()
        exact = [
            p
            for p in self.persons.values()
            if key == p.id.casefold()
            or key == p.name.casefold()
            or key in (n.casefold() for n in p.registrations.values())
        ]
        return exact

    def counts(
        self, group_id: str, members: Iterable[tuple[str, str]], profile: RuleProfile
    ) -> tuple[dict[str, int], int]:
        """For the participants (member id, name): how many hold each register, and trainees."""
        registered: dict[str, int] = {}
        trainees = 0
        for member_id, name in members:
            person = self.person_of(group_id, member_id, name)
            for register, number in person.registrations.items():
                if number.strip():
                    registered[register] = registered.get(register, 0) + 1
            if person.is_trainee(profile.id):
                trainees += 1
        return registered, trainees


# -- the stored form ----------------------------------------------------------------------


def person_details(person: Person) -> dict[str, Any]:
    """What the store keeps of a person beyond id and name, as JSON."""
    return {
        "registrations": dict(person.registrations),
        "activities": [
            {"profile": a.profile, "day": a.day.isoformat(), "minutes": a.minutes, "what": a.what}
            for a in person.activities
        ],
        "exemptions": [
            {
                "profile": e.profile,
                "kind": e.kind.value,
                "start": e.start.isoformat() if e.start else None,
                "end": e.end.isoformat() if e.end else None,
                "note": e.note,
            }
            for e in person.exemptions
        ],
        "period_starts": {k: v.isoformat() for k, v in person.period_starts.items()},
    }


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def person_from(person_id: str, name: str, details: Mapping[str, Any]) -> Person:
    return Person(
        id=person_id,
        name=name,
        registrations={str(k): str(v) for k, v in details.get("registrations", {}).items()},
        activities=tuple(
            Activity(a["profile"], date.fromisoformat(a["day"]), float(a["minutes"]), a["what"])
            for a in details.get("activities", [])
        ),
        exemptions=tuple(
            ExemptionRecord(
                e["profile"],
                Exemption(e["kind"]),
                _day(e.get("start")),
                _day(e.get("end")),
                e.get("note", ""),
            )
            for e in details.get("exemptions", [])
        ),
        period_starts={
            k: date.fromisoformat(v) for k, v in details.get("period_starts", {}).items()
        },
    )
