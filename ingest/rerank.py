"""The second ranking stage: the fused top candidates re-scored by a linear model over features
that say more than term overlap (proximity of the query's terms, heading and title match, the
answer-type signal, place in the section, an authority prior per document kind, dense similarity,
the fused score). The weights are learned on the development questions by evals/fit_ranker.py
and shipped as ``data/ranker.json``."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import ConfigError
from .glossary import is_english, to_swedish
from .qtype import answer_type
from .store import Scored
from .swedish import tokenize

FEATURES = ("fused", "fused_rank", "sparse", "coverage", "proximity", "phrase", "heading", "title", "answer_type",
            "section_start", "position", "authority", "dense", "length")
PROXIMITY_WORDS = 20  # the span, in words, within which the query's terms count as near each other
SECTION_START = "_section_start"  # payload key set by the window step: no earlier chunk of the section

# The collaboration's own working documents before background material; a deployment overrides
# this per kind (settings: rank_authority_kinds) or switches it off (rank_authority = false).
DEFAULT_AUTHORITY: dict[str, float] = {
    "rapport": 1.0, "protokoll": 1.0, "minnesanteckningar": 1.0, "arbetsplan": 1.0, "lägesbedömning": 1.0,
    "promemoria": 1.0, "regleringsbrev": 0.0, "regeringsuppdrag": 0.0, "pressmeddelande": 0.0,
    "omvärld": 0.0, "övrigt": 0.0,
}

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[str, ...]:
    return tuple(tokenize(word))


@lru_cache(maxsize=20_000)
def _label_tokens(label: str) -> frozenset[str]:
    """The tokens of a heading or title (they repeat across a document's passages)."""
    return frozenset(tokenize(label))


def query_terms(query: str) -> list[str]:
    """The query's own terms (an English query's Swedish translation too), in first-seen order."""
    terms = tokenize(query) + (tokenize(to_swedish(query)) if is_english(query) else [])
    return list(dict.fromkeys(terms))


WINDOW_PARTS = "_parts"  # payload key set by the window step: the chunk texts its text joins with "\n"
_GAP = 1 << 24  # word numbers of one candidate start this far from the previous one's: no span crosses


@lru_cache(maxsize=8192)
def _token_positions(text: str) -> tuple[int, dict[str, tuple[int, ...]]]:
    """The number of words of a text and, for each token of its words, the word numbers that hold
    it: a passage is tokenised once, however many queries rank it."""
    words = _WORD.findall(text.lower())
    at: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        for t in _word_tokens(w):
            at.setdefault(t, []).append(i)
    return len(words), {t: tuple(v) for t, v in at.items()}


def _occurrences(parts: Sequence[Sequence[str]], terms: Sequence[str]) -> list[np.ndarray]:
    """For each query term, its word numbers in all candidates at once (sorted), candidate ``c``'s
    from ``c * _GAP``. A window's text is its parts joined by a newline, which no word crosses, so
    its words are its parts' words in turn."""
    occ: list[list[int]] = [[] for _ in terms]
    for c, texts in enumerate(parts):
        base = c * _GAP
        for text in texts:
            n, at = _token_positions(text)
            for k, t in enumerate(terms):
                if (pos := at.get(t)) is not None:
                    occ[k].extend(base + i for i in pos)
            base += n
    return [np.asarray(o, dtype=np.int64) for o in occ]


def _proximity(occ: Sequence[np.ndarray], w: Sequence[float], n: int) -> np.ndarray:
    """Per candidate, the largest weight of distinct query terms found within PROXIMITY_WORDS
    consecutive words (windows ending at a term's word: a term counts when its last occurrence at
    or before the end lies less than PROXIMITY_WORDS words back)."""
    best = np.zeros(n)
    found = [(o, wt) for o, wt in zip(occ, w) if len(o)]
    if not found:
        return best
    ends = np.unique(np.concatenate([o for o, _ in found]))
    score = np.zeros(len(ends))
    for o, wt in found:
        j = np.searchsorted(o, ends, side="right") - 1
        near = (j >= 0) & (o[np.maximum(j, 0)] > ends - PROXIMITY_WORDS)
        score += wt * near
    np.maximum.at(best, ends // _GAP, score)
    return best


def _query_pairs(query: str) -> list[tuple[str, str]]:
    heads = [toks[0] for w in _WORD.findall(query.lower()) if (toks := _word_tokens(w))]
    return list(zip(heads, heads[1:]))


def _holds(sorted_values: np.ndarray, xs: np.ndarray) -> np.ndarray:
    """Which of ``xs`` occur in ``sorted_values``."""
    i = np.minimum(np.searchsorted(sorted_values, xs), len(sorted_values) - 1)
    return sorted_values[i] == xs


def _phrase(pairs: list[tuple[str, str]], occ: Mapping[str, np.ndarray], n: int) -> np.ndarray:
    """Per candidate, the share of the query's neighbouring word pairs that stand next to each other
    (one word may come between) in the passage, in the same order."""
    found = np.zeros(n, dtype=np.int64)
    if not pairs:
        return found.astype(np.float64)
    for a, b in pairs:
        oa, ob = occ.get(a), occ.get(b)
        if oa is None or ob is None or not len(oa) or not len(ob):
            continue
        near = _holds(ob, oa + 1) | _holds(ob, oa + 2)
        has = np.zeros(n, dtype=bool)
        has[oa[near] // _GAP] = True
        found += has
    return found / len(pairs)


def _covered(tokens: set[str] | frozenset[str], weights: Mapping[str, float]) -> float:
    return sum(w for t, w in weights.items() if t in tokens)


def prepare(payloads: Sequence[Mapping[str, object]]) -> None:
    """Tokenise passages (texts, headings, titles) ahead of their ranking: the same caches the
    features read fill earlier, off the search's critical path; the features do not change."""
    for p in payloads:
        _token_positions(str(p.get("text", "")))
        _label_tokens(str(p.get("section", "")))
        _label_tokens(str(p.get("title", "")))


def features(
    query: str,
    candidates: Sequence[Scored],
    *,
    dense: Mapping[str, np.ndarray] | None = None,
    query_vec: np.ndarray | None = None,
    sparse: Mapping[str, float] | None = None,
    authority: Mapping[str, float] | None = None,
) -> np.ndarray:
    """One row of FEATURES per candidate (in the fused order given); ``dense`` holds the stored
    vectors, ``sparse`` the BM25 scores of the candidates by id. Term weights are an inverse
    document frequency over the candidates themselves: a term every candidate holds says nothing."""
    terms = query_terms(query)
    n = len(candidates)
    if n == 0:
        return np.zeros((0, len(FEATURES)), dtype=np.float64)
    texts = [str(c.payload.get("text", "")) for c in candidates]
    occ = _occurrences([c.payload.get(WINDOW_PARTS) or (t,) for c, t in zip(candidates, texts)], terms)
    present = np.zeros((n, len(terms)), dtype=bool)
    for k, o in enumerate(occ):
        present[o // _GAP, k] = True
    df = present.sum(axis=0)
    raw = {t: math.log((n + 1) / (int(df[k]) + 0.5)) for k, t in enumerate(terms)}
    total = sum(raw.values()) or 1.0
    weights = {t: w / total for t, w in raw.items()}
    w = [weights[t] for t in terms]
    # Added term by term, in the query's order (a running sum, as one would by hand).
    coverage = np.cumsum(present * np.asarray(w), axis=1)[:, -1] if terms else np.zeros(n)
    proximity = _proximity(occ, w, n)
    phrase = _phrase(_query_pairs(query), dict(zip(terms, occ)), n)
    wanted = answer_type(query)
    top = max((c.score for c in candidates), default=0.0) or 1.0
    sparse = sparse or {}
    top_sparse = max((sparse.get(c.id, 0.0) for c in candidates), default=0.0) or 1.0
    rows = []
    for i, c in enumerate(candidates):
        p = c.payload
        head = _label_tokens(str(p.get("section", "")))
        title = _label_tokens(str(p.get("title", "")))
        vec = dense.get(c.id) if dense is not None else None
        sim = float(np.dot(vec, query_vec)) if vec is not None and query_vec is not None else 0.0
        rows.append((
            c.score / top,
            1.0 / (1 + i),
            sparse.get(c.id, 0.0) / top_sparse,
            float(coverage[i]),
            float(proximity[i]),
            float(phrase[i]),
            _covered(head, weights),
            _covered(title, weights),
            1.0 if wanted is not None and wanted[1].search(texts[i]) else 0.0,
            1.0 if p.get(SECTION_START) else 0.0,
            1.0 / (1 + int(p.get("chunk", 0) or 0)),
            float((authority or {}).get(str(p.get("kind", "")), 0.0)),
            sim,
            len(texts[i]) / 1000,
        ))
    return np.asarray(rows, dtype=np.float64)


@dataclass(frozen=True)
class LinearRanker:
    """score = Σ coef · (x − mean) / scale over the named features (a pairwise logistic model)."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]

    def score(self, x: np.ndarray) -> np.ndarray:
        cols = [FEATURES.index(n) for n in self.names]
        z = (x[:, cols] - np.asarray(self.mean)) / np.asarray(self.scale)
        return z @ np.asarray(self.coef)

    def as_dict(self) -> dict[str, object]:
        return {"features": list(self.names), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef)}

    @classmethod
    def from_dict(cls, d: Mapping[str, object], where: str) -> LinearRanker:
        try:
            names = tuple(str(n) for n in d["features"])  # type: ignore[attr-defined]
            vals = [tuple(float(v) for v in d[k]) for k in ("mean", "scale", "coef")]  # type: ignore[attr-defined]
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"{where}: ogiltiga rankningsvikter ({e})") from e
        unknown = [n for n in names if n not in FEATURES]
        if unknown or any(len(v) != len(names) for v in vals) or any(s <= 0 for s in vals[1]):
            raise ConfigError(f"{where}: rankningsvikterna passar inte särdragen {', '.join(FEATURES)}")
        return cls(names, *vals)


@dataclass(frozen=True)
class Ranker:
    """The shipped models: one with the authority prior, one fitted without it for deployments
    that switch the prior off."""

    with_authority: LinearRanker
    without_authority: LinearRanker

    @classmethod
    def load(cls, path: Path | None = None) -> Ranker:
        where = str(path) if path else "ingest/data/ranker.json"
        try:
            text = path.read_text(encoding="utf-8") if path else (
                resources.files("ingest") / "data" / "ranker.json").read_text(encoding="utf-8")
            d = json.loads(text)
        except (OSError, json.JSONDecodeError) as e:
            raise ConfigError(f"{where}: rankningsvikterna kunde inte läsas ({e})") from e
        return cls(LinearRanker.from_dict(d.get("with_authority", {}), where),
                   LinearRanker.from_dict(d.get("without_authority", {}), where))

    def order(self, x: np.ndarray, ids: Sequence[str], *, authority: bool) -> list[int]:
        """Candidate indices best first; equal scores fall back on the id, the same in every run."""
        model = self.with_authority if authority else self.without_authority
        s = model.score(x) if len(ids) else np.zeros(0)
        return sorted(range(len(ids)), key=lambda i: (-round(float(s[i]), 9), ids[i]))
