"""Moving a meeting between machines: the export file and its import.

The file is the meeting document (as `sessions show --json`) plus `format`, `version` and the
meeting's `events`. The events are the truth: import replays them and checks that they give
the same document, so a file edited by hand or cut short is refused with a message instead of
becoming a different meeting.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intervisie.core.i18n import _
from intervisie.core.meeting.engine import replay
from intervisie.core.meeting.events import (
    Event,
    EventError,
    MeetingOpened,
    event_from_dict,
)
from intervisie.core.settings import write_private
from intervisie.core.store.database import Store
from intervisie.core.store.document import meeting_document

FORMAT = "intervisie-meeting"
VERSION = 1


class ExchangeError(ValueError):
    """An export file that cannot be imported; the message names the file and the problem."""


def export_document(store: Store, meeting_id: str) -> dict[str, Any]:
    """The meeting document with `format`, `version` and its `events` (in stored order)."""
    rows = store.event_rows(meeting_id)
    state = replay(store.decode(meeting_id, rows))
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    doc.update(meeting_document(meeting_id, state))
    doc["demo"] = doc["demo"] or store.meeting(meeting_id).demo
    doc["events"] = [d for _seq, d in rows]
    return doc


def write_export(doc: dict[str, Any], path: Path, *, force: bool = False) -> Path:
    """Write the export (0600); an existing file raises FileExistsError unless `force`."""
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return write_private(path, text, overwrite=force)


def read_export(path: Path) -> tuple[str, bool, list[Event]]:
    """The meeting id, demo flag and events of an export file, checked by replaying them."""

    def bad(reason: str) -> ExchangeError:
        return ExchangeError(
            _("{path} is not a meeting export intervisie can import: {reason}").format(
                path=path, reason=reason
            )
        )

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ExchangeError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad(_("not valid JSON ({error})").format(error=exc)) from None
    except RecursionError:
        raise bad(_("it is nested too deeply")) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise bad(_("it does not say format {format!r}").format(format=FORMAT))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise bad(_("it has no format version"))
    if version > VERSION:
        raise bad(
            _("it has format version {found}; this intervisie reads up to {known}").format(
                found=version, known=VERSION
            )
        )
    meeting_id = doc.get("id")
    if not isinstance(meeting_id, str) or not meeting_id or len(meeting_id) > 100:
        raise bad(_("it has no meeting id"))
    raw = doc.get("events")
    if not isinstance(raw, list) or not raw:
        raise bad(_("it has no events"))
    events = []
    for number, item in enumerate(raw, start=1):
        try:
            events.append(event_from_dict(item))
        except EventError as exc:
            raise bad(_("event {n}: {error}").format(n=number, error=exc)) from None
    if not isinstance(events[0], MeetingOpened):
        raise bad(_("its first event is not meeting_opened"))
    try:  # events that parse one by one may still not make a meeting together
        state = replay(events)
        expected = meeting_document(meeting_id, state)
    except Exception as exc:
        raise bad(_("its events do not replay ({error})").format(error=exc)) from None
    demo = bool(doc.get("demo"))
    expected["demo"] = expected["demo"] or demo
    given = {k: v for k, v in doc.items() if k not in ("format", "version", "events")}
    changed = _mismatched(given, _roundtrip(expected))
    if changed:
        raise bad(
            _("its meeting document does not match its events (differs in: {keys})").format(
                keys=", ".join(changed)
            )
        )
    return meeting_id, demo, events


def _mismatched(given: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The document's top-level keys whose values its events do not give.

    A key the document lacks is no mismatch when the events give it an empty value: an
    export written by an earlier intervisie has none of the keys the meeting document
    gained since (`agreement`), and an old meeting's events leave those empty.
    """
    return sorted(
        key
        for key in set(given) | set(expected)
        if not _agrees(given.get(key, _ABSENT), expected.get(key, _ABSENT))
    )


_ABSENT = object()


def _empty(value: Any) -> bool:
    """What a key's value is for a meeting that never used it: absent in older exports."""
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def _agrees(given: Any, expected: Any) -> bool:
    if given is _ABSENT:
        return _empty(expected)
    if isinstance(given, dict) and isinstance(expected, dict):
        return all(
            _agrees(given.get(key, _ABSENT), expected.get(key, _ABSENT))
            for key in set(given) | set(expected)
        )
    if isinstance(given, list) and isinstance(expected, list):
        return len(given) == len(expected) and all(
            _agrees(a, b) for a, b in zip(given, expected, strict=True)
        )
    return bool(given == expected)


def _roundtrip(doc: dict[str, Any]) -> Any:
    return json.loads(json.dumps(doc, ensure_ascii=False))
