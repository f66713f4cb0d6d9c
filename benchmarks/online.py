"""Online meetings under load: 100 participants in 10 meetings against one participants' server.

Each meeting is at the gossip method's advice phase, where everyone may add remarks. The
participants' web server (`python -m intervisie.tui.web`, what `intervisie serve` starts)
runs as its own process; the participants are websocket clients in this process, each
joining with its own code, then all sending their remarks at once. The facilitators are one
process (`--facilitators`) polling the store the way the served facilitator's app does
(`PRAGMA data_version` every `POLL_EVERY` s, then catch up), one `LiveMeeting` per meeting,
noting when each remark first shows.

Printed (not asserted): the delay from a participant's send to the facilitator's state (p50,
p99; target p99 under 0.3 s), the page's own delay from send to the server's answer, nothing
lost or doubled (every meeting replayed from the store), and the server's memory per
participant (target under 2 MiB): its resident memory with all pages open less its memory
before the first, divided by the participants. Beside it, measured in the same run, a
process of the kind each participant cost before (the Textual participants' app, a process
per browser tab): here a stand-in with what that app loaded, Textual with one screen and an
input line, the store and one meeting replayed, run headless.

Everything runs on this machine over loopback; loops are bounded in count and time.

Each participant sends at a person's pace, its remarks at random moments over `--spread`
seconds (10 by default: 50 remarks a second over all meetings); `--spread 0` sends them all
at the same moment, a worst case no meeting has.

Usage: python benchmarks/online.py [--meetings 10] [--per-meeting 10] [--each 5] [--spread 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import SystemClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind
from intervisie.core.plugins.loading import load_registry
from intervisie.core.store.database import Store
from intervisie.core.store.joincodes import JoinCodes
from intervisie.core.store.live import LiveMeeting

POLL_EVERY = 0.1
"""As the served facilitator's app (`intervisie.tui.app.served.POLL_EVERY`)."""
TIME_LIMIT = 90.0


def setup(data: Path, meetings: int, per_meeting: int) -> dict[str, dict[str, str]]:
    """`meetings` meetings at the advice phase; meeting id -> member id -> code."""
    method = load_registry().get("roddel")
    out: dict[str, dict[str, str]] = {}
    with Store.open(data_dir=data) as store, JoinCodes.open(data) as codes:
        for n in range(meetings):
            members = tuple(Member(f"m{i}", f"Member {i}") for i in range(per_meeting + 1))
            group = Group(f"bench-{n}", f"Benchmark group {n}", members)
            ids = tuple(m.id for m in members)
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
            live.execute(cmd.StartRound(method=method))
            while live.state.round.phase.id != "advice":
                live.execute(cmd.NextPhase())
            live.close()
            out[live.meeting_id] = {m: codes.issue(live.meeting_id, m) for m in ids[1:]}
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(q * (len(ordered) - 1)), len(ordered) - 1)]


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


# -- the facilitators' process ----------------------------------------------------------------


def facilitators(data: str, expected: int, go: str, out: str) -> None:
    """Poll every meeting as the served facilitator's app does; note when each remark shows."""
    store = Store.open(data_dir=data)
    ids = [m.id for m in store.meetings()]
    lives = [LiveMeeting.open(store, mid, SystemClock()) for mid in ids]
    Path(go + ".ready").write_text("ready")
    seen: dict[str, float] = {}
    version = store.data_version()
    deadline = time.time() + TIME_LIMIT
    while len(seen) < expected and time.time() < deadline:
        time.sleep(POLL_EVERY)
        now = store.data_version()
        if now == version:
            continue
        version = now
        for live in lives:
            live.refresh()
            for c in live.state.contributions:
                if c.kind is ContributionKind.REMARK and c.text not in seen:
                    seen[c.text] = time.time()
    for live in lives:
        live.close()
    store.close()
    Path(out).write_text(json.dumps(seen))


# -- the earlier participant's process, for the figure beside -------------------------------


