"""Which retrieved sentence answers: a logistic model over the extractive engine's own signals,
learned from the development questions' labels (a sentence answers when it holds one of the
question's facts) by ``evals/fit_sentences.py`` and shipped as ``data/sentences.json``.

The hand-set sum of the signals (``Unit.score``) is one feature; the others let the labels weigh
what it weighs by hand (coverage, what the question type asks for, the passage's rank) and add what
it lacks: the sentence just before (an answer often continues the sentence that names the matter:
"Däremot efterfrågar processledarna … De vill också ha …"), its place in the passage and its length.
The refusal check does not change: the model orders the sentences, the check decides."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

FEATURES = (
    "rule_score", "coverage", "own", "cue", "listy", "echo", "hit", "pos", "missing", "role_missing",
    "anaphoric", "is_item", "length", "lacks_named", "colon", "prev_coverage", "prev_score",
    "next_coverage", "doc_hits", "first_doc",
)


@dataclass(frozen=True)
class SentenceModel:
    """p = σ(Σ coef · (x − mean) / scale + intercept) over ``FEATURES``."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def from_dict(cls, d: dict) -> SentenceModel:
        if list(d["features"]) != list(FEATURES):
            raise ValueError(f"features {d['features']} differ from {list(FEATURES)}: refit with evals/fit_sentences.py")
        return cls(np.asarray(d["mean"], float), np.asarray(d["scale"], float), np.asarray(d["coef"], float),
                   float(d["intercept"]))


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> SentenceModel | None:
    """The shipped model (or ``path``); None when there is none, and the hand-set order is used."""
    try:
        text = path.read_text(encoding="utf-8") if path else (
            resources.files("assistant.answers") / "data" / "sentences.json").read_text(encoding="utf-8")
    except OSError:
        return None
    return SentenceModel.from_dict(json.loads(text))


def feature_rows(units: list[Any], by_hit: dict[int, list[Any]], doc_ids: list[str],
                 signals: dict[int, tuple[float, float, float, float, bool]], nouns: int) -> np.ndarray:
    """One row of ``FEATURES`` per unit (``units.Unit``; this module sits below it).
    ``signals[id(u)]`` holds the parts of the hand-set score
    (own share, cue, listy, echo, lacks_named) computed while scoring."""
    scored = {u.text: u for u in units}
    doc_count: dict[str, int] = {}
    for d in doc_ids:
        doc_count[d] = doc_count.get(d, 0) + 1
    rows = []
    for u in units:
        own, cue, listy, echo, lacks = signals[id(u)]
        passage = by_hit[u.hit]
        prev = scored.get(passage[u.pos - 1].text) if u.pos > 0 else None
        nxt = scored.get(passage[u.pos + 1].text) if u.pos + 1 < len(passage) else None
        rows.append((
            u.score, u.coverage, own, cue, listy, echo, u.hit / 10, math.log1p(u.pos),
            u.missing / max(1, nouns), float(u.role_missing), float(u.anaphoric), float(u.is_item),
            math.log1p(len(u.text)) / 5, float(lacks), float(u.text.rstrip().endswith(":")),
            prev.coverage if prev else 0.0, prev.score if prev else 0.0, nxt.coverage if nxt else 0.0,
            doc_count[doc_ids[u.hit]] / max(1, len(doc_ids)), float(doc_ids[u.hit] == doc_ids[0]),
        ))
    return np.asarray(rows, dtype=float).reshape(len(units), len(FEATURES))
