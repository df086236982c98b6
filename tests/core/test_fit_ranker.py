"""The fitting script of the second ranking stage (evals/fit_ranker.py): which question files it
learns from (every development set, never a held-out one) and how it chooses the regularisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import evals.fit_ranker as fit_ranker


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_learns_from_every_development_set_and_never_a_heldout_one(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "retrieval.jsonl", [{"id": "r1", "question": "Vem leder arbetet?", "expected": ["sekretariatet"]}])
    answerable = {"answerable": True, "facts": ["ett faktum"], "doc": "doc-a"}
    _write(tmp_path / "answers.jsonl", [{"id": "a1", "question": "Fråga ett?", **answerable},
                                        {"id": "a2", "question": "Obesvarbar?", "answerable": False, "facts": [], "doc": None}])
    _write(tmp_path / "answers_dev9.jsonl", [{"id": "d9", "question": "En ny uppsättning?", **answerable},
                                             {"id": "d9b", "question": "Utan dokument?", "answerable": True,
                                              "facts": ["x"], "doc": None}])
    _write(tmp_path / "answers_heldout.jsonl", [{"id": "h1", "question": "Hemlig?", **answerable}])
    monkeypatch.setattr(fit_ranker, "QUESTIONS", tmp_path)

    rows = fit_ranker.dev_questions()

    assert [r["id"] for r in rows] == ["r1", "a1", "d9"]
    assert rows[2]["expected"] == ["ett faktum"] and rows[2]["set"] == "answers"


@pytest.mark.parametrize(("results", "chosen"), [
    # the best C wins by less than its standard error: the most regularised model within it
    ([(0.01, 0.897, 0.012), (0.03, 0.899, 0.012), (0.1, 0.907, 0.012)], 0.01),
    # the best wins by more than its standard error: it is chosen
    ([(0.01, 0.850, 0.010), (0.03, 0.880, 0.010), (0.1, 0.900, 0.010)], 0.1),
    # a middle value within the error of the best, the smallest one outside it
    ([(0.01, 0.870, 0.010), (0.03, 0.895, 0.010), (0.1, 0.900, 0.010)], 0.03),
])
def test_simplest_model_within_one_standard_error(results: list[tuple[float, float, float]], chosen: float) -> None:
    cv = [(c, {"mrr@10": m, "mrr_se": se}) for c, m, se in results]
    assert fit_ranker.simplest_within_noise(cv)[0] == chosen


def test_figures_give_the_standard_error_of_the_mrr() -> None:
    f = fit_ranker.figures([1, 1, 2, None])  # reciprocal ranks 1, 1, 0.5, 0
    assert f["mrr@10"] == 0.625 and f["hit@1"] == 0.5 and f["hit@5"] == 0.75
    assert f["mrr_se"] == pytest.approx(0.239, abs=0.001)  # sample std 0.4787 / √4
    assert fit_ranker.figures([1, 1])["mrr_se"] == 0.0
