"""Whether a question is answerable from its best sentence: the measurements the extractive
engine's gates take (sentence model probability, coverage, the question nouns the passage lacks,
what the question type asks for, the passage's rank, dense similarity), for every question, refused
ones included, and a logistic model over them learned from the development labels by
``evals/fit_answerability.py`` and shipped as ``data/answerability.json``.

The hard checks (a subject the passage does not name, a sibling body, another year, an outcome
untold …) stay as they are; the model is a second opinion on the soft ones (coverage and the
missing nouns), which refuse questions asked in other words than the documents'."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .cues import cue_met

if TYPE_CHECKING:
    from ingest.search import Hit

    from .question import QuestionInfo
    from .subject import Entity
    from .units import Unit

FEATURES = (
    "p", "p_top", "coverage", "own", "missing_share", "missing", "role_missing", "cue", "gated",
    "hit", "hit_score", "doc_hits", "nouns", "english", "cos_sentence", "cos_passage", "kind_list",
    "kind_time", "kind_figure", "kind_who",
)


@dataclass(frozen=True)
class Lead:
    """The sentence that would lead an answer, whether the soft gates pass it, and its measurements."""

    unit: Unit
    gated: bool
    features: tuple[float, ...]


@dataclass(frozen=True)
class AnswerabilityModel:
    """P(answerable) = σ(Σ coef · (x − mean) / scale + intercept) over ``FEATURES``; a refused
    question is answered when P ≥ ``answer_at``, an answered one refused when P < ``refuse_below``."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    answer_at: float
    refuse_below: float

    def probability(self, features: tuple[float, ...]) -> float:
        z = float(((np.asarray(features, float) - self.mean) / self.scale) @ self.coef + self.intercept)
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AnswerabilityModel:
        if list(d["features"]) != list(FEATURES):
            raise ValueError(f"features {d['features']} differ from {list(FEATURES)}: refit with "
                             "evals/fit_answerability.py")
        return cls(np.asarray(d["mean"], float), np.asarray(d["scale"], float), np.asarray(d["coef"], float),
                   float(d["intercept"]), float(d.get("answer_at", 1.1)), float(d.get("refuse_below", 0.0)))


@lru_cache(maxsize=4)
def load_answerability(path: Path | None = None) -> AnswerabilityModel | None:
    """The shipped model (or ``path``); None when there is none, and the gates decide alone."""
    try:
        text = path.read_text(encoding="utf-8") if path else (
            resources.files("assistant.answers") / "data" / "answerability.json").read_text(encoding="utf-8")
    except OSError:
        return None
    return AnswerabilityModel.from_dict(json.loads(text))


def lead_of(engine: Any, info: QuestionInfo, ranked: list[Unit], hits: list[Hit],
            unnamed: dict[int, frozenset[str]], about: tuple[Entity, ...], candidates: int,
            embedder: Any = None) -> Lead | None:
    """The likeliest of the first ``candidates`` sentences that every gate passes, else the likeliest
    that the hard checks pass (``engine.answerable(..., soft=False)``), with its measurements; None
    when the hard checks refuse them all."""
    top = ranked[:candidates]
    fit = [u for u in top if engine.answerable(info, u, unnamed[u.hit], about)]
    gated = bool(fit)
    if not fit:
        fit = [u for u in top if engine.answerable(info, u, unnamed[u.hit], about, soft=False)]
    if not fit:
        return None
    lead = max(fit, key=lambda u: u.p)
    return Lead(lead, gated, measure(info, lead, ranked, hits, gated, embedder))


def measure(info: QuestionInfo, u: Unit, ranked: list[Unit], hits: list[Hit], gated: bool,
            embedder: Any = None) -> tuple[float, ...]:
    """One row of ``FEATURES`` for lead ``u`` of ``info``."""
    nouns = sum(not t.verb for t in info.terms)
    h = hits[u.hit]
    cos_s = cos_p = 0.0
    if embedder is not None:
        vecs = np.asarray(embedder.embed([info.text, u.text, f"{h.title}. {h.section}. {h.text}"[:1500]]), float)
        cos_s, cos_p = float(vecs[1] @ vecs[0]), float(vecs[2] @ vecs[0])
    kind = info.kind
    return (
        u.p, max((v.p for v in ranked), default=0.0), u.coverage, u.own, u.missing / max(1, nouns),
        float(min(u.missing, 4)), float(u.role_missing), float(cue_met(kind, u.text, info.said, info.text)),
        float(gated), u.hit / 10, float(h.score), sum(x.doc_id == h.doc_id for x in hits) / max(1, len(hits)),
        float(min(nouns, 8)), float(info.english), cos_s, cos_p, float(kind == "list"),
        float(kind in ("time", "frequency")), float(kind in ("number", "money")), float(kind in ("person", "name")),
    )


def second_opinion(engine: Any, info: QuestionInfo, ranked: list[Unit], hits: list[Hit],
                   unnamed: dict[int, frozenset[str]], about: tuple[Entity, ...], candidates: int) -> Unit | None:
    """The lead ``engine.second`` (the model) allows: a sentence the soft gates refused when it finds
    the question answerable, none when it finds a gated lead's question unanswerable."""
    model: AnswerabilityModel = engine.second
    lead = lead_of(engine, info, ranked, hits, unnamed, about, candidates, getattr(engine.kb, "embedder", None))
    if lead is None:
        return None
    p = model.probability(lead.features)
    return lead.unit if p >= (model.refuse_below if lead.gated else model.answer_at) else None
