"""The candidate sentences of an extractive answer and their scores: every sentence and list item of
the retrieved passages, scored by how much of the question's weighted content it covers (stemmed
tokens with compound parts; rare terms weigh more; a document's own subject counts as said), whether
it has what the question type asks for and how closely it echoes the question, then ordered by the
learned sentence model. What a candidate lacks (a noun, the role asked about, the matter, the
question's year) is marked on it for the engine's refusal check."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ingest.glossary import to_swedish

from .asked import asked_term, matter_modifier, matter_words
from .cues import asks_holder, cue_met
from .figures import AMOUNT, ORDINAL, counts_near, says_ordinal, without_references
from .gates import beside, says_modifier, says_role
from .question import QUESTION_WORDS, QuestionInfo, Term, tokens_of
from .sentence_rank import SentenceModel, feature_rows
from .synonyms import Synonyms
from .time_cues import YEARISH, other_year, says_month
from .units import Unit, passage_units, taken_up

if TYPE_CHECKING:
    from ingest.embed import Embedder
    from ingest.search import Hit

PERVASIVE_SHARE = 0.15  # a term in this share of a document's sentences is that document's subject
_FIGURE_ASKED = re.compile(r"\b(?:hur stor[ta]?|vilken|vilket)\s+(del|andel|antal|summa|belopp)\b", re.IGNORECASE)
MATTER_MISSING = 0.5  # a passage missing this share of the words that say which assignment is about another
# Kinds whose answer instantiates the noun naming its type (a date for "vilket datum").
TYPED = frozenset({"time", "number", "money", "frequency"})


def rank_units(info: QuestionInfo, hits: list[Hit], *, synonyms: Synonyms, model: SentenceModel | None,
               embedder: Embedder | None = None) -> list[Unit]:
    """Every sentence and list item of the passages, best first. Overlapping windows repeat
    sentences; a repeat keeps only its first (best-ranked) passage. ``model`` orders them (None: the
    hand-set sum); ``embedder``, when given, adds each leading sentence's similarity to the question."""
    units: list[Unit] = []
    seen: set[str] = set()
    by_hit: dict[int, list[Unit]] = {}
    for i, h in enumerate(hits):
        for u in passage_units(i, h.text):
            by_hit.setdefault(i, []).append(u)
            if u.text not in seen:
                seen.add(u.text)
                units.append(u)
    if not units or not info.terms:
        return []
    n = len(units)
    if info.english:
        info = _matchable(info, hits)
        if not info.terms:
            return []
    for u in units:
        u.matches = {t: t.match(u.tokens) for t in info.terms}
    weight = {t: math.log(1 + n / (1 + sum(u.matches[t] >= 1.0 for u in units))) * (0.4 if t.verb else 1.0)
              for t in info.terms}
    total = sum(weight.values()) or 1.0
    implied = _pervasive(info.terms, hits, units)
    # What is asked about must be in the passage: the role in "Vem är kassör i …", the attribute
    # in "Vad blir hyran för …", and for "Hur många stolar …" the thing counted, in the sentence
    # that gives the number.
    role = asked_term(info)
    # who holds an office is named beside it: the office in the sentence or the one next to it
    holder = info.kind in ("person", "name") and asks_holder(info.text)
    in_ctx: dict[int, dict[Term, float]] = {}  # how well each passage (with its title) has each term
    alt: dict[int, set[Term]] = {}  # the terms each passage says in other words (a synonym)
    syn_of = {t: synonyms.get(t.stem, frozenset()) for t in info.terms}
    for i, h in enumerate(hits):
        ctx = frozenset(tokens_of(f"{h.title} {h.section} {h.text}"))
        in_ctx[i] = {t: 1.0 if (t, h.doc_id) in implied else t.match(ctx) for t in info.terms}
        alt[i] = {t for t in info.terms if syn_of[t] & ctx}
    # The numbers, months and ordinals a question names may stand anywhere in the retrieved part of
    # the answer's document, its title included (a year named one passage before the figure asked
    # for, "the second round" in a title announcing it).
    doc_text: dict[str, str] = {}
    for h in hits:
        doc_text[h.doc_id] = f"{doc_text.get(h.doc_id, '')} {h.title} {h.text} {h.date} {h.source}".lower()
    # a compound of the question that no retrieved passage has, not even its head
    # ("bokningssystemet"): the knowledge base does not speak of that thing
    unheard = sum(1 for t in info.terms if not t.verb and any(p[0] != "~" for p in t.parts)
                  and all(in_ctx[i][t] < 0.5 for i in in_ctx))
    dated = info.kind in ("time", "frequency")  # "Satsningen ska vara klar …" dates what it takes up
    heads = [frozenset(tokens_of(f"{h.title} {h.section}")) for h in hits] if dated or holder else []
    which = set(tokens_of(matter_words(info.text)))  # which assignment: at least half must be in the passage
    matter = [t for t in info.terms if not t.verb and t.stem in which]
    # "elevundersökningen": a matter's compound is said whole or in words of its own ("undersökningen
    # bland elever"), not by its head alone ("undersökningen")
    kinds = [(t, m) for t in info.terms if not t.verb and (m := matter_modifier(t.stem))]
    unsaid: dict[int, bool] = {}
    for i, h in enumerate(hits):
        words = f"{h.title} {h.section} {h.text}"
        ctx = frozenset(tokens_of(words))
        unsaid[i] = any(t.match(ctx) < 0.8 or t.match(ctx) < 1.0 and not says_modifier(m, words) for t, m in kinds)
    signals: dict[int, tuple[float, float, float, float, bool]] = {}
    for u in units:
        before = by_hit[u.hit][u.pos - 1] if u.pos > 0 else None
        near = u.tokens | before.tokens if u.anaphoric and before is not None else u.tokens
        u.leans_on = before.text if u.anaphoric and before is not None else ""
        if dated:
            near = near | taken_up(u, by_hit[u.hit], heads[u.hit])
        u.near = near
        got = own = said = rest = syn = 0.0
        # "Under vilka veckor …", "Vilket datum …": a time (a figure) says the answer's type
        typed = info.kind in TYPED and cue_met(info.kind, u.text, info.said, info.text)
        for t, w in weight.items():
            m = u.matches[t]
            if m < 1.0 and near is not u.tokens:
                m = t.match(near)
            if typed and t.verb and t.stem in info.counted:
                m = 1.0
            if m > 0 or (t, hits[u.hit].doc_id) not in implied:  # a document's own subject may go unsaid
                said += w * m
                rest += w
            if (t, hits[u.hit].doc_id) in implied:
                m = max(m, 0.8)
            own += w * m
            got += w * max(m, 0.5 * in_ctx[u.hit][t])
            if m < 0.8 and t in alt[u.hit] and syn_of[t] & near:
                syn += w * (0.8 - max(m, 0.5 * in_ctx[u.hit][t]))  # the sentence says it by a synonym
        u.coverage, u.synonym_gain = got / total, syn / total
        u.own = said / rest if rest else 1.0
        u.missing = sum(in_ctx[u.hit][t] < 0.8 and t not in alt[u.hit] for t in content_nouns(info))
        u.unheard = unheard
        u.matter_missing = (bool(matter) and sum(in_ctx[u.hit][t] < 0.8 for t in matter) >= MATTER_MISSING * len(matter)
                            or unsaid.get(u.hit, False))
        u.role_missing = role is not None and not says_role(role, u.text, info.kind) and (
            (u.matches[role] if info.kind in ("number", "money") else in_ctx[u.hit][role]) < 0.8 or (
                info.kind == "number" and not counts_near(u.text, role)) or (
                holder and not beside(u, role, by_hit[u.hit]) and role.match(heads[u.hit]) < 0.8))
        # a table row or sentence under "Medel per kommun 2025" is of 2025 when it names no year itself
        u.heading_of_another_year = (info.kind != "time" and not YEARISH.search(u.text)
                                     and other_year(info.years, hits[u.hit].section))
        listy = _enumerates(u, by_hit[u.hit]) if info.kind == "list" else 0.0
        u.enumerates = listy > 0
        cue = 0.15 if cue_met(info.kind, u.text, info.said, info.text) else -0.15
        if info.kind in ("number", "money") and cue > 0 and not AMOUNT.search(without_references(u.text)):
            cue = 0.05  # a number word ("två fysiska") answers "hur många" less surely than a figure
        if info.kind != "time" and other_year(info.years, u.text):
            cue = -0.3  # the figure or name of another year
        echo = _echo(info, u)
        u.score = (0.5 * u.coverage + 0.5 * own / total + cue
                   + listy + echo - 0.01 * u.hit)
        where = doc_text[hits[u.hit].doc_id]
        lacks = (not all(num in where for num in info.numbers) or not all(says_month(where, m) for m in info.months)
                 or not all(says_ordinal(where, o) for o in ORDINAL.findall(info.text)))
        if lacks:
            u.score -= 1.0
            u.coverage = u.synonym_gain = 0.0
        signals[id(u)] = (own / total, cue, listy, echo, lacks)
    x = feature_rows(units, by_hit, [h.doc_id for h in hits], signals, sum(not t.verb for t in info.terms))
    p = model.probabilities(x) if model is not None else None
    for i, u in enumerate(units):
        u.features = tuple(x[i])
        u.p = u.score if p is None else float(p[i]) - (1.0 if signals[id(u)][4] else 0.0)
    units.sort(key=lambda u: (-u.score, u.hit, u.pos))  # ties in passage order: the same answer every run
    if embedder is not None:
        top = units[:16]
        vecs = embedder.embed([info.text] + [u.text for u in top])
        sims = vecs[1:] @ vecs[0]
        for u, s in zip(top, np.asarray(sims, dtype=float)):
            u.score += 0.3 * float(s)
        units.sort(key=lambda u: (-u.score, u.hit, u.pos))  # ties in passage order: the same answer every run
    return units


