"""The process dies, the terminal shrinks, people type a lot: the meeting survives.

- SIGKILL or SIGTERM while a facilitator process appends contributions: every contribution
  that process saw stored is there, once; the store is intact; a new facilitator process takes
  the meeting over at once (the holder is a dead process on this host), marks it recovered,
  and carries on.
- Names and contributions of 10,000 characters, emoji (with joiners and flags) and
  right-to-left text go through engine, store and `sessions show --json` unchanged, and the
  human `sessions show`, the report and the certificate print them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.core.store.database import Store
from intervisie.core.store.live import LiveMeeting

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_driving import open_incident_meeting as open_meeting
from store_helpers import START, case_method

HELPERS = Path(__file__).resolve().parents[1] / "core"
FAULTS_DIR = Path(__file__).resolve().parent
pytestmark = pytest.mark.fault

FACILITATOR = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {helpers!r})
    from store_helpers import GROUP, START, case_method, drive
    from intervisie.core.meeting import commands as cmd
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.store.live import LiveMeeting
    from intervisie.core.method.model import ContributionKind, MeetingStep
    from intervisie.core.store.database import Store

    clock = FakeClock(START)
    store = Store.open(data_dir={data!r}, clock=clock)
    live = LiveMeeting.start(store, clock)
    drive(live, clock, GROUP, case_method(), finish=False)
    print("meeting", live.meeting_id, flush=True)
    i = 0
    while True:
        i += 1
        live.execute(cmd.AddContribution(
            author="daan", kind=ContributionKind.FORCE, text=f"kracht {{i}}", side="driving"))
        assert not live.pending, live.problem
        print("stored", i, flush=True)
        clock.advance(seconds=1)
    """
)


