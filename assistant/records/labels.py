"""Paragraph labels written into running text (PDF pages arrive with their headings run into
the paragraphs): where "§ 5 Budget", "§ 4 a Tidplan", "3. Arbetsplan", "Punkt 2 – Strategi" or a
bold "2 Budget 2031" opens an item, and where a number is only a reference ("se bilaga 1.")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .matter import GENERIC_HEADING

# A heading's first word: capitalised, or an abbreviation joined to a word ("PL-mötena", "IT-stöd").
_WORD = r"[A-ZÅÄÖ][a-zåäö]|[A-ZÅÄÖ]{2,5}-[a-zåäö]"
# "§ 5 Budget" anywhere (PDF text runs headings into paragraphs), but not "enligt § 5 i …";
# "3. Arbetsplan" likewise (a number, a full stop and a capitalised word).
_PARA_INLINE = re.compile(r"(?:^|(?<=\s))§\s*(?P<s>\d+(?:[a-z]|\s[a-z](?=\s))?)\.?\s+(?=[A-ZÅÄÖ])"  # "§ 4 a Tidplan"
                          r"|(?:^|(?<=\s))(?P<n>\d{1,2})\.\s+(?=" + _WORD + ")"
                          # "Punkt 2 – Strategi", "Punkt 2 Strategi" (an item written out; not "enligt punkt 2 i …")
                          r"|(?:^|(?<=[\s.]))Punkt\s+(?P<p>\d{1,2})[.:]?\s*[–-]?\s+(?=[A-ZÅÄÖ])"
                          # a bold item number run into PDF text ("… godkändes. 2 Budget 2031 Sekretariatet …"):
                          # taken only when it continues the numbering (see _in_sequence)
                          r"|(?:^|(?<=\s))(?P<b>\d{1,2})\s+(?=" + _WORD + ")")
_AFTER_WORD = re.compile(r"[a-zåäö]\s+$")  # "se bilaga 1. Planen …": a reference, not an item


def _number(paragraph: str) -> int:
    """The item number of a paragraph label ("§ 4 a" → 4; none → 0)."""
    m = re.search(r"\d+", paragraph)
    return int(m.group(0)) if m else 0


def _in_sequence(marks: Iterator[re.Match[str]], current: str) -> list[re.Match[str]]:
    """The markers that number items: a bare number ("2 Budget …", "bilaga 1. Planen …")
    only when it is the next item after the paragraph before it, or (with a full stop) when no
    lower-case word runs into it."""
    kept: list[re.Match[str]] = []
    last = _number(current)
    for m in marks:
        bare = m.group("b") or m.group("n")
        if bare and int(bare) != last + 1 and (m.group("b") or _AFTER_WORD.search(m.string, 0, m.start())):
            continue
        kept.append(m)
        last = int(bare) if bare else _number(m.group("s") or m.group("p") or "")
    return kept


def segments(text: str, current: str = "") -> Iterator[tuple[str, str]]:
    """Split a block at inline paragraph markers: (paragraph or "", text). ``current`` is the
    paragraph the block starts in."""
    marks = _in_sequence(_PARA_INLINE.finditer(text), current)
    if not marks:
        yield "", text
        return
    if marks[0].start() > 0:
        yield "", text[: marks[0].start()]
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        para = f"§ {m.group('s')}" if m.group("s") else f"punkt {m.group('n') or m.group('p') or m.group('b')}"
        yield para, text[m.end() : end]


_TITLE = re.compile(r"protokoll|minnesanteckning|anteckningar|sammanträde|möte\b", re.IGNORECASE)


def heading_labels(sections: list[str], numbered: bool) -> dict[str, str]:
    """Notes whose agenda headings carry no numbers ("Seminarium med regionerna"): each heading is
    its paragraph's label, so a decision is cited by the item it was taken under. Not the
    document's title (its first heading, when it names the minutes or the meeting) and not the
    agenda's frame ("Nästa möte", "Övrigt"); none when any heading is numbered (``numbered``)."""
    if numbered or not sections:
        return {}
    first = sections[0]
    items = sections[1:] if _TITLE.search(first) else sections
    return {s: label for s in items if (label := s.strip(" .:*#–-")) and not GENERIC_HEADING.match(label)
            and len(label.split()) <= 10}
