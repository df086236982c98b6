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

from ingest.dates import MONTH_NAMES, month_number
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
# "(§ 4)", "(punkt 3)", or an item that opens with the paragraph it restates ("§ 3 Arbetsordningen fastställd")
_CITED = re.compile(r"\(\s*(?:(?P<s>§)\s*(?P<n>\d+[a-z]?)|(?:punkt|p\.)\s*(?P<p>\d{1,2}))\s*\)"
                    r"|^\W*(?:(?P<s2>§)\s*(?P<n2>\d+[a-z]?)|punkt\s+(?P<p2>\d{1,2}))\b", re.IGNORECASE)
_OPENS = re.compile(rf"^\W*{_SUMMARY}\b|(?:^|[.:]\s*|\s){_SUMMARY}\W*$", re.IGNORECASE)


def opens_summary(text: str) -> bool:
    """``text`` is, starts with or ends with a closing summary's heading ("Beslutspunkter")."""
    return bool(_OPENS.search(text))
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
    if m.group("s") or m.group("s2"):
        return f"§ {m.group('n') or m.group('n2')}"
    return f"punkt {m.group('p') or m.group('p2')}"


def _words(text: str) -> set[str]:
    return {t for t in tokenize(_BODY_WORDS.sub(" ", text), prefixes=False) if len(t) > 2 and not t.isdigit()}


def _repeats(d: _Said, earlier: _Said) -> bool:
    """Most of what ``d`` says is in ``earlier`` (its heading and text)."""
    said = _words(_CITED.sub(" ", d.text))
    if len(said) < 2:
        return False
    return len(said & _words(f"{earlier.heading} {earlier.text}")) >= 0.6 * len(said)


_STEPS = ("procedur", "bordlagd")  # procedural lines and tabled matters: no decision a summary restates


def drop_restatements(decisions: Sequence[Decision], summary: set[str] | frozenset[str] = frozenset()) -> list[Decision]:
    """``decisions`` of one document without the closing summary's restatements (procedural
    lines pass through); ``summary`` holds the ids the reader saw under a summary's heading. A
    summary item that restates nothing keeps the paragraph it names."""
    summary = {d.id for d in decisions if d.kind not in _STEPS and (d.id in summary or _in_summary(d))}
    if not summary:
        return list(decisions)
    taken = [d for d in decisions if d.kind not in _STEPS and d.id not in summary]
    paragraphs = {d.paragraph for d in taken if d.paragraph}
    out: list[Decision] = []
    for d in decisions:
        if d.id not in summary:
            out.append(d)
            continue
        cited = _cited(d)
        if (cited and cited in paragraphs) or any(_repeats(d, t) for t in taken):
            continue
        out.append(replace(d, paragraph=cited) if cited and cited != d.paragraph else d)  # type: ignore[type-var]
    return out


# A day or month named in a decision's clause ("Styrgruppen gav den 2 februari …", "återremitterade i maj"),
# and the words before it that make it a deadline, a start or another meeting's date instead.
_WHEN = re.compile(rf"\b(?:(?P<day>[0-3]?\d)\s+(?P<month>{MONTH_NAMES})|i\s+(?P<month2>{MONTH_NAMES}))"
                   rf"(?:\s+(?P<year>(?:19|20)\d\d))?\b|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b", re.IGNORECASE)
_NOT_WHEN = re.compile(r"\b(?:senast|till|före|innan|från|fr\.o\.m\.|t\.o\.m\.|inför|efter|med|gälla|gäller|per|under"
                       r"|klart|möte\w*|sammanträde\w*|träff\w*|om|beslut(?:et|en|ets)?|uppdrag\w*|protokoll\w*)\s+(?:den\s+)?$",
                       re.IGNORECASE)
_AT_ITS_MEETING = re.compile(r"\bvid\s+(?:sitt|dess|deras)\s+(?:\w+\s+)?(?:möte|sammanträde)", re.IGNORECASE)


def reported_earlier(text: str, verb_end: int, meeting: str) -> bool:
    """The sentence tells of a decision taken before this meeting: its clause (up to just after
    the deciding verb) dates it earlier ("Styrgruppen antog den 4 oktober en plan" in
    minutes of December; "vid sitt möte i augusti") — not one recorded per capsulam."""
    if re.search(r"\bper\s+capsulam\b", text, re.IGNORECASE):
        return False
    clause = text[: verb_end if re.search(r"\b(?:att|om)$", text[:verb_end]) else verb_end + 30]
    if end := re.search(r"\s(?:att|om|så)\s", clause[verb_end:]):
        clause = clause[: verb_end + end.start()]  # a date in what was decided ("att mässan den 5 …") is its own
    if _AT_ITS_MEETING.search(clause):
        return True
    if not re.match(r"\d{4}-\d\d-\d\d", meeting):
        return False
    for m in _WHEN.finditer(clause):
        if _NOT_WHEN.search(clause[: m.start()]):
            continue
        if m.group("iso"):
            when = m.group("iso")
        else:
            year = int(m.group("year") or meeting[:4])
            month = month_number(m.group("month") or m.group("month2"))
            day = int(m.group("day") or 1)
            when = f"{year:04d}-{month:02d}-{day:02d}"
            if not m.group("year") and when > meeting:
                when = f"{year - 1:04d}{when[4:]}"
        if when < meeting[: len(when)] and (m.group("day") or m.group("iso") or when[:7] < meeting[:7]):
            return True
    return False
