"""A meeting driven through engine and store: saved as it goes, reopened, exported, purged."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import replay
from intervisie.core.meeting.events import PURGED, Recovered
from intervisie.core.meeting.model import Status
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.core.store.document import meeting_document
from intervisie.core.store.live import LiveMeeting, ReadOnlyMeeting, previous_cases
from intervisie.core.store.transfer import ExchangeError, export_document, write_export

sys.path.insert(0, str(Path(__file__).parent))
from store_helpers import drive, import_export  # the same meeting the CLI and fault tests use

SECRET = "Vertrouwelijk-Dossier-Xq7"


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(data_dir=tmp_path / "data", clock=None) as s:
        yield s


def test_every_event_is_saved_as_it_happens_and_replays(store, clock, group, case_method):
    live = LiveMeeting.start(store, clock)
    drive(live, clock, group, case_method)
    assert not live.pending
    stored = store.events(live.meeting_id)
    assert stored == list(live.engine.events)
    assert replay(stored) == live.state
    assert store.replay(live.meeting_id) == live.state
    info = store.meeting(live.meeting_id)
    assert (info.status, info.methods, info.group_id) == ("finished", ("forces",), "g1")


def test_an_unclosed_meeting_is_recovered_as_of_its_last_sign_of_life(
    tmp_path, clock, group, case_method
):
    with Store.open(data_dir=tmp_path, clock=clock) as first:
        live = LiveMeeting.start(first, clock)
        drive(live, clock, group, case_method, finish=False)
        clock.advance(minutes=1)
        assert live.heartbeat()
        last_seen = clock.now()
        # the process dies here: no close(), the lease stays
    clock.advance(minutes=60)
    with Store.open(data_dir=tmp_path, clock=clock) as second:
        again = LiveMeeting.open(second, live.meeting_id, clock)
        assert again.lease.held  # the old holder's pid is ours, but its token is not: stale
        assert again.recovered
        last = second.events(live.meeting_id)[-1]
        assert isinstance(last, Recovered)
        assert last.at == last_seen
        assert again.state.paused
        assert again.state.status is Status.OPEN


def test_a_second_facilitator_gets_the_meeting_read_only(tmp_path, clock, group, case_method):
    with Store.open(data_dir=tmp_path) as a, Store.open(data_dir=tmp_path) as b:
        live = LiveMeeting.start(a, clock)
        drive(live, clock, group, case_method, finish=False)
        viewer = LiveMeeting.open(b, live.meeting_id, clock)
        assert viewer.readonly
        assert viewer.holder is not None and viewer.holder.pid > 0
        with pytest.raises(ReadOnlyMeeting, match="pid"):
            viewer.execute(cmd.Pause())
        live.execute(cmd.Pause())
        assert [type(e).__name__ for e in viewer.refresh()] == ["Paused"]
        assert viewer.state == live.state
        # another meeting in the same store stays usable for the second process
        other = LiveMeeting.start(b, clock)
        drive(other, clock, group, case_method)
        assert not other.pending


def test_participant_processes_append_their_own_contributions(tmp_path, clock, group, case_method):
    with Store.open(data_dir=tmp_path) as a, Store.open(data_dir=tmp_path) as b:
        live = LiveMeeting.start(a, clock)
        drive(live, clock, group, case_method, finish=False)
        daan = LiveMeeting.open(b, live.meeting_id, clock, participant="daan")
        assert not daan.readonly
        daan.execute(
            cmd.AddContribution(
                actor="daan", author="daan", kind=ContributionKind.FORCE, text="t", side="driving"
            )
        )
        with pytest.raises(ReadOnlyMeeting):
            daan.execute(cmd.NextPhase())
        with pytest.raises(ReadOnlyMeeting):
            daan.execute(cmd.Pause(actor="facilitator"))
        assert [e.type for e in live.refresh()] == ["contribution_added"]
        live.execute(cmd.NextPhase())
        assert daan.refresh()[0].type == "phase_changed"
        assert daan.state == live.state
        assert a.replay(live.meeting_id) == live.state


def test_the_meeting_document_has_the_keys_others_rely_on(store, clock, group, case_method):
    live = LiveMeeting.start(store, clock)
    drive(live, clock, group, case_method)
    doc = meeting_document(live.meeting_id, live.state)
    for key in ("id", "date", "group", "members", "demo", "cases", "contributions", "rounds"):
        assert key in doc
    assert doc["cases"][0] == {
        "id": "c1",
        "title": f"Case {SECRET}",
        "description": SECRET,
        "owner": "bram",
    }
    (rnd,) = doc["rounds"]
    assert rnd["method"]["id"] == "forces" and rnd["method"]["phases"]
    assert (rnd["case"], rnd["owner"]) == ("c1", "bram")
    force = next(c for c in rnd["contributions"] if c["kind"] == "force")
    assert force["phase"] == "forces" and force["side"] == "driving"
    assert force["author"] == "carla" and force["text"] == f"force {SECRET}"
    assert {c["step"] for c in doc["contributions"]} == {"choice"}  # the vote
    json.dumps(doc)


def test_export_and_import_restore_the_meeting_exactly(tmp_path, store, clock, group, case_method):
    live = LiveMeeting.start(store, clock)
    drive(live, clock, group, case_method)
    doc = export_document(store, live.meeting_id)
    assert (doc["format"], doc["version"]) == ("intervisie-meeting", 1)
    path = write_export(doc, tmp_path / "meeting.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_export(doc, path)
    with Store.open(data_dir=tmp_path / "elsewhere") as other:
        assert import_export(other, path) == live.meeting_id
        assert export_document(other, live.meeting_id) == doc
        assert other.events(live.meeting_id) == store.events(live.meeting_id)


@pytest.mark.parametrize(
    ("mangle", "words"),
    [
        (lambda d: "{not json", "not valid JSON"),
        (lambda d: json.dumps({**d, "format": "other"}), "format"),
        (lambda d: json.dumps({**d, "version": 99}), "format version 99"),
        (lambda d: json.dumps({**d, "events": []}), "no events"),
        (lambda d: json.dumps({**d, "events": [{"type": "nope"}]}), "unknown event type"),
        (lambda d: json.dumps({**d, "events": d["events"][1:]}), "first event"),
        (lambda d: json.dumps({**d, "events": d["events"][:-3]}), "does not match"),
        (lambda d: json.dumps({**d, "cases": []}), "does not match"),
        (lambda d: json.dumps([1, 2]), "format"),
    ],
)
def test_a_malformed_export_is_refused_with_a_clear_message(
    tmp_path, store, clock, group, case_method, mangle, words
):
    live = LiveMeeting.start(store, clock)
    drive(live, clock, group, case_method)
    path = tmp_path / "bad.json"
    path.write_text(mangle(export_document(store, live.meeting_id)), encoding="utf-8")
    with Store.open(data_dir=tmp_path / "elsewhere") as other:
        with pytest.raises(ExchangeError, match=words) as info:
            import_export(other, path)
        assert str(path) in str(info.value)
        assert other.meetings() == []


def test_purge_leaves_no_case_text_in_the_file_and_the_meeting_replays(
    tmp_path, clock, group, case_method
):
    folder = tmp_path / "data"
    with Store.open(data_dir=folder) as store:
        live = LiveMeeting.start(store, clock)
        drive(live, clock, group, case_method)
        live.close()
        before = replay(store.events(live.meeting_id))
        store.purge(live.meeting_id)
        raw = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
        assert SECRET.encode() not in raw
        after = replay(store.events(live.meeting_id))
        assert after.cases[0].title == PURGED
        assert len(after.contributions) == len(before.contributions)
        assert after.rounds[0].phases == before.rounds[0].phases
        assert after.finished == before.finished


def test_the_next_meeting_revisits_and_carries_over_the_cases(store, clock, group, case_method):
    live = LiveMeeting.start(store, clock)
    drive(live, clock, group, case_method)
    revisit, carried = previous_cases(store, "g1")
    assert [c.id for c in revisit] == ["c1"]
    assert [c.title for c in carried] == ["Deadline"]
    nxt = LiveMeeting.start(store, clock)
    present = tuple(m.id for m in group.members)
    nxt.execute(
        cmd.OpenMeeting(
            group=group,
            present=present,
            facilitator="anna",
            confidentiality=present,
            minutes_available=90,
            revisit=revisit,
            carried=carried,
        )
    )
    assert [c.title for c in nxt.state.cases] == ["Deadline"]
    assert previous_cases(store, "g1", before=nxt.meeting_id)[0] == revisit
    store.purge(live.meeting_id)
    assert previous_cases(store, "g1", before=nxt.meeting_id)[0][0].title == PURGED
    assert previous_cases(store, "nobody") == ((), ())


def test_an_abandoned_setup_leaves_no_meeting_behind(store, clock) -> None:
    live = LiveMeeting.start(store, clock)
    assert store.meeting(live.meeting_id).event_count == 0
    assert store.meetings() == []  # a setup in progress is not listed
    live.close()
    assert store._read("SELECT count(*) FROM meetings")[0][0] == 0


@pytest.mark.parametrize("method_id", ["incident", "roddel", "denkhoeden", "krachtenveld"])
@pytest.mark.parametrize(("seed", "lang"), [(0, "nl"), (5, "en")])
def test_every_built_in_demo_meeting_survives_store_export_and_import(
    tmp_path, method_id, seed, lang
):
    from intervisie.core.plugins.loading import load_registry
    from intervisie.core.trainers.demo import play_demo

    method = load_registry(house=False).methods[method_id].method
    events = play_demo(method, seed=seed, lang=lang)
    with Store.open(data_dir=tmp_path / "a") as a, Store.open(data_dir=tmp_path / "b") as b:
        one_by_one = a.new_meeting(demo=True)
        for event in events:
            a.append(one_by_one, event)
        assert a.events(one_by_one) == events
        assert a.replay(one_by_one) == replay(events)
        doc = export_document(a, one_by_one)
        path = write_export(doc, tmp_path / "m.json")
        import_export(b, path)
        assert export_document(b, one_by_one) == doc
        assert b.meeting(one_by_one).demo and b.meeting(one_by_one).finished


def test_two_windows_contributing_from_stale_states_lose_nothing(
    tmp_path, clock, group, case_method
):
    """Each window decides on the latest stored state: no two contributions share an id."""
    with (
        Store.open(data_dir=tmp_path) as a,
        Store.open(data_dir=tmp_path) as b,
        Store.open(data_dir=tmp_path) as c,
    ):
        live = LiveMeeting.start(a, clock)
        drive(live, clock, group, case_method, finish=False)
        daan = LiveMeeting.open(b, live.meeting_id, clock, participant="daan")
        eva = LiveMeeting.open(c, live.meeting_id, clock, participant="eva")
        for who, window in (("daan", daan), ("eva", eva), ("daan", daan)):
            window.execute(  # neither window refreshed in between
                cmd.AddContribution(
                    actor=who,
                    author=who,
                    kind=ContributionKind.FORCE,
                    text=f"{who} force",
                    side="driving",
                )
            )
        live.execute(
            cmd.AddContribution(
                actor="facilitator",
                author="anna",
                kind=ContributionKind.FORCE,
                text="anna force",
                side="driving",
            )
        )
        stored = a.replay(live.meeting_id)
        texts = sorted(c.text for c in stored.contributions if c.text.endswith("force"))
        assert texts == ["anna force", "daan force", "daan force", "eva force"]
        live.refresh()
        assert live.state == stored


def test_a_second_store_in_one_process_does_not_blind_the_first(
    tmp_path, clock, group, case_method
):
    """Opening and closing the file again in-process must keep SQLite's locks (and so the
    first connection's view of other processes' commits) intact."""
    import subprocess
    import sys

    with Store.open(data_dir=tmp_path) as first:
        live = LiveMeeting.start(first, clock)
        drive(live, clock, group, case_method, finish=False)
        before = len(first.stored_events(live.meeting_id))
        Store.open(data_dir=tmp_path).close()
        touch = (
            "import sys\nfrom intervisie.core.store.database import Store\n"
            "Store.open(data_dir=sys.argv[1]).close()\n"
        )
        subprocess.run([sys.executable, "-c", touch, str(tmp_path)], check=True)
        add = (
            "import sys\nfrom intervisie.core.store.database import Store\n"
            "from intervisie.core.store.live import LiveMeeting\n"
            "from intervisie.core.meeting.clock import SystemClock\n"
            "from intervisie.core.meeting import commands as cmd\n"
            "from intervisie.core.method.model import ContributionKind\n"
            "with Store.open(data_dir=sys.argv[1]) as s:\n"
            "    m = LiveMeeting.open(s, sys.argv[2], SystemClock(), participant='daan')\n"
            "    m.execute(cmd.AddContribution(actor='daan', author='daan',"
            " kind=ContributionKind.FORCE, text='from afar', side='driving'))\n"
        )
        subprocess.run([sys.executable, "-c", add, str(tmp_path), live.meeting_id], check=True)
        after = first.stored_events(live.meeting_id)
        assert len(after) == before + 1
        assert live.refresh()[0].text == "from afar"


def test_a_killed_holder_not_yet_reaped_counts_as_dead() -> None:
    """A zombie still answers kill(pid, 0); the lease must not wait 30 s for it."""
    import signal
    import subprocess
    import time

    from intervisie.core.store.lease import pid_alive

    child = subprocess.Popen(["sleep", "30"])
    try:
        assert pid_alive(child.pid)
        child.send_signal(signal.SIGKILL)
        time.sleep(0.3)  # killed, not reaped: a zombie
        assert not pid_alive(child.pid)
    finally:
        child.wait()


def test_session_observers_hear_stored_events_and_cannot_break_the_meeting(
    tmp_path, clock, group, case_method
):
    heard: list[tuple[str, str]] = []

    def listener(meeting_id, event):
        heard.append((meeting_id, event.type))

    def broken(meeting_id, event):
        raise RuntimeError("observer bug")

    with Store.open(data_dir=tmp_path) as store:
        live = LiveMeeting.start(store, clock)
        live.observers = [broken, listener]
        drive(live, clock, group, case_method, finish=False)
        stored = [e.type for e in store.events(live.meeting_id)]
        assert [t for _m, t in heard] == stored
        assert {m for m, _t in heard} == {live.meeting_id}
        assert live.observer_problems and "observer bug" in live.observer_problems[0]
