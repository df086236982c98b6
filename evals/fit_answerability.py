"""Fit the extractive engine's answerability model (assistant/answers/answerability.py) on the
DEVELOPMENT questions only and write it to assistant/answers/data/answerability.json.

    python evals/fit_answerability.py [--regeringen PATH] [--rows FILE] [--dry-run]

For every development question (answerable or not, refused or not) the engine without the model
answers it, and ``answerability.lead_of`` gives the sentence that would lead its answer (the one
every gate passes, else the one the hard checks pass) with its measurements. Label: answerable and
the lead holds one of its facts (1) against unanswerable (0); answerable questions whose lead holds
no fact teach nothing about the decision and are left out of the fit. ``C`` and the two thresholds
(answer a refused question at P ≥ answer_at; refuse an answered one at P < refuse_below) are chosen
by leave-one-set-out over the development sets, on a simulation of the decision's effect (false
refusals saved, wrong-subject answers added); the figures printed are those of the left-out sets.
Nothing is written when no setting beats the gates alone (net ≤ 0). The held-out files are never read."""

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

from assistant.answers.answerability import FEATURES, lead_of  # noqa: E402
from assistant.answers.extractive import LEAD_CANDIDATES, ExtractiveEngine  # noqa: E402
from assistant.answers.question import analyse, split_question  # noqa: E402
from assistant.answers.subject import subjects, unnamed_per_hit  # noqa: E402
from assistant.answers.synonyms import load_thesaurus  # noqa: E402
from evals.retrieval import eval_kb, load_questions, norm  # noqa: E402
from ingest.glossary import is_english, to_swedish  # noqa: E402

QUESTIONS = ROOT / "evals" / "questions"
OUT = ROOT / "assistant" / "answers" / "data" / "answerability.json"
DEV_SETS = ("answers", "answers_dev2", "answers_dev3", "answers_dev4", "answers_dev5", "answers_dev6",
            "answers_dev7", "answers_dev8", "answers_dev9", "answers_dev10")
GRID_C = (0.03, 0.1, 0.3, 1.0)
GRID_UP = (0.6, 0.7, 0.8, 0.9, 0.95, 1.1)  # 1.1: never overturn a refusal
GRID_DOWN = (0.0, 0.05, 0.1, 0.2)  # 0.0: never refuse an answer the gates pass


def dev_questions() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in DEV_SETS:
        path = QUESTIONS / f"{name}.jsonl"
        if path.exists():
            rows += [dict(q, set=name) for q in load_questions(path)]
    return rows


