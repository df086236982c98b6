"""Threads: decisions on the same matter linked across meetings and bodies. An assignment is
linked to the decision that answers it, a decision to the one that changes, extends or revokes it,
a body's assignment to another body to that body's report back. Every link carries a Swedish
reason; assignments that nothing answers are the open ones (with their deadline, overdue or not).

Linking is by matter (heading and object words), by the assignment's deliverable and deadline
("till höstens möte"), by date order and by which body gave what to whom."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from typing import TYPE_CHECKING

from .decisions import Decision
from .linking import (
    EVIDENCE_SV,
    FEATURES,
    THRESHOLD,
    WEIGHTS,
    LinkContext,
    changed_body,
    changes,
    cites_paragraph,
    deliverable,
    names_changed,
    names_deliverable,
    names_subject,
    one_matter_a_paragraph,
    own_act,
    paragraph_key,
    probability,
)
from .meeting import BODY_KINDS, body_name, body_of, matches_body
from .pairs import (  # noqa: F401  (Link, RELATIONS, RELATION_SV, due_of, pair_features: this module's public face too)
    _ANEW,
    _REVOKE,
    _SENT_BACK,
    RELATION_SV,
    RELATIONS,
    Link,
    _day,
    _decider,
    _given_to,
    _link,
    _third_body,
    _where,
    due_of,
    pair_features,
)
from .register import RecordRegister
from .similarity import years_clash as _years_clash

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

NEAR_BEST = 0.85  # among candidates this close to the best (in probability), the latest is the predecessor


@dataclass
class Thread:
    id: str  # the first decision's id
    matter: str
    decisions: list[Decision]  # in date order
    links: list[Link] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "matter": self.matter, "decisions": [d.as_dict() for d in self.decisions],
                "links": [link.as_dict() for link in self.links]}


@dataclass(frozen=True)
class OpenAssignment:
    decision: Decision
    due: str  # YYYY-MM-DD (or YYYY-MM), "" when none is given
    due_text: str  # as written: "senast den 15 mars 2030", "till höstens möte"
    overdue: bool

    def as_dict(self) -> dict[str, object]:
        return {**self.decision.as_dict(), "due": self.due, "due_text": self.due_text, "overdue": self.overdue,
                "status": "försenat" if self.overdue else "öppet"}


# -- linking ---------------------------------------------------------------------------------------
def candidate_pairs(decisions: Sequence[Decision]) -> list[tuple[Decision, Decision]]:
    """Every (earlier, later) pair that may be linked: other meetings, date order, no year clash, no ``own_act``."""
    ordered = sorted((d for d in decisions if d.date), key=lambda d: (d.date, d.doc_id))
    return [(a, b) for j, b in enumerate(ordered) for a in ordered[:j] if a.date < b.date and a.doc_id != b.doc_id
            and not _years_clash(a, b) and not own_act(a, b, _given_to(a))]


def _settles(a: Decision, b: Decision) -> bool:
    """``b`` is the decision that closes assignment or hand-over ``a``: a decision of the body that
    decides on it, naming what was to be delivered (or ``a`` named nothing to deliver)."""
    if b.kind != "beslut" or b.body != _decider(a) or _SENT_BACK.search(b.text):
        return False
    return a.kind != "uppdrag" or not deliverable(a) or names_deliverable(a, b)


def _chosen(b: Decision, options: list[tuple[float, Decision, list[str]]], answers: dict[str, set[str]],
            settler: dict[str, Decision], took_up: dict[str, set[str]] | None = None) -> list[tuple[float, Decision, list[str]]]:
    """The earlier decisions ``b`` is linked to, among the likely ones: every open assignment or
    hand-over it answers (the likeliest and those close to it: a report back and the decision that
    settles a matter both answer the assignment), and the settled decision it changes, or, when it
    answers nothing open, the one it takes up (of those close to the likeliest, the latest).
    ``answers`` holds, for each decision that answers an assignment or hand-over, the bodies that
    were to decide on it (a report handed back to them opens nothing new); ``settler`` the decision
    that settled each closed assignment or hand-over: a matter likely to be the closed one's is
    taken up from the decision that settled it. ``took_up`` holds the earlier decisions each
    paragraph's decisions were linked to: a matter handed on to ``b``'s body by a decision that took up an
    assignment reaches ``b`` through that hand-over, so ``b`` answers the hand-over and not the
    assignment behind it, unless ``b``'s body is the one that settles the assignment."""
    def opens(a: Decision) -> bool:
        return a.kind == "uppdrag" or (bool(to := _given_to(a)) and to not in answers.get(a.id, set()))

    moved: dict[str, tuple[float, Decision, list[str]]] = {}
    for p, a, words in options:
        if a.kind == b.kind == "uppdrag" and a.body == b.body and not names_deliverable(a, b):
            continue  # a body's two assignments are two matters unless the later names the first's deliverable
        if a.id in settler:
            a = settler[a.id]
            if a.date >= b.date:
                continue
        elif _third_body(a, b):
            continue
        if a.id not in moved or moved[a.id][0] < p:
            moved[a.id] = (p, a, words)
    options = list(moved.values())
    # a hand-over that b's body (the receiving one) has taken up already is followed through that
    # body's earlier decision (an assignment given on it) when that decision is among b's options too
    taken = {o[1].id for o in options}
    options = [o for o in options if o[1].kind == "uppdrag" or _given_to(o[1]) != b.body
               or not (took_up or {}).get(f"handed|{o[1].id}", set()) & taken]
    opening = [o for o in options if opens(o[1])]
    behind = {x for _, h, _ in opening if h.kind != "uppdrag" and _given_to(h) == b.body
              for x in (took_up or {}).get(paragraph_key(h), ())}
    opening = [o for o in opening if o[1].id not in behind or _decider(o[1]) == b.body]
    settled = [o for o in options if not opens(o[1])]
    out: list[tuple[float, Decision, list[str]]] = []
    if opening:
        top = max(p for p, _, _ in opening)
        out += [o for o in opening if o[0] >= NEAR_BEST * top]
    if out:  # what b may change besides: a settled decision, not another answer to the same matter
        settling = {d.id for d in settler.values()}
        settled = [o for o in settled if o[1].id not in answers or o[1].id in settling]
    if settled and (not out or changes(b)):
        top = max(p for p, _, _ in settled)
        out.append(max((o for o in settled if o[0] >= NEAR_BEST * top), key=lambda o: (o[1].date, o[0])))
    return out


