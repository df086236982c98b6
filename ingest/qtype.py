"""Question types, the one classifier: what kind of answer a question asks for ("när"/"when" a
time, "hur många" a number, "vem" a person, "hur ofta" a frequency, "vilka" a list …). Search uses
it as a prior on passages that contain such an answer; the answer engines use it to check that a
sentence gives what was asked."""

from __future__ import annotations

import re

from .dates import MONTH_NAMES, SEASONS

_MONEY = re.compile(r"\bkronor|\bbudget(?:en|ar|s)?\b|\blön\b|\bkost|\bbelopp|\bpengar|\beuro\b|\bhow much money")
_DEFINITION = re.compile(r"^\s*vad (?:är|avses|innebär|betyder|menas)\b|^\s*what (?:is|are|does .* (?:mean|stand for))\b")

# Nouns for things known by their names (agencies, bodies, places): "Vilken myndighet …" asks for
# a name, "Vilka regioner …" for names.
NAMED_THINGS = (r"myndighet|organisation|region|kommun|län\b|länder|departement|lärosäte|universitet|högskol|"
                r"företag|firma|byrå|stiftelse|stad\b|städer|land\b|agenc|authorit|organi[sz]ation|municipal|"
                r"ministr|universit|compan|countr|firm\b")
# A Swedish compound ending in one of them names one too ("konsultfirma", "utbildningsföretag"); the
# noun ends the word, give or take its ending ("myndigheterna"), so "kommunikationsplan" is none.
_COMPOUND = r"[a-zåäö]*?"

# (kind, pattern over the lower-cased question); the first that matches wins.
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("frequency", re.compile(r"\bhur ofta\b|\bhur många gånger\b|\bhow often\b|\bhow many times\b")),
    # "Vilken organisation får granska avgifterna …" asks for a name, not an amount.
    ("name", re.compile(rf"^\s*(?:\w+ )?(?:vilk(?:en|et) {_COMPOUND}|which )(?:{NAMED_THINGS})\w{{0,5}}\b")),
    # A question word that opens the question says what is asked before any word after it does:
    # "Vem betalar hyran …" asks for who, "När betalades bidraget ut" for when.
    ("person", re.compile(r"^\s*(?:vem|vems|vilka personer|who|whom)\b")),
    # "När …", "Sedan när …", "Till när …": a question word for time, perhaps after a preposition.
    ("time", re.compile(r"^\s*(?:\w+ )?(?:när|when)\b")),
    ("list", re.compile(r"^\s*(?:vilka|which) (?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|two|three|four|five|\d+) ")),
    # "Hur stor andel av bidraget …" asks for a share, whatever it is a share of.
    ("number", re.compile(r"\bhur stor (?:del|andel)\b|\bvilken andel\b|\bwhat (?:share|proportion|percentage)\b")),
    ("money", _MONEY),
    ("number", re.compile(r"\bhur (?:många|mycket|stor[ta]?|lång[ta]?)\b|\bhow (?:many|much|large|big)\b|\bandel\b|"
                          r"\b(?:share|proportion|percentage)\b")),
    # A time asked for in other words than "när" (which opens the question and is matched above).
    ("time", re.compile(r"\bvilk(?:et|en|a) (?:\w*datum|\w*period|\w*(?<!k)år|\w*tidpunkt|månad(?:er)?|veck(?:a|or)|tidsram)\b|"
                        r"\bhur länge\b|\bhow long\b|\bwhat (?:date|year|period|time)\b")),
    ("name", re.compile(r"^\s*vad heter\b|\bvilket namn\b|\bwhat(?: is|'s) the name\b|\bwhat is .{0,30} called\b")),
    # "Var hölls …", "Var finns …" (where; not "Var styrgruppen enig?", was): a verb follows.
    ("place", re.compile(r"^\s*(?:var (?:\w+(?:s|r|de|des|tes)|kan|ska|får|bör|går)|where)\b")),
    ("list", re.compile(r"^\s*(?:(?:på|i|av|för|från|med|till|under|in|on|by) )?(?:vilka|which|what are)\b|"
                        r"^\s*(?:nämn|lista|räkna upp|ge exempel på|ange|name|list)\b")),
    ("why", re.compile(r"^\s*(?:varför|why)\b")),
    ("definition", _DEFINITION),
]


def question_kind(question: str) -> str:
    """One of frequency, money, number, time, person, name, place, list, why, definition or general."""
    low = question.strip().lower()
    return next((kind for kind, asks in KINDS if asks.search(low)), "general")


# What an answer of each kind looks like in a passage (the search prior's evidence).
_ANSWERS: dict[str, tuple[str, re.Pattern[str]]] = {
    "time": ("datum", re.compile(
        rf"\b(\d{{1,2}} ({MONTH_NAMES})|({MONTH_NAMES}|{'|'.join(SEASONS)}) \d{{4}}|senast|\d{{4}}-\d\d-\d\d)\b", re.I)),
    "number": ("antal", re.compile(r"\d|\b(procent|miljon|miljoner|miljard|miljarder|kronor)\b", re.I)),
    "person": ("person", re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+\b")),
    "frequency": ("frekvens", re.compile(r"\b(varje|var \w+ vecka|vecka|veckor|månad|gång|gånger|årligen|kvartal)\b",
                                         re.I)),
}
_ANSWERS["money"] = _ANSWERS["number"]


def answer_type(question: str) -> tuple[str, re.Pattern[str]] | None:
    """The kind of answer a question asks for and a pattern that finds one in a passage."""
    return _ANSWERS.get(question_kind(question))
