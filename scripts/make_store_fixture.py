"""Write a store fixture of the current event versions, and the output it must keep giving.

    python scripts/make_store_fixture.py NAME     (e.g. events-round_started-v2)

writes `tests/core/fixtures/NAME.sqlite` and `NAME.expected.json`: what the current code
replays from it (each meeting's document and round reports). Run it once, when an event type
goes up a version (docs/architecture.md, "Event versions"), and commit both files; never
regenerate an old fixture. `tests/core/test_store_fixtures.py` replays every committed fixture
with the current code and compares the result to its expected output, so a change that
alters how an old meeting replays fails the suite.

`--expected NAME` rewrites only the expected output of a committed fixture: for a change to
the report's wording that is meant, reviewed in the diff. It must never paper over a change
to what a stored meeting replays to.

The store holds a finished demo meeting of the incident method (Dutch, choosing its case in
its own phases), the same meeting purged, a finished force-field meeting (English), an
unfinished gossip meeting left with a lease and a heartbeat as a crash would leave it, the
six thinking hats with one hat each (lens turns), a gossip round with options, fitted to
time, whose case and contributions were edited and removed, a gossip meeting with a late
arrival, a break and an early departure, and an incident meeting left open at its choice
(its owner, and so its turns, not known yet).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine, replay
from intervisie.core.meeting.events import Event, MeetingFinished
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, Method
from intervisie.core.plugins.loading import load_registry
from intervisie.core.reports.markdown import render_markdown
from intervisie.core.reports.report import build_report
from intervisie.core.store import migrations as schema
from intervisie.core.store.database import Store
from intervisie.core.store.document import meeting_document
from intervisie.core.trainers.demo import play_demo

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "core" / "fixtures"
CREATED = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
K = ContributionKind


def _fitted_gossip(method: Method) -> list[Event]:
    """A gossip round with both option values changed, fitted to 40 minutes, with edits."""
    clock = FakeClock(datetime(2026, 2, 3, 18, 0, tzinfo=UTC))
    people = ("ilse", "joost", "karin", "lars", "mira")
    group = Group("avond", "Evening group", tuple(Member(p, p.title()) for p in people))
    engine = Engine(clock)
    engine.execute(
        cmd.OpenMeeting(
            group=group,
            present=people,
            facilitator="ilse",
            confidentiality=people,
            minutes_available=60,
            place="Zwolle",
        )
    )
    engine.execute(
        cmd.AddCase(
            owner="joost",
            title="A colleague who takes over my clients",
            description="It happened twice.",
        )
    )
    engine.execute(cmd.AddCase(owner="karin", title="Too many files", description=""))
    engine.execute(_edit_case("c2", "Too many files at once", "Since the merger."))
    engine.execute(cmd.ChooseCase(case_id="c2"))
    clock.advance(minutes=2)
    options = {"gossip_rounds": "2", "advice": "off"}
    engine.execute(cmd.StartRound(method=method, options=options, fit_minutes=40))
    rnd = engine.state.round
    for index in range(len(rnd.phases)):
        if index:
            clock.advance(minutes=3)
            engine.execute(cmd.NextPhase())
        run = engine.state.round.phase
        for speaker in run.turns:
            engine.execute(
                cmd.AddContribution(
                    author=speaker, kind=_kind_for(run), text=f"{speaker} in {run.id}"
                )
            )
            clock.advance(minutes=1)
            engine.execute(cmd.NextTurn())
        if index == 1:
            added = engine.execute(
                cmd.AddContribution(author="lars", kind=_kind_for(run), text="a first thought")
            )
            engine.execute(
                cmd.EditContribution(
                    contribution_id=added[-1].contribution_id, text="a better thought"
                )
            )
            if _kind_for(run) is K.QUESTION:  # the case owner's word on it
                engine.execute(
                    cmd.MarkQuestion(contribution_id=added[-1].contribution_id, mark="hot")
                )
            removed = engine.execute(
                cmd.AddContribution(author="mira", kind=_kind_for(run), text="said by mistake")
            )
            engine.execute(cmd.RemoveContribution(contribution_id=removed[-1].contribution_id))
            engine.execute(cmd.PreviousPhase())
            engine.execute(cmd.NextPhase())
            clock.advance(minutes=4)  # the laptop died; reopened, the meeting is paused
            engine.recover(clock.now())
            engine.execute(cmd.Resume())
    clock.advance(minutes=2)
    engine.execute(cmd.FinishRound())
    engine.execute(cmd.FinishMeeting())
    return list(engine.events)


def _attended(method: Method) -> list[Event]:
    """A gossip meeting where a member comes late, one takes a break and one leaves early."""
    from intervisie.core.meeting.commands import Arrive, Leave, RecordDetails

    clock = FakeClock(datetime(2026, 2, 10, 18, 0, tzinfo=UTC))
    people = ("ilse", "joost", "karin", "lars", "mira")
    group = Group("avond", "Evening group", tuple(Member(p, p.title()) for p in people))
    engine = Engine(clock)
    engine.execute(
        cmd.OpenMeeting(
            group=group,
            present=people[:4],
            facilitator="ilse",
            confidentiality=people[:4],
            minutes_available=90,
            place="Zwolle",
        )
    )
    engine.execute(RecordDetails(provider="Evening group foundation"))
    clock.advance(minutes=6)
    engine.execute(Arrive(member="mira", accepts_confidentiality=True))
    engine.execute(
        cmd.AddCase(owner="joost", title="A partner who never delegates", description="")
    )
    engine.execute(cmd.ChooseCase(case_id="c1"))
    engine.execute(cmd.StartRound(method=method))
    for index in range(len(engine.state.round.phases)):
        if index:
            clock.advance(minutes=4)
            engine.execute(cmd.NextPhase())
        if index == 1:
            engine.execute(Leave(member="lars", on_break=True))
            clock.advance(minutes=5)
            engine.execute(Arrive(member="lars"))
        if index == 3:
            engine.execute(Leave(member="karin"))
    clock.advance(minutes=3)
    engine.execute(cmd.FinishRound())
    engine.execute(RecordDetails(what_came_up="delegating, trust"))
    engine.execute(cmd.FinishMeeting())
    return list(engine.events)


def _edit_case(case_id: str, title: str, description: str) -> Any:
    from intervisie.core.meeting.commands import EditCase

    return EditCase(case_id=case_id, title=title, description=description)


def _kind_for(run: Any) -> ContributionKind:
    accepts = run.phase.accepts()
    for kind in (K.REMARK, K.QUESTION, K.WRITING, K.NOTE):
        if kind in accepts:
            return kind
    return sorted(accepts)[0]


def build(path: Path) -> None:
    reg = load_registry(house=False)
    ids = ("incident", "krachtenveld", "roddel", "denkhoeden")
    method = {m: reg.methods[m].method for m in ids}
    hat_mode = {method["denkhoeden"].options[0].id: "assigned"}
    clock = FakeClock(CREATED)
    with Store.open(path, clock=clock) as store:
        store.import_meeting("incid", play_demo(method["incident"], seed=1, lang="nl"), demo=True)
        store.import_meeting("purge", play_demo(method["incident"], seed=2, lang="nl"), demo=True)
        store.purge("purge")
        store.import_meeting("force", play_demo(method["krachtenveld"], seed=1, lang="en"))
        hats = play_demo(method["denkhoeden"], seed=3, lang="en", options=hat_mode)
        store.import_meeting("hats", hats)
        store.import_meeting("fitted", _fitted_gossip(method["roddel"]))
        store.import_meeting("attended", _attended(method["roddel"]))
        choosing = play_demo(method["incident"], seed=4, lang="en")
        store.import_meeting("choosing", _until_choice(choosing))
        gossip = [
            e
            for e in play_demo(method["roddel"], seed=1, lang="en")
            if not isinstance(e, MeetingFinished)
        ][:40]
        store.import_meeting("crashed", gossip)
        clock.set(gossip[-1].at)
        lease = store.acquire("crashed")
        clock.advance(seconds=20)
        store.heartbeat(lease)
        if schema.VERSION >= 2:  # people across groups
            from intervisie.core.reports.people import Person
            from intervisie.core.store.people import link, save_person

            group = store.group("demo")
            assert group is not None
            member = group.members[0]
            save_person(store, Person("p-fixture", member.name, {"nova": "A-00001"}))
            link(store, group.id, member.id, "p-fixture")
        conn = store._conn
        conn.execute("UPDATE meetings SET lease_pid = 999999, lease_host = 'elsewhere'")
        conn.execute(
            "UPDATE meetings SET lease_pid = NULL, lease_host = NULL, lease_token = NULL "
            "WHERE id != 'crashed'"
        )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _until_choice(events: list[Event]) -> list[Event]:
    """The events up to the method's own choice phase (votes cast, no case chosen yet)."""
    state = replay(())
    kept: list[Event] = []
    for event in events:
        if event.type == "case_chosen" and getattr(event, "round_id", None):
            break
        kept.append(event)
        state = replay((event,), state)
    return kept


