"""Every released store version still opens, replays and keeps working with this code."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import replay
from intervisie.core.meeting.events import PURGED, Recovered
from intervisie.core.store import migrations as schema
from intervisie.core.store.database import Store
from intervisie.core.store.document import meeting_document
from intervisie.core.store.live import LiveMeeting

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("store-v*.sqlite"))


def test_there_is_a_fixture_of_every_schema_version() -> None:
    versions = {int(p.stem.split("-v")[1]) for p in RELEASED}
    assert versions == set(range(1, schema.VERSION + 1))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_a_released_store_opens_and_replays(tmp_path: Path, fixture: Path) -> None:
    original = fixture.read_bytes()
    path = tmp_path / "intervisie.sqlite3"
    shutil.copyfile(fixture, path)
    header = sqlite3.connect(f"file:{fixture}?mode=ro&immutable=1", uri=True)
    assert header.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    header.close()
    with Store.open(path) as store:
        meetings = {m.id: m for m in store.meetings()}
        assert set(meetings) == {"v1incid", "v1purge", "v1force", "v1open"}
        assert meetings["v1incid"].demo and meetings["v1incid"].finished
        assert meetings["v1force"].methods == ("krachtenveld",)
        assert not meetings["v1open"].finished and meetings["v1open"].holder is not None
        assert store.group("demo") is not None
        for meeting_id in meetings:
            state = replay(store.events(meeting_id))
            doc = meeting_document(meeting_id, state)
            assert doc["rounds"] and doc["rounds"][0]["method"]["phases"]
        purged = replay(store.events("v1purge"))
        assert all(c.title == PURGED for c in purged.cases)
        incident = replay(store.events("v1incid"))
        assert incident.cases[0].title != PURGED and incident.contributions
        # the crashed meeting's lease is on another host and stale: taken over and recovered
        clock = FakeClock()
        live = LiveMeeting.open(store, "v1open", clock)
        assert not live.readonly and live.recovered
        assert isinstance(store.events("v1open")[-1], Recovered)
        assert store.events("v1open")[-1].at == meetings["v1open"].last_seen
    assert fixture.read_bytes() == original
