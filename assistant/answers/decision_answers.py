"""Decision questions answered from the register of decisions ("Vad har styrgruppen beslutat om
verksamhetsbudgeten?", "När beslutades arbetsordningen?", "What did the steering group decide
about the work plan?").

The answer follows each matter's thread: the latest decision first, then the earlier steps in date
order (an assignment, the decision that answered it, a revision), one sentence each that quotes the
decision as written and cites its minutes paragraph [n]; a sentence says when a later decision
changes an earlier one, and an assignment nothing has answered yet is shown as open with its
deadline, "försenat" when the deadline has passed. A question that is not about decisions, or that no record matches, goes to the
ordinary engine: :class:`DecisionEngine` wraps any engine and keeps its interface; when that engine
finds nothing, the register is tried once more with the question's content words ("Hur ofta ska
nätverksträffarna hållas?" asks about a decision without saying so)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from ingest.dates import DATE, long_date

from ..records.decisions import Decision
from ..records.meeting import matches_body
from ..records.register import MINUTES_KINDS, find_decisions
from ..records.threads import Link, Thread, build_threads, link_decisions
from .base import Answer, Citation, Engine
from .collection import with_collection
from .decision_match import best_matter, named_matter, thread_of
from .decision_open import ENGINE_NAME, MAX_DECISIONS, decision_sentence, open_answer, open_sentence
from .decision_questions import DecisionQuestion, content_topic, loose_question, parse_question, particle_nouns
from .decision_quotes import cited_paragraph, quoted_decision
from .question import Term, question_terms, tokens_of

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase
    from ingest.store import SearchFilter

MIN_RELEVANCE = 0.85  # weighted share of the topic's words a decision (text and heading) must cover

# -- which decisions match -------------------------------------------------------------------------
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _years(text: str) -> frozenset[str]:
    """The years a text refers to, not counting those inside full dates (deadlines, start dates)."""
    return frozenset(_YEAR.findall(DATE.sub(" ", text)))


def _weights(terms: tuple[Term, ...]) -> list[float]:
    return [0.5 if t.verb else 1.0 for t in terms]


@dataclass(frozen=True)
class _Words:
    """A text's words: whole-word stems and the stems of compound parts."""

    whole: frozenset[str]
    parts: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        whole = frozenset(t for t in tokens_of(text, compounds=False) if not t.startswith("~"))
        parts = frozenset(t for t in tokens_of(text) if not t.startswith("~")) - whole
        return cls(whole, parts)


def _same(stem: str, words: frozenset[str]) -> bool:
    """The stem, or an inflection the stemmer left (a longer word with the stem as prefix)."""
    return stem in words or len(stem) >= 6 and any(w.startswith(stem) and len(w) - len(stem) <= 3 for w in words)


def term_score(term: Term, words: _Words) -> float:
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


def relevance(terms: tuple[Term, ...], d: Decision) -> float:
    """The weighted share of the topic's words that the decision text or its heading has."""
    words = _Words.of(f"{d.text} {d.section} {d.matter}")
    weights = _weights(terms)
    return sum(w * term_score(t, words) for w, t in zip(weights, terms, strict=True)) / (sum(weights) or 1.0)


def _subject(terms: tuple[Term, ...], d: Decision) -> frozenset[str]:
    """The topic's words the decision text itself names (whole words, not compound parts)."""
    words = _Words.of(d.text)
    return frozenset(t.stem for t in terms if not t.verb and term_score(t, words) == 1.0)


def _year_fits(years: frozenset[str], d: Decision) -> bool:
    if not years:
        return True
    said = _years(f"{d.text} {d.section}")
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
    terms, years = question_terms(dq.topic), _years(dq.topic)
    scored = [(relevance(terms, d), d) for d in found if _year_fits(years, d)]
    kept = sorted((x for x in scored if x[0] >= MIN_RELEVANCE), key=lambda x: x[1].date, reverse=True)
    kept.sort(key=lambda x: -x[0])  # the most relevant, the newest first among equals
    chosen = [d for _, d in kept[:MAX_DECISIONS]]
    return sorted(chosen, key=lambda d: (d.date, d.doc_id, _paragraph_key(d.paragraph)))


def _paragraph_key(paragraph: str) -> int:
    m = re.search(r"\d+", paragraph or "")
    return int(m.group()) if m else 0


# -- the answer ----------------------------------------------------------------------------------
_VERBS = {"beslut": "beslutade", "uppdrag": "gav", "ställningstagande": "tog"}
_CHANGE = ((re.compile(r"\bupphäv", re.IGNORECASE), "upphäver"), (re.compile(r"\bersätt", re.IGNORECASE), "ersätter"))
_CHANGE_WORDS = re.compile(r"\b(?:revider|ändr|ersätt|upphäv|juster|förläng|senareläg|tidigareläg|höj|sänk)",
                           re.IGNORECASE)


