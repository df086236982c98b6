"""The measurement of a learned answer-or-refuse decision (evals/fit_answerability.py): which question
files it reads (every development set, never a held-out one), the lead sentence it measures (on
passages written for the test), and the nested leave-one-set-out choice on rows made up here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import evals.fit_answerability as fa
from assistant.answers.candidates import rank_units
from assistant.answers.extractive import LEAD_CANDIDATES, ExtractiveEngine
from assistant.answers.question import analyse
from assistant.answers.subject import subjects, unnamed_per_hit
from ingest.search import Hit


def _hit(text: str, title: str) -> Hit:
    return Hit(rank=1, score=1.0, doc_id="d1", title=title, source="https://example.org/d1", kind="pressmeddelande",
               agency="", date="2025-03-01", section="", page=None, text=text)


HITS = [_hit("Kiruna folkhögskola erbjuder kurser i samiska språket och duodji för vuxna. "
             "Kurserna pågår i tolv veckor och är avgiftsfria för deltagarna.", "Kurser vid Kiruna folkhögskola")]
GATED = "Vilka kurser erbjuder Kiruna folkhögskola?"
# Asked in other words than the passage's: most of its nouns are not the passage's, so a soft gate refuses.
PARAPHRASE = "Vilka utbildningar i urfolkets tungomål och hantverk ger Kiruna folkhögskola?"
# The same kind of question about a school the passage does not name: a hard check refuses every sentence.
OTHER_SUBJECT = "Vilka kurser erbjuder Jokkmokks folkhögskola?"


@pytest.mark.parametrize(("question", "gated"), [(GATED, True), (PARAPHRASE, False), (OTHER_SUBJECT, None)])
def test_the_lead_is_measured_whether_or_not_the_soft_gates_pass_it(question: str, gated: bool | None) -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    assert engine.answer_from_hits(question, HITS).grounded is bool(gated)  # the engine decides by its gates alone
    info = analyse(question)
    about = subjects(question)
    ranked = rank_units(info, HITS, synonyms=engine.synonyms, model=engine.model)
    lead = fa.lead_of(engine, info, ranked, HITS, unnamed_per_hit(about, HITS), about, LEAD_CANDIDATES)
    if gated is None:
        assert lead is None  # no lead the hard checks pass: nothing a model could overturn
        return
    assert lead is not None and lead.gated is gated
    assert len(lead.features) == len(fa.FEATURES) and all(np.isfinite(lead.features))


def test_reads_every_development_set_and_never_a_heldout_one(tmp_path: Path) -> None:
    q = {"question": "Fråga?", "answerable": False, "facts": [], "doc": None}
    for name in ("answers", "answers_dev12", "answers_heldout"):
        (tmp_path / f"{name}.jsonl").write_text(json.dumps({**q, "id": name}) + "\n", encoding="utf-8")
    assert sorted(r["set"] for r in fa.dev_questions(tmp_path)) == ["answers", "answers_dev12"]


def _row(i: int, s: str, answerable: bool, x: float, *, gated: bool) -> dict[str, Any]:
    features = [0.0] * len(fa.FEATURES)
    features[0] = x
    return {"id": f"{s}-{i}", "set": s, "answerable": answerable, "grounded": gated, "facts": 1,
            "facts_hit": int(answerable and gated), "wrong_subject": gated and not answerable,
            "lead": {"features": features, "gated": gated, "facts_in": int(answerable), "gold_doc": answerable}}


def _sets(separable: bool, rng: np.random.Generator) -> list[dict[str, Any]]:
    """Four sets of leads the soft gates refuse plus some they pass; with ``separable`` the first
    feature tells answerable from not, otherwise every lead looks the same."""
    rows = []
    for s in ("a", "b", "c", "d"):
        for i in range(24):
            answerable = i % 2 == 0
            x = (1.0 if answerable else -1.0) + 0.2 * rng.standard_normal() if separable else 0.5
            rows.append(_row(i, s, answerable, x, gated=i >= 16))
    return rows


def test_nested_leave_one_set_out_finds_a_feature_that_separates() -> None:
    per_set = fa.nested(_sets(True, np.random.default_rng(1)))
    assert set(per_set) == {"a", "b", "c", "d"}
    assert fa.net(list(per_set.values())) > 0  # refusals overturned, chosen without the scored set
    assert all(v["au"] <= 0 for v in per_set.values())


def test_nested_leave_one_set_out_keeps_the_gates_when_the_features_tell_nothing() -> None:
    # answering every refused lead saves as many false refusals as it adds wrong-subject answers: no gain
    per_set = fa.nested(_sets(False, np.random.default_rng(2)))
    assert all(v["chosen"]["C"] is None for v in per_set.values())
    assert fa.net(list(per_set.values())) == 0 and all(v["au"] == 0 and v["fr"] == 0 for v in per_set.values())
