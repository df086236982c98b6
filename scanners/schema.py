"""The scanner database's tables, and the additions an older database gets when it is opened:
columns are only ever added, so a database written by an earlier version keeps everything."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY, name TEXT, kind TEXT, url TEXT,
    etag TEXT, last_modified TEXT, content_hash TEXT,
    last_status TEXT, last_success TEXT, last_error TEXT, last_error_at TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS clusters (id INTEGER PRIMARY KEY, title TEXT, first_seen TEXT);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY, canonical_url TEXT UNIQUE NOT NULL, url TEXT NOT NULL,
    title TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL,
    published TEXT, first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
    source_id TEXT NOT NULL, agency TEXT, cluster_id INTEGER REFERENCES clusters(id),
    signature TEXT, score REAL, topics TEXT, reason TEXT, ingested INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS items_hash ON items(content_hash);
CREATE INDEX IF NOT EXISTS items_seen ON items(first_seen);
CREATE INDEX IF NOT EXISTS items_cluster ON items(cluster_id);
CREATE TABLE IF NOT EXISTS item_sources (
    item_id INTEGER NOT NULL REFERENCES items(id), source_id TEXT NOT NULL,
    url TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (item_id, source_id)
);
CREATE TABLE IF NOT EXISTS item_versions (
    item_id INTEGER NOT NULL REFERENCES items(id), version INTEGER NOT NULL,
    title TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, url TEXT NOT NULL,
    seen_at TEXT NOT NULL, PRIMARY KEY (item_id, version)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
    ok INTEGER, unchanged INTEGER, errors INTEGER, new_items INTEGER
);
CREATE TABLE IF NOT EXISTS run_results (
    run_id INTEGER NOT NULL REFERENCES runs(id), source_id TEXT NOT NULL, status TEXT NOT NULL,
    new_items INTEGER NOT NULL, error TEXT, seconds REAL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),
    relevant INTEGER NOT NULL, user TEXT, note TEXT, at TEXT NOT NULL
);
"""

# Columns added after the first release: (table, column, declaration).
ADDED_COLUMNS = [
    ("sources", "retry_after", "TEXT"),  # a server's Retry-After, as a UTC instant
    ("items", "version", "INTEGER NOT NULL DEFAULT 1"),
    ("items", "changed_at", "TEXT"),  # when the content last changed (NULL: never)
    ("items", "keywords", "TEXT"),  # JSON list: media:keywords and categories
    ("items", "doc_kind", "TEXT"),  # regleringsbrev, anslagsbrev, ändringsbeslut, …
    ("items", "doc_key", "TEXT"),  # what an amendment names to find this document
    ("items", "subject", "TEXT"),  # the agency or department a letter is for
    ("items", "year", "INTEGER"),
    ("items", "amends_key", "TEXT"),  # an amendment: the doc_key of what it amends
    ("items", "amends", "INTEGER"),  # … and that item, once it is known
    ("items", "fetched", "INTEGER NOT NULL DEFAULT 0"),  # text from the article page itself
    ("items", "etag", "TEXT"),
    ("items", "last_modified", "TEXT"),
    ("items", "checked_at", "TEXT"),  # last (conditional) fetch of the article page
    ("runs", "trigger", "TEXT"),  # manual or schedule
    ("runs", "slot", "TEXT"),  # the scheduled time a scheduled run stands for
    ("run_results", "warnings", "TEXT"),  # JSON list
    ("run_results", "changed_items", "INTEGER NOT NULL DEFAULT 0"),
]

INDEXES = """
CREATE INDEX IF NOT EXISTS items_changed ON items(changed_at);
CREATE INDEX IF NOT EXISTS items_doc_key ON items(doc_key);
CREATE INDEX IF NOT EXISTS items_amends_key ON items(amends_key);
CREATE INDEX IF NOT EXISTS runs_slot ON runs(slot);
"""


def migrate(db: sqlite3.Connection) -> None:
    """Create the tables, add the columns an older file lacks, and give every item that has no
    stored version its current text as version 1 (so its history starts where we stand)."""
    db.executescript(SCHEMA)
    for table, column, decl in ADDED_COLUMNS:
        have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            try:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
            except sqlite3.OperationalError as e:  # another process added it a moment ago
                if "duplicate column" not in str(e):
                    raise
    db.executescript(INDEXES)
    with db:
        db.execute("INSERT OR IGNORE INTO item_versions(item_id, version, title, text, content_hash, url, "
                   "seen_at) SELECT id, version, title, text, content_hash, url, updated_at "
                   "FROM items WHERE NOT EXISTS (SELECT 1 FROM item_versions v "
                   "WHERE v.item_id = items.id)")


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
