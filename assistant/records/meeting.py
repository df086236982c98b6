"""What a meeting document's header says: which body met, when, and for status reports the
period (VT/HT). Shared by the decision and status parsers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ingest.dates import first_date, numeric_date
from ingest.documents import Block
from ingest.swedish import FOLD, split_compound

# The kinds of body minutes are kept for, as a regular expression group ("styrgruppens", "arbetsgruppen").
BODY_KINDS = r"(?:styrgrupp|gd-grupp|beredningsgrupp|arbetsgrupp)"

_HEADER_DATE = re.compile(r"\b(?:mötes|sammanträdes|rapport)?datum\s*:?\s*", re.IGNORECASE)
_PERIOD = re.compile(r"\b(VT|HT)\s*-?\s*((?:19|20)\d\d)\b")

BODIES = ("styrgrupp", "gd-grupp", "beredningsgrupp")
_BODY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("gd-grupp", re.compile(r"\bGD-grupp", re.IGNORECASE)),
    ("beredningsgrupp", re.compile(r"\bberedningsgrupp", re.IGNORECASE)),
    ("styrgrupp", re.compile(r"\bstyrgrupp", re.IGNORECASE)),
    # "arbetsgruppen för analys", "arbetsgrupp Omvärld", "arbetsgrupp-omvarld" (a file name)
    # … and a name of an adjective and a noun ("arbetsgruppen för digitala verktyg")
    ("arbetsgrupp", re.compile(r"\barbetsgrupp(?:en)?(?:\s+|-)(?:för\s+)?(?P<name>[A-Za-zÅÄÖåäöÉé][\w-]*"
                               r"(?:(?<=ella)|(?<=iska)|(?<=ala)|(?<=iga)|(?<=alt)|(?<=ellt)|(?<=iskt)|(?<=igt))(?:\s+[a-zåäö]{4,}\b)?"
                               r"|[A-Za-zÅÄÖåäöÉé][\w-]*)", re.IGNORECASE)),
]


def header_text(blocks: Sequence[Block], n: int = 4, chars: int = 600) -> str:
    return " ".join(b.text for b in blocks[:n])[:chars]


def meeting_date(title: str, blocks: Sequence[Block], fallback: str = "") -> str:
    """The meeting (or report) date: the title's (also in figures, "3/11 2027"), then a "Datum:"
    line in the header, then the header's first date (words before figures), then what the catalog
    inferred."""
    if d := first_date(title) or numeric_date(title):  # notes headed in figures: "mötet 3/11 2027"
        return d
    head = header_text(blocks)
    for m in _HEADER_DATE.finditer(head):
        if d := first_date(head[m.end() : m.end() + 40]):
            return d
    # a header written as headings ("# GD-gruppen …", "## Protokoll 2031-10-22") before any text's dates
    if d := first_date(" ".join(dict.fromkeys(b.section for b in blocks[:6] if b.section))[:300]):
        return d
    return first_date(head) or numeric_date(head) or fallback


def slug(name: str) -> str:
    return re.sub(r"[^a-zåäöé0-9]+", "-", name.lower()).strip("-")


_BODY_NAMES = {"styrgrupp": "styrgruppen", "gd-grupp": "GD-gruppen", "beredningsgrupp": "beredningsgruppen"}


def body_name(body: str) -> str:
    """How a body is written in a sentence: "styrgruppen", "arbetsgruppen för analys"."""
    if body.startswith("arbetsgrupp-"):
        return f"arbetsgruppen för {body.removeprefix('arbetsgrupp-').replace('-', ' ')}"  # "regionalt perspektiv"
    return _BODY_NAMES.get(body, body or "mötet")


def body_of(text: str) -> str:
    """The body named earliest in ``text``: styrgrupp, gd-grupp, beredningsgrupp or arbetsgrupp-<namn>."""
    best: tuple[int, str] | None = None
    for body, pattern in _BODY_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            name = f"arbetsgrupp-{slug(m.group('name'))}" if body == "arbetsgrupp" else body
            best = (m.start(), name)
    return best[1] if best else ""


_GROUP_WORDS = re.compile(r"\barbetsgrupp(?:en)?\s+för\s+(?P<words>[\wåäöÅÄÖé-]+(?:\s+[\wåäöÅÄÖé-]+){0,3})", re.IGNORECASE)


def plain_name(name: str) -> str:
    """A name as a file name spells it ("havsmiljö" → "havsmiljo")."""
    return slug(name).translate(FOLD)


def known_body(text: str, known: Iterable[str]) -> str:
    """The body ``text`` names, a working group resolved to the one of ``known`` (the bodies that held
    meetings) its name names (:func:`group_named`: the words after "arbetsgruppen för" when it says so,
    else the name ``body_of`` reads). None or several such: as ``body_of`` reads it."""
    body = body_of(text)
    if not body.startswith("arbetsgrupp-") or body in known:
        return body
    if m := _GROUP_WORDS.search(text):
        return group_named(m.group("words"), known) or body
    return group_named(body.removeprefix("arbetsgrupp-"), known) or body


def group_named(said: str, known: Iterable[str]) -> str:
    """The one working group of ``known`` (register names, ``arbetsgrupp-<namn>``) that ``said`` names,
    or "" when none or several do. ``said`` is a group's name as a text or a question writes it: the
    words after "arbetsgruppen för" (they may run on: "förbättrad havsmiljö att ta fram"), the "X" of
    "X-gruppen" or "AG X". Names are compared as file names spell them (no å, ä, ö; words joined by
    "-"), a linking s dropped ("kvalitetsgruppen"). The first of three rules that any group fits decides:

    1. the same name: every word of the group's name is among the words said ("förbättrad havsmiljö"
       for havsmiljo, "MOD" for mod);
    2. the first word of its name ("digital" for digital-tillsyn, "IT" for it-stod);
    3. a compound and its short form, either way round: the compound's initials, each part split again
       ("mod" and miljö|övervaknings|dagarna), or its first part ("kvalitet" and kvalitets|uppföljning,
       "miljö" and miljö|övervakning). A word that is no compound has no short form ("digital" is not
       digitalisering).

    A heading's "Arbetsgrupp Omvärld" and a file name's "arbetsgrupp-omvarld" are one group: a group
    is one name in the register, whichever way a secretary spelled it."""
    words = [w for w in plain_name(said).split("-") if w]
    if not words or len("".join(words)) < 2:
        return ""
    first = words[0]
    forms = {*words, *(w.removesuffix("s") for w in words if len(w) > 2)}
    groups = {k: plain_name(k.removeprefix("arbetsgrupp-")).split("-") for k in known if k.startswith("arbetsgrupp-")}
    rules = (
        lambda name: set(name) <= forms,
        lambda name: len(name) > 1 and name[0] in {first, first.removesuffix("s")},
        lambda name: _short_form(first, "-".join(name)) or _short_form(name[0], first),
    )
    for fits in rules:
        if found := sorted(k for k, name in groups.items() if fits(name)):
            return found[0] if len({"-".join(groups[k]) for k in found}) == 1 else ""  # one name, maybe spelled twice
    return ""


def _short_form(word: str, short: str) -> bool:
    """Whether ``short`` is a short form of the compound ``word`` (both spelled plainly): its initials or
    its first part, a linking s dropped."""
    parts = split_compound(word, folded=True)
    return len(parts) >= 2 and bool({short, short.removesuffix("s")} & {_initials(word), parts[0]})


def _initials(word: str) -> str:
    """The first letters of a compound's parts, each part split again (miljo|overvakning|dagarna → mod)."""
    parts = split_compound(word, folded=True)
    return "".join(_initials(p) for p in parts) if len(parts) >= 2 else word[:1]


