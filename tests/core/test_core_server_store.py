"""The server path (qdrant-client; its local mode stands in for a server) answers like the
embedded Qdrant Edge default on the same corpus."""

from __future__ import annotations

from collections.abc import Iterator

import core_fixtures as g
import pytest

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.store import SearchFilter

QUERIES = [
    ("validering av yrkeskunnande för vuxna", SearchFilter()),
    ("beslut om gemensam lägesbild", SearchFilter()),
    ("finansiering av yrkeshögskolan", SearchFilter()),
    ("lärare i vuxenutbildningen", SearchFilter()),
    ("samverkan", SearchFilter(kinds=("rapport",), agencies=("Skolverket",))),
    ("samverkan", SearchFilter(since="2024-01-01", until="2024-12-31")),
]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[tuple[KnowledgeBase, KnowledgeBase]]:
    corpus = g.write_filter_corpus(tmp_path_factory.mktemp("corpus"))
    edge = KnowledgeBase(KbConfig(data_dir=tmp_path_factory.mktemp("edge")), embedder=embedder)
    root = tmp_path_factory.mktemp("server")
    server = KnowledgeBase(KbConfig(data_dir=root / "data", qdrant_path=str(root / "qdrant")), embedder=embedder)
    for kb in (edge, server):
        assert kb.ingest_all([corpus]).added == 4
    yield edge, server
    edge.close()
    server.close()


def test_same_contents(both: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    edge, server = both
    e, s = edge.stats(), server.stats()
    assert (e["backend"], s["backend"]) == ("qdrant-edge", "qdrant-local")
    for key in ("documents", "chunks", "points", "kinds", "agencies"):
        assert e[key] == s[key], key


@pytest.mark.parametrize(("query", "flt"), QUERIES, ids=[q for q, _ in QUERIES[:4]] + ["kind+agency", "date-range"])
def test_same_top_hit(both: tuple[KnowledgeBase, KnowledgeBase], query: str, flt: SearchFilter) -> None:
    edge, server = both
    e_hits, s_hits = edge.search(query, k=4, flt=flt), server.search(query, k=4, flt=flt)
    assert e_hits, query
    assert s_hits[0].doc_id == e_hits[0].doc_id
    assert {h.doc_id for h in s_hits} == {h.doc_id for h in e_hits}
    assert s_hits[0].text == e_hits[0].text
