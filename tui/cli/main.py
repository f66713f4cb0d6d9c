"""The `intervisie` command line.

Commands load lazily from `tui/cli/commands/` (a table, as click's LazyGroup pattern does), so
`intervisie methods list` imports neither Textual nor the commands it does not run, and
`--help` and `--version` load no plugin.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import click

from intervisie.tui.cli.commands.common import data_dir_option, lang_option

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("intervisie.tui.cli.commands.app", "run"),
    "resume": ("intervisie.tui.cli.commands.resume", "resume"),
    "demo": ("intervisie.tui.cli.commands.demo", "demo"),
    "methods": ("intervisie.tui.cli.commands.methods", "methods"),
    "method": ("intervisie.tui.cli.commands.method_file", "method"),
    "plugins": ("intervisie.tui.cli.commands.plugins", "plugins"),
    "sessions": ("intervisie.tui.cli.commands.sessions", "sessions"),
    "report": ("intervisie.tui.cli.commands.reports", "report"),
    "certificate": ("intervisie.tui.cli.commands.reports", "certificate"),
    "hours": ("intervisie.tui.cli.commands.reports", "hours"),
    "people": ("intervisie.tui.cli.commands.people", "people"),
    "serve": ("intervisie.tui.cli.commands.serve", "serve"),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when they run (or when help lists them)."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        available = [name for name, (mod, _) in self.lazy.items() if _module_exists(mod)]
        return sorted({*super().list_commands(ctx), *available})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name]
            if not _module_exists(module_name):
                return None
            return getattr(importlib.import_module(module_name), attr, None)
        return super().get_command(ctx, cmd_name)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("intervisie")
    except PackageNotFoundError:
        return "unknown"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"intervisie {_version()}")
        ctx.exit()


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@lang_option
@data_dir_option
@click.pass_context
def main(ctx: click.Context) -> None:
    """Run intervision (peer consultation) methods step by step.

    Without a command, opens the terminal app.
    """
    _safe_output(ctx)
    _report_settings_problems()
    if ctx.invoked_subcommand is None:
        from intervisie.tui.cli.commands.app import open_app

        open_app(ctx)


def _safe_output(ctx: click.Context) -> None:
    """Everything a command prints passes through `terminal_safe`: stored names, titles and
    contributions, method names from files and plugins' messages can hold escape sequences
    (clear the screen, set the window title, write the clipboard) or bidi overrides, and
    are shown visibly instead. The app is not affected: Textual writes to the real stream."""
    import sys

    from intervisie.core.terminal_text import SafeStream

    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)

    def restore() -> None:
        sys.stdout, sys.stderr = saved

    ctx.call_on_close(restore)


def _report_settings_problems() -> None:
    """A broken config.toml falls back to defaults, which may be another store: say so."""
    from intervisie.core.i18n import _
    from intervisie.core.settings import load_settings, settings_problems

    load_settings()
    for problem in settings_problems():
        message = f"{problem.path}: {problem.message}"
        click.echo(_("warning: {message}").format(message=message), err=True)
