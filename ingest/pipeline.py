"""Ingest: files in, chunks with dense and sparse vectors into the store, one result per
document. Incremental (unchanged content is skipped by hash), idempotent (deterministic chunk
ids, a document's old chunks are replaced) and crash-safe (see catalog.py). Files are parsed
under a time limit (sandbox.py) and embedded outside ``lock``, which is held only while the
store and the catalog are written, so searches sharing it never wait for a parse."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .abbreviations import definitions
from .catalog import Catalog, DocRecord
from .chunking import ChunkSpec, chunk_document, context_text
from .documents import Document
from .embed import Embedder
from .errors import IngestError, StoreError
from .loaders import is_supported, loader_for
from .metadata import Overrides, apply_metadata, read_sidecar
from .sandbox import Parser
from .sparse import INDEX_VERSION, Bm25Encoder
from .store import Point, Store

if TYPE_CHECKING:
    from llama_index.core.schema import TextNode

log = logging.getLogger(__name__)

Status = Literal["added", "updated", "unchanged", "failed", "removed"]
# Documents parsed and chunked but not yet written: doc_id → (document, chunks, hash, status, where).
Batch = dict[str, tuple[Document, list["TextNode"], str, Status, str]]
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ItemResult:
    path: str
    status: Status
    doc_id: str = ""
    title: str = ""
    chunks: int = 0
    error: str = ""


@dataclass
class BatchSummary:
    """How a batch of documents went: counts per outcome and one entry per failure."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)


@dataclass
class IngestSummary(BatchSummary):
    chunks: int = 0

    def add(self, r: ItemResult) -> None:
        if r.status == "failed":
            self.failed.append({"path": r.path, "error": r.error})
            return
        setattr(self, r.status, getattr(self, r.status) + 1)
        if r.status in ("added", "updated"):
            self.chunks += r.chunks

    def as_dict(self) -> dict[str, object]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "removed": self.removed, "chunks": self.chunks, "failed": self.failed}


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | IngestError]:
    """Files named, and supported files under folders named (hidden files and sidecars skipped)."""
    for path in paths:
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.endswith(".meta.toml"):
                        continue
                    found = True
                    yield Path(root) / name
            if not found:  # a named folder that gives nothing must not pass in silence
                yield IngestError(str(path), "är en mapp utan filer att läsa in")
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield IngestError(str(path), "finns inte; kontrollera sökvägen")


