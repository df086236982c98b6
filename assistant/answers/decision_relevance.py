"""Which of the register's decisions a decision question is about: the weighted share of the
topic's words a decision's text and heading have (the word itself, a compound it is part of, a
compound's head), the years both name, and, when no single decision covers the words, the matters
whose steps do together."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.dates import DATE

from ..records.decisions import Decision
from ..records.meeting import matches_body
from ..records.register import MINUTES_KINDS, find_decisions
from ..records.threads import Thread
from .decision_open import MAX_DECISIONS
from .decision_questions import DecisionQuestion
from .question import Term, question_terms, tokens_of

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase
    from ingest.store import SearchFilter

MIN_RELEVANCE = 0.85  # weighted share of the topic's words a decision (text and heading) must cover

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def years_of(text: str) -> frozenset[str]:
    """The years a text refers to, not counting those inside full dates (deadlines, start dates)."""
    return frozenset(_YEAR.findall(DATE.sub(" ", text)))


def term_weights(terms: tuple[Term, ...]) -> list[float]:
    return [0.5 if t.verb else 1.0 for t in terms]


@dataclass(frozen=True)
class Words:
    """A text's words: whole-word stems and the stems of compound parts."""

    whole: frozenset[str]
    parts: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Words:
        whole = frozenset(t for t in tokens_of(text, compounds=False) if not t.startswith("~"))
        parts = frozenset(t for t in tokens_of(text) if not t.startswith("~")) - whole
        return cls(whole, parts)


def _same(stem: str, words: frozenset[str]) -> bool:
    """The stem, or an inflection the stemmer left (a longer word with the stem as prefix)."""
    return stem in words or len(stem) >= 6 and any(w.startswith(stem) and len(w) - len(stem) <= 3 for w in words)


def term_score(term: Term, words: Words) -> float:
    """1 when the text has the word itself; less when the word is part of one of its compounds
    ("budget" in "verksamhetsbudgeten") or the text has the compound's head ("budgeten" for
    "verksamhetsbudget"); 0 otherwise. Stricter than the extractive engine's matching: a decision
    about "arbetsgruppen" must not pass for one about "arbetsordningen"."""
    if _same(term.stem, words.whole):
        return 1.0
    if term.stem in words.parts:
        return 0.9
    heads = [p for p in term.parts if not p.startswith("~")]
    # the head alone says a compound ("budgeten" for "verksamhetsbudget"), but not one written with a
    # hyphen, whose first part names which one ("ABC-gruppen" is not any "gruppen")
    if heads and len(heads[-1]) >= 4 and heads[-1] in term.stem and _same(heads[-1], words.whole):
        return 0.8
    return 0.0


def matter_words(steps: list[Decision]) -> Words:
    """The words of the decisions' texts and headings (one decision's, or a thread's steps together)."""
    return Words.of(" ".join(f"{x.text} {x.section} {x.matter}" for x in steps))


def covered(terms: tuple[Term, ...], words: Words) -> float:
    """The weighted share of the topic's words that ``words`` has."""
    weights = term_weights(terms)
    return sum(w * term_score(t, words) for w, t in zip(weights, terms, strict=True)) / (sum(weights) or 1.0)


def relevance(terms: tuple[Term, ...], d: Decision) -> float:
    """The weighted share of the topic's words that the decision text or its heading has."""
    return covered(terms, matter_words([d]))


def subject_words(terms: tuple[Term, ...], d: Decision) -> frozenset[str]:
    """The topic's words the decision text itself names (whole words, not compound parts)."""
    words = Words.of(d.text)
    return frozenset(t.stem for t in terms if not t.verb and term_score(t, words) == 1.0)


def year_fits(years: frozenset[str], d: Decision) -> bool:
    if not years:
        return True
    said = years_of(f"{d.text} {d.section}")
    return bool(said & years) if said else d.date[:4] in years


def matching_decisions(kb: KnowledgeBase, dq: DecisionQuestion, flt: SearchFilter | None = None) -> list[Decision]:
    """The register's decisions on the topic that the reader may see, in date order."""
    if flt is not None and flt.kinds and not set(flt.kinds) & set(MINUTES_KINDS):
        return []
    access = flt.access if flt is not None else None
    found = find_decisions(kb, dq.topic, body=dq.body, access=access,
                           since=flt.since if flt else "", until=flt.until if flt else "")
    if flt is not None and flt.doc_ids:
        found = [d for d in found if d.doc_id in flt.doc_ids]
    terms, years = question_terms(dq.topic), years_of(dq.topic)
    scored = [(relevance(terms, d), d) for d in found if year_fits(years, d)]
    kept = sorted((x for x in scored if x[0] >= MIN_RELEVANCE), key=lambda x: x[1].date, reverse=True)
    kept.sort(key=lambda x: -x[0])  # the most relevant, the newest first among equals
    chosen = [d for _, d in kept[:MAX_DECISIONS]]
    return sorted(chosen, key=lambda d: (d.date, d.doc_id, paragraph_key(d.paragraph)))


def paragraph_key(paragraph: str) -> int:
    m = re.search(r"\d+", paragraph or "")
    return int(m.group()) if m else 0


def matching_threads(dq: DecisionQuestion, threads: list[Thread], most: int = 3) -> list[Decision]:
    """When no single decision covers the question's words, the latest decision of each matter
    whose steps together do ("förslag" in the assignment, "analysmodell" in the decision)."""
    terms, years = question_terms(dq.topic), years_of(dq.topic)
    scored: list[tuple[float, Decision]] = []
    for t in threads:
        steps = [d for d in t.decisions if matches_body(d.body, dq.body) and year_fits(years, d)]
        if len(t.decisions) < 2 or not steps:
            continue
        share = covered(terms, matter_words(t.decisions))
        if share >= MIN_RELEVANCE:
            scored.append((share, steps[-1]))
    scored.sort(key=lambda x: (-x[0], x[1].date))
    return sorted((d for _, d in scored[:most]), key=lambda d: (d.date, d.doc_id, paragraph_key(d.paragraph)))
