"""Decisions that minutes write twice: a closing list ("Beslutspunkter", "Sammanfattning av
beslut") restates what the paragraphs above decided. A restatement names the paragraph it
repeats ("(§ 4)") or says little that decision does not; it is dropped, and the decision stays
where it was taken. A closing list that restates nothing (informal notes that only list their
decisions there) is kept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from ingest.swedish import tokenize


class _Said(Protocol):
    """What this module reads of a decision (decisions.py calls it, so it does not import it)."""

    id: str
    kind: str
    section: str
    heading: str
    passage: str
    text: str
    paragraph: str


Decision = TypeVar("Decision", bound=_Said)

_SUMMARY = (r"(?:beslutspunkter|besluts(?:lista|förteckning)|sammanfattning\s+av\s+(?:\w+\s+)?beslut\w*"
            r"|beslut\s+i\s+(?:sammandrag|korthet)|fattade\s+beslut|sammanställning\s+av\s+(?:\w+\s+)?beslut\w*)")
_SUMMARY_HEADING = re.compile(rf"^\W*{_SUMMARY}\W*$", re.IGNORECASE)
_SUMMARY_IN_TEXT = re.compile(rf"(?:^|[\s.:])(?:{_SUMMARY})\b", re.IGNORECASE)
_CITED = re.compile(r"\(\s*(?:(?P<s>§)\s*(?P<n>\d+[a-z]?)|(?:punkt|p\.)\s*(?P<p>\d{1,2}))\s*\)", re.IGNORECASE)
_BODY_WORDS = re.compile(r"\b(?:styrgrupp|gd-grupp|beredningsgrupp|arbetsgrupp|mötet|sekretariat)\w*", re.IGNORECASE)


def _in_summary(d: _Said) -> bool:
    """The decision stands in a closing summary: its section is one, or (PDF text, headings run
    into the page) a summary heading comes before it in its passage."""
    if _SUMMARY_HEADING.match(d.section or "") or _SUMMARY_HEADING.match(d.heading or ""):
        return True
    at = d.passage.find(d.text[:40])
    head = _SUMMARY_IN_TEXT.search(d.passage, 0, at if at >= 0 else 0)
    return head is not None


def _cited(d: _Said) -> str:
    """The paragraph a restatement names: "(§ 4)" → "§ 4", "(punkt 3)" → "punkt 3"."""
    m = _CITED.search(d.text)
    if not m:
        return ""
    return f"§ {m.group('n')}" if m.group("s") else f"punkt {m.group('p')}"


def _words(text: str) -> set[str]:
    return {t for t in tokenize(_BODY_WORDS.sub(" ", text), prefixes=False) if len(t) > 2 and not t.isdigit()}


def _repeats(d: _Said, earlier: _Said) -> bool:
    """Most of what ``d`` says is in ``earlier`` (its heading and text)."""
    said = _words(_CITED.sub(" ", d.text))
    if len(said) < 2:
        return False
    return len(said & _words(f"{earlier.heading} {earlier.text}")) >= 0.6 * len(said)


def drop_restatements(decisions: Sequence[Decision]) -> list[Decision]:
    """``decisions`` of one document without the closing summary's restatements (procedural
    lines pass through); a summary item that restates nothing keeps the paragraph it names."""
    summary = {d.id for d in decisions if d.kind != "procedur" and _in_summary(d)}
    if not summary:
        return list(decisions)
    taken = [d for d in decisions if d.kind != "procedur" and d.id not in summary]
    paragraphs = {d.paragraph for d in taken if d.paragraph}
    out: list[Decision] = []
    for d in decisions:
        if d.id not in summary:
            out.append(d)
            continue
        cited = _cited(d)
        if (cited and cited in paragraphs) or any(_repeats(d, t) for t in taken):
            continue
        out.append(replace(d, paragraph=cited) if cited and not d.paragraph else d)  # type: ignore[type-var]
    return out
