"""Browser tests' shared parts: Debian's Chromium through Playwright, `intervisie serve` on
free loopback ports, and where screenshots go for a person to look at.

Chromium may reach nothing but loopback: every other request is aborted and no host name
resolves, so a page that fetched anything from elsewhere would break visibly.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LOOPBACK = re.compile(r"^(http|ws)s?://127\.0\.0\.1[:/]")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}

needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.access(CHROMIUM, os.X_OK),
        reason="Debian's Chromium is not installed (apt-get install chromium)",
    ),
]


def screenshots(tmp_path: Path) -> Path:
    """Where a test saves its screenshots: `INTERVISIE_SCREENSHOTS`, else the test's folder."""
    folder = Path(os.environ.get("INTERVISIE_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port_pair() -> int:
    """A port N with N+1 free too, both on loopback."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            if port >= 65534:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return port
    raise RuntimeError("no two free ports next to each other")


class Serve:
    """`intervisie serve` as a person starts it; `restart()` stops it and starts it again."""

    def __init__(self, data: Path, port: int, log: Path):
        self.data, self.port, self.log = data, port, log
        self.process: subprocess.Popen | None = None
        self.code = ""
        self.urls: list[str] = []

    def start(self) -> Serve:
        env = dict(
            os.environ, INTERVISIE_DATA_DIR=str(self.data), INTERVISIE_SERVE_LOG=str(self.log)
        )
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "intervisie.tui",
                "serve",
                "--port",
                str(self.port),
                "--lang",
                "en",
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        lines: list[str] = []
        while not any("code" in line for line in lines):
            line = self.process.stdout.readline()
            assert line, "serve stopped before printing its code"
            lines.append(line)
        self.code = lines[-1].split(":", 1)[1].strip()
        self.urls = [line.split()[-1] for line in lines if "http://" in line]
        self._wait_listening(self.port + 1)
        return self

    def _wait_listening(self, port: int) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.05)
        raise AssertionError(f"nothing listens on {port}")

    @property
    def participant_url(self) -> str:
        return self.urls[1]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)

    def restart(self) -> None:
        self.stop()
        self.start()


def new_page(browser, device: dict):
    """A page of its own (its own context: like a person's own device)."""
    context = browser.new_context(**device)
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: route.continue_() if LOOPBACK.match(route.request.url) else route.abort(),
    )
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    return page
