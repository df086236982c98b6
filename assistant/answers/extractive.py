"""The extractive engine, the embedded default: it answers with sentences taken from the
retrieved passages (lightly trimmed, each marked [n]) and refuses when none addresses the question.

A sentence is scored by how much of the question's weighted content it covers (stemmed tokens with
compound parts; rare terms weigh more; a document's own subject counts as said), whether it has what
the question type asks for and how closely it echoes the question; a learned model orders them. A
two-part question answers each part it can; its first part must be answered, and a later part the
documents leave open is said to be so."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ingest.glossary import is_english, to_swedish

from .base import REFUSAL, Answer, Citation
from .compose import compose
from .cues import (
    AMOUNT,
    COUNTED_LIST,
    NO_CUE,
    ORDINAL,
    YEARISH,
    asked_term,
    asks_holder,
    counts_near,
    cue_met,
    date_of_a_report_to,
    figure_of_another_year,
    final_for_partial,
    list_count,
    matter_modifier,
    matter_words,
    names_given,
    names_listed,
    offers_all,
    other_year,
    outcome_untold,
    says_month,
    says_ordinal,
    separators,
    spells_out_asked,
    time_of_another,
    without_references,
)
from .gates import beside, doer, names_a_sibling, says_modifier, says_role, says_what
from .lists import list_items
from .question import (
    QUESTION_WORDS,
    QuestionInfo,
    Term,
    analyse,
    split_question,
    tokens_of,
    with_subject,
)
from .sentence_rank import SentenceModel, feature_rows, load_model
from .subject import Entity, neighbour_line, subjects, unnamed_per_hit
from .synonyms import Synonyms
from .units import Unit, passage_units, taken_up

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase
    from ingest.search import Hit
    from ingest.store import SearchFilter

# Chosen on the development questions (msv eval answers; the held-out half only reports): the share of the question's
# weighted content a lead sentence must cover, together with its own passage.
MIN_COVERAGE = 0.40
TOP_K = 10
# Chosen on the development questions: more sentences, each likelier to answer, cover more facts at a
# shorter median length (4 within 500 characters, at 0.65 of the lead's probability, before).
MAX_SENTENCES = 6
ANSWER_CHARS = 480  # further sentences are added only within this length (a list is kept whole)
EXTRA_SCORE = 0.75  # a further sentence must score this share of the lead's
LEAD_CANDIDATES = 5  # the answer leads with the best of these that passes the refusal check
PERVASIVE_SHARE = 0.15  # a term in this share of a document's sentences is that document's subject
# A lead sentence must say some of the question's content itself, not only stand in a passage that
# does (a list item "Samordnare 1,0 heltidstjänst" answers nothing on its own).
MIN_OWN = 0.2
# An answer that leaves a later part of the question open must be likelier right than not: the
# sentence model's probability that its first sentence answers.
PARTIAL_P = 0.5
_FIGURE_ASKED = re.compile(r"\b(?:hur stor[ta]?|vilken|vilket)\s+(del|andel|antal|summa|belopp)\b", re.IGNORECASE)
MATTER_MISSING = 0.5  # a passage missing this share of the words that say which assignment is about another
# Kinds whose answer instantiates the noun naming its type (a date for "vilket datum").
TYPED = frozenset({"time", "number", "money", "frequency"})

class ExtractiveEngine:
    """Answers with selected passage sentences. Needs only the knowledge base (and its embedder)."""

    name = "extractive"

    def __init__(self, kb: KnowledgeBase, *, k: int = TOP_K, min_coverage: float = MIN_COVERAGE,
                 use_embeddings: bool = False, sentence_model: SentenceModel | None | bool = True,
                 synonyms: Synonyms | None = None) -> None:
        # Re-ranking by embedding similarity cost a second embedding call and changed no answer; off.
        self.kb = kb
        self.k = k
        self.min_coverage = min_coverage
        self.use_embeddings = use_embeddings
        # The learned order of sentences (sentence_rank.py); True: the shipped model, None/False: the hand-set sum.
        self.model = load_model() if sentence_model is True else sentence_model or None
        self.synonyms = synonyms or {}  # a general thesaurus (synonyms.py): a noun's synonym in the passage says it

    def answer(self, question: str, *, flt: SearchFilter | None = None, hits: list[Hit] | None = None) -> Answer:
        from ingest.store import SearchFilter

        if hits is None:
            hits = self.kb.search(question, self.k, flt or SearchFilter())
        return self.answer_from_hits(question, hits[: self.k])

    # -- selection -------------------------------------------------------------------------------
    def rank_units(self, info: QuestionInfo, hits: list[Hit]) -> list[Unit]:
        """Every sentence and list item of the passages, best first. Overlapping windows repeat
        sentences; a repeat keeps only its first (best-ranked) passage."""
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
        syn_of = {t: self.synonyms.get(t.stem, frozenset()) for t in info.terms}
        for i, h in enumerate(hits):
            ctx = frozenset(tokens_of(f"{h.title} {h.section} {h.text}"))
            in_ctx[i] = {t: 1.0 if (t, h.doc_id) in implied else t.match(ctx) for t in info.terms}
            alt[i] = {t for t in info.terms if syn_of[t] & ctx}
        # The numbers and months a question names may stand anywhere in the retrieved part of the
        # answer's document (a year named one passage before the figure asked for).
        doc_text: dict[str, str] = {}
        for h in hits:
            doc_text[h.doc_id] = f"{doc_text.get(h.doc_id, '')} {h.text} {h.date} {h.source}".lower()
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
            u.missing = sum(in_ctx[u.hit][t] < 0.8 and t not in alt[u.hit] for t in _content_nouns(info))
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
        p = self.model.probabilities(x) if self.model is not None else None
        for i, u in enumerate(units):
            u.features = tuple(x[i])
            u.p = u.score if p is None else float(p[i]) - (1.0 if signals[id(u)][4] else 0.0)
        units.sort(key=lambda u: (-u.score, u.hit, u.pos))  # ties in passage order: the same answer every run
        if self.use_embeddings and self.kb.embedder is not None:
            top = units[:16]
            vecs = self.kb.embedder.embed([info.text] + [u.text for u in top])
            sims = vecs[1:] @ vecs[0]
            for u, s in zip(top, np.asarray(sims, dtype=float)):
                u.score += 0.3 * float(s)
            units.sort(key=lambda u: (-u.score, u.hit, u.pos))  # ties in passage order: the same answer every run
        return units

    def answerable(self, info: QuestionInfo, best: Unit | None, unnamed: frozenset[str] = frozenset(),
                   about: tuple[Entity, ...] = (), *, soft: bool = True) -> bool:
        """Whether ``best`` answers ``info``; ``unnamed`` are the question's subjects (``about``) its
        passage does not name (any one makes it a sentence about something else). ``soft=False``
        skips the soft gates (coverage, own share, the missing nouns, the role asked about)."""
        if best is not None and not unnamed and spells_out_asked(info.text, best.text):
            return True  # "Vad står X för?" is answered by the sentence that spells X out
        if best is None or unnamed or soft and (
                best.coverage + best.synonym_gain < self.min_coverage or best.own < MIN_OWN):
            return False
        # A third of the question's nouns may be missing from the passage (paraphrase); what the
        # question is about is guarded by the subject check, not by requiring every word.
        nouns = len(_content_nouns(info))
        if soft and (best.missing > nouns // 3 or best.role_missing) or best.unheard or best.matter_missing:
            return False
        if info.kind == "time" and (
                not says_what(info, best, about) or date_of_a_report_to(info.text, best.text, about)
                or final_for_partial(info.text, best.text)
                or time_of_another(best.text, frozenset(w.lower() for e in about for w in e.label.split()))):
            return False
        if info.kind == "frequency" and not says_what(info, best, about, doer(info.text), self.synonyms):
            return False  # a report handed to a council at fixed times does not say how often the council meets
        if names_a_sibling(info, best, about):
            return False
        if (offers_all(info.text, best.text) or outcome_untold(info.text, best.text)
                or not names_listed(info.text, best.text, info.said, about)
                or info.kind != "time" and (other_year(info.years, best.text) or best.heading_of_another_year)
                or info.kind in ("money", "number") and figure_of_another_year(info.years, best.text)):
            return False
        counted = COUNTED_LIST.search(info.text)
        if counted and not (best.enumerates or separators(best.text) >= list_count(counted.group(1)) - 1):
            return False  # "Vilka tre skolor …" asks for the three, not for a sentence saying there are three
        return cue_met(info.kind, best.text, info.said, info.text) or info.kind in NO_CUE

    def answer_from_hits(self, question: str, hits: list[Hit]) -> Answer:
        english = is_english(question)
        parts = [analyse(q, english=english) for q in split_question(question)]
        if len(parts) > 1:  # a later part ("... och hur ofta görs den?") inherits the first part's subject
            parts = [parts[0]] + [with_subject(p, parts[0]) for p in parts[1:]]
        info = parts[0]
        first_about: tuple[Entity, ...] = ()
        units = self.rank_units(info, hits)
        chosen: list[Unit] = []
        said: set[str] = set()  # the chosen sentences' texts
        about: dict[int, frozenset[str]] = {}  # the first part's subjects each passage leaves unnamed
        unanswered: list[QuestionInfo] = []  # later parts no sentence answers
        for part in parts:  # each part needs a sentence of its own that answers it
            entities = subjects(part.text, english=english, translated=to_swedish(part.text) if english else "")
            unnamed = unnamed_per_hit(entities, hits)
            about = about or unnamed
            first_about = first_about or entities
            lead = self._follow_up(part, chosen, hits, unnamed) if chosen else None
            if lead is None:  # ranked on the part's words only when its first answer's document has none
                ranked = units if part is info else self.rank_units(part, hits)
                fit = [u for u in ranked[:LEAD_CANDIDATES] if self.answerable(part, u, unnamed[u.hit], entities)]
                # a sentence already chosen may answer this part too ("X leder Y sedan 2020" for who and since when)
                lead = _likeliest(u for u in fit if u.text not in said) or _likeliest(fit)
                if lead is None and part is info:
                    return self._refusal(question, part, ranked, hits, unnamed)
            if lead is None:  # a later part the documents leave open is said to be so; the first is answered
                unanswered.append(part)
                continue
            if lead.text not in said:
                chosen.append(lead)
                said.add(lead.text)
        best = chosen[0]
        if unanswered and best.p < PARTIAL_P:
            return self._refusal(question, info, units, hits, about)
        for u in sorted(units, key=lambda u: -u.p):  # stable: equals keep the hand-set order
            if len(chosen) >= MAX_SENTENCES:
                break
            if sum(len(c.text) for c in chosen) + len(u.text) > ANSWER_CHARS:
                continue  # a short answer reads better; the citations lead to the rest
            if (u.coverage >= self.min_coverage and u.p >= EXTRA_SCORE * best.p
                    and u.text not in said and not about.get(u.hit) and not u.matter_missing
                    and any(cue_met(q.kind, u.text, q.said, q.text) or q.kind in NO_CUE for q in parts)):
                chosen.append(u)  # it has what one of the question's parts asks for
                said.add(u.text)
        nxt = next((u for u in units if u.hit == best.hit and u.pos == best.pos + 1), None)
        if (nxt is not None and len(chosen) < MAX_SENTENCES and nxt.text not in said
                and sum(len(c.text) for c in chosen) + len(nxt.text) <= ANSWER_CHARS
                and any(m > 0 for m in nxt.matches.values()) and not nxt.is_item):
            chosen.append(nxt)  # the sentence after the lead often goes on with the matter ("Däremot …")
        items = list_items(info, chosen, units, hits, self.min_coverage)
        if not names_given(info, chosen, items, first_about):
            return self._refusal(question, info, units, hits, about)
        return compose(question, chosen, items, hits, self.name, tuple(p.text for p in unanswered))

    def _follow_up(self, part: QuestionInfo, chosen: list[Unit], hits: list[Hit],
                   unnamed: dict[int, frozenset[str]]) -> Unit | None:
        """A later part ("… och när ska det redovisas?") asks about the matter the first part's
        answer is about: a sentence of that answer's document answers it on the part's own words."""
        own = analyse(part.text, english=part.english)
        doc = hits[chosen[0].hit].doc_id
        said = {c.text for c in chosen}
        merged = self.rank_units(part, hits) if not own.terms or part.kind in ("number", "money", "time") else []
        if merged and not any(t.match(u.tokens) for u in merged for t in own.terms):
            # "… och hur stor är kakan?", "… och när ska det vara klart?" ask about what the first answer
            # names, in words no passage has: a sentence of its document that has what the part asks for
            return next((u for u in merged if hits[u.hit].doc_id == doc and not unnamed[u.hit]
                         and cue_met(part.kind, u.text, part.said, part.text)
                         and (part.kind != "time" or u.takes_up)), None)  # "Uppdraget ska vara klart …"
        ranked = [u for u in self.rank_units(own, hits) if hits[u.hit].doc_id == doc]
        return next((u for u in ranked[:LEAD_CANDIDATES] if u.text not in said
                     and self.answerable(own, u, unnamed[u.hit])), None)

    def _refusal(self, question: str, part: QuestionInfo, ranked: list[Unit], hits: list[Hit],
                 unnamed: dict[int, frozenset[str]]) -> Answer:
        """A refusal; when a sentence would have answered but for naming another subject than the
        question's, one line says what the documents speak of instead, citing it."""
        top = ranked[:LEAD_CANDIDATES]
        # Only when no passage names what the question is about is it another subject's answer.
        near = None if any(not unnamed[u.hit] for u in top) else next(
            (u for u in top if self.answerable(part, u)), None)
        line = neighbour_line(sorted(unnamed[near.hit]), near.text) if near is not None else ""
        if near is None or not line:
            related = [Citation.from_hit(i + 1, h) for i, h in enumerate(hits[:3])]
            return Answer(question, REFUSAL, False, self.name, related=related)
        return Answer(question, f"{REFUSAL} {line} [1]", False, self.name,
                      related=[Citation.from_hit(1, hits[near.hit])])


def _content_nouns(info: QuestionInfo) -> list[Term]:
    """The question's nouns that say what it is about: not the word for the figure a "hur stor
    del/andel …", "hur stort antal …" question asks for, which the answer gives as a number."""
    asked = _FIGURE_ASKED.search(info.text) if info.kind in ("number", "money") else None
    figure = set(tokens_of(asked.group(1))) if asked else set()
    return [t for t in info.terms if not t.verb and t.stem not in figure]


def _likeliest(units: Iterable[Unit]) -> Unit | None:
    """The unit the sentence model finds likeliest to answer (the first of equals)."""
    return max(units, key=lambda u: u.p, default=None)


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
    of their general dictionary translations: a dictionary word counts only where a passage has it."""
    left = set(to_swedish(question, dictionary=None).split()) & set(re.findall(r"[\w-]+", question.lower()))
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
