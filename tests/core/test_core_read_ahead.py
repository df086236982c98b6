"""The read-ahead of a search (the sparse channel, its top records, their window neighbours and
their tokens, read in a thread while the query is embedded) changes nothing in what a search
returns: on both backends, with and without filters, the same hits in the same order with the
same windows and scores as the search that reads everything after the embedding."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import core_fixtures as g
import numpy as np
import pytest

from ingest.documents import Block, Document
from ingest.embed import Embedder
from ingest.kb import KnowledgeBase
from ingest.search import Searcher
from ingest.store import EdgeStore, SearchFilter

TOPICS = ["kompetensförsörjning", "validering", "yrkeshögskolan", "folkbildning", "vuxenutbildning",
          "lägesbedömning", "styrgruppen", "arbetsgrupper", "regleringsbrev", "socialfonden"]


def _docs() -> list[Document]:
    """Twelve documents of two sections, each section several chunks long (so hits have window
    neighbours), whose words overlap in different measure; half readable by "styrgrupp" only."""
    docs = []
    for i in range(12):
        blocks = []
        for part in range(2):
            sentences = []
            for j in range(9):
                a, b = TOPICS[(i + j) % len(TOPICS)], TOPICS[(i * 3 + j + part) % len(TOPICS)]
                sentences.append(f"Under {2016 + (i + j) % 9} redovisade region {(i + j) % 7} hur arbetet med {a} "
                                 f"och {b} har utvecklats, mening {j} i avsnitt {part} av dokument {i}.")
            blocks.append(Block(" ".join(sentences), f"Avsnitt {part} om {TOPICS[(i + part) % len(TOPICS)]}"))
        docs.append(Document(f"dok-{i}", f"dok-{i}.txt", blocks, title=f"Rapport {i} om {TOPICS[i % len(TOPICS)]}",
                             kind="rapport" if i % 3 else "promemoria", access=["alla"] if i % 2 else ["styrgrupp"]))
    return docs


@pytest.fixture(scope="module")
def kbs(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[dict[str, KnowledgeBase]]:
    with g.both_backends(tmp_path_factory.mktemp("read-ahead"), embedder, _docs()) as both:
        yield both


QUERIES = [
    ("validering inom vuxenutbildning", SearchFilter()),
    ("Hur arbetar styrgruppen med lägesbedömning?", SearchFilter(access=("alla",))),
    ("socialfonden och regleringsbrev i region 3", SearchFilter(access=("alla", "sekretariat"))),
    ("yrkeshögskolan", SearchFilter(kinds=("rapport",))),
    ("folkbildning arbetsgrupper 2019", SearchFilter(access=())),  # nothing readable: no hits either way
]


@pytest.mark.parametrize("dense_search", ["full", "rescore"])
@pytest.mark.parametrize("backend", ["edge", "server"])
@pytest.mark.parametrize(("query", "flt"), QUERIES, ids=[f"q{i}" for i in range(len(QUERIES))])
def test_read_ahead_returns_what_the_plain_search_returns(
    kbs: dict[str, KnowledgeBase], backend: str, query: str, flt: SearchFilter, dense_search: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb = kbs[backend]
    params = replace(kb.searcher.params, dense_search=dense_search)
    ahead = Searcher(kb.store, kb.embedder, params=params)
    plain = Searcher(kb.store, kb.embedder, params=params, read_ahead=False)
    given: list[bool] = []
    hybrid = kb.store.hybrid

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        given.append(kwargs.get("sparse_hits") is not None)
        return hybrid(*args, **kwargs)

    monkeypatch.setattr(kb.store, "hybrid", spy)
    for k in (3, 10):
        with_ahead, without = ahead.search(query, k, flt), plain.search(query, k, flt)
        assert [h.as_dict() for h in with_ahead] == [h.as_dict() for h in without]
        if flt.access == ():
            assert with_ahead == []
            continue
        assert len(with_ahead) == k
        assert any("\n" in h.text for h in with_ahead)  # windows of several chunks were built
        assert flt.access is None or all(set(h.access) & set(flt.access) for h in with_ahead)
    spare = (os.cpu_count() or 1) > 1  # one core: no read-ahead
    if dense_search == "full":
        assert given == [spare, False, spare, False]  # the read-ahead's channel went into the fusion
    else:  # the sparse channel is read before the fusion, ahead or not
        assert given == [True, True, True, True]


@pytest.mark.parametrize("vectors", [True, False])
@pytest.mark.parametrize(("fetch", "ahead_vectors"), [(0, None), (4, None), (60, None), (60, "other")])
def test_a_sparse_channel_read_ahead_fuses_like_one_read_inline(
    kbs: dict[str, KnowledgeBase], vectors: bool, fetch: int, ahead_vectors: str | None,
) -> None:
    """Records read ahead are used as they are; read without the vectors the fusion asks for, they
    are read again (so the result never lacks a vector)."""
    kb = kbs["edge"]
    store = kb.store
    assert isinstance(store, EdgeStore)
    query, flt = "Hur arbetar styrgruppen med validering och lägesbedömning?", SearchFilter(access=("alla",))
    dense, sparse = kb.embedder.embed_query(query), kb.searcher.sparse_query(query)
    read_vectors = vectors if ahead_vectors is None else not vectors
    channel = store.sparse_channel(sparse, flt, 40, fetch=fetch, vectors=read_vectors)
    assert channel.hits == [(s.id, s.score) for s in store.sparse_only(sparse, flt, 40)]
    assert len(channel.records) == min(fetch, len(channel.hits)) and channel.vectors == read_vectors
    args = dict(prefetch=40, weights=(0.1, 1.0), rrf_k=2, vectors=vectors)
    inline = store.hybrid(dense, sparse, flt, 25, **args)
    early = store.hybrid(dense, sparse, flt, 25, sparse_hits=channel, **args)
    assert len(inline) == 25
    assert [(s.id, s.score, s.payload, s.sparse) for s in early] == [(s.id, s.score, s.payload, s.sparse) for s in inline]
    for a, b in zip(early, inline):
        assert (a.vector is None) == (b.vector is None) == (not vectors)
        assert a.vector is None or np.array_equal(a.vector, b.vector)


def test_without_query_terms_the_read_ahead_reads_nothing(kbs: dict[str, KnowledgeBase], tmp_path: Path) -> None:
    store = kbs["edge"].store
    empty = kbs["edge"].searcher.sparse_query("???")
    assert not empty.indices
    channel = store.sparse_channel(empty, SearchFilter(), 40, fetch=10, vectors=True)
    assert channel.hits == [] and channel.records == {}
    assert kbs["edge"].search("???", 5) == Searcher(store, kbs["edge"].embedder, read_ahead=False).search("???", 5)
