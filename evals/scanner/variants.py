"""`python -m evals.scanner.variants`: the learned model's settings against the shipped ones, on
development labels only.

Each variant is `scanners.learned.train` with one setting changed (C, min_df, class weights,
bigrams of adjacent stemmed words, the kind of page as a feature, the marks it learns from); it is
scored on the rolling origins of `ranking` and compared with the shipped model by the paired
bootstrap (`ranking.compare`), with all marks and with the 100 and 300 most recent ones. With
`--families`, other model families on the same features instead (`FAMILIES`, `families.py`: NB-weighted
logistic regression, NBSVM, Complement Naive Bayes, a linear SVM, and the shipped model averaged
with one of them). Stemmed words are computed once per page, so a run of every variant takes minutes."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from evals.scanner.ranking import Ranker, build, compare, run


@dataclass(frozen=True)
class Variant:
    """The learned model's settings; the defaults are the shipped ones (`scanners.learned`)."""

    name: str = "shipped"
    c: float | None = None  # None: scanners.learned.C
    min_df: int = 2
    class_weight: str | dict | None = "balanced"
    bigrams: bool = False  # adjacent stemmed words of title and body as features too
    kind: bool = False  # the kind of page (press release, assignment) as a feature
    drop: frozenset[str] = frozenset()  # urls never used as marks
    min_each: int | None = None  # marks of each kind before a model is trained; None: the app's
    family: str = "lr"  # the estimator (`evals.scanner.families.estimator`): lr, nblr, nbsvm, cnb, svm
    blend: str | None = None  # "probability" or "rank": the shipped model averaged with `family`'s


_WORDS: dict[str, list[str]] = {}


def _words(row: dict) -> list[str]:
    from scanners.learned import item_words

    key = row.get("url") or f"{row['title']}\n{row['text'][:200]}"
    if key not in _WORDS:
        _WORDS[key] = item_words(row["title"], row["text"])
    return _WORDS[key]


def _tokens(row: dict, v: Variant) -> list[str]:
    words = _words(row)
    if not v.bigrams:
        return words
    body = [w for w in words if not w.startswith("rubrik:")]
    return words + [f"{a}_{b}" for a, b in zip(body, body[1:], strict=False)]


