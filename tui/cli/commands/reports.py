"""`intervisie report ID`, `intervisie certificate ID` and `intervisie hours`.

`report` and `certificate` print the document, or with `--output PATH` write it (0600, never
over an existing file without `--force`) and print the path. Plugins are loaded only when a
format or rule profile is not one of core's own, so a broken plugin cannot stop a facilitator
from printing a certificate in Markdown or HTML.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from intervisie.tui.cli.commands.common import echo_json, fail, json_option, lang_option

if TYPE_CHECKING:
    from intervisie.core.meeting.model import SessionState
    from intervisie.core.plugins.loading import Registry
    from intervisie.core.reports.attendance import Attendance
    from intervisie.core.reports.exporters import Document, Exporter
    from intervisie.core.reports.people import People
    from intervisie.core.reports.profiles import RuleProfile

F = TypeVar("F", bound=Callable[..., Any])


def format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        default="md",
        show_default=True,
        metavar="FORMAT",
        help="md, html, pdf (with the pdf extra), or a format a plugin adds.",
    )(f)


def output_options(f: F) -> F:
    f = click.option("--force", is_flag=True, help="Overwrite an existing file.")(f)
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False),
        default=None,
        help="Write to this file (0600) and print its path; default: print it.",
    )(f)


# -- loading ------------------------------------------------------------------------------


def load_meeting(meeting_id: str) -> tuple[str, SessionState, bool]:
    """The meeting's full id, its replayed state, and whether the store flags it a demo."""
    from intervisie.core.i18n import _
    from intervisie.core.meeting.engine import replay
    from intervisie.tui.cli.commands.common import data_dir
    from intervisie.tui.cli.commands.sessions import open_store

    with open_store(readonly=True) as store:
        if store is None:
            fail(
                _("no meeting {id}: there is no meeting store in {path} yet").format(
                    id=meeting_id, path=data_dir()
                )
            )
        full_id = store.resolve(meeting_id)
        info = store.meeting(full_id)
        state = replay(store.events(full_id))
    return full_id, state, info.demo


_registry: Registry | None = None


def plugin_registry() -> Registry:
    """Plugins, loaded once and only when asked (a plugin's format or profile)."""
    global _registry
    if _registry is None:
        from intervisie.tui.cli.commands.common import registry

        _registry = registry(house=False)
    return _registry


def exporter_for(name: str, document: Document) -> Exporter:
    from intervisie.core.reports.exporters import exporters, get_exporter

    registry = None if name in exporters() else plugin_registry()
    try:
        return get_exporter(name, document, registry)
    except KeyError as exc:
        fail(str(exc.args[0]))


def profile_for(profile_id: str) -> RuleProfile:
    from intervisie.core.reports.profiles import get_profile, rule_profiles

    registry = None if profile_id in rule_profiles() else plugin_registry()
    try:
        return get_profile(profile_id, registry)
    except KeyError as exc:
        fail(str(exc.args[0]))


def default_profile_id() -> str:
    from intervisie.core.settings import load_settings

    return load_settings().rule_profile or "default"


# -- writing ------------------------------------------------------------------------------


def deliver(content: str | bytes, output: str | None, force: bool) -> None:
    """Print `content`, or write it to `output` (0600) and print the path."""
    from intervisie.core.i18n import _
    from intervisie.core.settings import write_private

    if output is None or output == "-":
        if isinstance(content, bytes):
            if sys.stdout.isatty():
                fail(_("This format is not text: write it to a file with --output PATH."))
            sys.stdout.buffer.write(content)
        else:
            click.echo(content, nl=False)
        return
    path = Path(output)
    try:
        write_private(path, content, overwrite=force)
    except FileExistsError:
        fail(_("{path} already exists; use --force to overwrite it").format(path=path))
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc))
    click.echo(str(path))


# -- the commands -------------------------------------------------------------------------


