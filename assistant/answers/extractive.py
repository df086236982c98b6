"""The extractive engine, the embedded default: it answers with sentences taken from the
retrieved passages (lightly trimmed, each marked [n]) and refuses when none addresses the question.

The candidates come scored and ordered (``candidates``); this module decides which of them answers
(the refusal check), which leads and which follow it, and what a refusal says. A two-part question
answers each part it can; its first part must be answered, and a later part the documents leave
open is said to be so. The answer is written out by ``compose``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ingest.abbreviations import Abbreviations, shipped
from ingest.glossary import is_english, to_swedish

from .announces import announces_only
from .asked import offers_all, outcome_untold
from .base import REFUSAL, Answer, Citation
from .candidates import content_nouns, rank_units
from .compose import compose
from .cues import NO_CUE, cue_met, names_given, names_listed, spells_out_asked
from .figures import COUNTED_LIST, list_count, separators
from .gates import doer, names_a_sibling, says_what
from .lists import list_items
from .question import QuestionInfo, analyse, split_question, with_subject
from .sentence_rank import SentenceModel, load_model
from .subject import Entity, neighbour_line, subjects, unnamed_per_hit
from .synonyms import Synonyms
from .time_cues import date_of_a_report_to, figure_of_another_year, final_for_partial, other_year, time_of_another
from .units import Unit, reports_speech

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
# A lead sentence must say some of the question's content itself, not only stand in a passage that
# does (a list item "Samordnare 1,0 heltidstjänst" answers nothing on its own).
MIN_OWN = 0.2
# An answer that leaves a later part of the question open must be likelier right than not: the
# sentence model's probability that its first sentence answers.
PARTIAL_P = 0.5


class ExtractiveEngine:
    """Answers with selected passage sentences. Needs only the knowledge base (and its embedder)."""

    name = "extractive"

    def __init__(self, kb: KnowledgeBase, *, k: int = TOP_K, min_coverage: float = MIN_COVERAGE,
                 use_embeddings: bool = False, sentence_model: SentenceModel | None | bool = True,
                 synonyms: Synonyms | None = None) -> None:
        self.kb = kb
        self.k = k
        self.min_coverage = min_coverage
        # Re-ranking by embedding similarity cost a second embedding call and changed no answer; off.
        self.embedder = kb.embedder if use_embeddings else None
        # The learned order of sentences (sentence_rank.py); True: the shipped model, None/False: the hand-set sum.
        self.model = load_model() if sentence_model is True else sentence_model or None
        self.synonyms = synonyms or {}  # a general thesaurus (synonyms.py): a noun's synonym in the passage says it

    def answer(self, question: str, *, flt: SearchFilter | None = None, hits: list[Hit] | None = None) -> Answer:
        from ingest.store import SearchFilter

        if hits is None:
            hits = self.kb.search(question, self.k, flt or SearchFilter())
        return self.answer_from_hits(question, hits[: self.k])

    def abbreviations(self) -> Abbreviations:
        """The short forms the knowledge base's documents define (the shipped table without one)."""
        return self.kb.abbreviations() if self.kb is not None else shipped()

    # -- selection -------------------------------------------------------------------------------
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
        nouns = len(content_nouns(info))
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
        if announces_only(info, best.text) or best.leans_on and announces_only(info, best.leans_on):
            return False  # "the board is to review …" does not say what the review found
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
        known = self.abbreviations()
        parts = [analyse(q, english=english, abbreviations=known) for q in split_question(question)]
        if len(parts) > 1:  # a later part ("... och hur ofta görs den?") inherits the first part's subject
            parts = [parts[0]] + [with_subject(p, parts[0]) for p in parts[1:]]
        info = parts[0]
        first_about: tuple[Entity, ...] = ()
        units = rank_units(info, hits, synonyms=self.synonyms, model=self.model, embedder=self.embedder)
        chosen: list[Unit] = []
        said: set[str] = set()  # the chosen sentences' texts
        about: dict[int, frozenset[str]] = {}  # the first part's subjects each passage leaves unnamed
        unanswered: list[QuestionInfo] = []  # later parts no sentence answers
        later: list[tuple[QuestionInfo, str]] = []  # each later part with the lead it added
        for part in parts:  # each part needs a sentence of its own that answers it
            entities = subjects(part.text, english=english, translated=to_swedish(part.text) if english else "",
                                abbreviations=known)
            unnamed = unnamed_per_hit(entities, hits)
            about = about or unnamed
            first_about = first_about or entities
            lead = self._follow_up(part, chosen, hits, unnamed) if chosen else None
            if lead is None:  # ranked on the part's words only when its first answer's document has none
                ranked = units if part is info else rank_units(
                    part, hits, synonyms=self.synonyms, model=self.model, embedder=self.embedder)
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
                if part is not info:
                    later.append((part, lead.text))
        best = chosen[0]
        if unanswered and best.p < PARTIAL_P:
            return self._refusal(question, info, units, hits, about)
        # someone's words ("…, säger ministern.") state a view, not a fact, unless the question asks who
        speech = not any(q.kind == "person" for q in parts)
        for u in self._further(later, units, chosen, hits):
            if len(chosen) >= MAX_SENTENCES:
                break
            if sum(len(c.text) for c in chosen) + len(u.text) > ANSWER_CHARS:
                continue  # a short answer reads better; the citations lead to the rest
            if speech and reports_speech(u.text):
                continue  # the room goes to a sentence that says what was asked
            if (u.text not in said and not about.get(u.hit) and not u.matter_missing
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

    def _further(self, later: list[tuple[QuestionInfo, str]], units: list[Unit], chosen: list[Unit],
                 hits: list[Hit]) -> list[Unit]:
        """The candidates for further sentences, likeliest first: those covering the question and at
        least ``EXTRA_SCORE`` as likely as the lead. A later part's candidates are weighed against
        that part's own lead, on the part's own words ("… och till när då?" ranks the
        dates of its matter, which the first part's words rank low), and all go in one order by
        their probability's share of their part's lead. ``later`` pairs each later part with the text
        of the lead it added to the answer."""
        best = chosen[0]
        pool = [(u, u.p / best.p if best.p > 0 else 0.0) for u in units
                if u.coverage >= self.min_coverage and u.p >= EXTRA_SCORE * best.p]
        for part, lead_text in later:
            ranked = rank_units(part, hits, synonyms=self.synonyms, model=self.model, embedder=self.embedder)
            lead = next((u for u in ranked if u.text == lead_text), None)
            if lead is not None and lead.p > 0:
                pool += [(u, u.p / lead.p) for u in ranked
                         if u.coverage >= self.min_coverage and u.p >= EXTRA_SCORE * lead.p]
        pool.sort(key=lambda x: -x[1])  # stable: equals keep the hand-set order
        return [u for u, _ in pool]

    def _follow_up(self, part: QuestionInfo, chosen: list[Unit], hits: list[Hit],
                   unnamed: dict[int, frozenset[str]]) -> Unit | None:
        """A later part ("… och när ska det redovisas?") asks about the matter the first part's
        answer is about: a sentence of that answer's document answers it on the part's own words."""
        own = analyse(part.text, english=part.english, abbreviations=self.abbreviations())
        doc = hits[chosen[0].hit].doc_id
        said = {c.text for c in chosen}
        merged = (rank_units(part, hits, synonyms=self.synonyms, model=self.model, embedder=self.embedder)
                  if not own.terms or part.kind in ("number", "money", "time") else [])
        if merged and not any(t.match(u.tokens) for u in merged for t in own.terms):
            # "… och hur stor är kakan?", "… och när ska det vara klart?" ask about what the first answer
            # names, in words no passage has: a sentence of its document that has what the part asks for
            return next((u for u in merged if hits[u.hit].doc_id == doc and not unnamed[u.hit]
                         and cue_met(part.kind, u.text, part.said, part.text)
                         and (part.kind != "time" or u.takes_up)), None)  # "Uppdraget ska vara klart …"
        ranked = [u for u in rank_units(own, hits, synonyms=self.synonyms, model=self.model, embedder=self.embedder)
                  if hits[u.hit].doc_id == doc]
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


def _likeliest(units: Iterable[Unit]) -> Unit | None:
    """The unit the sentence model finds likeliest to answer (the first of equals)."""
    return max(units, key=lambda u: u.p, default=None)
