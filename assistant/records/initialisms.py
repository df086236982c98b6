"""Initialisms the minutes make of their own compounds ("LB-mallen" for the template for
lägesbedömningar, "nya PL" for new processledare): an upper-case abbreviation is read as the one
compound of the same texts whose parts begin with its letters (läges|bedömning → LB)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ingest.swedish import split_compound, stem

_ABBREVIATION = re.compile(r"(?<![\wÅÄÖåäö])([A-ZÅÄÖ]{2,4})(?![a-zåäö])")
_WORD = re.compile(r"[a-zåäöA-ZÅÄÖ]{6,}")


def initials(word: str) -> str:
    """The first letters of a compound's parts ("lägesbedömning" → "lb"); "" for a simple word."""
    parts = split_compound(word.lower())
    return "".join(p[0] for p in parts) if len(parts) >= 2 else ""


def initialisms(texts: Iterable[str]) -> dict[str, str]:
    """Each abbreviation the texts use (as its stem, lower case) → the stem of the one compound in
    the same texts whose parts' first letters spell it; an abbreviation two compounds could stand
    for, or none, is left out."""
    texts = list(texts)
    used = {a.lower() for t in texts for a in _ABBREVIATION.findall(t)}
    if not used:
        return {}
    spelled: dict[str, set[str]] = defaultdict(set)
    for word in {w.lower() for t in texts for w in _WORD.findall(t)}:
        if (letters := initials(word)) in used:
            spelled[letters].add(stem(word))
    return {stem(a): next(iter(s)) for a, s in spelled.items() if len(s) == 1}
