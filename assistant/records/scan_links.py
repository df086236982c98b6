"""Horizon-scan items that touch a decision in the register: an item and a decision share a
subject when they name the same agency, programme or actor (an acronym or a proper name) and
say something more in common; the digest entry then reads "Berör beslut § 7, styrgruppen
2025-03-12". Only decisions from documents everyone may read are named (the digest is shown
to every signed-in user)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.swedish import split_sentences, tokenize

from .decisions import Decision
from .meeting import body_name
from .register import DB_NAME, RecordRegister

if TYPE_CHECKING:
    from scanners.digest import Digest, DigestItem

PUBLIC = ("alla",)
# Full names written as the short names the minutes use: the member agencies and the actors
# the collaboration works with.
ALIASES = {
    "myndigheten för yrkeshögskolan": "MYH", "statens skolverk": "Skolverket",
    "universitetskanslersämbetet": "UKÄ", "universitets- och högskolerådet": "UHR",
    "svenska esf-rådet": "ESF-rådet", "europeiska socialfonden": "ESF",
    "statistiska centralbyrån": "SCB", "regionala utvecklingsaktörer": "RUA",
    "regionalt utvecklingsansvariga": "RUA", "regionala utvecklingsansvariga": "RUA",
}
# Words every minute and every government text uses: no subject in themselves.
GENERIC = frozenset(tokenize(
    "beslut besluta beslutade beslutades uppdrag uppdraget fastställa fastställde godkänna godkändes "
    "möte mötet ärende ärendet förslag förslaget styrgrupp styrgruppen arbetsgrupp arbetsgruppen "
    "beredningsgrupp sekretariat sekretariatet regeringen redovisa redovisning ställde bakom nästa "
    "gemensam gemensamt arbete arbetet myndighet myndigheter samverkan", compounds=False, prefixes=False))
_ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,}(?:-[a-zåäö]+)?")
_CAPITAL = re.compile(r"^[A-ZÅÄÖ][a-zåäöé]{2,}(?:-[a-zåäö]+)?$")


def subjects(text: str) -> set[str]:
    """Acronyms and proper names in `text` (a capitalised word that does not begin a sentence),
    full agency names written as their short names."""
    folded = text
    for name, short in ALIASES.items():
        folded = re.sub(re.escape(name), short, folded, flags=re.I)
    found = {m.group().casefold() for m in _ACRONYM.finditer(folded)}
    for sentence in split_sentences(folded):
        words = [w.strip(".,;:()»«”\"'") for w in sentence.split()]
        found |= {w.split(":")[0].casefold() for w in words[1:] if _CAPITAL.match(w.split(":")[0])}
    return found


def _content(text: str, names: set[str]) -> set[str]:
    named = {t for n in names for t in tokenize(n, compounds=False, prefixes=False)}
    return {t for t in tokenize(text, compounds=False, prefixes=False)
            if len(t) >= 4 and t not in GENERIC and t not in named and not t.isdigit()}


def matching(item_text: str, decisions: Iterable[Decision], limit: int = 2) -> list[Decision]:
    """The decisions sharing a subject and at least one more word with the item, best first."""
    names = subjects(item_text)
    words = _content(item_text, names)
    scored = []
    for d in decisions:
        text = f"{d.section}. {d.text}"
        theirs = subjects(text)
        shared = names & theirs
        common = words & _content(text, theirs)
        if shared and common:
            scored.append((len(shared) + len(common), d.date or "", d))
    scored.sort(key=lambda s: s[1], reverse=True)  # newest first among equals
    scored.sort(key=lambda s: -s[0])
    return [d for *_, d in scored[:limit]]


def note(d: Decision) -> dict[str, str]:
    """'Berör beslut § 7, styrgruppen 2025-03-12', linked to the minutes, with the decision's
    own words."""
    where = ", ".join(x for x in (d.paragraph, f"{body_name(d.body)} {d.date}".strip()) if x)
    return {"label": "Berör beslut", "text": where, "url": d.source, "detail": f"{d.text} (ur {d.title})"}


def public_decisions(data_dir: Path) -> list[Decision]:
    """The register's decisions from documents everyone may read; none before it exists (the
    register is built by `msv decisions` and the app's Beslut tab)."""
    path = Path(data_dir) / DB_NAME
    if not path.exists():
        return []
    with RecordRegister(path) as reg:
        return reg.all_decisions(access=PUBLIC)


def link_decisions(digest: Digest, decisions: list[Decision]) -> Digest:
    """Add a note to each entry of `digest` that touches a decision (in place; returned)."""
    for item in digest.items:
        for d in matching(_item_text(item), decisions):
            item.notes.append(note(d))
    return digest


def _item_text(item: DigestItem) -> str:
    return f"{item.title}. {item.summary}"
