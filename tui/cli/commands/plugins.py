"""`intervisie plugins`: what loaded, from where, how fast, and what failed."""

from __future__ import annotations

import click

from intervisie.tui.cli.commands.common import echo_json, fail, json_option, lang_option


@click.command()
@json_option
@lang_option
def plugins(as_json: bool) -> None:
    """Every plugin with its distribution, version, methods, load time and errors."""
    from intervisie.core.i18n import _
    from intervisie.core.plugins.loading import load_registry, strict_mode

    reg = load_registry()
    if as_json:
        echo_json([p.to_json() for p in reg.plugins])
    else:
        if not reg.plugins:
            click.echo(_("No plugins installed."))
        for p in reg.plugins:
            dist = f"{p.distribution} {p.version}" if p.distribution else _("registered directly")
            status = _("error") if p.error else _("ok")
            click.echo(f"{p.name}  ({dist})  {p.load_ms:.0f} ms  {status}")
            if p.methods:
                click.echo("    " + _("methods: {ids}").format(ids=", ".join(p.methods)))
            if p.error:
                click.echo("    " + _("error: {message}").format(message=p.error))
            for warning in p.warnings:
                click.echo("    " + _("warning: {message}").format(message=warning))
        for problem in reg.house_problems:
            click.echo(_("house method {path}").format(path=problem))
        for warning in reg.house_warnings:
            click.echo(_("warning: {message}").format(message=warning))
    if strict_mode() and (reg.errors() or reg.warnings()):
        fail(_("plugin or house-method problems (INTERVISIE_STRICT_PLUGINS=1)"))
