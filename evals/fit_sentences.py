"""Fit the extractive engine's sentence model (assistant/answers/sentence_rank.py) on the
DEVELOPMENT questions only and write it to assistant/answers/data/sentences.json.

    python evals/fit_sentences.py [--regeringen PATH] [--dry-run]

For every answerable one-part development question, the engine ranks the sentences of its
retrieved passages; a sentence is labelled as answering when it holds one of the question's
facts (after the evaluation's normalisation). The model is a logistic regression over the
standardised features; ``C`` is chosen by five-fold cross-validation by question (the share of
questions whose first sentence answers plus the share with an answering one among the first three,
since an answer is up to four sentences), which also
prints the honest development figures (top sentence answers; an answering sentence among the
first three) beside the hand-set order's. The held-out files are never read."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answers.candidates import rank_units  # noqa: E402
from assistant.answers.extractive import ExtractiveEngine  # noqa: E402
from assistant.answers.question import analyse, split_question  # noqa: E402
from assistant.answers.sentence_rank import FEATURES  # noqa: E402
from evals.retrieval import eval_kb, load_questions, norm  # noqa: E402
from ingest.glossary import is_english  # noqa: E402

QUESTIONS = ROOT / "evals" / "questions"
OUT = ROOT / "assistant" / "answers" / "data" / "sentences.json"
DEV_SETS = ("answers.jsonl", "answers_dev2.jsonl", "answers_dev3.jsonl", "answers_dev4.jsonl", "answers_dev5.jsonl",
            "answers_dev6.jsonl", "answers_dev8.jsonl")
FOLDS = 5


def dev_questions() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in DEV_SETS:
        path = QUESTIONS / name
        if path.exists():
            rows += [q for q in load_questions(path) if q.get("answerable") and q.get("facts")
                     and len(split_question(q["question"])) == 1]
    return rows


def collect(kb: Any, questions: list[dict[str, Any]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per question: the features of its ranked sentences and their labels (questions whose
    passages hold no answering sentence teach nothing about the order and are left out)."""
    engine = ExtractiveEngine(kb, sentence_model=None)
    out = []
    for q in questions:
        hits = kb.search(q["question"], engine.k)
        info = analyse(q["question"], english=is_english(q["question"]))
        units = rank_units(info, hits[: engine.k], synonyms=engine.synonyms, model=engine.model)
        if not units:
            continue
        facts = [norm(f) for f in q["facts"]]
        y = np.array([any(f in norm(u.text) for f in facts) for u in units], dtype=int)
        if y.any():
            out.append((np.array([u.features for u in units], dtype=float), y))
    return out


def order_figures(groups: list[tuple[np.ndarray, np.ndarray]], scores: list[np.ndarray]) -> dict[str, float]:
    top1 = top3 = 0
    for (_, y), s in zip(groups, scores):
        order = np.argsort(-s, kind="stable")
        top1 += int(y[order[0]])
        top3 += int(y[order[:3]].any())
    n = max(1, len(groups))
    return {"top1": round(top1 / n, 3), "top3": round(top3 / n, 3), "questions": len(groups)}


def fit(groups: list[tuple[np.ndarray, np.ndarray]], c: float) -> dict[str, Any]:
    x = np.vstack([g[0] for g in groups])
    y = np.concatenate([g[1] for g in groups])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit((x - mean) / scale, y)
    return {"features": list(FEATURES), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": model.coef_[0].round(6).tolist(), "intercept": round(float(model.intercept_[0]), 6), "C": c}


def cross_validate(groups: list[tuple[np.ndarray, np.ndarray]], c: float) -> dict[str, float]:
    scores: list[np.ndarray] = [np.zeros(0)] * len(groups)
    for k in range(FOLDS):
        train = [g for i, g in enumerate(groups) if i % FOLDS != k]
        d = fit(train, c)
        mean, scale, coef = (np.asarray(d[n]) for n in ("mean", "scale", "coef"))
        for i, g in enumerate(groups):
            if i % FOLDS == k:
                scores[i] = ((g[0] - mean) / scale) @ coef + d["intercept"]
    return order_figures(groups, scores)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regeringen", type=Path, default=ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    questions = dev_questions()
    with eval_kb(questions, corpus_dir=args.corpus, regeringen=args.regeringen, name="sentences",
                 log=lambda s: print(s, file=sys.stderr)) as kb:
        groups = collect(kb, questions)
    rule = order_figures(groups, [g[0][:, FEATURES.index("rule_score")] - 1e-9 * np.arange(len(g[1]))
                                  for g in groups])
    print(f"{len(questions)} questions, {len(groups)} with an answering sentence; hand-set order: {rule}")
    best_c, best = 0.0, {"top1": -1.0}
    for c in (0.01, 0.03, 0.1, 0.3, 1.0):
        cv = cross_validate(groups, c)
        print(f"C={c}: cross-validated {cv}")
        if cv["top1"] + cv["top3"] > best["top1"] + best.get("top3", 0.0):  # the lead and the answer's set
            best_c, best = c, cv
    model = fit(groups, best_c)
    model["cv"] = best
    model["hand_set"] = rule
    model["about"] = "Sentence model fitted by evals/fit_sentences.py on the development questions."
    print(json.dumps({k: model[k] for k in ("C", "cv", "hand_set")}), dict(zip(FEATURES, model["coef"])))
    if not args.dry_run:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
