"""The register of decisions and status reports (SQLite beside the knowledge base): rebuilt
incrementally from the knowledge base's documents, keyed by each document's content hash in
the KB catalog, and queried by body, date, words and access labels."""

from __future__ import annotations

import json
import logging
import math
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.metadata import parse_date
from ingest.pipeline import BatchSummary
from ingest.store import SearchFilter
from ingest.swedish import normalize, tokenize

from .blocks import document_blocks
from .decisions import DECISION_KINDS, Decision, DocMeta, extract_decisions
from .meeting import known_body, matches_body
from .status import ActivityStatus, StatusReport, extract_report, summarize

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

log = logging.getLogger(__name__)

MINUTES_KINDS = ("protokoll", "minnesanteckningar")
STATUS_KINDS = ("lägesbedömning",)
DB_NAME = "records.sqlite"
# Bumped when extraction rules change, so every document is read again.
EXTRACTOR_VERSION = "7"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    doc_id TEXT PRIMARY KEY, hash TEXT NOT NULL, kind TEXT, access TEXT NOT NULL, title TEXT, source TEXT
);
CREATE TABLE IF NOT EXISTS decisions (
    id TEXT NOT NULL, doc_id TEXT NOT NULL, ord INTEGER NOT NULL, body TEXT, date TEXT, paragraph TEXT,
    text TEXT, kind TEXT, responsible TEXT, deadline TEXT, title TEXT, source TEXT, section TEXT, page INTEGER,
    passage TEXT, heading TEXT, matter TEXT, recipient TEXT, PRIMARY KEY (doc_id, ord)
);
CREATE INDEX IF NOT EXISTS decisions_date ON decisions(date);
CREATE TABLE IF NOT EXISTS reports (
    doc_id TEXT PRIMARY KEY, grp TEXT, period TEXT, date TEXT, source TEXT, title TEXT, activities TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

_DECISION_COLS = ("id", "body", "date", "paragraph", "text", "kind", "responsible", "deadline", "doc_id", "title",
                  "source", "section", "page", "passage", "heading", "matter", "recipient")


def recipient_of(kind: str, responsible: str, met: Iterable[str]) -> str:
    """The body an assignment goes to, a working group named in full resolved to the one of ``met``
    (the bodies that held meetings) whose name it fits (:func:`.meeting.known_body`); "" for a person."""
    return known_body(responsible, met) if kind == "uppdrag" and responsible else ""


def with_recipients(decisions: Sequence[Decision]) -> list[Decision]:
    """``decisions`` with their recipients resolved among their own bodies, as the register stores them."""
    met = {d.body for d in decisions if d.body}
    return [replace(d, recipient=recipient_of(d.kind, d.responsible, met)) for d in decisions]


def date_bound(value: str, *, end: bool = False) -> str:
    """"2025", "2025-05", "2025-05-14" or "14 maj 2025" as a comparable YYYY-MM-DD bound ("" if empty);
    ValueError names the bad value."""
    value = (value or "").strip()
    if not value:
        return ""
    if value.isdigit() and len(value) == 4:
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        return f"{value}-31" if end else f"{value}-01"
    iso = parse_date(value)
    try:
        Date.fromisoformat(iso)  # "2026-02-30" has the shape of a date but is none
    except ValueError:
        raise ValueError(f"{value!r} är inget datum; skriv ÅÅÅÅ-MM-DD") from None
    return iso


def _visible(access_json: str, access: tuple[str, ...] | None) -> bool:
    return access is None or bool(set(json.loads(access_json or "[]")) & set(access))


class RecordRegister:
    """Decisions and status reports extracted from a knowledge base's documents."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)
        self._lock = threading.Lock()
        row = self.db.execute("SELECT value FROM meta WHERE key='extractor'").fetchone()
        if row is None or row[0] != EXTRACTOR_VERSION:
            with self.db:
                self.db.execute("DELETE FROM docs")  # every document is extracted again
                self.db.execute("DROP TABLE IF EXISTS decisions")  # its columns may have changed
                self.db.executescript(_SCHEMA)
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (EXTRACTOR_VERSION,))

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> RecordRegister:
        return cls(Path(kb.config.data_dir) / DB_NAME)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> RecordRegister:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- write --------------------------------------------------------------------------------
    def sync(self, kb: KnowledgeBase) -> BatchSummary:
        """Bring the register up to date with the knowledge base: documents whose hash changed
        are read again, removed ones are dropped, the rest are left alone."""
        summary = BatchSummary()
        with self._lock:
            wanted = {d.doc_id: d for d in kb.documents() if d.kind in MINUTES_KINDS + STATUS_KINDS}
            known = dict(self.db.execute("SELECT doc_id, hash FROM docs").fetchall())
            gone = [doc_id for doc_id in known if doc_id not in wanted]
            if gone:
                with self.db:
                    for doc_id in gone:
                        self._delete(doc_id)
                summary.removed = len(gone)
            for doc_id, rec in wanted.items():
                if known.get(doc_id) == rec.hash:
                    summary.unchanged += 1
                    continue
                try:
                    blocks = document_blocks(kb, doc_id, rec.source)
                    meta = DocMeta(doc_id, rec.title, rec.source, rec.date)
                    decisions = extract_decisions(blocks, meta) if rec.kind in MINUTES_KINDS else []
                    report = (extract_report(blocks, doc_id=doc_id, title=rec.title, source=rec.source, date=rec.date)
                              if rec.kind in STATUS_KINDS else None)
                except Exception as e:  # one unreadable document must not stop the register
                    log.exception("kunde inte ta fram beslut/status ur %s", rec.source)
                    summary.failed.append({"doc_id": doc_id, "source": rec.source, "error": f"{type(e).__name__}: {e}"})
                    continue
                with self.db:
                    self._delete(doc_id)
                    self._write(rec.doc_id, rec.hash, rec.kind, rec.access, rec.title, rec.source, decisions, report)
                if doc_id in known:
                    summary.updated += 1
                else:
                    summary.added += 1
            if summary.added or summary.updated or summary.removed:
                self._resolve_recipients()
        return summary

    def _resolve_recipients(self) -> None:
        """Every assignment's recipient against the bodies the register now holds meetings of: a
        meeting added later may be the group an earlier assignment named in full."""
        met = {b for (b,) in self.db.execute("SELECT DISTINCT body FROM decisions WHERE body != ''")}
        rows = self.db.execute("SELECT doc_id, ord, kind, responsible, recipient FROM decisions").fetchall()
        changed = [(to, doc_id, n) for doc_id, n, kind, responsible, was in rows
                   if (to := recipient_of(kind, responsible, met)) != (was or "")]
        with self.db:
            self.db.executemany("UPDATE decisions SET recipient=? WHERE doc_id=? AND ord=?", changed)

    def _delete(self, doc_id: str) -> None:
        for table in ("docs", "decisions", "reports"):
            self.db.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))

    def _write(self, doc_id: str, digest: str, kind: str, access: Sequence[str], title: str, source: str,
               decisions: Sequence[Decision], report: StatusReport | None) -> None:
        self.db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                        (doc_id, digest, kind, json.dumps(sorted(access)), title, source))
        self.db.executemany(
            f"INSERT INTO decisions (ord, {', '.join(_DECISION_COLS)}) VALUES ({', '.join('?' * (len(_DECISION_COLS) + 1))})",
            [(i, *(getattr(d, c) for c in _DECISION_COLS)) for i, d in enumerate(decisions)],
        )
        if report is not None:
            acts = [{"activity": a.activity, "status": a.status, "comment": a.comment, "section": a.section,
                     "page": a.page} for a in report.activities]
            self.db.execute("INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (doc_id, report.group, report.period, report.date, report.source, report.title,
                             json.dumps(acts, ensure_ascii=False)))

    # -- read ---------------------------------------------------------------------------------
    def all_decisions(self, *, kinds: Sequence[str] = DECISION_KINDS, access: tuple[str, ...] | None = None
                      ) -> list[Decision]:
        rows = self.db.execute(
            f"SELECT {', '.join('d.' + c for c in _DECISION_COLS)}, docs.access FROM decisions d "
            "JOIN docs ON docs.doc_id = d.doc_id ORDER BY d.date DESC, d.doc_id, d.ord"
        ).fetchall()
        out = []
        for row in rows:
            if not _visible(row[-1], access):
                continue
            d = Decision(*row[:-1])
            if d.kind in kinds:
                out.append(d)
        return out

    def decisions(
        self,
        query: str = "",
        *,
        body: str = "",
        since: str = "",
        until: str = "",
        kinds: Sequence[str] = DECISION_KINDS,
        access: tuple[str, ...] | None = None,
        limit: int | None = None,
        kb: KnowledgeBase | None = None,
    ) -> list[Decision]:
        """Decisions newest first; with a query, the matching ones ranked by relevance (Swedish
        BM25 over the decision texts fused with the knowledge base's hybrid search over minutes)."""
        lo, hi = date_bound(since), date_bound(until, end=True)
        found = [d for d in self.all_decisions(kinds=kinds, access=access)
                 if matches_body(d.body, body) and (not lo or d.date >= lo) and (not hi or (d.date or "") <= hi)]
        if query.strip():
            found = rank(query, found, kb=kb, access=access, since=lo, until=hi)
        return found[:limit] if limit else found

    def reports(self, *, group: str = "", access: tuple[str, ...] | None = None) -> list[StatusReport]:
        rows = self.db.execute(
            "SELECT r.doc_id, r.grp, r.period, r.date, r.source, r.title, r.activities, docs.access "
            "FROM reports r JOIN docs ON docs.doc_id = r.doc_id ORDER BY r.grp, r.date"
        ).fetchall()
        out = []
        for doc_id, grp, period, date, source, title, acts, acc in rows:
            if not _visible(acc, access) or not matches_body(grp, group):
                continue
            activities = [ActivityStatus(a["activity"], a["status"], a["comment"], a.get("section", ""), a.get("page"))
                          for a in json.loads(acts)]
            out.append(StatusReport(doc_id, grp, period, date, source, title, activities))
        return out


# -- ranking -------------------------------------------------------------------------------------
def _bm25(query_tokens: list[str], docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> list[float]:
    n = len(docs)
    if not n:
        return []
    avg = sum(len(d) for d in docs) / n or 1.0
    df = Counter(t for d in docs for t in set(d))
    scores = []
    for d in docs:
        tf = Counter(d)
        s = 0.0
        for t in set(query_tokens):
            if tf[t]:
                idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(d) / avg))
        scores.append(s)
    return scores


def rank(query: str, decisions: list[Decision], *, kb: KnowledgeBase | None = None,
         access: tuple[str, ...] | None = None, since: str = "", until: str = "", rrf_k: int = 10,
         hits: int = 30) -> list[Decision]:
    """Decisions matching ``query``: lexical matches over text, heading and matter, plus decisions inside
    the knowledge base's best passages from minutes, fused by reciprocal rank."""
    if not decisions:
        return []
    q = tokenize(query)
    lexical = _bm25(q, [tokenize(f"{d.text} {d.section} {d.matter} {d.text}") for d in decisions])
    fused: dict[str, float] = {}
    lex_order = sorted((i for i, s in enumerate(lexical) if s > 0), key=lambda i: -lexical[i])
    for r, i in enumerate(lex_order):
        fused[decisions[i].id] = fused.get(decisions[i].id, 0.0) + 1.0 / (rrf_k + r + 1)
    if kb is not None:
        flt = SearchFilter(kinds=MINUTES_KINDS, access=access, since=since, until=until)
        by_doc: dict[str, list[tuple[int, Decision]]] = {}
        for i, d in enumerate(decisions):
            by_doc.setdefault(d.doc_id, []).append((i, d))
        for r, hit in enumerate(kb.search(query, hits, flt)):
            passage = normalize(hit.text)
            # A passage only counts when it also shares a word with the query, so the dense half
            # of the search cannot pull in unrelated decisions on its own.
            shares_word = bool(set(q) & set(tokenize(hit.text)))
            for i, d in by_doc.get(hit.doc_id, []):
                if normalize(d.text)[:80] in passage and (lexical[i] > 0 or shares_word):
                    fused[d.id] = fused.get(d.id, 0.0) + 1.0 / (rrf_k + r + 1)
    order = {d.id: d for d in decisions}
    return [order[i] for i, _ in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))]


