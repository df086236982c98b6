"""SQLite store of the scanner: items with every version of their content, clusters, and links
from amendments to what they amend (source state, runs and marks: ``scanners.ledger``)."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from scanners import cluster
from scanners.amendments import DocInfo, anslag_numbers, classify
from scanners.errors import ScanError
from scanners.fetch import Validators
from scanners.items import Entry, canonical_url
from scanners.ledger import Ledger, SourceHealth
from scanners.lexical import Tokenizer, story_words
from scanners.schema import iso, migrate, now_utc, parse_dt

log = logging.getLogger(__name__)

__all__ = ["ScanStore", "SourceHealth", "StoredItem", "Version", "now_utc"]


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
    version: int = 1
    changed_at: datetime | None = None
    keywords: list[str] = field(default_factory=list)
    doc_kind: str | None = None
    subject: str | None = None
    year: int | None = None
    amends_key: str | None = None
    amends: int | None = None  # id of the item this one amends
    urls: list[str] = field(default_factory=list)  # where each source carried it


@dataclass
class Version:
    """One stored version of an item's content."""

    item_id: int
    version: int
    title: str
    text: str
    url: str
    seen_at: datetime


class ScanStore(Ledger):
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
            migrate(self._db)
        except (sqlite3.Error, OSError) as e:
            raise ScanError(f"{self.path}: cannot open scan database: {e}") from e

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ScanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- items --------------------------------------------------------------------------------

    def knows(self, canonical: str) -> bool:
        return self._x("SELECT 1 FROM items WHERE canonical_url=?",
                       (canonical,)).fetchone() is not None

    def add_entry(self, source_id: str, agency: str | None, entry: Entry,
                  when: datetime | None = None) -> tuple[str, int]:
        """Store `entry`; returns ("new"|"updated"|"duplicate", item id).

        Same canonical URL or same content hash is the same item (a new source is linked to
        it). When the content under a known URL has changed, the new content becomes the item's
        next version and the old one stays in ``item_versions``: nothing stored is lost. A new
        item joins the cluster of the most similar recent story, if any.
        """
        at = when or now_utc()
        seen = iso(at)
        canonical, digest = entry.canonical_url, entry.content_hash
        info = classify(entry.title, entry.keywords, entry.published)
        with self._lock, self._db:
            row = self._x("SELECT id, canonical_url, content_hash, version, text FROM items "
                          "WHERE canonical_url=?", (canonical,)).fetchone()
            if row is None:
                row = self._x("SELECT id, canonical_url, content_hash, version, text FROM items "
                              "WHERE content_hash=? LIMIT 1", (digest,)).fetchone()
            if row is not None:
                item_id = int(row["id"])
                status = "duplicate"
                # An entry without text (a bare feed title) never replaces a stored text.
                if row["content_hash"] != digest and (entry.text or not row["text"]):
                    self._new_version(item_id, int(row["version"]) + 1, entry, digest, info, seen)
                    status = "updated"
                if row["canonical_url"] == canonical and entry.fetched:
                    self._checked(item_id, entry.validators, seen)
                self._link(item_id, source_id, entry.url, seen)
                return status, item_id
            sig = cluster.signature(entry.title, entry.text, self.tokenize)
            cluster_id = self._find_cluster(sig, at)
            # Steering documents are templated (two agencies' letters read alike, and so do two
            # amendments of one letter): one joins a story only when it is the same document.
            if cluster_id is not None and info.key and self._x(
                    "SELECT 1 FROM items WHERE cluster_id=? AND doc_key=?",
                    (cluster_id, info.key)).fetchone() is None:
                cluster_id = None
            if cluster_id is None:
                cluster_id = self._x("INSERT INTO clusters(title, first_seen) VALUES (?,?)",
                                     (entry.title, seen)).lastrowid
            validators = entry.validators or Validators()
            item_id = int(self._x(
                "INSERT INTO items(canonical_url, url, title, text, content_hash, published, "
                "first_seen, updated_at, source_id, agency, cluster_id, signature, keywords, "
                "doc_kind, doc_key, subject, year, amends_key, fetched, etag, last_modified, "
                "checked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (canonical, entry.url, entry.title, entry.text, digest, iso(entry.published),
                 seen, seen, source_id, agency, cluster_id, sig.dumps(),
                 json.dumps(entry.keywords, ensure_ascii=False), info.kind, info.key,
                 info.subject, info.year, info.amends_key, int(entry.fetched),
                 validators.etag, validators.last_modified,
                 seen if entry.fetched else None)).lastrowid or 0)
            self._x("INSERT INTO item_versions VALUES (?,?,?,?,?,?,?)",
                    (item_id, 1, entry.title, entry.text, digest, entry.url, seen))
            self._link(item_id, source_id, entry.url, seen)
            self._link_amendments(item_id, info, entry.title)
            self._cluster_index().add(int(cluster_id or 0), at.timestamp(), sig)
            return "new", item_id

    def _new_version(self, item_id: int, version: int, entry: Entry, digest: str,
                     info: DocInfo, seen: str | None) -> None:
        sig = cluster.signature(entry.title, entry.text, self.tokenize)
        self._x("INSERT INTO item_versions VALUES (?,?,?,?,?,?,?)",
                (item_id, version, entry.title, entry.text, digest, entry.url, seen))
        # A changed item is scored again and offered to the knowledge base again.
        self._x("UPDATE items SET title=?, text=?, content_hash=?, updated_at=?, changed_at=?, "
                "version=?, signature=?, score=NULL, ingested=0, "
                "doc_kind=COALESCE(?, doc_kind), doc_key=COALESCE(?, doc_key), "
                "amends_key=COALESCE(?, amends_key) WHERE id=?",
                (entry.title, entry.text, digest, seen, seen, version, sig.dumps(), info.kind,
                 info.key, info.amends_key, item_id))
        if info.kind:
            self._link_amendments(item_id, info, entry.title)

    def _checked(self, item_id: int, validators: Validators | None, seen: str | None) -> None:
        v = validators or Validators()
        self._x("UPDATE items SET fetched=1, checked_at=?, etag=?, last_modified=? WHERE id=?",
                (seen, v.etag, v.last_modified, item_id))

    def _link(self, item_id: int, source_id: str, url: str, seen: str | None) -> None:
        self._x("INSERT OR IGNORE INTO item_sources(item_id, source_id, url, seen_at) "
                "VALUES (?,?,?,?)", (item_id, source_id, url, seen))

    # -- amendments ---------------------------------------------------------------------------

    def _link_amendments(self, item_id: int, info: DocInfo, title: str) -> None:
        """Tie an amendment to the document it amends, whichever of the two arrives first."""
        if info.amends_key:
            target = self._document(info.amends_key, title, exclude=item_id)
            if target is not None:
                self._x("UPDATE items SET amends=? WHERE id=?", (target, item_id))
        if info.key:
            numbers = anslag_numbers(title)
            for r in self._x("SELECT id, title FROM items WHERE amends_key=? AND amends IS NULL "
                             "AND id<>?", (info.key, item_id)).fetchall():
                theirs = anslag_numbers(r["title"])
                if not numbers or not theirs or numbers & theirs:
                    self._x("UPDATE items SET amends=? WHERE id=?", (item_id, r["id"]))

    def _document(self, key: str, title: str, exclude: int) -> int | None:
        rows = self._x("SELECT id, title FROM items WHERE doc_key=? AND id<>? ORDER BY id DESC",
                       (key, exclude)).fetchall()
        if not rows:
            return None
        numbers = anslag_numbers(title)
        # Two anslagsbrev of one department and year: the one naming the same appropriation.
        best = next((r for r in rows if numbers & anslag_numbers(r["title"])), rows[0])
        return int(best["id"])

    # -- re-checks ----------------------------------------------------------------------------

    def due_for_recheck(self, source_id: str, older_than: datetime,
                        limit: int) -> list[tuple[str, Validators]]:
        """Article pages of `source_id` not fetched since `older_than`, oldest first."""
        if limit <= 0:
            return []
        rows = self._x("SELECT url, etag, last_modified FROM items WHERE source_id=? AND "
                       "fetched=1 AND COALESCE(checked_at, first_seen) <= ? "
                       "ORDER BY COALESCE(checked_at, first_seen), id LIMIT ?",
                       (source_id, iso(older_than), limit)).fetchall()
        return [(r["url"], Validators(r["etag"], r["last_modified"])) for r in rows]

    def mark_checked(self, urls: list[str], when: datetime | None = None) -> None:
        """Articles fetched again (changed or answered 304) wait a whole interval again."""
        with self._lock, self._db:
            self._db.executemany("UPDATE items SET checked_at=? WHERE canonical_url=?",
                                 [(iso(when or now_utc()), canonical_url(u)) for u in urls])

    # -- reading ------------------------------------------------------------------------------

    def _cluster_index(self) -> cluster.ClusterIndex:
        if self._index is None:
            self._index = cluster.ClusterIndex()
            since = iso(now_utc() - 2 * self.cluster_window)
            for r in self._x("SELECT cluster_id, signature, first_seen FROM items "
                             "WHERE first_seen >= ? ORDER BY id", (since,)):
                self._index.add(r["cluster_id"], parse_dt(r["first_seen"]).timestamp(),  # type: ignore[union-attr]
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
              ids: list[int] | None = None, changed: bool = False) -> list[StoredItem]:
        """Items first seen at or after `since` (all when None) — with `changed`, also those
        whose content changed since then — with their sources."""
        sql, args = "SELECT * FROM items WHERE 1=1", []
        if since is not None:
            sql += " AND (first_seen >= ?" + (" OR changed_at >= ?)" if changed else ")")
            args += [iso(since)] * (2 if changed else 1)
        if unscored:
            sql += " AND score IS NULL"
        if ids is not None:
            sql += f" AND id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        rows = self._x(sql + " ORDER BY id", tuple(args)).fetchall()
        links: dict[int, list[tuple[str, str]]] = {}
        for r in self._x("SELECT item_id, source_id, url FROM item_sources ORDER BY seen_at"):
            links.setdefault(r["item_id"], []).append((r["source_id"], r["url"]))
        return [self._stored(r, links.get(r["id"], [(r["source_id"], r["url"])])) for r in rows]

    @staticmethod
    def _stored(r: sqlite3.Row, links: list[tuple[str, str]]) -> StoredItem:
        return StoredItem(
            id=r["id"], url=r["url"], canonical_url=r["canonical_url"], title=r["title"],
            text=r["text"], source_id=r["source_id"], agency=r["agency"],
            published=parse_dt(r["published"]), first_seen=parse_dt(r["first_seen"]) or now_utc(),
            cluster_id=r["cluster_id"], score=r["score"],
            topics=json.loads(r["topics"]) if r["topics"] else [],
            reason=json.loads(r["reason"]) if r["reason"] else {}, sources=[s for s, _ in links],
            version=r["version"], changed_at=parse_dt(r["changed_at"]),
            keywords=json.loads(r["keywords"]) if r["keywords"] else [],
            doc_kind=r["doc_kind"], subject=r["subject"], year=r["year"],
            amends_key=r["amends_key"], amends=r["amends"], urls=[u for _, u in links])

    def item(self, item_id: int) -> StoredItem:
        found = self.items(ids=[item_id])
        if not found:
            raise ScanError(f"no scanned item with id {item_id}; see msv digest --json")
        return found[0]

    def versions(self, item_id: int) -> list[Version]:
        """Every stored version of an item, oldest first."""
        rows = self._x("SELECT * FROM item_versions WHERE item_id=? ORDER BY version",
                       (item_id,)).fetchall()
        return [Version(r["item_id"], r["version"], r["title"], r["text"], r["url"],
                        parse_dt(r["seen_at"]) or now_utc()) for r in rows]

    def source_names(self) -> dict[str, str]:
        return {r["id"]: r["name"] or r["id"] for r in self._x("SELECT id, name FROM sources")}