class Ingestor:
    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        embedder: Embedder,
        *,
        bm25: Bm25Encoder | None = None,
        chunk_spec: ChunkSpec = ChunkSpec(),
        batch_chunks: int = 256,
        max_bytes: int = DEFAULT_MAX_BYTES,
        groups: Sequence[str] | None = None,
        parser: Parser | None = None,
        lock: contextlib.AbstractContextManager[object] | None = None,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.embedder = embedder
        self.bm25 = bm25 or Bm25Encoder()
        self.chunk_spec = chunk_spec
        self.batch_chunks = batch_chunks
        self.max_bytes = max_bytes
        self.groups = groups  # the valid access groups (None: any well-formed name)
        self.parse = parser or Parser()
        self.lock = lock or threading.RLock()  # held only while the store and catalog are written

    # -- recovery -----------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Drop what a killed run left half-written; those documents are ingested again."""
        with self.lock:
            pending = self.catalog.pending()
            if pending:
                log.warning("%d dokument från en avbruten körning skrivs om", len(pending))
                self.store.delete_docs(pending)
                self.store.flush()
                self.catalog.delete(pending)
        return pending

    # -- ingest -------------------------------------------------------------------------------
    def ingest_paths(self, paths: Iterable[Path], overrides: Overrides = Overrides(), *,
                     replace: bool = False) -> Iterator[ItemResult]:
        """``replace``: a document id already taken by another existing file (a sidecar's doc_id)
        replaces that document instead of failing."""
        self.recover()
        batch: Batch = {}  # per call: two users' uploads may run side by side
        for item in expand_paths(paths):
            if isinstance(item, IngestError):
                yield ItemResult(item.path, "failed", error=item.reason)
                continue
            yield from self._ingest_file(item, overrides, batch, replace)
        yield from self._flush(batch)
        # Once a run's writes are in, the store builds its indexes (HNSW graph, int8 copies of the
        # vectors): without them a search scans every passage (evals/README.md, "Scale"). Below the
        # store's indexing threshold this is immediate.
        self.store.optimize()

    def ingest_documents(self, docs: Iterable[Document]) -> Iterator[ItemResult]:
        """Documents made elsewhere (a scanner's items) go through the same path as files."""
        self.recover()
        batch: Batch = {}
        for doc in docs:
            yield from self._add(doc, doc.source, batch, replace=True)
        yield from self._flush(batch)
        self.store.optimize()

    def _ingest_file(self, path: Path, overrides: Overrides, batch: Batch, replace: bool) -> Iterator[ItemResult]:
        where = str(path)
        try:
            if path.is_dir():
                raise IngestError(where, "är en mapp, inte en fil")
            if path.is_symlink() and not path.exists():
                raise IngestError(where, "är en länk till en fil som inte finns; kontrollera länken")
            if not is_supported(path):
                loader_for(path)  # raises with the list of supported types
            size = path.stat().st_size
            if size > self.max_bytes:
                raise IngestError(
                    where, f"filen är för stor ({size / 1e6:.0f} MB > {self.max_bytes / 1e6:.0f} MB); "
                    "dela upp den eller höj MSV_MAX_FILE_MB")
            if size == 0:
                raise IngestError(where, "filen är tom")
            sidecar = read_sidecar(path)
            for doc in self.parse(path):
                if isinstance(doc, IngestError):
                    yield ItemResult(doc.path, "failed", error=doc.reason)
                    continue
                try:
                    doc = apply_metadata(doc, path, sidecar, overrides, self.groups)
                except IngestError as e:
                    yield ItemResult(e.path, "failed", error=e.reason)
                    continue
                yield from self._add(doc, where, batch, replace)
        except IngestError as e:
            yield ItemResult(e.path, "failed", error=e.reason)
        except StoreError:
            raise
        except PermissionError as e:
            yield ItemResult(where, "failed", error="kan inte läsas: behörighet saknas")
            log.debug("permission", exc_info=e)
        except OSError as e:
            yield ItemResult(where, "failed", error=f"kan inte läsas ({e.strerror or e})")
        except Exception as e:  # a loader library's own failure: this file fails, the batch goes on
            log.exception("oväntat fel vid inläsning av %s", where)
            yield ItemResult(where, "failed", error=f"kunde inte tolkas ({type(e).__name__}: {e})")

    def _add(self, doc: Document, where: str, batch: Batch, replace: bool) -> Iterator[ItemResult]:
        digest = doc.content_hash(f"{INDEX_VERSION}/{self.chunk_spec.max_chars}")
        with self.lock:
            old = self.catalog.get(doc.doc_id)
        other = _other_owner(doc.doc_id, where, old, batch)
        if other and not replace:
            yield ItemResult(where, "failed", doc.doc_id, error=(
                f"doc_id {doc.doc_id!r} används redan av {other}; ge filerna olika doc_id (i .meta.toml) "
                "eller kör med --replace om den här ska ersätta den"))
            return
        if old is not None and old.status == "ok" and old.hash == digest:
            yield ItemResult(where, "unchanged", doc.doc_id, doc.title, old.chunks)
            return
        nodes = chunk_document(doc, self.chunk_spec)
        if not nodes:
            yield ItemResult(where, "failed", doc.doc_id, error="ingen text att indexera")
            return
        status: Status = "added" if old is None and doc.doc_id not in batch else "updated"
        batch[doc.doc_id] = (doc, nodes, digest, status, where)
        if sum(len(b[1]) for b in batch.values()) >= self.batch_chunks:
            yield from self._flush(batch)

    def _flush(self, pending: Batch) -> Iterator[ItemResult]:
        if not pending:
            return
        batch = dict(pending)
        pending.clear()
        nodes = [n for _, ns, _, _, _ in batch.values() for n in ns]
        texts = [context_text(n) for n in nodes]
        dense = self.embedder.embed(texts)
        points = [
            Point(n.node_id, dense[i], self.bm25.encode_document(texts[i]), {**n.metadata, "text": n.text})
            for i, n in enumerate(nodes)
        ]
        with self.lock:  # one store write: the only time searches sharing the lock wait
            self.catalog.mark_pending((d.doc_id, d.source, h, _origin(w)) for d, _, h, _, w in batch.values())
            self.store.delete_docs(list(batch))
            self.store.upsert(points)
            self.store.flush()
            self.catalog.mark_ok(
                DocRecord(d.doc_id, d.source, h, d.title, d.kind, d.agency, d.date, list(d.access), len(ns), "ok",
                          _origin(w))
                for d, ns, h, _, w in batch.values()
            )
            # the short forms each document defines ("Statens servicecenter (SSC)"), for the answer gates
            self.catalog.set_abbreviations({d.doc_id: list(definitions(d.text)) for d, _, _, _, _ in batch.values()})
        for d, ns, _, status, where in batch.values():
            yield ItemResult(where, status, d.doc_id, d.title, len(ns))

    # -- remove -------------------------------------------------------------------------------
    def remove(self, target: str) -> list[DocRecord]:
        """Remove a document by id, or every document from a file or folder path."""
        rec = self.catalog.get(target)
        if rec is not None:
            found = [rec]
        else:
            path = Path(target)
            source = str(path.resolve()) if not target.startswith(("http://", "https://")) else target
            found = self.catalog.by_source(source, prefix=path.is_dir() or target.endswith("/"))
        return self._delete(found)

    def prune(self, folders: Iterable[Path]) -> list[DocRecord]:
        """Deletes propagate: documents whose file under these folders no longer exists go."""
        gone: list[DocRecord] = []
        for folder in folders:
            if folder.is_dir():
                for rec in self.catalog.by_source(str(folder.resolve()), prefix=True):
                    # A JSONL record's origin is its file; its source may be a URL or "file:LINE".
                    file = Path(rec.origin or re.sub(r":\d+$", "", rec.source))
                    if file.is_absolute() and not file.exists():
                        gone.append(rec)
        return self._delete(gone)

    def _delete(self, records: list[DocRecord]) -> list[DocRecord]:
        """Chunks first, then the catalog rows: a crash in between leaves rows that the next
        ingest rewrites, never chunks without a row."""
        if records:
            ids = [r.doc_id for r in records]
            with self.lock:
                self.store.delete_docs(ids)
                self.store.flush()
                self.catalog.delete(ids)
        return records


ProgressFn = Callable[[ItemResult], None]


def _other_owner(doc_id: str, where: str, old: DocRecord | None, batch: Batch) -> str:
    """Another file that already holds ``doc_id`` (in the store, and still there, or earlier in
    this batch), or "": two files naming the same id must not silently replace each other. A
    file that has moved (its old path is gone) is the same document; one file's own records are too."""
    here = _origin(where)
    pending = batch.get(doc_id)
    if pending is not None and _origin(pending[4]) != here:
        return pending[4]
    if old is not None and old.origin and old.origin != here and "://" not in old.origin and Path(old.origin).exists():
        return old.origin
    return ""


def _origin(where: str) -> str:
    """Where a document came from: the absolute file path, or a URL as it is."""
    return where if "://" in where else str(Path(where).resolve())
