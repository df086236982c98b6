"""SQLite store of the scanner: items, clusters, source state, runs and feedback marks."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from scanners import cluster
from scanners.errors import ScanError
from scanners.fetch import Validators
from scanners.items import Entry
from scanners.lexical import Tokenizer, story_words

log = logging.getLogger(__name__)

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


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass
class StoredItem:
    """An item as kept in the store, with every source that carried it."""

    id: int
    url: str
    canonical_url: str
    title: str
    text: str
    source_id: str
    agency: str | None
    published: datetime | None
    first_seen: datetime
    cluster_id: int
    score: float | None = None
    topics: list[str] = field(default_factory=list)
    reason: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


@dataclass
class SourceHealth:
    id: str
    name: str
    last_status: str | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int


class ScanStore:
    """One SQLite file; a ScanStore object may be shared by threads (calls are serialised)."""

    def __init__(self, path: str | Path, tokenize: Tokenizer = story_words,
                 cluster_threshold: float = cluster.DEFAULT_THRESHOLD,
                 cluster_window_days: int = 14) -> None:
        self.path = Path(path)
        self.tokenize = tokenize
        self.cluster_threshold = cluster_threshold
        self.cluster_window = timedelta(days=cluster_window_days)
        self._lock = threading.RLock()
        self._index: cluster.ClusterIndex | None = None  # built on first use
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as e:
            raise ScanError(f"{self.path}: cannot open scan database: {e}") from e

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ScanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _x(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, args)

    # -- source state -------------------------------------------------------------------------

    def source_state(self, source_id: str) -> tuple[Validators, str | None]:
        row = self._x("SELECT etag, last_modified, content_hash FROM sources WHERE id=?",
                      (source_id,)).fetchone()
        if row is None:
            return Validators(), None
        return Validators(row["etag"], row["last_modified"]), row["content_hash"]

    def _ensure_source(self, source_id: str, name: str, kind: str, url: str) -> None:
        self._x("INSERT INTO sources(id, name, kind, url) VALUES (?,?,?,?) ON CONFLICT(id) DO "
                "UPDATE SET name=excluded.name, kind=excluded.kind, url=excluded.url, "
                "etag=CASE WHEN sources.url=excluded.url THEN sources.etag END, "
                "last_modified=CASE WHEN sources.url=excluded.url THEN sources.last_modified END,"
                " content_hash=CASE WHEN sources.url=excluded.url THEN sources.content_hash END",
                (source_id, name, kind, url))

    def record_success(self, source_id: str, name: str, kind: str, url: str, status: str,
                       validators: Validators, content_hash: str | None,
                       when: datetime | None = None) -> None:
        with self._lock, self._db:
            self._ensure_source(source_id, name, kind, url)
            self._x("UPDATE sources SET etag=?, last_modified=?, content_hash=?, last_status=?, "
                    "last_success=?, consecutive_failures=0 WHERE id=?",
                    (validators.etag, validators.last_modified, content_hash, status,
                     _iso(when or now_utc()), source_id))

    def record_failure(self, source_id: str, name: str, kind: str, url: str, error: str,
                       when: datetime | None = None) -> None:
        with self._lock, self._db:
            self._ensure_source(source_id, name, kind, url)
            self._x("UPDATE sources SET last_status='error', last_error=?, last_error_at=?, "
                    "consecutive_failures=consecutive_failures+1 WHERE id=?",
                    (error, _iso(when or now_utc()), source_id))

    def source_health(self) -> list[SourceHealth]:
        rows = self._x("SELECT * FROM sources ORDER BY id").fetchall()
        return [SourceHealth(r["id"], r["name"], r["last_status"], _dt(r["last_success"]),
                             r["last_error"], _dt(r["last_error_at"]),
                             r["consecutive_failures"]) for r in rows]

    # -- items --------------------------------------------------------------------------------

    def knows(self, canonical: str) -> bool:
        return self._x("SELECT 1 FROM items WHERE canonical_url=?",
                       (canonical,)).fetchone() is not None

    def add_entry(self, source_id: str, agency: str | None, entry: Entry,
                  when: datetime | None = None) -> tuple[str, int]:
        """Store `entry`; returns ("new"|"updated"|"duplicate", item id).

        Same canonical URL or same content hash is the same item (a new source is linked to
        it); otherwise the item joins the cluster of the most similar recent story, if any.
        """
        seen = _iso(when or now_utc())
        canonical, digest = entry.canonical_url, entry.content_hash
        with self._lock, self._db:
            row = self._x("SELECT id, content_hash FROM items WHERE canonical_url=?",
                          (canonical,)).fetchone()
            if row is None:
                row = self._x("SELECT id, content_hash FROM items WHERE content_hash=? LIMIT 1",
                              (digest,)).fetchone()
            if row is not None:
                status = "duplicate"
                if row["content_hash"] != digest and entry.text:
                    sig = cluster.signature(entry.title, entry.text, self.tokenize)
                    self._x("UPDATE items SET title=?, text=?, content_hash=?, updated_at=?, "
                            "signature=?, score=NULL WHERE id=?",
                            (entry.title, entry.text, digest, seen, sig.dumps(), row["id"]))
                    status = "updated"
                self._link(row["id"], source_id, entry.url, seen)
                return status, int(row["id"])
            sig = cluster.signature(entry.title, entry.text, self.tokenize)
            cluster_id = self._find_cluster(sig, when or now_utc())
            if cluster_id is None:
                cluster_id = self._x("INSERT INTO clusters(title, first_seen) VALUES (?,?)",
                                     (entry.title, seen)).lastrowid
            item_id = self._x(
                "INSERT INTO items(canonical_url, url, title, text, content_hash, published, "
                "first_seen, updated_at, source_id, agency, cluster_id, signature) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (canonical, entry.url, entry.title, entry.text, digest, _iso(entry.published),
                 seen, seen, source_id, agency, cluster_id, sig.dumps())).lastrowid
            self._link(int(item_id or 0), source_id, entry.url, seen)
            self._cluster_index().add(int(cluster_id or 0), (when or now_utc()).timestamp(), sig)
            return "new", int(item_id or 0)

    def _link(self, item_id: int, source_id: str, url: str, seen: str | None) -> None:
        self._x("INSERT OR IGNORE INTO item_sources(item_id, source_id, url, seen_at) "
                "VALUES (?,?,?,?)", (item_id, source_id, url, seen))

    def _cluster_index(self) -> cluster.ClusterIndex:
        if self._index is None:
            self._index = cluster.ClusterIndex()
            since = _iso(now_utc() - 2 * self.cluster_window)
            for r in self._x("SELECT cluster_id, signature, first_seen FROM items "
                             "WHERE first_seen >= ? ORDER BY id", (since,)):
                self._index.add(r["cluster_id"], _dt(r["first_seen"]).timestamp(),  # type: ignore[union-attr]
                                cluster.StorySignature.loads(r["signature"]))
        return self._index

    def _find_cluster(self, sig: cluster.StorySignature, when: datetime) -> int | None:
        return self._cluster_index().best_match(sig, when.timestamp(),
                                                self.cluster_window.total_seconds(),
                                                self.cluster_threshold)

    def set_score(self, item_id: int, score: float, topics: list[str],
                  reason: dict[str, Any]) -> None:
        with self._lock, self._db:
            self._x("UPDATE items SET score=?, topics=?, reason=? WHERE id=?",
                    (score, json.dumps(topics), json.dumps(reason, ensure_ascii=False),
                     item_id))

    def mark_ingested(self, item_ids: list[int]) -> None:
        with self._lock, self._db:
            self._db.executemany("UPDATE items SET ingested=1 WHERE id=?",
                                 [(i,) for i in item_ids])

    def items(self, since: datetime | None = None, unscored: bool = False,
              ids: list[int] | None = None) -> list[StoredItem]:
        """Items first seen at or after `since` (all when None), with their sources."""
        sql, args = "SELECT * FROM items WHERE 1=1", []
        if since is not None:
            sql += " AND first_seen >= ?"
            args.append(_iso(since))
        if unscored:
            sql += " AND score IS NULL"
        if ids is not None:
            sql += f" AND id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        rows = self._x(sql + " ORDER BY id", tuple(args)).fetchall()
        links: dict[int, list[str]] = {}
        for r in self._x("SELECT item_id, source_id FROM item_sources ORDER BY seen_at"):
            links.setdefault(r["item_id"], []).append(r["source_id"])
        return [StoredItem(
            id=r["id"], url=r["url"], canonical_url=r["canonical_url"], title=r["title"],
            text=r["text"], source_id=r["source_id"], agency=r["agency"],
            published=_dt(r["published"]), first_seen=_dt(r["first_seen"]) or now_utc(),
            cluster_id=r["cluster_id"], score=r["score"],
            topics=json.loads(r["topics"]) if r["topics"] else [],
            reason=json.loads(r["reason"]) if r["reason"] else {},
            sources=links.get(r["id"], [r["source_id"]]),
        ) for r in rows]

    def source_names(self) -> dict[str, str]:
        return {r["id"]: r["name"] or r["id"] for r in self._x("SELECT id, name FROM sources")}

    # -- runs and feedback --------------------------------------------------------------------

    def start_run(self, when: datetime | None = None) -> int:
        with self._lock, self._db:
            return int(self._x("INSERT INTO runs(started_at) VALUES (?)",
                               (_iso(when or now_utc()),)).lastrowid or 0)

    def finish_run(self, run_id: int, results: list[tuple[str, str, int, str | None, float]],
                   when: datetime | None = None) -> None:
        """`results`: (source id, status, new items, error, seconds) per source."""
        counts = {s: sum(1 for r in results if r[1] == s) for s in ("ok", "unchanged", "error")}
        with self._lock, self._db:
            self._db.executemany("INSERT INTO run_results VALUES (?,?,?,?,?,?)",
                                 [(run_id, *r) for r in results])
            self._x("UPDATE runs SET finished_at=?, ok=?, unchanged=?, errors=?, new_items=? "
                    "WHERE id=?", (_iso(when or now_utc()), counts["ok"], counts["unchanged"],
                                   counts["error"], sum(r[2] for r in results), run_id))

    def last_runs(self, n: int = 10) -> list[dict[str, Any]]:
        rows = self._x("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (n,)).fetchall()
        return [dict(r) for r in rows]

    def mark(self, item_id: int, relevant: bool, user: str | None = None,
             note: str | None = None, when: datetime | None = None) -> None:
        """Record a reader's judgement of an item (latest mark wins)."""
        with self._lock, self._db:
            if self._x("SELECT 1 FROM items WHERE id=?", (item_id,)).fetchone() is None:
                raise ScanError(f"no scanned item with id {item_id}")
            self._x("INSERT INTO feedback(item_id, relevant, user, note, at) VALUES (?,?,?,?,?)",
                    (item_id, int(relevant), user, note, _iso(when or now_utc())))

    def marks(self) -> dict[int, bool]:
        rows = self._x("SELECT item_id, relevant FROM feedback ORDER BY id").fetchall()
        return {r["item_id"]: bool(r["relevant"]) for r in rows}
