"""Fit the link model of ``assistant/records/linking.py`` on the development links, and choose its
threshold: every (earlier, later) pair of development decisions that may be linked is a case, a
gold link a positive. Prints the weights and the threshold to copy into ``linking.py``; the
held-out links are never read here.

The development sets are the generated samples (``samples.py``, ``thread_samples*.py``, links in
``gold_threads.jsonl``), ``dev4/`` … ``dev7/`` (real files and their own gold, in the held-out folder's
format); ``--cv`` fits on all sets but one and links the one left out, for each set and each L2
strength, and chooses the L2 strength and the threshold by the pooled leave-one-set-out F1 (the
most regularised within one standard error of the best; the figures on all sets at once are
printed too, but they score sets the weights were fitted on).

    PYTHONPATH=. .venv/bin/python -m evals.decisions.fit_links [--cv]"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from assistant.records.decisions import DECISION_KINDS
from assistant.records.link_pass import candidate_pairs
from assistant.records.linking import FEATURES, LinkContext
from assistant.records.pairs import pair_features
from evals.decisions.questions_eval import minutes_in
from evals.decisions.samples import DATA, all_meetings, ensure_samples
from evals.decisions.threads_eval import DEV_SETS, GOLD_THREADS, _extracted, _resolve, evaluate_threads, gold_links

Fold = tuple[Path, list[Path]]  # (gold links, the meetings they link)


def folds() -> list[Fold]:
    """The development sets, one fold each: the first samples and thread_samples,
    thread_samples2, thread_samples3, and dev4 … dev16 when they are there."""
    from evals.decisions.thread_samples2 import THREAD_MEETINGS_2
    from evals.decisions.thread_samples3 import THREAD_MEETINGS_3

    ensure_samples()
    later = [[m.file for m in THREAD_MEETINGS_2], [m.file for m in THREAD_MEETINGS_3]]
    taken = {f for fold in later for f in fold}
    first = [m.file for m in all_meetings() if m.file not in taken]
    out: list[Fold] = [(GOLD_THREADS, [DATA / f for f in names]) for names in (first, *later)]
    for folder, _ in DEV_SETS.values():  # dev4 … dev16: real files with their own gold
        if (folder / "gold_threads.jsonl").is_file():
            out.append((folder / "gold_threads.jsonl", minutes_in(folder)))
    return out


def cases(sets: list[Fold]) -> tuple[np.ndarray, np.ndarray]:
    """Every candidate pair among the meetings of each set (pairs within one set) and its label."""
    rows, labels = [], []
    for gold_path, files in sets:
        decisions = {f.name: [d for d in _extracted(f) if d.kind in DECISION_KINDS] for f in files}
        every = [d for ds in decisions.values() for d in ds]
        gold = set()
        for a, b in gold_links(gold_path):
            gold |= {frozenset((x.id, y.id)) for x in _resolve(a, decisions) for y in _resolve(b, decisions)}
        ctx = LinkContext.of(every)
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


def _score(sets: list[Fold], threshold: float, weights: tuple[float, ...]) -> tuple[int, int, int, int]:
    """Right predicted, predicted, matched gold, gold links, summed over ``sets`` (each linked alone)."""
    tot = [0, 0, 0, 0]
    for gold_path, files in sets:
        s = evaluate_threads(gold_path, files=files, threshold=threshold, weights=weights)
        tot[0] += round(s.precision * s.predicted)
        tot[1] += s.predicted
        tot[2] += s.matched
        tot[3] += s.gold
    return tot[0], tot[1], tot[2], tot[3]


def _line(label: str, right: int, pred: int, matched: int, gold: int) -> str:
    p, r = right / max(pred, 1), matched / max(gold, 1)
    return f"{label}: precision {p:.3f} recall {r:.3f} F1 {_f1(right, pred, matched, gold):.3f}"


def _f1(right: int, pred: int, matched: int, gold: int) -> float:
    p, r = right / max(pred, 1), matched / max(gold, 1)
    return 2 * p * r / max(p + r, 1e-9)


THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
PENALTIES = (0.001, 0.003, 0.01, 0.03, 0.1)  # the L2 strengths tried


def cross_validate(thresholds: tuple[float, ...] = THRESHOLDS, penalties: tuple[float, ...] = PENALTIES,
                   ) -> tuple[float, float]:
    """Leave one development set out: for each L2 strength, fit on the other sets, link and score the
    one left out at each threshold. Returned: the strongest L2 whose pooled F1 is within one
    standard error (over the left-out sets) of the best, at its most precise threshold within it.
    Its per-set figures and the weights of each fold are printed (a feature whose sign changes
    between folds does not carry over from set to set)."""
    sets = folds()
    names = [_name(s) for s in sets]
    per: dict[tuple[float, float], list[tuple[int, int, int, int]]] = {}
    fold_weights: dict[float, list[tuple[float, ...]]] = {}
    each = [cases([s]) for s in sets]  # a set's pairs do not depend on the other sets
    for l2 in penalties:
        for i, fold in enumerate(sets):
            x = np.vstack([c[0] for j, c in enumerate(each) if j != i])
            y = np.concatenate([c[1] for j, c in enumerate(each) if j != i])
            weights = tuple(round(float(v), 2) for v in fit(x, y, l2=l2))
            fold_weights.setdefault(l2, []).append(weights)
            for t in thresholds:
                per.setdefault((l2, t), []).append(_score([fold], t, weights))
    pooled = {k: tuple(sum(col) for col in zip(*v, strict=True)) for k, v in per.items()}
    for (l2, t), tot in pooled.items():
        print(_line(f"cross-validated, L2 {l2:g}, threshold {t:.2f}", *tot))  # type: ignore[misc]

    f1 = {k: _f1(*v) for k, v in pooled.items()}  # type: ignore[misc]
    top = max(f1, key=lambda k: f1[k])
    folds_f1 = np.array([_f1(*x) for x in per[top]])
    se = float(folds_f1.std(ddof=1) / np.sqrt(len(folds_f1))) if len(folds_f1) > 1 else 0.0
    # the most regularised model within one standard error of the best (as fit_ranker does), then
    # the threshold with the higher precision: the held-out set's weak side
    near = [k for k in f1 if f1[k] >= f1[top] - se]
    best = max(near, key=lambda k: (k[0], pooled[k][0] / max(pooled[k][1], 1), f1[k]))
    print(f"best pooled F1 {f1[top]:.3f} (L2 {top[0]:g}, threshold {top[1]:.2f}); standard error over the sets {se:.3f}")
    print(_line(f"chosen by leave-one-set-out: L2 {best[0]:g}, threshold {best[1]:.2f}", *pooled[best]))  # type: ignore[misc]
    for name, tot in zip(names, per[best], strict=True):
        print("  " + _line(f"{name} (fitted on the others)", *tot))
    ws = np.array(fold_weights[best[0]])
    flips = [f for k, f in enumerate(FEATURES) if (ws[:, k] > 0.05).any() and (ws[:, k] < -0.05).any()]
    print("  weights per fold (min … max): " + ", ".join(
        f"{f} {ws[:, k].min():.2f}…{ws[:, k].max():.2f}" for k, f in enumerate(FEATURES)))
    print("  sign changes between folds: " + (", ".join(flips) or "none"))
    return best


def _name(fold: Fold) -> str:
    gold_path, files = fold
    return gold_path.parent.name if gold_path.parent.name.startswith("dev") else f"samples from {files[0].name[:10]}"


def main() -> None:
    l2, chosen = 0.01, None
    if "--cv" in sys.argv:
        l2, chosen = cross_validate()
    sets = folds()
    x, y = cases(sets)
    w = fit(x, y, l2=l2)
    print(f"{len(y)} pairs, {int(y.sum())} gold links in {len(sets)} sets; L2 {l2:g}")
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in w) + ")  # " + ", ".join(FEATURES) + ", intercept")
    if chosen is not None:
        print(f"THRESHOLD = {chosen:.2f}  # chosen by leave-one-set-out F1")
    weights = tuple(round(float(v), 2) for v in w)
    for t in THRESHOLDS:
        print(_line(f"fitted on all sets, threshold {t:.2f}", *_score(sets, t, weights)))


if __name__ == "__main__":
    main()
