"""A broken settings file (`<config>/config.toml`) never stops the program, and is named.

The settings say where the meetings are (`data_dir`): when that file cannot be used, the
program falls back to the defaults, which may be another meeting store. So a user must be
told, with the file's path, or "No meetings yet." looks like lost meetings.
"""

from __future__ import annotations

import errno
import os
import pathlib
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.fault

BROKEN = {
    "syntax": (b'language = "nl\n', "not valid TOML"),
    "latin-1": ('data_dir = "/tmp/caf\u00e9"\n'.encode("latin-1"), "not valid TOML"),
    "unknown-key": (b'langauge = "nl"\n', "unknown setting 'langauge'"),
    "data-dir-number": (b"data_dir = 5\n", "data_dir"),
    "language-list": (b'language = ["nl"]\n', "language"),
    "sound-text": (b'sound = "yes"\n', "sound"),
}


def user_env(isolated_env: Path) -> dict[str, str]:
    """No INTERVISIE_DATA_DIR, so the settings decide (a private HOME for the default)."""
    env = {k: v for k, v in os.environ.items() if k != "INTERVISIE_DATA_DIR"}
    env.update(HOME=str(isolated_env / "home"), XDG_DATA_HOME=str(isolated_env / "xdg"))
    return env


def write_config(isolated_env: Path, content: bytes) -> Path:
    folder = isolated_env / "config"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "kind",
    list(BROKEN),
)
def test_a_broken_settings_file_does_not_stop_any_command(cli, isolated_env: Path, kind: str):
    write_config(isolated_env, BROKEN[kind][0])
    for args in (["methods", "list"], ["sessions", "list"], ["hours"], ["plugins"]):
        result = cli(*args, env=user_env(isolated_env))
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode == 0, (args, result.stderr)


@pytest.mark.parametrize(
    "kind",
    list(BROKEN),
)
def test_a_broken_settings_file_is_named_with_what_is_wrong(cli, isolated_env: Path, kind: str):
    content, expected = BROKEN[kind]
    path = write_config(isolated_env, content)
    result = cli("sessions", "list", env=user_env(isolated_env))
    assert str(path) in result.stderr and expected in result.stderr, result.stderr


def test_an_unreadable_settings_file_does_not_stop_the_program(
    monkeypatch: pytest.MonkeyPatch, isolated_env: Path
) -> None:
    """Root reads everything: the refusal is injected where the settings are read."""
    path = write_config(isolated_env, b'language = "nl"\n')
    original = pathlib.Path.read_bytes

    def refuse(self, *args, **kwargs):
        if Path(self) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    from intervisie.tui.cli.main import main

    result = CliRunner().invoke(main, ["sessions", "list"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0, result.output


def test_a_settings_file_that_is_a_folder_does_not_stop_the_program(
    cli, isolated_env: Path
) -> None:
    (isolated_env / "config" / "config.toml").mkdir(parents=True)
    result = cli("sessions", "list", env=user_env(isolated_env))
    assert result.returncode == 0 and "Traceback" not in result.stderr
