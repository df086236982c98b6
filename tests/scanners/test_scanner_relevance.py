"""Relevance scoring: Swedish lexical matching, optional dense and knowledge-base collaborators."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.search import Hit
from scanners.lexical import expand_elliptic, story_words
from scanners.relevance import RelevanceScorer, load_scorer, load_topics

# (title, text, top topic or None, relevant at the default threshold)
CASES = [
    ("Regeringen vill göra det lättare att söka till yrkeshögskolan",
     "Fler ska kunna söka yrkeshögskoleutbildningar via en gemensam antagning.", "yrkeshogskola",
     True),
    ("Fler platser i regionalt yrkesvux",
     "Valideringsinsatser och yrkesinriktad vuxenutbildning byggs ut.",
     "vuxenutbildning_validering", True),
    ("Rundabordssamtal om STEM-strategin", "Kompetensbrist inom teknik och matematik.", "stem",
     True),
    ("Effekterna av arbetsmarknads- och integrationspolitiken ska utvärderas",
     "IFAU får ett uppdrag att utvärdera arbetsmarknadsutbildningen.", "arbetsmarknadspolitik", True),
    ("Klimatomställningen i fokus vid ministerbesök", "Industrins gröna omställning diskuteras.",
     None, False),
    ("Ny ambassadör i Guatemala", "Regeringen har utsett en ny ambassadör.", None, False),
    ("Ny rektor vid Högskolan i Halmstad",
     "Regeringen har utsett en ny rektor för högskolan och dess högre utbildning.", "hogskola",
     False),
]


@pytest.fixture(scope="module")
def scorer() -> RelevanceScorer:
    return load_scorer()


@pytest.mark.parametrize(("title", "text", "topic", "relevant"), CASES,
                         ids=[c[0][:30] for c in CASES])
def test_scoring_cases(scorer: RelevanceScorer, title: str, text: str, topic: str | None,
                       relevant: bool) -> None:
    rel = scorer.score(title, text)
    assert rel.relevant() is relevant, rel.reason
    if topic:
        assert rel.topics[0] == topic, rel.reason
        assert rel.reason["topics"][0]["terms"], "the matched terms are kept as the reason"
        assert "Bevakningsområden:" in rel.reason["text"]


def test_story_words_are_stems_without_prefix_tokens() -> None:
    scorer = load_scorer(tokenize=story_words)
    assert scorer.score("Validering av reell kompetens", "").relevant()
    assert story_words("Kompetensförsörjningen i regionerna") == ["kompetensförsörjning", "region"]


def test_elliptic_compounds_are_spelled_out() -> None:
    assert expand_elliptic("arbetsmarknads- och integrationspolitiken") == (
        "arbetsmarknadspolitiken och integrationspolitiken")


def test_dense_channel_for_english_items_and_knowledge_base_reasons() -> None:
    topics = load_topics()
    embedded: list[str] = []

    def embed(texts: list[str]) -> np.ndarray:  # deterministic: one-hot on a keyword
        embedded.extend(texts)
        vecs = np.zeros((len(texts), 3))
        for i, t in enumerate(texts):
            vecs[i, 0 if "folk high school" in t.lower() or "Folkbildning." in t else 1] = 1.0
        return vecs

    calls: list[tuple[str, int]] = []

    def kb_search(query: str, k: int) -> list[Hit]:  # the knowledge base's own hit type
        calls.append((query, k))
        return [Hit(rank=1, score=0.8, doc_id="d1", title="Förstudier om MSV", source="", kind="rapport", agency="",
                    date="", section="2 Regionalt perspektiv", page=12, text="…")]

    scorer = RelevanceScorer(topics, embed=embed, kb_search=kb_search)
    rel = scorer.score("New courses at folk high schools",
                       "The folk high schools of the region offer more courses for adults this year.")
    assert rel.reason["language"] == "en" and rel.topics[0] == "folkbildning"
    assert "dense" in rel.reason["topics"][0]
    assert rel.reason["kb"][0]["section"] == "2 Regionalt perspektiv"
    assert "berör: Förstudier om MSV, avsnitt 2 Regionalt perspektiv, s. 12" in rel.reason["text"]
    assert calls and calls[0][1] == 3
    n = len(embedded)
    swedish = scorer.score("Nya folkhögskolekurser", "Folkhögskolor erbjuder fler kurser för vuxna.")
    assert len(embedded) == n, "Swedish items are scored by the Swedish channel only"
    assert swedish.reason["language"] == "sv" and swedish.topics[0] == "folkbildning"


def test_the_reason_names_the_passage_of_msvs_own_report() -> None:
    rel = load_scorer().score("Regionernas arbete med kompetensförsörjning stärks",
                              "Regionerna får i uppdrag att samverka med myndigheterna om "
                              "kompetensförsörjning och livslångt lärande.")
    assert rel.relevant(), rel.reason
    assert rel.reason["passage"]["title"].startswith("Förstudier för utveckling av samverkansplattform")
    assert "Berör: Förstudier för utveckling av samverkansplattform" in rel.reason["text"]
    empty = load_scorer(corpus=None).score("Regionernas arbete med kompetensförsörjning stärks", "")
    assert empty.reason["passage"] is None


def test_knowledge_base_failure_does_not_stop_scoring() -> None:
    def broken(query: str, k: int) -> list[Hit]:
        raise RuntimeError("store locked")

    scorer = RelevanceScorer(load_topics(), kb_search=broken)
    assert scorer.score("Yrkeshögskolan växer", "").reason["kb"] == []


@pytest.mark.parametrize(("title", "names_only"), [
    ("Uppdrag till Tillväxtverket om besöksnäringens konkurrenskraft", True),
    ("Uppdrag till Tillväxtverket om regionalt kompetensförsörjningsarbete", False),
])
def test_an_agency_named_without_a_word_of_the_field_counts_less(
        scorer: RelevanceScorer, monkeypatch: pytest.MonkeyPatch, title: str,
        names_only: bool) -> None:
    """A named actor says who, not what about: a topic matched by names alone is weighed by
    NAMES_ALONE; one matched by a word of its field as well keeps its full weight."""
    import scanners.relevance as relevance

    def topic_scores() -> dict[str, float]:
        return {t["id"]: t["score"] for t in scorer.score(title, "").reason["topics"]}

    default, weight = topic_scores(), relevance.NAMES_ALONE
    assert 0 <= weight < 1
    monkeypatch.setattr(relevance, "NAMES_ALONE", 1.0)
    full = topic_scores()
    regional = "regional_utveckling"
    assert regional in full
    if names_only:
        assert default[regional] == pytest.approx(weight * full[regional], abs=1e-3)
    else:
        assert default[regional] == full[regional]


FILLER = ("Regeringen har i dag beslutat om en proposition om ändrade regler för fastighetstaxering, "
          "vägtrafik och hamnavgifter. ") * 5


@pytest.mark.parametrize("term", ["vuxenutbildning", "validering", "folkhögskola"])
def test_a_term_in_the_lead_counts_more_than_one_deep_in_the_body(scorer: RelevanceScorer,
                                                                  term: str) -> None:
    """What an item is about is said in its lead; a body that mentions a subject among others
    says less (the same words, only the order differs)."""
    title = "Regeringen beslutar om nya regler"
    lead = f"Satsningen på {term} byggs ut. {FILLER}"
    body = f"{FILLER}Satsningen på {term} byggs ut."
    in_lead, in_body = scorer.score(title, lead), scorer.score(title, body)
    assert in_lead.reason["lexical"] > in_body.reason["lexical"] > 0, (in_lead.reason, in_body.reason)
    assert in_lead.score > in_body.score
