"""Model families other than the shipped logistic regression, for `evals.scanner.variants`:
NB-weighted logistic regression and NBSVM (Wang & Manning 2012, features scaled by the words'
log-count ratio), Complement Naive Bayes stacked with the cold start, and a linear SVM; each is
calibrated by `variants.fit` as the shipped model is. Every estimator sees the shipped feature
matrix: the words' tf-idf columns and, last, the cold start's log-odds."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin


class NBScale(BaseEstimator, TransformerMixin):
    """Each word column times its log-count ratio log((p/|p|) / (q/|q|)), p and q the column sums
    over the relevant and the other examples plus `alpha`; `binary` counts a word as present or
    not first (Wang & Manning). The last column (the cold start) passes unscaled."""

    def __init__(self, alpha: float = 1.0, binary: bool = False) -> None:
        self.alpha, self.binary = alpha, binary

    def _words(self, x: Any) -> Any:
        words = x[:, :-1]
        if self.binary:
            words = words.copy()
            words.data = np.ones_like(words.data)
        return words

    def fit(self, x: Any, y: Any) -> NBScale:
        words, y = self._words(x), np.asarray(y)
        p = np.asarray(words[y == 1].sum(axis=0)).ravel() + self.alpha
        q = np.asarray(words[y == 0].sum(axis=0)).ravel() + self.alpha
        self.r_ = np.log((p / p.sum()) / (q / q.sum()))
        return self

    def transform(self, x: Any) -> Any:
        from scipy.sparse import csr_matrix, diags, hstack

        scaled = self._words(x) @ diags(self.r_)
        return hstack([scaled, csr_matrix(x[:, -1:])]).tocsr()


class CNBScore(BaseEstimator, TransformerMixin):
    """Complement Naive Bayes on the word columns, reduced to one column (its log-odds for
    relevance) beside the cold start's: on the training marks the column is out of fold, so the
    logistic regression after it weighs the two as they hold on unseen pages."""

    def __init__(self, alpha: float = 1.0, folds: int = 5) -> None:
        self.alpha, self.folds = alpha, folds

    def _nb(self) -> Any:
        from sklearn.naive_bayes import ComplementNB

        return ComplementNB(alpha=self.alpha)

    @staticmethod
    def _score(nb: Any, words: Any) -> Any:
        jll = nb.predict_joint_log_proba(words) if hasattr(nb, "predict_joint_log_proba") \
            else nb._joint_log_likelihood(words)  # noqa: SLF001 - older scikit-learn
        return jll[:, 1] - jll[:, 0]

    def _stack(self, score: Any, x: Any) -> Any:
        from scipy.sparse import csr_matrix, hstack

        return hstack([csr_matrix(np.asarray(score).reshape(-1, 1)), csr_matrix(x[:, -1:])]).tocsr()

    def fit(self, x: Any, y: Any) -> CNBScore:
        self.nb_ = self._nb().fit(x[:, :-1], y)
        return self

    def transform(self, x: Any) -> Any:
        return self._stack(self._score(self.nb_, x[:, :-1]), x)

    def fit_transform(self, x: Any, y: Any = None, **_: Any) -> Any:
        from sklearn.model_selection import StratifiedKFold

        y = np.asarray(y)
        words, score = x[:, :-1], np.zeros(x.shape[0])
        for train, test in StratifiedKFold(self.folds, shuffle=True, random_state=0).split(words, y):
            score[test] = self._score(self._nb().fit(words[train], y[train]), words[test])
        self.fit(x, y)
        return self._stack(score, x)


def estimator(family: str, c: float, class_weight: Any) -> Any:
    """The uncalibrated estimator of a family on the shipped feature matrix."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    lr = LogisticRegression(C=c, class_weight=class_weight, max_iter=2000)
    if family == "lr":
        return lr
    if family == "nblr":
        return make_pipeline(NBScale(), lr)
    if family == "nbsvm":
        return make_pipeline(NBScale(binary=True),
                             LinearSVC(C=c, class_weight=class_weight, max_iter=20000))
    if family == "cnb":
        return make_pipeline(CNBScore(), lr)
    if family == "svm":
        return LinearSVC(C=c, class_weight=class_weight, max_iter=20000)
    raise ValueError(f"unknown family {family!r}")
