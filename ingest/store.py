"""The Qdrant store: dense and sparse vectors per chunk, payload filters on kind, agency, date
and access. Two backends behind one interface:

* ``EdgeStore`` (default): Qdrant Edge, the Qdrant engine inside this process, on disk.
  Measured here (evals/bench_store.py): bulk inserts and filtered queries in milliseconds.
* ``ServerStore`` (server_store.py): qdrant-client against a Qdrant server or cluster by URL
  (or its local mode by path, which speaks the same API and stands in for a server in tests).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from filelock import FileLock, Timeout

from .errors import StoreError, StoreLockedError
from .private import make_private_dir
from .sparse import SparseVec

log = logging.getLogger(__name__)

DENSE, SPARSE = "dense", "sparse"
KEYWORD_FIELDS = ("doc_id", "kind", "agency", "access")
MAX_SEGMENT_KB = 192 * 1024  # about 130k passages of float vectors; Qdrant's default here is 400 MB (200 MB a core)


@dataclass(frozen=True)
class SearchFilter:
    """Restrictions on a search; ``access=None`` means no access restriction (administration)."""

    kinds: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    access: tuple[str, ...] | None = None
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Point:
    id: str
    dense: np.ndarray
    sparse: SparseVec
    payload: dict[str, Any]

    def vectors(self, sparse_vector: Any) -> dict[str, Any]:
        """The named vectors in a backend's own types (``sparse_vector``: its SparseVector class)."""
        return {DENSE: self.dense.tolist(), SPARSE: sparse_vector(indices=self.sparse.indices, values=self.sparse.values)}

    @property
    def stored_payload(self) -> dict[str, Any]:
        return _payload_with_filters(self.payload)


@dataclass
class Scored:
    id: str
    score: float
    payload: dict[str, Any] = field(default_factory=dict)
    sparse: float = 0.0  # from a hybrid search: the BM25 score of the sparse channel (0 outside its top)
    vector: np.ndarray | None = None  # from a hybrid search asked for vectors: the stored dense vector


@dataclass
class Channel:
    """One channel's ranked (id, score) list, queried ahead of the fusion (the sparse channel needs
    no query embedding, so it can run while the query is embedded), with the records already read
    for some of its ids: id → (payload, stored dense vector when ``vectors``)."""

    hits: list[tuple[str, float]]
    records: dict[str, tuple[dict[str, Any], np.ndarray | None]] = field(default_factory=dict)
    vectors: bool = False


def rrf(lists: Sequence[Sequence[tuple[str, float]]], weights: Sequence[float], k: int, *,
        edge: bool = True) -> list[tuple[str, float]]:
    """Weighted reciprocal-rank fusion of ranked (id, score) lists, best first, ties by id.
    ``edge``: Qdrant Edge's formula, 1 / (k − 1 + rank / weight) with rank from 1, in its float32
    arithmetic (checked against its native fusion in tests); else weight / (k + rank)."""
    fused: dict[str, Any] = {}
    one, k1 = np.float32(1), np.float32(k - 1)
    for w, hits in zip(weights, lists):
        for rank, (pid, _) in enumerate(hits, 1):
            part = one / (k1 + np.float32(rank) / np.float32(w)) if edge else w / (k + rank)
            fused[pid] = fused.get(pid, np.float32(0) if edge else 0.0) + part
    return sorted(((pid, float(s)) for pid, s in fused.items()), key=lambda t: (-t[1], t[0]))


def date_num(date: str, *, end: bool = False) -> int | None:
    """"2024-05-14" → 20240514; "2024-05" → 20240501 (or 20240531 as an upper bound)."""
    parts = [p for p in date.strip().split("-") if p]
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        d = int(parts[2]) if len(parts) > 2 else (31 if end else 1)
    except (ValueError, IndexError):
        return None
    return y * 10000 + m * 100 + d


