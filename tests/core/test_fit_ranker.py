"""The fitting script of the second ranking stage (evals/fit_ranker.py): which question files it
learns from (every development set, never a held-out one) and how it chooses the regularisation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
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
    assert [r["file"] for r in rows] == ["retrieval", "answers", "answers_dev9"]


# Ranks of the first relevant passage of ten questions under three values of C (0.01, 0.03, 0.1).
_SAME = [1, 1, 2, 1, 3, 1, 1, 2, 1, 1]
_ONE_BETTER = [1, 1, 1, 1, 4, 1, 1, 2, 1, 1]  # one question up from 2nd to 1st, one down from 3rd to 4th
_ALL_BETTER = [1] * 10


@pytest.mark.parametrize(("ranks", "chosen"), [
    # the best C wins by one question out of ten: noise, the most regularised model is kept
    ([_SAME, _SAME, _ONE_BETTER], 0.01),
    # the best wins on every question it changes, beyond the error of the difference: it is chosen
    ([[2] * 10, [2] * 10, _ALL_BETTER], 0.1),
    # a middle value equal to the best, the smallest one clearly worse
    ([[2] * 10, _ALL_BETTER, _ALL_BETTER], 0.03),
    # questions that stay unfound under every C do not hide a steady gain: the error is the paired
    # difference's (0.046 against a gain of 0.1), not the MRR's own (0.11)
    ([[None] * 8 + [1] * 8 + [2] * 4, [None] * 8 + [1] * 8 + [2] * 4, [None] * 8 + [1] * 12], 0.1),
])
def test_simplest_model_within_one_standard_error(ranks: list[list[int | None]], chosen: float) -> None:
    assert fit_ranker.simplest_within_noise(list(zip((0.01, 0.03, 0.1), ranks))) == chosen


def test_figures_give_the_standard_error_of_the_mrr() -> None:
    f = fit_ranker.figures([1, 1, 2, None])  # reciprocal ranks 1, 1, 0.5, 0
    assert f["mrr@10"] == 0.625 and f["hit@1"] == 0.5 and f["hit@5"] == 0.75
    assert f["mrr_se"] == pytest.approx(0.239, abs=0.001)  # sample std 0.4787 / √4
    assert fit_ranker.figures([1, 1])["mrr_se"] == 0.0


def test_cross_validation_scores_each_question_on_the_candidates_search_ranks() -> None:
    """Fitted on the deep candidate lists, scored on the served ones: here the served lists mark
    the passage the model likes least as relevant, so it must come last, not first."""
    rng = np.random.default_rng(0)
    col = fit_ranker.FEATURES.index("sparse")
    questions, data, served = [], [], []
    for q in range(20):
        x = rng.random((5, len(fit_ranker.FEATURES)))
        x[0, col] = 2.0  # the relevant passage of the deep list has by far the best BM25 score
        ids = [f"q{q}-c{i}" for i in range(5)]
        questions.append({"question": f"Fråga nummer {q}?"})
        data.append((x, np.asarray([True, False, False, False, False]), ids))
        served.append((x, np.asarray([i == int(np.argmin(x[:, col])) for i in range(5)]), ids))

    assert set(fit_ranker.cross_validate(data, questions, ("sparse",), 1.0)) == {1}
    assert set(fit_ranker.cross_validate(data, questions, ("sparse",), 1.0, served=served)) == {5}


def test_leave_one_set_out_never_trains_on_the_set_or_its_questions_asked_elsewhere() -> None:
    """Sets a and b ask the same ten questions and mark the passage with the best BM25 score as
    relevant; set c (five questions) the worst. Left out, a is scored by a model fitted on c alone
    (b's copies of its questions are left out with it), so its relevant passages come last; trained
    on b as well, ten questions against five would have put them first."""
    rng = np.random.default_rng(1)
    col = fit_ranker.FEATURES.index("sparse")
    questions, data = [], []
    for name, n, best in (("a", 10, True), ("b", 10, True), ("c", 5, False)):
        for q in range(n):
            x = rng.random((5, len(fit_ranker.FEATURES)))
            x[0, col] = 2.0 if best else -1.0
            questions.append({"question": f"Fråga {q if name != 'c' else 100 + q}?", "file": name})
            data.append((x, np.asarray([True, False, False, False, False]), [f"{name}{q}-c{i}" for i in range(5)]))

    by_set = fit_ranker.leave_one_set_out(data, questions, ("sparse",), 1.0, served=data)

    assert set(by_set["a"]) == {5} and set(by_set["b"]) == {5}
    assert set(by_set["c"]) == {5} and len(by_set["c"]) == 5


def _sets(informative: bool) -> tuple[list[dict[str, object]], list[tuple[np.ndarray, np.ndarray, list[str]]]]:
    """Thirty questions in three sets; the relevant passage (the first) has the best "coverage"
    and, when ``informative``, the best "heading" too, where coverage alone ties with a rival."""
    rng = np.random.default_rng(1)
    cov, head = fit_ranker.FEATURES.index("coverage"), fit_ranker.FEATURES.index("heading")
    questions, data = [], []
    for q in range(30):
        x = rng.random((5, len(fit_ranker.FEATURES))) * 0.1
        x[0, cov] = x[1, cov] = 1.0  # a tie on coverage...
        x[0, head] = 1.0 if informative else x[1, head]  # ...that the heading breaks, or not
        questions.append({"question": f"Fråga nummer {q}?", "file": f"set{q % 3}"})
        ids = [f"q{q}-c{i}" for i in (9, 0, 1, 2, 3)]  # the rival's id sorts first: it wins a tie
        data.append((x, np.asarray([True, False, False, False, False]), ids))
    return questions, data


@pytest.mark.parametrize(("informative", "gain_wanted"), [(True, 0.5), (False, 0.0)])
def test_an_ablation_shows_what_a_feature_adds_leaving_one_set_out(informative: bool, gain_wanted: float) -> None:
    questions, data = _sets(informative)
    names = ("coverage", "heading")
    by_set = fit_ranker.leave_one_set_out(data, questions, names, 0.1, data)
    gain, se, _, without = fit_ranker.ablate(data, questions, data, names, 0.1, by_set, "heading")
    assert set(without) == {"set0", "set1", "set2"}
    # Informative: every question's passage moves from second (the rival wins the tie) to first.
    assert gain == pytest.approx(gain_wanted) and se == pytest.approx(0.0)


def test_misses_are_ranked_out_of_sample_and_say_what_beat_the_relevant_passage() -> None:
    """Three sets: in two the relevant passage has the best BM25 score, in the third the worst. Each
    set is ranked by the model fitted on the others: the third set's questions are missed, and what
    beat them is named (the right document's other window, or another document by kind)."""
    col = fit_ranker.FEATURES.index("sparse")
    sets = ["a"] * 6 + ["c"] * 4 + ["b"] * 2
    questions, data, cands = [], [], []
    for q, name in enumerate(sets):
        x = np.zeros((3, len(fit_ranker.FEATURES)))
        x[:, col] = [0.9, 0.5, 0.1]
        flipped = name == "b"  # relevant passage last by BM25
        questions.append({"question": f"Fråga {q}?", "file": name})
        data.append((x, np.asarray([not flipped, False, flipped]), [f"q{q}-c{i}" for i in range(3)]))
        last = {"doc_id": "d1", "kind": "pressmeddelande"} if q == 10 else {"doc_id": "d3", "kind": "rapport"}
        cands.append([{"doc_id": "d1", "kind": "pressmeddelande", "title": "", "section": ""},
                      {"doc_id": "d2", "kind": "rapport", "title": "", "section": ""},
                      {**last, "title": "", "section": ""}])

    orders = fit_ranker.leave_one_set_out_orders(data, questions, ("sparse",), 1.0, data)

    assert [o[0] for o in orders] == [0] * 12  # every set's model puts the best BM25 score first
    assert fit_ranker.leave_one_set_out(data, questions, ("sparse",), 1.0, data) == {
        "a": [1] * 6, "b": [3, 3], "c": [1] * 4}
    assert fit_ranker.miss_kinds(data, orders, cands) == {"same document": 1, "pressmeddelande over rapport": 1}
