"""`python -m evals.scanner.calibrate`: the cold start's two calibration numbers and the digest
threshold, from the development labels only (the held-out part is scored with the rest, as the
app's stream would hold it, but never read).

Calibration: a logistic over the cold-start blend, fitted on the development split of
``labels_heldout.jsonl``; refitted on its older months it is checked on its newer ones. Threshold:
the highest at which both the cold start (every development page) and the model learned from older
marks (the newer development months of three rolling origins, counts summed) still find at least
`TARGET_RECALL` of the relevant pages: a digest is for not missing what matters (issue 12's first
target is recall 0.85), and the reader skims what it adds. The F1 column is printed alongside.
What was shipped, and why, is in evals/README.md."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

from evals.scanner.evaluate import Scored, score_labels

THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(3, 61))
TARGET_RECALL = 0.85
# Rolling origins within development: marks before each month train, later development pages test.
CUTS = ((2024, 1), (2024, 7), (2025, 1))


def fit_calibration(raw: Sequence[float], labels: Sequence[bool]) -> tuple[float, float]:
    """(a, b) of P(relevant) = 1 / (1 + exp(-(a·blend + b))), by maximum likelihood."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1e4).fit(np.array(raw).reshape(-1, 1), [bool(y) for y in labels])
    return round(float(model.coef_[0][0]), 1), round(float(model.intercept_[0]), 1)


def counts(probs: Sequence[float], labels: Sequence[bool], threshold: float) -> tuple[int, int, int]:
    """(relevant shown, shown, relevant) at `threshold`."""
    shown = [y for p, y in zip(probs, labels, strict=True) if p >= threshold]
    return sum(shown), len(shown), sum(labels)


def f1(hits: int, shown: int, relevant: int) -> float:
    return 2 * hits / (shown + relevant) if shown + relevant else 0.0


def report(s: Scored) -> list[str]:
    dev = s.dev
    y = [bool(r["relevant"]) for r in dev]
    a, b = fit_calibration([s.raw[r["url"]] for r in dev], y)
    out = [f"calibration on all {len(dev)} development pages: ({a}, {b})"]
    tally = {t: [0, 0, 0, 0, 0, 0] for t in THRESHOLDS}
    dev_cold = [s.cold[r["url"]] for r in dev]
    for cut in CUTS:
        older = [r for r in dev if s.month(r) < cut]
        newer = [r for r in dev if s.month(r) >= cut]
        y_new = [bool(r["relevant"]) for r in newer]
        oa, ob = fit_calibration([s.raw[r["url"]] for r in older],
                                 [bool(r["relevant"]) for r in older])
        refit = [1 / (1 + math.exp(-(oa * s.raw[r["url"]] + ob))) for r in newer]
        _, learned = s.learned([r for r in s.pool if s.month(r) < cut], newer)
        cold = [s.cold[r["url"]] for r in newer]
        out.append(f"from {cut[0]}-{cut[1]:02d}: calibration refitted on the older {len(older)} "
                   f"({oa}, {ob}); on the newer {len(newer)} mean probability refitted "
                   f"{sum(refit) / len(refit):.3f}, shipped {sum(cold) / len(cold):.3f}, learned "
                   f"{sum(learned) / len(learned):.3f}; share relevant {sum(y_new) / len(y_new):.3f}")
        for t in THRESHOLDS:
            tally[t] = [x + n for x, n in zip(tally[t], [*counts(cold, y_new, t),
                                                         *counts(learned, y_new, t)], strict=True)]
    out.append("threshold  cold start, all development (hits/shown/relevant, F1)  learned from older "
               "marks, newer months  mean F1 (newer months)")
    best, chosen = (0.0, 0.0), None
    for t, n in tally.items():
        c, m, a = n[:3], n[3:], counts(dev_cold, y, t)
        mean = (f1(*c) + f1(*m)) / 2
        best = max(best, (round(mean, 3), -t))
        if a[0] >= TARGET_RECALL * a[2] and m[0] >= TARGET_RECALL * m[2]:
            chosen = t
        out.append(f"  {t:.2f}     {a[0]}/{a[1]}/{a[2]} {f1(*a):.3f}"
                   f"          {m[0]}/{m[1]}/{m[2]} {f1(*m):.3f}          {mean:.3f}")
    out.append(f"threshold with the highest mean F1 (the lower on a tie): {-best[1]:.2f}")
    out.append(f"highest threshold with recall >= {TARGET_RECALL} for both (shipped as the default): "
               + (f"{chosen:.2f}" if chosen is not None else "none"))
    return out


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    print("\n".join(report(score_labels())))
