"""How much the store costs over bare SQLite: append and replay, measured alternately.

A meeting of 10,000 events (a demo force-field meeting, then forces, edits, pauses and
resumes through the engine, as a long meeting would produce) is
- appended with `Store.append` (its own `BEGIN IMMEDIATE` transaction each: meeting check,
  next sequence number, insert, event to JSON) against a bare `INSERT` of the same JSON
  payload into a one-column table, also one transaction each, with the same pragmas
  (WAL, synchronous=FULL, secure_delete); p50 and p99 of each, appends taken in turn;
- replayed (`Store.replay`: decode + the engine's fold) against selecting the rows and decoding
  their JSON, alternately, medians of several runs.

Targets (docs/architecture.md, Benchmarks): append p99 ratio <= 3, replay ratio <= 3.

Usage: python benchmarks/store.py [--events N] [--runs R] [--dir FOLDER]
(FOLDER: where the stores are made; use the disk the app would use, not a RAM disk.)
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine
from intervisie.core.meeting.events import Event, PhaseChanged, event_to_dict
from intervisie.core.method.model import ContributionKind, PhaseKind
from intervisie.core.plugins.loading import load_registry
from intervisie.core.store.database import Store
from intervisie.core.store.migrations import PRAGMAS
from intervisie.core.trainers.demo import play_demo

TARGET = 3.0


def meeting_events(count: int) -> list[Event]:
    """A realistic meeting of `count` events: a demo start, then a very long forces phase."""
    method = load_registry(house=False).methods["krachtenveld"].method
    demo = play_demo(method, seed=1, lang="nl")
    forces = {p.id for p in method.phases if p.kind is PhaseKind.FORCES}
    cut = next(
        i for i, e in enumerate(demo) if isinstance(e, PhaseChanged) and e.to_phase in forces
    )
    clock = FakeClock(demo[cut].at)
    engine = Engine(clock, demo[: cut + 1])
    side = engine.state.round.phase.phase.sides[0].id
    people = [m for m in engine.state.participants if m != engine.state.round.owner]
    i = 0
    while len(engine.events) < count:
        clock.advance(seconds=7)
        who = people[i % len(people)]
        if i % 400 == 399:
            engine.execute(cmd.Pause())
            clock.advance(minutes=2)
            engine.execute(cmd.Resume())
        elif i % 10 == 9:
            last = engine.state.contributions[-1]
            engine.execute(
                cmd.EditContribution(contribution_id=last.id, text=last.text + " (aangevuld)")
            )
        else:
            text = f"Kracht {i}: de cliënt verwacht dat ik altijd bereikbaar ben, ook 's avonds."
            engine.execute(
                cmd.AddContribution(author=who, kind=ContributionKind.FORCE, text=text, side=side)
            )
        i += 1
    return list(engine.events)[:count]


def bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    conn.execute("CREATE TABLE bare (payload TEXT NOT NULL)")
    return conn


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure_append(events: list[Event], folder: Path) -> tuple[list[float], list[float]]:
    payloads = [json.dumps(event_to_dict(e), ensure_ascii=False) for e in events]
    bare = bare_connection(folder / "bare.sqlite3")
    store_times, bare_times = [], []
    with Store.open(data_dir=folder / "store") as store:
        meeting = store.new_meeting()
        for event, payload in zip(events, payloads, strict=True):
            start = time.perf_counter()
            store.append(meeting, event)
            store_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare.execute("BEGIN IMMEDIATE")
            bare.execute("INSERT INTO bare (payload) VALUES (?)", (payload,))
            bare.execute("COMMIT")
            bare_times.append(time.perf_counter() - start)
    bare.close()
    return store_times, bare_times


def measure_replay(folder: Path, runs: int) -> tuple[list[float], list[float], int]:
    store = Store.open(data_dir=folder / "store")
    meeting = store.meetings()[0].id
    raw = sqlite3.connect(folder / "store" / "intervisie.sqlite3")
    replay_times, select_times = [], []
    contributions = 0
    for _ in range(runs):
        start = time.perf_counter()
        state = store.replay(meeting)
        replay_times.append(time.perf_counter() - start)
        contributions = len(state.contributions)
        start = time.perf_counter()
        rows = raw.execute(
            "SELECT seq, payload FROM events WHERE meeting_id = ? ORDER BY seq", (meeting,)
        ).fetchall()
        decoded = [json.loads(payload) for _seq, payload in rows]
        select_times.append(time.perf_counter() - start)
        assert len(decoded) == len(rows)
    raw.close()
    store.close()
    return replay_times, select_times, contributions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", default=None, help="where to make the stores")
    args = parser.parse_args()
    events = meeting_events(args.events)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="intervisie-bench-") as tmp:
        folder = Path(tmp)
        store_times, bare_times = measure_append(events, folder)
        replay_times, select_times, contributions = measure_replay(folder, args.runs)

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:8.3f} ms"

    print(f"{len(events)} events ({contributions} contributions), stores in {folder.parent}")
    for label, p in (("p50", 50), ("p99", 99)):
        ours, floor = percentile(store_times, p), percentile(bare_times, p)
        print(
            f"append {label}: store {ms(ours)}  bare insert {ms(floor)}  ratio {ours / floor:.2f}"
        )
    ratio_append = percentile(store_times, 99) / percentile(bare_times, 99)
    ours, floor = statistics.median(replay_times), statistics.median(select_times)
    ratio_replay = ours / floor
    print(
        f"replay:     store+engine {ms(ours)}  select+json.loads {ms(floor)}  "
        f"ratio {ratio_replay:.2f}"
    )
    for name, ratio in (("append p99", ratio_append), ("replay", ratio_replay)):
        verdict = "ok" if ratio <= TARGET else "OVER TARGET"
        print(f"{name} ratio {ratio:.2f} (target {TARGET}) {verdict}")


if __name__ == "__main__":
    main()
