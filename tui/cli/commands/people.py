"""`intervisie people`: the persons behind group members, across groups.

    intervisie people list                         everyone, and members nobody linked yet
    intervisie people show PERSON                  numbers, groups, hours by hand, exemptions
    intervisie people link GROUP MEMBER [--to PERSON | --number REGISTER=NUMBER]
    intervisie people number PERSON REGISTER [NUMBER]   set (or, without NUMBER, remove)
    intervisie people activity PERSON --profile P --date D --hours H [--what TEXT]
    intervisie people exempt PERSON --profile P (--trainee | --from D --until D)
    intervisie people start PERSON --profile P --date D    their own fixed period's start
    intervisie people forget PERSON                 remove them and all recorded about them

Registration numbers are personal data: `list` shows which registers someone is in, never
the numbers; `show` prints them for the facilitator who asked. Nothing here is logged.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs
import click

from intervisie.tui.cli.commands.common import echo_json, fail, json_option, lang_option

if TYPE_CHECKING:
    from intervisie.core.meeting.model import Group, Member
    from intervisie.core.reports.people import People, Person
    from intervisie.core.store.database import Store


def _store() -> Any:
    from intervisie.tui.cli.commands.sessions import open_store

    return open_store(readonly=False)


def _person(people: People, wanted: str) -> Person:
    from intervisie.core.i18n import _

    found = people.find(wanted)
    if not found:
        fail(_("no person {person} (see intervisie people list)").format(person=wanted))
    if len(found) > 1:
        fail(
            _("{person} is more than one person: {ids}; name them by id").format(
                person=wanted, ids=", ".join(p.id for p in found)
            )
        )
    return found[0]


def _group(store: Store, wanted: str) -> Group:
    from intervisie.core.i18n import _

    key = wanted.strip().casefold()
    groups = store.groups()
    found = [g for g in groups if key in (g.id.casefold(), g.name.casefold())]
    if len(found) != 1:
        fail(
            _("no group {group} (groups: {names})").format(
                group=wanted, names=", ".join(g.name for g in groups) or "-"
            )
        )
    return found[0]


def _member(group: Group, wanted: str) -> Member:
    from intervisie.core.i18n import _

    key = wanted.strip().casefold()
    found = [m for m in group.members if key in (m.id.casefold(), m.name.casefold())]
    if len(found) != 1:
        fail(
            _("{group} has no member {member} (members: {names})").format(
                group=group.name,
                member=wanted,
                names=", ".join(m.name for m in group.members) or "-",
            )
        )
    return found[0]


def _register_number(value: str) -> tuple[str, str]:
    from intervisie.core.i18n import _

    register, sep, number = value.partition("=")
    if not sep or not register.strip() or not number.strip():
        fail(_("write the number as REGISTER=NUMBER, e.g. nova=A12345"))
    return register.strip().lower(), number.strip()


def _memberships(store: Store, people: People) -> dict[str, list[tuple[Group, Member]]]:
    out: dict[str, list[tuple[Group, Member]]] = {}
    for group in store.groups():
        for member in group.members:
            person = people.person_of(group.id, member.id, member.name)
            out.setdefault(person.id, []).append((group, member))
    return out


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@click.group()
@lang_option
def people() -> None:
    """The persons behind group members: link them across groups, record their numbers."""


@people.command("list")
@json_option
@lang_option
def list_people(as_json: bool) -> None:
    """Everyone known, their groups and registers (no numbers), and members not linked."""
    from intervisie.core.i18n import _
    from intervisie.core.store.people import load_people

    with _store() as store:
        known = load_people(store)
        where = _memberships(store, known)
    rows: list[dict[str, Any]] = []
    for pid, places in sorted(where.items(), key=lambda kv: kv[1][0][1].name.casefold()):
        person = known.persons.get(pid)
        rows.append(
            {
                "id": pid,
                "name": person.name if person else places[0][1].name,
                "linked": person is not None,
                "registers": sorted(person.registrations) if person else [],
                "groups": [{"id": g.id, "name": g.name, "member": m.id} for g, m in places],
            }
        )
    for pid, person in known.persons.items():
        if pid not in where:
            rows.append(
                {
                    "id": pid,
                    "name": person.name,
                    "linked": True,
                    "registers": sorted(person.registrations),
                    "groups": [],
                }
            )
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(_("No people yet: they come with the groups of your meetings."))
        return
    for row in rows:
        groups = ", ".join(g["name"] for g in row["groups"]) or "-"
        registers = ", ".join(row["registers"])
        line = f"{row['id']:<18} {row['name']:<24} {groups}"
        if registers:
            line += "  [" + registers + "]"
        if not row["linked"]:
            line += "  " + _("(not linked)")
        click.echo(line.rstrip())


def _person_json(person: Person, places: list[tuple[Group, Member]]) -> dict[str, Any]:
    from intervisie.core.reports.people import person_details

    return {
        "id": person.id,
        "name": person.name,
        "linked": person.linked,
        "groups": [{"id": g.id, "name": g.name, "member": m.id} for g, m in places],
        **person_details(person),
    }


@people.command("show")
@click.argument("person")
@json_option
@lang_option
def show_person(person: str, as_json: bool) -> None:
    """One person: numbers per register, groups, hours entered by hand, exemptions."""
    from intervisie.core.i18n import _
    from intervisie.core.reports.profiles import register_name
    from intervisie.core.store.people import load_people
    from intervisie.tui.cli.commands.common import language

    with _store() as store:
        known = load_people(store)
        found = _person(known, person)
        places = _memberships(store, known).get(found.id, [])
    if as_json:
        echo_json(_person_json(found, places))
        return
    lang = language()
    click.echo(f"{found.name} ({found.id})")
    for register, number in sorted(found.registrations.items()):
        click.echo("  " + register_name(register, lang) + ": " + number)
    for g, m in places:
        click.echo("  " + _("member of {group} as {member}").format(group=g.name, member=m.name))
    for a in found.activities:
        click.echo(
            "  "
            + _("{day}: {hours} h for {profile} by hand ({what})").format(
                day=a.day.isoformat(), hours=f"{a.minutes / 60:g}", profile=a.profile, what=a.what
            )
        )
    for e in found.exemptions:
        span = f"{e.start or '…'} – {e.end or '…'}" if e.start or e.end else ""
        click.echo(
            "  "
            + _("exemption under {profile}: {kind} {span}")
            .format(profile=e.profile, kind=e.kind.value, span=span)
            .rstrip()
        )
    for profile_id, start in found.period_starts.items():
        click.echo(
            "  " + _("{profile}: own period from {day}").format(profile=profile_id, day=start)
        )


@people.command("add")
@click.argument("name")
@click.option("--number", "numbers", multiple=True, metavar="REGISTER=NUMBER")
@lang_option
def add_person(name: str, numbers: tuple[str, ...]) -> None:
    """A person who is not a group member yet (an outside facilitator, say)."""
    from intervisie.core.i18n import _
    from intervisie.core.reports.people import Person
    from intervisie.core.store.people import new_person_id, save_person

    if not name.strip():
        fail(_("give the person a name"))
    registrations = dict(_register_number(n) for n in numbers)
    with _store() as store:
        person = Person(new_person_id(store), " ".join(name.split()), registrations)
        save_person(store, person)
    click.echo(person.id)


@people.command("link")
@click.argument("group")
@click.argument("member")
@click.option("--to", "to", default=None, metavar="PERSON", help="An existing person.")
@click.option(
    "--number",
    default=None,
    metavar="REGISTER=NUMBER",
    help="The person who holds this number (made when nobody does).",
)
@lang_option
def link_member(group: str, member: str, to: str | None, number: str | None) -> None:
    """Say who a group's member is: the same person as in another group, or a new one."""
    from intervisie.core.i18n import _
    from intervisie.core.reports.people import Person
    from intervisie.core.store.people import link, load_people, new_person_id, save_person

    if to and number:
        fail(_("give --to or --number, not both"))
    with _store() as store:
        g = _group(store, group)
        m = _member(g, member)
        known = load_people(store)
        if to:
            person = _person(known, to)
        elif number:
            register, value = _register_number(number)
            holder = known.by_number(register, value)
            current = known.person_of(g.id, m.id, m.name)
            if holder is not None:
                person = holder
            elif current.linked:  # already someone: they get the number, no second person
                person = attrs.evolve(
                    current, registrations={**current.registrations, register: value}
                )
                save_person(store, person)
            else:
                person = Person(new_person_id(store), m.name, {register: value})
                save_person(store, person)
        else:
            current = known.person_of(g.id, m.id, m.name)
            person = current if current.linked else Person(new_person_id(store), m.name)
            if not current.linked:
                save_person(store, person)
        link(store, g.id, m.id, person.id)
    click.echo(
        _("{member} of {group} is {person} ({id})").format(
            member=m.name, group=g.name, person=person.name, id=person.id
        )
    )


