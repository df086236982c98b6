"""Relevance learned from the readers' marks: a calibrated logistic regression on an item's
stemmed words and its cold-start score, trained in seconds whenever there are enough marks of
both kinds; the cold start (``scanners.relevance``) stays the fallback and a feature."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from scanners.profile import profile_words

log = logging.getLogger(__name__)

MIN_EACH = 30  # marks of each kind (relevant, not relevant) before the model is used
COLD = "kallstartsbedömning"  # the cold-start score's name among the features
# The text a page is learned from: all of it up to here (development, three rolling origins:
# average precision 0.834 → 0.864 with C = 64 below, against 1,500 characters and C = 16; evals/README.md)
BODY_CHARS = 4000
C = 64.0  # inverse regularisation: the marks' words are trusted more than at 16 (same source)
COLD_CLIP = 1e-3  # the cold-start probability is kept within [COLD_CLIP, 1 - COLD_CLIP]


@dataclass(frozen=True)
class Example:
    title: str
    text: str
    cold: float  # the cold-start probability (RelevanceScorer.score)
    mark: bool | None = None  # a reader's mark, when there is one


def item_words(title: str, text: str) -> list[str]:
    """Stemmed Swedish words (and English ones, stemmed alike) of the title and the lead; a
    title word also counts as its own feature ("rubrik:…")."""
    words = profile_words(f"{title}. {text[:BODY_CHARS]}")
    return words + [f"rubrik:{w}" for w in profile_words(title)]


class LearnedModel:
    """A trained model: probability of relevance for an example, and why."""

    def __init__(self, vectorizer: Any, calibrated: Any, n_relevant: int, n_other: int) -> None:
        self.vectorizer = vectorizer
        self.calibrated = calibrated
        self.n_relevant, self.n_other = n_relevant, n_other
        self.shift = 0.0  # log-odds added for the stream's share of relevant news (fit_prior)

    def _x(self, examples: Sequence[Example]) -> Any:
        return _features(self.vectorizer, examples)

    def probabilities(self, examples: Sequence[Example]) -> list[float]:
        if not examples:
            return []
        p = np.clip(self.calibrated.predict_proba(self._x(examples))[:, 1], 1e-6, 1 - 1e-6)
        return [float(v) for v in _sigmoid(np.log(p / (1 - p)) + self.shift)]

    def fit_prior(self, stream: Sequence[Example]) -> None:
        """Marks are made on what readers are shown, so they hold far more relevant items than
        the news does: shift the log-odds until the mean probability over the stream (the
        store's items) is the share of relevant news the stream holds by its marks where it has
        them and by the cold start's calibrated probability elsewhere."""
        if not stream:
            return
        self.shift = 0.0
        p = np.clip(np.array(self.probabilities(stream)), 1e-6, 1 - 1e-6)
        logits, target = np.log(p / (1 - p)), float(np.mean([e.cold if e.mark is None else float(e.mark)
                                                     for e in stream]))
        lo, hi = -15.0, 15.0
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if float(np.mean(_sigmoid(logits + mid))) < target else (lo, mid)
        self.shift = (lo + hi) / 2

    def probability(self, example: Example) -> float:
        return self.probabilities([example])[0]

    def explain(self, example: Example, k: int = 10) -> list[tuple[str, float]]:
        """The features that weighed most for this example: (feature, contribution to the
        log-odds), strongest first, positive ones for relevance."""
        base = self.calibrated.calibrated_classifiers_[0].estimator
        x = self._x([example]).toarray()[0]
        names = [*self.vectorizer.get_feature_names_out(), COLD]
        contrib = x * base.coef_[0]
        order = np.argsort(-np.abs(contrib))
        return [(str(names[i]), round(float(contrib[i]), 3)) for i in order[:k] if contrib[i]]


def _sigmoid(x: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-x))


def _features(vectorizer: Any, examples: Sequence[Example]) -> Any:
    from scipy.sparse import csr_matrix, hstack

    words = vectorizer.transform([item_words(e.title, e.text) for e in examples])
    # the cold start's probability enters as its log-odds, the scale a logistic model adds
    # evidence on (development: more recall, precision@30 than the probability; evals/README.md)
    p = np.clip(np.array([e.cold for e in examples], dtype=float), COLD_CLIP, 1 - COLD_CLIP)
    cold = csr_matrix(np.log(p / (1 - p)).reshape(-1, 1))
    return hstack([words, cold]).tocsr()


