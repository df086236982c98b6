"""High-relevance scanned items into the knowledge base as documents of kind `omvärld`."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from typing import Any

from scanners.diff import diff_versions
from scanners.relevance import KB_THRESHOLD
from scanners.store import ScanStore, StoredItem, Version

log = logging.getLogger(__name__)

KIND = "omvärld"


HISTORY = "Ändringshistorik"


def history(versions: list[Version]) -> list[str]:
    """One line per change: when it was seen and what changed from the version before."""
    return [f"Version {new.version} ({new.seen_at.date().isoformat()}, tidigare version "
            f"{old.version} från {old.seen_at.date().isoformat()}): "
            f"{diff_versions(old.title, old.text, new.title, new.text).text()}."
            for old, new in zip(versions, versions[1:])]


def to_document(item: StoredItem, source_name: str | None = None,
                versions: list[Version] | None = None) -> Any:
    """An ingest Document for one item: paragraphs of the current version as blocks, the
    changes between its versions as a section of their own, provenance in the metadata."""
    from ingest.documents import Block, Document

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", item.text) if p.strip()]
    blocks = [Block(text=p, section=item.title) for p in paragraphs or [item.title]]
    blocks += [Block(text=line, section=HISTORY) for line in history(versions or [])]
    date = (item.published or item.first_seen).date().isoformat()
    return Document(
        doc_id="omvarld-" + hashlib.sha1(item.canonical_url.encode()).hexdigest()[:16],
        source=item.url, blocks=blocks, title=item.title, kind=KIND,
        agency=item.agency or source_name or "", date=date, url=item.url,
        extra={"scanner_item": str(item.id), "score": f"{item.score or 0:.3f}",
               "version": str(item.version)},
    )


def add_to_knowledge_base(kb: Any, store: ScanStore, item_ids: list[int] | None = None,
                          min_score: float = KB_THRESHOLD) -> Iterator[Any]:
    """Ingest items scoring at least `min_score` (default: those of `item_ids`, else all not
    yet ingested); yields ingest's per-document results and marks successes in the store."""
    names = store.source_names()
    items = [i for i in store.items(ids=item_ids) if (i.score or 0.0) >= min_score]
    docs = {to_document(i).doc_id: i.id for i in items}
    done: list[int] = []
    # The same doc_id for every version: ingest replaces the document whose content changed.
    for result in kb.ingest_documents(to_document(i, names.get(i.source_id), store.versions(i.id))
                                      for i in items):
        yield result
        if getattr(result, "status", "") != "failed":
            item_id = docs.get(getattr(result, "doc_id", ""))
            if item_id is not None:
                done.append(item_id)
    store.mark_ingested(done)