# -- library entry points ------------------------------------------------------------------------
def find_decisions(kb: KnowledgeBase, query: str = "", *, body: str = "", since: str = "", until: str = "",
                   kinds: Sequence[str] = DECISION_KINDS, access: tuple[str, ...] | None = None,
                   limit: int | None = None) -> list[Decision]:
    """Sync the register with ``kb`` and return the decisions asked for (``access=None``: all)."""
    with RecordRegister.for_kb(kb) as reg:
        reg.sync(kb)
        return reg.decisions(query, body=body, since=since, until=until, kinds=kinds, access=access, limit=limit,
                             kb=kb if query.strip() else None)


def status_overview(kb: KnowledgeBase, *, group: str = "", access: tuple[str, ...] | None = None
                    ) -> dict[str, list[dict[str, object]]]:
    """``{"reports": [...], "summary": [...]}`` for the lägesbedömningar the reader may see."""
    with RecordRegister.for_kb(kb) as reg:
        reg.sync(kb)
        reports = reg.reports(group=group, access=access)
    reports.sort(key=lambda r: (r.group, r.date))
    return {"reports": [r.as_dict() for r in reports], "summary": summarize(reports)}


def decisions_json(decisions: Iterable[Decision]) -> dict[str, list[dict[str, object]]]:
    return {"decisions": [d.as_dict() for d in decisions]}