def changes(terms: tuple[Term, ...], decisions: list[Decision]) -> dict[int, int]:
    """Later decision index → the earlier one it changes: same body, same subject and years, a later
    date, and either the same kind of decision or words that say it changes something."""
    out: dict[int, int] = {}
    keys = [(d.body, _subject(terms, d), _years(d.text)) for d in decisions]
    for j, later in enumerate(decisions):
        for i in range(j - 1, -1, -1):
            earlier = decisions[i]
            if keys[i] != keys[j] or not keys[j][1] or earlier.date >= later.date:
                continue
            if earlier.kind == later.kind or _CHANGE_WORDS.search(later.text):
                out[j] = i
                break
    return out


def _threads(found: list[Decision], pool: list[Decision], links: list[Link]) -> list[list[Decision]]:
    """The matched decisions grouped by matter, each with the linked steps the reader may see: the
    earlier steps (and their other answers up to the matched decision's date) and the later ones,
    so a mistaken link adds earlier context, never another matter's latest word; newest group first."""
    by_id = {d.id: d for d in pool}
    up: dict[str, set[str]] = {}  # later → earlier, and below earlier → later
    down: dict[str, set[str]] = {}
    for lk in links:
        if lk.earlier in by_id and lk.later in by_id:
            up.setdefault(lk.later, set()).add(lk.earlier)
            down.setdefault(lk.earlier, set()).add(lk.later)

    def closure(start: str, step: dict[str, set[str]]) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            x = todo.pop()
            for nxt in step.get(x, set()) - seen:
                seen.add(nxt)
                if not (step is down and getattr(by_id.get(x), "kind", "") == by_id[nxt].kind == "uppdrag"):
                    todo.append(nxt)  # a new assignment's own answers are its matter, not this one's
        return seen

    groups: list[set[str]] = []
    found = _with_paragraph(found, pool)
    for d in found:
        before = closure(d.id, up)
        after = closure(d.id, down)
        # the other answers to what d answers: up to d's date, or any time for an assignment d reports
        # back on or settles (its later settlement is the matter's latest word)
        side = {x for a in before for x in down.get(a, set())
                if by_id[x].date <= d.date or (by_id[a].kind == "uppdrag" and a in up.get(d.id, set()))}
        members = {d.id} | before | after | side | {x.id for x in found if _same_paragraph(x, d)}
        for g in [g for g in groups if g & members]:
            members |= g
            groups.remove(g)
        groups.append(members)
    pos = {d.id: n for n, d in enumerate(pool)}  # the register's order: within a paragraph, the minutes'
    ordered = [sorted((by_id.get(i) or next(d for d in found if d.id == i) for i in g),
                      key=lambda d: (*_order(d), pos.get(d.id, 0))) for g in groups]
    ordered = [_with_lead_paragraph(g, pool, pos) for g in ordered]
    ordered.sort(key=lambda g: _order(g[-1]), reverse=True)
    return ordered


def _same_paragraph(a: Decision, b: Decision) -> bool:
    return a.doc_id == b.doc_id and bool(a.paragraph) and a.paragraph == b.paragraph


def _with_lead_paragraph(group: list[Decision], pool: list[Decision], pos: dict[str, int]) -> list[Decision]:
    """The group with every decision of its latest paragraph, also when that paragraph was reached
    through a link rather than matched: the latest word is all that its paragraph decided (a
    compilation noted for the annual report, and what is to be added to it)."""
    ids = {d.id for d in group}
    more = [x for x in pool if x.id not in ids and _same_paragraph(x, group[-1])]
    return sorted(group + more, key=lambda d: (*_order(d), pos.get(d.id, 0))) if more else group


def _with_paragraph(found: list[Decision], pool: list[Decision]) -> list[Decision]:
    """The found decisions and the other decisions of their paragraphs: a paragraph's decisions are
    one matter (a report approved, and where it is to be published)."""
    seen = {d.id for d in found}
    out = list(found)
    for d in found:
        for x in pool:
            if x.id not in seen and _same_paragraph(x, d):
                seen.add(x.id)
                out.append(x)
    return out


def _order(d: Decision) -> tuple[str, str, int]:
    return (d.date, d.doc_id, _paragraph_key(d.paragraph))


