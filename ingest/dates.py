"""Swedish dates in one place: month names, the patterns that find a date in text ("12 februari
2025", "2025-02-12", "i oktober 2025") and the conversions to and from ISO form."""

from __future__ import annotations

import re

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
SEASONS = ("hösten", "våren", "sommaren", "vintern")
MONTH_NAMES = "|".join(MONTHS)  # a regex alternation

_YEAR = r"(?:19|20)\d\d"
# A full date, ISO ("2025-02-12") or Swedish ("12 februari 2025"); groups iso | day, month, year.
DATE = re.compile(
    rf"\b(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b"
    rf"|\b(?P<day>[0-3]?\d)\s+(?P<month>{MONTH_NAMES})\s+(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
# A day and month in figures with the year after a space, as notes are headed ("3/11 2027"); groups
# day, month, year. Not part of DATE: in running text "1/3" is as often a share as a day.
NUMERIC_DATE = re.compile(rf"\b(?P<day>[12]\d|3[01]|0?[1-9])/(?P<month>1[0-2]|0?[1-9])\s+(?P<year>{_YEAR})\b")
# "oktober 2025", "i oktober 2025"; groups month, year.
MONTH_YEAR = re.compile(rf"\b(?:i\s+)?(?P<month>{MONTH_NAMES})\s+(?P<year>{_YEAR})\b", re.IGNORECASE)
# A word that names a time: a month, a season or a year.
TIME_WORD = re.compile(rf"\b(?:{MONTH_NAMES}|{'|'.join(SEASONS)}|årsskiftet)\b|\b{_YEAR}\b", re.IGNORECASE)

# A day of a month, with or without the year ("den 14 juni", "14 juni 2024", "2024-06-14").
DAY = re.compile(rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b|\b[0-3]?\d\s+(?:{MONTH_NAMES})\b",
                 re.IGNORECASE)


def month_number(name: str) -> int:
    """"februari" → 2 (case-insensitive); ValueError for anything else."""
    return MONTHS.index(name.lower()) + 1


def date_match_iso(m: re.Match[str]) -> str:
    """A :data:`DATE` match as YYYY-MM-DD."""
    if m.group("iso"):
        return m.group("iso")
    return f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}-{int(m.group('day')):02d}"


def first_date(text: str) -> str:
    """The first date in ``text`` as YYYY-MM-DD, whichever way it is written, or ""."""
    m = DATE.search(text)
    return date_match_iso(m) if m else ""


def numeric_date(text: str) -> str:
    """The first "3/11 2027" in ``text`` as YYYY-MM-DD, or ""."""
    m = NUMERIC_DATE.search(text)
    return f"{int(m.group('year')):04d}-{int(m.group('month')):02d}-{int(m.group('day')):02d}" if m else ""


def month_year(text: str) -> str:
    """"i oktober 2025" → "2025-10", or ""."""
    m = MONTH_YEAR.search(text)
    return f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}" if m else ""


def long_date(iso: str) -> str:
    """2025-02-12 → "12 februari 2025" (anything else as it is)."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", iso or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso or "okänt datum"
    return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
