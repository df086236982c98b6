"""The candidate sentences' scores (``candidates.rank_units``), on passages written for the test:
what the engine passes in is what the ranking uses."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.answers.candidates import rank_units
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.question import analyse
from ingest.embed import Embedder
from ingest.search import Hit

QUESTION = "Hur många deltagare har sommarkursen i keramik?"


def _hits() -> list[Hit]:
    texts = ["Sommarkursen i keramik har 24 deltagare och hålls i juli. Kursen leds av två lärare.",
             "Anmälan till keramikkursen görs senast i maj. Deltagarna bor på skolans internat."]
    return [Hit(rank=i + 1, score=1.0, doc_id=f"d{i}", title="Sommarkurser", source=f"https://example.org/d{i}",
                kind="pressmeddelande", agency="", date="2025-03-01", section="", page=None, text=t)
            for i, t in enumerate(texts)]


def test_an_embedder_adds_each_leading_sentences_similarity_to_the_question(embedder: Embedder) -> None:
    info, hits = analyse(QUESTION), _hits()
    plain = {u.text: u.score for u in rank_units(info, hits, synonyms={}, model=None)}
    lifted = rank_units(info, hits, synonyms={}, model=None, embedder=embedder)
    assert len(lifted) == len(plain) == 4
    vecs = embedder.embed([QUESTION] + [u.text for u in lifted])
    sims = np.asarray(vecs[1:] @ vecs[0], dtype=float)
    for u, s in zip(lifted, sims):
        assert u.score == pytest.approx(plain[u.text] + 0.3 * s, abs=1e-4)
    assert [u.score for u in lifted] == sorted((u.score for u in lifted), reverse=True)
    assert lifted[0].text.startswith("Sommarkursen i keramik har 24 deltagare")


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_the_engine_ranks_with_the_shipped_model_and_embeds_only_when_asked(embedder: Embedder,
                                                                             use_embeddings: bool) -> None:
    info, hits = analyse(QUESTION), _hits()
    engine = ExtractiveEngine(kb=SimpleNamespace(embedder=embedder), use_embeddings=use_embeddings)  # type: ignore[arg-type]
    assert engine.model is not None and ExtractiveEngine(kb=None, sentence_model=None).model is None  # type: ignore[arg-type]
    assert engine.embedder is (embedder if use_embeddings else None)
    assert all(u.p == u.score for u in rank_units(info, hits, synonyms={}, model=None))  # the hand-set sum orders them
    shipped = rank_units(info, hits, synonyms=engine.synonyms, model=engine.model, embedder=engine.embedder)
    assert any(u.p != u.score for u in shipped)  # the shipped model gives probabilities
