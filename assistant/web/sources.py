"""A cited document's own file, for the people who may read it. The screen links a file source to
``ROUTE/<document id>``; the guard serves that route from ``readable_file``, which looks the
document up by id among those the user may read (the same access filter as search), so no path
from the request ever reaches the file system."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..access.policy import User, access_of

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

ROUTE = "msv/kalla"  # relative, so the links also work behind a reverse proxy's path prefix


def source_href(doc_id: str) -> str:
    return f"{ROUTE}/{quote(doc_id, safe='')}"


class SourceFiles:
    def __init__(self, kb: KnowledgeBase, lock: Any = None) -> None:
        self.kb = kb
        self.lock = lock or threading.RLock()

    def readable_file(self, user: User, doc_id: str) -> Path | None:
        """The file of document ``doc_id`` when ``user`` may read it and every other document read
        from the same file (one file can hold several, each with its own access); else None."""
        with self.lock:
            mine = self.kb.documents(access=access_of(user))
            doc = next((d for d in mine if d.doc_id == doc_id), None)
            if doc is None:
                return None
            sharing = {d.doc_id for d in self.kb.documents() if d.source == doc.source}
        path = Path(doc.source)
        if not sharing <= {d.doc_id for d in mine} or not path.is_file():
            return None
        return path

    def openable(self, mine: Sequence[Any]) -> set[str]:
        """The ids among ``mine`` (all the documents a user may read) whose file ``readable_file``
        would give that user: a file no other document shares, or whose sharers are all in ``mine``."""
        ids = {d.doc_id for d in mine}
        with self.lock:
            hidden = {d.source for d in self.kb.documents() if d.doc_id not in ids}
        return {d.doc_id for d in mine if d.source not in hidden and Path(d.source).is_file()}
