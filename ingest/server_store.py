"""The store on a Qdrant server or cluster by URL, through qdrant-client (or its local mode by
path, which speaks the same API and stands in for a server in tests): the same interface as the
embedded ``store.EdgeStore``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import StoreError
from .sparse import SparseVec
from .store import DENSE, KEYWORD_FIELDS, SPARSE, Channel, FolderLock, Point, Scored, SearchFilter, _build_filter, rrf


class ServerStore:
    """qdrant-client against a server URL, or its local mode at a path (same API)."""

    def __init__(self, *, url: str | None = None, path: Path | None = None, collection: str = "msv", dim: int = 384,
                 api_key: str | None = None) -> None:
        from qdrant_client import QdrantClient, models

        self.m = models
        self.collection = collection
        # Not ".lock": qdrant-client's local mode takes that one itself.
        self._lock = FolderLock(path, ".msv.lock") if path is not None else None
        try:
            self.client = QdrantClient(url=url, api_key=api_key, timeout=30) if url else QdrantClient(path=str(path))
            if not self.client.collection_exists(collection):
                self.client.create_collection(
                    collection,
                    vectors_config={DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE)},
                    sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
                )
                for key in KEYWORD_FIELDS:
                    self.client.create_payload_index(collection, key, models.PayloadSchemaType.KEYWORD)
                self.client.create_payload_index(collection, "date_num", models.PayloadSchemaType.INTEGER)
        except Exception as e:
            if self._lock:
                self._lock.release()
            raise StoreError(f"kunde inte ansluta till Qdrant ({url or path}): {e}") from e

    def _filter(self, flt: SearchFilter | None):  # noqa: ANN202
        return _build_filter(flt, self.m, self.m.Range)

    def upsert(self, points: Sequence[Point]) -> None:
        m = self.m
        batch = [m.PointStruct(id=p.id, vector=p.vectors(m.SparseVector), payload=p.stored_payload) for p in points]
        if batch:
            self.client.upsert(self.collection, batch, wait=True)

    def delete_docs(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            flt = self._filter(SearchFilter(doc_ids=tuple(doc_ids)))
            self.client.delete(self.collection, points_selector=self.m.FilterSelector(filter=flt), wait=True)

    def _query(self, vec: Any, using: str, flt: SearchFilter | None, limit: int, *, only: Any = None) -> list[Scored]:
        """One channel's top ``limit``; ``only``: a Qdrant filter used instead of ``flt``."""
        query_filter = self._filter(flt) if only is None else only
        res = self.client.query_points(
            self.collection, query=vec, using=using, query_filter=query_filter, limit=limit, with_payload=True
        )
        return [Scored(str(p.id), p.score, dict(p.payload or {})) for p in res.points]

    def hybrid(self, dense, sparse, flt, limit, *, prefetch, weights, rrf_k, vectors=False,  # noqa: ANN001
               sparse_hits=None, dense_ids=None):  # noqa: ANN001
        # Weighted reciprocal-rank fusion (weight / (k + rank)), as this backend always fused.
        # ``dense_ids``: the dense channel ranks these points only.
        ahead = sparse_hits if sparse_hits is not None else self.sparse_channel(sparse, flt, prefetch)
        only = None if dense_ids is None else self.m.Filter(must=[self.m.HasIdCondition(has_id=list(dense_ids))])
        dense_hits = self._query(dense.tolist(), DENSE, flt, prefetch, only=only)
        payloads = {h.id: h.payload for h in dense_hits} | {pid: rec[0] for pid, rec in ahead.records.items()}
        lists = [[(h.id, h.score) for h in dense_hits]] + ([ahead.hits] if ahead.hits else [])
        top = rrf(lists, weights, rrf_k, edge=False)[:limit]
        vecs = self.dense_vectors([pid for pid, _ in top]) if vectors else {}
        bm25 = dict(ahead.hits)
        return [Scored(pid, score, payloads[pid], bm25.get(pid, 0.0), vecs.get(pid)) for pid, score in top]

    def sparse_channel(self, sparse: SparseVec, flt: SearchFilter, prefetch: int, *, fetch: int = 0,
                       vectors: bool = False) -> Channel:
        """The sparse channel alone, its payloads with it (vectors are read after the fusion)."""
        if not sparse.indices:
            return Channel([])
        hits = self._query(self.m.SparseVector(indices=sparse.indices, values=sparse.values), SPARSE, flt, prefetch)
        return Channel([(h.id, h.score) for h in hits], {h.id: (h.payload, None) for h in hits})

    def dense_only(self, dense, flt, limit):  # noqa: ANN001
        return self._query(dense.tolist(), DENSE, flt, limit)

    def sparse_only(self, sparse: SparseVec, flt: SearchFilter | None, limit: int) -> list[Scored]:
        if not sparse.indices:
            return []
        return self._query(self.m.SparseVector(indices=sparse.indices, values=sparse.values), SPARSE, flt, limit)

    def retrieve(self, ids: Sequence[str]) -> list[Scored]:
        if not ids:
            return []
        return [Scored(str(r.id), 0.0, dict(r.payload or {}))
                for r in self.client.retrieve(self.collection, ids=list(ids), with_payload=True)]

    def dense_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        recs = self.client.retrieve(self.collection, ids=list(ids), with_payload=False, with_vectors=[DENSE])
        out: dict[str, np.ndarray] = {}
        for r in recs:
            vec = r.vector.get(DENSE) if isinstance(r.vector, dict) else None
            if vec is not None:
                out[str(r.id)] = np.asarray(vec, dtype=np.float32)
        return out

    def count(self, flt: SearchFilter | None = None) -> int:
        return int(self.client.count(self.collection, count_filter=self._filter(flt), exact=True).count)

    def facet(self, key: str, flt: SearchFilter | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.payloads(flt or SearchFilter()):
            vals = p.get(key)
            for v in vals if isinstance(vals, list) else [vals]:
                if v is not None:
                    counts[str(v)] = counts.get(str(v), 0) + 1
        return counts

    def payloads(self, flt: SearchFilter) -> Iterator[dict[str, Any]]:
        offset = None
        while True:
            records, offset = self.client.scroll(
                self.collection, scroll_filter=self._filter(flt), limit=1000, offset=offset, with_payload=True
            )
            for r in records:
                yield dict(r.payload or {})
            if offset is None:
                break

    def flush(self) -> None:
        """Writes are acknowledged with wait=True; nothing is pending."""

    def optimize(self) -> bool:
        """A server builds its indexes in the background."""
        return False

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._lock:
                self._lock.release()
