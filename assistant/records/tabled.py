"""A matter tabled to a later meeting (``bordlagd``) as a step of its thread. The tabling is linked to
the step that takes the matter up again at the meeting it was put off to (the body's decision that
shares most of its words, or the matter tabled once more); when the decision that settles it is
already linked to an earlier step of the matter (an assignment, a proposal), the tabling stands
between the two and is linked from that earlier step instead."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ingest.dates import MONTHS
from ingest.swedish import tokenize

from .decisions import TABLED, Decision
from .link_rules import _most_shared
from .linking import LinkContext, probability
from .meeting import body_of
from .pairs import Link, _as_written, _where, pair_features
from .similarity import years_clash

_MONTH = "|".join(MONTHS)
# the meeting a matter is put off to: "till arbetsgruppens träff i mars", "till septembermötet", "till nästa möte"
_IN_MONTH = re.compile(rf"\b(?:möte|sammanträde|träff)\w*\s+i\s+(?P<a>{_MONTH})\b|\b(?P<b>{_MONTH})(?:mötet|sammanträdet)\b",
                       re.IGNORECASE)
_STEPS = ("beslut", "uppdrag", "ställningstagande", TABLED)
# the words that table a matter, not the matter's ("Frågan bordläggs till kommande sammanträde")
_TABLING = re.compile(r"\b(?:ärendet|frågan|punkten|bordl\w*|nästa|kommande|möte\w*|sammanträde\w*|avvakta\w*|väntan)\b",
                      re.IGNORECASE)


def _meetings(t: Decision, days: list[str]) -> list[str]:
    """Of the body's later meeting days (in date order), the one the tabling puts the matter off to: its
    first meeting in the month named — the month's next coming after the tabling, or the first meeting
    after it when the meeting was moved —, else its next meeting ("till nästa möte", or nothing named)."""
    if m := _IN_MONTH.search(t.text):
        month = MONTHS.index((m.group('a') or m.group('b')).lower()) + 1
        year = int(t.date[:4]) + (month < int(t.date[5:7]))
        return [d for d in days if d >= f"{year}-{month:02d}"][:1]
    return days[:1]  # the next meeting, named so or not


def _stems(text: str) -> set[str]:
    """The beginnings of a text's longer words, bodies' names left out: "gemensamma" and "gemensam",
    "indikatorbilaga" and "indikatorer" begin alike (the tokenizer does not always split a compound)."""
    return {w[:6] for w in tokenize(text, compounds=False, prefixes=False) if len(w) >= 5 and not body_of(w)}


def _under_its_heading(t: Decision, d: Decision) -> bool:
    """``d`` stands under a heading naming the matter ``t`` tabled (its heading or its words), or has
    no heading to tell: the meeting it was put off to decides on many matters, each under its own."""
    return not d.heading or bool(_stems(d.heading) & _stems(f"{t.heading} {_TABLING.sub(' ', t.text)}"))


def _matter_only(t: Decision) -> Decision:
    """``t`` with the words that table it left out: what it shares with a decision is the matter's."""
    return replace(t, text=_TABLING.sub(" ", t.text))


def _taken_up(t: Decision, decisions: Sequence[Decision], ctx: LinkContext) -> Decision | None:
    """The step that takes up the matter ``t`` tabled: at the first meeting it was put off to where one
    of the body's decisions (or tablings) under a heading on the matter shares enough of its words
    (:func:`.link_rules._most_shared`)."""
    later = [d for d in decisions if d.body == t.body and d.kind in _STEPS and d.date > t.date]
    for day in _meetings(t, sorted({d.date for d in later})):
        there = [d for d in later if d.date == day and not years_clash(t, d) and _under_its_heading(t, d)]
        if found := _most_shared(_matter_only(t), there, ctx):
            return found
    return None


def _linked(a: Decision, b: Decision, ctx: LinkContext, why: str) -> Link:
    values, words = pair_features(a, b, ctx)
    shown = _as_written(words, b.heading, a.heading, b.text, a.text)
    same = f": samma ärende ({', '.join(shown[:4])})" if shown else ""
    return Link(a.id, b.id, "följer upp", f"{why}{same} (sannolikhet {probability(values):.2f}).", probability(values),
                ("ärendet bordlades",))


def tabled_links(decisions: Sequence[Decision], links: Sequence[Link], ctx: LinkContext) -> list[Link]:
    """The links of every tabled matter in ``decisions`` (see the module's docstring); ``links`` are the
    decisions' links found before (the model's and the rules')."""
    steps = sorted((d for d in decisions if d.kind == TABLED and d.date), key=lambda d: (d.date, d.doc_id))
    if not steps:
        return []
    by_id = {d.id: d for d in decisions}
    after = {t.id: n for t in steps if (n := _taken_up(t, decisions, ctx)) is not None}
    again = {n.id for n in after.values() if n.kind == TABLED}
    settled_from: dict[str, list[Decision]] = {}
    for lk in links:
        settled_from.setdefault(lk.later, []).append(by_id[lk.earlier])
    out: list[Link] = []
    for t in (t for t in steps if t.id not in again):
        chain = [t]
        while (n := after.get(chain[-1].id)) is not None and n.kind == TABLED and n not in chain:
            chain.append(n)
        out += [_linked(a, b, ctx, f"Ärendet bordlades {_where(a)} och bordlades igen {_where(b)}")
                for a, b in zip(chain, chain[1:])]
        final = after.get(chain[-1].id)
        if final is None or final.kind == TABLED:
            continue
        before = [e for e in settled_from.get(final.id, []) if e.date <= t.date and e.kind != TABLED]
        if any(e.doc_id == t.doc_id and e.paragraph == t.paragraph for e in before):
            continue  # tabled beside a decision of its paragraph that the settling decision takes up already
        earlier = [e for e in before if e.date < t.date]
        if earlier:  # the matter was on the register before it was tabled: the tabling is its middle step
            e = max(earlier, key=lambda e: (ctx.words(e, _matter_only(t))[0], e.date))
            out.append(_linked(e, t, ctx, f"Ärendet bordlades {_where(t)}, efter steget {_where(e)} och innan det "
                                          f"avgjordes {_where(final)}"))
        else:
            out.append(_linked(chain[-1], final, ctx, f"Ärendet bordlades {_where(chain[-1])} och togs upp igen "
                                                      f"{_where(final)}"))
    return out