def _past_report(b: Decision, chosen: list[tuple[float, Decision, list[str]]], reported: dict[str, list[Decision]],
                 settler: dict[str, Decision], ctx: LinkContext,
                 via: dict[str, Decision]) -> list[tuple[float, Decision, list[str]]]:
    """A body's decision on a report back made to it answers the assignment it gave, not the report:
    the assignment is linked to its report back and to the decision that settles it, and the report
    back is not linked to that decision (so the settling decision is not taken for a step after the
    report, and the assignment is not left open). A decision that sends the matter back settles nothing.
    ``via`` records the report back each assignment was reached through (the link's reason names it)."""
    if b.kind not in ("beslut", "ställningstagande") or _SENT_BACK.search(b.text):
        return chosen
    out: list[tuple[float, Decision, list[str]]] = []
    seen = {a.id for _, a, _ in chosen}
    for p, a, words in chosen:
        asked = [x for x in reported.get(a.id, []) if x.body == b.body and x.id not in settler and x.date < b.date]
        if not asked:
            out.append((p, a, words))
        for x in (x for x in asked if x.id not in seen):
            seen.add(x.id)
            via[x.id] = a
            values, shared = pair_features(x, b, ctx)
            out.append((probability(values), x, shared or words))
    return out


def link_decisions(decisions: Sequence[Decision], *, threshold: float = THRESHOLD,
                   weights: Sequence[float] = WEIGHTS) -> list[Link]:
    """Each decision linked to the earlier decisions (at other meetings) on the same matter that it
    answers, changes or takes up, as :mod:`.linking`'s model finds likely (see :func:`_chosen`)."""
    ctx = LinkContext.of(decisions)
    options: dict[str, list[tuple[float, Decision, list[str], bool]]] = {}
    for a, b in candidate_pairs(decisions):
        values, words = pair_features(a, b, ctx)
        p = probability(values, weights)
        # it names the earlier meeting's day on the same matter, or the day and the paragraph
        named = bool(values[-1] and (values[0] > 0 or cites_paragraph(a, b)))
        if p >= threshold or named:
            options.setdefault(b.id, []).append((p, a, words, named))
    options = one_matter_a_paragraph(decisions, options, NEAR_BEST)
    by_id = {d.id: d for d in decisions}
    links: list[Link] = []
    answers: dict[str, set[str]] = {}
    settler: dict[str, Decision] = {}
    took_up: dict[str, set[str]] = {}
    reported: dict[str, list[Decision]] = {}  # a report back → the assignments it reports on
    for b in sorted((by_id[i] for i in options), key=lambda d: (d.date, d.doc_id)):
        chosen = _chosen(b, options[b.id], answers, settler, took_up)
        via: dict[str, Decision] = {}
        chosen = sorted(_past_report(b, chosen, reported, settler, ctx, via), key=lambda o: (o[1].date, o[1].doc_id))
        took_up.setdefault(paragraph_key(b), set()).update(a.id for _, a, _ in chosen)
        for _, a, _ in chosen:  # the hand-overs b's body took up (see _chosen)
            if a.kind != "uppdrag" and _given_to(a) == b.body != a.body:
                took_up.setdefault(f"handed|{a.id}", set()).add(b.id)
        opened = [a for _, a, _ in chosen if a.kind == "uppdrag" or _given_to(a)]
        for p, a, words in chosen:
            if a in opened and (a.kind == "uppdrag" or _given_to(a) not in answers.get(a.id, set())):
                answers.setdefault(b.id, set()).add(_decider(a))
            if _settles(a, b):
                settler[a.id] = b
            link = _link(a, b, words)
            if link.relation == "återrapporterar":
                reported.setdefault(b.id, []).append(a)
            values, _ = pair_features(a, b, ctx)
            said = tuple(EVIDENCE_SV[f] for f, v in zip(FEATURES, values, strict=False) if v >= 0.5 and f in EVIDENCE_SV)
            after = f"; efter återrapporten {_where(via[a.id])}" if a.id in via else ""
            links.append(Link(link.earlier, link.later, link.relation,
                              f"{link.reason.rstrip('.')}{after} (sannolikhet {p:.2f}).", p, said))
    links += _revisions(decisions, links, ctx)
    links += _handed_answers(decisions, links, ctx)
    links += _proposals_approved(decisions, links, ctx)
    return links + _after_remiss(decisions, links, ctx)