def train(examples: Sequence[Example], labels: Sequence[bool],
          min_each: int = MIN_EACH, c: float = C,
          stream: Sequence[Example] = ()) -> LearnedModel | None:
    """A model from marked examples, or None while there are fewer than `min_each` marks of
    either kind (the cold start then decides); `stream` (all news seen) sets its prior."""
    y = np.array([bool(v) for v in labels], dtype=int)
    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if pos < min_each or neg < min_each:
        return None
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=lambda words: words, min_df=2, sublinear_tf=True)
    vectorizer.fit([item_words(e.title, e.text) for e in examples])
    x = _features(vectorizer, examples)
    base = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    calibrated = CalibratedClassifierCV(base, method="sigmoid", cv=3, ensemble=False)
    calibrated.fit(x, y)
    log.info("relevance model trained on %d marks (%d relevant)", len(y), pos)
    model = LearnedModel(vectorizer, calibrated, pos, neg)
    model.fit_prior(stream)
    return model


# -- with the scan store -----------------------------------------------------------------------

def example(item: Any) -> Example:
    """A stored item as an example; its cold-start probability is kept in its reason."""
    reason = item.reason or {}
    return Example(item.title, item.text, float(reason.get("cold_probability", item.score or 0.0)))


def train_from_store(store: Any, group: str | None = None,
                     min_each: int = MIN_EACH) -> LearnedModel | None:
    """A model from the marks in the scan store (one group's, when given)."""
    marks = store.marks(group)
    if sum(marks.values()) < min_each or len(marks) - sum(marks.values()) < min_each:
        return None
    everything = [i for i in store.items() if i.score is not None]
    items = [i for i in everything if i.id in marks]
    stream = [Example(e.title, e.text, e.cold, marks.get(i.id))
              for i, e in ((i, example(i)) for i in everything)]
    return train([example(i) for i in items], [marks[i.id] for i in items], min_each, stream=stream)


def apply(model: LearnedModel | None, rel: Any, ex: Example) -> Any:
    """A cold-start Relevance with the learned probability as its score (unchanged without a
    model); the reason keeps both."""
    if model is not None:
        rel.score = round(model.probability(ex), 4)
        rel.reason = {**rel.reason, "learned": rel.score,
                      "marks": {"relevant": model.n_relevant, "not_relevant": model.n_other}}
    return rel


class LearnedScorer:
    """The cold-start scorer with the learned model on top (what a scan scores with)."""

    def __init__(self, cold: Any, model: LearnedModel | None) -> None:
        self.cold, self.model = cold, model

    def score_item(self, item: Any, source_topics: Sequence[str] = ()) -> Any:
        rel = self.cold.score_item(item, source_topics)
        return apply(self.model, rel, Example(item.title, item.text, rel.score))


def rescore(store: Any, model: LearnedModel | None) -> int:
    """Every scored item's score from `model` (back to its cold-start probability without one):
    run after marks, so the next digest ranks by what was learned."""
    items = [i for i in store.items() if i.score is not None and i.reason]
    probs = model.probabilities([example(i) for i in items]) if model else []
    for n, item in enumerate(items):
        reason = {k: v for k, v in item.reason.items() if k not in ("learned", "marks")}
        score = float(reason.get("cold_probability", item.score or 0.0))
        if model is not None:
            score = round(probs[n], 4)
            reason |= {"learned": score,
                       "marks": {"relevant": model.n_relevant, "not_relevant": model.n_other}}
        if score != item.score or reason != item.reason:  # a mark short of a model writes nothing
            store.set_score(item.id, score, item.topics, reason)
    return len(items)


def mark_and_learn(store: Any, item_id: int, relevant: bool,
                   group: str | None = None) -> LearnedModel | None:
    """Record a group's mark, retrain from its marks and re-score what is stored."""
    store.mark(item_id, relevant, user=group)
    model = train_from_store(store, group)
    rescore(store, model)
    return model


def explanation(store: Any, item_id: int, group: str | None = None, k: int = 10) -> dict[str, Any]:
    """Why an item scores as it does: the learned model's strongest features, or the cold
    start's parts while there are too few marks."""
    item = store.item(item_id)
    marks = store.marks(group)
    n_rel = sum(marks.values())
    out: dict[str, Any] = {
        "item_id": item.id, "title": item.title, "score": item.score,
        "cold_probability": (item.reason or {}).get("cold_probability"),
        "marks": {"relevant": n_rel, "not_relevant": len(marks) - n_rel, "needed_each": MIN_EACH},
        "reason": (item.reason or {}).get("text", ""), "features": [], "model": "kallstart"}
    model = train_from_store(store, group)
    if model is not None:
        ex = example(item)
        out |= {"model": "inlärd", "learned": round(model.probability(ex), 4),
                "features": [{"feature": f, "weight": w} for f, w in model.explain(ex, k)]}
    else:
        reason = item.reason or {}
        out["features"] = [{"feature": name, "weight": reason.get(key)}
                           for name, key in (("bevakningsområdenas termer", "lexical"),
                                             ("likhet med MSV:s egna texter", "profile"))
                           if reason.get(key) is not None]
    return out
