"""Commands that open the terminal app: `intervisie` itself, `run METHOD`, `resume [ID]`."""

from __future__ import annotations

from typing import Any

import click

from intervisie.tui.cli.commands.common import lang_option


def open_app(ctx: click.Context, **kwargs: Any) -> None:
    """Start the Textual app (imported only here, so other commands stay light).

    Case text must not leak: Textual's debug log (TEXTUAL_LOG) records every keystroke's
    value, so it is dropped; a crash is shown without local variables; SIGTERM exits the
    app cleanly (terminal restored), the meeting being saved event by event anyway.
    """
    import os

    if os.environ.pop("TEXTUAL_LOG", None):
        from intervisie.core.i18n import _

        click.echo(_("TEXTUAL_LOG is ignored: it would write case text to a plain file."), err=True)
    from intervisie.tui.app.facilitator import IntervisieApp

    obj = ctx.find_root().ensure_object(dict)
    if "data_dir" in obj and "data_dir" not in kwargs:
        kwargs["data_dir"] = obj["data_dir"]
    app = IntervisieApp(exit_on_sigterm=True, **kwargs)
    app.run()
    if app.return_code:  # a crash (or a failed start) is not a normal quit: say so
        ctx.exit(app.return_code)


@click.command()
@click.argument("method_id")
@lang_option
@click.pass_context
def run(ctx: click.Context, method_id: str) -> None:
    """Open the app at meeting setup for METHOD_ID."""
    open_app(ctx, method_id=method_id)
