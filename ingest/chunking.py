"""Structure-aware chunking: paragraphs are packed into chunks within one section and page,
split only at Swedish sentence boundaries, sized for the embedding model's 256-token window.

The default size was chosen by the sweep in evals/chunk_sweep.py."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .documents import Block, Document
from .swedish import split_sentences

if TYPE_CHECKING:
    from llama_index.core.schema import TextNode

DEFAULT_CHUNK_CHARS = 500
_NAMESPACE = uuid.UUID("5b1f6c1e-2f7e-4c53-9d7e-6d0b5f0a8c11")


@dataclass(frozen=True)
class ChunkSpec:
    max_chars: int = DEFAULT_CHUNK_CHARS
    min_chars: int = 120


@lru_cache(maxsize=16_384)  # a search asks for the ids of each hit's neighbours, again and again
def chunk_id(doc_id: str, index: int) -> str:
    """Deterministic point id: re-ingesting a document overwrites instead of duplicating."""
    return str(uuid.uuid5(_NAMESPACE, f"{doc_id}#{index}"))


def _pieces(block: Block, max_chars: int) -> list[str]:
    """A block as pieces no longer than max_chars, cut between sentences (or words, if one
    sentence is longer than a chunk)."""
    if len(block.text) <= max_chars:
        return [block.text]
    pieces: list[str] = []
    for sentence in split_sentences(block.text):
        while len(sentence) > max_chars:
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > max_chars // 2 else max_chars
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    return pieces


def chunk_document(doc: Document, spec: ChunkSpec = ChunkSpec()) -> list[TextNode]:
    """Chunks of one document as llama-index TextNodes with provenance in their metadata."""
    # llama-index is imported on first use: importing it takes seconds, which the app's start skips.
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
    groups: list[tuple[str, int | None, list[str]]] = []
    for block in doc.blocks:
        key = (block.section, block.page)
        if not groups or (groups[-1][0], groups[-1][1]) != key:
            groups.append((block.section, block.page, []))
        groups[-1][2].extend(_pieces(block, spec.max_chars))

    texts: list[tuple[str, str, int | None]] = []
    for section, page, pieces in groups:
        current = ""
        for piece in pieces:
            if current and len(current) + 1 + len(piece) > spec.max_chars:
                texts.append((current, section, page))
                current = piece
            else:
                current = f"{current}\n{piece}" if current else piece
        if current:
            # A short tail joins the previous chunk of the same section and page when it fits.
            if (
                len(current) < spec.min_chars
                and texts
                and texts[-1][1:] == (section, page)
                and len(texts[-1][0]) + len(current) <= spec.max_chars * 1.25
            ):
                prev = texts.pop()
                current = f"{prev[0]}\n{current}"
            texts.append((current, section, page))

    nodes: list[TextNode] = []
    for i, (text, section, page) in enumerate(texts):
        node = TextNode(
            id_=chunk_id(doc.doc_id, i),
            text=text,
            metadata={
                "doc_id": doc.doc_id,
                "chunk": i,
                "title": doc.title,
                "kind": doc.kind,
                "agency": doc.agency,
                "date": doc.date,
                "source": doc.source,
                "section": section,
                "page": page,
                "access": list(doc.access),
            },
        )
        node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc.doc_id)
        nodes.append(node)
    return nodes


def context_text(node: TextNode) -> str:
    """What is embedded and indexed: the chunk with its title and section in front, so a
    passage is found by the words of its heading too."""
    meta = node.metadata
    head = " – ".join(x for x in (meta.get("title", ""), meta.get("section", "")) if x)
    return f"{head}\n{node.text}" if head else node.text
