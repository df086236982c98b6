"""How much two decisions share a matter (heading and object words, compounds counted by their
parts) and whether the years they name clash; the link model's first feature and its filter."""

from __future__ import annotations

import math
import re

from ingest.dates import DATE
from ingest.swedish import tokenize

from .decisions import Decision
from .matter import matter_terms

# Words that say nothing about which matter a decision concerns.
_GENERIC = frozenset(
    "gemensam gemensamm förslag beslut uppdrag möt styrgrupp gd-grupp gd grupp beredningsgrupp arbetsgrupp sekretariat "
    "samverkan msv kll fram ta ny nya del ändring inför beredning revider ändr upphäv fastställ godkän "
    "sammanställ kompletter kartlägg analyser genomför redovis".split()
    + [m[:6] for m in ("januari februari mars april maj juni juli augusti september oktober november "
                       "december").split()] + "januari februari mars april maj juni juli augusti september oktober "
    "november december".split())
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERIOD = re.compile(r"\b(VT|HT)\s*-?\s*((?:19|20)\d\d)\b")
# A month and a year ("i mars 2041", "före utgången av juni 2042") is a point in time, a deadline or a
# start, as a full date is: not the year the matter is about.
_MONTH_YEAR = re.compile(r"\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
                         r"\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _terms(d: Decision) -> tuple[frozenset[str], frozenset[str]]:
    whole, parts = matter_terms(d.heading, d.text, deliverable=True)  # heading and object both name the matter
    drop = _GENERIC | {t for t in whole | parts if t.isdigit()}
    return whole - drop, parts - drop


def _years(d: Decision) -> frozenset[str]:
    """The years (and VT/HT periods) the decision's heading names, else its text; full dates
    (deadlines, start dates) do not count."""
    head = DATE.sub(" ", d.heading)
    head = _MONTH_YEAR.sub(" ", head)
    text = head if _YEAR.search(head) else _MONTH_YEAR.sub(" ", DATE.sub(" ", f"{d.heading} {d.text}"))  # the heading's year rules
    periods = {f"{m.group(1)} {m.group(2)}" for m in _PERIOD.finditer(text)}
    return frozenset(_YEAR.findall(text)) | periods


def years_clash(a: Decision, b: Decision) -> bool:
    """Both name their year (or period) and they differ: "Verksamhetsbudget 2025" is not
    "Verksamhetsbudget 2026". When only one names its year, the other's meeting year stands in,
    give or take one (a plan for next year is prepared this year)."""
    ya, yb = _years(a), _years(b)
    if not ya and not yb:
        return False
    pa = {y for y in ya if " " in y}
    pb = {y for y in yb if " " in y}
    if pa and pb and not pa & pb:
        return True
    ya = {y for y in ya if " " not in y}
    yb = {y for y in yb if " " not in y}
    if ya and yb:
        return not ya & yb
    named, other = (ya, b) if ya else (yb, a)
    if not named or not other.date[:4].isdigit():
        return False
    year = int(other.date[:4])
    return all(abs(int(y) - year) > 1 for y in named)


def similarity(a: Decision, b: Decision) -> tuple[float, list[str]]:
    """How much the two matters share, and the shared words: a word both have counts 1, a word
    that is the head of the other's compound ("budget" in "verksamhetsbudget") ¾, another part of
    it ("kommunikation" in "kommunikationsplan") ½; two compounds that share only a part
    ("arbetsplan", "mötesplan") share nothing. Normalised by the geometric mean of the two
    matters' sizes, so one common word between long descriptions is not enough."""
    aw, ap = _terms(a)
    bw, bp = _terms(b)
    if not aw or not bw:
        return 0.0, []
    shared = _common(aw, bw)
    heads = _heads(aw) | _heads(bw)
    partial = (_common(aw, bp) | _common(ap, bw)) - shared
    score = len(shared) + sum(0.75 if _common({t}, heads) else 0.5 for t in partial)
    return min(score / math.sqrt(len(aw) * len(bw)), 1.0), sorted(shared) or sorted(partial)


# Endings that make an adjective of a noun ("region" → "regional", "strategi" → "strategisk"):
# another word, not an inflection the stemmer left.
DERIVED_ENDINGS = ("al", "sk", "ig")


def same_stem(a: str, b: str, shortest: int = 6) -> bool:
    """One stem, or two the stemmer left apart ("kompetensanaly", "kompetensanalys"), not a word
    derived from the other ("regional" from "region")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= shortest and long_.startswith(short) and len(long_) - len(short) <= 2
            and not long_[len(short):].endswith(DERIVED_ENDINGS))


def _common(xs: frozenset[str] | set[str], ys: frozenset[str] | set[str]) -> set[str]:
    return {x for x in xs if any(same_stem(x, y) for y in ys)}


def _heads(words: frozenset[str]) -> set[str]:
    """The last part of each compound among ``words``."""
    out = set()
    for w in words:
        parts = [p for p in tokenize(w, prefixes=False) if p != w]
        if parts:
            out.add(parts[-1])
    return out
