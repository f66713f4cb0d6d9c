"""Every released store version still opens, replays and keeps working with this code.

Each committed fixture (`tests/core/fixtures/*.sqlite`) comes with the output it replayed to
when it was written (`*.expected.json`, by `scripts/make_store_fixture.py`): the meetings'
documents and round reports. Today's code must give exactly that, so a change to a rule or
a payload that alters how an old meeting replays fails here.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from intervisie.core.meeting import deciding
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import replay
from intervisie.core.meeting.events import EVENT_TYPES, PURGED, Recovered
from intervisie.core.meeting.upgrades import VERSION_KEY
from intervisie.core.method.model import Method, Phase, TurnMode
from intervisie.core.store import migrations as schema
from intervisie.core.store.database import Store
from intervisie.core.store.document import meeting_document
from intervisie.core.store.live import LiveMeeting
from intervisie.core.store.people import load_people

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("store-v*.sqlite"))
"""One store per schema version."""
ALL_FIXTURES = sorted(FIXTURES.glob("*.sqlite"))
"""Every committed store: the schema versions and the event versions."""
SCRIPT = Path(__file__).parents[2] / "scripts" / "make_store_fixture.py"


REWRITE = (
    "The stored meeting no longer replays or reports as when {name} was written. If that is "
    "a meant change of the report's wording, not of what the meeting replays to, rewrite the "
    "expected output (python scripts/make_store_fixture.py {name} --expected) and review "
    "its diff; otherwise a payload or a rule changed without its upgrade step."
)


def _fixture_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_store_fixture", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates as the fixtures' expected outputs were written: in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _differences(expected: object, replayed: object, path: str = "$") -> list[str]:
    """Where `replayed` differs from `expected`, by path. A key today's output adds (a new
    field of the meeting document) is no difference; a changed, lost or reordered value is.
    """
    if isinstance(expected, dict) and isinstance(replayed, dict):
        found = []
        for key, value in expected.items():
            if key not in replayed:
                found.append(f"{path}.{key}: missing")
            else:
                found.extend(_differences(value, replayed[key], f"{path}.{key}"))
        return found
    if isinstance(expected, list) and isinstance(replayed, list):
        if len(expected) != len(replayed):
            return [f"{path}: {len(replayed)} items, expected {len(expected)}"]
        found = []
        for i, (a, b) in enumerate(zip(expected, replayed, strict=True)):
            found.extend(_differences(a, b, f"{path}[{i}]"))
        return found
    return [] if expected == replayed else [f"{path}: {replayed!r}, expected {expected!r}"]


def test_differences_name_changed_and_lost_values_and_allow_new_keys() -> None:
    old = {"m": {"document": {"rounds": [{"minutes": 5.0}]}, "reports": [["# A"]]}}
    assert _differences(old, {"m": {**old["m"], "new": 1}}) == []
    changed = {"m": {"document": {"rounds": [{"minutes": 6.0}]}, "reports": [["# A"]]}}
    assert _differences(old, changed) == ["$.m.document.rounds[0].minutes: 6.0, expected 5.0"]
    assert _differences(old, {"m": {"document": {"rounds": []}, "reports": [["# A"]]}}) == [
        "$.m.document.rounds: 0 items, expected 1"
    ]
    assert _differences(old, {"m": {"document": {}}}) == [
        "$.m.document.rounds: missing",
        "$.m.reports: missing",
    ]


def _stored_versions(fixture: Path) -> set[tuple[str, int]]:
    conn = sqlite3.connect(f"file:{fixture}?mode=ro&immutable=1", uri=True)
    try:
        rows = conn.execute(
            "SELECT DISTINCT type, coalesce(json_extract(payload, ?), 1) FROM events",
            (f"$.{VERSION_KEY}",),
        ).fetchall()
    finally:
        conn.close()
    return {(kind, version) for kind, version in rows}


def test_every_event_type_s_current_version_has_a_committed_fixture() -> None:
    stored = set().union(*(_stored_versions(p) for p in ALL_FIXTURES))
    missing = sorted(
        f"{kind} v{cls.version}"
        for kind, cls in EVENT_TYPES.items()
        if (kind, cls.version) not in stored
    )
    assert missing == [], "write one: python scripts/make_store_fixture.py events-TYPE-vN"


def test_a_fixture_named_for_an_event_version_holds_that_version() -> None:
    named = [p for p in ALL_FIXTURES if p.stem.startswith("events-")]
    assert named
    for fixture in named:
        kind, _, version = fixture.stem.removeprefix("events-").rpartition("-v")
        assert (kind, int(version)) in _stored_versions(fixture), fixture.name


def test_replay_folds_what_was_recorded_and_runs_no_rule_again(
    utc: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the method's options, minutes or turn rules to change, no stored meeting would."""

    def changed(*args: object, **kwargs: object) -> None:
        raise AssertionError("replay ran a live rule")

    phases_for = Method.phases_for

    def reversed_phases(self: Method, *args: object, **kwargs: object) -> tuple[Phase, ...]:
        return phases_for(self)[::-1]  # the options and the order are ignored

    # Building a stored method still validates it, which asks these too: they answer
    # differently now, and no replayed minute or turn may follow.
    monkeypatch.setattr(Method, "phases_for", reversed_phases)
    monkeypatch.setattr(Phase, "planned_minutes", lambda self, participants: 1.0)
    monkeypatch.setattr(Phase, "turn_count", lambda self, participants: 1)
    monkeypatch.setattr(Phase, "turn_mode", property(lambda self: TurnMode.NONE))
    monkeypatch.setattr(deciding, "_speakers", changed)
    script = _fixture_script()
    for fixture in ALL_FIXTURES:
        expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
        replayed = json.loads(json.dumps(script.expected_output(fixture)))
        assert _differences(expected, replayed) == [], fixture.name


