"""The units an extractive answer is built from: the sentences and list items of a retrieved
passage, with headings run into a sentence by PDF extraction cut off and sentences that lean on the
one before them marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.swedish import paragraph_heading, split_paragraph_heading, split_sentences

from .question import tokens_of

if TYPE_CHECKING:
    from .question import Term

_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+[A-ZÅÄÖ]")  # "1. Nuvarande lösning ..."
_BULLET = re.compile(r"^[\s•▪●◦\-–*·]+")


def trim(unit: str) -> str:
    """Light trimming: bullets, stray whitespace and a dangling list colon go; words stay."""
    s = _BULLET.sub("", unit).strip()
    s = re.sub(r"\s+", " ", s)
    return s


@dataclass
class Unit:
    """A sentence or list item of a retrieved passage."""

    hit: int  # index into the retrieved hits
    pos: int  # position within the passage
    text: str
    tokens: frozenset[str]
    is_item: bool
    coverage: float = 0.0
    own: float = 0.0  # the share of the question's content (beyond its document's subject) the sentence says
    score: float = 0.0
    missing: int = 0  # question nouns that its whole passage lacks
    role_missing: bool = False  # what the question asks about (its role, attribute or counted thing) is absent
    enumerates: bool = False  # lists things: items after it, or a run of short comma-separated names
    items: list[Unit] = field(default_factory=list)
    anaphoric: bool = False  # leans on the sentence before it
    leans_on: str = ""  # the sentence before it, when it leans on it
    # "Satsningen ska vara klar …": the stems of a definite noun opening it
    takes_up: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()  # the words it speaks with: its own, and those it leans on
    matter_missing: bool = False  # the passage has none of the words naming the question's assignment
    heading_of_another_year: bool = False  # it names no year, and its passage's heading names another than the question's
    synonym_gain: float = 0.0  # the coverage it adds by saying question nouns with a synonym (for the refusal check)
    unheard: int = 0  # the question's specific nouns (compounds) that no retrieved passage has
    matches: dict[Term, float] = field(default_factory=dict)  # how well it has each question term
    p: float = 0.0  # the sentence model's probability that it answers (the hand-set score without a model)
    features: tuple[float, ...] = ()  # the sentence model's inputs (sentence_rank.FEATURES)


# Words that open a Swedish sentence but never appear capitalised inside one: where one follows a
# word without a full stop, a heading has been run into the sentence by the PDF extraction.
_OPENERS = ("I|Inom|Under|Det|Detta|Dessa|Den|De|Vi|Här|Nedan|Som|Genom|Efter|Inför|En|Ett|Flera|Många|Några|"
            "Samtidigt|Dessutom|Därför|Utöver|Vad|Hur|Med|För|Av|Till|Om|När|Eftersom|Parallellt|Sedan")
_RUN_IN = re.compile(rf"^(?P<head>[A-ZÅÄÖ][^.!?:;]{{8,90}}?[\w)]) (?P<rest>(?:{_OPENERS}) [a-zåäö].*)$")
# A sentence that leans on the one before it ("Dessa är i enlighet med ...").
_ANAPHOR = re.compile(r"^(?:Dessa|Detta|Denna|Det|De|Den|Här|Där|Därför|Då|Sådana?)\b|"
                      r"^(?:\S+ ){1,2}(?:dessa|detta|denna|sådana?)\b")


# A definite noun opening a sentence, then its verb: "Satsningen ska vara klar …", "Ändringarna träder …".
_DEFINITE_OPENER = re.compile(r"^([A-ZÅÄÖ][a-zåäö]{3,}(?:et|en|na))\s+(?:ska|skall|har|hade|är|var|blir|kan|får|"
                              r"bör|omfattar|innebär|gäller|träder|redovisas|genomförs)\b")


# Reported speech: a sentence ending in who said it ("…, säger utbildningsministern.", "…, skriver myndigheten.").
_SAID_BY = re.compile(r"[,”\"]\s*[”\"]?\s(?:säger|sa|sade|skriver|menar|konstaterar)\s+(?P<by>[^.,;:]{1,80})[.!]?$")
# Where the words stand, after the speaker ("… i beslutet", "… på sin webbplats", "… i ett brev").
_WHERE = re.compile(r"\s(?:i|på|inom)\s")
# The first and second person: someone speaking in their own voice.
_OWN_VOICE = re.compile(r"\b(?:jag|vi|mig|oss|min|mitt|mina|vår|vårt|våra|du|ni|dig|din|ditt|dina|er|ert|era)\b",
                        re.IGNORECASE)


def reports_speech(sentence: str) -> bool:
    """Whether ``sentence`` gives someone's words, with the speaker after them. Words said to stand in a
    document ("…, skriver regeringen i beslutet.") are its content, not a view, unless they speak in the
    first or second person ("Vi ser fram emot …, skriver styrelsen i ett brev.")."""
    m = _SAID_BY.search(sentence)
    if m is None:
        return False
    return not _WHERE.search(f" {m.group('by')} ") or bool(_OWN_VOICE.search(sentence[:m.start()]))


def split_run_in(sentence: str) -> tuple[str, str]:
    """("heading", "sentence") when a heading was run into the sentence, else ("", sentence)."""
    m = _RUN_IN.match(sentence)
    if m and not re.search(r"\b(?:är|har|ska|kan|som|och|att|blir|var)$", m.group("head")):
        return m.group("head"), m.group("rest")
    return "", sentence


# A paragraph marker after a full stop opens the next paragraph ("… under 2025. § 4 Ekonomi Styrelsen …").
_MARKED_PARAGRAPH = re.compile(r"(?<=[.!?]) (?=\**§ ?\d)")


def _is_heading_line(line: str, following: str) -> bool:
    """A line of minutes or a report that is a paragraph's heading ("§ 4 Ekonomi", "Punkt 4.", "4. Ekonomi"):
    it names the section, it says nothing. A numbered line counts only when prose, not another item, follows."""
    if not paragraph_heading(line):
        return False
    if not line.lstrip(" *")[:1].isdigit():
        return True
    return bool(following) and not (_BULLET.match(following) or _NUMBERED.match(following)
                                    or paragraph_heading(following))


def passage_units(hit_index: int, text: str) -> list[Unit]:
    units: list[Unit] = []
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for n, line in enumerate(lines):
        if _is_heading_line(line, lines[n + 1] if n + 1 < len(lines) else ""):
            continue  # the heading travels as the passage's section, not as a sentence
        is_item = (bool(_BULLET.match(line)) and not line.lstrip().startswith("-1")) or bool(_NUMBERED.match(line))
        for s in (p for sentence in split_sentences(line) for p in _MARKED_PARAGRAPH.split(sentence)):
            s = trim(s)
            if paragraph_heading(s) and not s.lstrip(" *")[:1].isdigit():
                continue  # a marker standing as a sentence of its own once lines were joined ("… 2025. Punkt 4.")
            _, s = split_paragraph_heading(s)
            _, s = split_run_in(s)
            short = len(s) < 8 or len(s.split()) < 2
            if short and not (is_item and len(s) >= 3 and any(c.isalpha() for c in s)):
                continue  # a single word stands only as a list item ("Reglab")
            opener = _DEFINITE_OPENER.match(s)
            units.append(Unit(hit_index, len(units), s, frozenset(tokens_of(s)), is_item,
                              anaphoric=bool(_ANAPHOR.match(s)) and not is_item,
                              takes_up=frozenset(tokens_of(opener.group(1))) if opener and not is_item else frozenset()))
    return units


def taken_up(u: Unit, passage: list[Unit], heading: frozenset[str]) -> frozenset[str]:
    """The words of what a sentence opening with a definite noun takes up: the nearest earlier
    sentence of its passage naming that noun, else the passage's title and heading when they do
    ("Uppdrag till X om Y" … "Satsningen ska vara klar …"); empty when there is none."""
    if not u.takes_up:
        return frozenset()
    before = next((b.tokens for b in reversed(passage[:u.pos]) if u.takes_up & b.tokens), None)
    if before is not None:
        return before
    return heading if u.takes_up & heading else frozenset()