def _lead_paragraph_first(group: list[Decision]) -> tuple[list[Decision], list[Decision]]:
    """The group's latest paragraph (its decisions in the order of the minutes) and the earlier steps."""
    last = group[-1]
    lead = [d for d in group if d is last or _same_paragraph(d, last)]
    return lead, [d for d in group if d not in lead]


def compose(question: str, decisions: list[Decision], terms: tuple[Term, ...], *,
            pool: list[Decision] | None = None, today: Date | None = None, links: list[Link] | None = None) -> Answer:
    """Per matter: the latest decision first, then the earlier steps in date order, each cited
    (``links``: the pool's links when the caller has them already)."""
    today = today or Date.today()
    pool = decisions if pool is None else pool
    links = link_decisions(pool) if links is None else links
    answered = {lk.earlier for lk in links}
    relation = {lk.later: lk for lk in links}
    groups = [_lead_paragraph_first(g) for g in _threads(decisions, pool, links)]
    order = [d for g in groups for d in g[0] + g[1]]
    n_of = {d.id: n for n, d in enumerate(order, start=1)}
    citations = [
        Citation(n=n, doc_id=d.doc_id, title=d.title, source=d.source, section=d.section, page=d.page,
                 text=d.passage or d.text, date=d.date)
        for n, d in enumerate(order, start=1)
    ]
    lines = []
    for lead, earlier in groups:
        latest = lead[0]
        lines.append(decision_sentence(latest, n_of[latest.id]))
        if latest.kind == "uppdrag" and latest.id not in answered:
            lines.append(open_sentence(latest, n_of[latest.id], today))
        if len(lead) > 1:
            lines.append("Vid samma möte och under samma punkt:")
        for d in lead[1:]:
            lines.append(decision_sentence(d, n_of[d.id]))
            if d.kind == "uppdrag" and d.id not in answered:
                lines.append(open_sentence(d, n_of[d.id], today))
        if earlier:
            lines.append("Det föregicks av:" if len(earlier) > 1 else "Det föregicks av ett tidigare steg:")
        for d in earlier:
            lines.append(decision_sentence(d, n_of[d.id]))
        lines += _change_sentences(earlier + lead, relation, n_of, terms)
    return Answer(question, "\n".join(lines), True, ENGINE_NAME, citations=citations)


def _change_sentences(group: list[Decision], relation: dict[str, Link], n_of: dict[str, int],
                      terms: tuple[Term, ...]) -> list[str]:
    """"Beslutet den … ändrar beslutet den …" for each change within the thread."""
    by_id = {d.id: d for d in group}
    out = []
    for j, i in changes(terms, group).items():
        later, earlier = group[j], group[i]
        link = relation.get(later.id)
        if link is not None and link.earlier in by_id and link.relation in ("ändrar", "upphäver"):
            earlier = by_id[link.earlier]
        verb = next((v for p, v in _CHANGE if p.search(later.text)), "ändrar")
        out.append(f"Beslutet den {long_date(later.date)} {verb} beslutet den {long_date(earlier.date)} [{n_of[later.id]}].")
    for d in group:
        link = relation.get(d.id)
        if link is None or link.earlier not in by_id or link.relation not in ("ändrar", "upphäver"):
            continue
        if any(f"den {long_date(d.date)} " in x and f"beslutet den {long_date(by_id[link.earlier].date)}" in x for x in out):
            continue
        verb = "upphäver" if link.relation == "upphäver" else "ändrar"
        out.append(f"Beslutet den {long_date(d.date)} {verb} beslutet den {long_date(by_id[link.earlier].date)} "
                   f"[{n_of[d.id]}].")
    return out


def answer_from_register(kb: KnowledgeBase, question: str, *, flt: SearchFilter | None = None,
                         today: Date | None = None, any_question: bool = False) -> Answer | None:
    """The register's answer to a decision question, or None (not about decisions, or no record
    the reader may see matches). With ``any_question`` (the ordinary engine found nothing), a
    question that does not say it is about decisions is tried by its content words."""
    dq = parse_question(question)
    loose = loose_question(question) if dq is None else None
    if dq is None and loose is None and any_question:
        loose = content_topic(question)
    if loose is not None and loose.topic and question_terms(loose.topic):
        dq = DecisionQuestion(loose.topic, loose.body)
    if dq is None and loose is None:
        return None
    if flt is not None and flt.kinds and not set(flt.kinds) & set(MINUTES_KINDS):
        return None
    pool = _pool(kb, flt)
    if dq is None:
        return open_answer(question, pool, loose.body, today or Date.today(), overdue=loose.overdue) if loose and loose.open_only else None
    decisions = matching_decisions(kb, dq, flt)
    if not decisions and (nouns := particle_nouns(dq.topic)):  # "läggas ner": the minutes say "nedläggning"
        decisions = matching_decisions(kb, DecisionQuestion(nouns, dq.body), flt)
    threads = build_threads(pool) if not decisions else []  # linked once, read by both fallbacks
    decisions = decisions or _matching_threads(dq, threads)
    if not decisions and any_question:  # the matter named in other words: the dense channel as well
        found = best_matter(kb, question, question_terms(dq.topic), pool, threads=threads)
        decisions = [found.decision] if found is not None else []
    if not decisions:
        return None
    a = compose(question, decisions, question_terms(dq.topic), pool=pool, today=today)
    a.query = dq.topic
    return a


