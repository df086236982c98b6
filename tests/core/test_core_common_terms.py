"""The sparse channel's candidates picked without the store's common terms (term_shares.py): the
share of passages holding each term, counted on a sample of the store's own points; a lighter
query picks the candidates and the whole query scores them, as it scores them over the store.
On both backends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import core_fixtures as g
import pytest

from ingest.documents import Block, Document
from ingest.embed import Embedder
from ingest.kb import KnowledgeBase
from ingest.search import Searcher
from ingest.sparse import SparseVec, token_index
from ingest.store import SearchFilter
from ingest.swedish import tokenize
from ingest.term_shares import STALE, TermShares, selecting_query

CROPS = ["potatis", "havre", "korn", "råg", "vete", "raps", "lin", "ärter"]
RARE = "bevattningsdamm"  # in four sentences of two documents


def _docs(prefix: str = "gård", n: int = 10) -> list[Document]:
    """``n`` documents of two sections; every sentence names "odlingen" (a word every passage
    holds) and two crops; the rare word stands in both sections of documents 2 and 7 only; every other
    document is readable by "ledning" only."""
    docs = []
    for i in range(n):
        blocks = []
        for part in range(2):
            sentences = [f"Odlingen av {CROPS[(i + j) % len(CROPS)]} och {CROPS[(3 * i + j + part) % len(CROPS)]} "
                         f"gav skörd {j} på gård {i} under säsong {2015 + j % 7}." for j in range(12)]
            if i in (2, 7):
                sentences[4 + part] += f" En {RARE} anlades vid odlingen."
            blocks.append(Block(" ".join(sentences), f"Fält {part}"))
        docs.append(Document(f"{prefix}-{i}", f"{prefix}-{i}.txt", blocks, title=f"Skörderapport {i}",
                             kind="rapport", access=["ledning"] if i % 2 else ["alla"]))
    return docs


@pytest.fixture(scope="module")
def kbs(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[dict[str, KnowledgeBase]]:
    with g.both_backends(tmp_path_factory.mktemp("common-terms"), embedder, _docs()) as both:
        yield both


def _term(word: str) -> int:
    return token_index(tokenize(word)[0])


def _holding(kb: KnowledgeBase, word: str, flt: SearchFilter = SearchFilter()) -> int:
    return sum(word in str(p.get("text", "")).lower() for p in kb.store.payloads(flt))


@pytest.mark.parametrize("backend", ["edge", "server"])
def test_shares_are_counted_on_the_store_itself(kbs: dict[str, KnowledgeBase], backend: str) -> None:
    kb = kbs[backend]
    size = kb.store.count()
    shares = TermShares(kb.store, sample=size + 10).shares()
    assert shares[_term("odlingen")] == 1.0
    assert shares[_term(RARE)] == pytest.approx(_holding(kb, RARE) / size)
    assert 0 < shares[_term(RARE)] < 0.2
    few = TermShares(kb.store, sample=8).shares()  # a sample: shares of 8 points
    assert few[_term("odlingen")] == 1.0 and all(v * 8 == round(v * 8) for v in few.values())


def test_shares_are_counted_again_when_the_store_grows(tmp_path, make_kb) -> None:  # noqa: ANN001
    kb = make_kb(tmp_path / "kb")
    assert [r.status for r in kb.ingest_documents(_docs(n=4))] == ["added"] * 4
    terms = TermShares(kb.store)
    before, size = terms.shares(), kb.store.count()
    assert _term("grönsaksland") not in before
    extra = Document("land-1", "land-1.txt", [Block("Ett grönsaksland odlades vid gården.", "Fält")])
    assert [r.status for r in kb.ingest_documents([extra])] == ["added"]
    assert kb.store.count() - size <= STALE * size  # a small change: the sample stands
    assert terms.shares() is before
    assert [r.status for r in kb.ingest_documents(_docs("äng", n=4))] == ["added"] * 4
    assert terms.shares()[_term("grönsaksland")] > 0


@pytest.mark.parametrize(("shares", "kept"), [
    ({1: 0.9, 2: 0.01, 3: 0.3}, [2]),  # the common terms dropped
    ({1: 0.05, 2: 0.01}, None),  # nothing common: the query as it is
    ({1: 0.9, 2: 0.5, 3: 0.4}, None),  # only common terms: kept, so the query still finds something
    ({}, None),  # terms the sample never saw are not common
])
def test_the_selecting_query_leaves_out_common_terms(shares: dict[int, float], kept: list[int] | None) -> None:
    sparse = SparseVec([1, 2, 3], [1.0, 1.0, 0.3])
    select = selecting_query(sparse, shares, 0.2)
    assert (select.indices if select is not None else None) == kept
    assert select is None or select.values == [1.0]


@pytest.mark.parametrize("backend", ["edge", "server"])
@pytest.mark.parametrize("flt", [SearchFilter(), SearchFilter(access=("alla",))], ids=["all", "access"])
def test_candidates_picked_without_common_terms_are_scored_by_the_whole_query(
    kbs: dict[str, KnowledgeBase], backend: str, flt: SearchFilter,
) -> None:
    """The passages holding the rare word fill the prefetch: they are the candidates, with the
    scores the whole query gives them over the store (the common word included)."""
    kb = kbs[backend]
    sparse = kb.searcher.sparse_query(f"odlingen med {RARE}")
    select = selecting_query(sparse, TermShares(kb.store).shares(), 0.5)
    assert select is not None and _term("odlingen") not in select.indices
    rare = _holding(kb, RARE, flt)
    assert rare >= 2
    whole = dict(kb.store.sparse_channel(sparse, flt, 1000).hits)
    assert len(whole) == kb.store.count(flt)  # every passage holds the common word
    picked = kb.store.sparse_channel(sparse, flt, rare, select=select)
    assert len(picked.hits) == rare
    assert [score for _, score in picked.hits] == sorted((score for _, score in picked.hits), reverse=True)
    for pid, score in picked.hits:
        assert score == pytest.approx(whole[pid], rel=1e-6)
        assert score > max(s for p, s in whole.items() if p not in dict(picked.hits))  # the rare word weighs
    short = kb.store.sparse_channel(sparse, flt, rare + 3, select=select)  # too few: the whole query
    assert short.hits == kb.store.sparse_channel(sparse, flt, rare + 3).hits
    # Whatever picks them, the candidates are scored by the whole query: picked by one crop's name,
    # they are passages naming it, which the whole query would not have put first.
    other = kb.searcher.sparse_query(CROPS[0])
    by_crop = kb.store.sparse_channel(sparse, flt, 5, select=other)
    texts = {s.id: str(s.payload["text"]).lower() for s in kb.store.retrieve([pid for pid, _ in by_crop.hits])}
    assert len(by_crop.hits) == 5 and all(CROPS[0] in texts[pid] for pid, _ in by_crop.hits)
    assert [pid for pid, _ in by_crop.hits] != [pid for pid, _ in kb.store.sparse_channel(sparse, flt, 5).hits]
    assert all(score == pytest.approx(whole[pid], rel=1e-6) for pid, score in by_crop.hits)


@pytest.mark.parametrize("read_ahead", [True, False])
@pytest.mark.parametrize("backend", ["edge", "server"])
def test_search_picks_candidates_without_common_terms_only_when_asked(
    kbs: dict[str, KnowledgeBase], backend: str, read_ahead: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb = kbs[backend]
    rare = _holding(kb, RARE)
    params = replace(kb.searcher.params, prefetch=rare)
    lean = Searcher(kb.store, kb.embedder, params=replace(params, common_share=0.5), read_ahead=read_ahead)
    whole = Searcher(kb.store, kb.embedder, params=replace(params, common_share=1.0), read_ahead=read_ahead)
    selects: list[SparseVec | None] = []
    channel = kb.store.sparse_channel

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        selects.append(kwargs.get("select"))
        return channel(*args, **kwargs)

    monkeypatch.setattr(kb.store, "sparse_channel", spy)
    query = f"Var anlades {RARE} vid odlingen?"
    hits = lean.search(query, 3)
    assert len(hits) == 3 and all(RARE in h.text for h in hits)
    assert selects[-1] is not None and _term("odlingen") not in selects[-1].indices
    assert len(whole.search(query, 3)) == 3
    assert selects[-1] is None
