"""Confidential case data stays private: 0600 files in 0700 folders, and none of it in logs.

Every command that writes runs here under umask 000, so a file or folder that relies on the
umask instead of asking for its mode shows up as world-readable. Checked: the meeting store
(with its WAL files while a meeting is open), the migration backup, exports, reports and
certificates in every core format, and the settings file. `method new` writes a method
package meant to be published (source code, no case content): readable by others, but code
that runs with the facilitator's rights, so never writable by them (0644 and 0755 at most).

Logging is captured at DEBUG, for every logger, while a demo meeting is played, stored,
shown, exported, imported, reported on and purged, and while a live meeting is driven: no
case title, description or contribution text may appear in any record.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_driving import open_incident_meeting
from store_helpers import DRIVE_SECRET, GROUP, START, case_method, drive

pytestmark = pytest.mark.fault


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def modes(root: Path) -> dict[str, str]:
    """`{path: "0o600"}` for `root` and everything under it that is not private."""
    wrong = {}
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        want = 0o700 if path.is_dir() else 0o600
        if mode != want:
            wrong[str(path)] = oct(mode)
    return wrong


def files_in(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if p.is_file())


def check(result, code: int = 0):
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_everything_a_meeting_leaves_on_disk_is_private(cli, tmp_path: Path, isolated_env):
    data = isolated_env / "data"
    out = tmp_path / "out"
    out.mkdir()
    other = tmp_path / "other-store"
    with umask(0):
        meeting_id = check(cli("demo", "incident", "--headless")).stdout.strip()
        check(cli("sessions", "export", meeting_id, "-o", str(out / "meeting.json")))
        for fmt in ("md", "html"):
            check(cli("report", meeting_id, "--format", fmt, "-o", str(out / f"report.{fmt}")))
            check(cli("certificate", meeting_id, "--format", fmt, "-o", str(out / f"cert.{fmt}")))
        check(cli("--data-dir", str(other), "sessions", "import", str(out / "meeting.json")))
        check(cli("sessions", "purge", meeting_id, "--yes"))
    assert files_in(out) == [
        "cert.html",
        "cert.md",
        "meeting.json",
        "report.html",
        "report.md",
    ]
    assert "intervisie.sqlite3" in files_in(data)
    assert "intervisie.sqlite3" in files_in(other)
    for root in (data, other):
        assert modes(root) == {}, "the store and its folder"
    for path in out.iterdir():
        assert modes(path) == {}, "exports, reports and certificates"


def test_the_store_and_its_wal_files_are_private_while_a_meeting_runs(tmp_path: Path):
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.store.database import Store
    from intervisie.core.store.live import LiveMeeting

    folder = tmp_path / "data"
    clock = FakeClock(START)
    with umask(0), Store.open(data_dir=folder, clock=clock) as store:
        live = LiveMeeting.start(store, clock)
        drive(live, clock, GROUP, case_method(), finish=False)
        names = files_in(folder)
        assert any(n.endswith("-wal") for n in names), names
        assert modes(folder) == {}
        live.close()
    assert modes(folder) == {}


def test_the_settings_file_is_private(isolated_env: Path) -> None:
    from intervisie.core.settings import Settings, save_settings

    with umask(0):
        path = save_settings(Settings(language="nl", rule_profile="nova"))
    assert path.parent == isolated_env / "config"
    assert modes(isolated_env / "config") == {}


def test_an_export_never_overwrites_and_a_refused_write_leaves_nothing(cli, tmp_path: Path) -> None:
    meeting_id = check(cli("demo", "incident", "--headless")).stdout.strip()
    target = tmp_path / "meeting.json"
    target.write_text("precious", encoding="utf-8")
    result = check(cli("sessions", "export", meeting_id, "-o", str(target)), code=1)
    assert "already exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious"


def test_folders_made_on_the_way_to_the_data_folder_are_private(cli, tmp_path: Path) -> None:
    data = tmp_path / "new" / "deeper" / "data"
    with umask(0):
        check(cli("--data-dir", str(data), "demo", "incident", "--headless"))
    assert modes(tmp_path / "new") == {}


# -- no case text in logs --------------------------------------------------------------------


def invoke(*args: str) -> str:
    from intervisie.tui.cli.main import main

    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.stdout


def case_texts(doc: dict) -> set[str]:
    """Every case title and description and contribution text of a meeting document."""
    found = set()
    for case in doc.get("cases", []):
        found.update([case.get("title") or "", case.get("description") or ""])
    for c in doc.get("contributions", []):
        found.add(c.get("text") or "")
    for rnd in doc.get("rounds", []):
        for c in rnd.get("contributions", []):
            found.add(c.get("text") or "")
    # Short words ("Ja", "Angst") also occur in interface text; long ones are the case's own.
    return {t for t in found if len(t.strip()) >= 12}


@pytest.fixture
def every_log_record(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[logging.LogRecord]]:
    """Every record of every logger at DEBUG and up, warnings included."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            monkeypatch.setattr(logger, "disabled", False)
    logging.captureWarnings(True)
    try:
        yield records
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)
        root.setLevel(old_level)


