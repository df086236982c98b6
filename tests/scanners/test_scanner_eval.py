"""A floor on the scanner eval (the scorecard itself is `python -m evals.scanner`)."""

from __future__ import annotations

from scanner_fixtures import CORPUS

from evals.scanner import evaluate, load_labels


def test_labelled_set_is_large_enough_with_reasons() -> None:
    rows = load_labels()
    assert len(rows) >= 150
    assert all(set(r) >= {"url", "relevant", "reason"} and r["reason"] for r in rows)
    assert len({r["url"] for r in rows}) == len(rows)


def test_precision_and_recall_floor() -> None:
    score = evaluate(corpus=CORPUS)
    assert score.precision_at_10 >= 0.9, score.lines()
    assert score.recall >= 0.8, score.lines()
