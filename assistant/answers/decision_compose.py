"""The answer written from the decisions a question matched: per matter, the latest decision first
(with the rest of its paragraph), then the earlier steps in date order, each quoted and cited [n];
an assignment nothing answers is shown as open, and a sentence says when a later decision changes
an earlier one."""

from __future__ import annotations

import re
from datetime import date as Date

from ingest.dates import long_date

from ..records.decisions import Decision
from ..records.pairs import Link
from ..records.threads import answered, link_decisions
from .base import Answer, Citation
from .decision_open import ENGINE_NAME, decision_sentence, open_sentence
from .decision_relevance import covered, matter_words, paragraph_key, subject_words, years_of
from .question import Term

_CHANGE = ((re.compile(r"\bupphäv", re.IGNORECASE), "upphäver"), (re.compile(r"\bersätt", re.IGNORECASE), "ersätter"))
_CHANGE_WORDS = re.compile(r"\b(?:revider|ändr|ersätt|upphäv|juster|förläng|senareläg|tidigareläg|höj|sänk)",
                           re.IGNORECASE)


def changes(terms: tuple[Term, ...], decisions: list[Decision]) -> dict[int, int]:
    """Later decision index → the earlier one it changes: same body, same subject and years, a later
    date, and either the same kind of decision or words that say it changes something."""
    out: dict[int, int] = {}
    keys = [(d.body, subject_words(terms, d), years_of(d.text)) for d in decisions]
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
    return _with_thread_before(ordered, up, down, by_id, pos)


def _with_thread_before(groups: list[list[Decision]], up: dict[str, set[str]], down: dict[str, set[str]],
                        by_id: dict[str, Decision], pos: dict[str, int]) -> list[list[Decision]]:
    """Each group with every other step of its thread dated before its latest word, whichever way the
    links run: a step linked to a sibling or a later step (a task passed on to a third body, a body's
    own work on an assignment) is still an earlier step of the matter. Only earlier steps join, so the
    lead stays; a step already shown in another group stays there."""
    shown = {d.id for g in groups for d in g}
    out = []
    for group in groups:
        seen, todo = {d.id for d in group}, [d.id for d in group]
        while todo:
            x = todo.pop()
            for nxt in (up.get(x, set()) | down.get(x, set())) - seen:
                seen.add(nxt)
                todo.append(nxt)
        last = group[-1].date
        more = [by_id[i] for i in seen - shown if i in by_id and by_id[i].date < last]
        shown |= {d.id for d in more}
        out.append(sorted(group + more, key=lambda d: (*_order(d), pos.get(d.id, 0))) if more else group)
    return out


def _by_question(groups: list[list[Decision]], terms: tuple[Term, ...]) -> list[list[Decision]]:
    """The matters in the order of how much of the question their steps say, the newest first among equals:
    two matters decided at the same meeting (a template changed; a report to be organised by that template)
    lead with the one the question names, not the one whose paragraph comes later in the minutes."""
    return sorted(groups, key=lambda g: -round(covered(terms, matter_words(g)), 3))


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
    return (d.date, d.doc_id, paragraph_key(d.paragraph))


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
    done = answered(pool, links)
    relation = {lk.later: lk for lk in links}
    groups = [_lead_paragraph_first(g) for g in _by_question(_threads(decisions, pool, links), terms)]
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
        if latest.kind == "uppdrag" and latest.id not in done:
            lines.append(open_sentence(latest, n_of[latest.id], today))
        if len(lead) > 1:
            lines.append("Vid samma möte och under samma punkt:")
        for d in lead[1:]:
            lines.append(decision_sentence(d, n_of[d.id]))
            if d.kind == "uppdrag" and d.id not in done:
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