class Store(Protocol):
    def upsert(self, points: Sequence[Point]) -> None: ...
    def delete_docs(self, doc_ids: Sequence[str]) -> None: ...
    def hybrid(
        self, dense: np.ndarray, sparse: SparseVec, flt: SearchFilter, limit: int, *,
        prefetch: int, weights: tuple[float, float], rrf_k: int, vectors: bool = False,
        sparse_hits: Channel | None = None, dense_ids: Sequence[str] | None = None,
    ) -> list[Scored]: ...
    def sparse_channel(self, sparse: SparseVec, flt: SearchFilter, prefetch: int, *, fetch: int = 0,
                       vectors: bool = False) -> Channel: ...
    def dense_only(self, dense: np.ndarray, flt: SearchFilter, limit: int) -> list[Scored]: ...
    def sparse_only(self, sparse: SparseVec, flt: SearchFilter | None, limit: int) -> list[Scored]: ...
    def retrieve(self, ids: Sequence[str]) -> list[Scored]: ...
    def dense_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]: ...
    def count(self, flt: SearchFilter | None = None) -> int: ...
    def facet(self, key: str, flt: SearchFilter | None = None) -> dict[str, int]: ...
    def payloads(self, flt: SearchFilter) -> Iterator[dict[str, Any]]: ...
    def flush(self) -> None: ...
    def optimize(self) -> bool: ...
    def close(self) -> None: ...


class FolderLock:
    """One process owns a store folder; a second one gets a clear message, not a traceback."""

    def __init__(self, folder: Path, name: str = ".lock") -> None:
        make_private_dir(folder)
        self.path = folder / name
        self._lock = FileLock(str(self.path), timeout=0, mode=0o600)
        try:
            self._lock.acquire()
        except Timeout as e:
            raise StoreLockedError(
                f"kunskapsbasen i {folder} används redan av en annan process (till exempel msv serve); "
                "stäng den, eller använd en annan --data-dir"
            ) from e
        (folder / f"{name}.pid").write_text(str(os.getpid()))

    def release(self) -> None:
        self._lock.release()


def _payload_with_filters(payload: dict[str, Any]) -> dict[str, Any]:
    out = dict(payload)
    num = date_num(str(payload.get("date") or ""))
    if num is not None:
        out["date_num"] = num
    return out


def _build_filter(flt: SearchFilter | None, api: Any, range_cls: Any) -> Any:
    """A Qdrant filter from a SearchFilter; ``api`` is qdrant_edge or qdrant_client.models, which
    share the names Filter, FieldCondition and MatchAny (the range class differs)."""
    if flt is None:
        return None
    must: list[Any] = []
    for key, values in (("kind", flt.kinds), ("agency", flt.agencies), ("doc_id", flt.doc_ids)):
        if values:
            must.append(api.FieldCondition(key=key, match=api.MatchAny(any=list(values))))
    if flt.access is not None:
        # No groups means nothing is visible: match a value no document carries.
        must.append(api.FieldCondition(key="access", match=api.MatchAny(any=list(flt.access) or ["\x00"])))
    lo = date_num(flt.since) if flt.since else None
    hi = date_num(flt.until, end=True) if flt.until else None
    if lo is not None or hi is not None:
        must.append(api.FieldCondition(key="date_num", range=range_cls(gte=lo, lte=hi)))
    return api.Filter(must=must) if must else None


def _edge_config(qe: Any, dim: int) -> Any:
    """A new shard's layout, chosen by evals/bench_store.py at 200k and 500k passages: searches
    run on int8 copies of the dense vectors held in RAM (a quarter of the float size), the float
    originals (for rescoring) and the sparse index are memory-mapped files the kernel may page
    out, and the HNSW graph is built with a smaller candidate list (ef_construct 64, m 16). Segments
    stop growing at MAX_SEGMENT_KB, so an index build never rewrites more than that: it bounds
    the memory a build holds beside the segments it replaces (the peak at 500k passages); the cap
    is large enough that builds of 50k passages merge in pairs (fewer segments: each filtered
    channel query visits every segment, and one of 100k answered in half the time of two of 50k).
    Payloads stay cold: cached, they cost 0.5 GB resident at 500k for 0.5 ms a search (evals/README.md).
    No access-aware graph (``is_tenant`` index on access, ``payload_m``): Qdrant adds payload links
    only for groups under about a fifth of a segment, and access groups are larger; with ``m`` 0
    (per-group graphs alone) searches over several groups or none lose recall (evals/README.md)."""
    int8 = qe.ScalarQuantizationConfig(type=qe.ScalarType.Int8, quantile=0.99, memory=qe.Memory.Pinned)
    return qe.EdgeConfig(
        vectors={DENSE: qe.EdgeVectorParams(size=dim, distance=qe.Distance.Cosine, memory=qe.Memory.Cold,
                                            quantization_config=int8)},
        sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf, memory=qe.Memory.Cached)},
        hnsw_config=qe.HnswIndexConfig(m=16, ef_construct=64, full_scan_threshold=10_000),
        optimizers=qe.EdgeOptimizersConfig(max_segment_size=MAX_SEGMENT_KB),
    )