def fit(v: Variant) -> Ranker:
    """A ranker that trains `scanners.learned.train`'s model with the variant's settings on the
    older rows and returns the newer rows' probabilities (the cold start when there are too few
    marks of either kind, as the app does)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer

    from evals.scanner.families import estimator
    from scanners.learned import COLD_CLIP, MIN_EACH, C

    if v.blend:
        return blend(fit(Variant(min_each=v.min_each, drop=v.drop)), fit(replace(v, blend=None)), v.blend)

    def x(vectorizer: TfidfVectorizer, rows: Sequence[dict]):  # noqa: ANN202 - a sparse matrix
        p = np.clip(np.array([r["cold"] for r in rows], dtype=float), COLD_CLIP, 1 - COLD_CLIP)
        cols = [vectorizer.transform([_tokens(r, v) for r in rows]),
                csr_matrix(np.log(p / (1 - p)).reshape(-1, 1))]
        if v.kind:
            cols.append(csr_matrix(np.array([[float(r.get("kind") == "regeringsuppdrag")] for r in rows])))
        return hstack(cols).tocsr()

    def ranker(older: list[dict], newer: list[dict]) -> Sequence[float]:
        marks = [r for r in older if r["url"] not in v.drop]
        y = np.array([bool(r["relevant"]) for r in marks], dtype=int)
        least = MIN_EACH if v.min_each is None else v.min_each
        if y.sum() < least or len(y) - y.sum() < least:
            return [r["cold"] for r in newer]
        vectorizer = TfidfVectorizer(analyzer=lambda words: words, min_df=v.min_df, sublinear_tf=True)
        vectorizer.fit([_tokens(r, v) for r in marks])
        base = estimator(v.family, C if v.c is None else v.c, v.class_weight)
        model = CalibratedClassifierCV(base, method="sigmoid", cv=3, ensemble=False)
        model.fit(x(vectorizer, marks), y)
        return [float(p) for p in model.predict_proba(x(vectorizer, newer))[:, 1]]

    return ranker


def blend(a: Ranker, b: Ranker, how: str) -> Ranker:
    """The mean of two rankers' probabilities, or of their ranks among the pages scored (scaled
    to [0, 1])."""
    from scipy.stats import rankdata

    def both(older: list[dict], newer: list[dict]) -> Sequence[float]:
        pa, pb = np.asarray(a(older, newer), dtype=float), np.asarray(b(older, newer), dtype=float)
        if how == "rank":
            pa, pb = rankdata(pa) / len(pa), rankdata(pb) / len(pb)
        return [float(p) for p in (pa + pb) / 2]
    return both


def recent(ranker: Ranker, n: int) -> Ranker:
    """The same ranker trained on the `n` most recent older rows only (fewer marks)."""
    def fewer(older: list[dict], newer: list[dict]) -> Sequence[float]:
        return ranker(sorted(older, key=lambda r: r["month"])[-n:], newer)
    return fewer


FEWER_MIN_EACH = 10  # the 100 most recent marks hold 9-16 relevant ones, short of the app's 30


def check(v: Variant, rows: list[dict], shipped: Variant = Variant(),
          fewer: Sequence[int] = (100, 300)) -> dict[str, list[tuple[float, float, float]]]:
    """The variant's figures and its gain over the shipped model with all marks and with the
    `fewer` most recent ones (ΔAP per origin with its 90 % interval); with fewer marks a model is
    trained from `FEWER_MIN_EACH` marks of each kind, so that the setting is seen at all."""
    run(v.name, fit(v), rows)
    out = {"all": compare(f"  {v.name} vs shipped", fit(v), fit(shipped), rows)}
    for n in fewer:
        out[str(n)] = compare(f"  {v.name} vs shipped, {n} most recent marks",
                              recent(fit(replace(v, min_each=FEWER_MIN_EACH)), n),
                              recent(fit(replace(shipped, min_each=FEWER_MIN_EACH)), n), rows)
    return out


def verdict(gains: dict[str, list[tuple[float, float, float]]]) -> bool:
    """Kept only when the interval against the shipped model is above zero on at least two
    origins and clearly below on none, and it does not lose with fewer marks."""
    allm = gains["all"]
    above = sum(lo > 0 for _d, lo, _hi in allm)
    below = any(hi < 0 for _d, _lo, hi in allm)
    fewer_ok = all(np.mean([d for d, _lo, _hi in g]) >= 0 for k, g in gains.items() if k != "all")
    return above >= 2 and not below and fewer_ok


VARIANTS = (  # the short list of the eleventh pass (evals/README.md), one run each
    Variant("bigrams of adjacent stemmed words", bigrams=True),
    Variant("C 128", c=128.0),
    Variant("C 256", c=256.0),
    Variant("min_df 1", min_df=1),
    Variant("min_df 3", min_df=3),
    Variant("kind of page as a feature", kind=True),
    Variant("no class weights", class_weight=None),
    Variant("class weights 1:2 (relevant:other)", class_weight={1: 2.0, 0: 1.0}),
)


FAMILIES = (  # other model families than logistic regression (session 17, issue-12k), one run each
    Variant("NB-weighted logistic regression, C 8", family="nblr", c=8.0),
    Variant("NB-weighted logistic regression, C 16", family="nblr", c=16.0),
    Variant("NB-weighted logistic regression, C 64", family="nblr"),
    Variant("NBSVM (binary words, linear SVM), C 1", family="nbsvm", c=1.0),
    Variant("Complement Naive Bayes stacked with the cold start", family="cnb"),
    Variant("linear SVM, calibrated, C 0.3", family="svm", c=0.3),
    Variant("linear SVM, calibrated, C 1", family="svm", c=1.0),
    Variant("shipped and NB-LR C 8, probability average", family="nblr", c=8.0, blend="probability"),
    Variant("shipped and NB-LR C 8, rank average", family="nblr", c=8.0, blend="rank"),
    Variant("shipped and linear SVM C 0.3, probability average", family="svm", c=0.3, blend="probability"),
)


if __name__ == "__main__":
    import sys

    from evals.scanner.evaluate import DEV_MARKS, load_labels

    logging.basicConfig(level=logging.WARNING)
    data = build()
    run("cold start", lambda _o, n: [r["cold"] for r in n], data)
    run("shipped", fit(Variant()), data)
    compare("  shipped vs the cold start", fit(Variant()), lambda _o, n: [r["cold"] for r in n], data)
    for n in (100, 300):
        run(f"shipped, {n} most recent marks", recent(fit(Variant(min_each=FEWER_MIN_EACH)), n), data)
    listed = FAMILIES if "--families" in sys.argv[1:] else VARIANTS
    picked = [int(a) for a in sys.argv[1:] if a.isdigit()] or range(len(listed))
    for i in picked:
        gains = check(listed[i], data)
        print(f"  -> {'keep' if verdict(gains) else 'not kept'}")
    if "--without-v5" in sys.argv[1:]:
        v5 = frozenset(r["url"] for r in load_labels(DEV_MARKS[-1]))
        check(replace(Variant(), name="shipped without the v5 marks", drop=v5), data, fewer=())
