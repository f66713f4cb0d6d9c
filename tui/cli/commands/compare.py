"""`intervisie methods compare A B [C ...]`: methods side by side on one time axis."""

from __future__ import annotations

import shutil

import click

from intervisie.tui.cli.commands.common import echo_json, fail, json_option, lang_option, registry


@click.command("compare")
@click.argument("method_ids", nargs=-1, required=True, metavar="METHOD METHOD [METHOD ...]")
@click.option(
    "--participants",
    type=click.IntRange(2, 100),
    default=None,
    help="Participants present, the same for every method (default: each one's ideal size).",
)
@click.option(
    "--width",
    type=click.IntRange(60, 400),
    default=None,
    help="Width of the text in columns (default: the terminal's, at most 120).",
)
@json_option
@lang_option
def compare(
    method_ids: tuple[str, ...], participants: int | None, width: int | None, as_json: bool
) -> None:
    """Compare methods: minutes, group, level, demands, and the case owner's place per phase."""
    from intervisie.core.i18n import _, current_language
    from intervisie.core.trainers.compare import compare as build

    if len(method_ids) < 2:
        fail(_("give at least two methods to compare"), code=2)
    if len(set(method_ids)) != len(method_ids):
        fail(_("each method can be compared only once"), code=2)
    reg = registry()
    try:
        chosen = [reg.get(method_id) for method_id in method_ids]
    except KeyError as exc:
        fail(str(exc.args[0]))
    sources = {mid: reg.methods[mid].source.to_json() for mid in method_ids}
    comparison = build(chosen, participants, sources)
    if as_json:
        echo_json(comparison.to_json())
        return
    from intervisie.tui.cli.render_compare import render_comparison

    columns = width or min(shutil.get_terminal_size((80, 24)).columns, 120)
    click.echo(render_comparison(comparison, current_language(), columns), nl=False)
