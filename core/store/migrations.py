"""The store's schema, its version and the migrations between versions.

A store file says what it is in its header: `PRAGMA application_id` holds `APPLICATION_ID`
(so a file that is not ours is recognised before anything is written) and `PRAGMA
user_version` the schema version. `MIGRATIONS[n]` takes a store from version `n` to `n + 1`;
each runs in one transaction with the version bump, so a failed migration leaves the file as
it was. Every released version has a committed fixture (`tests/core/fixtures/store-v1.sqlite`)
that the tests open with the current code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x49565331
"""`IVS1` in ASCII: the number in every intervisie store's header."""

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",
    "PRAGMA foreign_keys=ON",
)
"""Set on every connection: a dying battery loses no committed event, deleted text is zeroed."""

_V1 = """
CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    members TEXT NOT NULL,          -- JSON list of {"id", "name"}
    updated TEXT NOT NULL
);
CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    group_id TEXT,
    date TEXT,                      -- ISO date of the meeting_opened event
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
    demo INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    last_seen TEXT,                 -- the facilitator's heartbeat, every 15 s
    lease_pid INTEGER,
    lease_host TEXT,
    lease_token TEXT
);
CREATE TABLE events (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    payload TEXT NOT NULL,          -- event_to_dict as JSON
    UNIQUE (meeting_id, seq)
);
CREATE INDEX meetings_by_group ON meetings (group_id, date);
"""


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


_V2 = """
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}', -- JSON: registrations (personal data), activities, ...
    updated TEXT NOT NULL
);
CREATE TABLE memberships (
    group_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX memberships_by_person ON memberships (person_id);
"""
"""People known across groups (`intervisie people`), and which group member each one is."""


def _to_v2(conn: sqlite3.Connection) -> None:
    for statement in _V2.split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_to_v1, _to_v2]
"""`MIGRATIONS[n]` migrates version n to n + 1 (inside the caller's transaction)."""

VERSION = len(MIGRATIONS)
"""The schema version this code writes."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store up to `VERSION`, one transaction per step; returns the old version."""
    old = conn.execute("PRAGMA user_version").fetchone()[0]
    for version in range(old, VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current == version:  # another process may have migrated meanwhile
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return old
