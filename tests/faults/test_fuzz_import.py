"""Fuzzing `sessions import`: a damaged export is refused with a message, never imported wrong.

`read_export` promises one error type, `ExchangeError` (its message names the file). The
fuzzers feed it arbitrary bytes, valid exports with one thing changed anywhere, and exports
whose events are cut, repeated or reordered. A file it accepts must import and show the same
meeting it describes. Valid meetings with generated text (emoji, right-to-left, long text)
round-trip exactly: export -> import into another store -> export.
"""

from __future__ import annotations

import contextlib
import copy
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.core.store.live import LiveMeeting
from intervisie.core.store.transfer import ExchangeError, export_document, read_export

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from store_helpers import GROUP, START, case_method, drive, import_export

pytestmark = pytest.mark.fault

N = settings.default.max_examples  # 400 under the ci profile, 60 under dev


def fuzz(factor: float):
    return settings(
        max_examples=max(10, int(N * factor)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


METHOD = case_method()


def make_export(folder: Path, extra: list[str] = ()) -> dict:
    """A whole meeting (intake, choice, a force-field round, closing), exported."""
    clock = FakeClock(START)
    with Store.open(data_dir=folder, clock=clock) as store:
        live = LiveMeeting.start(store, clock)
        drive(live, clock, GROUP, METHOD, finish=False)
        for text in extra:
            live.execute(
                cmd.AddContribution(
                    author="daan", kind=ContributionKind.FORCE, text=text, side="restraining"
                )
            )
        live.close()
        return export_document(store, live.meeting_id)


@pytest.fixture(scope="session")
def valid_export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return make_export(tmp_path_factory.mktemp("export"))


def accepted_or_refused(path: Path, fuzz_inputs: Counter, name: str):
    """The property: read_export returns, or raises `ExchangeError` naming the file."""
    fuzz_inputs[name] += 1
    try:
        return read_export(path)
    except ExchangeError as exc:
        assert str(path) in str(exc)
        return None


@fuzz(2)
@given(data=st.binary(max_size=3000))
def test_any_bytes_are_refused_with_a_message(tmp_path: Path, fuzz_inputs: Counter, data):
    path = tmp_path / "bytes.json"
    path.write_bytes(data)
    assert accepted_or_refused(path, fuzz_inputs, "import: bytes") is None


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["meeting_opened", "contribution_added", "2026-03-05T14:00:00+00:00", ""])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def places(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from places(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from places(value, (*prefix, i))


@fuzz(4)
@given(data=st.data())
def test_an_export_with_one_thing_changed_is_refused_or_means_what_it_says(
    tmp_path: Path, fuzz_inputs: Counter, valid_export: dict, data
):
    doc = copy.deepcopy(valid_export)
    place = data.draw(st.sampled_from([p for p in places(doc) if p]))
    parent = doc
    for step in place[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["delete", "replace", "add"]))
    if action == "delete":
        del parent[place[-1]]
    elif action == "replace":
        parent[place[-1]] = data.draw(json_values)
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(json_values)
    else:
        parent.insert(data.draw(st.integers(0, len(parent))), data.draw(json_values))
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = accepted_or_refused(path, fuzz_inputs, "import: one change")
    if result is not None:
        imports_as_described(tmp_path, path, result[0], doc)


def imports_as_described(tmp_path: Path, path: Path, meeting_id: str, doc: dict) -> None:
    """An accepted file imports, and the store then shows exactly the file's document
    (plus, where the file lacks a key, that key empty: an earlier version's export)."""
    with Store.open(data_dir=tmp_path / "store") as store:
        with contextlib.suppress(Exception):
            store.delete(meeting_id)
        import_export(store, path)
        again = export_document(store, meeting_id)
    given = {k: v for k, v in doc.items() if k != "events"}
    shown = {k: v for k, v in again.items() if k != "events"}
    assert _without_empty_keys_missing_from(given, shown) == given


def _empty(value) -> bool:
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def _without_empty_keys_missing_from(given, shown):
    if isinstance(given, dict) and isinstance(shown, dict):
        return {
            k: _without_empty_keys_missing_from(given.get(k), v)
            for k, v in shown.items()
            if k in given or not _empty(v)
        }
    if isinstance(given, list) and isinstance(shown, list) and len(given) == len(shown):
        return [_without_empty_keys_missing_from(a, b) for a, b in zip(given, shown, strict=True)]
    return shown


@fuzz(1)
@given(data=st.data())
def test_events_cut_repeated_or_reordered_are_refused_or_consistent(
    tmp_path: Path, fuzz_inputs: Counter, valid_export: dict, data
):
    doc = copy.deepcopy(valid_export)
    events = doc["events"]
    how = data.draw(st.sampled_from(["cut", "repeat", "swap", "drop"]))
    i = data.draw(st.integers(0, len(events) - 1))
    j = data.draw(st.integers(0, len(events) - 1))
    if how == "cut":
        doc["events"] = events[:i]
    elif how == "repeat":
        events.insert(j, copy.deepcopy(events[i]))
    elif how == "swap":
        events[i], events[j] = events[j], events[i]
    else:
        del events[i]
    path = tmp_path / "events.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = accepted_or_refused(path, fuzz_inputs, "import: events")
    if result is not None:
        imports_as_described(tmp_path, path, result[0], doc)


people_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=200
).filter(str.strip) | st.sampled_from(
    [
        "x" * 10_000,
        "🙂🙃👩‍⚖️🏳️‍🌈 " * 50,
        "שלום, זו עבודה קשה",
        "مرحبا بالعالم \u200f",
        "a\u202ereversed",
        "\x00\x1b[31mred",
    ]
)


@fuzz(0.25)
@given(texts=st.lists(people_text, min_size=1, max_size=3))
def test_a_meeting_with_any_text_round_trips_exactly(
    tmp_path_factory: pytest.TempPathFactory, fuzz_inputs: Counter, texts
):
    fuzz_inputs["import: round trip"] += 1
    folder = tmp_path_factory.mktemp("trip")
    doc = make_export(folder / "a", texts)
    path = folder / "meeting.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with Store.open(data_dir=folder / "b") as other:
        meeting_id = import_export(other, path)
        assert export_document(other, meeting_id) == doc
    shown = [c["text"] for r in doc["rounds"] for c in r["contributions"]]
    for text in texts:
        assert text in shown


# -- the command a user runs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe{", "not valid JSON"),
        (b"[1, 2]", "does not say format"),
        (b'{"format": "intervisie-meeting", "version": 99, "id": "x"}', "format version 99"),
        (b'{"format": "intervisie-meeting", "version": 1, "id": "x", "events": []}', "no events"),
    ],
    ids=["empty", "utf16", "a-list", "newer", "no-events"],
)
def test_sessions_import_refuses_a_bad_file_with_its_name(cli, tmp_path: Path, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = cli("sessions", "import", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and expected in result.stderr


def test_sessions_import_of_a_missing_file_names_it(cli, tmp_path: Path) -> None:
    result = cli("sessions", "import", str(tmp_path / "absent.json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "absent.json" in result.stderr


def test_sessions_import_of_a_changed_export_says_what_differs(
    cli, tmp_path: Path, valid_export: dict
) -> None:
    doc = copy.deepcopy(valid_export)
    doc["cases"][0]["title"] = "Something else"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli("sessions", "import", str(path))
    assert result.returncode == 1
    assert "does not match its events (differs in: cases)" in result.stderr
    listed = cli("sessions", "list", "--json")
    assert json.loads(listed.stdout or "[]") == [], "nothing was imported"


def test_an_export_nested_too_deeply_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(
        '{"format": "intervisie-meeting", "version": 1, "id": "x", "events": ' + "[" * 100_000,
        encoding="utf-8",
    )
    with pytest.raises(ExchangeError):
        read_export(path)
