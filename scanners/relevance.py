"""Relevance of an item to MSV without labels (the cold start): watch topics matched lexically
(Swedish stems, compounds) and the item's likeness to MSV's own words (``scanners.profile``: topic
descriptions and the knowledge base's passages, and how much more its words are MSV's than the
news stream's), English items by dense similarity; the result is
a calibrated probability and the reason names the topics and the passage it touches."""

from __future__ import annotations

import logging
import math
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scanners.errors import ScanConfigError
from scanners.items import extractive_summary
from scanners.lexical import Tokenizer, expand_elliptic, relevance_words
from scanners.profile import Passage, Profile, is_english, load_passages

log = logging.getLogger(__name__)

DEFAULT_TOPICS_FILE = Path(__file__).with_name("topics.toml")
# The digest's threshold, a calibrated probability: the highest at which the cold start and the
# model learned from older marks both find 85 % of the relevant development pages
# (`python -m evals.scanner.calibrate`; evals/README.md). A digest is for not missing what matters.
DEFAULT_THRESHOLD = 0.12
# Adding an item to the knowledge base asks for more than showing it in the digest.
KB_THRESHOLD = 0.2
# The cold-start blend as a probability: a logistic fitted on the development split of
# evals/scanner/labels_heldout.jsonl by `python -m evals.scanner.calibrate` (two numbers; no term
# comes from a label).
CALIBRATION = (9.7, -5.1)
LEXICAL_SHARE = 0.3  # of the cold-start blend; the rest is likeness to MSV's own words
PROFILE_FULL = 0.3  # profile cosine that counts as a full match
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# A topic matched by names alone (an agency or body, no word of the field) counts this much: a
# named actor says who, not what about ("Tillväxtverket får uppdrag om …" may be off-topic).
# Chosen by development ranking (evals/README.md: 0 to 0.5 ranked alike, 1 worse).
NAMES_ALONE = 0.5
MIN_COMPOUND_STEM = 5  # shorter stems only match whole words ("stem", "esf", "eu")
BODY_CHARS = 6000
# What an item is about is said in its title and lead: a term there counts more than one the body
# merely mentions among other subjects. Chosen on the development time splits (evals/README.md:
# average precision 0.732 → 0.777 over three origins, better on each).
LEAD_CHARS = 400
LEAD_WEIGHT = 0.5  # added for a term in the lead
BODY_WEIGHT = 0.9  # times 1 + log(occurrences in the body)
# Added to the blend times `Profile.contrast`: how much more the item's words are MSV's own (its
# report, the topic descriptions) than the stream's; generic government words pull it down.
# Chosen on the development time splits (evals/README.md: 0.35-0.6 rank alike, each origin better).
CONTRAST_WEIGHT = 0.4


class Topic(BaseModel):
    """A watch topic (bevakningsområde)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    description: str
    core_terms: list[str] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list, description=(
        "Bodies, agencies and programmes the collaboration follows; matched like core terms"))
    description_en: str = Field("", description="The description in English, for English items")


class Damping(BaseModel):
    """Titles that rarely matter however on-topic their words (appointments, ceremonies)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    factor: float = Field(0.5, ge=0.0, le=1.0)
    title_terms: list[str] = Field(default_factory=list)


class KbPassage(Protocol):
    """A knowledge-base passage as returned by ingest.kb.KnowledgeBase.search."""

    title: str
    section: str | None
    page: int | None
    text: str
    score: float
    doc_id: str


Embed = Callable[[list[str]], Any]  # list of texts -> L2-normalised matrix (numpy)
KbSearch = Callable[[str, int], Sequence[KbPassage]]