def meeting_body(title: str, blocks: Sequence[Block], source: str = "") -> str:
    """Which body met: from the title, else the header, else the file name. A working group is the
    one the file name names when its words fit ("…_arbetsgrupp-digital-samverkan_…" for
    "arbetsgruppen för digital samverkan", "…_arbetsgrupp-samverkan_…" for "… för stärkt samverkan")."""
    heading = blocks[0].section if blocks else ""  # a Word title becomes the first paragraphs' heading
    named = re.sub(r"[_.]", " ", Path(source).name)
    said = next((t for t in (title, header_text(blocks, n=2, chars=300), heading, named) if body_of(t)), "")
    filed = {slug(t) for t in Path(source).stem.split("_") if slug(t).startswith("arbetsgrupp-")}
    return known_body(said, filed) if said else ""


def period_of(title: str, blocks: Sequence[Block], date: str) -> str:
    """"VT 2025" / "HT 2025" from the title or header, else from the report date."""
    for text in (title, header_text(blocks)):
        m = _PERIOD.search(text)
        if m:
            return f"{m.group(1)} {m.group(2)}"
    if re.match(r"\d{4}-\d\d", date):
        return f"{'VT' if int(date[5:7]) <= 6 else 'HT'} {date[:4]}"
    return ""


def period_key(period: str) -> tuple[int, int]:
    """Sort key: VT 2025 < HT 2025 < VT 2026."""
    m = _PERIOD.search(period)
    return (int(m.group(2)), 0 if m.group(1) == "VT" else 1) if m else (0, 0)


def matches_body(body: str, wanted: str) -> bool:
    """``--body styrgrupp`` matches styrgrupp; ``--body validering`` matches arbetsgrupp-validering."""
    wanted = slug(wanted).removesuffix("en") if wanted else ""
    if not wanted:
        return True
    b = body.lower()
    return b == wanted or b.startswith(wanted) or b.endswith("-" + wanted) or (
        wanted.startswith("arbetsgrupp") and b.startswith("arbetsgrupp") and wanted in b)



def joint_bodies(title: str, blocks: Sequence[Block]) -> frozenset[str]:
    """The bodies of a joint meeting ("Gemensamt möte för styrgruppen och beredningsgruppen"), or
    none: at a joint meeting a decision is the body's its sentence names."""
    head = " ".join([title, *(b.section for b in blocks[:3]), header_text(blocks, n=6, chars=900)])
    if not re.search(r"\bgemensam\w*\s+(?:möte|sammanträde)", head, re.IGNORECASE):
        return frozenset()
    found = {body for body, pattern in _BODY_PATTERNS[:3] if pattern.search(head)}
    return frozenset(found) if len(found) > 1 else frozenset()
