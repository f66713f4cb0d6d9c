"""`intervisie method validate FILE` (and `method new`, the scaffold, when it lands)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from intervisie.tui.cli.commands.common import lang_option
from intervisie.tui.cli.main import LazyGroup

SUBCOMMANDS = {"new": ("intervisie.tui.cli.commands.scaffold", "new")}


@click.group(cls=LazyGroup, lazy=SUBCOMMANDS)
@lang_option
def method() -> None:
    """Check or create a method file."""


@method.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@lang_option
def validate(file: Path) -> None:
    """Check a house-method file (TOML or JSON): exit 0 when valid, 1 with every problem."""
    from intervisie.core.i18n import _, current_language
    from intervisie.core.method.house import HouseMethodError
    from intervisie.core.plugins.loading import load_registry, strict_mode
    from intervisie.core.plugins.method_files import load_method_file

    loaded: list[Any] = []

    def registry():
        if not loaded:
            loaded.append(load_registry(house=True))
        return loaded[0]

    def lookup(method_id: str):
        found = registry().methods.get(method_id)
        return found.method if found else None

    try:
        method_obj = load_method_file(file, base_lookup=lookup)
    except HouseMethodError as exc:
        click.echo(_("{file}: invalid method").format(file=file), err=True)
        for problem in exc.problems:
            click.echo(f"  {file}: {problem}", err=True)
        sys.exit(1)
    taken = registry().methods.get(method_obj.id)
    if (
        taken is not None
        and not _same_file(taken.source.path, file)
        and not _ships_with(registry(), taken.source.plugin, file)
    ):
        from intervisie.core.plugins.loading import describe_source

        click.echo(_("{file}: invalid method").format(file=file), err=True)
        message = _("method id {id!r} is already used by {where}; this file would not load")
        click.echo(
            f"  {file}: " + message.format(id=method_obj.id, where=describe_source(taken.source)),
            err=True,
        )
        sys.exit(1)
    warnings = method_obj.language_warnings()
    for warning in warnings:
        click.echo(f"{file}: " + _("warning: {message}").format(message=warning), err=True)
    lang = current_language()
    click.echo(
        _('{file}: valid: {id} "{name}", {phases} phases, {minutes} min').format(
            file=file,
            id=method_obj.id,
            name=method_obj.name.get(lang),
            phases=len(method_obj.phases_for()),
            minutes=f"{method_obj.total_minutes():.0f}",
        )
    )
    if warnings and strict_mode():
        sys.exit(1)


def _ships_with(registry, plugin: str | None, file: Path) -> bool:
    """Whether `file` lies inside the package of the plugin that loaded that id: a built-in's
    own `method.toml`, or a bundle's file, is the method itself, not a second one."""
    module = registry.pm.get_plugin(plugin) if plugin else None
    where = getattr(module, "__file__", None)
    if not where:
        return False
    try:
        return file.resolve().is_relative_to(Path(where).resolve().parent)
    except OSError:
        return False


def _same_file(path: str | None, file: Path) -> bool:
    try:
        return path is not None and Path(path).resolve() == file.resolve()
    except OSError:
        return False