def content_nouns(info: QuestionInfo) -> list[Term]:
    """The question's nouns that say what it is about: not the word for the figure a "hur stor
    del/andel …", "hur stort antal …" question asks for, which the answer gives as a number."""
    asked = _FIGURE_ASKED.search(info.text) if info.kind in ("number", "money") else None
    figure = set(tokens_of(asked.group(1))) if asked else set()
    return [t for t in info.terms if not t.verb and t.stem not in figure]


def _pervasive(terms: tuple[Term, ...], hits: list[Hit], units: list[Unit]) -> set[tuple[Term, str]]:
    """(term, doc) pairs where the term names the document's own subject: in its title, or in at
    least a third of its retrieved sentences ("MSV" in a report about MSV). Any passage of that
    document is then about it, whether or not the sentence repeats the name."""
    out: set[tuple[Term, str]] = set()
    per_doc: dict[str, list[Unit]] = {}
    for u in units:
        per_doc.setdefault(hits[u.hit].doc_id, []).append(u)
    titles = {h.doc_id: frozenset(tokens_of(h.title)) for h in hits}
    for doc, us in per_doc.items():
        for t in terms:
            if t.verb:
                continue
            share = sum(u.matches[t] >= 1.0 for u in us) / len(us)
            if t.match(titles[doc]) >= 1.0 or (len(us) >= 6 and share >= PERVASIVE_SHARE):
                out.add((t, doc))
    return out