def expected_output(path: Path) -> dict[str, Any]:
    """What a fixture replays to: per meeting its listing, document and round reports.

    Times and dates are as in UTC (the caller sets `TZ=UTC`); the method documents, stored
    verbatim, are shortened to their id and version.
    """
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        with Store.open(copy, readonly=True) as store:
            return _replayed(store)


def _replayed(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for info in sorted(store.meetings(), key=lambda m: m.id):
        state = replay(store.events(info.id))
        doc = meeting_document(info.id, state)
        for rnd in doc["rounds"]:
            rnd["method"] = {k: rnd["method"].get(k) for k in ("id", "version")}
        reports = [
            render_markdown(build_report(state, info.id, "en", n, demo=info.demo)).splitlines()
            for n in range(1, len(state.rounds) + 1)
        ]
        out[info.id] = {
            "listing": {
                "group": info.group_name,
                "methods": list(info.methods),
                "status": info.status,
                "demo": info.demo,
            },
            "document": doc,
            "round_reports": reports,
        }
    return out


def dumps(doc: Any) -> str:
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    os.environ["TZ"] = "UTC"
    time.tzset()
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__)
        return 2
    name = args[0]
    target = FIXTURES / f"{name}.sqlite"
    expected = FIXTURES / f"{name}.expected.json"
    if "--expected" in argv:
        if not target.exists():
            print(f"no fixture {target}")
            return 1
        expected.write_text(dumps(expected_output(target)), encoding="utf-8")
        print(f"wrote {expected}")
        return 0
    if target.exists():
        print(f"{target} exists; a committed fixture is never regenerated")
        return 1
    FIXTURES.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name("building.sqlite3")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    build(tmp)
    tmp.replace(target)
    expected.write_text(dumps(expected_output(target)), encoding="utf-8")
    print(f"wrote {target} and {expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