def test_every_fixture_has_its_expected_output() -> None:
    assert ALL_FIXTURES
    missing = [p.name for p in ALL_FIXTURES if not p.with_suffix(".expected.json").exists()]
    assert missing == []


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=lambda p: p.stem)
def test_a_stored_meeting_replays_and_reports_as_when_it_was_written(
    utc: None, fixture: Path
) -> None:
    original = fixture.read_bytes()
    expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
    replayed = json.loads(json.dumps(_fixture_script().expected_output(fixture)))
    assert _differences(expected, replayed) == [], REWRITE.format(name=fixture.stem)
    assert fixture.read_bytes() == original


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
    version = int(fixture.stem.split("-v")[1])
    # version 1's script named its meetings v1...; later ones name them by what they hold
    name = {"incid": "v1incid", "purge": "v1purge", "force": "v1force", "crashed": "v1open"}
    if version >= 2:
        name = {k: k for k in name}
    with Store.open(path) as store:
        meetings = {m.id: m for m in store.meetings()}
        assert set(name.values()) <= set(meetings)
        assert meetings[name["incid"]].demo and meetings[name["incid"]].finished
        assert meetings[name["force"]].methods == ("krachtenveld",)
        crashed = meetings[name["crashed"]]
        assert not crashed.finished and crashed.holder is not None
        assert store.group("demo") is not None
        people = load_people(store)
        if version >= 2:  # people across groups came with version 2
            person = people.persons["p-fixture"]
            assert person.registrations == {"nova": "A-00001"}
            demo = store.group("demo")
            assert demo is not None
            member = demo.members[0]
            assert people.person_of("demo", member.id, member.name) == person
        else:
            assert people.persons == {}
        for meeting_id in meetings:
            state = replay(store.events(meeting_id))
            doc = meeting_document(meeting_id, state)
            assert doc["rounds"] or not doc["cases"] or meeting_id == "choosing"
        purged = replay(store.events(name["purge"]))
        assert all(c.title == PURGED for c in purged.cases)
        incident = replay(store.events(name["incid"]))
        assert incident.cases[0].title != PURGED and incident.contributions
        # the crashed meeting's lease is on another host and stale: taken over and recovered
        clock = FakeClock()
        live = LiveMeeting.open(store, name["crashed"], clock)
        assert not live.readonly and live.recovered
        assert isinstance(store.events(name["crashed"])[-1], Recovered)
        assert store.events(name["crashed"])[-1].at == crashed.last_seen
    assert fixture.read_bytes() == original


def test_a_store_with_an_event_from_a_newer_version_is_named_and_left_alone(
    cli, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "intervisie.sqlite3"
    shutil.copyfile(FIXTURES / "events-round_started-v2.sqlite", path)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE events SET payload = json_set(payload, '$.v', 3) "
        "WHERE meeting_id = 'fitted' AND type = 'round_started'"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = cli("--data-dir", str(data), "sessions", "show", "fitted")
    assert result.returncode == 1
    assert "meeting fitted" in result.stderr and "written by a newer intervisie" in result.stderr
    assert "(round_started version 3; this one reads up to 2)" in result.stderr
    assert "Update intervisie" in result.stderr and "damaged" not in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before
    listed = cli("--data-dir", str(data), "sessions", "list")
    assert listed.returncode == 0 and "fitted" in listed.stdout
