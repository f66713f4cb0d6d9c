"""A year of realistic meetings, run through the engine: the proof the reports must get right.

Three groups meet in 2026 (times UTC):

- "Intervisie Advocatuur Utrecht" (NOvA), gespreksleider Ingrid Mulder (appointed by the
  NOvA, does not take part): A1 on 10 February, 4 h 08, Joost 25 minutes late; A2 on
  12 May, online, 3 h, Aylin leaves an hour early; A3 on 6 October, 2 h 42, Pieter takes a
  20-minute break and Mark [HR] Smit arrives when 1 h 30 is left.
- "Advocaten Den Bosch" (NOvA), gespreksleider Karel Dekker: B1 on 14 March, 2 h 30.
  Dirk Peters is in this group and in Utrecht's: 5 h 42 there + 2 h 30 here = 8 h 12.
- "Mediators Oost" (MfN), Lotte facilitates and takes part: C1 on 3 March, 2 h 30, six
  take part; C2 on 9 June, 2 h 15, only four come (the MfN asks five): it counts for nobody;
  C3 on 17 November, 3 h. Eva Visser is a lawyer in Utrecht and a mediator here.

Every meeting has a case with secret content, so tests can check that no certificate or
ledger holds any of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from attrs import frozen

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import Method
from intervisie.core.reports.people import People, Person

SECRET = "Geheim"

UTRECHT = Group(
    "g-utrecht",
    "Intervisie Advocatuur Utrecht",
    (
        Member("sanne", "Sanne de Vries"),
        Member("pieter", "Pieter Bakker"),
        Member("aylin", "Aylin Yıldız"),
        Member("joost", "Joost Jansen"),
        Member("eva", "Eva Visser"),
        Member("mark", "Mark [HR] Smit"),
        Member("dirk", "Dirk Peters"),
        Member("ingrid", "Ingrid Mulder"),
    ),
)
DEN_BOSCH = Group(
    "g-bosch",
    "Advocaten Den Bosch",
    (
        Member("m1", "Dirk Peters"),
        Member("m2", "Femke de Graaf"),
        Member("m3", "Gijs Willems"),
        Member("m4", "Hanna Bos"),
        Member("m5", "Karel Dekker"),
    ),
)
MEDIATORS = Group(
    "g-oost",
    "Mediators Oost",
    (
        Member("lotte", "Lotte Hermans"),
        Member("mehmet", "Mehmet Kaya"),
        Member("nina", "Nina Vos"),
        Member("otto", "Otto Smeets"),
        Member("pim", "Pim Jacobs"),
        Member("roos", "Roos Claes"),
        Member("eva", "Eva Visser"),
    ),
)

NUMBERS = {
    "sanne": "A-1001",
    "pieter": "A-1002",
    "aylin": "A-1003",
    "joost": "A-1004",
    "eva": "A-1005",
    "mark": "A-1006",
    "dirk": "A-1007",
}
"""Bar numbers (advocatennummers) of Utrecht's lawyers; invented."""


@frozen
class Stored:
    meeting_id: str
    events: tuple[Event, ...]


def _open(
    day: str,
    hour: int,
    group: Group,
    present: tuple[str, ...],
    facilitator: str,
    *,
    profile: str,
    participates: bool = False,
    online: bool = False,
    place: str = "",
    provider: str = "",
) -> tuple[Engine, FakeClock]:
    clock = FakeClock(datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC))
    eng = Engine(clock)
    eng.execute(
        cmd.OpenMeeting(
            group=group,
            present=present,
            facilitator=facilitator,
            facilitator_participates=participates,
            confidentiality=present,
            minutes_available=240,
            place=place,
            online=online,
            rule_profile=profile,
        )
    )
    if provider:
        eng.execute(cmd.RecordDetails(provider=provider))
    return eng, clock


def _round(eng: Engine, method: Method, owner: str, title: str) -> None:
    eng.execute(
        cmd.AddCase(
            owner=owner, title=f"{SECRET}: {title}", description=f"{SECRET}: wat er echt gebeurde"
        )
    )
    case_id = eng.state.cases[-1].id
    eng.execute(cmd.ChooseCase(case_id=case_id))
    eng.execute(cmd.StartRound(method=method))


def _close(eng: Engine, what_came_up: str) -> None:
    eng.execute(cmd.FinishRound())
    eng.execute(cmd.RecordDetails(what_came_up=what_came_up))
    eng.execute(cmd.FinishMeeting())


