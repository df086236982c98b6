"""Fit the link model of ``assistant/records/linking.py`` on the development links, and choose its
threshold: every (earlier, later) pair of development decisions that may be linked is a case, a
gold link a positive. Prints the weights and the threshold to copy into ``linking.py``; the
held-out links are never read here.

    PYTHONPATH=. .venv/bin/python -m evals.decisions.fit_links [--cv]"""

from __future__ import annotations

import sys

import numpy as np

from assistant.records.decisions import DECISION_KINDS
from assistant.records.linking import FEATURES, LinkContext
from assistant.records.threads import candidate_pairs, pair_features
from evals.decisions.evaluate import extract_file
from evals.decisions.samples import DATA, all_meetings, ensure_samples
from evals.decisions.threads_eval import GOLD_THREADS, _resolve, evaluate_threads, gold_links


def cases(files: set[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Every candidate pair among the development meetings (or those named in ``files``) and its label."""
    ensure_samples()
    decisions = {m.file: [d for d in extract_file(DATA / m.file) if d.kind in DECISION_KINDS] for m in all_meetings()
                 if files is None or m.file in files}
    every = [d for ds in decisions.values() for d in ds]
    gold = set()
    for a, b in gold_links(GOLD_THREADS):
        gold |= {frozenset((x.id, y.id)) for x in _resolve(a, decisions) for y in _resolve(b, decisions)}
    ctx = LinkContext.of(every)
    rows, labels = [], []
    for a, b in candidate_pairs(every):
        rows.append(pair_features(a, b, ctx)[0])
        labels.append(1.0 if frozenset((a.id, b.id)) in gold else 0.0)
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 20000, rate: float = 0.5) -> np.ndarray:
    """Logistic regression, positives weighted up to balance the classes, a light L2 penalty."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    weight = np.where(y > 0, (len(y) - y.sum()) / max(y.sum(), 1), 1.0)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ ((p - y) * weight) / weight.sum() + l2 * np.r_[w[:-1], 0]
        w -= rate * grad
    return w


def folds() -> list[list[str]]:
    """The development sets, one fold each: the first samples and thread_samples, thread_samples2, thread_samples3."""
    from evals.decisions.thread_samples2 import THREAD_MEETINGS_2
    from evals.decisions.thread_samples3 import THREAD_MEETINGS_3

    later = [[m.file for m in THREAD_MEETINGS_2], [m.file for m in THREAD_MEETINGS_3]]
    taken = {f for fold in later for f in fold}
    return [[m.file for m in all_meetings() if m.file not in taken], *later]


def cross_validate(thresholds: tuple[float, ...] = (0.5, 0.55, 0.6, 0.65, 0.7)) -> None:
    """Leave one development set out: fit on the others, link and score the one left out."""
    sets = folds()
    totals = {t: [0, 0, 0, 0] for t in thresholds}  # right predicted, predicted, matched gold, gold
    for i, fold in enumerate(sets):
        x, y = cases({f for j, s in enumerate(sets) if j != i for f in s})
        weights = tuple(round(float(v), 2) for v in fit(x, y))
        for t in thresholds:
            s = evaluate_threads(files=[DATA / f for f in fold], threshold=t, weights=weights)
            tot = totals[t]
            tot[0] += round(s.precision * s.predicted)
            tot[1] += s.predicted
            tot[2] += s.matched
            tot[3] += s.gold
    for t, (right, pred, matched, gold) in totals.items():
        p, r = right / max(pred, 1), matched / max(gold, 1)
        print(f"cross-validated, threshold {t:.2f}: precision {p:.3f} recall {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")


def main() -> None:
    if "--cv" in sys.argv:
        cross_validate()
    x, y = cases()
    w = fit(x, y)
    print(f"{len(y)} pairs, {int(y.sum())} gold links")
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in w) + ")  # " + ", ".join(FEATURES) + ", intercept")
    weights = tuple(round(float(v), 2) for v in w)
    for t in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        s = evaluate_threads(threshold=t, weights=weights)
        f1 = 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0.0
        print(f"threshold {t:.2f}: precision {s.precision:.3f} recall {s.recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
