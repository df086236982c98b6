"""Decision questions answered from the register of decisions ("Vad har styrgruppen beslutat om
verksamhetsbudgeten?", "När beslutades arbetsordningen?", "What did the steering group decide
about the work plan?").

Which decisions match is :mod:`.decision_relevance`'s; the answer (each matter's thread, latest
decision first, each step quoted and cited) is :mod:`.decision_compose`'s. A question that is not
about decisions, or that no record matches, goes to the ordinary engine: :class:`DecisionEngine`
wraps any engine and keeps its interface; when that engine finds nothing, the register is tried once
more with the question's content words ("Var ska sommarseminariet äga rum?" asks about a
decision without saying so)."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from ..records.decisions import THREAD_KINDS, Decision
from ..records.register import MINUTES_KINDS, find_decisions
from ..records.threads import Thread, build_threads, link_decisions
from .base import Answer, Engine
from .collection import with_collection
from .decision_compose import compose
from .decision_match import best_matter, named_matter, thread_of
from .decision_open import open_answer
from .decision_questions import (
    DecisionQuestion,
    content_topic,
    loose_question,
    names_a_group,
    parse_question,
    particle_nouns,
    with_group_names,
)
from .decision_quotes import cited_paragraph, quoted_decision
from .decision_relevance import matching_decisions, matching_threads, matter_words, relevance, term_score
from .question import Term, question_terms

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase
    from ingest.store import SearchFilter


def answer_from_register(kb: KnowledgeBase, question: str, *, flt: SearchFilter | None = None,
                         today: Date | None = None, any_question: bool = False, by_meaning: bool = True) -> Answer | None:
    """The register's answer to a decision question, or None (not about decisions, or no record
    the reader may see matches). With ``any_question`` (the ordinary engine found nothing, or quoted
    another matter), a question that does not say it is about decisions is tried by its content
    words, and with ``by_meaning`` also by the dense channel and the question's rare words."""
    if flt is not None and flt.kinds and not set(flt.kinds) & set(MINUTES_KINDS):
        return None
    pool = _pool(kb, flt) if names_a_group(question) else None  # the register is read only when it is asked
    if pool is not None:
        question = with_group_names(question, {d.body for d in pool})  # "MOD-gruppen": the register's group
    dq = parse_question(question)
    asked = dq is not None  # asked what was decided about X, in so many words
    loose = loose_question(question) if dq is None else None
    if dq is None and loose is None and any_question:
        loose = content_topic(question)
    if loose is not None and loose.topic and question_terms(loose.topic):
        dq = DecisionQuestion(loose.topic, loose.body)
    if dq is None and loose is None:
        return None
    pool = _pool(kb, flt) if pool is None else pool
    if dq is None:
        return open_answer(question, pool, loose.body, today or Date.today(), overdue=loose.overdue) if loose and loose.open_only else None
    decisions = matching_decisions(kb, dq, flt)
    if not decisions and (nouns := particle_nouns(dq.topic)):  # "läggas ner": the minutes say "nedläggning"
        decisions = matching_decisions(kb, DecisionQuestion(nouns, dq.body), flt)
    threads = build_threads(pool) if not decisions else []  # linked once, read by both fallbacks
    decisions = decisions or matching_threads(dq, threads)
    # after a passage answer given up, a thing no matter names is not sought by the rare words either
    unknown = asked and not by_meaning and _unknown(question_terms(dq.topic), threads, pool)
    if not decisions and any_question and not unknown:  # the matter named in other words: the dense channel as well
        found = best_matter(kb, question, question_terms(dq.topic), pool, threads=threads, rare=True,
                            only_rare=not by_meaning)
        decisions = [found.decision] if found is not None else []
    if not decisions:
        return None
    a = compose(question, decisions, question_terms(dq.topic), pool=pool, today=today)
    a.query = dq.topic
    return a


def _pool(kb: KnowledgeBase, flt: SearchFilter | None) -> list[Decision]:
    """Every decision the reader may see (within the filter's documents, if it names any), and the
    matters tabled to a later meeting: steps of their threads (the tabling's heading names the matter)."""
    pool = find_decisions(kb, "", kinds=THREAD_KINDS, access=flt.access if flt is not None else None)
    return [d for d in pool if d.doc_id in flt.doc_ids] if flt is not None and flt.doc_ids else pool


