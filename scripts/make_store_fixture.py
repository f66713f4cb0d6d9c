"""Write `tests/core/fixtures/store-v<N>.sqlite`: a store of the current schema version.

Run it once when a schema version is released (`python scripts/make_store_fixture.py`) and
commit the file; never regenerate an old version's fixture. `tests/core/test_store_fixtures.py`
opens every committed fixture with the current code, so a change that cannot read an old store
(or forgets its migration) fails the suite.

The store holds: a finished demo meeting of the incident method (Dutch), the same meeting
purged, a finished meeting of the force-field method (English), and an unfinished meeting of
the gossip method left with a lease and a heartbeat, as a crash would leave it.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.events import MeetingFinished
from intervisie.core.plugins.loading import load_registry
from intervisie.core.store import migrations as schema
from intervisie.core.store.database import Store
from intervisie.core.trainers.demo import play_demo

ROOT = Path(__file__).resolve().parent.parent
CREATED = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)


def build(path: Path) -> None:
    reg = load_registry(house=False)
    method = {m: reg.methods[m].method for m in ("incident", "krachtenveld", "roddel")}
    clock = FakeClock(CREATED)
    with Store.open(path, clock=clock) as store:
        store.import_meeting("v1incid", play_demo(method["incident"], seed=1, lang="nl"), demo=True)
        store.import_meeting("v1purge", play_demo(method["incident"], seed=2, lang="nl"), demo=True)
        store.purge("v1purge")
        store.import_meeting("v1force", play_demo(method["krachtenveld"], seed=1, lang="en"))
        gossip = [
            e
            for e in play_demo(method["roddel"], seed=1, lang="en")
            if not isinstance(e, MeetingFinished)
        ][:40]
        store.import_meeting("v1open", gossip)
        clock.set(gossip[-1].at)
        lease = store.acquire("v1open")
        clock.advance(seconds=20)
        store.heartbeat(lease)
        conn = store._conn
        conn.execute("UPDATE meetings SET lease_pid = 999999, lease_host = 'elsewhere'")
        conn.execute(
            "UPDATE meetings SET lease_pid = NULL, lease_host = NULL, lease_token = NULL "
            "WHERE id != 'v1open'"
        )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main() -> int:
    target = ROOT / "tests" / "core" / "fixtures" / f"store-v{schema.VERSION}.sqlite"
    if target.exists() and "--force" not in sys.argv:
        print(f"{target} exists; a released fixture is never regenerated (--force to do it)")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name("building.sqlite3")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    build(tmp)
    tmp.replace(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