def _pool(kb: KnowledgeBase, flt: SearchFilter | None) -> list[Decision]:
    """Every decision the reader may see (within the filter's documents, if it names any)."""
    pool = find_decisions(kb, "", access=flt.access if flt is not None else None)
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
    terms = question_terms(content_topic(question).topic)  # type: ignore[union-attr]
    d = quoted_decision(found, pool) or cited_paragraph(found, pool, lambda x: relevance(terms, x))
    if d is None:
        return None
    links = link_decisions(pool)
    threads = build_threads(pool, links)
    if not _names_matter(terms, d, threads, pool):
        return None
    d = named_matter(d, best_matter(kb, question, terms, pool, threads=threads), terms, threads)
    return compose(question, [d], terms, pool=pool, today=today, links=links)


def _names_matter(terms: tuple[Term, ...], d: Decision, threads: list[Thread], pool: list[Decision]) -> bool:
    """The question names something of ``d``'s matter: one of its content words is in the heading
    or text of a step of ``d``'s thread, and not only words that most matters share ("MSV KLL").
    A decision the ordinary engine quoted from a passage that shares no word with the question (a
    logo for a question about a newsletter), or only such common words, is another matter."""
    t = thread_of(d, threads)
    words = _matter_words(t.decisions if t is not None else [d])
    nouns = [t for t in terms if not t.verb]  # "beslutat" names no matter
    if not nouns:
        return True
    shared = [t for t in nouns if term_score(t, words) > 0]
    return bool(shared) and not all(_common(t, threads, pool) for t in shared)


def _matter_words(steps: list[Decision]) -> _Words:
    return _Words.of(" ".join(f"{x.text} {x.section} {x.matter}" for x in steps))


COMMON_SHARE = 0.25  # a word in more than this share of the register's matters names none of them


def _common(term: Term, threads: list[Thread], pool: list[Decision]) -> bool:
    """Whether ``term`` is in more than :data:`COMMON_SHARE` of the register's matters (each thread,
    and each decision in none): a low inverse document frequency, counted over the register itself."""
    linked = {x.id for t in threads for x in t.decisions}
    matters = [t.decisions for t in threads] + [[d] for d in pool if d.id not in linked]
    if len(matters) < 4:
        return False
    df = sum(term_score(term, _matter_words(m)) > 0 for m in matters)
    return df > COMMON_SHARE * len(matters)


def _matching_threads(dq: DecisionQuestion, threads: list[Thread], most: int = 3) -> list[Decision]:
    """When no single decision covers the question's words, the latest decision of each matter
    whose steps together do ("förslag" in the assignment, "analysmodell" in the decision)."""
    terms, years = question_terms(dq.topic), _years(dq.topic)
    weights, scored = _weights(terms), []
    for t in threads:
        steps = [d for d in t.decisions if matches_body(d.body, dq.body) and _year_fits(years, d)]
        if len(t.decisions) < 2 or not steps:
            continue
        words = _Words.of(" ".join(f"{d.text} {d.section} {d.matter}" for d in t.decisions))
        share = sum(w * term_score(term, words) for w, term in zip(weights, terms, strict=True)) / (sum(weights) or 1.0)
        if share >= MIN_RELEVANCE:
            scored.append((share, steps[-1]))
    scored.sort(key=lambda x: (-x[0], x[1].date))
    return sorted((d for _, d in scored[:most]), key=lambda d: (d.date, d.doc_id, _paragraph_key(d.paragraph)))


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
            return answer_from_passages(self.kb, question, other, flt=flt, today=self.today) or other
        return answer_from_register(self.kb, question, flt=flt, today=self.today, any_question=True) or other


def with_decisions(kb: KnowledgeBase, engine: Engine, today: Date | None = None) -> DecisionEngine:
    """``engine`` behind the two registers: decisions first, then the collection (questions asking
    which documents exist are answered with a list of them)."""
    return DecisionEngine(kb, with_collection(kb, engine), today)
