"""Measure whether a learned answer-or-refuse decision beats the extractive engine's gates, on the
DEVELOPMENT questions only (every `answers*.jsonl` but the held-out one), leaving one set out.

    python evals/fit_answerability.py [--regeringen PATH] [--rows FILE]

For every development question (answerable or not, refused or not) the engine answers it, and
``lead_of`` gives the sentence that would lead its answer (the likeliest of the lead candidates that
every gate passes, else the likeliest the hard checks pass: subject named, sibling body, other year,
outcome untold …) with ``FEATURES``: the sentence model's probability, coverage, own share, the
question nouns its passage lacks, the role and cue checks, whether the soft gates pass it, retrieval
rank and score, dense cosine of question vs sentence and passage, and the question's kind.

A logistic model over them (label: answerable with a fact in the lead, against unanswerable) acts as
a second opinion: it answers a question the soft gates refuse at P ≥ answer_at and refuses one they
pass at P < refuse_below; a hard check is never overruled. Its effect is simulated per question
(false refusals saved, answered questions to refuse and wrong-subject answers added, facts).

The figure is **nested** leave-one-set-out: for each set, C and both thresholds are chosen by
leave-one-set-out over the other sets alone, the model is fitted on them and the left-out set is
scored; the sum over sets is what the decision would have done on sets it never saw. Measured
2026-11-30 on eleven sets (704 questions): net +2 at best (false refusals −4, questions to refuse
answered +2), within noise, so the engine has no hook for such a model (see evals/README.md). The
script writes nothing; the held-out files are never read."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answers.candidates import rank_units  # noqa: E402
from assistant.answers.cues import cue_met  # noqa: E402
from assistant.answers.extractive import LEAD_CANDIDATES, ExtractiveEngine  # noqa: E402
from assistant.answers.question import QuestionInfo, analyse, split_question  # noqa: E402
from assistant.answers.subject import Entity, subjects, unnamed_per_hit  # noqa: E402
from assistant.answers.synonyms import load_thesaurus  # noqa: E402
from assistant.answers.units import Unit  # noqa: E402
from evals.retrieval import eval_kb, load_questions, norm  # noqa: E402
from ingest.glossary import is_english, to_swedish  # noqa: E402
from ingest.search import Hit  # noqa: E402

QUESTIONS = ROOT / "evals" / "questions"
FEATURES = (
    "p", "p_top", "coverage", "own", "missing_share", "missing", "role_missing", "cue", "gated",
    "hit", "hit_score", "doc_hits", "nouns", "english", "cos_sentence", "cos_passage", "kind_list",
    "kind_time", "kind_figure", "kind_who",
)
GRID_C = (0.03, 0.1, 0.3, 1.0)
# The model's probabilities for leads the soft gates refuse are mostly below 0.5 ("gated" weighs
# heavily), so the answer threshold is searched from 0.15; 1.1: never overturn a refusal.
GRID_UP = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1)
GRID_DOWN = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)  # 0.0: never refuse an answer the gates pass
WORST_SET = 2  # a setting may make no set worse than this (false refusals + wrong-subject answers)
ZERO = {"fr": 0, "au": 0, "ws": 0, "facts": 0}


@dataclass(frozen=True)
class Lead:
    """The sentence that would lead an answer, whether the soft gates pass it, and its measurements."""

    unit: Unit
    gated: bool
    features: tuple[float, ...]


def lead_of(engine: ExtractiveEngine, info: QuestionInfo, ranked: list[Unit], hits: list[Hit],
            unnamed: dict[int, frozenset[str]], about: tuple[Entity, ...], candidates: int,
            embedder: Any = None) -> Lead | None:
    """The likeliest of the first ``candidates`` sentences that every gate passes, else the likeliest
    that the hard checks pass, with its measurements; None when the hard checks refuse them all."""
    top = ranked[:candidates]
    fit = [u for u in top if engine.answerable(info, u, unnamed[u.hit], about)]
    gated = bool(fit)
    if not fit:
        fit = [u for u in top if engine.answerable(info, u, unnamed[u.hit], about, soft=False)]
    if not fit:
        return None
    lead = max(fit, key=lambda u: u.p)
    return Lead(lead, gated, measure(info, lead, ranked, hits, gated, embedder))


def measure(info: QuestionInfo, u: Unit, ranked: list[Unit], hits: list[Hit], gated: bool,
            embedder: Any = None) -> tuple[float, ...]:
    """One row of ``FEATURES`` for lead ``u`` of ``info``."""
    nouns = sum(not t.verb for t in info.terms)
    h = hits[u.hit]
    cos_s = cos_p = 0.0
    if embedder is not None:
        vecs = np.asarray(embedder.embed([info.text, u.text, f"{h.title}. {h.section}. {h.text}"[:1500]]), float)
        cos_s, cos_p = float(vecs[1] @ vecs[0]), float(vecs[2] @ vecs[0])
    kind = info.kind
    return (
        u.p, max((v.p for v in ranked), default=0.0), u.coverage, u.own, u.missing / max(1, nouns),
        float(min(u.missing, 4)), float(u.role_missing), float(cue_met(kind, u.text, info.said, info.text)),
        float(gated), u.hit / 10, float(h.score), sum(x.doc_id == h.doc_id for x in hits) / max(1, len(hits)),
        float(min(nouns, 8)), float(info.english), cos_s, cos_p, float(kind == "list"),
        float(kind in ("time", "frequency")), float(kind in ("number", "money")), float(kind in ("person", "name")),
    )


def dev_questions(folder: Path = QUESTIONS) -> list[dict[str, Any]]:
    """Every development set's questions, each with its set's name; the held-out file is never read."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("answers*.jsonl")):
        if "heldout" not in path.name:
            rows += [dict(q, set=path.stem) for q in load_questions(path)]
    return rows


