"""What two decisions on one matter are to each other: the features of the pair for the link model,
the link's relation and its Swedish reason, and what an assignment or a hand-over asks of whom
(the body it goes to, the body that settles it, its deadline)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from ingest.dates import long_date
from ingest.swedish import tokenize

from .deadlines import find_deadline
from .decisions import Decision
from .linking import LinkContext, body_relation, changes, cites, direction, names_deliverable
from .meeting import BODY_KINDS, body_name, body_of
from .similarity import same_stem as _same
from .similarity import similarity

GRACE_DAYS = 120  # an answer this long after a deadline still counts as on the deadline's matter

_REVOKE = re.compile(r"\bupphäv\w*|\båterkall\w*|\binte\s+(?:ska|längre|får)\b|\bavskaffa\w*|\bslopa\w*", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:revider|ändr|ersätt|juster|förläng|senareläg|tidigareläg|höj|sänk|flytta)\w*",
                     re.IGNORECASE)
_HANDOVER = re.compile(r"\bföresl(?:å|år|og)\s+(?P<to>\S+)"
                       r"|\b(?:(?:över)?lämna|återremitter|lyft|hänsk[öj]t|skick)\w*\s+(?:[\wåäö:-]+\s+){0,10}?"
                       r"till\s+(?P<to2>" + BODY_KINDS + r"\S*)", re.IGNORECASE)
_ASSIGNMENT = re.compile(r"\buppdrag(?:et|en)?\b", re.IGNORECASE)  # the assignment itself named
# Steps that settle nothing: a matter sent back or put off, a deadline extended.
_SENT_BACK = re.compile(r"\båterremitter\w*|\bbordl\w*|\bskjut\w*\s+upp\b|\bsköts\s+upp\b|\bförläng\w*|\bsenareläg\w*",
                        re.IGNORECASE)
_SEASON = re.compile(r"\b(?:till|inför|före|senast\s+(?:vid|till))\s+(?P<when>höstens|vårens|nästa|årets\s+sista)\s+"
                     r"(?:möte|sammanträde)\w*(?:\s+(?P<year>(?:19|20)\d\d))?", re.IGNORECASE)
# A decision that sets a rule anew from a day on, or extends one ("hålls från och med januari 2027 var
# åttonde vecka", "ska gälla även under 2032"): with the body's earlier decision on it, a change.
_ANEW = re.compile(r"\bfrån\s+och\s+med\b|\bgäll\w*\s+(?:även|också)\b", re.IGNORECASE)
RELATIONS = ("besvarar", "återrapporterar", "ändrar", "upphäver", "följer upp", "överlämnat")
RELATION_SV = {"besvarar": "Besvarar uppdraget", "återrapporterar": "Återrapport", "ändrar": "Ändrar",
               "upphäver": "Upphäver", "följer upp": "Följer upp", "överlämnat": "Överlämnat"}


@dataclass(frozen=True)
class Link:
    earlier: str  # decision id
    later: str
    relation: str  # one of RELATIONS
    reason: str  # in Swedish, why the two were linked
    score: float = 0.0  # the link model's probability that the two are on one matter
    evidence: tuple[str, ...] = ()  # the model's features that spoke for the link, in Swedish

    def as_dict(self) -> dict[str, object]:
        return {"from": self.earlier, "to": self.later, "relation": self.relation, "reason": self.reason,
                "score": round(self.score, 3), "evidence": list(self.evidence)}


def due_of(d: Decision) -> tuple[str, str]:
    """An assignment's deadline: (comparable date, as written)."""
    if d.deadline:
        due, written = find_deadline(d.text, d.date)
        return d.deadline, (written if due == d.deadline else d.deadline)
    m = _SEASON.search(d.text)
    if not m:
        return "", ""
    year = m.group("year") or d.date[:4]
    when = m.group("when").lower()
    due = {"höstens": f"{year}-12-31", "vårens": f"{year}-06-30", "årets sista": f"{year}-12-31"}.get(when, "")
    return due, m.group(0)


def _given_to(a: Decision) -> str:
    """The body an assignment or a hand-over goes to ("" for a person or the secretariat)."""
    if a.kind == "uppdrag":
        return a.recipient or body_of(a.responsible)
    m = _HANDOVER.search(a.text)
    return body_of((m.group("to") or m.group("to2") or "")) if m else ""


def _day(iso: str) -> Date | None:
    try:
        return Date.fromisoformat(iso if len(iso) == 10 else f"{iso}-28")
    except ValueError:
        return None


def _where(d: Decision) -> str:
    return f"den {long_date(d.date)}" + (f" ({d.paragraph})" if d.paragraph else "")


def _as_written(stems: list[str], *texts: str) -> list[str]:
    """The shared stems as the decisions write them ("kompetensanaly" → "kompetensanalysen");
    a stem only found inside a compound is shown as the stem."""
    out: list[str] = []
    words = [w for t in texts for w in re.findall(r"[\wåäöÅÄÖé-]+", t)]
    for stem in stems:
        written = next((w.lower() for w in words
                        if any(_same(stem, t) for t in tokenize(w, compounds=False, prefixes=False))), stem)
        if written not in out:
            out.append(written)
    return out


