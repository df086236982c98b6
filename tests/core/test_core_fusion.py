"""The store's own fusion of the dense and sparse channels, on the real embedded Qdrant and model:
the same fused order and scores as Qdrant Edge's native weighted RRF, with each candidate's BM25
score and stored vector carried along for the second ranking stage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from ingest.documents import Block, Document
from ingest.kb import KnowledgeBase
from ingest.store import DENSE, SPARSE, EdgeStore, SearchFilter, rrf

TOPICS = ["kompetensförsörjning", "validering", "yrkeshögskolan", "folkbildning", "vuxenutbildning",
          "lägesbedömning", "styrgruppen", "arbetsgrupper", "regleringsbrev", "socialfonden"]


def _docs() -> list[Document]:
    """Forty short documents whose words overlap in different measure, so the channels disagree."""
    docs = []
    for i in range(40):
        words = [TOPICS[(i + j) % len(TOPICS)] for j in range(1 + i % 4)]
        text = (f"Promemoria {i} om {' och '.join(words)}. Myndigheterna samverkar kring "
                f"{words[0]} i region {i % 7} och redovisar arbetet år {2018 + i % 8}.")
        docs.append(Document(f"dok-{i}", f"dok-{i}.txt", [Block(text, f"Avsnitt {i % 3}")], title=f"Promemoria {i}",
                             kind="promemoria", access=["alla"] if i % 2 else ["styrgrupp"]))
    return docs


@pytest.fixture
def kb(tmp_path: Path, make_kb: Callable[..., KnowledgeBase]) -> KnowledgeBase:
    kb = make_kb(tmp_path / "kb")
    assert all(r.status == "added" for r in kb.ingest_documents(_docs()))
    return kb


QUERIES = ["validering inom vuxenutbildning", "Hur arbetar styrgruppen med lägesbedömning?", "socialfonden region 3"]
CASES = [  # (query, rrf k, channel weights, filter): the shipped fusion, equal weights, another k, a filter
    (QUERIES[0], 2, (0.1, 1.0), SearchFilter()),
    (QUERIES[1], 60, (1.0, 1.0), SearchFilter(access=("alla",))),
    (QUERIES[2], 1, (0.5, 2.0), SearchFilter()),
    (QUERIES[1], 2, (0.1, 1.0), SearchFilter(access=("alla",))),
]


@pytest.mark.parametrize(("query", "k", "weights", "flt"), CASES)
def test_fusion_is_qdrants_own_with_bm25_scores_and_vectors(
    kb: KnowledgeBase, query: str, k: int, weights: tuple[float, float], flt: SearchFilter,
) -> None:
    store = kb.store
    assert isinstance(store, EdgeStore)
    qe = store.qe
    dense, sparse = kb.embedder.embed_query(query), kb.searcher.sparse_query(query)
    f = store._filter(flt)
    sv = qe.SparseVector(indices=sparse.indices, values=sparse.values)
    native = store.shard.query(qe.QueryRequest(limit=24, prefetches=[  # all of both channels' top 12
        qe.Prefetch(limit=12, query=qe.Query.Nearest(dense.tolist(), using=DENSE), filter=f),
        qe.Prefetch(limit=12, query=qe.Query.Nearest(sv, using=SPARSE), filter=f),
    ], query=qe.Fusion.Rrf(k=k, weights=list(weights))))
    ours = store.hybrid(dense, sparse, flt, 15, prefetch=12, weights=weights, rrf_k=k, vectors=True)
    expected = sorted(((str(p.id), p.score) for p in native), key=lambda t: (-t[1], t[0]))[:15]  # ties by id
    assert len(expected) > 5
    assert [(s.id, s.score) for s in ours] == expected  # bit for bit
    assert [s.score for s in ours] == sorted((s.score for s in ours), reverse=True)

    bm25 = {s.id: s.score for s in store.sparse_only(sparse, flt, 12)}
    assert {s.id: s.sparse for s in ours} == {s.id: bm25.get(s.id, 0.0) for s in ours}
    assert any(s.sparse == 0.0 for s in ours) and any(s.sparse > 0 for s in ours)  # both channels contribute
    stored = store.dense_vectors([s.id for s in ours])
    for s in ours:
        assert s.vector is not None and np.array_equal(s.vector, stored[s.id])
        assert flt.access is None or "alla" in s.payload["access"]
    assert all(s.vector is None for s in store.hybrid(dense, sparse, flt, 5, prefetch=12, weights=weights, rrf_k=k))


def test_the_server_backends_fusion_keeps_its_formula() -> None:
    fused = dict(rrf([[("a", 9.0), ("b", 8.0)], [("b", 3.0)]], (0.5, 1.0), 2, edge=False))
    assert fused == pytest.approx({"a": 0.5 / 3, "b": 0.5 / 4 + 1.0 / 3})
    edge = rrf([[("a", 9.0), ("b", 8.0)], [("b", 3.0), ("c", 1.0)]], (0.1, 1.0), 2)
    assert [pid for pid, _ in edge] == ["b", "c", "a"]
    assert dict(edge)["a"] == pytest.approx(1 / (1 + 1 / 0.1)) and dict(edge)["c"] == pytest.approx(1 / 3)