def old_participant(data: str, meeting_id: str, out: str) -> None:
    """What one browser tab's process held before: Textual, a screen, the store, a replay."""
    from textual.app import App
    from textual.widgets import Input, Static

    store = Store.open(data_dir=data)
    live = LiveMeeting.open(store, meeting_id, SystemClock(), participant="m1")

    class Tab(App[None]):
        def compose(self):
            yield Static(f"{len(live.state.contributions)} contributions")
            yield Static(id="lines")
            yield Input(id="capture")

    async def drive() -> None:
        app = Tab()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*"remark", "enter")
            await pilot.pause(0.2)

    asyncio.run(drive())
    live.close()
    store.close()
    Path(out).write_text(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


# -- the participants -----------------------------------------------------------------------


async def participants(
    port: int, codes: dict[str, dict[str, str]], each: int, spread: float, go: Path
) -> dict:
    """Every participant's page: join, then send `each` remarks at a person's pace. Each
    socket is read all the time, as a browser does (which also answers the server's pings)."""
    import aiohttp

    sent: dict[str, float] = {}
    acks: list[float] = []
    refused: list[str] = []
    url = f"http://127.0.0.1:{port}/ws"
    loop = asyncio.get_running_loop()

    class Page:
        def __init__(self, meeting_id: str, member: str, ws) -> None:
            self.meeting_id, self.member, self.ws = meeting_id, member, ws
            self.sig = loop.create_future()
            self.waiting: dict[int, asyncio.Future] = {}

        async def read(self) -> None:
            async for msg in self.ws:
                message = json.loads(msg.data)
                if message.get("t") == "view" and not self.sig.done():
                    self.sig.set_result(message["sig"])
                elif message.get("req") in self.waiting:
                    self.waiting.pop(message["req"]).set_result(message)

        async def talk(self, index: int) -> None:
            sig = await self.sig
            pace = random.Random(index)
            for i in range(each):
                await asyncio.sleep(pace.uniform(0, 2 * spread / each))
                text = f"{self.meeting_id} {self.member} {i}"
                answer = self.waiting[i] = loop.create_future()
                sent[text] = time.time()
                await self.ws.send_json(
                    {"t": "add", "req": i, "sig": sig, "fields": {"text": text}}
                )
                message = await asyncio.wait_for(answer, 60)
                acks.append(time.time() - sent[text])
                if message["t"] != "ack":
                    refused.append(message.get("message", ""))

    async with aiohttp.ClientSession() as session:
        pages = []
        for meeting_id, members in codes.items():
            for member, code in members.items():
                ws = await session.ws_connect(url)
                await ws.send_json({"t": "hello", "code": code})
                pages.append(Page(meeting_id, member, ws))
        readers = [asyncio.create_task(p.read()) for p in pages]
        await asyncio.wait_for(asyncio.gather(*(p.sig for p in pages)), 120)
        go.write_text("go")  # the server's memory is read now: every page is open
        await asyncio.sleep(0.5)
        await asyncio.gather(*(p.talk(n) for n, p in enumerate(pages)))
        for p in pages:
            await p.ws.close()
        await asyncio.gather(*readers, return_exceptions=True)
    return {"sent": sent, "acks": acks, "refused": refused, "pages": len(pages)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=10)
    parser.add_argument("--per-meeting", type=int, default=10)
    parser.add_argument("--each", type=int, default=5, help="remarks per participant (burst 6)")
    parser.add_argument(
        "--spread",
        type=float,
        default=10.0,
        help="seconds over which each participant's remarks come (0: all at the same moment)",
    )
    parser.add_argument("--facilitators", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--old-participant", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.facilitators:
        data, expected, go, out = args.facilitators
        facilitators(data, int(expected), go, out)
        return 0
    if args.old_participant:
        old_participant(*args.old_participant)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        codes = setup(data, args.meetings, args.per_meeting)
        total = args.meetings * args.per_meeting
        expected = total * args.each
        go, seen_file = Path(tmp) / "go", Path(tmp) / "seen.json"
        watcher = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--facilitators",
                str(data),
                str(expected),
                str(go),
                str(seen_file),
            ]
        )
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "intervisie.tui.web",
                "--data-dir",
                str(data),
                "--port",
                str(port),
            ],
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.time() + 30
            while time.time() < deadline:
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            while not Path(f"{go}.ready").exists() and time.time() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)
            before = rss_mib(server.pid)

            async def run() -> dict:
                task = asyncio.create_task(participants(port, codes, args.each, args.spread, go))
                while not go.exists() and not task.done():
                    await asyncio.sleep(0.05)
                result_rss = rss_mib(server.pid)
                result = await task
                result["rss_open"] = result_rss
                return result

            result = asyncio.run(run())
            peak = rss_mib(server.pid, "VmHWM")
            watcher.wait(timeout=TIME_LIMIT + 10)
        finally:
            server.terminate()
            server.wait(timeout=10)
            if watcher.poll() is None:
                watcher.kill()
        seen = json.loads(seen_file.read_text()) if seen_file.exists() else {}
        delays = [seen[t] - s for t, s in result["sent"].items() if t in seen]

        lost = doubled = 0
        with Store.open(data_dir=data) as store:
            for meeting_id, members in codes.items():
                state = store.replay(meeting_id)
                texts = [c.text for c in state.contributions if c.kind is ContributionKind.REMARK]
                wanted = {f"{meeting_id} {m} {i}" for m in members for i in range(args.each)}
                lost += len(wanted - set(texts))
                doubled += len(texts) - len(set(texts))
                ids = [c.id for c in state.contributions]
                doubled += len(ids) - len(set(ids))

        old_out = Path(tmp) / "old.json"
        first = next(iter(codes))
        subprocess.run(
            [sys.executable, __file__, "--old-participant", str(data), first, str(old_out)],
            check=True,
            env=dict(os.environ, TEXTUAL="", TEXTUAL_LOG=""),
        )
        old = json.loads(old_out.read_text())

    per = (result["rss_open"] - before) / total
    print(
        f"participants: {total} in {args.meetings} meetings, {args.each} remarks each, one server"
    )
    print(f"stored: {expected - lost} of {expected}; lost {lost}, doubled {doubled}")
    if result["refused"]:
        print(f"refused by the server: {len(result['refused'])} ({result['refused'][0]})")
    if delays:
        p50, p99 = percentile(delays, 0.5), percentile(delays, 0.99)
        verdict = "ok" if p99 < 0.3 else "over the 0.3 s target"
        print(
            f"send -> facilitator's state: p50 {p50:.3f} s, p99 {p99:.3f} s ({verdict}; "
            f"{len(delays)} seen)"
        )
    if result["acks"]:
        print(
            f"send -> the page's answer: p50 {percentile(result['acks'], 0.5):.3f} s, "
            f"p99 {percentile(result['acks'], 0.99):.3f} s"
        )
    print(
        f"server memory: {before:.1f} MiB before the first page, {result['rss_open']:.1f} MiB "
        f"with {result['pages']} open, peak {peak:.1f} MiB"
    )
    verdict = "ok" if per < 2 else "over the 2 MiB target"
    print(f"memory per participant: {per:.2f} MiB on the one server ({verdict})")
    print(
        f"memory per participant before (a Textual app process per tab, stand-in): "
        f"{old:.0f} MiB; ratio {old / max(per, 0.001):.0f}x"
    )
    print(f"(mean ack {statistics.mean(result['acks']):.3f} s)" if result["acks"] else "")
    return 0 if not lost and not doubled else 1


if __name__ == "__main__":
    sys.exit(main())