def _matchable(info: QuestionInfo, hits: list[Hit]) -> QuestionInfo:
    """An English question without the words that stayed English (no glossary entry) and that no
    retrieved passage has: they cannot be matched in Swedish text, so their absence says nothing.
    When they are half its content nouns or more, the question is not understood (no terms)."""
    have = frozenset(tokens_of(" ".join(f"{h.title} {h.section} {h.text}" for h in hits)))
    kept = tuple(t for t in info.terms if t.match(have) > 0 or t.stem not in _untranslated(info.text))
    nouns = [t for t in info.terms if not t.verb]
    if len([t for t in nouns if t not in kept]) * 2 >= len(nouns):
        return replace(info, terms=())  # half the question is not understood: no answer from the rest
    return replace(info, terms=kept)


@lru_cache(maxsize=1024)
def _untranslated(question: str) -> frozenset[str]:
    """The stems of an English question's words that the domain glossary leaves as they were, and
    of their general translations (word list, dictionary): such a word counts only where a passage has it."""
    left = set(to_swedish(question, dictionary=None, general=None).split()) & set(re.findall(r"[\w-]+", question.lower()))
    return frozenset(tokens_of(" ".join(left))) | frozenset(tokens_of(to_swedish(" ".join(sorted(left)))))


def _enumerates(u: Unit, passage: list[Unit]) -> float:
    """How surely a sentence lists things: a lead followed by list items, or a run of three or
    more short comma-separated names ("Arbetsförmedlingen, Skolverket, Tillväxtverket och ...")."""
    if u.text.rstrip().endswith(":"):
        nxt = next((v for v in passage if v.pos == u.pos + 1), None)
        return 0.15 if nxt is not None and nxt.is_item else 0.0
    run = best = 0
    for seg in u.text.split(","):
        run = run + 1 if len(seg.split()) <= 5 else 0
        best = max(best, run)
    return 0.25 if best >= 3 and re.search(r"\b(?:och|samt)\b", u.text) else 0.0


def _echo(info: QuestionInfo, u: Unit) -> float:
    """A small bonus for a sentence that repeats the question's wording, question words included
    ("Med samverkan avses ..." for "Vad avses med samverkan?")."""
    q = tokens_of(info.text, compounds=False)
    s = tokens_of(u.text, compounds=False)
    pairs = set(zip(s, s[1:]))
    hits = sum((a, b) in pairs for a, b in zip(q, q[1:]) if not (a in QUESTION_WORDS and b in QUESTION_WORDS))
    return min(0.2, 0.07 * hits)
