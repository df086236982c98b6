"""Where a document's paragraphs come from: its file, read by the same loader the ingest used
(exact Blocks with section and page), or, when the file is gone or was never a file, the
chunks the knowledge base stored for it (split back into their paragraphs)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.documents import Block, Document
from ingest.errors import IngestError
from ingest.loaders import is_supported, loader_for
from ingest.metadata import Overrides, apply_metadata, read_sidecar
from ingest.store import SearchFilter

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

log = logging.getLogger(__name__)


def load_file(path: Path) -> Document:
    """One document from a file, with its metadata as ingest would set it (sidecar, inference)."""
    for doc in loader_for(path)(path):
        if isinstance(doc, IngestError):
            raise doc
        return apply_metadata(doc, path, read_sidecar(path), Overrides())
    raise IngestError(str(path), "ingen text kunde extraheras ur filen")


# A page that ends inside a sentence (no full stop, colon or table edge) and a next page that goes on in
# lower case: a PDF page break has cut the sentence ("… med en" | "gemensam monter …").
_OPEN_END = re.compile(r"[^.!?:;|)\]\"”»]\s*$")
_GOES_ON = re.compile(r"^\s*[a-zåäöé]")


def join_broken_pages(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with a sentence cut by a page break put back together, in the first page's block."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (last is not None and last.page is not None and block.page is not None and block.page > last.page
                and last.section == block.section and _OPEN_END.search(last.text) and _GOES_ON.match(block.text)):
            out[-1] = Block(f"{last.text.rstrip()} {block.text.lstrip()}", last.section, last.page)
            continue
        out.append(block)
    return out


def blocks_from_store(kb: KnowledgeBase, doc_id: str) -> list[Block]:
    """A document's paragraphs as stored: chunks in order, each split at the newlines that
    joined its paragraphs."""
    payloads = sorted(kb.store.payloads(SearchFilter(doc_ids=(doc_id,))), key=lambda p: int(p.get("chunk") or 0))
    blocks: list[Block] = []
    for p in payloads:
        page = p.get("page")
        for line in str(p.get("text") or "").split("\n"):
            if line.strip():
                blocks.append(Block(line.strip(), str(p.get("section") or ""), int(page) if page is not None else None))
    return blocks


def document_blocks(kb: KnowledgeBase, doc_id: str, source: str) -> list[Block]:
    path = Path(source)
    if source.startswith("/") and path.is_file() and is_supported(path):
        try:
            for doc in loader_for(path)(path):
                if isinstance(doc, Document) and doc.doc_id == doc_id:
                    return doc.blocks
        except IngestError as e:
            log.warning("%s kunde inte läsas om (%s); använder de lagrade avsnitten", source, e.reason)
    return blocks_from_store(kb, doc_id)
