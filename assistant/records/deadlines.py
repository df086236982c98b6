"""When an assignment is due, as minutes write it: a date ("senast den 30 maj 2025"), a month
("under oktober 2025"), a week ("v. 12", "vecka 12"), a quarter ("under Q3", "tredje kvartalet")
or a season or turn of the year ("före sommaren", "under hösten", "till årsskiftet"). Each is
turned into the last day it allows; a week, quarter or season without a year is the next one on
or after the meeting."""

from __future__ import annotations

import re
from datetime import date as Date

from ingest.dates import DATE, MONTH_NAMES, date_match_iso, month_year

_DEADLINE = re.compile(
    r"\b(?:senast|före|innan|till\s+och\s+med|t\.o\.m\.|till|inför|klart)\s+(?:[\wåäö:,]+\s+){0,5}?(?:den\s+)?"
    r"(?=(?:\d{4}-\d\d-\d\d|[0-3]?\d\s+\w+\s+\d{4}))",
    re.IGNORECASE,
)
_DEADLINE_MONTH = re.compile(rf"\b(?:senast|före|till|under)\s+(?:i\s+)?(?=(?:{MONTH_NAMES})\s+\d{{4}})", re.IGNORECASE)
_BY = r"(?:senast(?:\s+(?:under|i|till|vid))?|före|innan|till|under|inom|i|klart|inför|vid)"
_YEAR = r"\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"
_WEEK = re.compile(rf"\b{_BY}\s+(?:utgången\s+av\s+)?(?:v\.?|vecka|vecka\s+nr\.?)\s*(?P<week>[1-5]?\d)\b{_YEAR}",
                   re.IGNORECASE)
_ORDINAL = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "1:a": 1, "2:a": 2, "3:e": 3, "4:e": 4}
_QUARTER = re.compile(
    rf"\b{_BY}\s+(?:utgången\s+av\s+)?(?:(?:Q|kvartal\s*)(?P<q>[1-4])|(?P<ord>första|andra|tredje|fjärde|[1-4]:[ae])"
    rf"\s+kvartalet){_YEAR}\b", re.IGNORECASE)
# A season or the turn of the year, and the last day it allows: "under hösten" runs to the year's
# end, "till hösten" (its start) to the end of August, "före sommaren" to midsummer's month's end.
_SEASONS = (
    (re.compile(rf"\b(?:(?:före|innan|till|inför|senast\s+(?:vid|till|före)|vid)\s+(?:års|året)skiftet"
                rf"|(?:före|innan|till|vid)\s+(?:årets\s+slut|utgången\s+av\s+året)|under\s+resten\s+av\s+året){_YEAR}",
                re.IGNORECASE), "12-31"),
    (re.compile(rf"\b(?:(?:före|innan|till|inför)\s+(?:sommaren|sommaruppehållet|semestern|midsommar)"
                rf"|under\s+(?:våren|vårterminen)){_YEAR}", re.IGNORECASE), "06-30"),
    (re.compile(rf"\bunder\s+(?:hösten|höstterminen){_YEAR}", re.IGNORECASE), "12-31"),
    (re.compile(rf"\b(?:(?:före|innan|till|inför)\s+hösten|under\s+sommaren){_YEAR}", re.IGNORECASE), "08-31"),
)


def _year(m: re.Match[str], meeting: str) -> tuple[int, bool]:
    """The year a match names, else the meeting's (and whether it was named)."""
    if m.group("year"):
        return int(m.group("year")), True
    return (int(meeting[:4]) if meeting[:4].isdigit() else Date.today().year), False


def _on_or_after(day: Date, named: bool, meeting: str) -> Date:
    """A deadline without its year is the next such day on or after the meeting."""
    try:
        held = Date.fromisoformat(meeting[:10])
    except ValueError:
        return day
    if not named and day < held:
        try:
            return day.replace(year=day.year + 1)
        except ValueError:  # 29 February
            return day.replace(year=day.year + 1, day=28)
    return day


def find_deadline(text: str, meeting: str = "", *, periods: bool = True) -> tuple[str, str]:
    """The deadline in ``text`` as (YYYY-MM-DD or YYYY-MM, the words that gave it), or ("", "").
    ``meeting`` (the meeting's date) supplies the year a week, quarter or season leaves out; without
    ``periods`` only a date or a month counts (a decision "under hösten" is no deadline)."""
    for m in _DEADLINE.finditer(text):
        if d := DATE.match(text, m.end()):
            return date_match_iso(d), d.group(0)
    if m := _DEADLINE_MONTH.search(text):
        return month_year(text[m.start():]), text[m.end():].split(",")[0].strip(" .")[:20]
    if not periods:
        return "", ""
    if m := _WEEK.search(text):
        year, named = _year(m, meeting)
        week = int(m.group("week"))
        try:
            day = Date.fromisocalendar(year, week, 5)  # the week's Friday
        except ValueError:
            day = None
        if day is not None:
            if not named and meeting[:10] > day.isoformat():
                day = Date.fromisocalendar(year + 1, min(week, 52), 5)
            return day.isoformat(), m.group(0).split(None, 1)[1] if " " in m.group(0) else m.group(0)
    if m := _QUARTER.search(text):
        year, named = _year(m, meeting)
        q = int(m.group("q")) if m.group("q") else _ORDINAL[m.group("ord").lower()]
        end = Date(year, 3 * q, 31 if q in (1, 4) else 30)
        return _on_or_after(end, named, meeting).isoformat(), m.group(0)
    for pattern, month_day in _SEASONS:
        if m := pattern.search(text):
            year, named = _year(m, meeting)
            end = Date.fromisoformat(f"{year}-{month_day}")
            return _on_or_after(end, named, meeting).isoformat(), m.group(0)
    return "", ""


def deadline_of(text: str, meeting: str = "", *, periods: bool = True) -> str:
    """The date by which an uppdrag is due ("senast den 30 maj 2025" → "2025-05-30", "under Q3"
    at a meeting in 2026 → "2026-09-30")."""
    return find_deadline(text, meeting, periods=periods)[0]
