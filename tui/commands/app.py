"""Commands that open the terminal app: `intervisie` itself, `run METHOD`, `resume [ID]`."""

from __future__ import annotations

import click

from intervisie.tui.commands.common import lang_option


def open_app(ctx: click.Context, **kwargs: object) -> None:
    """Start the Textual app (imported only here, so other commands stay light)."""
    from intervisie.tui.app import IntervisieApp

    IntervisieApp(**kwargs).run()


@click.command()
@click.argument("method_id")
@lang_option
@click.pass_context
def run(ctx: click.Context, method_id: str) -> None:
    """Open the app at meeting setup for METHOD_ID."""
    open_app(ctx, method_id=method_id)