def rendered(record: logging.LogRecord) -> str:
    parts = [record.getMessage(), repr(record.args)]
    if record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        parts.append(record.stack_info)
    return "\n".join(parts)


def test_no_case_text_reaches_any_log_at_any_level(
    every_log_record: list[logging.LogRecord], tmp_path: Path
) -> None:
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.store.database import Store
    from intervisie.core.store.live import LiveMeeting

    meeting_id = invoke("demo", "denkhoeden", "--headless").strip()
    doc = json.loads(invoke("sessions", "show", meeting_id, "--json"))
    secrets = case_texts(doc)
    assert len(secrets) >= 3, "the demo meeting has case content to look for"
    invoke("sessions", "list")
    invoke("sessions", "show", meeting_id)
    invoke("sessions", "export", meeting_id, "-o", str(tmp_path / "m.json"))
    invoke("--data-dir", str(tmp_path / "other"), "sessions", "import", str(tmp_path / "m.json"))
    for fmt in ("md", "html"):
        report = invoke("report", meeting_id, "--format", fmt)
        assert any(s in report for s in secrets), "the report does hold the case"
        certificate = invoke("certificate", meeting_id, "--format", fmt)
        assert not [s for s in secrets if s in certificate], "certificates hold no case content"
    invoke("hours")
    invoke("sessions", "purge", meeting_id, "--yes")

    clock = FakeClock(START)
    with Store.open(data_dir=tmp_path / "live", clock=clock) as store:
        live = LiveMeeting.start(store, clock)
        drive(live, clock, GROUP, case_method())
        live.close()
    secrets.add(DRIVE_SECRET)

    leaks = [
        (record.name, record.levelname, secret)
        for record in every_log_record
        for secret in secrets
        if secret in rendered(record)
    ]
    assert leaks == []


def test_the_join_code_file_is_private(tmp_path: Path) -> None:
    from intervisie.core.store import joincodes

    folder = tmp_path / "data"
    with umask(0), joincodes.JoinCodes.open(folder) as codes:
        codes.issue("m1", "bram")
        assert "joincodes.sqlite3" in files_in(folder)
        assert modes(folder) == {}
    assert modes(folder) == {}


def test_purging_a_meeting_also_removes_the_copies_its_next_meeting_made(
    cli, tmp_path: Path
) -> None:
    from intervisie.core.meeting import commands as cmd
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.store.database import Store
    from intervisie.core.store.live import LiveMeeting, previous_cases

    data = tmp_path / "data"
    clock = FakeClock(START)
    with Store.open(data_dir=data, clock=clock) as store:
        first = LiveMeeting.start(store, clock)
        drive(first, clock, GROUP, case_method())
        first.close()
        clock.advance(minutes=60 * 24 * 30)
        revisit, carried = previous_cases(store, GROUP.id)
        assert any(DRIVE_SECRET in c.description for c in revisit)
        second = LiveMeeting.start(store, clock)
        present = tuple(m.id for m in GROUP.members)
        second.execute(
            cmd.OpenMeeting(
                group=GROUP,
                present=present,
                facilitator="anna",
                confidentiality=present,
                minutes_available=90,
                revisit=revisit,
                carried=carried,
            )
        )
        second.close()
    env = dict(os.environ, INTERVISIE_DATA_DIR=str(data))
    purge = cli("sessions", "purge", first.meeting_id, "--yes", env=env)
    assert purge.returncode == 0, purge.stderr
    stored = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    assert DRIVE_SECRET.encode() not in stored, "the purged case's text is still in the file"


