"""`intervisie sessions ...` and `resume` as a user runs them, on meetings made by the engine."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from intervisie.core.meeting.clock import FakeClock
from intervisie.core.store.database import Store
from intervisie.core.store.live import LiveMeeting

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from store_helpers import DRIVE_SECRET, GROUP, START, case_method, drive


def make_meeting(data: Path, *, finish: bool = True, demo: bool = False) -> str:
    clock = FakeClock(START)
    with Store.open(data_dir=data) as store:
        live = LiveMeeting.start(store, clock, demo=demo)
        drive(live, clock, GROUP, case_method(), finish=finish)
        live.close()
        return live.meeting_id


@pytest.fixture
def data(isolated_env: Path) -> Path:
    return isolated_env / "data"


def test_list_without_a_store_says_so_and_creates_nothing(cli, data: Path) -> None:
    result = cli("sessions", "list")
    assert result.returncode == 0 and "No meetings yet" in result.stdout
    assert json.loads(cli("sessions", "list", "--json").stdout) == []
    assert not data.exists()


def test_list_and_show(cli, data: Path) -> None:
    finished = make_meeting(data)
    unfinished = make_meeting(data, finish=False, demo=True)
    listed = json.loads(cli("sessions", "list", "--json").stdout)
    by_id = {m["id"]: m for m in listed}
    assert by_id[finished]["status"] == "finished" and not by_id[finished]["demo"]
    assert by_id[unfinished]["status"] == "open" and by_id[unfinished]["demo"]
    assert by_id[finished]["methods"] == ["forces"]
    assert by_id[finished]["group"] == {"id": "g1", "name": "Advocaten Noord"}
    human = cli("sessions", "list").stdout
    assert finished in human and "[demo]" in human and "Advocaten Noord" in human
    dutch = cli("sessions", "list", "--lang", "nl").stdout
    assert "afgesloten" in dutch

    doc = json.loads(cli("sessions", "show", finished, "--json").stdout)
    assert doc["id"] == finished
    assert doc["cases"][0]["description"] == DRIVE_SECRET
    assert doc["rounds"][0]["method"]["id"] == "forces"
    text = cli("sessions", "show", finished[:5]).stdout
    assert DRIVE_SECRET in text and "Round 1" in text


def test_unknown_meeting_is_an_error_without_traceback(cli, data: Path) -> None:
    make_meeting(data)
    result = cli("sessions", "show", "nonexistent")
    assert result.returncode == 1
    assert "no meeting nonexistent" in result.stderr and "Traceback" not in result.stderr


def test_export_import_round_trip_through_the_command_line(cli, data: Path, tmp_path) -> None:
    meeting = make_meeting(data)
    out = tmp_path / "m.json"
    result = cli("sessions", "export", meeting, "--output", str(out))
    assert result.returncode == 0 and result.stdout.strip() == str(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = cli("sessions", "export", meeting, "--output", str(out))
    assert again.returncode == 1 and "--force" in again.stderr
    assert cli("sessions", "export", meeting, "--output", str(out), "--force").returncode == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    shown = json.loads(cli("sessions", "show", meeting, "--json").stdout)
    assert {k: v for k, v in exported.items() if k not in ("format", "version", "events")} == shown

    other = tmp_path / "other"
    imported = cli("--data-dir", str(other), "sessions", "import", str(out))
    assert imported.returncode == 0, imported.stderr
    reshown = cli("--data-dir", str(other), "sessions", "show", meeting, "--json")
    assert json.loads(reshown.stdout) == shown
    twice = cli("--data-dir", str(other), "sessions", "import", str(out))
    assert twice.returncode == 1 and "already" in twice.stderr


def test_import_of_a_malformed_file(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "intervisie-meeting", "version": 1', encoding="utf-8")
    result = cli("sessions", "import", str(bad))
    assert result.returncode == 1
    assert str(bad) in result.stderr and "Traceback" not in result.stderr


def test_delete_asks_first(cli, data: Path) -> None:
    meeting = make_meeting(data)
    refused = cli("sessions", "delete", meeting, input="n\n")
    assert refused.returncode == 1
    assert meeting in cli("sessions", "list").stdout
    done = cli("sessions", "delete", meeting, "--yes")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("sessions", "list", "--json").stdout) == []
    raw = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    assert DRIVE_SECRET.encode() not in raw


def test_purge_through_the_command_line(cli, data: Path) -> None:
    meeting = make_meeting(data)
    unfinished = make_meeting(data, finish=False)
    refused = cli("sessions", "purge", unfinished, "--yes")
    assert refused.returncode == 1 and "not finished" in refused.stderr
    done = cli("sessions", "purge", meeting, input="y\n")
    assert done.returncode == 0, done.stderr
    doc = json.loads(cli("sessions", "show", meeting, "--json").stdout)
    assert doc["cases"][0]["title"] == "[purged]"
    assert len(doc["rounds"][0]["contributions"]) == 1


def test_resume_says_which_meeting_and_phase(cli, data: Path) -> None:
    assert cli("resume").returncode == 1
    make_meeting(data)
    meeting = make_meeting(data, finish=False)
    result = cli("resume", "--print")
    assert result.returncode == 0, result.stderr
    assert meeting in result.stdout and "Forces" in result.stdout
    assert cli("resume", meeting, "--print").returncode == 0
    with Store.open(data_dir=data) as store:
        store.acquire(meeting)  # this test process holds it now
        held = cli("resume", meeting, "--print")
    assert held.returncode == 0 and f"pid {os.getpid()}" in held.stdout


def test_a_bad_store_file_is_reported_and_left_alone(cli, data: Path) -> None:
    data.mkdir(parents=True)
    store = data / "intervisie.sqlite3"
    store.write_bytes(b"this is not a database at all" * 100)
    before = store.read_bytes()
    for args in (("sessions", "list"), ("sessions", "delete", "x", "--yes"), ("resume",)):
        result = cli(*args)
        assert result.returncode == 1
        assert str(store) in result.stderr and "Traceback" not in result.stderr
    assert store.read_bytes() == before


def test_store_commands_do_not_import_textual(data: Path) -> None:
    import subprocess

    meeting = make_meeting(data)
    code = (
        "import sys\nfrom intervisie.tui.cli.main import main\n"
        f"for args in (['sessions', 'list'], ['sessions', 'show', {meeting!r}, '--json'],"
        " ['resume'], ['demo', 'incident', '--headless', '--no-save']):\n"
        "    try:\n        main(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_export_written_by_an_earlier_version_imports(cli, tmp_path: Path) -> None:
    """A meeting exported before event versions (and before the document gained keys)."""
    old = Path(__file__).parents[1] / "core" / "fixtures" / "export-v1.json"
    exported = json.loads(old.read_text(encoding="utf-8"))
    assert all("v" not in event for event in exported["events"])
    data = tmp_path / "data"
    imported = cli("--data-dir", str(data), "sessions", "import", str(old))
    assert imported.returncode == 0, imported.stderr
    shown = json.loads(cli("--data-dir", str(data), "sessions", "show", "v1force", "--json").stdout)
    assert [p["turns"] for p in shown["rounds"][0]["phases"] if "turns" in p] == [
        p["turns"] for p in exported["rounds"][0]["phases"] if "turns" in p
    ]
    assert shown["rounds"][0]["phases"] == exported["rounds"][0]["phases"]
    assert shown["contributions"] == exported["contributions"]


def test_an_export_whose_document_was_edited_is_still_refused(cli, tmp_path: Path) -> None:
    old = Path(__file__).parents[1] / "core" / "fixtures" / "export-v1.json"
    edited = json.loads(old.read_text(encoding="utf-8"))
    edited["rounds"][0]["phases"][0]["planned_minutes"] += 1
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    result = cli("--data-dir", str(tmp_path / "data"), "sessions", "import", str(path))
    assert result.returncode == 1 and "rounds" in result.stderr
