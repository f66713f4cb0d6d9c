"""The real `intervisie` command in a real terminal (tmux): start a meeting, kill the process
mid-phase, `intervisie resume`, and find the same phase, what was captured, a paused timer."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 80, 24


class Tmux:
    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.env = env

    def start(self, *args: str, command: str | None = None) -> None:
        command = command or " ".join([sys.executable, "-m", "intervisie.tui", *args])
        env_args = [a for k, v in self.env.items() for a in ("-e", f"{k}={v}")]
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(WIDTH),
                "-y",
                str(HEIGHT),
                *env_args,
                command,
            ],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-t", self.name, "-p"], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        for key in keys:
            args = ["tmux", "send-keys", "-t", self.name]
            if literal:
                args.append("-l")
            subprocess.run([*args, key], check=True)
            time.sleep(0.25)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def pid(self) -> int:
        result = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(result.stdout.strip())

    def kill(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path, isolated_env: Path):
    env = {
        "INTERVISIE_DATA_DIR": os.environ["INTERVISIE_DATA_DIR"],
        "INTERVISIE_CONFIG_DIR": os.environ["INTERVISIE_CONFIG_DIR"],
        "LANG": "en_US.UTF-8",
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
    }
    sessions: list[Tmux] = []

    def make() -> Tmux:
        tmux = Tmux(f"intervisie-e2e-{os.getpid()}-{len(sessions)}", env)
        sessions.append(tmux)
        return tmux

    yield make
    for tmux in sessions:
        tmux.kill()


def test_a_killed_meeting_resumes_in_the_same_phase_paused(terminal) -> None:
    first = terminal()
    first.start("run", "roddel")
    first.wait_for("New meeting")  # set once the setup screen is mounted
    time.sleep(2.5)  # keys sent while the terminal handshake runs get lost
    first.keys("Tab")
    first.type("Sectie familierecht")
    first.keys("Tab")
    first.type("Sanne, Pieter, Aylin, Joost, Eva, Mo")
    # present, facilitator, takes part, timekeeper, note-taker, two options, minutes, place,
    # online, rule profile, the agreement's wording: then "everyone present accepts".
    first.keys(*["Tab"] * 13)
    first.keys("Space", "C-s")
    first.wait_for("Who brings in a case?")
    first.keys("a")
    first.type("Sanne: Client threatens a complaint")
    first.keys("Enter", "Escape", "n")
    first.wait_for("Choice: votes")
    first.keys("a")
    first.type("1")
    first.keys("Enter", "Escape", "n")
    first.wait_for("Start the round?")
    first.keys("y")
    first.wait_for("Phase 1/6")
    first.keys("n")
    first.wait_for("Phase 2/6")
    first.keys("a")
    first.type("Aylin: Who else was in the room?")
    first.keys("Enter", "Escape")
    first.wait_for("Who else was in the room?")

    os.kill(first.pid(), signal.SIGKILL)
    time.sleep(0.5)
    first.kill()

    second = terminal()
    second.start("resume", ";", "sleep", "30")
    time.sleep(3)
    shown = second.wait_for("Who else was in the room?")  # the whole screen is painted
    assert "Phase 2/6" in shown and "Questions" in shown
    assert "PAUSED" in second.wait_for("PAUSED")
    # Paused: the phase timer and the meeting clock stand still, so nothing on screen moves.
    before = second.screen()
    time.sleep(2.5)
    assert second.screen() == before
    # Space resumes: the clock moves again.
    second.keys("Space")
    time.sleep(2.5)
    assert "PAUSED" not in second.screen()
