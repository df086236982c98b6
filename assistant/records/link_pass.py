"""The link model's pass over the register: each decision, in date order, linked to the earlier
decisions the model of :mod:`.linking` finds likely and that it answers, changes or takes up. What
the pass has linked so far (:class:`LinkState`) decides what a later decision may still answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .decisions import Decision
from .linking import (
    EVIDENCE_SV,
    FEATURES,
    THRESHOLD,
    WEIGHTS,
    LinkContext,
    ParagraphKey,
    changes,
    cites_paragraph,
    deliverable,
    names_deliverable,
    one_matter_a_paragraph,
    own_act,
    paragraph_key,
    probability,
)
from .pairs import _SENT_BACK, Link, _decider, _given_to, _link, _third_body, _where, pair_features, passes_on
from .similarity import years_clash as _years_clash

NEAR_BEST = 0.85  # among candidates this close to the best (in probability), the latest is the predecessor

Option = tuple[float, Decision, list[str]]  # the model's probability, the earlier decision, the words they share


@dataclass
class LinkState:
    """What the pass has linked so far, by decision id."""

    answers: dict[str, set[str]] = field(default_factory=dict)  # a decision → the bodies that were to decide what it answers
    settler: dict[str, Decision] = field(default_factory=dict)  # a closed assignment or hand-over → the decision that settled it
    took_up: dict[ParagraphKey, set[str]] = field(default_factory=dict)  # a paragraph → the earlier decisions its decisions took up
    handed_up: dict[str, set[str]] = field(default_factory=dict)  # a hand-over → the receiving body's decisions that took it up
    reported: dict[str, list[Decision]] = field(default_factory=dict)  # a report back → the assignments it reports on


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


def _chosen(b: Decision, options: list[Option], state: LinkState) -> list[Option]:
    """The earlier decisions ``b`` is linked to, among the likely ones: every open assignment or
    hand-over it answers (the likeliest and those close to it: a report back and the decision that
    settles a matter both answer the assignment), and the settled decision it changes, or, when it
    answers nothing open, the one it takes up (of those close to the likeliest, the latest).
    From ``state``: a report handed back to the bodies that were to decide opens nothing new
    (``answers``); a matter likely to be a closed one's is taken up from the decision that settled it
    (``settler``); a matter handed on to ``b``'s body by a decision that took up an assignment
    reaches ``b`` through that hand-over (``took_up``), so ``b`` answers the hand-over and not the
    assignment behind it, unless ``b``'s body is the one that settles the assignment."""
    answers, settler = state.answers, state.settler

    def opens(a: Decision) -> bool:
        return a.kind == "uppdrag" or (bool(to := _given_to(a)) and to not in answers.get(a.id, set()))

    moved: dict[str, Option] = {}
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
               or not state.handed_up.get(o[1].id, set()) & taken]
    opening = [o for o in options if opens(o[1])]
    behind = {x for _, h, _ in opening if h.kind != "uppdrag" and _given_to(h) == b.body
              for x in state.took_up.get(paragraph_key(h), ())}
    opening = [o for o in opening if o[1].id not in behind or _decider(o[1]) == b.body]
    settled = [o for o in options if not opens(o[1])]
    out: list[Option] = []
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


def _past_report(b: Decision, chosen: list[Option], state: LinkState, ctx: LinkContext,
                 via: dict[str, Decision]) -> list[Option]:
    """A body's decision on a report back made to it answers the assignment it gave, not the report:
    the assignment is linked to its report back and to the decision that settles it, and the report
    back is not linked to that decision (so the settling decision is not taken for a step after the
    report, and the assignment is not left open). A decision that sends the matter back settles nothing.
    ``via`` records the report back each assignment was reached through (the link's reason names it)."""
    if b.kind not in ("beslut", "ställningstagande") or _SENT_BACK.search(b.text):
        return chosen
    out: list[Option] = []
    seen = {a.id for _, a, _ in chosen}
    for p, a, words in chosen:
        asked = [x for x in state.reported.get(a.id, []) if x.body == b.body and x.id not in state.settler
                 and x.date < b.date]
        if not asked:
            out.append((p, a, words))
        for x in (x for x in asked if x.id not in seen):
            seen.add(x.id)
            via[x.id] = a
            values, shared = pair_features(x, b, ctx)
            out.append((probability(values), x, shared or words))
    return out


def model_links(decisions: Sequence[Decision], ctx: LinkContext, *, threshold: float = THRESHOLD,
                weights: Sequence[float] = WEIGHTS) -> list[Link]:
    """Each decision linked to the earlier decisions (at other meetings) on the same matter that it
    answers, changes or takes up, as :mod:`.linking`'s model finds likely (see :func:`_chosen`)."""
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
    state = LinkState()
    answers, settler = state.answers, state.settler
    for b in sorted((by_id[i] for i in options), key=lambda d: (d.date, d.doc_id)):
        chosen = _chosen(b, options[b.id], state)
        via: dict[str, Decision] = {}
        chosen = sorted(_past_report(b, chosen, state, ctx, via), key=lambda o: (o[1].date, o[1].doc_id))
        state.took_up.setdefault(paragraph_key(b), set()).update(a.id for _, a, _ in chosen)
        for _, a, _ in chosen:  # the hand-overs b's body took up (see _chosen)
            if a.kind != "uppdrag" and _given_to(a) == b.body != a.body:
                state.handed_up.setdefault(a.id, set()).add(b.id)
        opened = [a for _, a, _ in chosen if a.kind == "uppdrag" or _given_to(a)]
        for p, a, words in chosen:
            if a in opened and (a.kind == "uppdrag" or _given_to(a) not in answers.get(a.id, set())):
                answers.setdefault(b.id, set()).add(_decider(a))
            if _settles(a, b):
                settler[a.id] = b
            if passes_on(a, b):
                continue  # not a link of its own: the matter reaches b's successors through b (see _chosen)
            link = _link(a, b, words)
            if link.relation == "återrapporterar":
                state.reported.setdefault(b.id, []).append(a)
            values, _ = pair_features(a, b, ctx)
            said = tuple(EVIDENCE_SV[f] for f, v in zip(FEATURES, values, strict=False) if v >= 0.5 and f in EVIDENCE_SV)
            after = f"; efter återrapporten {_where(via[a.id])}" if a.id in via else ""
            links.append(Link(link.earlier, link.later, link.relation,
                              f"{link.reason.rstrip('.')}{after} (sannolikhet {p:.2f}).", p, said))
    return links
