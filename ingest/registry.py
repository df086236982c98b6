"""The document registry (SQLite): which documents the store holds, their content hashes and
whether their chunks were fully written. It makes ingest incremental and crash-safe: a document
is marked ``ok`` only after its chunks are flushed, so a run killed half-way redoes exactly the
unfinished documents."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT, kind TEXT, agency TEXT, date TEXT, access TEXT,
    chunks INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class DocRecord:
    doc_id: str
    source: str
    hash: str
    title: str
    kind: str
    agency: str
    date: str
    access: list[str]
    chunks: int
    status: str


class Registry:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)

    def check_model(self, model: str, dim: int) -> None:
        """The store's vectors came from one model; refuse to mix in another."""
        row = self.db.execute("SELECT value FROM meta WHERE key='embed_model'").fetchone()
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO meta VALUES ('embed_model', ?)", (json.dumps([model, dim]),))
            return
        old_model, old_dim = json.loads(row[0])
        if old_dim != dim or old_model != model:
            raise StoreError(
                f"kunskapsbasen byggdes med modellen {old_model} ({old_dim} dim), inte {model} ({dim} dim); "
                "indexera om i en ny --data-dir eller byt tillbaka MSV_EMBED_MODEL"
            )

    @staticmethod
    def _record(row: tuple) -> DocRecord:  # type: ignore[type-arg]
        return DocRecord(row[0], row[1], row[2], row[3] or "", row[4] or "", row[5] or "", row[6] or "",
                         json.loads(row[7] or "[]"), row[8], row[9])

    _COLS = "doc_id, source, hash, title, kind, agency, date, access, chunks, status"

    def get(self, doc_id: str) -> DocRecord | None:
        row = self.db.execute(f"SELECT {self._COLS} FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return self._record(row) if row else None

    def by_source(self, source: str, *, prefix: bool = False) -> list[DocRecord]:
        if prefix:
            pattern = source.rstrip("/").replace("%", r"\%").replace("_", r"\_") + "/%"
            rows = self.db.execute(
                f"SELECT {self._COLS} FROM documents WHERE source=? OR source LIKE ? ESCAPE '\\'", (source, pattern)
            ).fetchall()
        else:
            rows = self.db.execute(f"SELECT {self._COLS} FROM documents WHERE source=?", (source,)).fetchall()
        return [self._record(r) for r in rows]

    def all(self) -> Iterator[DocRecord]:
        for row in self.db.execute(f"SELECT {self._COLS} FROM documents ORDER BY date DESC, title"):
            yield self._record(row)

    def pending(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE status != 'ok'")]

    def mark_pending(self, docs: Iterable[tuple[str, str, str]]) -> None:
        """Record (doc_id, source, hash) as being written, before any chunk reaches the store."""
        with self.db:
            self.db.executemany(
                "INSERT INTO documents (doc_id, source, hash, status, updated) VALUES (?, ?, ?, 'pending', ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET status='pending', updated=excluded.updated",
                [(d, s, h, time.time()) for d, s, h in docs],
            )

    def mark_ok(self, records: Iterable[DocRecord]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?)",
                [(r.doc_id, r.source, r.hash, r.title, r.kind, r.agency, r.date, json.dumps(r.access),
                  r.chunks, time.time()) for r in records],
            )

    def delete(self, doc_ids: Iterable[str]) -> None:
        with self.db:
            self.db.executemany("DELETE FROM documents WHERE doc_id=?", [(d,) for d in doc_ids])

    def count(self) -> tuple[int, int]:
        docs, chunks = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(chunks), 0) FROM documents WHERE status='ok'"
        ).fetchone()
        return int(docs), int(chunks)

    def close(self) -> None:
        self.db.close()
