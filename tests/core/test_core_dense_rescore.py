"""The dense channel as a re-scorer (``SearchParams.dense_search = "rescore"``): the sparse
channel's candidates ranked by their stored vectors' cosine with the query instead of a dense
query over the whole store, with the full dense query as the fallback when the sparse channel
finds fewer candidates than its prefetch. On both backends, with and without the read-ahead."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import core_fixtures as g
import pytest

from ingest.documents import Block, Document
from ingest.embed import Embedder
from ingest.kb import KnowledgeBase
from ingest.search import Searcher
from ingest.sparse import SparseVec
from ingest.store import SearchFilter

THEMES = ["lärlingsutbildning", "studiemotivation", "branschråd", "praktikplatser", "distansstudier",
          "matematiklyft", "yrkesintroduktion", "språkstöd"]


def _docs() -> list[Document]:
    """Ten documents of two sections, every sentence naming "kommunen" (a word every passage
    holds) and two themes; themes overlap across documents in different measure; one sentence
    alone names "vuxenlärare" and "kvällskurser"; every third document readable by "ledning" only."""
    docs = []
    for i in range(10):
        blocks = []
        for part in range(2):
            sentences = [f"I kommunen {(i + j) % 5} prövades {THEMES[(i + j) % len(THEMES)]} tillsammans med "
                         f"{THEMES[(2 * i + j + part) % len(THEMES)]} under läsåret {2018 + j % 6}, del {j} av {i}."
                         for j in range(14)]
            if (i, part) == (4, 1):
                sentences.append("En enda vuxenlärare i kommunen ledde försöket med kvällskurser.")
            blocks.append(Block(" ".join(sentences), f"Del {part}: {THEMES[(i + part) % len(THEMES)]}"))
        docs.append(Document(f"kom-{i}", f"kom-{i}.txt", blocks, title=f"Uppföljning {i}",
                             kind="rapport", access=["ledning"] if i % 3 == 0 else ["alla"]))
    return docs


@pytest.fixture(scope="module")
def kbs(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[dict[str, KnowledgeBase]]:
    with g.both_backends(tmp_path_factory.mktemp("rescore"), embedder, _docs()) as both:
        yield both


def _searchers(kb: KnowledgeBase, read_ahead: bool, prefetch: int) -> tuple[Searcher, Searcher]:
    params = replace(kb.searcher.params, prefetch=prefetch)
    full = Searcher(kb.store, kb.embedder, params=replace(params, dense_search="full"), read_ahead=read_ahead)
    rescore = Searcher(kb.store, kb.embedder, params=replace(params, dense_search="rescore"), read_ahead=read_ahead)
    return full, rescore


def _spy(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, per fusion, whether its dense channel was held to given ids (True) or searched the store."""
    given: list[bool] = []
    hybrid = kb.store.hybrid

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        given.append(kwargs.get("dense_ids") is not None)
        return hybrid(*args, **kwargs)

    monkeypatch.setattr(kb.store, "hybrid", spy)
    return given


@pytest.mark.parametrize("read_ahead", [True, False])
@pytest.mark.parametrize("backend", ["edge", "server"])
@pytest.mark.parametrize("flt", [SearchFilter(), SearchFilter(access=("alla",))], ids=["all", "access"])
def test_rescoring_every_candidate_is_the_full_dense_query(
    kbs: dict[str, KnowledgeBase], backend: str, read_ahead: bool, flt: SearchFilter, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the sparse channel's candidates are every passage the filter allows (all hold a query
    word) and fill its prefetch, ranking them by cosine is the dense query: the same hits, windows
    and scores, without a dense query."""
    kb = kbs[backend]
    allowed = kb.store.count(flt)
    assert allowed > 25  # more than a search of 10 hits fuses
    full, rescore = _searchers(kb, read_ahead, prefetch=allowed)
    query = "Hur gick arbetet med praktikplatser och branschråd i kommunen?"
    assert len(kb.store.sparse_channel(full.sparse_query(query), flt, allowed + 5).hits) == allowed
    given = _spy(kb, monkeypatch)
    for k in (3, 10):
        a, b = full.search(query, k, flt), rescore.search(query, k, flt)
        assert len(a) == k
        assert [h.as_dict() for h in b] == [h.as_dict() for h in a]
    assert given == [False, True, False, True]


@pytest.mark.parametrize("read_ahead", [True, False])
@pytest.mark.parametrize("backend", ["edge", "server"])
def test_too_few_sparse_candidates_fall_back_to_the_dense_query(
    kbs: dict[str, KnowledgeBase], backend: str, read_ahead: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A query whose words few passages hold: the dense channel searches the store, so the
    rescore mode returns what the full mode returns, passages without a query word included."""
    kb = kbs[backend]
    full, rescore = _searchers(kb, read_ahead, prefetch=30)
    query = "kvällskurser för vuxenlärare"
    flt = SearchFilter(access=("alla",))
    assert kb.store.count(flt) > 30
    matched = {pid for pid, _ in kb.store.sparse_channel(full.sparse_query(query), flt, 30).hits}
    assert 0 < len(matched) < 5
    given = _spy(kb, monkeypatch)
    a, b = full.search(query, 10, flt), rescore.search(query, 10, flt)
    assert given == [False, False]
    assert [h.as_dict() for h in b] == [h.as_dict() for h in a]
    assert len(a) == 10 and all("alla" in h.access for h in a)
    assert any(h.chunk_id not in matched for h in a)  # the dense query found passages without the words


@pytest.mark.parametrize("backend", ["edge", "server"])
def test_the_dense_channel_over_given_ids_ranks_them_as_the_dense_query(
    kbs: dict[str, KnowledgeBase], backend: str,
) -> None:
    """Restricted to some passages, the dense channel orders and scores them as the dense query
    over the whole store does, and nothing else enters the fusion."""
    kb = kbs[backend]
    store, dense = kb.store, kb.embedder.embed_query("studiemotivation och matematiklyft")
    everything = store.dense_only(dense, SearchFilter(), store.count())
    subset = [s.id for s in everything[::3]]
    fused = store.hybrid(dense, SparseVec([], []), SearchFilter(), len(subset), prefetch=len(subset),
                         weights=(1.0, 1.0), rrf_k=2, dense_ids=list(reversed(subset)))
    assert [s.id for s in fused] == subset
    assert fused[0].payload["doc_id"] == everything[0].payload["doc_id"]