def meetings(method: Method) -> Iterator[Stored]:
    """The year's meetings, each run through the engine with `method` for its round."""
    lawyers = ("sanne", "pieter", "aylin", "eva", "mark", "ingrid")
    # A1: 4 h 08, Dirk not there, Joost 25 minutes late
    eng, clock = _open(
        "2026-02-10",
        13,
        UTRECHT,
        lawyers,
        "ingrid",
        profile="nova",
        place="Utrecht, Maliebaan 12",
        provider="Orde van Advocaten Midden-Nederland",
    )
    _round(eng, method, "sanne", "een cliënt die mij onder druk zet")
    clock.advance(minutes=25)
    eng.execute(cmd.Arrive(member="joost", accepts_confidentiality=True))
    clock.advance(minutes=223)
    _close(eng, "integriteit, verwachtingenmanagement")
    yield Stored("a1", eng.events)

    # A2: online, 3 h; Aylin leaves an hour early
    present = ("sanne", "pieter", "aylin", "joost", "eva", "dirk", "ingrid")
    eng, clock = _open(
        "2026-05-12",
        9,
        UTRECHT,
        present,
        "ingrid",
        profile="nova",
        online=True,
        provider="Orde van Advocaten Midden-Nederland",
    )
    eng.execute(
        cmd.RecordDetails(attendance_check="camera aan; namen gecontroleerd door Ingrid Mulder")
    )
    _round(eng, method, "joost", "declarabele uren")
    clock.advance(minutes=120)
    eng.execute(cmd.Leave(member="aylin"))
    clock.advance(minutes=60)
    _close(eng, "werkdruk, grenzen stellen")
    yield Stored("a2", eng.events)

    # A3: 2 h 42; Pieter's break of 20 minutes; Mark arrives with 1 h 30 to go
    present = ("sanne", "pieter", "aylin", "joost", "eva", "dirk", "ingrid")
    eng, clock = _open("2026-10-06", 14, UTRECHT, present, "ingrid", profile="nova")
    _round(eng, method, "dirk", "een collega die mijn dossiers overneemt")
    clock.advance(minutes=50)
    eng.execute(cmd.Leave(member="pieter", on_break=True))
    clock.advance(minutes=20)
    eng.execute(cmd.Arrive(member="pieter"))
    clock.advance(minutes=2)
    eng.execute(cmd.Arrive(member="mark", accepts_confidentiality=True))
    clock.advance(minutes=90)
    _close(eng, "samenwerking, loyaliteit")
    yield Stored("a3", eng.events)

    # B1: Den Bosch, 2 h 30
    present = ("m1", "m2", "m3", "m4", "m5")
    eng, clock = _open("2026-03-14", 10, DEN_BOSCH, present, "m5", profile="nova")
    _round(eng, method, "m2", "een dilemma over geheimhouding")
    clock.advance(minutes=150)
    _close(eng, "geheimhouding")
    yield Stored("b1", eng.events)

    # C1: mediators, 2 h 30, six take part
    present = ("lotte", "mehmet", "nina", "pim", "roos", "eva")
    eng, clock = _open(
        "2026-03-03", 18, MEDIATORS, present, "lotte", profile="mfn", participates=True
    )
    _round(eng, method, "nina", "partijen die niet komen opdagen")
    clock.advance(minutes=150)
    _close(eng, "neutraliteit")
    yield Stored("c1", eng.events)

    # C2: only four come: outside the MfN's rules, counts for nobody
    present = ("lotte", "mehmet", "nina", "eva")
    eng, clock = _open(
        "2026-06-09", 18, MEDIATORS, present, "lotte", profile="mfn", participates=True
    )
    _round(eng, method, "mehmet", "een advocaat die de mediation stuurt")
    clock.advance(minutes=135)
    _close(eng, "rolvastheid")
    yield Stored("c2", eng.events)

    # C3: 3 h, five take part, three of them MfN-registered
    present = ("lotte", "mehmet", "otto", "pim", "eva")
    eng, clock = _open(
        "2026-11-17", 18, MEDIATORS, present, "lotte", profile="mfn", participates=True
    )
    _round(eng, method, "otto", "emoties aan tafel")
    clock.advance(minutes=180)
    _close(eng, "emoties, escalatie")
    yield Stored("c3", eng.events)


def people() -> People:
    """The persons behind the members, as the facilitators linked them."""
    persons = {
        f"p-{m}": Person(f"p-{m}", UTRECHT.name_of(m), {"nova": n}) for m, n in NUMBERS.items()
    }
    persons["p-eva"] = Person("p-eva", "Eva Visser", {"nova": "A-1005", "mfn": "MfN-2201"})
    persons["p-ingrid"] = Person(
        "p-ingrid", "Ingrid Mulder", {"nova": "A-0900", "nova-gespreksleider": "GL-17"}
    )
    persons["p-karel"] = Person(
        "p-karel", "Karel Dekker", {"nova": "A-0950", "nova-gespreksleider": "GL-23"}
    )
    for member, number in (("m2", "A-2002"), ("m3", "A-2003"), ("m4", "A-2004")):
        name = DEN_BOSCH.name_of(member)
        persons[f"p-bosch-{member}"] = Person(f"p-bosch-{member}", name, {"nova": number})
    for member, number in (("lotte", "MfN-2101"), ("mehmet", "MfN-2102"), ("nina", "MfN-2103")):
        name = MEDIATORS.name_of(member)
        persons[f"p-{member}"] = Person(f"p-{member}", name, {"mfn": number})
    links = {(UTRECHT.id, m.id): f"p-{m.id}" for m in UTRECHT.members}
    links[(DEN_BOSCH.id, "m1")] = "p-dirk"
    links[(DEN_BOSCH.id, "m5")] = "p-karel"
    for member in ("m2", "m3", "m4"):
        links[(DEN_BOSCH.id, member)] = f"p-bosch-{member}"
    for member in ("lotte", "mehmet", "nina"):
        links[(MEDIATORS.id, member)] = f"p-{member}"
    links[(MEDIATORS.id, "eva")] = "p-eva"
    return People(persons, links)
