"""`intervisie serve` driven by real browser tabs (Debian's Chromium through Playwright).

One facilitator tab and three participants' tabs on loopback ports chosen free. The tabs'
screens are canvases, so what each tab shows is read from the terminal output its app sends
over the websocket, and what it did from the store. Chromium may reach nothing but loopback:
every other request is aborted and no host name resolves.
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

from intervisie.core.meeting import commands as cmd
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.core.store.joincodes import JoinCodes

sys.path.insert(0, str(Path(__file__).parent.parent / "tui"))
from online_helpers import PARTICIPANTS, Meeting

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
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07|\x1b.")

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
)
pytest.importorskip("textual_serve", reason="textual-serve is not installed (the serve extra)")
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason="Debian's Chromium is not installed (apt-get install chromium chromium-driver)",
)


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


def wait_until(check, what: str, page, timeout: float = 40.0):
    """Poll `check`; Playwright's sync API delivers websocket frames only while it waits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        page.wait_for_timeout(200)
    raise AssertionError(f"timed out waiting for {what}")


class Tab:
    """One browser tab on a served app; `shown` is the text its app has drawn so far."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1000, "height": 640})
        self.raw: list[str] = []
        self.page.route(
            "**/*",
            lambda route: route.continue_() if LOOPBACK.match(route.request.url) else route.abort(),
        )
        self.page.on("websocket", self._socket)
        self.page.goto(url)

    def _socket(self, ws) -> None:
        def received(payload) -> None:
            if isinstance(payload, bytes):
                payload = payload.decode("utf-8", "ignore")
            self.raw.append(payload)

        ws.on("framereceived", received)

    def focus(self) -> None:
        """Keys go to the terminal's input element once it has focus."""
        self.page.bring_to_front()
        self.page.focus(".xterm-helper-textarea")

    @property
    def shown(self) -> str:
        return ANSI.sub("", "".join(self.raw))

    def wait_for(self, text: str, timeout: float = 40.0) -> None:
        wait_until(
            lambda: text in self.shown,
            f"{text!r} in the tab, which shows:\n{self.shown[-3000:]}",
            self.page,
            timeout,
        )

    def type(self, line: str) -> None:
        self.focus()
        self.page.keyboard.type(line, delay=5)
        self.page.keyboard.press("Enter")


@pytest.fixture
def served(tmp_path):
    data = tmp_path / "data"
    over = Meeting(data, method="roddel")
    expired = over.code["carla"]
    over.do(cmd.FinishMeeting())
    over.close()
    meeting = Meeting(data, method="roddel")  # the newest: home's r resumes it
    meeting.start_round(case_owner="bram")
    meeting.to_phase("questions")
    meeting.do(cmd.Pause())
    meeting.close()  # the facilitator's tab resumes it; the test reads with stores of its own
    port = free_port_pair()
    log = tmp_path / "serve.log"
    env = dict(os.environ, INTERVISIE_DATA_DIR=str(data), INTERVISIE_SERVE_LOG=str(log))
    server = subprocess.Popen(
        [sys.executable, "-m", "intervisie.tui", "serve", "--port", str(port), "--lang", "en"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    lines: list[str] = []
    try:
        while not any("code" in line for line in lines):
            line = server.stdout.readline()
            assert line, "serve stopped before printing its code"
            lines.append(line)
        code = lines[-1].split(":", 1)[1].strip()
        urls = [line.split()[-1] for line in lines if "http://" in line]
        for url in urls:
            assert url.startswith("http://127.0.0.1:")
        yield meeting, code, expired, urls
    finally:
        if log.exists():  # shown by pytest when the test failed
            print(log.read_text(errors="replace")[-6000:])
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_a_facilitator_and_three_participants_in_real_browser_tabs(served):
    meeting, facilitator_code, expired, (facilitator_url, participant_url) = served
    data = meeting.data_dir
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tabs = {m: Tab(browser, participant_url) for m in PARTICIPANTS}
            lead = Tab(browser, facilitator_url)
            for tab in (*tabs.values(), lead):
                tab.wait_for("ABCDE-FGHJK")  # the code field's placeholder

            with JoinCodes.open(data) as codes:
                before = codes.recent_failures()
                tabs["daan"].type("WRONG-CODE0")
                tabs["daan"].wait_for("not valid")
                tabs["carla"].type(expired)
                tabs["carla"].wait_for("expired")
                assert codes.recent_failures() == before + 2

            lead.type(facilitator_code)
            lead.wait_for("Recent")  # home
            for member, tab in tabs.items():
                tab.type(meeting.code[member])
            tabs["carla"].wait_for("Your question")
            tabs["daan"].wait_for("Your question")
            tabs["bram"].wait_for("You answer the questions")

            for member in ("carla", "daan"):  # typed into two tabs at once
                tabs[member].focus()
                tabs[member].page.keyboard.type(f"Question of {member}?", delay=5)
            for member in ("carla", "daan"):
                tabs[member].page.keyboard.press("Enter")

            def questions():
                with Store.open(data_dir=data) as store:
                    state = store.replay(meeting.id)
                return sorted(
                    (c.author, c.text)
                    for c in state.contributions
                    if c.kind is ContributionKind.QUESTION
                )

            expected = [(m, f"Question of {m}?") for m in ("carla", "daan")]
            wait_until(lambda: questions() == expected, "both questions", lead.page)

            lead.focus()
            lead.page.keyboard.press("r")  # resume the open meeting, as its facilitator
            lead.wait_for("Question of carla?")
            lead.wait_for("Question of daan?")
            with Store.open(data_dir=data) as store:
                holder = store.meeting(meeting.id).holder
            assert holder is not None and holder.pid != os.getpid()

            def stored():
                with Store.open(data_dir=data) as store:
                    return store.replay(meeting.id)

            lead.page.keyboard.press(" ")  # continue (resume opens paused)
            wait_until(lambda: not stored().paused, "the meeting to continue", lead.page)
            lead.page.keyboard.press("n")  # on to the gossip round
            wait_until(lambda: stored().round.phase.id == "gossip", "the gossip", lead.page)
            tabs["bram"].wait_for("outside the circle")
            tabs["carla"].wait_for("Your contribution")
            tabs["carla"].type("Ze twijfelt")
            lead.wait_for("Ze twijfelt")
        finally:
            browser.close()