def start_facilitator(data: Path) -> subprocess.Popen[str]:
    code = FACILITATOR.format(helpers=str(HELPERS), data=str(data))
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def shown(cli, meeting_id: str) -> dict:
    result = cli("sessions", "show", meeting_id, "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def texts_of(doc: dict) -> list[str]:
    return [c["text"] for r in doc["rounds"] for c in r["contributions"]]


@pytest.mark.parametrize("after", [1, 7, 40])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_facilitator_process_killed_mid_meeting_loses_nothing_it_stored(
    cli, isolated_env: Path, sig: signal.Signals, after: int
) -> None:
    data = isolated_env / "data"
    child = start_facilitator(data)
    try:
        assert child.stdout is not None
        first = child.stdout.readline().split()
        assert first[:1] == ["meeting"], child.stderr.read() if child.stderr else first
        meeting_id = first[1]
        stored = 0
        while stored < after:
            line = child.stdout.readline()
            assert line.startswith("stored"), line
            stored = int(line.split()[1])
        child.send_signal(sig)  # in the middle of the next append, or between two
        child.wait(timeout=30)
        # Anything it printed before it died was stored before it said so.
        stored = max([stored, *(int(x.split()[1]) for x in child.stdout if x.startswith("st"))])
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -sig

    path = data / "intervisie.sqlite3"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    doc = shown(cli, meeting_id)
    texts = texts_of(doc)
    assert doc["status"] == "open"
    for i in range(1, stored + 1):
        assert texts.count(f"kracht {i}") == 1, f"contribution {i} lost or doubled"
    # At most the one being written when the signal came is there beyond what it reported.
    assert len([t for t in texts if t.startswith("kracht ")]) in (stored, stored + 1)

    listed = json.loads(cli("sessions", "list", "--json").stdout)
    assert [(m["id"], m["status"]) for m in listed] == [(meeting_id, "open")]

    # A new facilitator process takes over at once: the holder is a dead process here.
    clock = FakeClock(START)
    with Store.open(data_dir=data, clock=clock) as store:
        again = LiveMeeting.open(store, meeting_id, clock)
        assert not again.readonly and again.recovered
        again.execute(
            cmd.AddContribution(
                author="daan", kind=ContributionKind.FORCE, text="na herstel", side="driving"
            )
        )
        again.close()
    after_doc = shown(cli, meeting_id)
    assert texts_of(after_doc)[:-1] == texts and texts_of(after_doc)[-1] == "na herstel"


def test_killing_a_reader_while_a_meeting_is_written_harms_neither(cli, isolated_env: Path) -> None:
    """`sessions show` killed again and again while the facilitator writes."""
    data = isolated_env / "data"
    child = start_facilitator(data)
    try:
        assert child.stdout is not None
        meeting_id = child.stdout.readline().split()[1]
        env = dict(os.environ)
        for _ in range(5):
            reader = subprocess.Popen(
                [sys.executable, "-m", "intervisie.tui", "sessions", "show", meeting_id, "--json"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            time.sleep(0.3)
            reader.kill()
            reader.wait()
        line = child.stdout.readline()
        assert line.startswith("stored"), "the facilitator is still writing"
    finally:
        child.kill()
        child.wait()
    doc = shown(cli, meeting_id)
    assert doc["status"] == "open"


# -- long, emoji and right-to-left text --------------------------------------------------

LONG = ("Lange casus met veel details. " * 400)[:10_000]
EMOJI = "Team 👩‍⚖️ & 👨🏿‍💻 😬🏳️‍🌈 🇳🇱"
RTL = "مرحبا، هذه قضية صعبة"
HEBREW = "שלום — תיק קשה"
MIXED = "Anna zegt: \u202bשלום\u202c en ‏مرحبا‏ 🙂"
NAMES = {
    "anna": "Anna 🌷",
    "yusuf": "يوسف العلي",
    "noa": "נועה כהן",
    "long": "L" + "o" * 199,
}


def test_long_emoji_and_right_to_left_text_survive_store_and_show(
    cli, isolated_env: Path, tmp_path: Path
) -> None:
    data = isolated_env / "data"
    group = Group("g-😀", "Groep " + EMOJI, tuple(Member(k, v) for k, v in NAMES.items()))
    clock = FakeClock(START)
    with Store.open(data_dir=data, clock=clock) as store:
        live = LiveMeeting.start(store, clock)
        present = tuple(NAMES)
        live.execute(
            cmd.OpenMeeting(
                group=group,
                present=present,
                facilitator="anna",
                confidentiality=present,
                minutes_available=120,
            )
        )
        live.execute(cmd.AddCase(owner="yusuf", title=RTL, description=LONG))
        live.execute(cmd.AddCase(owner="noa", title=EMOJI, description=MIXED))
        live.execute(cmd.Vote(voter="long", case_id="c1"))
        live.execute(cmd.ChooseCase())
        method = case_method()
        live.execute(cmd.StartRound(method=method))
        live.execute(cmd.NextPhase())
        for text in (LONG, EMOJI, RTL, HEBREW, MIXED):
            live.execute(
                cmd.AddContribution(
                    author="noa", kind=ContributionKind.FORCE, text=text, side="driving"
                )
            )
        for _ in range(len(method.phases) - 2):
            live.execute(cmd.NextPhase())
        live.execute(cmd.FinishRound())
        live.execute(cmd.StartStep(step=MeetingStep.CLOSING))
        clock.advance(minutes=50)
        live.execute(cmd.FinishMeeting())
        live.close()
        meeting_id = live.meeting_id

    doc = shown(cli, meeting_id)
    assert [(c["title"], c["description"]) for c in doc["cases"]] == [
        (RTL, LONG),
        (EMOJI, MIXED),
    ]
    assert texts_of(doc) == [LONG, EMOJI, RTL, HEBREW, MIXED]
    assert {m["id"]: m["name"] for m in doc["members"]} == NAMES
    assert doc["group"]["name"] == "Groep " + EMOJI

    human = cli("sessions", "show", meeting_id)
    assert human.returncode == 0 and "Traceback" not in human.stderr
    for text in (RTL, HEBREW, NAMES["yusuf"]):
        assert text in human.stdout

    for fmt in ("md", "html"):
        report = cli("report", meeting_id, "--format", fmt)
        assert report.returncode == 0, report.stderr
        assert RTL in report.stdout and HEBREW in report.stdout
        certificate = cli("certificate", meeting_id, "--format", fmt)
        assert certificate.returncode == 0, certificate.stderr
        for name in (NAMES["yusuf"], NAMES["noa"]):
            assert name in certificate.stdout

    export = tmp_path / "m.json"
    assert cli("sessions", "export", meeting_id, "-o", str(export)).returncode == 0
    other = cli("--data-dir", str(tmp_path / "other"), "sessions", "import", str(export))
    assert other.returncode == 0, other.stderr


# -- the terminal: resized to 40x12 and back, and the TUI ended by SIGTERM -------------------


def screen_text(app) -> str:
    from textual.widgets import Static

    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


async def open_incident_meeting(app, pilot) -> None:
    await open_meeting(app, pilot, group="Sectie 🌍 عائلة")


async def add(app, pilot, text: str) -> None:
    from textual.widgets import Input

    await pilot.press("a")
    await pilot.pause()
    field = app.focused
    assert isinstance(field, Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


def test_the_terminal_shrunk_to_40x12_and_back_keeps_the_meeting() -> None:
    import asyncio

    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.screens.home import HomeScreen
    from intervisie.tui.app.screens.runner import RunnerScreen

    async def run() -> None:
        app = IntervisieApp(clock=FakeClock(START))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            for _ in range(2):  # twice: the second time must work like the first
                await pilot.resize_terminal(40, 12)
                await pilot.pause()
                assert "This terminal is 40x12" in screen_text(app)
                await pilot.resize_terminal(80, 24)
                await pilot.pause()
                assert "This terminal is" not in screen_text(app)
                methods = app.screen.query_one("#methods")
                assert methods.display and methods.option_count >= 4
                assert methods.size.width > 0 and methods.size.height > 0

            await open_incident_meeting(app, pilot)
            assert isinstance(app.screen, RunnerScreen)
            await add(app, pilot, "Cliënt belde 🙂 " + "x" * 200)
            await add(app, pilot, "مرحبا، هذه قضية")
            await add(app, pilot, LONG)
            before = screen_text(app)
            assert "Cliënt belde 🙂" in before and "مرحبا، هذه قضية" in before
            await pilot.resize_terminal(40, 12)
            await pilot.pause()
            assert "This terminal is 40x12" in screen_text(app)
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            after = screen_text(app)
            assert "This terminal is" not in after
            assert isinstance(app.screen, RunnerScreen)
            assert "Cliënt belde 🙂" in after and "مرحبا، هذه قضية" in after
            state = app.link.state
            stored = [c.title for c in state.cases] + [c.text for c in state.contributions]
            assert "مرحبا، هذه قضية" in stored
            assert any(t.startswith("Cliënt belde 🙂 xxx") for t in stored)
            assert LONG in stored, "10,000 characters typed in one go are kept whole"

    asyncio.run(run())


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(
        ["tmux", "-S", socket, *args], capture_output=True, text=True, timeout=30
    ).stdout


@pytest.mark.skipif(not shutil.which("tmux"), reason="needs tmux (apt-get install tmux)")
def test_sigterm_ends_the_app_and_gives_the_terminal_back(tmp_path: Path) -> None:
    socket = str(tmp_path / "tmux.sock")  # our own server, gone with tmp_path
    pidfile = tmp_path / "pid"
    script = tmp_path / "run.sh"
    script.write_text(
        f"{sys.executable} -m intervisie.tui &\necho $! > {pidfile}\nwait $!\nsleep 60\n",
        encoding="utf-8",
    )
    tmux(socket, "new-session", "-d", "-s", "t", "-x", "80", "-y", "24", f"sh {script}")
    try:
        deadline = time.monotonic() + 30
        while "intervisie" not in tmux(socket, "capture-pane", "-p", "-t", "t"):
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.2)
        pid = int(pidfile.read_text())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{pid}").exists():
            assert time.monotonic() < deadline, "the app did not end on SIGTERM"
            time.sleep(0.1)
        flags = tmux(socket, "display", "-p", "-t", "t", "#{alternate_on} #{mouse_any_flag}")
        assert flags.split() == ["0", "0"], "alternate screen or mouse reporting left on"
    finally:
        tmux(socket, "kill-server")


APP_FACILITATOR = textwrap.dedent(
    """
    import asyncio, sys
    sys.path.insert(0, FAULTS_DIR)
    from app_driving import open_incident_meeting
    from intervisie.tui.app.facilitator import IntervisieApp

    async def main():
        app = IntervisieApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_incident_meeting(app, pilot)
            print("meeting", app.link.meeting_id, flush=True)
            await pilot.press("a")
            await pilot.pause()
            field = app.focused
            i = 0
            while True:
                i += 1
                field.value = f"incident {i}"
                await pilot.press("enter")
                await pilot.pause()
                titles = [c.title for c in app.link.state.cases]
                assert f"incident {i}" in titles and not app.link.live.pending, titles
                print("stored", i, flush=True)

    asyncio.run(main())
    """
)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_the_app_killed_mid_meeting_resumes_with_everything_it_showed(
    cli, isolated_env: Path, sig: signal.Signals
) -> None:
    """The real app (headless, in its own process) takes entries, is killed, and resumes."""
    import asyncio

    from intervisie.tui.app.facilitator import IntervisieApp

    child = subprocess.Popen(
        [sys.executable, "-c", APP_FACILITATOR.replace("FAULTS_DIR", repr(str(FAULTS_DIR)))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        first = child.stdout.readline().split()
        assert first[:1] == ["meeting"], child.stderr.read() if child.stderr else first
        meeting_id = first[1]
        stored = 0
        while stored < 5:
            line = child.stdout.readline()
            assert line.startswith("stored"), line + (child.stderr.read() if child.stderr else "")
            stored = int(line.split()[1])
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    titles = [c["title"] for c in shown(cli, meeting_id)["cases"]]
    for i in range(1, stored + 1):
        assert titles.count(f"incident {i}") == 1

    async def resume() -> None:
        app = IntervisieApp(clock=FakeClock(START))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.resume_meeting(meeting_id)
            await pilot.pause()
            assert app.link is not None and not app.link.read_only
            assert app.link.live.recovered, "reopened as recovered, paused"
            resumed = [c.title for c in app.link.state.cases]
            assert all(f"incident {i}" in resumed for i in range(1, stored + 1))
            app.link.close()

    asyncio.run(resume())


def test_the_app_takes_emoji_right_to_left_and_very_long_names() -> None:
    import asyncio

    from textual.widgets import Input, OptionList, Select, SelectionList

    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.screens.runner import RunnerScreen

    long_name = "Maximiliaan" + "a" * 9_989
    members = ["Anna 🌷", NAMES["yusuf"], NAMES["noa"], long_name, "Eva"]

    async def run() -> None:
        app = IntervisieApp(clock=FakeClock(START))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            methods = app.screen.query_one("#methods", OptionList)
            methods.highlighted = methods.get_option_index("incident")
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            screen.query_one("#group-name", Input).value = "Groep " + EMOJI
            screen.query_one("#members", Input).value = ", ".join(members)
            await pilot.pause()
            screen.query_one("#facilitator", Select).value = "m5"
            screen.query_one("#confidentiality", SelectionList).select_all()
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, RunnerScreen)
            state = app.link.state
            assert [m.name for m in state.group.members] == members
            # Named for its owner: a line that starts with a word and a colon names a member.
            await add(app, pilot, f"Anna 🌷: {MIXED}")
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            text = screen_text(app)
            assert "Anna 🌷" in text
            stored = [c.title for c in app.link.state.cases]
            assert MIXED in stored
            app.link.close()
        doc_members = [m.name for m in app.link.state.group.members]
        assert long_name in doc_members

    asyncio.run(run())


@pytest.mark.parametrize("delay", [0.05, 0.1, 0.15, 0.2, 0.3])
def test_purge_killed_part_way_leaves_the_meeting_whole_or_purged(
    cli, isolated_env: Path, delay: float
) -> None:
    """All or nothing: SIGKILL at some moment of `sessions purge` (transaction, then VACUUM)."""
    from click.testing import CliRunner

    from intervisie.core.meeting.events import PURGED
    from intervisie.tui.cli.main import main

    runner = CliRunner()
    ids = [
        runner.invoke(main, ["demo", "incident", "--headless", "--seed", str(s)]).stdout.strip()
        for s in range(8)
    ]
    target = ids[3]
    before = shown(cli, target)
    texts_before = [c["title"] for c in before["cases"]] + texts_of(before)
    proc = subprocess.Popen(
        [sys.executable, "-m", "intervisie.tui", "sessions", "purge", target, "--yes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.kill()
    proc.wait()
    path = isolated_env / "data" / "intervisie.sqlite3"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after = shown(cli, target)
    texts_after = [c["title"] for c in after["cases"]] + texts_of(after)
    purged = [t == PURGED for t in texts_after if t]
    assert all(purged) or texts_after == texts_before, "half purged"
    for other in ids[:3] + ids[4:]:
        assert PURGED not in json.dumps(shown(cli, other)), "other meetings untouched"
    again = cli("sessions", "purge", target, "--yes")
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("delay", [0.05, 0.15, 0.3])
def test_import_killed_part_way_leaves_no_half_meeting(
    cli, isolated_env: Path, tmp_path: Path, delay: float
) -> None:
    made = cli("--data-dir", str(tmp_path / "elsewhere"), "demo", "roddel", "--headless")
    meeting_id = made.stdout.strip()
    export = tmp_path / "m.json"
    assert (
        cli(
            "--data-dir",
            str(tmp_path / "elsewhere"),
            "sessions",
            "export",
            meeting_id,
            "-o",
            str(export),
        ).returncode
        == 0
    )
    events = len(json.loads(export.read_text(encoding="utf-8"))["events"])
    proc = subprocess.Popen(
        [sys.executable, "-m", "intervisie.tui", "sessions", "import", str(export)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.kill()
    proc.wait()
    listed = json.loads(cli("sessions", "list", "--json").stdout or "[]")
    assert [(m["id"], m["events"]) for m in listed] in ([], [(meeting_id, events)])
    if not listed:
        again = cli("sessions", "import", str(export))
        assert again.returncode == 0, again.stderr


APP_KILLED_AT_CTRL_S = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    sys.path.insert(0, FAULTS_DIR)
    from app_driving import open_incident_meeting
    from intervisie.core.store.database import Store
    from intervisie.tui.app.facilitator import IntervisieApp

    def killed_before_the_first_event(self, meeting_id, *args, **kwargs):
        print("meeting", meeting_id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    Store.append = Store.append_decided = killed_before_the_first_event

    async def main():
        app = IntervisieApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_incident_meeting(app, pilot)

    asyncio.run(main())
    """
)


def test_a_kill_right_after_ctrl_s_leaves_no_empty_meeting(cli, isolated_env: Path) -> None:
    """Found: killed between Ctrl+S and the meeting's first event, the app left an empty
    meeting listed as open, and `resume` reopened it into nothing."""
    child = subprocess.run(
        [sys.executable, "-c", APP_KILLED_AT_CTRL_S.replace("FAULTS_DIR", repr(str(FAULTS_DIR)))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    meeting_id = child.stdout.split()[1]
    listed = cli("sessions", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert meeting_id not in {m["id"] for m in json.loads(listed.stdout)}
    for args in (("resume", "--print"), ("resume", meeting_id, "--print")):
        resumed = cli(*args)
        assert resumed.returncode == 1 and "Traceback" not in resumed.stderr, resumed.stderr
        assert "no unfinished meeting to resume" in resumed.stderr, resumed.stderr
    # the next writer tidies the store: the empty row is gone, not only hidden
    with Store.open(data_dir=isolated_env / "data") as store:
        assert store._read("SELECT count(*) FROM meetings")[0][0] == 0


CRASH_ON_HOME = """
from intervisie.tui.app.screens import home


def crash(self):
    raise RuntimeError("a bug after the first paint")


home.HomeScreen.after_first_paint = crash
"""


@pytest.mark.skipif(not shutil.which("tmux"), reason="needs tmux (apt-get install tmux)")
def test_a_crash_of_the_app_exits_non_zero(tmp_path: Path) -> None:
    """Found: the app stopped on an error and `intervisie` exited 0, so a script (or
    textual-serve) took the crash for a normal quit."""
    socket = str(tmp_path / "tmux.sock")
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(CRASH_ON_HOME, encoding="utf-8")
    status = tmp_path / "status"
    script = tmp_path / "run.sh"
    script.write_text(
        f"PYTHONPATH={inject} {sys.executable} -m intervisie.tui\necho $? > {status}\n",
        encoding="utf-8",
    )
    tmux(socket, "new-session", "-d", "-s", "t", "-x", "80", "-y", "24", f"sh {script}")
    try:
        deadline = time.monotonic() + 60
        while not status.exists() or not status.read_text().strip():
            assert time.monotonic() < deadline, "the app did not end"
            time.sleep(0.2)
        assert status.read_text().strip() == "1"
    finally:
        tmux(socket, "kill-server")