class EdgeStore:
    """Qdrant Edge in-process shard on disk. One shard object serves every thread of the process
    (the app's handlers, a background indexing, the scheduled scan): each call into it holds
    ``_guard``, so a search never runs inside a write of another thread."""

    def __init__(self, folder: Path, dim: int) -> None:
        import qdrant_edge as qe

        self.qe = qe
        self._guard = threading.RLock()
        self.folder = folder
        self._lock = FolderLock(folder)
        shard_dir = folder / "shard"
        try:
            if (shard_dir / "edge_config.json").exists() or any(shard_dir.glob("segments*")):
                self.shard = qe.EdgeShard.load(str(shard_dir))
            else:
                config = _edge_config(qe, dim)
                self.shard = qe.EdgeShard.create(str(shard_dir), config)
                for key in KEYWORD_FIELDS:
                    self.shard.update(qe.UpdateOperation.create_field_index(key, qe.PayloadSchemaType.Keyword))
                self.shard.update(
                    qe.UpdateOperation.create_field_index("date_num", qe.PayloadSchemaType.Integer)
                )
        except Exception as e:
            self._lock.release()
            if isinstance(e, StoreError):
                raise
            raise StoreError(f"kunde inte öppna Qdrant Edge-lagret i {shard_dir}: {e}") from e

    def _filter(self, flt: SearchFilter | None):  # noqa: ANN202
        return _build_filter(flt, self.qe, self.qe.RangeFloat)

    def upsert(self, points: Sequence[Point]) -> None:
        qe = self.qe
        batch = [qe.Point(p.id, p.vectors(qe.SparseVector), p.stored_payload) for p in points]
        for i in range(0, len(batch), 512):
            with self._guard:
                self.shard.update(qe.UpdateOperation.upsert_points(batch[i : i + 512]))

    def delete_docs(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            flt = self._filter(SearchFilter(doc_ids=tuple(doc_ids)))
            with self._guard:
                self.shard.update(self.qe.UpdateOperation.delete_points_by_filter(flt))

    def hybrid(self, dense, sparse, flt, limit, *, prefetch, weights, rrf_k, vectors=False,  # noqa: ANN001
               sparse_hits=None, dense_ids=None):  # noqa: ANN001
        """Each channel's top ``prefetch`` (ids and scores only), fused here rather than by
        Qdrant so the sparse channel's BM25 scores come along; then one fetch of the fused top's
        payloads (and dense vectors, with ``vectors``). ``sparse_hits``: the sparse channel as
        ``sparse_channel`` gave it earlier (its records read ahead are not read again);
        ``dense_ids``: the dense channel ranks these points only (scored as its query scores them)."""
        qe = self.qe
        f = self._filter(flt)
        only = None if dense_ids is None else qe.Filter(must=[qe.HasIdCondition(point_ids=set(dense_ids))])
        with self._guard:
            lists = [self._ids(qe.Query.Nearest(dense.tolist(), using=DENSE), f if only is None else only, prefetch)]
            ahead = sparse_hits if sparse_hits is not None else self._sparse(sparse, f, prefetch, 0, vectors)
            if ahead.hits:
                lists.append(ahead.hits)
            top = rrf(lists, weights, rrf_k)[:limit]
            found = dict(ahead.records) if ahead.vectors == vectors else {}
            found.update(self._records([pid for pid, _ in top if pid not in found], vectors))
        bm25, out = dict(ahead.hits), []
        for pid, score in top:
            if (rec := found.get(pid)) is not None:
                out.append(Scored(pid, score, dict(rec[0]), bm25.get(pid, 0.0), rec[1]))
        return out

    def sparse_channel(self, sparse: SparseVec, flt: SearchFilter, prefetch: int, *, fetch: int = 0,
                       vectors: bool = False) -> Channel:
        """The sparse channel alone, for ``hybrid``'s ``sparse_hits``, with its top ``fetch``
        records read ahead (most of the fused top: the dense channel weighs little in the fusion)."""
        with self._guard:
            return self._sparse(sparse, self._filter(flt), prefetch, fetch, vectors)

    def _sparse(self, sparse: SparseVec, f: Any, prefetch: int, fetch: int, vectors: bool) -> Channel:
        if not sparse.indices:
            return Channel([], {}, vectors)
        qe = self.qe
        hits = self._ids(qe.Query.Nearest(qe.SparseVector(indices=sparse.indices, values=sparse.values),
                                          using=SPARSE), f, prefetch)
        return Channel(hits, self._records([pid for pid, _ in hits[:fetch]], vectors), vectors)

    def _ids(self, query: Any, f: Any, limit: int) -> list[tuple[str, float]]:
        req = self.qe.QueryRequest(limit=limit, query=query, filter=f, with_payload=False)
        return [(str(p.id), p.score) for p in self.shard.query(req)]

    def _records(self, ids: list[str], vectors: bool) -> dict[str, tuple[dict[str, Any], np.ndarray | None]]:
        if not ids:
            return {}
        recs = self.shard.retrieve(ids, with_payload=True, with_vector=[DENSE] if vectors else False)
        out = {}
        for r in recs:  # a record converts its payload and vector anew on every access: each is read once
            payload, vec = r.payload or {}, r.vector if vectors else None
            out[str(r.id)] = (payload, np.asarray(vec[DENSE], dtype=np.float32) if vec and DENSE in vec else None)
        return out

    def dense_only(self, dense, flt, limit):  # noqa: ANN001
        qe = self.qe
        req = qe.QueryRequest(
            limit=limit, query=qe.Query.Nearest(dense.tolist(), using=DENSE), filter=self._filter(flt), with_payload=True
        )
        return [Scored(str(p.id), p.score, dict(p.payload or {})) for p in self._query(req)]

    def sparse_only(self, sparse: SparseVec, flt: SearchFilter | None, limit: int) -> list[Scored]:
        qe = self.qe
        if not sparse.indices:
            return []
        sv = qe.SparseVector(indices=sparse.indices, values=sparse.values)
        req = qe.QueryRequest(
            limit=limit, query=qe.Query.Nearest(sv, using=SPARSE), filter=self._filter(flt), with_payload=True
        )
        return [Scored(str(p.id), p.score, dict(p.payload or {})) for p in self._query(req)]

    def _query(self, req: Any) -> list[Any]:
        with self._guard:
            return list(self.shard.query(req))

    def retrieve(self, ids: Sequence[str]) -> list[Scored]:
        if not ids:
            return []
        with self._guard:
            found = self.shard.retrieve(list(ids), with_payload=True, with_vector=False)
        return [Scored(str(r.id), 0.0, dict(r.payload or {})) for r in found]

    def dense_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored dense vectors of these points (for the second ranking stage)."""
        if not ids:
            return {}
        with self._guard:
            recs = self.shard.retrieve(list(ids), with_payload=False, with_vector=[DENSE])
        return {str(r.id): np.asarray(r.vector[DENSE], dtype=np.float32) for r in recs if r.vector and DENSE in r.vector}

    def count(self, flt: SearchFilter | None = None) -> int:
        with self._guard:
            return int(self.shard.count(self.qe.CountRequest(exact=True, filter=self._filter(flt))))

    def facet(self, key: str, flt: SearchFilter | None = None) -> dict[str, int]:
        with self._guard:
            resp = self.shard.facet(self.qe.FacetRequest(key=key, limit=10_000, exact=True,
                                                         filter=self._filter(flt)))
        return {str(h.value): int(h.count) for h in resp.hits}

    def payloads(self, flt: SearchFilter) -> Iterator[dict[str, Any]]:
        offset = None
        while True:
            with self._guard:
                records, offset = self.shard.scroll(
                    self.qe.ScrollRequest(offset=offset, limit=1000, filter=self._filter(flt), with_payload=True)
                )
            for r in records:
                yield dict(r.payload or {})
            if offset is None:
                break

    def flush(self) -> None:
        with self._guard:
            self.shard.flush()

    def optimize(self) -> bool:
        """Merge segments and build their indexes (HNSW, sparse, payload); blocks until done.
        True when anything changed."""
        with self._guard:
            return bool(self.shard.optimize())

    def close(self) -> None:
        try:
            with self._guard:
                self.shard.flush()
                self.shard.close()
        finally:
            self._lock.release()
