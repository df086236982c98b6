"""The second stage's term features (coverage, proximity, phrase), computed over all candidates at
once, against a plain word-by-word reading of their definitions; and a window's text read from
its parts gives the same row as the joined text."""

from __future__ import annotations

import math
import random
import re

import numpy as np
import pytest

from ingest.rerank import FEATURES, PROXIMITY_WORDS, WINDOW_PARTS, features, query_terms
from ingest.store import Scored
from ingest.swedish import tokenize

QUERY = "Styrgruppen beslutade om lägesbedömningen för arbetsgrupperna"
# Query words, their inflections and compounds, and filler that holds none of the query's terms.
VOCAB = ("styrgruppen styrgruppens beslutade beslut lägesbedömningen lägesbedömningar arbetsgrupperna "
         "arbetsgrupp processledare möte sekretariatet kallelse protokoll år och att om för").split()


def _reference(query: str, texts: list[str]) -> np.ndarray:
    """Coverage, proximity and phrase per text, read word by word as the features are defined."""
    terms = query_terms(query)
    hits = []
    for text in texts:
        words = re.findall(r"\w+", text.lower())
        hits.append([(i, t) for i, w in enumerate(words) for t in tokenize(w) if t in terms])
    n = len(texts)
    df = {t: sum(any(h == t for _, h in hs) for hs in hits) for t in terms}
    raw = {t: math.log((n + 1) / (df[t] + 0.5)) for t in terms}
    weights = {t: w / sum(raw.values()) for t, w in raw.items()}
    heads = [tokenize(w)[0] for w in re.findall(r"\w+", query.lower()) if tokenize(w)]
    pairs = list(zip(heads, heads[1:]))
    rows = []
    for hs in hits:
        present = {t for _, t in hs}
        ends = {i for i, _ in hs}
        near = [{t for i, t in hs if end - PROXIMITY_WORDS < i <= end} for end in ends]
        at = {(i, t) for i, t in hs}
        found = sum(any((i, a) in at and ((i + 1, b) in at or (i + 2, b) in at) for i, _ in hs) for a, b in pairs)
        rows.append((sum(weights[t] for t in present),
                     max((sum(weights[t] for t in s) for s in near), default=0.0),
                     found / len(pairs)))
    return np.asarray(rows)


def _candidates(texts: list[str], parts: list[tuple[str, ...]] | None = None) -> list[Scored]:
    return [Scored(f"id{i}", 1.0 / (1 + i), {"text": t, **({WINDOW_PARTS: parts[i]} if parts else {})})
            for i, t in enumerate(texts)]


@pytest.mark.parametrize("seed", range(6))
def test_term_features_match_their_definitions(seed: int) -> None:
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(VOCAB) for _ in range(rng.randint(0, 120))) for _ in range(25)]
    x = features(QUERY, _candidates(texts))
    cols = [FEATURES.index(name) for name in ("coverage", "proximity", "phrase")]
    assert np.allclose(x[:, cols], _reference(QUERY, texts), rtol=0, atol=1e-12)
    assert x[:, cols[1]].max() > 0 and x[:, cols[2]].max() > 0  # the cases exercise both


def test_terms_never_join_across_candidates_and_parts_read_like_the_joined_text() -> None:
    # The first candidate ends with the query's first word, the second opens with its second:
    # neither holds the pair.
    texts = ["protokoll möte styrgruppen", "beslutade möte protokoll"]
    x = features("styrgruppen beslutade", _candidates(texts))
    assert not x[:, FEATURES.index("phrase")].any()

    parts = [("Kallelse till möte.", "Styrgruppen\nbeslutade om lägesbedömningen."), ("Protokoll",)]
    joined = ["\n".join(p) for p in parts]
    windowed = features(QUERY, _candidates(joined, parts))
    assert np.array_equal(windowed, features(QUERY, _candidates(joined)))
    assert windowed[0, FEATURES.index("phrase")] > 0
