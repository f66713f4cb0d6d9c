"""How quickly the phase runner answers a key typed into its capture field, in a phase that
holds 500 contributions, against a bare Textual app echoing into an Input beside a list of
the same 500 lines. Measured alternately in one run, headless, in this process.

A key's time runs from the press until the app has handled it and drawn the screen again
(the pilot's press, then a pause that waits for the refresh). Printed, not asserted.
Targets (issue 27): p99 ratio at most 1.5, and p99 under 50 ms (one frame at 20 per second).

Usage: python benchmarks/runner.py [--keys N] [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.tui.app.facilitator import IntervisieApp

CONTRIBUTIONS = 500
TARGET_RATIO = 1.5
TARGET_P99_MS = 50.0
LINE = "Wat zou er gebeuren als je de cliënt vandaag nog terugbelt? ({n})"


class Bare(App[None]):
    """The baseline: an Input below a scrolling list of the same lines."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("\n".join(f"{n:>3} Pieter  {LINE.format(n=n)}" for n in range(500)))
        yield Input()

    def on_mount(self) -> None:
        self.query_one(Input).focus()


async def _runner_app(pilot) -> None:
    """A meeting whose questions phase holds 500 questions, the capture field focused."""
    app = pilot.app
    members = tuple(Member(f"m{i}", name) for i, name in enumerate(["Sanne", "Pieter", "Aylin"], 1))
    group = Group("g1", "Bench", members)
    present = tuple(m.id for m in members)
    app.open_meeting(
        "roddel",
        cmd.OpenMeeting(
            group=group,
            present=present,
            facilitator="m3",
            confidentiality=present,
            minutes_available=90,
            place="Utrecht",
        ),
        {},
    )
    await pilot.pause()
    link = app.link
    link.do(cmd.AddCase(owner="m1", title="Cliënt dreigt met klacht"))
    link.do(cmd.StartStep(step=MeetingStep.CHOICE))
    link.do(cmd.Vote(voter="m2", case_id=link.state.cases[0].id))
    link.do(cmd.ChooseCase())
    app.start_round(link)
    await pilot.pause()
    link.do(cmd.NextPhase())
    for n in range(CONTRIBUTIONS):
        link.do(
            cmd.AddContribution(author="m2", kind=ContributionKind.QUESTION, text=LINE.format(n=n))
        )
    app.screen.render_state()
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()


async def _time_keys(app: App, prepare, keys: int) -> list[float]:
    times = []
    async with app.run_test(size=(80, 24), headless=True) as pilot:
        if prepare is not None:
            await prepare(pilot)
        for i in range(keys):
            key = "abcdefghij"[i % 10]
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(args.rounds):  # alternately, so both see the same machine
        with tempfile.TemporaryDirectory() as data:  # the bench meeting is not kept
            app = IntervisieApp(clock=FakeClock(), sound=False, data_dir=data)
            ours += asyncio.run(_time_keys(app, _runner_app, args.keys))
        bare += asyncio.run(_time_keys(Bare(), None, args.keys))
    for name, values in (("runner", ours), ("bare", bare)):
        print(f"{name:>7}: p50 {_p(values, 50):6.1f} ms  p99 {_p(values, 99):6.1f} ms")
    ratio = _p(ours, 99) / _p(bare, 99)
    print(f"  ratio: p99 {ratio:.2f} (target {TARGET_RATIO}); runner p99 target {TARGET_P99_MS} ms")


if __name__ == "__main__":
    main()
