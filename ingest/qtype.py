"""Question types: a "när"/"when" question wants a date, "hur många" a number, "vem" a name,
"hur ofta" a frequency. Search uses this as a prior on passages that contain such an answer."""

from __future__ import annotations

import re

_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"

ANSWER_TYPES: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    (
        "datum",
        re.compile(r"^(när|sedan när|till vilka datum|vilket datum|vilket år|när i tiden|when|by when|since when)\b", re.I),
        re.compile(
            rf"\b(\d{{1,2}} ({_MONTHS})|({_MONTHS}|hösten|våren|sommaren|vintern) \d{{4}}|senast|\d{{4}}-\d\d-\d\d)\b",
            re.I,
        ),
    ),
    (
        "antal",
        re.compile(r"^(hur många|hur mycket|hur stor|hur lång|vilken andel|what share|how many|how much|how long)\b", re.I),
        re.compile(r"\d|\b(procent|miljon|miljoner|miljard|miljarder|kronor)\b", re.I),
    ),
    ("person", re.compile(r"^(vem|vilka personer|who)\b", re.I), re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+\b")),
    (
        "frekvens",
        re.compile(r"^(hur ofta|how often)\b", re.I),
        re.compile(r"\b(varje|var \w+ vecka|vecka|veckor|månad|gång|gånger|årligen|kvartal)\b", re.I),
    ),
]


def answer_type(question: str) -> tuple[str, re.Pattern[str]] | None:
    """The kind of answer a question asks for and a pattern that finds one in a passage."""
    q = question.strip()
    for name, asks, answers in ANSWER_TYPES:
        if asks.search(q):
            return name, answers
    return None