def _slug(text: str) -> str:
    """A file-name part from a person's name: letters and digits, joined by dashes."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "owner"


@click.command()
@click.argument("meeting_id")
@click.option(
    "--round",
    "round_number",
    type=click.IntRange(min=1),
    default=None,
    help="Only this round (1 is the first), for its case owner.",
)
@click.option(
    "--all-rounds",
    is_flag=True,
    help="The whole meeting in one report (it says on top whose cases it holds).",
)
@format_option
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    default=None,
    help="A file (0600), or an existing folder: one file per round, named after its owner.",
)
@lang_option
def report(
    meeting_id: str,
    round_number: int | None,
    all_rounds: bool,
    fmt: str,
    output: str | None,
    force: bool,
) -> None:
    """The round report, for its case owner only: take-aways first, timing last."""
    from intervisie.core.i18n import _, current_language
    from intervisie.core.reports.exporters import Document
    from intervisie.core.reports.report import ReportError, build_report, render

    if all_rounds and round_number is not None:
        fail(_("give --round or --all-rounds, not both"))
    exporter = exporter_for(fmt, Document.REPORT)
    full_id, state, demo = load_meeting(meeting_id)
    lang = current_language()
    count = len(state.rounds)
    folder = Path(output) if output is not None and Path(output).is_dir() else None
    try:
        if folder is not None and not all_rounds and round_number is None:
            if not count:
                fail(_("The meeting {id} has no rounds to write.").format(id=full_id))
            written = []
            for n in range(1, count + 1):
                doc = build_report(state, full_id, lang, n, demo=demo)
                rnd = doc.rounds[0]
                owner = rnd.case.owner if rnd.case is not None else _("no-owner")
                name = f"{_('round')}-{n}-{_slug(owner)}{exporter.suffix}"
                written.append((folder / name, render(doc, exporter)))
            for path, content in written:
                deliver(content, str(path), force)
            return
        if round_number is None and not all_rounds and count == 1:
            round_number = 1
        if round_number is None and not all_rounds and count > 1:
            doc = build_report(state, full_id, lang, None, demo=demo)
            rounds = "; ".join(
                _("round {n}: {method}, case owner {owner}").format(
                    n=r.number,
                    method=r.method_name,
                    owner=r.case.owner if r.case is not None else "–",
                )
                for r in doc.rounds
            )
            fail(
                _(
                    "The meeting has {count} rounds, each for its own case owner ({rounds}). "
                    "Give --round N for one, --output FOLDER for one file per round, or "
                    "--all-rounds for the whole meeting."
                ).format(count=count, rounds=rounds)
            )
        doc = build_report(state, full_id, lang, round_number, demo=demo)
        content = render(doc, exporter)
    except ReportError as exc:
        fail(str(exc))
    deliver(content, output, force)


@click.command()
@click.argument("meeting_id")
@click.option(
    "--profile",
    "profile_id",
    default=None,
    metavar="PROFILE",
    help="The rule profile it is for (default: the meeting's own).",
)
@click.option(
    "--person",
    "--member",
    "member",
    default=None,
    metavar="NAME",
    help="A personal certificate naming only this participant (name or member id).",
)
@format_option
@output_options
@lang_option
def certificate(
    meeting_id: str,
    profile_id: str | None,
    member: str | None,
    fmt: str,
    output: str | None,
    force: bool,
) -> None:
    """The certificate of attendance: who, when, where, how long; nothing of the cases."""
    from intervisie.core.i18n import _, current_language
    from intervisie.core.reports.exporters import Document
    from intervisie.core.reports.report import ReportError, build_certificate, render

    exporter = exporter_for(fmt, Document.CERTIFICATE)
    full_id, state, demo = load_meeting(meeting_id)
    profile = profile_for(profile_id or state.rule_profile or default_profile_id())
    try:
        doc = build_certificate(
            state,
            full_id,
            profile,
            current_language(),
            demo=demo,
            member=member,
            people=stored_people(),
        )
        content = render(doc, exporter)
    except ReportError as exc:
        fail(str(exc))
    for p in doc.not_certified:  # the facilitator is told why, not only the page
        click.echo(
            _("Note: no certificate for {name}: {reason}.").format(name=p.name, reason=p.reason),
            err=True,
        )
    if doc.voids:
        click.echo(
            _("Note: this sitting counts for nobody under {profile}: {why}").format(
                profile=profile.name.get(current_language()), why=" ".join(doc.outside_profile)
            ),
            err=True,
        )
    deliver(content, output, force)


def stored_people() -> People:
    from intervisie.core.reports.people import People
    from intervisie.core.store.people import load_people
    from intervisie.tui.cli.commands.sessions import open_store

    with open_store(readonly=True) as store:
        return load_people(store) if store is not None else People()


def stored_attendances() -> tuple[list[Attendance], People]:
    """Every stored meeting that was opened, as attendance records, and the store's people."""
    from intervisie.core.i18n import _
    from intervisie.core.meeting.engine import replay
    from intervisie.core.reports.attendance import NotOpened, attendance_of
    from intervisie.core.reports.people import People
    from intervisie.core.store.database import DamagedEvent
    from intervisie.core.store.people import load_people
    from intervisie.tui.cli.commands.sessions import open_store

    found = []
    with open_store(readonly=True) as store:
        if store is None:
            return [], People()
        for info in store.meetings():
            try:
                found.append(attendance_of(replay(store.events(info.id)), info.id, demo=info.demo))
            except NotOpened:
                continue
            except DamagedEvent as exc:  # one damaged meeting does not hide everyone's hours
                click.echo(
                    _("warning: left out of the hours: {message}").format(message=exc), err=True
                )
        people = load_people(store)
    return found, people


