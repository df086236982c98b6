"""Steering documents and their amendments: which items are regleringsbrev, anslagsbrev or
regeringsuppdrag, which are ändringsbeslut, the key that ties an amendment to the document it
amends (kind + agency + year, or the assignment's title), and what an amendment changes, in a
sentence or two taken from its own text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from scanners.items import clean_text, extractive_summary, sentences

REGLERINGSBREV = "regleringsbrev"
ANSLAGSBREV = "anslagsbrev"
UPPDRAG = "regeringsuppdrag"
AMENDMENT = "ändringsbeslut"
KIND_NAMES = {REGLERINGSBREV: "regleringsbrevet", ANSLAGSBREV: "anslagsbrevet",
              UPPDRAG: "uppdraget"}

# Statsliggaren's categories (Statskontoret's feed) and words that are no agency.
_CATEGORY_WORDS = {"statsliggaren", "anslagsbrev", "ändringsbeslut", "regleringsbrev"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LETTER_TITLE = re.compile(
    r"^(?P<amend>ändring av |ändringsbeslut:? )?regleringsbrev(?:et)? för budgetåret "
    r"(?P<year>\d{4}) avseende (?P<subject>.+?)(?: inom utgiftsområde.*)?$", re.I)
_UPPDRAG_AMEND = re.compile(r"^ändring av (?:regeringens )?(?:beslut om )?uppdrag(?:et)? (?P<rest>.+)$",
                            re.I)
_UPPDRAG = re.compile(r"^(?:regeringsuppdrag|uppdrag) (?P<rest>(?:till|att|om|åt) .+)$", re.I)
_ANSLAG = re.compile(r"\b\d{1,2}:\d{1,3}\b")


@dataclass(frozen=True)
class DocInfo:
    """What kind of steering document an item is, and what it amends."""

    kind: str | None = None
    key: str | None = None  # how an amendment names this document (an amendment: itself)
    amends_key: str | None = None  # for an amendment: the key of the document it amends
    subject: str | None = None  # the agency (or, for anslag, the department) it concerns
    year: int | None = None

    @property
    def is_amendment(self) -> bool:
        return self.amends_key is not None


def _norm(text: str) -> str:
    text = re.sub(r"\([A-ZÅÄÖ]{1,3}\d{4}/[\d/-]+\)", " ", text)  # diarienummer
    return " ".join(re.findall(r"\w+", text.casefold()))


def letter_key(kind: str, subject: str, year: int | None) -> str:
    return f"{kind}|{_norm(subject)}|{year or ''}"


def _is_department(word: str) -> bool:
    w = word.casefold()
    return w.endswith("departementet") or w == "statsrådsberedningen"


def classify(title: str, keywords: list[str], published: datetime | None = None) -> DocInfo:
    """Read the kind of document from Statsliggaren's categories and keywords (``Myndighet,
    Departement, År``) or from the government's title patterns; DocInfo() for anything else."""
    info = _classify(clean_text(title), keywords, published)
    if info.kind == AMENDMENT:  # two amendments of one letter are two decisions
        return DocInfo(AMENDMENT, f"{AMENDMENT}|{_norm(title)}", info.amends_key, info.subject,
                       info.year)
    return info


def _classify(title: str, keywords: list[str], published: datetime | None) -> DocInfo:
    words = [k.strip() for k in keywords if k.strip()]
    folded = {w.casefold() for w in words}
    year = next((int(w) for w in words if _YEAR.match(w)), None)
    names = [w for w in words if w.casefold() not in _CATEGORY_WORDS and not _YEAR.match(w)]
    agency = next((w for w in names if not _is_department(w)), None)
    department = next((w for w in names if _is_department(w)), None)

    m = _LETTER_TITLE.match(title)
    if m:  # the government's own titles name agency and year
        year = int(m["year"])
        key = letter_key(REGLERINGSBREV, m["subject"], year)
        if m["amend"]:
            return DocInfo(AMENDMENT, None, key, m["subject"], year)
        return DocInfo(REGLERINGSBREV, key, None, m["subject"], year)
    statsliggaren = folded & {"ändringsbeslut", "regleringsbrev", "anslagsbrev"}
    if statsliggaren or title.casefold().startswith("ändringsbeslut"):
        year = year or (published.year if published else None)
        kind = ANSLAGSBREV if "anslagsbrev" in folded and not agency else REGLERINGSBREV
        subject = agency if kind == REGLERINGSBREV else (department or agency)
        if not subject:
            return DocInfo(AMENDMENT if "ändringsbeslut" in folded else kind, year=year)
        key = letter_key(kind, subject, year)
        if "ändringsbeslut" in folded or title.casefold().startswith("ändringsbeslut"):
            return DocInfo(AMENDMENT, None, key, subject, year)
        return DocInfo(kind, key, None, subject, year)
    m = _UPPDRAG_AMEND.match(title)
    if m:
        return DocInfo(AMENDMENT, None, f"{UPPDRAG}|{_norm(m['rest'])}", agency, year)
    m = _UPPDRAG.match(title)
    if m:
        return DocInfo(UPPDRAG, f"{UPPDRAG}|{_norm(m['rest'])}", None, agency, year)
    return DocInfo()


def anslag_numbers(text: str) -> set[str]:
    """Appropriation numbers ("2:63") named in a title: how to choose between two anslagsbrev of
    one department and year."""
    return set(_ANSLAG.findall(text))


def describe_target(amends_key: str, subject: str | None = None) -> str:
    """'regleringsbrevet för 2026 (Myndigheten för yrkeshögskolan)' for when the amended document
    itself is not among the scanned items; `subject` as written, else as the key has it."""
    kind, _, rest = amends_key.partition("|")
    if kind == UPPDRAG:
        return f"uppdraget {rest}"
    key_subject, _, year = rest.partition("|")
    return f"{KIND_NAMES.get(kind, kind)} för {year or 'okänt år'} ({subject or key_subject})"


_INTRO = re.compile(r"(på|enligt) följande( sätt)?[.:]?$|följande:$|följande ändring(ar)?[.:]?$",
                    re.I)
_CHANGE = re.compile(
    r"\b(ändr\w*|förläng\w*|utgår|ersätts|upphör\w*|i stället|även ska|ök(?:as|ar)|"
    r"minsk(?:as|ar)|höjs|sänks|tillförs|ska lyda|ny lydelse|nytt villkor|senast den)\b"
    r"|\d[\d  ]*\s*(?:kronor|kr|tkr|mnkr|miljoner|miljarder)\b", re.I)


def what_it_changes(title: str, text: str, max_chars: int = 320) -> str:
    """What an amendment changes, in its own words: the sentences after "på följande sätt" (or
    the first ones that change, add, extend or name an amount), never the title again."""
    norm_title = _norm(title)
    sents = [s for s in sentences(text) if len(s) >= 15 and _norm(s) != norm_title]
    picked: list[str] = []
    after_intro = next((i + 1 for i, s in enumerate(sents) if _INTRO.search(s.strip())), None)
    if after_intro is not None:
        picked = sents[after_intro:after_intro + 2]
    if not picked:
        picked = [s for s in sents if _CHANGE.search(s)][:2]
    out = " ".join(picked).strip()
    if not out:
        return extractive_summary(title, text, 2, max_chars)
    if len(out) > max_chars:
        out = out[:max_chars].rsplit(" ", 1)[0] + " …"
    return out