def drive_the_app(secrets: list[str]) -> None:
    """Meeting setup and three incidents typed into the incident method's runner."""
    import asyncio

    from intervisie.core.meeting.clock import FakeClock
    from intervisie.tui.app.facilitator import IntervisieApp

    async def run() -> None:
        app = IntervisieApp(clock=FakeClock(START))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_incident_meeting(
                app, pilot, members="Sanne, Pieter, Aylin, Joost", facilitator="m4"
            )
            await pilot.press("a")
            await pilot.pause()
            for secret in secrets:
                app.focused.value = secret
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press("escape", "n")
            await pilot.pause()
            assert secrets[0] in [c.title for c in app.link.state.cases]
            app.link.close()

    asyncio.run(run())


SECRETS = [f"Geheim incident {i} {DRIVE_SECRET}" for i in range(3)]


def test_no_case_text_reaches_any_log_while_the_app_runs_a_meeting(
    every_log_record: list[logging.LogRecord],
) -> None:
    drive_the_app(SECRETS)
    assert [rendered(r) for r in every_log_record if DRIVE_SECRET in rendered(r)] == []


def test_textual_debug_log_gets_no_case_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import textual.constants

    log_file = tmp_path / "textual.log"
    monkeypatch.setattr(textual.constants, "LOG_FILE", str(log_file))
    drive_the_app(SECRETS)
    logged = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    assert DRIVE_SECRET not in logged


CRASH = """
import asyncio
from textual.widgets import Input, OptionList, Select, SelectionList
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.runner import RunnerScreen

secret = {secret!r}
original = RunnerScreen.on_input_submitted

def crash(self, event):
    original(self, event)
    cases = self.app.link.state.cases  # what a bug's frame holds: the meeting
    raise RuntimeError("a bug in the app")

RunnerScreen.on_input_submitted = crash

async def facilitator(pilot):
    app = pilot.app
    await pilot.pause()
    methods = app.screen.query_one("#methods", OptionList)
    methods.highlighted = methods.get_option_index("incident")
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    screen.query_one("#group-name", Input).value = "Sectie familierecht"
    screen.query_one("#members", Input).value = "Sanne, Pieter, Aylin, Joost"
    await pilot.pause()
    screen.query_one("#facilitator", Select).value = "m4"
    screen.query_one("#confidentiality", SelectionList).select_all()
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    app.focused.value = secret
    await pilot.press("enter")
    await pilot.pause()

IntervisieApp().run(headless=True, size=(80, 24), auto_pilot=facilitator)
"""


