"""How common each sparse term is in the store (the share of its passages that hold it), counted
on a sample of the store's own points, and the lighter query the sparse channel picks its
candidates with: the query without the terms that most passages hold. Their posting lists are
the longest (most of a search's sparse work) and, with a low IDF, they select least; the
candidates are then scored with the whole query (evals/README.md, 500k session 12)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from .sparse import SparseVec

SAMPLE = 4000  # points counted: a share of 5 % is known to about ±0.7 points (two standard errors)
STALE = 0.1  # the sample is taken again when the store's size has moved by more than this share


class _Sampled(Protocol):
    def count(self) -> int: ...
    def term_sample(self, limit: int) -> list[Sequence[int]]: ...


class TermShares:
    """The share of a store's passages that hold each term, from the sparse vectors of up to
    ``sample`` of its points (the first by id: point ids are uuids, so a sample across documents);
    counted on first use and again when the store has grown or shrunk by more than ``STALE``."""

    def __init__(self, store: _Sampled, sample: int = SAMPLE) -> None:
        self.store = store
        self.sample = sample
        self._lock = threading.Lock()
        self._size = -1
        self._shares: dict[int, float] = {}

    def shares(self) -> dict[int, float]:
        size = self.store.count()
        with self._lock:
            if self._size < 0 or abs(size - self._size) > STALE * self._size:
                rows = self.store.term_sample(self.sample)
                held = Counter(i for row in rows for i in set(row))
                self._shares = {i: n / len(rows) for i, n in held.items()}
                self._size = size
            return self._shares


def selecting_query(sparse: SparseVec, shares: dict[int, float], common: float) -> SparseVec | None:
    """``sparse`` without the terms held by more than the share ``common`` of the passages; None
    when it drops nothing, or everything (a query of common words alone keeps them all)."""
    keep = [(i, v) for i, v in zip(sparse.indices, sparse.values) if shares.get(i, 0.0) <= common]
    if not keep or len(keep) == len(sparse.indices):
        return None
    return SparseVec([i for i, _ in keep], [v for _, v in keep])
