"""BM25 as Qdrant sparse vectors: documents carry saturated term frequencies, queries carry
their terms, and Qdrant's IDF modifier supplies the inverse document frequency at query time."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .swedish import tokenize

# Bump when tokenization or sparse weighting changes: stored documents then re-index on the next
# ingest, because the version is part of every document's content hash.
INDEX_VERSION = "3"


@lru_cache(maxsize=500_000)
def token_index(token: str) -> int:
    """A stable 31-bit index for a token (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little") & 0x7FFFFFFF


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]


@dataclass(frozen=True)
class Bm25Encoder:
    k1: float = 1.2
    b: float = 0.75
    avg_len: float = 86.0

    def encode_document(self, text: str) -> SparseVec:
        tokens = tokenize(text)
        counts = Counter(token_index(t) for t in tokens)
        norm = self.k1 * (1 - self.b + self.b * len(tokens) / self.avg_len)
        idx = sorted(counts)
        return SparseVec(idx, [counts[i] * (self.k1 + 1) / (counts[i] + norm) for i in idx])

    def encode_query(self, text: str) -> SparseVec:
        counts = Counter(token_index(t) for t in tokenize(text))
        idx = sorted(counts)
        return SparseVec(idx, [float(counts[i]) for i in idx])
