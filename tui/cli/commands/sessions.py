"""`intervisie sessions list|show|export|import|delete|purge`: the meetings in the store.

Listing, showing and exporting open the store read-only, so they never write (and work on a
read-only folder); a store that is corrupt, not ours or newer is reported with its path, exit 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

import click

from intervisie.tui.cli.commands.common import data_dir, echo_json, fail, json_option, lang_option

if TYPE_CHECKING:
    from intervisie.core.store.database import MeetingInfo, Store


@overload
def open_store(*, readonly: Literal[False]) -> AbstractContextManager[Store]: ...
@overload
def open_store(*, readonly: bool) -> AbstractContextManager[Store | None]: ...


@contextmanager  # type: ignore[misc]  # the overloads above say what each mode yields
def open_store(*, readonly: bool) -> Iterator[Store | None]:
    """The store of `--data-dir`; None when reading and there is none. Errors: exit 1."""
    from intervisie.core.store.database import Store, StoreError, StoreMissing

    try:
        store = Store.open(data_dir=data_dir(), readonly=readonly)
    except StoreMissing:
        if not readonly:
            raise
        yield None
        return
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()


def _need(store: Store | None, meeting_id: str) -> tuple[Store, str]:
    from intervisie.core.i18n import _

    if store is None:
        fail(
            _("no meeting {id}: there is no meeting store in {path} yet").format(
                id=meeting_id, path=data_dir()
            )
        )
    return store, store.resolve(meeting_id)


def status_label(info: MeetingInfo) -> str:
    from intervisie.core.i18n import _

    return _("finished") if info.finished else _("open")


def listing(info: MeetingInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "date": info.date,
        "group": {"id": info.group_id, "name": info.group_name} if info.group_id else None,
        "methods": list(info.methods),
        "status": info.status,
        "demo": info.demo,
        "events": info.event_count,
    }


@click.group()
@lang_option
def sessions() -> None:
    """List, show, export, import, delete or purge stored meetings."""


@sessions.command("list")
@json_option
@lang_option
def list_sessions(as_json: bool) -> None:
    """Every stored meeting: id, date, group, methods, open or finished, demo."""
    from intervisie.core.i18n import _

    with open_store(readonly=True) as store:
        meetings = store.meetings() if store is not None else []
    if as_json:
        echo_json([listing(m) for m in meetings])
        return
    if not meetings:
        click.echo(_("No meetings yet."))
        return
    for m in meetings:
        demo = "  " + _("[demo]") if m.demo else ""
        methods = ", ".join(m.methods) or "-"
        group = m.group_name or "-"
        click.echo(
            f"{m.id}  {m.date or '----------'}  {group:<24}  {methods:<24}  {status_label(m)}{demo}"
        )


def _document(store: Store, meeting_id: str) -> dict[str, Any]:
    from intervisie.core.store.transfer import export_document

    doc = export_document(store, meeting_id)
    for key in ("format", "version", "events"):
        doc.pop(key)
    return doc


@sessions.command("show")
@click.argument("meeting_id")
@json_option
@lang_option
def show(meeting_id: str, as_json: bool) -> None:
    """The whole meeting: group, cases, rounds and every contribution."""
    with open_store(readonly=True) as store:
        store, meeting_id = _need(store, meeting_id)
        doc = _document(store, meeting_id)
    if as_json:
        echo_json(doc)
    else:
        from intervisie.tui.cli.commands.show_meeting import render

        click.echo(render(doc))


@sessions.command("export")
@click.argument("meeting_id")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (default: intervisie-meeting-ID.json here; - for standard output).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@lang_option
def export(meeting_id: str, output: str | None, force: bool) -> None:
    """Write the meeting with its events as JSON, to import on another machine."""
    import json

    from intervisie.core.i18n import _
    from intervisie.core.store.transfer import export_document, write_export

    with open_store(readonly=True) as store:
        store, meeting_id = _need(store, meeting_id)
        doc = export_document(store, meeting_id)
    if output == "-":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    path = Path(output) if output else Path(f"intervisie-meeting-{meeting_id}.json")
    try:
        write_export(doc, path, force=force)
    except FileExistsError:
        fail(_("{path} already exists; use --force to overwrite it").format(path=path))
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc))
    click.echo(str(path))


@sessions.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@lang_option
def import_(file: str) -> None:
    """Add a meeting from a file made by `sessions export`, exactly as it was."""
    from intervisie.core.i18n import _
    from intervisie.core.store.transfer import ExchangeError, read_export

    try:
        meeting_id, demo, events = read_export(Path(file))
    except ExchangeError as exc:
        fail(str(exc))
    with open_store(readonly=False) as store:
        store.import_meeting(meeting_id, events, demo=demo)
    click.echo(_("Imported meeting {id}").format(id=meeting_id))


def _describe(info: MeetingInfo) -> str:
    return f"{info.id} ({info.date or '-'}, {info.group_name or '-'})"


@sessions.command("delete")
@click.argument("meeting_id")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@lang_option
def delete(meeting_id: str, yes: bool) -> None:
    """Delete a meeting and all its events from the store, leaving no trace in the file."""
    from intervisie.core.i18n import _

    with open_store(readonly=False) as store:
        meeting_id = store.resolve(meeting_id)
        info = store.meeting(meeting_id)
        if not yes:
            click.confirm(
                _("Delete meeting {meeting} and everything in it? This cannot be undone.").format(
                    meeting=_describe(info)
                ),
                abort=True,
            )
        result = store.delete(meeting_id)
    click.echo(_("Deleted meeting {id}.").format(id=meeting_id))
    _warn_unreclaimed(result.reclaimed)


@sessions.command("purge")
@click.argument("meeting_id")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@lang_option
def purge(meeting_id: str, yes: bool) -> None:
    """Remove all case content of a finished meeting; keep what certificates need."""
    from intervisie.core.i18n import _

    with open_store(readonly=False) as store:
        meeting_id = store.resolve(meeting_id)
        info = store.meeting(meeting_id)
        if not info.finished:
            fail(
                _("meeting {id} is not finished; only finished meetings can be purged").format(
                    id=meeting_id
                )
            )
        if not yes:
            click.confirm(
                _(
                    "Remove every case title, description and contribution text of meeting "
                    "{meeting}? Who took part, when and with which method stays. This cannot "
                    "be undone."
                ).format(meeting=_describe(info)),
                abort=True,
            )
        result = store.purge(meeting_id)
    click.echo(
        _("Purged meeting {id}: case content removed from {count} events.").format(
            id=meeting_id, count=result.events
        )
    )
    _warn_unreclaimed(result.reclaimed)


def _warn_unreclaimed(reclaimed: bool) -> None:
    from intervisie.core.i18n import _

    if not reclaimed:
        click.echo(
            _(
                "warning: another program has the store open, so old text may remain in the "
                "file until it closes; run the command again then."
            ),
            err=True,
        )
