"""The store's people: persons known across groups, and which group member each one is.

Kept in the same file as the meetings (0600, `secure_delete`), since registration numbers
are personal data like case content: never logged, shown only on certificates and by
`intervisie people show`, and gone for good with `forget` (the file is vacuumed after).
A store older than schema version 2 has no people: reading it gives `People()`.
"""

from __future__ import annotations

import json
import secrets

from intervisie.core.reports.people import People, Person, person_details, person_from
from intervisie.core.store.database import Cleanup, Store


def _has_people(store: Store) -> bool:
    rows = store._read("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'people'")
    return bool(rows)


def load_people(store: Store) -> People:
    """Everyone the store knows, with their links to group members."""
    if not _has_people(store):
        return People()
    persons = {
        row[0]: person_from(row[0], row[1], json.loads(row[2]))
        for row in store._read("SELECT id, name, details FROM people ORDER BY name, id")
    }
    links = {
        (row[0], row[1]): row[2]
        for row in store._read("SELECT group_id, member_id, person_id FROM memberships")
    }
    return People(persons, links)


def new_person_id(store: Store) -> str:
    known = set(load_people(store).persons)
    while True:
        candidate = "p" + secrets.token_hex(3)
        if candidate not in known:
            return candidate


def save_person(store: Store, person: Person) -> None:
    """Add or replace a person (their name and everything recorded about them)."""
    details = json.dumps(person_details(person), ensure_ascii=False, sort_keys=True)
    with store._write() as conn:
        conn.execute(
            "INSERT INTO people (id, name, details, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, details = excluded.details, "
            "updated = excluded.updated",
            (person.id, person.name, details, store.now().isoformat()),
        )


def link(store: Store, group_id: str, member_id: str, person_id: str) -> None:
    """Say that a group's member is this person (replaces an earlier link)."""
    with store._write() as conn:
        conn.execute(
            "INSERT INTO memberships (group_id, member_id, person_id) VALUES (?, ?, ?) "
            "ON CONFLICT (group_id, member_id) DO UPDATE SET person_id = excluded.person_id",
            (group_id, member_id, person_id),
        )


def unlink(store: Store, group_id: str, member_id: str) -> bool:
    with store._write() as conn:
        cur = conn.execute(
            "DELETE FROM memberships WHERE group_id = ? AND member_id = ?", (group_id, member_id)
        )
        return cur.rowcount > 0


def forget(store: Store, person_id: str) -> Cleanup:
    """Remove a person and their links, then reclaim the space so no number remains."""
    with store._write() as conn:
        conn.execute("DELETE FROM memberships WHERE person_id = ?", (person_id,))
        count = conn.execute("DELETE FROM people WHERE id = ?", (person_id,)).rowcount
    return Cleanup(count, store._reclaim())


__all__ = ["forget", "link", "load_people", "new_person_id", "save_person", "unlink"]
