"""`intervisie serve`: the facilitator's app and the participants' web page.

Two servers, bound to loopback unless `--host` says otherwise: the facilitator's Textual app
through textual-serve on `--port` N (a process per browser tab, as textual-serve does it),
and one aiohttp process on N+1 for every participant's page and room view of every meeting
(`intervisie.tui.web`). At start it prints both addresses and the facilitator's code; the
facilitator's app hands out the participants' links, QR codes and codes. For use over the
internet, put a reverse proxy with TLS in front (docs/online.md) and give the addresses
people use with `--public-url` and `--participant-url`.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click

from intervisie.tui.cli.commands.common import (
    data_dir,
    data_dir_option,
    fail,
    lang_option,
    language,
)

INSTALL_HINT = "pip install 'intervisie[serve]'"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(module: str, folder: Path, lang: str, *extra: str) -> str:
    """The shell command textual-serve runs for each tab."""
    parts = [sys.executable, "-m", module, "--data-dir", str(folder), "--lang", lang, *extra]
    return " ".join(shlex.quote(p) for p in parts)


DEBUG_LOG_VARIABLES = ("TEXTUAL_LOG",)
"""Make a Textual process write everything it is sent, keystrokes and join codes
included, to a plain file: no process `serve` starts gets them (textual-serve hands its own
environment to the app it runs for each tab)."""


def child_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in DEBUG_LOG_VARIABLES}


def _log() -> Any:
    log = os.environ.get("INTERVISIE_SERVE_LOG")
    return open(log, "a") if log else subprocess.DEVNULL  # the child keeps it open


def web_process(folder: Path, host: str, port: int, lang: str) -> subprocess.Popen:
    """The participants' web server: one process for every page."""
    args = [sys.executable, "-m", "intervisie.tui.web", "--data-dir", str(folder)]
    args += ["--host", host, "--port", str(port), "--lang", lang]
    return subprocess.Popen(
        args, stdout=_log(), stderr=_log(), start_new_session=True, env=child_environment()
    )


def server_process(command: str, host: str, port: int, public_url: str | None) -> subprocess.Popen:
    args = [
        sys.executable,
        "-m",
        "intervisie.tui.app.browser",
        "--command",
        command,
        "--host",
        host,
        "--port",
        str(port),
    ]
    if public_url:
        args += ["--public-url", public_url]
    return subprocess.Popen(args, stdout=_log(), start_new_session=True, env=child_environment())


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(1, 65534),
    default=8000,
    show_default=True,
    help="The facilitator's port; the participants' is the next one.",
)
@click.option("--public-url", default=None, help="The facilitator's address behind a proxy.")
@click.option("--participant-url", default=None, help="The participants' address behind a proxy.")
@lang_option
@data_dir_option
def serve(host: str, port: int, public_url: str | None, participant_url: str | None) -> None:
    """Serve the facilitator's app and the participants' web page to browsers."""
    from intervisie.core.i18n import _

    if any(importlib.util.find_spec(m) is None for m in ("textual_serve", "aiohttp", "segno")):
        fail(
            _("serving needs the serve extra; install it with: {command}").format(
                command=INSTALL_HINT
            )
        )
    from intervisie.core.settings import ensure_private_dir
    from intervisie.core.store.database import Store, StoreError
    from intervisie.core.store.joincodes import JoinCodes

    folder = ensure_private_dir(Path(data_dir()))
    try:
        Store.open(data_dir=folder).close()  # made and checked here, so problems show here
    except StoreError as exc:
        fail(str(exc))
    lang = language()
    codes = JoinCodes.open(folder)
    code = codes.issue_facilitator()
    participants = participant_url or address(host, port + 1)
    facilitator_app = app_command(
        "intervisie.tui.app.served", folder, lang, "--participant-url", participants
    )
    servers = [
        server_process(facilitator_app, host, port, public_url),
        web_process(folder, host, port + 1, lang),
    ]

    def stop(*_args: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    click.echo(_("Facilitator:   {url}").format(url=public_url or address(host, port)))
    click.echo(_("Participants:  {url}").format(url=participants))
    click.echo(_("Facilitator's code: {code}").format(code=code))
    click.echo(
        _(
            "Participants get their own links, QR codes and codes from the facilitator's app "
            "(key j). Ctrl+C stops."
        )
    )
    if not is_loopback(host):
        click.echo(
            _(
                "warning: {host} is reachable from other machines over plain HTTP; "
                "put a reverse proxy with TLS in front (see docs/online.md)"
            ).format(host=host),
            err=True,
        )
    sys.stdout.flush()
    status = 0
    try:
        while all(p.poll() is None for p in servers):
            time.sleep(0.2)
        status = 1
        click.echo(_("Error: a server stopped; is the port in use?"), err=True)
    except KeyboardInterrupt:
        pass
    finally:
        for p in servers:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in servers:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
        codes.revoke(code)
        codes.close()
    sys.exit(status)
