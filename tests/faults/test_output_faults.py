"""Writing a report, certificate or export can fail; the user is told, and nothing half-made
is left behind.

As root every folder is writable, so refusals (EACCES, EROFS) and a full disk (ENOSPC) are
injected where the program writes files (`os.open`, `os.write`), through click's in-process
runner, for `report`, `certificate` and `sessions export` with `--output`.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.fault

COMMANDS = {
    "report": ["report", "{id}", "-o", "{path}"],
    "certificate-html": ["certificate", "{id}", "--format", "html", "-o", "{path}"],
    "export": ["sessions", "export", "{id}", "-o", "{path}"],
}


def invoke(*args: str):
    from intervisie.tui.cli.main import main

    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


@pytest.fixture
def meeting_id() -> str:
    result = invoke("demo", "incident", "--headless")
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def args_for(kind: str, meeting_id: str, path: Path) -> list[str]:
    return [a.format(id=meeting_id, path=path) for a in COMMANDS[kind]]


@pytest.mark.parametrize("kind", list(COMMANDS))
@pytest.mark.parametrize(
    "code", [errno.EACCES, errno.EROFS], ids=["permission-denied", "read-only"]
)
def test_a_refused_output_file_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, meeting_id: str, kind: str, code: int
) -> None:
    target = tmp_path / "out" / "file"
    target.parent.mkdir()
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if Path(os.fsdecode(path)).parent == target.parent:
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = invoke(*args_for(kind, meeting_id, target))
    assert result.exit_code == 1
    assert f"cannot write {target}: {os.strerror(code)}" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_an_output_folder_that_does_not_exist_is_named(
    tmp_path: Path, meeting_id: str, kind: str
) -> None:
    target = tmp_path / "absent" / "file"
    result = invoke(*args_for(kind, meeting_id, target))
    assert result.exit_code == 1
    assert f"cannot write {target}" in result.stderr
    assert not target.parent.exists(), "no folder is made on the way"


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_an_existing_file_is_kept_without_force(tmp_path: Path, meeting_id: str, kind: str):
    target = tmp_path / "file"
    target.write_text("yesterday's report", encoding="utf-8")
    result = invoke(*args_for(kind, meeting_id, target))
    assert result.exit_code == 1
    assert "already exists; use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "yesterday's report"
    forced = invoke(*args_for(kind, meeting_id, target), "--force")
    assert forced.exit_code == 0, forced.output
    assert target.read_text(encoding="utf-8") != "yesterday's report"


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_full_disk_leaves_no_half_written_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, meeting_id: str, kind: str
) -> None:
    target = tmp_path / "file"
    real_write = os.write
    calls = {"n": 0}

    def fill_up(fd: int, data) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, bytes(data)[:100])  # the disk takes the first 100 bytes

    monkeypatch.setattr(os, "write", fill_up)
    result = invoke(*args_for(kind, meeting_id, target))
    monkeypatch.setattr(os, "write", real_write)
    assert result.exit_code == 1
    assert f"cannot write {target}: {os.strerror(errno.ENOSPC)}" in result.stderr
    assert not target.exists(), "a truncated report or export must not be left"
