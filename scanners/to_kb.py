"""High-relevance scanned items into the knowledge base as documents of kind `omvärld`."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from typing import Any

from scanners.relevance import DEFAULT_THRESHOLD
from scanners.store import ScanStore, StoredItem

log = logging.getLogger(__name__)

KIND = "omvärld"


def to_document(item: StoredItem, source_name: str | None = None) -> Any:
    """An ingest Document for one item: paragraphs as blocks, provenance in the metadata."""
    from ingest.documents import Block, Document

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", item.text) if p.strip()]
    blocks = [Block(text=p, section=item.title) for p in paragraphs or [item.title]]
    date = (item.published or item.first_seen).date().isoformat()
    return Document(
        doc_id="omvarld-" + hashlib.sha1(item.canonical_url.encode()).hexdigest()[:16],
        source=item.url, blocks=blocks, title=item.title, kind=KIND,
        agency=item.agency or source_name or "", date=date, url=item.url,
        extra={"scanner_item": str(item.id), "score": f"{item.score or 0:.3f}"},
    )


def add_to_knowledge_base(kb: Any, store: ScanStore, item_ids: list[int] | None = None,
                          min_score: float = DEFAULT_THRESHOLD) -> Iterator[Any]:
    """Ingest items scoring at least `min_score` (default: those of `item_ids`, else all not
    yet ingested); yields ingest's per-document results and marks successes in the store."""
    names = store.source_names()
    items = [i for i in store.items(ids=item_ids) if (i.score or 0.0) >= min_score]
    docs = {to_document(i, names.get(i.source_id)).doc_id: i.id for i in items}
    done: list[int] = []
    for result in kb.ingest_documents(to_document(i, names.get(i.source_id)) for i in items):
        yield result
        if getattr(result, "status", "") != "failed":
            item_id = docs.get(getattr(result, "doc_id", ""))
            if item_id is not None:
                done.append(item_id)
    store.mark_ingested(done)
