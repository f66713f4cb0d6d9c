"""Options and helpers every command shares: `--lang`, `--json`, `--data-dir`, errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from intervisie.core.plugins.loading import Registry

F = TypeVar("F", bound=Callable[..., Any])


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from intervisie.core.i18n import set_language

    root = ctx.find_root()
    obj = root.ensure_object(dict)
    if value is not None:
        obj["lang"] = value
    if value is not None or "lang" not in obj:
        obj["lang_in_force"] = set_language(obj.get("lang"))
    return value


def lang_option(f: F) -> F:
    """`--lang nl|en` on a command; the language follows --lang, settings, then the system."""
    return click.option(
        "--lang",
        type=click.Choice(["nl", "en"]),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help="Language of the output (default: settings, then the system language).",
    )(f)


def _set_data_dir(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.find_root().ensure_object(dict)["data_dir"] = value


def data_dir_option(f: F) -> F:
    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False),
        default=None,
        expose_value=False,
        callback=_set_data_dir,
        help="Folder of the meeting store (default: INTERVISIE_DATA_DIR, settings, user data).",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(f)


def language() -> str:
    from intervisie.core.i18n import current_language

    return current_language()


def data_dir() -> Any:
    from intervisie.core.settings import data_dir as resolve

    ctx = click.get_current_context(silent=True)
    override = ctx.find_root().ensure_object(dict).get("data_dir") if ctx else None
    return resolve(override)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `Error: message` on stderr and exit; never a traceback."""
    from intervisie.core.i18n import _

    click.echo(_("Error: {message}").format(message=message), err=True)
    sys.exit(code)


def echo_json(doc: Any) -> None:
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))


def registry(*, house: bool = True, report: bool = True) -> Registry:
    """Load plugins and house methods; problems go to stderr as one line each.

    Under INTERVISIE_STRICT_PLUGINS=1 any problem (and any warning) is a failure: exit 1.
    """
    from intervisie.core.i18n import _
    from intervisie.core.plugins.loading import load_registry, strict_mode

    reg = load_registry(house=house)
    if report:
        errors, warnings = reg.errors(), reg.warnings()
        for line in errors:
            click.echo(_("warning: {message}").format(message=line), err=True)
        if strict_mode() and (errors or warnings):
            for line in warnings:
                click.echo(_("warning: {message}").format(message=line), err=True)
            fail(_("plugin or house-method problems (INTERVISIE_STRICT_PLUGINS=1)"))
    return reg