def test_a_crash_of_the_app_prints_no_case_text(tmp_path: Path) -> None:
    import subprocess

    secret = f"Crash-test {DRIVE_SECRET}"
    result = subprocess.run(
        [sys.executable, "-c", CRASH.format(secret=secret)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "a bug in the app" in result.stdout + result.stderr, result.stderr[-2000:]
    assert DRIVE_SECRET not in result.stdout + result.stderr


@pytest.mark.parametrize("as_toml", [False, True], ids=["plugin package", "house method"])
def test_method_new_under_umask_000_writes_nothing_others_can_change(
    cli, tmp_path: Path, as_toml: bool
) -> None:
    """Found: under umask 000 `method new` wrote 0777 folders and 0666 files of plugin code
    that then runs with the facilitator's rights."""
    args = ["method", "new", "huismethode", "--dir", str(tmp_path / "out")]
    with umask(0):
        check(cli(*args, *(["--toml"] if as_toml else [])))
    written = [tmp_path / "out", *(tmp_path / "out").rglob("*")]
    assert len(written) > 1
    for path in written:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert not mode & 0o022, f"{path} is {oct(mode)}: others could change it"
        assert mode & 0o700 == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


DEBUG_LOGS = ("TEXTUAL_LOG",)
"""Variables that make a Textual process write what it is sent (every keystroke) to a file."""


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat_line = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat_line[stat_line.rfind(")") + 2 :].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def test_no_process_serve_starts_writes_a_debug_log_of_input(tmp_path: Path) -> None:
    """Found: with TEXTUAL_LOG set, the participants' app served through textual-serve (which
    passes the environment on) wrote every keystroke and the join code to a 0644 file. Now
    no process `serve` starts (servers, and the app textual-serve runs per tab) gets it."""
    import asyncio
    import signal
    import socket
    import subprocess
    import time
    import urllib.request

    import aiohttp

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "textual.log"
    env = dict(os.environ, TEXTUAL_LOG=str(log), INTERVISIE_DATA_DIR=str(tmp_path / "data"))
    serve = subprocess.Popen(
        [sys.executable, "-m", "intervisie.tui", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for target in (port, port + 1):  # both servers answer
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{target}/", timeout=2).close()
                    break
                except OSError:
                    assert serve.poll() is None, serve.stderr.read() if serve.stderr else ""
                    assert time.monotonic() < deadline, f"nothing answers on {target}"
                    time.sleep(0.3)

        async def open_a_tab() -> list[int]:
            """A browser tab: textual-serve starts the facilitator's app for it."""
            url = f"http://127.0.0.1:{port}/ws?width=80&height=24"
            async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
                await ws.send_json(["stdin", "hello"])
                deadline = time.monotonic() + 60
                running: list[int] = []
                while time.monotonic() < deadline:
                    running = descendants(serve.pid)
                    if any(is_app(p) for p in running):
                        break
                    await asyncio.sleep(0.3)
                return running

        running = asyncio.run(open_a_tab())
        assert any(is_app(p) for p in running), "textual-serve started no app"
        assert len(running) >= 3
        for pid in running:
            try:
                environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
            except OSError:
                continue  # ended meanwhile
            for name in DEBUG_LOGS:
                assert not any(v.startswith(name.encode() + b"=") for v in environ), (
                    f"{cmdline(pid)!r} has {name}"
                )
        assert not log.exists(), "a debug log of input was written"
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def is_app(pid: int) -> bool:
    """The facilitator's app textual-serve runs for a tab (`python -m ...served`)."""
    return cmdline(pid).split(b"\0")[1:3] == [b"-m", b"intervisie.tui.app.served"]


@pytest.mark.parametrize("how", ["purge", "delete"])
def test_purge_and_delete_also_remove_a_carried_over_cases_text(
    cli, tmp_path: Path, how: str
) -> None:
    """Found: a case left over at one meeting is carried into the next (its `case_added`
    names where it came from); purging or deleting the first meeting left its text there."""
    from store_helpers import SECRET, small_meeting

    from intervisie.core.meeting import commands as cmd
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.store.database import Store
    from intervisie.core.store.live import LiveMeeting, previous_cases

    data = tmp_path / "data"
    clock = FakeClock(START)
    with Store.open(data_dir=data, clock=clock) as store:
        first = store.new_meeting()
        for event in small_meeting(secret=SECRET):  # one case named, none discussed
            store.append(first, event)
        clock.advance(minutes=60 * 24 * 30)
        revisit, carried = previous_cases(store, GROUP.id)
        assert [c.description for c in carried] == [SECRET], "the left-over case comes along"
        second = LiveMeeting.start(store, clock)
        present = tuple(m.id for m in GROUP.members)
        second.execute(
            cmd.OpenMeeting(
                group=GROUP,
                present=present,
                facilitator="anna",
                confidentiality=present,
                minutes_available=90,
                revisit=revisit,
                carried=carried,
            )
        )
        assert [c.description for c in second.state.cases] == [SECRET]
        second.close()
    env = dict(os.environ, INTERVISIE_DATA_DIR=str(data))
    done = cli("sessions", how, first, "--yes", env=env)
    assert done.returncode == 0, done.stderr
    stored = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    assert SECRET.encode() not in stored, f"the carried-over case's text survived {how}"
    shown = cli("sessions", "show", second.meeting_id, "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["cases"][0]["description"] == "[purged]"
