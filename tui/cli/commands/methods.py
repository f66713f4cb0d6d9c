"""`intervisie methods list|show|compare|advise`."""

from __future__ import annotations

from typing import Any

import click

from intervisie.tui.cli.commands.common import echo_json, fail, json_option, lang_option, registry
from intervisie.tui.cli.main import LazyGroup

SUBCOMMANDS = {
    "compare": ("intervisie.tui.cli.commands.compare", "compare"),
    "advise": ("intervisie.tui.cli.commands.advise", "advise"),
}


@click.group(cls=LazyGroup, lazy=SUBCOMMANDS)
@lang_option
def methods() -> None:
    """List, show, compare the methods, or get advice on which fits."""


def source_label(source: Any) -> str:
    from intervisie.core.i18n import _

    if source.kind == "house":
        return _("house method {path}").format(path=source.path)
    if source.kind == "builtin":
        return _("built-in")
    return f"{source.distribution} {source.version}"


@methods.command("list")
@json_option
@lang_option
def list_methods(as_json: bool) -> None:
    """Every method with its minutes, group size and where it came from."""
    from intervisie.core.i18n import _, current_language

    reg = registry()
    lang = current_language()
    if as_json:
        from intervisie.core.method.converter import unstructure

        echo_json(
            [
                {
                    "id": m.method.id,
                    "name": unstructure(m.method.name),
                    "summary": unstructure(m.method.summary),
                    "minutes": round(m.method.total_minutes()),
                    "group_size": unstructure(m.method.group_size),
                    "level": m.method.level.value,
                    "phases": len(m.method.phases_for()),
                    "source": m.source.to_json(),
                }
                for m in reg.methods.values()
            ]
        )
        return
    if not reg.methods:
        click.echo(_("No methods found. Install a method plugin or add a house method."))
        return
    rows = [
        (
            m.method.id,
            m.method.name.get(lang),
            f"{m.method.total_minutes():.0f} min",
            f"{m.method.group_size.min}-{m.method.group_size.max}",
            source_label(m.source),
        )
        for m in reg.methods.values()
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        click.echo("  ".join([*cells, row[4]]).rstrip())


@methods.command("show")
@click.argument("method_id")
@click.option(
    "--participants",
    type=click.IntRange(2, 100),
    default=None,
    help="Participants present, for per-turn phases (default: the ideal group size).",
)
@json_option
@lang_option
def show(method_id: str, participants: int | None, as_json: bool) -> None:
    """The whole method; with --json the full method document (loadable as a house method)."""
    from intervisie.core.i18n import current_language

    reg = registry()
    try:
        method = reg.get(method_id)
    except KeyError as exc:
        fail(str(exc.args[0]))
    if as_json:
        from intervisie.core.method.converter import method_document

        echo_json(method_document(method))
        return
    from intervisie.tui.cli.render_method import render_method

    click.echo(
        render_method(method, reg.methods[method_id].source, current_language(), participants)
    )
