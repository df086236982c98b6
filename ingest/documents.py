"""The document model: what a loader produces and what every chunk carries as provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

KINDS = (
    "rapport",
    "protokoll",
    "minnesanteckningar",
    "regleringsbrev",
    "regeringsuppdrag",
    "pressmeddelande",
    "promemoria",
    "arbetsplan",
    "lägesbedömning",
    "omvärld",
    "övrigt",
)

PUBLIC_GROUP = "alla"  # every member of the collaboration
EXTERNAL_GROUP = "extern"  # invited outsiders: they never see PUBLIC_GROUP documents
DEFAULT_ACCESS = (PUBLIC_GROUP,)


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of a document with where it came from."""

    text: str
    section: str = ""
    page: int | None = None


@dataclass
class Document:
    """One document ready for chunking. ``doc_id`` is stable across runs for the same source."""

    doc_id: str
    source: str
    blocks: list[Block]
    title: str = ""
    kind: str = ""
    agency: str = ""
    date: str = ""
    access: list[str] = field(default_factory=lambda: list(DEFAULT_ACCESS))
    url: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    def content_hash(self, index_version: str = "") -> str:
        """Hash over text, metadata and the index version: a change in any re-indexes the document."""
        h = hashlib.sha256(index_version.encode())
        for b in self.blocks:
            h.update(f"{b.section}\x1f{b.page}\x1f{b.text}\x1e".encode())
        meta = (self.title, self.kind, self.agency, self.date, ",".join(sorted(self.access)), self.url)
        h.update("\x1f".join(meta).encode())
        return h.hexdigest()


def stable_id(source: str) -> str:
    """A short stable id derived from a document's source (path or URL)."""
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]