def answer_from_passages(kb: KnowledgeBase, question: str, found: Answer, *, flt: SearchFilter | None = None,
                         today: Date | None = None) -> Answer | None:
    """The register's answer to a question the ordinary engine answered from the minutes ("Hur ofta
    kommer nyhetsbrevet ut?" asks about a decision without saying so): the decision that engine's
    answer quotes first, with the steps of its matter, latest first. None for a question about
    what something is or how the collaboration works, or an answer that quotes no decision."""
    if not found.grounded or content_topic(question) is None:
        return None
    if flt is not None and flt.kinds and not set(flt.kinds) & set(MINUTES_KINDS):
        return None
    pool = _pool(kb, flt)
    topic = content_topic(with_group_names(question, {d.body for d in pool}))  # a group's name names no matter
    if topic is None:
        return None
    terms = question_terms(topic.topic)
    d = quoted_decision(found, pool) or cited_paragraph(found, pool, lambda x: relevance(terms, x))
    if d is None:
        return None
    links = link_decisions(pool)
    threads = build_threads(pool, links)
    if not _names_matter(terms, d, threads, pool):
        return None
    asked = parse_question(question)  # asked what was decided about X: X named by a word no decision has is none
    if asked is not None and _unknown(question_terms(asked.topic), threads, pool):
        return None
    d = named_matter(d, best_matter(kb, question, terms, pool, threads=threads), terms, threads)
    return compose(question, [d], terms, pool=pool, today=today, links=links)


def _names_matter(terms: tuple[Term, ...], d: Decision, threads: list[Thread], pool: list[Decision]) -> bool:
    """The question names something of ``d``'s matter: one of its content words is in the heading
    or text of a step of ``d``'s thread, and not only words that most matters share ("MSV KLL").
    A decision the ordinary engine quoted from a passage that shares no word with the question (a
    logo for a question about a newsletter), or only such common words, is another matter."""
    t = thread_of(d, threads)
    words = matter_words(t.decisions if t is not None else [d])
    nouns = [t for t in terms if not t.verb]  # "beslutat" names no matter
    if not nouns:
        return True
    shared = [t for t in nouns if term_score(t, words) > 0]
    return bool(shared) and not all(_common(t, threads, pool) for t in shared)


def _matters(threads: list[Thread], pool: list[Decision]) -> list[list[Decision]]:
    """The register's matters: each thread, and each decision in none."""
    linked = {x.id for t in threads for x in t.decisions}
    return [t.decisions for t in threads] + [[d] for d in pool if d.id not in linked]


def _unknown(terms: tuple[Term, ...], threads: list[Thread], pool: list[Decision]) -> bool:
    """Whether a word of the topic is in no matter of the register (not as a word, a compound's part or
    its head): a question that asks what was decided about something the register never names asks about
    no decision, whatever passage the ordinary engine quotes. A year, and a group's name ("X-gruppens"),
    name no matter; a word read as a verb counts (the tagger reads some nouns so: "mötesplats")."""
    said = [matter_words(m) for m in _matters(threads, pool)]
    return any(not t.stem.isdigit() and "grupp" not in t.parts and not any(term_score(t, w) > 0 for w in said)
               for t in terms)


COMMON_SHARE = 0.25  # a word in more than this share of the register's matters names none of them


def _common(term: Term, threads: list[Thread], pool: list[Decision]) -> bool:
    """Whether ``term`` is in more than :data:`COMMON_SHARE` of the register's matters (each thread,
    and each decision in none): a low inverse document frequency, counted over the register itself."""
    matters = _matters(threads, pool)
    if len(matters) < 4:
        return False
    df = sum(term_score(term, matter_words(m)) > 0 for m in matters)
    return df > COMMON_SHARE * len(matters)


class DecisionEngine:
    """An engine that answers decision questions from the register and every other question (and
    a decision question no record matches) with the engine it wraps. ``today`` (default: the
    day of each answer) decides which open assignments are overdue."""

    def __init__(self, kb: KnowledgeBase, fallback: Engine, today: Date | None = None) -> None:
        self.kb = kb
        self.fallback = fallback
        self.name = fallback.name
        self.today = today

    def answer(self, question: str, *, flt: SearchFilter | None = None) -> Answer:
        """The register's answer to a decision question; else the wrapped engine's, given as the
        register's when it quotes a decision (the matter's latest word first), and when that engine
        finds nothing, the register's answer by the question's content words, if it has one."""
        found = answer_from_register(self.kb, question, flt=flt, today=self.today)
        if found is not None:
            return found
        other = self.fallback.answer(question, flt=flt)
        if other.grounded:
            return (answer_from_passages(self.kb, question, other, flt=flt, today=self.today)
                    or answer_from_register(self.kb, question, flt=flt, today=self.today, any_question=True,
                                            by_meaning=False)
                    or other)
        return answer_from_register(self.kb, question, flt=flt, today=self.today, any_question=True) or other


def with_decisions(kb: KnowledgeBase, engine: Engine, today: Date | None = None) -> DecisionEngine:
    """``engine`` behind the two registers: decisions first, then the collection (questions asking
    which documents exist are answered with a list of them)."""
    return DecisionEngine(kb, with_collection(kb, engine), today)
