"""Years, months and dates in a candidate sentence: whether what it says is of the question's year
(a figure for another year, a sentence dated to another), whether the documents name the month the
question names, and whether the time it gives is the asked one's (not the date of a report made
to the body asked about, of the whole assignment for a partial report, or of another body named
beside it)."""

from __future__ import annotations

import re

from ingest.dates import TIME_WORD, month_number
from ingest.swedish import tokenize

from .subject import Entity

YEARISH = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[–-]\s*((?:19|20)\d\d)\b")


def other_year(question_years: list[str], sentence: str) -> bool:
    """Whether ``sentence`` dates what it says to another year than the question's ("Under 2024 får …"
    for a question about 2026): it names years, and none of them (nor a span like 2024–2026) is the
    question's."""
    said = YEARISH.findall(sentence)
    if not question_years or not said:
        return False
    spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(sentence)]
    return not any(y in said or any(a <= int(y) <= b for a, b in spans) for y in question_years)


# "12 miljarder kronor för 2031", "450 platser under 2029": a figure and the year it is for.
_FIGURE_YEAR = re.compile(r"\d[\d\s,.]*\s*(?:kr\b|kronor|miljon\w*|miljard\w*|mnkr|euro|procent|%|platser|personer)"
                          r"(?:\s+kronor)?\s+(?:\w+\s+)?(?:för|under|år|i|per år från)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def figure_of_another_year(question_years: list[str], sentence: str) -> bool:
    """Whether every figure the sentence dates is for another year than the question's ("12 miljarder
    kronor för 2031 … och pågår till 2032" gives no amount for 2032)."""
    dated = _FIGURE_YEAR.findall(sentence)
    return bool(question_years and dated) and not any(y in question_years for y in dated)


def says_month(where: str, month: tuple[str, str]) -> bool:
    """Whether ``where`` (passages with their dates, lower-cased) names the month or is dated in it."""
    name, year = month
    return f"{name} {year}" in where or f" {year}-{month_number(name):02d}" in where


_NAME_AFTER = re.compile(r"\s+([A-ZÅÄÖ][\w-]+)")


# "När ska X redovisa …": X is the one who reports. "… ska rapportera analysen till X senast …" dates a
# report X receives, not one X makes.
_ASKS_WHEN_ONE_DOES = re.compile(r"^\s*(?:när|senast när|till när|when)\s+(?:ska|skall|skulle|måste|har|hade|will|must|should|"
                                 r"did|does)\s+((?:[\w:-]+\s+){1,4})", re.IGNORECASE)
_REPORTED_TO = re.compile(r"\b(?:redovisa\w*|rapportera\w*|lämna\w*|skicka\w*|överlämna\w*|inkomm\w*|delredovisa\w*|"
                          r"slutredovisa\w*)\b(?:\s+[\w,():-]+){0,12}?\s+till\s+((?:[\w:-]+\s*){1,4})", re.IGNORECASE)


def date_of_a_report_to(question: str, sentence: str, about: tuple[Entity, ...]) -> bool:
    """Whether the question asks when a body it names does something, and the sentence names that body
    only as the one a report is made to."""
    asked = _ASKS_WHEN_ONE_DOES.match(question)
    if not asked:
        return False
    doers = [e for e in about if e.named_in(frozenset(tokenize(asked.group(1), prefixes=False)))]
    for m in _REPORTED_TO.finditer(sentence):
        rest = sentence[:m.start(1)] + sentence[m.end(1):]
        receiver = frozenset(tokenize(m.group(1), prefixes=False))
        rest_tokens = frozenset(tokenize(rest, prefixes=False))
        if any(e.named_in(receiver) and not e.named_in(rest_tokens) for e in doers):
            return True
    return False


_PART_REPORT = re.compile(r"\bdel(?:redovis|rapport|betänkande)\w*|\binterim report|\bpartial report", re.IGNORECASE)


def final_for_partial(question: str, sentence: str) -> bool:
    """Whether the question asks when a partial report is due ("… lämna en delredovisning …") and
    the sentence dates only the whole assignment's report (its final date, not the partial one's)."""
    return bool(_PART_REPORT.search(question)) and not _PART_REPORT.search(sentence)


def time_of_another(sentence: str, names: frozenset[str]) -> bool:
    """Whether every time the sentence gives stands right before a name that is not one of the
    question's (``names``, lower case): "… deltar Alfa, Beta och sedan våren 2021 Gamma" dates
    Gamma, not Alfa."""
    spans = list(TIME_WORD.finditer(sentence))
    bound = free = 0
    for i, m in enumerate(spans):
        if i + 1 < len(spans) and sentence[m.end():spans[i + 1].start()].strip() == "":
            continue  # "våren 2021": one expression
        after = _NAME_AFTER.match(sentence, m.end())
        if after and after.group(1).lower() not in names:
            bound += 1
        else:
            free += 1
    return bound > 0 and free == 0
