"""Figures in a candidate sentence: amounts, money and number words (reference numbers and years
are no figures), whether a number stands by the noun a "hur många" question counts or by the unit
it asks for, how many things a "vilka tre …" list must hold, and the ordinals a question names."""

from __future__ import annotations

import re

from ingest.swedish import split_by_head, tokenize

from .question import Term
from .time_cues import YEARISH

AMOUNT = re.compile(r"\d[\d\s,.]*\s*(?:kr|kronor|miljon|miljard|euro|procent|%|veckor|personer|st\b|timmar)|"
                     r"\d", re.IGNORECASE)


# Reference numbers are no figures: a file number ("U2023/01234/GV", "N2021/00817"), a statute or report
# ("(2011:1108)", "SOU 2023:12", "prop. 2022/23:1").
_REFERENCE = re.compile(r"\b[A-ZÅÄÖ][A-Za-zåäö]{0,2}\s?(?:19|20)\d\d/\d+(?:/[\w-]+)?|\b(?:19|20)\d\d(?:/\d\d)?:\w+\b")


def without_references(text: str) -> str:
    """``text`` without its years and reference numbers: what is left of its figures counts something."""
    return YEARISH.sub(" ", _REFERENCE.sub(" ", text))


NUMBER_WORDS = re.compile(r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|hundra|tusen|"
                           r"miljoner|miljarder|dubbelt|hälften)\b", re.IGNORECASE)
# an amount in figures, or in words of a magnitude ("tre miljoner kronor", "halvannan miljard euro")
MONEY = re.compile(r"\d[\d\s,.]*\s*(?:kr\b|kronor|miljon|miljard|mnkr|mdkr|euro|€)|"
                   r"\b(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|halv|halvannan|hundra|tusen)\s+(?:halv\s+)?"
                   r"(?:miljon|miljoner|miljard|miljarder)\s+(?:kr\b|kronor|euro)", re.IGNORECASE)
# Nouns that only say "money": an amount in kronor or euro is what they ask for.
MONEY_NOUNS = frozenset(["peng", "medel", "belopp", "~belopp", "summ", "summan", "kron"])
# "Hur många miljarder …" counts in a magnitude: any amount in kronor says how many.
MAGNITUDES = frozenset(["miljon", "miljard", "tusen"])
SHARE_NOUNS = frozenset(["del", "andel", "~andel"])
PERCENT = re.compile(r"\d\s*(?:procent|%)")
# "Vilka tre skolor …", "Vilka är de fem …": a list whose length the question states.
COUNTED_LIST = re.compile(r"\bvilka (?:är )?(?:de )?(två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+) ", re.IGNORECASE)
_SMALL_NUMBERS = ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")
# "den tredje etappen": an ordinal before a noun (after an article, so not "andra" = other).
ORDINAL = re.compile(r"\b(?:den|det|de|sin|sitt|dess) (första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|"
                      r"nionde|tionde) (\w+)", re.IGNORECASE)


def counts_near(sentence: str, role: Term) -> bool:
    """Whether a number stands just before the counted noun ("38 ansökningar", "två fysiska och en
    digital kickoff"): a figure elsewhere in the sentence (a page, a year) counts something else."""
    words = re.findall(r"[\w:-]+", without_references(sentence))
    for i, w in enumerate(words):
        toks = tokenize(w, prefixes=False)
        if toks and role.match(frozenset(toks)) >= 0.8:
            if any(v[0].isdigit() or NUMBER_WORDS.fullmatch(v) for v in words[max(0, i - 5):i]):
                return True
    return False


def list_count(word: str) -> int:
    return int(word) if word.isdigit() else _SMALL_NUMBERS.index(word.lower()) + 2


def separators(sentence: str) -> int:
    """How many list separators a sentence has (", ", "och", "samt")."""
    return len(re.findall(r",\s|\s(?:och|samt)\s", sentence))


def says_ordinal(where: str, ordinal: tuple[str, str]) -> bool:
    """"den tredje etappen": the document says that ordinal of that noun, or of a compound noun's head
    ("den första kursen" for "den första sommarkursen", the compound taken up by its head)."""
    word, noun = ordinal
    nouns = {noun.lower(), *split_by_head(noun.lower())[-1:]}
    return any(re.search(rf"\b{word}\s+{re.escape(n[:6])}", where) is not None for n in nouns)


def figure_says(role: Term, text: str) -> bool:
    """Whether the sentence's figure is what the question asks for by its unit: an amount in
    kronor says the money asked for, a percentage says the share."""
    stems = {role.stem, *role.parts}
    return bool((stems & MONEY_NOUNS or stems & MAGNITUDES) and MONEY.search(text)
                or stems & SHARE_NOUNS and PERCENT.search(text))
