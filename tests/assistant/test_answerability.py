"""The learned second opinion on the soft gates (assistant/answers/answerability.py): it may answer
a question the soft gates refuse, or refuse one they pass, but never overrules a hard check (on
passages written for the test)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from assistant.answers.answerability import FEATURES, AnswerabilityModel, lead_of, load_answerability
from assistant.answers.extractive import LEAD_CANDIDATES, ExtractiveEngine
from assistant.answers.question import analyse
from assistant.answers.subject import subjects, unnamed_per_hit
from ingest.search import Hit


def _hit(text: str, title: str) -> Hit:
    return Hit(rank=1, score=1.0, doc_id="d1", title=title, source="https://example.org/d1", kind="pressmeddelande",
               agency="", date="2025-03-01", section="", page=None, text=text)


def _model(intercept: float, *, answer_at: float = 1.1, refuse_below: float = 0.0) -> AnswerabilityModel:
    n = len(FEATURES)
    return AnswerabilityModel(np.zeros(n), np.ones(n), np.zeros(n), intercept, answer_at, refuse_below)


HITS = [_hit("Kiruna folkhögskola erbjuder kurser i samiska språket och duodji för vuxna. "
             "Kurserna pågår i tolv veckor och är avgiftsfria för deltagarna.", "Kurser vid Kiruna folkhögskola")]
# Asked in other words than the passage's: most of its nouns are not the passage's.
PARAPHRASE = "Vilka utbildningar i urfolkets tungomål och hantverk ger Kiruna folkhögskola?"
GATED = "Vilka kurser erbjuder Kiruna folkhögskola?"
# The same kind of question about a school the passage does not name: a hard check refuses it.
OTHER_SUBJECT = "Vilka kurser erbjuder Jokkmokks folkhögskola?"


def test_the_soft_gates_alone_refuse_a_paraphrase() -> None:
    engine = ExtractiveEngine(kb=None, answerability=False)  # type: ignore[arg-type]
    assert not engine.answer_from_hits(PARAPHRASE, HITS).grounded
    assert engine.answer_from_hits(GATED, HITS).grounded


def test_a_confident_model_answers_what_the_soft_gates_refuse() -> None:
    engine = ExtractiveEngine(kb=None, answerability=_model(5.0, answer_at=0.9))  # type: ignore[arg-type]
    a = engine.answer_from_hits(PARAPHRASE, HITS)
    assert a.grounded and "samiska" in a.answer
    # below its threshold it leaves the refusal as it was
    engine = ExtractiveEngine(kb=None, answerability=_model(0.0, answer_at=0.9))  # type: ignore[arg-type]
    assert not engine.answer_from_hits(PARAPHRASE, HITS).grounded


def test_the_model_never_overrules_a_subject_the_passage_does_not_name() -> None:
    engine = ExtractiveEngine(kb=None, answerability=_model(9.0, answer_at=0.5))  # type: ignore[arg-type]
    assert not engine.answer_from_hits(OTHER_SUBJECT, HITS).grounded


def test_a_doubtful_model_refuses_what_the_gates_pass() -> None:
    engine = ExtractiveEngine(kb=None, answerability=_model(-5.0, refuse_below=0.5))  # type: ignore[arg-type]
    assert not engine.answer_from_hits(GATED, HITS).grounded
    engine = ExtractiveEngine(kb=None, answerability=_model(-5.0, refuse_below=0.0))  # type: ignore[arg-type]
    assert engine.answer_from_hits(GATED, HITS).grounded


@pytest.mark.parametrize(("question", "gated"), [(GATED, True), (PARAPHRASE, False)])
def test_the_lead_is_measured_whether_or_not_the_gates_pass_it(question: str, gated: bool) -> None:
    engine = ExtractiveEngine(kb=None, answerability=False)  # type: ignore[arg-type]
    info = analyse(question)
    ranked = engine.rank_units(info, HITS)
    about = subjects(question)
    lead = lead_of(engine, info, ranked, HITS, unnamed_per_hit(about, HITS), about, LEAD_CANDIDATES)
    assert lead is not None and lead.gated is gated
    assert len(lead.features) == len(FEATURES) and all(np.isfinite(lead.features))


def test_a_fitted_model_is_read_and_one_of_other_features_refused(tmp_path) -> None:
    n = len(FEATURES)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"features": list(FEATURES), "mean": [0] * n, "scale": [1] * n, "coef": [0] * n,
                                "intercept": 2.0, "answer_at": 0.8, "refuse_below": 0.1}), encoding="utf-8")
    model = load_answerability(good)
    assert model is not None and model.answer_at == 0.8 and model.refuse_below == 0.1
    assert model.probability(tuple([0.0] * n)) == pytest.approx(1 / (1 + math.exp(-2.0)))
    bad = tmp_path / "bad.json"
    bad.write_text('{"features": ["p"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0}', encoding="utf-8")
    with pytest.raises(ValueError, match="fit_answerability"):
        load_answerability(bad)
    assert load_answerability(tmp_path / "absent.json") is None  # the gates decide alone
