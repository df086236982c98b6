"""Clustering the same story told by several sources: title and lead similarity."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass

from scanners.lexical import Tokenizer, story_words

DEFAULT_THRESHOLD = 0.5
LEAD_CHARS = 1500


@dataclass(frozen=True)
class StorySignature:
    """Compact fingerprint of an item: stemmed title tokens and hashed lead shingles."""

    title: frozenset[str]
    lead: frozenset[int]

    def dumps(self) -> str:
        return json.dumps({"t": sorted(self.title), "l": sorted(self.lead)})

    @classmethod
    def loads(cls, raw: str | None) -> StorySignature:
        data = json.loads(raw) if raw else {}
        return cls(frozenset(data.get("t", [])), frozenset(data.get("l", [])))


def signature(title: str, text: str, tokenize: Tokenizer = story_words) -> StorySignature:
    tokens = tokenize(text[:LEAD_CHARS])
    shingles = {zlib.crc32(" ".join(tokens[i:i + 3]).encode()) for i in range(len(tokens) - 2)}
    return StorySignature(frozenset(tokenize(title)), frozenset(shingles))


def _jaccard(a: frozenset, b: frozenset) -> float:  # type: ignore[type-arg]
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _containment(a: frozenset, b: frozenset) -> float:  # type: ignore[type-arg]
    if len(a) < 8 or len(b) < 8:  # too short a lead says nothing
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: StorySignature, b: StorySignature) -> float:
    """0..1: the larger of title Jaccard and lead-shingle containment."""
    return max(_jaccard(a.title, b.title), _containment(a.lead, b.lead))


def best_match(sig: StorySignature, candidates: list[tuple[int, StorySignature]],
               threshold: float = DEFAULT_THRESHOLD) -> int | None:
    """Cluster id of the most similar candidate at or above `threshold`, else None."""
    best_id, best = None, threshold
    for cluster_id, other in candidates:
        score = similarity(sig, other)
        if score >= best:
            best_id, best = cluster_id, score
    return best_id


class ClusterIndex:
    """In-memory index of recent signatures: compares a new item only with items sharing a
    title token or lead shingle, so clustering stays near-linear in the number of items."""

    COMMON = 500  # postings longer than this are stopword-like and skipped

    def __init__(self) -> None:
        self._items: list[tuple[int, float, StorySignature]] = []  # (cluster, time, signature)
        self._postings: dict[object, list[int]] = {}

    def add(self, cluster_id: int, when: float, sig: StorySignature) -> None:
        idx = len(self._items)
        self._items.append((cluster_id, when, sig))
        for key in (*(("t", t) for t in sig.title), *(("l", s) for s in sig.lead)):
            self._postings.setdefault(key, []).append(idx)

    def best_match(self, sig: StorySignature, when: float, window: float,
                   threshold: float = DEFAULT_THRESHOLD) -> int | None:
        seen: set[int] = set()
        for key in (*(("t", t) for t in sig.title), *(("l", s) for s in sig.lead)):
            posting = self._postings.get(key, ())
            if len(posting) <= self.COMMON:
                seen.update(posting)
        candidates = [(self._items[i][0], self._items[i][2]) for i in sorted(seen)
                      if abs(self._items[i][1] - when) <= window]
        return best_match(sig, candidates, threshold)