def collect(kb: Any, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per question: the engine's answer (its outcome) and the lead's measurements."""
    engine = ExtractiveEngine(kb, synonyms=load_thesaurus())  # as the registry builds it
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
        ranked = rank_units(info, hits, synonyms=engine.synonyms, model=engine.model)
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


def fit(rows: list[dict[str, Any]], c: float) -> Any:
    """P(answerable) for a lead's features, fitted on ``rows`` (answerable questions whose lead holds no
    fact teach nothing about the decision and are left out)."""
    train = [r for r in rows if r["lead"] and (not r["answerable"] or r["lead"]["facts_in"])]
    x = np.array([r["lead"]["features"] for r in train], float)
    y = np.array([r["answerable"] for r in train], int)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit((x - mean) / scale, y)
    return lambda features: float(model.predict_proba(((np.asarray(features, float) - mean) / scale)[None])[0, 1])


def effect(r: dict[str, Any], p: float, up: float, down: float) -> dict[str, int]:
    """The simulated change on one question: false refusals, answered unanswerable, wrong-subject
    answers and facts (an overturned refusal is credited only the facts its lead sentence holds)."""
    lead = r["lead"]
    if lead is None:
        return dict(ZERO)
    if not r["grounded"] and not lead["gated"] and p >= up:  # answered now
        if r["answerable"]:
            return {"fr": -1, "au": 0, "ws": int(not lead["gold_doc"]), "facts": lead["facts_in"]}
        return {"fr": 0, "au": 1, "ws": 1, "facts": 0}
    if r["grounded"] and lead["gated"] and p < down:  # refused now
        if r["answerable"]:
            return {"fr": 1, "au": 0, "ws": -int(r["wrong_subject"]), "facts": -r["facts_hit"]}
        return {"fr": 0, "au": -1, "ws": -int(r["wrong_subject"]), "facts": 0}
    return dict(ZERO)


def tally(rows: list[dict[str, Any]], p: dict[str, float], up: float, down: float) -> dict[str, int]:
    total = dict(ZERO)
    for r in rows:
        e = effect(r, p.get(r["id"], 0.0), up, down)
        total = {k: total[k] + e[k] for k in total}
    return total


def net(per_set: list[dict[str, int]]) -> int:
    """Questions gained: false refusals saved less wrong-subject answers added (a question whose
    refusal becomes a wrong-subject answer counts neither way)."""
    return -sum(v["fr"] + v["ws"] for v in per_set)


def left_out_probabilities(rows: list[dict[str, Any]], sets: list[str], c: float) -> dict[str, float]:
    """Each question's P from the model fitted on the other sets of ``sets``."""
    out: dict[str, float] = {}
    for s in sets:
        model = fit([r for r in rows if r["set"] != s], c)
        out.update({r["id"]: model(r["lead"]["features"]) for r in rows if r["set"] == s and r["lead"]})
    return out


def choose(rows: list[dict[str, Any]]) -> tuple[int, float | None, float, float]:
    """(net, C, answer_at, refuse_below) with the best leave-one-set-out net over ``rows``' sets, no set
    worse by more than ``WORST_SET`` and no facts lost; (0, None, 1.1, 0.0) when nothing beats the gates."""
    sets = sorted({r["set"] for r in rows})
    best: tuple[int, float | None, float, float] = (0, None, 1.1, 0.0)
    for c in GRID_C:
        p = left_out_probabilities(rows, sets, c)
        for up, down in itertools.product(GRID_UP, GRID_DOWN):
            per_set = [tally([r for r in rows if r["set"] == s], p, up, down) for s in sets]
            score = net(per_set)
            if (max(v["fr"] + v["ws"] for v in per_set) <= WORST_SET and sum(v["facts"] for v in per_set) >= 0
                    and score > best[0]):
                best = (score, c, up, down)
    return best


def nested(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per set: the setting chosen on the other sets alone and its effect on the left-out set."""
    out: dict[str, dict[str, Any]] = {}
    for s in sorted({r["set"] for r in rows}):
        train, test = [r for r in rows if r["set"] != s], [r for r in rows if r["set"] == s]
        inner, c, up, down = choose(train)
        effect_s = dict(ZERO)
        if c is not None:
            model = fit(train, c)
            effect_s = tally(test, {r["id"]: model(r["lead"]["features"]) for r in test if r["lead"]}, up, down)
        out[s] = {"chosen": {"inner_net": inner, "C": c, "answer_at": up, "refuse_below": down}, **effect_s}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regeringen", type=Path, default=ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--rows", type=Path, help="keep the measurements here (read them when the file exists)")
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
    print(f"{len(rows)} questions in {len({r['set'] for r in rows})} sets, "
          f"{sum(r['lead'] is not None for r in rows)} with a lead the hard checks pass")
    inner, c, up, down = choose(rows)
    print(f"leave-one-set-out over all sets (thresholds chosen on the same figures): net {inner:+d} "
          f"at C={c} answer_at={up} refuse_below={down}")
    per_set = nested(rows)
    for s, v in per_set.items():
        print(f"  {s}: chosen on the others {v['chosen']}, here fr {v['fr']:+d} au {v['au']:+d} ws {v['ws']:+d} "
              f"facts {v['facts']:+d}")
    total = {k: sum(v[k] for v in per_set.values()) for k in ZERO}
    print(f"nested leave-one-set-out: net {net(list(per_set.values())):+d} (false refusals {total['fr']:+d}, "
          f"questions to refuse answered {total['au']:+d}, wrong-subject {total['ws']:+d}, facts {total['facts']:+d})")


if __name__ == "__main__":
    main()
