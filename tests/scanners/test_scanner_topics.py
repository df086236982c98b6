"""The watch topics hold words of the field, not phrases taken from labelled items: every term
occurs in at least five titles of the government's pages; only the names of bodies, agencies and
programmes (a topic's `names`) may be rarer."""

from __future__ import annotations

import gzip
import json

import pytest
from scanner_fixtures import CORPUS

from scanners.relevance import RelevanceScorer, _count, load_topics

MIN_TITLES = 5


@pytest.fixture(scope="module")
def title_words() -> list[list[str]]:
    if not CORPUS.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    scorer = RelevanceScorer(load_topics())
    seen: set[str] = set()
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["url"] not in seen:
                seen.add(rec["url"])
                out.append(scorer.tokenize(rec["title"]))
    return out


def test_every_term_is_a_common_word_of_the_field(title_words: list[list[str]]) -> None:
    scorer = RelevanceScorer(load_topics())
    names = {n for t in scorer.topics for n in t.names}
    rare = []
    for topic in scorer.topics:
        for term in scorer._terms[topic.id]:
            if term.text in names:
                continue
            n = sum(1 for words in title_words if _count(term, words))
            if n < MIN_TITLES:
                rare.append(f"{topic.id}: {term.text!r} in {n} titles")
    assert not rare, rare
    assert not scorer.damping.title_terms, "damping terms came from labelled titles"


def test_a_rare_phrase_is_caught(title_words: list[list[str]]) -> None:
    scorer = RelevanceScorer(load_topics())
    phrase = scorer._term("kompetens och konkurrenskraft", False)
    assert sum(1 for words in title_words if _count(phrase, words)) < MIN_TITLES
