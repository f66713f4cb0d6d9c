"""The store keeps every event of every meeting, in order, in a private file."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from intervisie.core.meeting.events import MeetingFinished, Paused, event_to_dict
from intervisie.core.store import migrations as schema
from intervisie.core.store.database import (
    LeaseLost,
    MeetingExists,
    MeetingNotFound,
    Store,
    StoreError,
    StoreMissing,
)
from intervisie.core.store.lease import Holder, may_take

sys.path.insert(0, str(Path(__file__).parent))
from store_helpers import GROUP, SECRET, at, note, opened, small_meeting


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(data_dir=tmp_path / "data") as s:
        yield s


def test_a_new_store_is_private_and_carries_our_id_and_version(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Store.open(data_dir=folder) as store:
        assert store.path == folder / "intervisie.sqlite3"
        conn = store._conn
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        store.append(store.new_meeting(), opened())
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for path in folder.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert not [p for p in folder.iterdir() if p.name.endswith(".new")]


def test_the_default_folder_is_the_data_dir(isolated_env: Path) -> None:
    with Store.open() as store:
        assert store.path == isolated_env / "data" / "intervisie.sqlite3"


def test_events_come_back_in_order_with_their_sequence_numbers(store: Store) -> None:
    meeting = store.new_meeting()
    events = small_meeting()
    assert [store.append(meeting, e) for e in events] == [1, 2, 3, 4, 5]
    assert store.events(meeting) == events
    assert [s.seq for s in store.stored_events(meeting)] == [1, 2, 3, 4, 5]
    assert store.event_rows(meeting)[0][1] == event_to_dict(events[0])


def test_the_meeting_row_follows_its_events(store: Store) -> None:
    meeting = store.new_meeting()
    store.append(meeting, opened())
    info = store.meeting(meeting)
    assert (info.group_id, info.group_name, info.status, info.demo) == (
        "g1",
        "Advocaten Noord",
        "open",
        False,
    )
    assert info.date == at(0).astimezone().date().isoformat()
    store.append(meeting, MeetingFinished(at(60)))
    assert store.meeting(meeting).status == "finished"
    assert store.meeting(meeting).finished


def test_groups_are_kept_for_the_next_meeting(store: Store) -> None:
    store.append(store.new_meeting(), opened())
    assert store.group("g1") == GROUP
    assert store.groups() == [GROUP]
    renamed = type(GROUP)(id="g1", name="Noord", members=GROUP.members[:2])
    store.save_group(renamed)
    assert store.group("g1") == renamed


def test_two_meetings_in_one_store_stay_apart(store: Store) -> None:
    first, second = store.new_meeting(), store.new_meeting()
    store.append(first, opened())
    store.append(second, opened(5, demo=True))
    store.append(first, note(1))
    assert len(store.events(first)) == 2
    assert len(store.events(second)) == 1
    assert {m.id: m.demo for m in store.meetings()} == {first: False, second: True}
    assert store.previous_meeting("g1") == first  # demo meetings are not revisited


def test_unknown_meetings_and_prefixes(store: Store) -> None:
    meeting = store.new_meeting(meeting_id="abcd1234")
    assert store.resolve("abcd") == meeting
    with pytest.raises(MeetingNotFound, match="no meeting zz"):
        store.events("zz")
    with pytest.raises(MeetingNotFound):
        store.append("zz", opened())
    with pytest.raises(MeetingExists):
        store.new_meeting(meeting_id="abcd1234")
    store.new_meeting(meeting_id="abcd9999")
    with pytest.raises(MeetingNotFound, match="several"):
        store.resolve("abcd")


def test_a_readonly_store_reads_but_never_writes(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as store:
        meeting = store.new_meeting()
        store.append(meeting, opened())
    before = (tmp_path / "intervisie.sqlite3").read_bytes()
    with Store.open(data_dir=tmp_path, readonly=True) as ro:
        assert ro.events(meeting) == [opened()]
        with pytest.raises(StoreError, match="read-only"):
            ro.append(meeting, note(1))
    assert (tmp_path / "intervisie.sqlite3").read_bytes() == before


def test_readonly_without_a_store_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing):
        Store.open(data_dir=tmp_path / "none", readonly=True)
    assert not (tmp_path / "none").exists()


def test_data_version_changes_when_another_connection_commits(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as a, Store.open(data_dir=tmp_path) as b:
        meeting = a.new_meeting()
        seen = b.data_version()
        a.append(meeting, opened())
        assert b.data_version() != seen


# -- leases -------------------------------------------------------------------------------


def test_one_facilitator_holds_a_meeting_and_the_second_learns_who(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as a, Store.open(data_dir=tmp_path) as b:
        meeting = a.new_meeting()
        lease = a.acquire(meeting)
        assert lease.held
        second = b.acquire(meeting)
        assert not second.held
        assert second.holder is not None
        assert (second.holder.pid, second.holder.host) == (os.getpid(), lease_host())
        with pytest.raises(LeaseLost):
            b.append(meeting, opened(), lease=second)
        assert a.append(meeting, opened(), lease=lease) == 1
        assert b.append(meeting, note(1)) == 2  # a participant's process needs no lease
        assert a.heartbeat(lease)
        a.release(lease)
        assert b.acquire(meeting).held


def lease_host() -> str:
    import socket

    return socket.gethostname()


def test_a_stale_lease_is_taken_over_after_30_seconds() -> None:
    from datetime import timedelta

    other = Holder(pid=1, host="elsewhere", token="x", last_seen=at(0))
    assert not may_take(other, "me", at(0) + timedelta(seconds=29))
    assert may_take(other, "me", at(0) + timedelta(seconds=31))
    dead_here = Holder(pid=2**22 + 12345, host=lease_host(), token="x", last_seen=at(0))
    assert may_take(dead_here, "me", at(0))
    alive_here = Holder(pid=os.getpid(), host=lease_host(), token="x", last_seen=at(0))
    assert not may_take(alive_here, "me", at(0))


def test_a_taken_over_lease_stops_the_old_holder(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as a, Store.open(data_dir=tmp_path) as b:
        meeting = a.new_meeting()
        old = a.acquire(meeting)
        a._conn.execute(
            "UPDATE meetings SET last_seen = '2000-01-01T00:00:00+00:00' WHERE id = ?",
            (meeting,),
        )
        new = b.acquire(meeting)
        assert new.held
        assert new.took_over is not None
        assert not a.heartbeat(old)
        with pytest.raises(LeaseLost):
            a.append(meeting, Paused(at(1)), lease=old)


# -- delete and purge ---------------------------------------------------------------------


def _file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def test_delete_removes_every_byte_of_the_meeting(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as store:
        keep = store.new_meeting()
        store.append(keep, opened())
        gone = store.new_meeting()
        for event in small_meeting():
            store.append(gone, event)
        assert SECRET.encode() in _file_bytes(tmp_path)
        result = store.delete(gone)
        assert result.events == 5 and result.reclaimed
        assert SECRET.encode() not in _file_bytes(tmp_path)
        assert [m.id for m in store.meetings()] == [keep]


def test_purge_removes_case_text_and_keeps_the_structure(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as store:
        meeting = store.new_meeting()
        for event in small_meeting():
            store.append(meeting, event)
        result = store.purge(meeting)
        assert result.events == 2 and result.reclaimed
        assert SECRET.encode() not in _file_bytes(tmp_path)
        events = store.events(meeting)
        assert [e.type for e in events] == [e.type for e in small_meeting()]
        assert events[2].case.title == "[purged]"
        assert events[0] == small_meeting()[0]


def test_only_a_finished_meeting_can_be_purged(store: Store) -> None:
    meeting = store.new_meeting()
    for event in small_meeting(finished=False):
        store.append(meeting, event)
    with pytest.raises(StoreError, match="not finished"):
        store.purge(meeting)
    assert store.events(meeting) == small_meeting(finished=False)


def test_a_meeting_another_facilitator_drives_is_not_deleted(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as a, Store.open(data_dir=tmp_path) as b:
        meeting = a.new_meeting()
        a.acquire(meeting)
        with pytest.raises(StoreError, match="another facilitator process"):
            b.delete(meeting)
        assert a.meeting(meeting)


def test_import_keeps_the_id_and_sequence(store: Store) -> None:
    store.import_meeting("m1", small_meeting(), demo=True)
    assert store.events("m1") == small_meeting()
    assert store.meeting("m1").demo and store.meeting("m1").finished
    with pytest.raises(MeetingExists):
        store.import_meeting("m1", small_meeting())


def test_an_event_this_program_cannot_read_is_named(store: Store) -> None:
    from intervisie.core.store.database import StoreUnreadable

    meeting = store.new_meeting()
    for event in small_meeting():
        store.append(meeting, event)
    store._conn.execute('UPDATE events SET payload = \'{"type": "from_the_future"}\' WHERE seq = 3')
    with pytest.raises(StoreUnreadable, match="event 3 of meeting"):
        store.events(meeting)
    with pytest.raises(StoreUnreadable, match="event 3 of meeting"):
        store.stored_events(meeting)


def test_purge_reaches_the_file_while_another_window_has_the_store_open(tmp_path: Path) -> None:
    with Store.open(data_dir=tmp_path) as store, Store.open(data_dir=tmp_path) as viewer:
        meeting = store.new_meeting()
        for event in small_meeting():
            store.append(meeting, event)
        assert viewer.events(meeting)[2].case.description == SECRET
        result = store.purge(meeting)
        assert result.reclaimed
        assert SECRET.encode() not in _file_bytes(tmp_path)
        assert viewer.events(meeting)[2].case.description == "[purged]"
