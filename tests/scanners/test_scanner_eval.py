"""A floor on the scanner eval (the scorecard itself is `msv eval scanner`): development figures
only; the held-out part is reported by the scorecard, never asserted case by case."""

from __future__ import annotations

from scanner_fixtures import CORPUS

from evals.scanner import evaluate, load_labels
from evals.scanner.evaluate import TIME_SPLIT


def test_labelled_sets_are_large_enough_with_reasons() -> None:
    rows = load_labels()
    assert len(rows) >= 150
    assert all(set(r) >= {"url", "relevant", "reason"} and r["reason"] for r in rows)
    assert len({r["url"] for r in rows}) == len(rows)
    split = load_labels(TIME_SPLIT)
    assert len(split) >= 500 and {r["split"] for r in split} == {"dev", "heldout"}


def test_precision_and_recall_floor() -> None:
    score = evaluate(corpus=CORPUS)
    cold, learned = score.development
    # the digest threshold is chosen on development for recall (evals.scanner.calibrate)
    assert cold.precision_at_10 >= 0.8 and cold.recall >= 0.8 and cold.precision >= 0.35, score.lines()
    assert learned.recall >= 0.85 and learned.precision >= 0.4 and learned.top_r_hits >= 28, score.lines()
    assert [f.marks for f in score.heldout[1:]] == [10, 30, 100, learned.marks]
    assert score.lines()[2].startswith("HELD-OUT")
    assert all(0 <= f.top_r_hits <= f.relevant for f in score.heldout + score.development)
    # within development, older marks against newer pages: the held-out situation, rehearsed
    cold_new, learned_new = score.time_split
    assert 0 < cold_new.n < cold.n and learned_new.marks > 0 and learned_new.n == cold_new.n
    assert any(line.startswith("DEVELOPMENT, TIME SPLIT") for line in score.lines())
    assert all(0 < f.mean_probability < 1 for f in score.development + score.time_split)
    assert set(score.to_json()) == {"threshold", "heldout", "development", "time_split"}