def _named(responsible: str) -> str:
    """Who was given a task, in a sentence (a working group resolved to the register's name is that name)."""
    return body_name(responsible) if responsible.startswith("arbetsgrupp-") else responsible


def _link(a: Decision, b: Decision, words: list[str]) -> Link:
    shown = _as_written(words, b.heading, a.heading, b.text, a.text)
    same = f"samma ärende ({', '.join(shown[:4])})"
    to = _given_to(a)
    if a.kind == "uppdrag":
        due, due_text = due_of(a)
        timing = ""
        if due:
            timing = "; inom tidsfristen" if b.date <= due else "; efter tidsfristen"
            timing += f" ({due_text})"
        if to and to != a.body and b.body == to:
            return Link(a.id, b.id, "återrapporterar",
                        f"{body_name(to).capitalize()} fick uppdraget av {body_name(a.body)} {_where(a)} och lämnar sin redovisning "
                        f"{_where(b)}: {same}{timing}.")
        return Link(a.id, b.id, "besvarar",
                    f"Besvarar uppdraget {_where(a)} till {_named(a.responsible) or body_name(a.body)}: {same}{timing}.")
    if to and to != a.body and b.body == to:
        return Link(a.id, b.id, "överlämnat",
                    f"{body_name(a.body).capitalize()} lämnade ärendet till {body_name(to)} {_where(a)}; {body_name(to)} beslutade "
                    f"{_where(b)}: {same}.")
    if b.kind != "beslut":  # a position or a proposal does not itself change a decision
        return Link(a.id, b.id, "följer upp", f"Följer upp beslutet {_where(a)}: {same}.")
    if _REVOKE.search(b.text):
        return Link(a.id, b.id, "upphäver", f"Upphäver eller går emot beslutet {_where(a)}: {same}.")
    if _CHANGE.search(b.text):
        return Link(a.id, b.id, "ändrar", f"Ändrar beslutet {_where(a)}: {same}.")
    return Link(a.id, b.id, "följer upp", f"Följer upp beslutet {_where(a)}: {same}.")


def pair_features(a: Decision, b: Decision, ctx: LinkContext) -> tuple[list[float], list[str]]:
    """The features of :mod:`.linking` for an earlier ``a`` and a later ``b``, and the words they share."""
    matter, shared = similarity(a, b)
    words, common = ctx.words(a, b)
    given = _given_to(a)
    due = _day(due_of(a)[0]) if a.kind == "uppdrag" else None
    day, start = _day(b.date), _day(a.date)
    late = (day - due).days if due is not None and day is not None else None
    values = [matter, words, 1.0 if a.kind == "uppdrag" and names_deliverable(a, b) else 0.0, body_relation(a, b, given),
              1.0 if late is not None and late <= GRACE_DAYS else 0.0, 1.0 if late is not None and late > GRACE_DAYS else 0.0,
              1.0 if changes(b) else 0.0, 1.0 if changes(b) and a.kind != "uppdrag" else 0.0,
              1.0 if a.kind == "uppdrag" else 0.0,
              1.0 if a.kind == "uppdrag" and a.body == b.body else 0.0,
              min((day - start).days / 730, 1.0) if day and start else 0.5, *direction(a, b, given), cites(a, b)]
    return values, shared or common[:4]


def _third_body(a: Decision, b: Decision) -> bool:
    """``a`` gave another body an assignment and ``b`` is a third body's: the assignment is answered
    by the body that got it or the one that gave it (no development link goes elsewhere); the
    decision that settled it may be taken up by any body."""
    to = _given_to(a)
    return a.kind == "uppdrag" and bool(to) and to != a.body and b.body not in (a.body, to)


def passes_on(a: Decision, b: Decision) -> bool:
    """``b`` is the body that got assignment ``a`` passing the assignment on to a third body (its own
    assignment, or a hand-over of "GD-gruppens uppdrag", to the beredningsgrupp): a step on the matter,
    not the report back ``a`` asked for, which goes to the body that gave it. A deliverable handed on
    for preparation ("lämnade förslaget vidare till beredningsgruppen") is a report all the same."""
    to = _given_to(a)
    return (a.kind == "uppdrag" and bool(to) and to == b.body != a.body and _given_to(b) not in ("", a.body, b.body)
            and (b.kind == "uppdrag" or bool(_ASSIGNMENT.search(b.text))))


def _decider(a: Decision) -> str:
    """The body whose decision settles what ``a`` opened: the assigning body for an assignment
    (it asked for the work), the receiving body for a hand-over."""
    return a.body if a.kind == "uppdrag" or re.search(r"\båterremitter", a.text, re.IGNORECASE) else _given_to(a)
