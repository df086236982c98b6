"""Document metadata: sidecar ``<file>.meta.toml``, overrides from the command line, and
inference of kind and date from the name and content when nobody said."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .dates import DATE, date_match_iso
from .documents import EXTERNAL_GROUP, KINDS, PUBLIC_GROUP, Document
from .errors import IngestError

# Order matters: the first kind whose pattern matches the name, then the opening text, wins.
_KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("lägesbedömning", re.compile(r"lägesbedömning|lagesbedomning|lägesrapport", re.I)),
    ("protokoll", re.compile(r"\bprotokoll|\bjusteras\b|§\s*\d", re.I)),
    ("minnesanteckningar", re.compile(r"minnesanteckning|mötesanteckning", re.I)),
    ("regleringsbrev", re.compile(r"regleringsbrev", re.I)),
    ("regeringsuppdrag", re.compile(r"regeringsuppdrag|uppdrag till|ger i uppdrag", re.I)),
    ("pressmeddelande", re.compile(r"pressmeddelande", re.I)),
    ("promemoria", re.compile(r"promemoria|\bPM\b", re.I)),
    ("arbetsplan", re.compile(r"arbetsplan|verksamhetsplan", re.I)),
    ("rapport", re.compile(r"rapport|slutrapport|förstudie|utredning", re.I)),
]

_SIDECAR_KEYS = {"doc_id", "title", "kind", "agency", "date", "access", "url"}


@dataclass(frozen=True)
class Overrides:
    """Metadata set by the user (CLI flags); wins over the sidecar and inference."""

    kind: str | None = None
    agency: str | None = None
    access: tuple[str, ...] | None = None
    date: str | None = None
    title: str | None = None


def parse_date(text: str) -> str:
    """First date in ``text`` as YYYY-MM-DD ("14 maj 2025" and "2025-05-14" both work), or "".
    An ISO date anywhere wins over a Swedish one written earlier."""
    found = [m for m in DATE.finditer(text) if m.group("iso") or 1 <= int(m.group("day")) <= 31]
    iso = next((m for m in found if m.group("iso")), None)
    m = iso or (found[0] if found else None)
    return date_match_iso(m) if m else ""


def infer_kind(name: str, text: str) -> str:
    name = name.replace("_", " ")  # "2025-01-09_gd-grupp_minnesanteckningar": underscores separate words
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(name):
            return kind
    opening = text[:1500]
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(opening):
            return kind
    return "övrigt"


def validate_kind(kind: str, where: str) -> str:
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise IngestError(where, f"okänd kind {kind!r}; använd en av: {', '.join(KINDS)}")
    return kind


GROUP_NAME = re.compile(r"[a-zåäö0-9][a-zåäö0-9_-]*")


def access_problem(groups: Sequence[str], known: Sequence[str] | None = None) -> str:
    """Why an access list (lower-cased) cannot be used, or "" when it can: a group outside
    ``known`` (when given) would hide the document from everyone, and ``extern`` with ``alla``
    contradicts itself (external actors never see ``alla`` documents)."""
    bad = [g for g in groups if not GROUP_NAME.fullmatch(g) or (known is not None and g not in known)]
    if bad:
        valid = f"giltiga grupper: {', '.join(known)}" if known is not None else "ange t.ex. alla,styrgrupp"
        return f"okänd åtkomstgrupp {', '.join(repr(g) for g in bad)}; {valid}"
    if EXTERNAL_GROUP in groups and PUBLIC_GROUP in groups:
        return f"{EXTERNAL_GROUP} kan inte kombineras med {PUBLIC_GROUP} (externa ser bara det som delats med {EXTERNAL_GROUP})"
    return ""


def validate_access(groups: Sequence[str], where: str, known: Sequence[str] | None = None) -> list[str]:
    clean = sorted({g.strip().lower() for g in groups if g.strip()})
    if not clean:
        raise IngestError(where, "ingen åtkomstgrupp angiven; ange t.ex. alla,styrgrupp")
    problem = access_problem(clean, known)
    if problem:
        raise IngestError(where, problem)
    return clean


def _sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.toml")


def read_sidecar(path: Path) -> dict[str, object]:
    side = _sidecar_path(path)
    if not side.exists():
        return {}
    try:
        data = tomllib.loads(side.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise IngestError(str(side), f"ogiltig TOML i metadatafilen ({e})") from e
    unknown = set(data) - _SIDECAR_KEYS
    if unknown:
        raise IngestError(str(side), f"okända nycklar {sorted(unknown)}; tillåtna: {sorted(_SIDECAR_KEYS)}")
    return data


def apply_metadata(doc: Document, path: Path, sidecar: dict[str, object], overrides: Overrides,
                   groups: Sequence[str] | None = None) -> Document:
    """Fill in metadata: CLI overrides beat the sidecar, which beats what the loader found,
    which beats inference. ``groups``: the valid access groups (None = any well-formed name)."""
    where = str(path)
    for key in ("doc_id", "title", "agency", "date", "url"):
        if key in sidecar:
            setattr(doc, key, str(sidecar[key]))
    if "kind" in sidecar:
        doc.kind = validate_kind(str(sidecar["kind"]), where)
    if "access" in sidecar:
        raw = sidecar["access"]
        doc.access = validate_access(raw if isinstance(raw, list) else str(raw).split(","), str(_sidecar_path(path)), groups)
    if overrides.kind:
        doc.kind = validate_kind(overrides.kind, where)
    if overrides.agency:
        doc.agency = overrides.agency
    if overrides.access:
        doc.access = validate_access(overrides.access, where, groups)
    if overrides.date:
        doc.date = overrides.date
    if overrides.title:
        doc.title = overrides.title
    if not doc.kind:
        doc.kind = infer_kind(f"{path.name} {doc.title}", doc.text)
    elif doc.kind not in KINDS:
        doc.kind = infer_kind(doc.kind, doc.text)
    if not doc.date:
        # a file name's parts are often joined by "_" ("2025-03-01_protokoll.docx"), a word character
        doc.date = parse_date(f"{doc.title}\n{doc.text[:2000]}") or parse_date(re.sub(r"[_.]+", " ", path.name))
    doc.access = validate_access(doc.access, where, groups)
    return doc