@dataclass
class Relevance:
    score: float
    topics: list[str]
    reason: dict[str, Any] = field(default_factory=dict)

    def relevant(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        return self.score >= threshold


def load_topics(path: str | Path | None = None) -> list[Topic]:
    return _load(path)[0]


def load_damping(path: str | Path | None = None) -> Damping:
    return _load(path)[1]


def load_scorer(path: str | Path | None = None, corpus: str | Path | None = DEFAULT_CORPUS,
                **kwargs: Any) -> RelevanceScorer:
    """A scorer over the topics file (default: the shipped topics.toml) and the public passages
    of the documents in `corpus` (default: the bundled corpus; None: descriptions only)."""
    topics, damping = _load(path)
    passages = load_passages(corpus) if corpus else []
    return RelevanceScorer(topics, damping=damping, passages=passages, **kwargs)


def _load(path: str | Path | None) -> tuple[list[Topic], Damping]:
    path = Path(path) if path else DEFAULT_TOPICS_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        topics = [Topic.model_validate(t) for t in data.get("topic", [])]
        damping = Damping.model_validate(data.get("damping", {}))
    except FileNotFoundError as e:
        raise ScanConfigError(str(path), "topics file not found") from e
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise ScanConfigError(str(path), f"invalid topics file: {e}") from e
    if not topics:
        raise ScanConfigError(str(path), "no [[topic]] tables")
    return topics, damping


@dataclass(frozen=True)
class _Term:
    text: str
    stems: tuple[str, ...]
    core: bool


def _token_matches(stem: str, token: str) -> bool:
    """Exact, or the stem is the first part of a compound ("validering" in
    "valideringsinsatser"). Heads are not matched: "utbildning" is no "bildning" and
    "klimatomställning" no "omställning"; list such compounds as terms of their own."""
    return token == stem or (len(stem) >= MIN_COMPOUND_STEM and token.startswith(stem))


def _count(term: _Term, tokens: Sequence[str]) -> int:
    """Occurrences of the term's stems as consecutive tokens (compound parts allowed)."""
    n = len(term.stems)
    if n == 0:
        return 0
    return sum(1 for i in range(len(tokens) - n + 1)
               if all(_token_matches(s, tokens[i + j]) for j, s in enumerate(term.stems)))


class RelevanceScorer:
    """Scores items against watch topics and MSV's own words; collaborators (embedder for
    English items, KB search for the reason) are optional. `score` is a calibrated probability."""

    def __init__(self, topics: list[Topic], tokenize: Tokenizer | None = None,
                 embed: Embed | None = None, kb_search: KbSearch | None = None,
                 threshold: float = DEFAULT_THRESHOLD, dense_floor: float = 0.3,
                 dense_ceiling: float = 0.6, kb_k: int = 3, kb_min_score: float = 0.0,
                 damping: Damping | None = None, passages: Sequence[Passage] = (),
                 calibration: tuple[float, float] = CALIBRATION) -> None:
        self.topics = topics
        self.tokenize = tokenize or relevance_words
        self.embed = embed
        self.kb_search = kb_search
        self.threshold = threshold
        self.dense_floor, self.dense_ceiling = dense_floor, dense_ceiling
        self.kb_k, self.kb_min_score = kb_k, kb_min_score
        self.calibration = calibration
        self._terms = {t.id: self._dedupe([self._term(x, True) for x in [*t.core_terms, *t.names]]
                                          + [self._term(x, False) for x in t.terms])
                       for t in topics}
        self._names = {t.id: set(t.names) - set(t.core_terms) - set(t.terms) for t in topics}
        self.damping = damping or Damping()
        self._damping_terms = [self._term(x, False) for x in self.damping.title_terms]
        self.profile = Profile([f"{t.name}. {t.description}" for t in topics], passages)
        self._seen: set[int] = set()
        self._topic_vecs: Any = None

    def _term(self, text: str, core: bool) -> _Term:
        return _Term(text, tuple(self.tokenize(text)), core)

    @staticmethod
    def _dedupe(terms: list[_Term]) -> list[_Term]:
        """Inflections of one word ("högskola", "högskolor") count once; the first wins."""
        seen: set[tuple[str, ...]] = set()
        out = []
        for term in terms:
            if term.stems and term.stems not in seen:
                seen.add(term.stems)
                out.append(term)
        return out

    def observe(self, docs: Sequence[tuple[str, str]]) -> None:
        """Add news not seen before to the background that word rarity is measured against."""
        new = []
        for title, text in docs:
            key = hash((title, text[:200]))
            if key not in self._seen:
                self._seen.add(key)
                new.append(f"{title} {text[:1500]}")
        if new:
            self.profile.fit_background(new)

    def probability(self, cold: float) -> float:
        a, b = self.calibration
        return 1.0 / (1.0 + math.exp(-(a * cold + b)))

    # -- scoring ------------------------------------------------------------------------------

    def score(self, title: str, text: str, source_topics: Sequence[str] = ()) -> Relevance:
        return self.score_many([(title, text)], [source_topics])[0]

    def score_item(self, item: Any, source_topics: Sequence[str] = ()) -> Relevance:
        """Score a stored item (anything with .title and .text)."""
        return self.score(item.title, item.text, source_topics)

    def score_many(self, docs: Sequence[tuple[str, str]],
                   source_topics: Sequence[Sequence[str]] | None = None) -> list[Relevance]:
        self.observe(docs)
        english = [is_english(f"{t}\n{x}") for t, x in docs]
        dense = self._dense([d for d, en in zip(docs, english, strict=True) if en])
        out = []
        for i, (title, text) in enumerate(docs):
            prior = source_topics[i] if source_topics else ()
            sims = dense.pop(0) if english[i] and dense else None
            out.append(self._score_one(title, text, prior, english[i], sims))
        return out

    def _dense(self, docs: Sequence[tuple[str, str]]) -> list[list[float]]:
        """Each English item's cosine with each topic's English description."""
        if self.embed is None or not docs:
            return []
        if self._topic_vecs is None:
            self._topic_vecs = self.embed([f"{t.name}. {t.description_en or t.description}"
                                           for t in self.topics])
        vecs = self.embed([f"{t}. {extractive_summary(t, x, 3, 600)}" for t, x in docs])
        return [[float(v) for v in row] for row in vecs @ self._topic_vecs.T]

    def _score_one(self, title: str, text: str, prior: Sequence[str], english: bool,
                   dense: list[float] | None) -> Relevance:
        title_tokens = self.tokenize(expand_elliptic(title))
        body_tokens = self.tokenize(expand_elliptic(text[:BODY_CHARS]))
        lead_tokens = self.tokenize(expand_elliptic(text[:LEAD_CHARS]))
        per_topic: list[dict[str, Any]] = []
        for i, topic in enumerate(self.topics):
            raw, matched, field_word = 0.0, [], False
            for term in self._terms[topic.id]:
                in_title = _count(term, title_tokens)
                in_body = _count(term, body_tokens)
                if not (in_title or in_body):
                    continue
                weight = 1.0 if term.core else 0.3
                raw += weight * (2.0 if in_title else 0.0)
                raw += weight * BODY_WEIGHT * (1 + math.log(in_body)) if in_body else 0.0
                raw += weight * LEAD_WEIGHT if _count(term, lead_tokens) else 0.0
                matched.append(term.text)
                field_word = field_word or term.text not in self._names[topic.id]
            score = 1 - math.exp(-raw / 2.5)
            if matched and not field_word:
                score *= NAMES_ALONE
            if dense is not None:
                # An English item is judged by its dense likeness to the topic: the Swedish terms
                # it can match are names and acronyms ("OECD"), which say who, not what about.
                score = self._dense01(dense[i])
            if topic.id in prior and score > 0:
                score = min(1.0, score + 0.05)
            if score > 0.05:
                per_topic.append({"id": topic.id, "name": topic.name, "score": round(score, 3),
                                  "terms": matched,
                                  **({"dense": round(dense[i], 3)} if dense else {})})
        per_topic.sort(key=lambda t: -t["score"])
        best = per_topic[0]["score"] if per_topic else 0.0
        second = per_topic[1]["score"] if len(per_topic) > 1 else 0.0
        lexical = min(1.0, best + 0.15 * second)
        damped = [t.text for t in self._damping_terms if _count(t, title_tokens)]
        if damped:
            lexical *= self.damping.factor
        match = self.profile.match(title, text)
        contrast = 0.0
        if english and dense is not None:
            cold = lexical  # the English channel: dense likeness to the topics
        else:
            contrast = max(-1.0, min(1.0, self.profile.contrast(title, text)))  # a few stray words
            cold = (LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * min(1.0, match.score / PROFILE_FULL)
                    + CONTRAST_WEIGHT * contrast)
        kb_hits = self._kb(title, text) if self.kb_search else []
        topics = [t["id"] for t in per_topic if t["score"] >= 0.3] or \
            [t["id"] for t in per_topic[:1]]
        passage = _passage_json(match.passage, match.passage_score)
        probability = round(self.probability(cold), 4)
        reason = {"topics": per_topic[:4], "kb": kb_hits, "damped": damped, "passage": passage,
                  "cold_probability": probability,
                  "lexical": round(lexical, 4), "profile": match.score, "contrast": contrast,
                  "cold": round(cold, 4),
                  "language": "en" if english else "sv",
                  "text": _reason_text(per_topic[:3], kb_hits, passage)}
        return Relevance(probability, topics, reason)

    def _dense01(self, sim: float) -> float:
        return min(1.0, max(0.0, (sim - self.dense_floor) / (self.dense_ceiling - self.dense_floor)))

    def _kb(self, title: str, text: str) -> list[dict[str, Any]]:
        query = f"{title}. {extractive_summary(title, text, 2, 300)}"
        assert self.kb_search is not None
        try:
            hits = self.kb_search(query, self.kb_k)
        except Exception as e:  # noqa: BLE001 - the KB is an enrichment, never a blocker
            log.warning("knowledge-base search failed for %r: %s", title[:60], e)
            return []
        return [{"title": h.title, "section": h.section, "page": h.page,
                 "doc_id": h.doc_id, "score": round(float(h.score), 4)}
                for h in hits if float(h.score) >= self.kb_min_score]


def _passage_json(p: Passage | None, score: float) -> dict[str, Any] | None:
    if p is None or score <= 0:
        return None
    return {"title": p.title, "section": p.section, "page": p.page, "score": score,
            "where": p.where()}


def _reason_text(topics: list[dict[str, Any]], kb: list[dict[str, Any]],
                 passage: dict[str, Any] | None = None) -> str:
    """A Swedish one-liner: which watch topics and terms matched, which passages it touches."""
    parts = []
    if topics:
        parts.append("Bevakningsområden: " + "; ".join(
            f"{t['name']} ({', '.join(t['terms'][:4]) or 'semantisk likhet'})" for t in topics))
    if passage:
        parts.append(f"Berör: {passage['where']}")
    if kb:
        touched = []
        for h in kb[:2]:
            where = h["title"]
            if h.get("section"):
                where += f", avsnitt {h['section']}"
            if h.get("page"):
                where += f", s. {h['page']}"
            touched.append(where)
        parts.append("berör: " + " | ".join(touched))
    return ". ".join(parts) if parts else "Inga bevakningsområden träffades."
