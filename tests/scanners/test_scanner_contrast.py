"""The contrast of MSV's own texts with the news stream (``Profile.contrast``): the field's words
weigh up, generic government words down, learned from the documents alone (no labels)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from scanners.profile import MIN_BACKGROUND, load_passages
from scanners.relevance import DEFAULT_CORPUS, RelevanceScorer, load_scorer

STARTER = DEFAULT_CORPUS / "starter" / "regeringen-urval.jsonl.gz"


def _stream(path: Path = STARTER) -> list[tuple[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [(r["title"], r["text"]) for r in map(json.loads, f)]


@pytest.fixture(scope="module")
def scorer() -> RelevanceScorer:
    """The app's scorer after a scan of real government pages (the starter corpus)."""
    s = load_scorer()
    s.observe(_stream())
    return s


MSV = ("Samverkan om kompetensförsörjning och livslångt lärande",
       "Myndigheterna ska samverka med regionerna om kompetensförsörjning, validering och "
       "livslångt lärande, och lägesbedömningar lämnas till styrgruppen.")
# (title, text) of items that speak government news in general or a neighbouring field
OTHER = [
    ("Regeringen beslutar om ändrade regler för fastighetstaxering",
     "Regeringen har i dag beslutat om en proposition om fastighetstaxering och hamnavgifter."),
    ("Nya läroplaner för grundskolan",
     "Skolverket ska ta fram nya läroplaner och kursplaner för grundskolans elever."),
    ("Fler poliser i hela landet", "Polismyndigheten får mer pengar för att anställa poliser."),
]


@pytest.mark.parametrize(("title", "text"), OTHER, ids=[t for t, _ in OTHER])
def test_msvs_own_language_outweighs_general_and_neighbouring_news(
        scorer: RelevanceScorer, title: str, text: str) -> None:
    own = scorer.score(*MSV).reason["contrast"]
    other = scorer.score(title, text).reason["contrast"]
    assert own > 0 > other, (own, other)
    assert scorer.score(*MSV).reason["cold"] > scorer.score(title, text).reason["cold"]


def test_no_contrast_until_the_stream_is_large_enough() -> None:
    """Word rarity over a handful of items says nothing: the contrast counts 0 until the stream
    holds `MIN_BACKGROUND` pages, then it counts."""
    s = load_scorer()
    stream = _stream()
    s.observe(stream[: MIN_BACKGROUND - 10])
    assert s.score(*MSV).reason["contrast"] == 0.0
    s.observe(stream[MIN_BACKGROUND - 10:])
    assert s.score(*MSV).reason["contrast"] > 0


def test_msvs_own_texts_are_its_own_documents_not_the_folders_readme() -> None:
    """The bundled report is MSV's own; the government pages of the starter corpus are the
    stream's kind of text; the folder's README is not a document."""
    passages = load_passages(DEFAULT_CORPUS)
    own = {p.title for p in passages if p.own}
    assert own == {"Förstudier för utveckling av samverkansplattform – slutrapport"}
    assert len({p.title for p in passages}) > 100
    assert not any(p.title == "Den medföljande korpusen" for p in passages)
