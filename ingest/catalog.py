"""The document catalog (SQLite): which documents the store holds, their content hashes and
whether their chunks were fully written. It makes ingest incremental and crash-safe: a document
is marked ``ok`` only after its chunks are flushed, so a run killed half-way redoes exactly the
unfinished documents."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError
from .private import make_private_dir, make_private_file

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT, kind TEXT, agency TEXT, date TEXT, access TEXT,
    chunks INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    updated REAL NOT NULL,
    origin TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS abbreviations (doc_id TEXT NOT NULL, short TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS abbreviations_doc ON abbreviations(doc_id);
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
    origin: str = ""  # the file (or URL) the document was read from; a JSONL file holds many


class Catalog:
    def __init__(self, path: Path) -> None:
        self.changes = 0  # counts writes to the abbreviations, so a table derived from them knows when it is stale
        make_private_dir(path.parent)
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        make_private_file(path)  # SQLite gives its journal files the database's permissions
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)
        cols = {row[1] for row in self.db.execute("PRAGMA table_info(documents)")}
        if "origin" not in cols:  # data folders made before files were tracked by origin
            self.db.execute("ALTER TABLE documents ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
        self.db.execute("CREATE INDEX IF NOT EXISTS documents_origin ON documents(origin)")

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

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @staticmethod
    def _record(row: tuple) -> DocRecord:  # type: ignore[type-arg]
        return DocRecord(row[0], row[1], row[2], row[3] or "", row[4] or "", row[5] or "", row[6] or "",
                         json.loads(row[7] or "[]"), row[8], row[9], row[10] or "")

    _COLS = "doc_id, source, hash, title, kind, agency, date, access, chunks, status, origin"

    def get(self, doc_id: str) -> DocRecord | None:
        row = self.db.execute(f"SELECT {self._COLS} FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return self._record(row) if row else None

    def by_source(self, source: str, *, prefix: bool = False) -> list[DocRecord]:
        if prefix:
            pattern = source.rstrip("/").replace("%", r"\%").replace("_", r"\_") + "/%"
            rows = self.db.execute(
                f"SELECT {self._COLS} FROM documents WHERE source=? OR origin=? OR source LIKE ? ESCAPE '\\' "
                "OR origin LIKE ? ESCAPE '\\'", (source, source, pattern, pattern)
            ).fetchall()
        else:
            rows = self.db.execute(
                f"SELECT {self._COLS} FROM documents WHERE source=? OR origin=?", (source, source)).fetchall()
        return [self._record(r) for r in rows]

    def all(self) -> Iterator[DocRecord]:
        for row in self.db.execute(f"SELECT {self._COLS} FROM documents ORDER BY date DESC, title"):
            yield self._record(row)

    def pending(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE status != 'ok'")]

    def mark_pending(self, docs: Iterable[tuple[str, str, str, str]]) -> None:
        """Record (doc_id, source, hash, origin) as being written, before any chunk reaches the store."""
        with self.db:
            self.db.executemany(
                "INSERT INTO documents (doc_id, source, hash, status, updated, origin) VALUES (?, ?, ?, 'pending', ?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET status='pending', updated=excluded.updated",
                [(d, s, h, time.time(), o) for d, s, h, o in docs],
            )

    def mark_ok(self, records: Iterable[DocRecord]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO documents (doc_id, source, hash, title, kind, agency, date, access, chunks, "
                "status, updated, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)",
                [(r.doc_id, r.source, r.hash, r.title, r.kind, r.agency, r.date, json.dumps(r.access),
                  r.chunks, time.time(), r.origin) for r in records],
            )

    def delete(self, doc_ids: Iterable[str]) -> None:
        ids = [(d,) for d in doc_ids]
        with self.db:
            self.db.executemany("DELETE FROM documents WHERE doc_id=?", ids)
            self.db.executemany("DELETE FROM abbreviations WHERE doc_id=?", ids)
        self.changes += 1

    def set_abbreviations(self, per_doc: Mapping[str, Iterable[tuple[str, str]]]) -> None:
        """Each document's (short form, name) definitions, replacing what it defined before."""
        with self.db:
            self.db.executemany("DELETE FROM abbreviations WHERE doc_id=?", [(d,) for d in per_doc])
            self.db.executemany("INSERT INTO abbreviations VALUES (?, ?, ?)",
                                [(d, short, name) for d, pairs in per_doc.items() for short, name in dict.fromkeys(pairs)])
        self.changes += 1

    def abbreviations_version(self) -> tuple[int, int]:
        """Changes when the abbreviations may have changed: this catalog's writes, and any other
        process's commit to the same file (an ``msv ingest`` beside a running app)."""
        return self.changes, self.db.execute("PRAGMA data_version").fetchone()[0]

    def abbreviations(self) -> dict[str, list[str]]:
        """Short form → its names over the documents, the name most documents write first (a name
        counted in lower case, written with its capitals where one document has them); at most three."""
        table: dict[str, list[str]] = {}
        for short, name in self.db.execute(
                "SELECT short, MIN(name) FROM abbreviations GROUP BY short, lower(name) "
                "ORDER BY short, COUNT(DISTINCT doc_id) DESC, lower(name)"):
            names = table.setdefault(short, [])
            if len(names) < 3:
                names.append(name)
        return table

    def count(self) -> tuple[int, int]:
        docs, chunks = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(chunks), 0) FROM documents WHERE status='ok'"
        ).fetchone()
        return int(docs), int(chunks)

    def close(self) -> None:
        self.db.close()
