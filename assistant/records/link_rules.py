"""Links the model leaves out, found by rules after its pass: a body's change or revocation of its
own (or a named body's) decision, a hand-over settled by the receiving body, a decision on the
proposal an assignment asked for, the rest of an assignment answered in part given again, and a matter
sent back (återremiss) settled by the sending body."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ingest.swedish import tokenize

from .decisions import Decision
from .linking import (
    EVIDENCE_SV,
    LinkContext,
    changed_body,
    changes,
    names_changed,
    names_subject,
    paragraph_key,
    probability,
    qualifier,
)
from .meeting import BODY_KINDS, body_name, body_of
from .pairs import _ANEW, _REVOKE, _SENT_BACK, Link, _decider, _given_to, _link, _where, pair_features
from .similarity import same_stem
from .similarity import years_clash as _years_clash

# What settles a matter handed over: a decision or a position of the receiving body.
_SETTLING = ("beslut", "ställningstagande")
# The least weighted-word cosine (``LinkContext.words``) of a decision chosen by shared words; 0 to
# 0.05 chose the same decisions on every development set, so the floor only keeps out a lone common word.
SHARED_FLOOR = 0.05


def rule_links(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """The rules' links, each rule seeing the links found before it (the model's first)."""
    links = list(links)
    added: list[Link] = []
    for rule in (_revisions, _handed_answers, _reports_back, _settled_reports, _proposals_approved, _renamed_deliverables,
                 _rest_given_again):
        new = rule(decisions, links, ctx)
        links += new
        added += new
    return added + _after_remiss(decisions, links, ctx)


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
        out.append(_explained(a, b, ctx, f"beslutet gäller förslaget från {body_name(by)}, som fick uppdraget",
                              EVIDENCE_SV["bodies"], "besvarar"))
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


def _most_shared(a: Decision, later: Sequence[Decision], ctx: LinkContext,
                 also: Callable[[Decision], Sequence[Decision]] | None = None) -> Decision | None:
    """Of ``later`` (one body's decisions, in the order of the minutes), the one that shares most of
    ``a``'s words, weighted by their rarity in the register (a body decides on many matters at one
    meeting: the first to name a word of the matter need not be the one that settles it), or None
    when none shares enough. Of a paragraph's decisions sharing the same words, the first: it states
    the matter, the next ones its details (a shorter one would win the cosine only by its length).
    With ``also``, a decision scores as the best of itself and the decisions ``also`` gives for it."""
    scored = [(*max((ctx.words(a, x) for x in (b, *(also(b) if also else ()))), key=lambda o: o[0]), b) for b in later]
    best = max(scored, key=lambda o: o[0], default=None)
    if best is None or best[0] < SHARED_FLOOR:
        return None
    return next(b for _, words, b in scored if paragraph_key(b) == paragraph_key(best[2]) and set(words) == set(best[1]))


def _handed_answers(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """A matter handed to another body ("överlämnade frågan om verksamhetsbudgetens storlek … till
    GD-gruppen", "föreslå styrgruppen att …") that nothing of that body was linked to: linked to that
    body's later decision or position sharing most of what was handed on (:func:`_most_shared`)."""
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
        b = _most_shared(a, [b for b in ordered[j + 1:] if b.body == to and b.kind in _SETTLING and b.date > a.date
                             and not _years_clash(a, b) and not _SENT_BACK.search(b.text)], ctx)
        if b is None:
            continue
        out.append(_explained(a, b, ctx, f"av {body_name(to)}s senare beslut delar det flest ord med det som lämnades över",
                              EVIDENCE_SV["bodies"]))
    return out


def _reports_back(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """An assignment to another body that has no report back yet: reported back by that body's later
    decision handing a matter to the body that gave the assignment (a proposal or a report to it)
    that shares most of the assignment's words, or whose settling by the giver does (a group may name
    its deliverable anew, the giver settles it in the assignment's words). Other links of the
    assignment (the receiving body's first steps, the giver's own changes) do not stand in the way."""
    by_id = {d.id: d for d in decisions}

    def reports(a: Decision, b: Decision) -> bool:  # b reports back on what a (the giver's) asked of its body
        return b.body == _given_to(a) != a.body and b.kind in _SETTLING and b.date > a.date and _given_to(b) == a.body

    reported = {lk.earlier for lk in links if reports(by_id[lk.earlier], by_id[lk.later])}
    taken = {lk.later for lk in links if by_id[lk.earlier].kind == "uppdrag" and reports(by_id[lk.earlier], by_id[lk.later])}
    settled: dict[str, list[Decision]] = {}  # a report → the giver's later decisions linked to it
    for lk in links:
        settled.setdefault(lk.earlier, []).append(by_id[lk.later])
    out: list[Link] = []
    ordered = sorted((d for d in decisions if d.date), key=lambda d: (d.date, d.doc_id))
    for j, a in enumerate(ordered):
        if a.kind != "uppdrag" or a.id in reported:
            continue
        later = [b for b in ordered[j + 1:] if reports(a, b) and b.id not in taken and not _years_clash(a, b)]
        b = _most_shared(a, later, ctx, also=lambda b, a=a: [c for c in settled.get(b.id, []) if c.body == a.body])
        if b is None:
            continue
        taken.add(b.id)
        out.append(_explained(a, b, ctx, f"av {body_name(b.body)}s förslag och överlämnanden till {body_name(a.body)} delar "
                              "det, eller det som avgjorde det, flest ord med uppdraget", EVIDENCE_SV["bodies"]))
    return out


def _settled_reports(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """An assignment reported back is answered by the giver's decision that settles the report: the
    assignment asked for it, as the report did ("… lämnar bevarandeplanen till styrgruppen" → "Styrgruppen
    fastställde bevarandeplanen")."""
    by_id = {d.id: d for d in decisions}
    pairs = {(lk.earlier, lk.later) for lk in links}
    out: list[Link] = []
    for lk in links:
        a, b = by_id[lk.earlier], by_id[lk.later]
        if a.kind != "uppdrag" or b.body != _given_to(a) or b.body == a.body or _given_to(b) != a.body:
            continue
        for c in sorted((by_id[x] for e, x in pairs if e == b.id), key=lambda d: d.date):
            if (c.body == a.body and c.kind in _SETTLING and c.date > b.date and not _SENT_BACK.search(c.text)
                    and (a.id, c.id) not in pairs):
                pairs.add((a.id, c.id))
                out.append(_explained(a, c, ctx, f"{body_name(a.body)} avgjorde där det som {body_name(b.body)} "
                                      f"redovisade på uppdraget {_where(b)}", EVIDENCE_SV["bodies"], "besvarar"))
                break
    return out


_APPROVED = re.compile(r"\b(?:godkän|fastställ|anta|antog)\w*", re.IGNORECASE)


def _renamed_deliverables(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """A body's approval that the model linked to nothing ("Styrgruppen godkände handledningen", under
    "Handledning för nyanställda handläggare") answers the body's own unanswered assignment whose
    deliverable was qualified by the same words ("stödmaterial för nyanställda handläggare"): the thing
    asked for, renamed when delivered."""
    linked = {lk.later for lk in links} | {lk.earlier for lk in links}
    out: list[Link] = []
    for b in decisions:
        if b.kind != "beslut" or b.id in linked or not _APPROVED.search(b.text):
            continue
        said = {t for t in tokenize(f"{b.heading} {b.text}", prefixes=False)}
        asked = [a for a in decisions if a.kind == "uppdrag" and a.body == b.body and a.date < b.date and a.id not in linked
                 and (q := qualifier(a)) and all(any(same_stem(w, t) for t in said) for w in q) and not _years_clash(a, b)]
        if len(asked) != 1:
            continue
        a = asked[0]
        out.append(_explained(a, b, ctx, "beslutet godkänner det uppdraget avsåg, under ett annat namn",
                              EVIDENCE_SV["deliverable"], "besvarar"))
    return out


def _rest_given_again(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """An assignment answered in part: the decision on what was delivered, and in the same paragraph a new
    task to the same receiver ("Styrgruppen godkände kartläggningen. Arbetsgruppen ska redovisa mallen senast
    …"), the rest of the assignment with its new deadline. The task is linked to the assignment (one thread),
    and stays open until something answers it."""
    by_id = {d.id: d for d in decisions}
    later = {lk.later for lk in links}
    out: list[Link] = []
    for lk in links:
        a, b = by_id[lk.earlier], by_id[lk.later]
        if a.kind != "uppdrag" or b.kind not in _SETTLING or not (to := _given_to(a)):
            continue
        rest = [t for t in decisions if t.kind == "uppdrag" and t.doc_id == b.doc_id and t.paragraph == b.paragraph
                and t.id != b.id and t.id not in later and _given_to(t) == to]
        for t in rest:
            later.add(t.id)
            out.append(_explained(a, t, ctx, f"det som återstår av uppdraget ges {_where(t)} på nytt, "
                                  f"i samma paragraf som beslutet på det som redovisats", EVIDENCE_SV["deliverable"], "följer upp"))
    return out


_ASSIGNMENT_HEADING = re.compile(r"\buppdrag\w*", re.IGNORECASE)


def work_steps(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """``links`` with a body's own work on an assignment it got put in its place: a body's assignment
    to its own members under a heading naming an assignment ("Beredningsgruppens eget uppdrag …",
    "Uppdraget om …"), given after another body's assignment to it and before its report back on that one, is the
    work the report back answers. It is linked to that report back, and not to the other body's
    assignment (the report back is what answers that). One such step a report back: two are two matters."""
    by_id = {d.id: d for d in decisions}
    out = list(links)
    linked = {(lk.earlier, lk.later) for lk in links}
    for lk in links:
        a, r = by_id[lk.earlier], by_id[lk.later]
        w = r.body
        if a.kind != "uppdrag" or _given_to(a) != w or w == a.body or _given_to(r) != a.body:
            continue  # not a report back to the body that gave the assignment
        steps = [i for i in decisions if i.body == w and i.kind == "uppdrag" and a.date < i.date < r.date
                 and _given_to(i) in ("", w) and _ASSIGNMENT_HEADING.search(i.heading)
                 and not any(e == i.id and by_id[x].body == w for e, x in linked)]
        if len(steps) != 1 or (steps[0].id, r.id) in linked:
            continue
        i = steps[0]
        out = [x for x in out if (x.earlier, x.later) != (a.id, i.id)]
        out.append(_explained(i, r, ctx, f"{body_name(w)}s eget arbete på uppdraget {_where(a)} ledde till "
                              f"återrapporten {_where(r)}", EVIDENCE_SV["own"], "besvarar"))
        linked.add((i.id, r.id))
    return out


def _explained(a: Decision, b: Decision, ctx: LinkContext, why: str, evidence: str, relation: str | None = None) -> Link:
    """The model's link from ``a`` to ``b`` (its probability and the words they share), with why
    the rule that found it linked them; ``relation`` overrides the one the words suggest."""
    values, words = pair_features(a, b, ctx)
    p = probability(values)
    link = _link(a, b, words)
    return Link(a.id, b.id, relation or link.relation, f"{link.reason.rstrip('.')}; {why} (sannolikhet {p:.2f}).", p,
                (evidence,))