def collect(kb: Any, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per question: the engine's answer without the model (its outcome) and the lead's measurements."""
    engine = ExtractiveEngine(kb, answerability=False, synonyms=load_thesaurus())  # as the registry builds it
    out = []
    for q in questions:
        text = q["question"]
        r = engine.answer(text).as_dict()
        facts = [norm(f) for f in q.get("facts") or []]
        answer = norm(r["answer"]) if r["grounded"] else ""
        gold = [c for c in r["citations"] if q.get("doc") in (c.get("source"), c.get("doc_id"))]
        row = {"id": q["id"], "set": q["set"], "answerable": bool(q["answerable"]), "grounded": r["grounded"],
               "facts": len(facts), "facts_hit": sum(f in answer for f in facts),
               "wrong_subject": bool(r["grounded"]) and (not q["answerable"] or not gold), "lead": None}
        hits = kb.search(text, engine.k)[: engine.k]
        english = is_english(text)
        info = analyse(split_question(text)[0], english=english)
        ranked = engine.rank_units(info, hits)
        entities = subjects(info.text, english=english, translated=to_swedish(info.text) if english else "")
        lead = lead_of(engine, info, ranked, hits, unnamed_per_hit(entities, hits), entities, LEAD_CANDIDATES,
                       kb.embedder) if ranked else None
        if lead is not None:
            lead_text = norm(lead.unit.text)
            row["lead"] = {"features": list(lead.features), "gated": lead.gated,
                           "facts_in": sum(f in lead_text for f in facts),
                           "gold_doc": q.get("doc") in (hits[lead.unit.hit].doc_id, hits[lead.unit.hit].source)}
        out.append(row)
    return out


def fit(rows: list[dict[str, Any]], c: float) -> dict[str, Any]:
    train = [r for r in rows if r["lead"] and (not r["answerable"] or r["lead"]["facts_in"])]
    x = np.array([r["lead"]["features"] for r in train], float)
    y = np.array([r["answerable"] for r in train], int)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit((x - mean) / scale, y)
    return {"features": list(FEATURES), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": model.coef_[0].round(6).tolist(), "intercept": round(float(model.intercept_[0]), 6), "C": c}


def probability(d: dict[str, Any], features: list[float]) -> float:
    z = ((np.asarray(features) - np.asarray(d["mean"])) / np.asarray(d["scale"])) @ np.asarray(d["coef"])
    return float(1.0 / (1.0 + np.exp(-(z + d["intercept"]))))


def effect(r: dict[str, Any], p: float, up: float, down: float) -> dict[str, int]:
    """The simulated change on one question: false refusals, answered unanswerable, wrong-subject
    answers and facts (an overturned refusal is credited only the facts its lead sentence holds)."""
    zero = {"fr": 0, "au": 0, "ws": 0, "facts": 0}
    lead = r["lead"]
    if lead is None:
        return zero
    if not r["grounded"] and not lead["gated"] and p >= up:  # answered now
        if r["answerable"]:
            return {"fr": -1, "au": 0, "ws": int(not lead["gold_doc"]), "facts": lead["facts_in"]}
        return {"fr": 0, "au": 1, "ws": 1, "facts": 0}
    if r["grounded"] and lead["gated"] and p < down:  # refused now
        if r["answerable"]:
            return {"fr": 1, "au": 0, "ws": -int(r["wrong_subject"]), "facts": -r["facts_hit"]}
        return {"fr": 0, "au": -1, "ws": -int(r["wrong_subject"]), "facts": 0}
    return zero


def leave_one_set_out(rows: list[dict[str, Any]], c: float, up: float, down: float) -> dict[str, dict[str, int]]:
    per_set: dict[str, dict[str, int]] = {}
    for s in DEV_SETS:
        test = [r for r in rows if r["set"] == s]
        if not test:
            continue
        d = fit([r for r in rows if r["set"] != s], c)
        total = {"fr": 0, "au": 0, "ws": 0, "facts": 0}
        for r in test:
            e = effect(r, probability(d, r["lead"]["features"]) if r["lead"] else 0.0, up, down)
            total = {k: total[k] + e[k] for k in total}
        per_set[s] = total
    return per_set


def net(per_set: dict[str, dict[str, int]]) -> int:
    """Questions gained: false refusals saved less wrong-subject answers added (a question whose
    refusal becomes a wrong-subject answer counts neither way)."""
    return -sum(v["fr"] + v["ws"] for v in per_set.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regeringen", type=Path, default=ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--rows", type=Path, help="keep the measurements here (read them when the file exists)")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        questions = dev_questions()
        with eval_kb(questions, corpus_dir=args.corpus, regeringen=args.regeringen, name="answers",
                     log=lambda s: print(s, file=sys.stderr)) as kb:
            rows = collect(kb, questions)
        if args.rows:
            args.rows.write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} questions, {sum(r['lead'] is not None for r in rows)} with a lead the hard checks pass")
    best: tuple[int, float, float, float] = (0, 0.0, 1.1, 0.0)
    best_sets: dict[str, dict[str, int]] = {}
    for c in GRID_C:
        for up in GRID_UP:
            for down in GRID_DOWN:
                per_set = leave_one_set_out(rows, c, up, down)
                worst = max(v["fr"] + v["ws"] for v in per_set.values())  # no set worse by more than 2
                facts = sum(v["facts"] for v in per_set.values())
                score = net(per_set)
                print(f"C={c} answer_at={up} refuse_below={down}: net {score:+d}, facts {facts:+d}, worst set {worst:+d}")
                if worst <= 2 and facts >= 0 and score > best[0]:
                    best, best_sets = (score, c, up, down), per_set
    score, c, up, down = best
    print(f"chosen: C={c} answer_at={up} refuse_below={down}, leave-one-set-out net {score:+d}")
    for s, v in best_sets.items():
        print(f"  {s}: {v}")
    model = fit(rows, c)
    model.update(answer_at=up, refuse_below=down, cv={"net": score, "per_set": best_sets},
                 about="Answerability model fitted by evals/fit_answerability.py on the development questions.")
    if score <= 0:  # no setting beats the gates alone on the left-out sets: the engine keeps them
        print(f"no setting beats the gates alone; {OUT} not written")
    elif not args.dry_run:
        OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