def _profiles_for(meetings: list[Attendance], default_id: str) -> list[RuleProfile]:
    """Core's profiles and those the meetings name (plugins loaded only for those)."""
    from intervisie.core.i18n import _
    from intervisie.core.reports.profiles import rule_profiles

    known = rule_profiles()
    wanted = {m.rule_profile or default_id for m in meetings} | {default_id}
    missing = wanted - set(known)
    if missing:
        known = rule_profiles(plugin_registry())
    for profile_id in sorted(wanted - set(known)):
        click.echo(
            _("warning: no rule profile {id!r}: its meetings are counted under none").format(
                id=profile_id
            ),
            err=True,
        )
    return list(known.values())


@click.command()
@click.option(
    "--year", type=int, default=None, help="A calendar year (or the fixed period holding it)."
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The 12 months up to and including this date (YYYY-MM-DD).",
)
@click.option(
    "--profile",
    "profile_id",
    default=None,
    metavar="PROFILE",
    help="Count against this profile only (default: each person's own profiles).",
)
@click.option(
    "--person", default=None, metavar="PERSON", help="Only this person (name, id or number)."
)
@click.option("--group", default=None, metavar="GROUP", help="Only the people of this group.")
@json_option
@lang_option
def hours(
    year: int | None,
    until: datetime | None,
    profile_id: str | None,
    person: str | None,
    group: str | None,
    as_json: bool,
) -> None:
    """Per person and per profile: hours that count, still missing, and what did not count."""
    from intervisie.core.i18n import _, current_language
    from intervisie.core.reports.ledger import build_hours, ledger_to_json

    if year is not None and until is not None:
        fail(_("give --year or --until, not both"))
    meetings, people = stored_attendances()
    default_id = default_profile_id()
    if profile_id is not None:
        profiles = [profile_for(profile_id)]
    else:
        profiles = _profiles_for(meetings, default_id)
    ledger = build_hours(
        meetings,
        people,
        profiles,
        year=year,
        until=until.date() if until else None,
        only_given=profile_id is not None,
        default_profile=default_id,
        person=person,
        group=group,
        lang=current_language(),
    )
    if person is not None and not ledger.rows:
        fail(_("nobody called {person} in the meetings or among the people").format(person=person))
    if as_json:
        echo_json(ledger_to_json(ledger))
        return
    from intervisie.tui.cli.render_hours import render_hours

    click.echo(render_hours(ledger, current_language()))
