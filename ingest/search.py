"""Hybrid search: dense embeddings and Swedish BM25 fused by weighted reciprocal rank in
Qdrant, with glossary expansion of the query and filters on kind, agency, dates and access; the
fused top candidates are then re-ranked by the learned second stage (rerank.py)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

import numpy as np

from .chunking import chunk_id
from .embed import Embedder
from .glossary import expand_query, is_english, load_glossary, to_swedish
from .qtype import answer_type
from .rerank import DEFAULT_AUTHORITY, SECTION_START, WINDOW_PARTS, Ranker, features, prepare
from .sparse import Bm25Encoder, SparseVec, token_index
from .store import Channel, Scored, SearchFilter, Store
from .swedish import tokenize


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    doc_id: str
    title: str
    source: str
    kind: str
    agency: str
    date: str
    section: str
    page: int | None
    text: str
    chunk_id: str = ""
    access: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["access"] = list(self.access)
        return d


@dataclass(frozen=True)
class SearchParams:
    """Fusion parameters, chosen on the development questions (see evals/README.md)."""

    dense_weight: float = 0.1
    sparse_weight: float = 1.0
    rrf_k: int = 2
    prefetch: int = 60
    expansion_weight: float = 0.3
    window: int = 1  # neighbouring chunks (same section and page) returned around each hit
    answer_type_boost: float = 0.75  # score factor for passages holding the answer type asked for (no re-ranking)
    rerank_depth: int = 20  # fused candidates the second stage re-ranks; 0 = fused order with the answer-type factor
    rank_authority: bool = True  # the authority prior of the second stage (off: the model fitted without it)
    authority: tuple[tuple[str, float], ...] = tuple(DEFAULT_AUTHORITY.items())  # prior per document kind
    # "rescore": when the sparse channel fills its prefetch, the dense channel ranks its candidates
    # only (no search of the whole store); with fewer candidates, and always with "full", the dense
    # channel searches the store (evals/README.md, 500k session 11).
    dense_search: Literal["rescore", "full"] = "rescore"


@dataclass
class _Ahead:
    """What a search read while its query was being embedded: the sparse channel with its top
    records, and the window neighbours of those (``asked``: every neighbour id read, found or not)."""

    channel: Channel
    ids: dict[str, list[str]] = field(default_factory=dict)  # hit id → its window's chunk ids
    asked: set[str] = field(default_factory=set)
    near: dict[str, dict[str, object]] = field(default_factory=dict)


def hit_from(rank: int, s: Scored) -> Hit:
    p = s.payload
    page = p.get("page")
    return Hit(
        rank=rank, score=round(float(s.score), 6), doc_id=str(p.get("doc_id", "")), title=str(p.get("title", "")),
        source=str(p.get("source", "")), kind=str(p.get("kind", "")), agency=str(p.get("agency", "")),
        date=str(p.get("date", "")), section=str(p.get("section", "")), page=int(page) if page is not None else None,
        text=str(p.get("text", "")), chunk_id=s.id, access=tuple(p.get("access") or ()),
    )


class Searcher:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        *,
        bm25: Bm25Encoder | None = None,
        params: SearchParams = SearchParams(),
        glossary: dict[str, list[str]] | None = None,
        ranker: Ranker | None = None,
        read_ahead: bool = True,
    ) -> None:
        """``read_ahead``: run the work that needs no query vector (the sparse channel, its
        records, their window neighbours, their tokens) in a thread while the query is embedded
        (results are the same; the time saved needs a free core: evals/README.md, session 9)."""
        self.store = store
        self.embedder = embedder
        self.bm25 = bm25 or Bm25Encoder()
        self.params = params
        self.glossary = load_glossary() if glossary is None else glossary
        self.ranker = ranker if ranker is not None or not params.rerank_depth else Ranker.load()
        spare = (os.cpu_count() or 1) > 1  # on one core the thread could only take turns with the model
        self._ahead = ThreadPoolExecutor(1, thread_name_prefix="msv-read-ahead") if read_ahead and spare else None

    def sparse_query(self, query: str) -> SparseVec:
        """Query terms weigh 1 (an English query's Swedish translation too: it is what the query
        means here); terms only brought in by the glossary weigh less."""
        expanded = expand_query(query, self.glossary)
        weights: Counter[int] = Counter()
        for t in tokenize(query):
            weights[token_index(t)] += 1.0
        for t in tokenize(to_swedish(query)) if is_english(query) else ():
            weights[token_index(t)] = weights[token_index(t)] or 1.0
        for t in tokenize(expanded[len(query):]):
            i = token_index(t)
            if i not in weights:
                weights[i] = self.params.expansion_weight
        idx = sorted(weights)
        return SparseVec(idx, [float(weights[i]) for i in idx])

    def search(self, query: str, k: int = 10, flt: SearchFilter = SearchFilter()) -> list[Hit]:
        query = query.strip()
        if not query:
            return []
        p = self.params
        dense, scored = self.candidates(query, k, flt)
        if self.ranker is not None and p.rerank_depth:
            x = self.features(query, dense, scored, flt)
            order = self.ranker.order(x, [s.id for s in scored], authority=p.rank_authority)
            return [hit_from(r + 1, scored[i]) for r, i in enumerate(order[:k])]
        wanted = answer_type(query) if p.answer_type_boost else None
        if wanted is not None:
            pattern = wanted[1]
            for s in scored:
                if pattern.search(str(s.payload.get("text", ""))):
                    s.score *= 1 + p.answer_type_boost
            scored.sort(key=lambda s: (-s.score, s.id))  # ties by id: the same order in every run
        return [hit_from(i + 1, s) for i, s in enumerate(scored[:k])]

    def features(self, query: str, dense: np.ndarray, scored: list[Scored], flt: SearchFilter) -> np.ndarray:
        """The second stage's features of the candidates (rerank.FEATURES): their BM25 scores and
        stored vectors come with the hybrid search (a candidate without a vector is fetched)."""
        p = self.params
        vectors = {s.id: s.vector for s in scored if s.vector is not None}
        missing = [s.id for s in scored if s.vector is None]
        if missing:
            vectors.update(self.store.dense_vectors(missing))
        return features(query, scored, dense=vectors, query_vec=dense, sparse={s.id: s.sparse for s in scored},
                        authority=dict(p.authority) if p.rank_authority else None)

    def candidates(self, query: str, k: int = 10, flt: SearchFilter = SearchFilter(), *,
                   depth: int | None = None) -> tuple[np.ndarray, list[Scored]]:
        """The query's embedding and the fused candidates (as windows) in fused order: the top
        ``depth`` (default: ``rerank_depth`` when the second stage ranks them), else enough for ``k``
        hits. With a depth, each candidate carries its BM25 score and stored vector."""
        p = self.params
        want = k * 2 + 5 if p.window else k
        if depth is None:
            depth = p.rerank_depth if self.ranker is not None else 0
        want = max(want, depth)
        sparse, prefetch = self.sparse_query(query), max(p.prefetch, want)
        ahead = None if self._ahead is None else self._ahead.submit(self._read_ahead, sparse, flt, prefetch, want,
                                                                     depth > 0)
        dense = self.embedder.embed_query(expand_query(query, self.glossary))
        early = ahead.result() if ahead is not None else None
        channel = early.channel if early is not None else None
        if p.dense_search == "rescore" and channel is None:  # no read-ahead: the sparse channel first
            channel = self.store.sparse_channel(sparse, flt, prefetch, fetch=want, vectors=depth > 0)
        # A full sparse channel stands for the store (a passage outside it reaches the fused top only
        # from the dense channel's first ranks); with fewer candidates the dense channel searches it.
        only = None
        if p.dense_search == "rescore" and channel is not None and len(channel.hits) >= prefetch:
            only = [pid for pid, _ in channel.hits]
        scored = self.store.hybrid(
            dense, sparse, flt, want, prefetch=prefetch, weights=(p.dense_weight, p.sparse_weight), rrf_k=p.rrf_k,
            vectors=depth > 0, sparse_hits=channel, dense_ids=only,
        )
        scored.sort(key=lambda s: (-s.score, s.id))  # fused scores tie; the id settles them the same way every run
        if p.window:
            scored = self._windows(scored, want, p.window, flt, early)
        return dense, scored

    def _read_ahead(self, sparse: SparseVec, flt: SearchFilter, prefetch: int, fetch: int, vectors: bool) -> _Ahead:
        """The sparse channel with its top ``fetch`` records (most of the fused top: the dense
        channel weighs little), their window neighbours, and their texts tokenised for the features."""
        channel = self.store.sparse_channel(sparse, flt, prefetch, fetch=fetch, vectors=vectors)
        out = _Ahead(channel)
        if self.params.window:
            hits = [Scored(pid, 0.0, rec[0]) for pid, rec in channel.records.items()]
            out.ids = _window_ids(hits, self.params.window)
            out.asked = {cid for cids in out.ids.values() for cid in cids}
            out.near = {pid: rec[0] for pid, rec in channel.records.items() if pid in out.asked}
            out.near.update((r.id, r.payload) for r in self.store.retrieve(sorted(out.asked - set(channel.records))))
        if vectors:  # the second stage will rank them
            prepare([rec[0] for rec in channel.records.values()] + list(out.near.values()))
        return out

    def _windows(self, scored: list[Scored], k: int, width: int, flt: SearchFilter = SearchFilter(),
                 ahead: _Ahead | None = None) -> list[Scored]:
        """Each hit with its neighbours in the same section and page (sentence-window retrieval);
        a hit already inside a better-ranked window is dropped. Neighbours are fetched by id, outside
        the filtered query, so each must belong to the hit's document and carry a label the filter
        allows (a document's chunks share its labels; this is the guard should that ever not hold).
        ``ahead``: neighbours read while the query was embedded (not read again)."""
        known = ahead.ids if ahead is not None else {}
        ids = {s.id: known[s.id] for s in scored if s.id in known}
        ids.update(_window_ids([s for s in scored if s.id not in known], width))
        wanted = {cid for cids in ids.values() for cid in cids} - {s.id for s in scored}
        near = {s.id: s.payload for s in scored if "chunk" in s.payload}
        if ahead is not None:
            near.update((cid, ahead.near[cid]) for cid in wanted if cid in ahead.near)
            wanted -= ahead.asked
        near.update((r.id, r.payload) for r in self.store.retrieve(sorted(wanted)))
        covered: set[str] = set()
        out: list[Scored] = []
        for s in scored:
            if s.id in covered:
                continue
            p = s.payload
            if "chunk" not in p:
                out.append(s)
                continue
            parts: list[tuple[str, str]] = []
            for d, cid in zip(range(-width, width + 1), ids[s.id]):
                q = p if d == 0 else near.get(cid)
                if q is not None and d and not _neighbour_allowed(q, p, flt):
                    q = None
                if q is not None and (q.get("section"), q.get("page")) == (p.get("section"), p.get("page")):
                    parts.append((cid, str(q.get("text", ""))))
            covered.update(cid for cid, _ in parts)
            start = parts[0][0] == s.id  # no earlier chunk of the same section and page
            texts = tuple(t for _, t in parts)
            out.append(replace(s, payload={**p, "text": "\n".join(texts), SECTION_START: start, WINDOW_PARTS: texts}))
            if len(out) == k:
                break
        return out


def _window_ids(hits: Sequence[Scored], width: int) -> dict[str, list[str]]:
    """Each hit's window: the chunk ids from ``width`` before to ``width`` after it (each computed
    once: uuid5 is not free)."""
    return {s.id: [chunk_id(s.payload["doc_id"], int(s.payload["chunk"]) + d) for d in range(-width, width + 1)]
            for s in hits if "chunk" in s.payload}


def _neighbour_allowed(near: dict[str, object], hit: dict[str, object], flt: SearchFilter) -> bool:
    if near.get("doc_id") != hit.get("doc_id"):
        return False
    return flt.access is None or bool(set(near.get("access") or ()) & set(flt.access))  # type: ignore[call-overload]