_PROPOSED_BY = re.compile(r"\b(" + BODY_KINDS + r"\w*(?:\s+för\s+[\wåäö-]+)?)s\s+(?:förslag|utkast)\b",
                          re.IGNORECASE)


def _proposals_approved(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """A decision on another body's proposal ("Arbetsgruppen för analys förslag till … godkändes")
    that the model linked to nothing answers the one assignment its body gave that body and has not
    yet settled: the proposal is what the assignment asked for, whatever words it is named in."""
    by_id = {d.id: d for d in decisions}
    linked = {lk.later for lk in links}
    settled = {lk.earlier for lk in links if by_id[lk.later].body == by_id[lk.earlier].body
               and by_id[lk.later].kind == "beslut"}
    out: list[Link] = []
    for b in decisions:
        m = _PROPOSED_BY.search(b.text)
        if b.kind != "beslut" or b.id in linked or not m or not (by := body_of(m.group(1))) or by == b.body:
            continue
        asked = [a for a in decisions if a.kind == "uppdrag" and a.body == b.body and _given_to(a) == by
                 and a.date < b.date and a.id not in settled and not _years_clash(a, b)]
        if len(asked) != 1:
            continue
        a = asked[0]
        values, words = pair_features(a, b, ctx)
        p = probability(values)
        link = _link(a, b, words)
        out.append(Link(a.id, b.id, "besvarar", f"{link.reason.rstrip('.')}; beslutet gäller förslaget från {body_name(by)}, "
                        f"som fick uppdraget (sannolikhet {p:.2f}).", p, (EVIDENCE_SV["bodies"],)))
    return out


def _after_remiss(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """A matter sent back (återremiss) is settled by the sending body's next decision that takes up
    the same step (the proposal sent back, or the receiving body's answer): the återremiss asked
    for that decision, as an assignment asks for the one that answers it."""
    by_id = {d.id: d for d in decisions}
    before = {(lk.earlier, lk.later) for lk in links}
    out: list[Link] = []
    for r in decisions:
        if r.kind != "beslut" or not re.search(r"\båterremitter", r.text, re.IGNORECASE):
            continue
        steps = {e for e, x in before if x == r.id} | {x for e, x in before if e == r.id}
        later = sorted((by_id[x] for e, x in before if e in steps and x != r.id and by_id[x].body == r.body
                        and by_id[x].date > r.date and by_id[x].kind == "beslut" and not _SENT_BACK.search(by_id[x].text)
                        and (r.id, x) not in before), key=lambda d: d.date)
        if later:
            b = later[0]
            values, words = pair_features(r, b, ctx)
            p = probability(values)
            out.append(Link(r.id, b.id, "besvarar", f"{body_name(r.body).capitalize()} återremitterade ärendet {_where(r)} och "
                            f"avgjorde det {_where(b)}: {_link(r, b, words).reason.split(': ', 1)[-1].rstrip('.')} "
                            f"(sannolikhet {p:.2f}).", p, (EVIDENCE_SV["own"],)))
    return out


def _revisions(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """A body's decision that changes or revokes something ("webbplatsen lanseras i oktober i stället
    för i juni") and that the model linked to nothing: linked to the body's nearest earlier decision
    naming what it decides on, or, when that one is itself such a change, to the decision both change
    (a decision and each change of it are linked, as the issue has it)."""
    linked = {lk.later for lk in links}
    ordered = sorted((d for d in decisions if d.date), key=lambda d: (d.date, d.doc_id))
    out: list[Link] = []
    changed: dict[str, Decision] = {}  # a change → the decision it was linked to here
    for j, b in enumerate(ordered):
        if b.kind != "beslut" or b.id in linked or not (changes(b) or _ANEW.search(b.text)):
            continue
        other = changed_body(b)  # "upphäver <body>s beslut om …": that body's decision, by what it names
        before = [a for a in ordered[:j] if a.date < b.date and a.body == (other or b.body) and a.kind != "uppdrag"
                  and a.doc_id != b.doc_id and not _years_clash(a, b)
                  and (names_changed(a, b) if other and other != b.body else names_subject(a, b))]
        if not before:
            continue
        a = before[-1]
        while a.id in changed and changed[a.id] in before:
            a = changed[a.id]
        changed[b.id] = a
        values, words = pair_features(a, b, ctx)
        p = probability(values)
        same = _link(a, b, words).reason.split(": ", 1)[-1].rstrip(".")
        revokes = bool(_REVOKE.search(b.text) or re.search(r"\bavveckl\w*|\bställs\s+in\b|\bläggs\s+ned\b", b.text, re.IGNORECASE))
        out.append(Link(a.id, b.id, "upphäver" if revokes else "ändrar",
                        f"{'Upphäver' if revokes else 'Ändrar'} {body_name(a.body)}s beslut {_where(a)}, som gällde det "
                        f"det senare beslutet avser: {same} (sannolikhet {p:.2f}).", p, (EVIDENCE_SV["revises"],)))
    return out


def _handed_answers(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """A matter handed to another body ("överlämnade frågan om verksamhetsbudgetens storlek … till
    GD-gruppen") that nothing of that body was linked to: linked to that body's first later decision
    naming what was handed on."""
    by_id = {d.id: d for d in decisions}
    answered = {lk.earlier for lk in links if (b := by_id.get(lk.later)) and b.body == _given_to(by_id[lk.earlier])}
    # a report back to the body that asked for it: that body's decision answers the assignment
    answered |= {lk.later for lk in links if _given_to(by_id[lk.later]) == _decider(by_id[lk.earlier])}
    out: list[Link] = []
    ordered = sorted((d for d in decisions if d.date), key=lambda d: (d.date, d.doc_id))
    for j, a in enumerate(ordered):
        to = _given_to(a)
        if a.kind == "uppdrag" or not to or to == a.body or a.id in answered:
            continue
        b = next((b for b in ordered[j + 1:] if b.body == to and b.kind == "beslut" and b.date > a.date
                  and not _years_clash(a, b) and names_subject(b, a)), None)
        if b is None:
            continue
        values, words = pair_features(a, b, ctx)
        p = probability(values)
        link = _link(a, b, words)
        out.append(Link(a.id, b.id, link.relation, f"{link.reason.rstrip('.')}; beslutet nämner det som lämnades över "
                        f"(sannolikhet {p:.2f}).", p, (EVIDENCE_SV["bodies"],)))
    return out


def build_threads(decisions: Sequence[Decision], links: Sequence[Link] | None = None) -> list[Thread]:
    """Every thread of linked decisions (a decision on its own is a thread of one)."""
    links = link_decisions(decisions) if links is None else links
    parent = {d.id: d.id for d in decisions}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[root(link.later)] = root(link.earlier)
    groups: dict[str, list[Decision]] = {}
    for d in decisions:
        groups.setdefault(root(d.id), []).append(d)
    threads = []
    for members in groups.values():
        members.sort(key=lambda d: (d.date, d.doc_id, d.paragraph))
        ids = {d.id for d in members}
        own = [lk for lk in links if lk.later in ids]
        latest = members[-1]
        threads.append(Thread(members[0].id, latest.matter or members[0].matter, members, own))
    return threads


def thread_of(decisions: Sequence[Decision], decision_id: str) -> Thread | None:
    """The thread that holds ``decision_id`` (a prefix of it will do), or None."""
    for t in build_threads(decisions):
        if any(d.id == decision_id or (len(decision_id) >= 6 and d.id.startswith(decision_id)) for d in t.decisions):
            return t
    return None


def open_assignments(decisions: Sequence[Decision], today: Date | None = None,
                     links: Sequence[Link] | None = None) -> list[OpenAssignment]:
    """Assignments no later decision answers, earliest deadline first (those without one last)."""
    today = today or Date.today()
    links = link_decisions(decisions) if links is None else links
    answered = {lk.earlier for lk in links}
    out = []
    for d in decisions:
        if d.kind != "uppdrag" or d.id in answered:
            continue
        due, due_text = due_of(d)
        day = _day(due) if due else None
        out.append(OpenAssignment(d, due, due_text, bool(day and day < today)))
    out.sort(key=lambda o: (o.due or "9999", o.decision.body, o.decision.date))
    return out


# -- library entry points ------------------------------------------------------------------------
def find_thread(kb: KnowledgeBase, decision_id: str, *, access: tuple[str, ...] | None = None) -> Thread | None:
    """Sync the register with ``kb`` and return the thread that holds ``decision_id`` among the
    decisions the reader may see (``access=None``: all)."""
    with RecordRegister.for_kb(kb) as reg:
        reg.sync(kb)
        decisions = reg.all_decisions(access=access)
    return thread_of(decisions, decision_id)


def find_open(kb: KnowledgeBase, *, body: str = "", access: tuple[str, ...] | None = None,
              today: Date | None = None) -> list[OpenAssignment]:
    """Assignments given (by ``body``, if named) that no later decision the reader may see answers."""
    with RecordRegister.for_kb(kb) as reg:
        reg.sync(kb)
        decisions = reg.all_decisions(access=access)
    return [o for o in open_assignments(decisions, today) if matches_body(o.decision.body, body)]
