"""Online meeting under load: ten participants' apps writing at once, one facilitator watching.

One meeting (the gossip method's advice phase, where everyone may add remarks). Each
participant is a process of its own running the real participant app (headless, driven by
Textual's pilot: it types its join code, then its contributions, as fast as keys go). They
all start writing at the same moment. The facilitator's side polls the store the way the
served facilitator's app does (`PRAGMA data_version` every 0.25 s, then catch up) and notes
when each contribution first shows.

Printed: contributions per second (stored, from the first to the last), the delay from a
contribution's decision to the facilitator's view showing it (p50, p99; target p99 under 1 s,
DESIGN.md), peak memory per participant process, and whether any contribution was lost or
doubled. Everything runs on this machine, through the store; loops are bounded in count and
time (60 s at most).

Usage: python benchmarks/online.py [--participants 10] [--each 6]
(`--each` above the tab's burst limit of 6 raises that limit for this run only.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import SystemClock
from intervisie.core.meeting.events import ContributionAdded
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind
from intervisie.core.plugins.loading import load_registry
from intervisie.core.store.database import Store
from intervisie.core.store.joincodes import JoinCodes
from intervisie.core.store.live import LiveMeeting

POLL_EVERY = 0.25
TIME_LIMIT = 60.0


def worker(data: str, code: str, member: str, each: int, go: str, out: str) -> None:
    """One participant's process: join, wait for the start, type `each` remarks."""
    from intervisie.tui.participant import writer

    if each > writer.BURST:  # this run only: let one tab type faster than a person would
        writer.RateLimit.__init__.__defaults__ = (
            writer.RATE,
            writer.RATE_WINDOW,
            each,
            time.monotonic,
        )
    from intervisie.tui.participant.app import ParticipantApp
    from intervisie.tui.participant.meeting import MeetingScreen

    async def drive() -> None:
        app = ParticipantApp(data, poll_every=POLL_EVERY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*code, "enter")
            for _ in range(400):
                await pilot.pause(0.05)
                if isinstance(app.screen, MeetingScreen):
                    break
            assert isinstance(app.screen, MeetingScreen), "could not join"
            Path(out + ".ready").write_text("ready")
            deadline = time.monotonic() + TIME_LIMIT
            while not Path(go).exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
            for i in range(each):
                await pilot.press(*f"remark {member} {i}", "enter")
            await pilot.pause(0.2)

    asyncio.run(drive())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(out).write_text(json.dumps({"member": member, "rss_mib": rss}))


def setup(data: Path, participants: int) -> tuple[str, dict[str, str]]:
    members = tuple(Member(f"m{i}", f"Member {i}") for i in range(participants + 1))
    group = Group("bench", "Benchmark group", members)
    ids = tuple(m.id for m in members)
    with Store.open(data_dir=data) as store:
        live = LiveMeeting.start(store, SystemClock())
        live.execute(
            cmd.OpenMeeting(
                group=group,
                present=ids,
                facilitator="m0",
                confidentiality=ids,
                minutes_available=120,
                online=True,
            )
        )
        live.execute(cmd.AddCase(owner="m1", title="A case"))
        live.execute(cmd.ChooseCase(case_id=live.state.cases[-1].id))
        live.execute(cmd.StartRound(method=load_registry().get("roddel")))
        while live.state.round.phase.id != "advice":
            live.execute(cmd.NextPhase())
        live.close()
        meeting_id = live.meeting_id
    with JoinCodes.open(data) as codes:
        return meeting_id, {m: codes.issue(meeting_id, m) for m in ids[1:]}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(q * (len(ordered) - 1)), len(ordered) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=10)
    parser.add_argument("--each", type=int, default=6)
    parser.add_argument("--worker", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        data, code, member, each, go, out = args.worker
        worker(data, code, member, int(each), go, out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        meeting_id, codes = setup(data, args.participants)
        go = Path(tmp) / "go"
        outs = {m: Path(tmp) / f"{m}.json" for m in codes}
        env = dict(os.environ, INTERVISIE_DATA_DIR=str(data))
        procs = []
        for m in codes:
            argv = [sys.executable, __file__, "--worker", str(data), codes[m], m]
            argv += [str(args.each), str(go), str(outs[m])]
            procs.append(subprocess.Popen(argv, env=env))
        deadline = time.monotonic() + TIME_LIMIT
        while not all(Path(f"{o}.ready").exists() for o in outs.values()):
            if time.monotonic() > deadline or any(p.poll() not in (None, 0) for p in procs):
                for p in procs:
                    p.kill()
                print("participants could not join in time")
                return 1
            time.sleep(0.05)

        expected = args.participants * args.each
        store = Store.open(data_dir=data)
        facilitator = LiveMeeting.open(store, meeting_id, SystemClock())
        seen: dict[str, float] = {}
        delays: list[float] = []
        version = store.data_version()
        go.write_text("go")
        started = time.monotonic()
        while len(seen) < expected and time.monotonic() - started < TIME_LIMIT:
            time.sleep(POLL_EVERY)
            now = store.data_version()
            if now == version:
                continue
            version = now
            shown = datetime.now(UTC)
            for event in facilitator.refresh():
                if isinstance(event, ContributionAdded) and event.contribution_id not in seen:
                    seen[event.contribution_id] = time.monotonic()
                    delays.append((shown - event.at).total_seconds())
        for p in procs:
            p.wait(timeout=TIME_LIMIT)
        facilitator.close()
        state = store.replay(meeting_id)
        store.close()

        remarks = [c for c in state.contributions if c.kind is ContributionKind.REMARK]
        texts = [c.text for c in remarks]
        wanted = {f"remark {m} {i}" for m in codes for i in range(args.each)}
        stored = [e for e in state.contributions]
        times = sorted(c.created for c in remarks)
        span = (times[-1] - times[0]).total_seconds() if len(times) > 1 else 0.0
        rss = [json.loads(o.read_text())["rss_mib"] for o in outs.values() if o.exists()]
        lost = len(wanted - set(texts))
        doubled = len(texts) - len(set(texts))
        print(f"participants: {args.participants} processes, {args.each} contributions each")
        print(f"stored: {len(remarks)} of {expected}; lost {lost}, doubled {doubled}")
        print(f"ids unique: {len({c.id for c in stored}) == len(stored)}")
        if span:
            print(
                f"contributions per second: {len(remarks) / span:.1f} (over {span:.2f} s; "
                "bound by the pilot typing each key, not by the store)"
            )
        if delays:
            p50, p99 = percentile(delays, 0.5), percentile(delays, 0.99)
            verdict = "ok" if p99 < 1.0 else "over the 1 s target"
            print(
                f"delay until the facilitator's view: p50 {p50:.3f} s, p99 {p99:.3f} s ({verdict})"
            )
        if rss:
            print(
                f"memory per participant process: mean {statistics.mean(rss):.0f} MiB, "
                f"max {max(rss):.0f} MiB (peak RSS, headless app)"
            )
        return 0 if not lost and not doubled and len(remarks) == expected else 1


if __name__ == "__main__":
    sys.exit(main())