@people.command("number")
@click.argument("person")
@click.argument("register")
@click.argument("number", required=False)
@lang_option
def set_number(person: str, register: str, number: str | None) -> None:
    """Record a person's number in a register (nova, nova-gespreksleider, mfn, skj, big ...)."""
    from intervisie.core.i18n import _
    from intervisie.core.store.people import load_people, save_person

    register = register.strip().lower()
    with _store() as store:
        known = load_people(store)
        found = _person(known, person)
        numbers = dict(found.registrations)
        if number is None or not number.strip():
            if numbers.pop(register, None) is None:
                fail(
                    _("{person} has no number in {register}").format(
                        person=found.name, register=register
                    )
                )
        else:
            holder = known.by_number(register, number)
            if holder is not None and holder.id != found.id:
                fail(
                    _(
                        "{number} in {register} is {other}'s: link the members to that person"
                    ).format(number=number.strip(), register=register, other=holder.name)
                )
            numbers[register] = number.strip()
        save_person(store, attrs.evolve(found, registrations=numbers))
        if number is None:
            store._reclaim()  # the old number leaves the file, not only the table
    click.echo(_("Saved."))


@people.command("activity")
@click.argument("person")
@click.option("--profile", "profile_id", required=True, metavar="PROFILE")
@click.option("--date", "day", required=True, type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--hours", "hours_", required=True, type=click.FloatRange(min=0, min_open=True))
@click.option("--what", default="", help="What it was (GIO, a group elsewhere).")
@lang_option
def add_activity(person: str, profile_id: str, day: datetime, hours_: float, what: str) -> None:
    """Hours from another activity that count under a profile, entered by hand."""
    from intervisie.core.i18n import _
    from intervisie.core.reports.people import Activity
    from intervisie.core.store.people import load_people, save_person
    from intervisie.tui.cli.commands.common import language
    from intervisie.tui.cli.commands.reports import profile_for

    profile = profile_for(profile_id)
    if not profile.other_activities:
        fail(
            _("{profile} does not count hours from other activities").format(
                profile=profile.name.get(language())
            )
        )
    with _store() as store:
        found = _person(load_people(store), person)
        activity = Activity(profile.id, day.date(), hours_ * 60, " ".join(what.split()))
        save_person(store, attrs.evolve(found, activities=(*found.activities, activity)))
    click.echo(_("Saved."))


@people.command("exempt")
@click.argument("person")
@click.option("--profile", "profile_id", required=True, metavar="PROFILE")
@click.option("--trainee", is_flag=True, help="A trainee: no requirement, not counted in size.")
@click.option("--from", "start", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--until", "end", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--note", default="")
@lang_option
def exempt(
    person: str,
    profile_id: str,
    trainee: bool,
    start: datetime | None,
    end: datetime | None,
    note: str,
) -> None:
    """An exemption: a trainee, or a stretch of time exempted pro rata (long illness)."""
    from intervisie.core.i18n import _
    from intervisie.core.reports.people import ExemptionRecord
    from intervisie.core.reports.profiles import Exemption
    from intervisie.core.store.people import load_people, save_person
    from intervisie.tui.cli.commands.reports import profile_for

    profile = profile_for(profile_id)
    kind = Exemption.TRAINEE if trainee else Exemption.PRO_RATA
    if kind not in profile.exemptions:
        fail(_("{profile} has no {kind} exemption").format(profile=profile.id, kind=kind.value))
    if kind is Exemption.PRO_RATA and (start is None or end is None):
        fail(_("a pro rata exemption needs --from and --until"))
    if start is not None and end is not None and end < start:
        fail(_("--until is before --from"))
    record = ExemptionRecord(profile.id, kind, _day(start), _day(end), note)
    with _store() as store:
        found = _person(load_people(store), person)
        save_person(store, attrs.evolve(found, exemptions=(*found.exemptions, record)))
    click.echo(_("Saved."))


@people.command("start")
@click.argument("person")
@click.option("--profile", "profile_id", required=True, metavar="PROFILE")
@click.option("--date", "day", required=True, type=click.DateTime(formats=["%Y-%m-%d"]))
@lang_option
def period_start(person: str, profile_id: str, day: datetime) -> None:
    """Where this person's own fixed periods start (their registration date)."""
    from intervisie.core.i18n import _
    from intervisie.core.store.people import load_people, save_person
    from intervisie.tui.cli.commands.reports import profile_for

    profile = profile_for(profile_id)
    with _store() as store:
        found = _person(load_people(store), person)
        starts = {**found.period_starts, profile.id: day.date()}
        save_person(store, attrs.evolve(found, period_starts=starts))
    click.echo(_("Saved."))


@people.command("forget")
@click.argument("person")
@click.option("--yes", is_flag=True, help="Do not ask.")
@lang_option
def forget_person(person: str, yes: bool) -> None:
    """Remove a person, their numbers and links; the file is vacuumed so nothing remains."""
    from intervisie.core.i18n import _
    from intervisie.core.store.people import forget, load_people

    with _store() as store:
        found = _person(load_people(store), person)
        if not yes and not click.confirm(
            _("Forget {person} and everything recorded about them?").format(person=found.name)
        ):
            fail(_("nothing was changed"))
        forget(store, found.id)
    click.echo(_("Forgotten: {person}.").format(person=found.name))
