"""Fit the second ranking stage (ingest/rerank.py) on the DEVELOPMENT questions only and write
its weights to ingest/data/ranker.json.

    python evals/fit_ranker.py [--regeringen PATH] [--dry-run] [--misses] [--ablate FEATURE]

Questions: retrieval.jsonl (a passage is relevant when it holds an expected substring) and the
answerable questions of every development answer set, answers*.jsonl (relevant: a passage of the
gold document holding one of the facts). The held-out files are never read. The model is a pairwise
logistic regression (each relevant candidate against the best-fused other candidates of the same
question) over standardised features; a second model is fitted without the authority prior for
deployments that switch it off. Five-fold cross-validation by question prints the honest development
figures (with the standard error of MRR@10) next to the fused order's, each question scored as search
ranks it (the top SERVED candidates, their features computed over those alone); the regularisation
is the most regularised one within one standard error of its per-question difference from the best."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.retrieval import eval_kb, load_questions, norm  # noqa: E402
from ingest.rerank import FEATURES, LinearRanker, Ranker  # noqa: E402
from ingest.search import SearchParams  # noqa: E402
from ingest.store import SearchFilter  # noqa: E402

QUESTIONS = ROOT / "evals" / "questions"
OUT = ROOT / "ingest" / "data" / "ranker.json"
DEPTH = 50  # candidates the model is fitted over
SERVED = SearchParams().rerank_depth  # candidates it ranks in search: the cross-validation scores these
NEG_PER_QUESTION = 30  # best-fused non-relevant candidates a relevant one is paired against
CANDS: list[list[dict[str, str]]] = []  # per question, per candidate: document, kind, title, section (--misses)


def dev_questions() -> list[dict[str, Any]]:
    rows = [{**q, "set": "retrieval", "file": "retrieval"} for q in load_questions(QUESTIONS / "retrieval.jsonl")]
    for path in sorted(QUESTIONS.glob("answers*.jsonl")):
        if "heldout" in path.name:  # never read: the held-out half is scored, not fitted on
            continue
        rows += [{**q, "set": "answers", "file": path.stem, "expected": q["facts"]} for q in load_questions(path)
                 if q.get("answerable") and q.get("facts") and q.get("doc")]
    return rows


def relevant(q: dict[str, Any], payload: dict[str, Any]) -> bool:
    text = norm(str(payload.get("text", "")))
    if q["set"] == "answers" and q["doc"] not in (payload.get("doc_id"), payload.get("source")):
        return False
    return any(norm(e) in text for e in q["expected"])


Data = list[tuple[np.ndarray, np.ndarray, list[str]]]  # per question: features, relevance, chunk ids


def collect(kb: Any, questions: list[dict[str, Any]]) -> tuple[Data, Data]:
    """Per question, the top DEPTH candidates (fitted on) and the top SERVED ones with their
    features computed over those alone, as search computes them (scored on)."""
    out, served = [], []
    CANDS.clear()
    for q in questions:
        dense, cands = kb.searcher.candidates(q["question"], 10, depth=DEPTH)
        cands = cands[:DEPTH]
        x = kb.searcher.features(q["question"], dense, cands, SearchFilter())
        CANDS.append([{k: str(c.payload.get(k, "")) for k in ("doc_id", "kind", "title", "section")} for c in cands])
        y = np.asarray([relevant(q, c.payload) for c in cands], dtype=bool)
        out.append((x, y, [c.id for c in cands]))
        top = cands[:SERVED]
        served.append((kb.searcher.features(q["question"], dense, top, SearchFilter()), y[:SERVED], [c.id for c in top]))
    return out, served


def fit(data: list[tuple[np.ndarray, np.ndarray, list[str]]], names: tuple[str, ...], c: float) -> LinearRanker:
    cols = [FEATURES.index(n) for n in names]
    allx = np.vstack([x[:, cols] for x, _, _ in data if len(x)])
    mean, scale = allx.mean(axis=0), allx.std(axis=0)
    scale[scale < 1e-9] = 1.0
    diffs = []
    for x, y, _ in data:
        if not y.any() or y.all():
            continue
        z = (x[:, cols] - mean) / scale
        negs = np.flatnonzero(~y)[:NEG_PER_QUESTION]
        for i in np.flatnonzero(y):
            diffs.extend(z[i] - z[j] for j in negs)
    d = np.asarray(diffs)
    xs, ys = np.vstack([d, -d]), np.concatenate([np.ones(len(d)), np.zeros(len(d))])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000).fit(xs, ys)
    return LinearRanker(names, tuple(map(float, mean)), tuple(map(float, scale)), tuple(map(float, model.coef_[0])))


def reciprocal(ranks: list[int | None]) -> np.ndarray:
    """Per question, 1 / rank of the first relevant passage within the top 10, else 0."""
    return np.asarray([1 / r if r is not None and r <= 10 else 0.0 for r in ranks], dtype=np.float64)


def figures(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    rr = reciprocal(ranks) if ranks else np.zeros(1)
    return {"hit@1": round(sum(r == 1 for r in ranks) / n, 3), "hit@5": round(sum(r is not None and r <= 5 for r in ranks) / n, 3),
            "mrr@10": round(sum(1 / r for r in ranks if r is not None and r <= 10) / n, 3),
            "mrr_se": round(float(rr.std(ddof=1) / np.sqrt(len(rr))) if len(rr) > 1 else 0.0, 3)}


def simplest_within_noise(results: list[tuple[float, list[int | None]]]) -> float:
    """The most regularised C whose cross-validated MRR@10 is within one standard error of the
    best (the one-standard-error rule): a larger C that wins by less than that is noise, and the
    simpler model carries over better to questions nobody fitted on. Every C is scored on the same
    questions, so the error is that of the per-question difference from the best: how hard a
    question is cancels out, what is left is how much the two models disagree."""
    rrs = [(c, reciprocal(ranks)) for c, ranks in results]
    top = max(rrs, key=lambda r: r[1].mean())[1]

    def within(rr: np.ndarray) -> bool:
        d = top - rr
        se = float(d.std(ddof=1) / np.sqrt(len(d))) if len(d) > 1 else 0.0
        return float(d.mean()) <= se

    return min(c for c, rr in rrs if within(rr))


def rank_of(y: np.ndarray, order: list[int]) -> int | None:
    return next((r + 1 for r, i in enumerate(order) if y[i]), None)


def ordered(model: LinearRanker, x: np.ndarray, ids: list[str]) -> list[int]:
    s = model.score(x) if len(ids) else np.zeros(0)
    return sorted(range(len(ids)), key=lambda i: (-round(float(s[i]), 9), ids[i]))


def fold_of(question: str, folds: int) -> int:
    """A question's fold by its text, so a question asked in two sets never trains its own test."""
    return int(hashlib.sha1(" ".join(question.lower().split()).encode()).hexdigest(), 16) % folds


def cross_validate(data: Data, questions: list[dict[str, Any]], names: tuple[str, ...], c: float,
                   folds: int = 5, served: Data | None = None) -> list[int | None]:
    """Per question, the rank of its first relevant passage by a model fitted on the other folds'
    ``data``, the question scored on ``served`` (default: ``data``)."""
    fold = [fold_of(q["question"], folds) for q in questions]
    ranks: list[int | None] = [None] * len(data)
    for f in range(folds):
        model = fit([d for d, g in zip(data, fold) if g != f], names, c)
        for i in (i for i, g in enumerate(fold) if g == f):
            x, y, ids = (served or data)[i]
            ranks[i] = rank_of(y, ordered(model, x, ids))
    return ranks


def leave_one_set_out(data: Data, questions: list[dict[str, Any]], names: tuple[str, ...], c: float,
                      served: Data) -> dict[str, list[int | None]]:
    """Per question set (file), the ranks of its questions by a model fitted on the other sets only
    (a question asked in two sets is left out of the training with its set): how the ranker carries
    over to a set written later, by other hands, as the next blind set will be."""
    orders = leave_one_set_out_orders(data, questions, names, c, served)
    out: dict[str, list[int | None]] = {}
    for i, q in enumerate(questions):
        out.setdefault(q["file"], []).append(rank_of(served[i][1], orders[i]))
    return dict(sorted(out.items()))


def leave_one_set_out_orders(data: Data, questions: list[dict[str, Any]], names: tuple[str, ...], c: float,
                             served: Data) -> list[list[int]]:
    """Per question, its served candidates best first by a model fitted on the other sets only."""
    text = [" ".join(q["question"].lower().split()) for q in questions]
    orders: list[list[int]] = [[] for _ in questions]
    for name in sorted({q["file"] for q in questions}):
        test = [i for i, q in enumerate(questions) if q["file"] == name]
        asked = {text[i] for i in test}
        model = fit([d for i, d in enumerate(data) if text[i] not in asked], names, c)
        for i in test:
            orders[i] = ordered(model, served[i][0], served[i][2])
    return orders


def miss_kinds(served: Data, orders: list[list[int]], cands: list[list[dict[str, str]]]) -> Counter[str]:
    """What beat the relevant passage, per question not ranked first: the right document's other
    window ("same document"), another document ("<its kind> over <the relevant one's kind>"), or no
    relevant passage among the served candidates ("<kind> over none")."""
    out: Counter[str] = Counter()
    for (_, y, _), order, cand in zip(served, orders, cands):
        if not len(order) or y[order[0]]:
            continue
        top = cand[order[0]]
        gold = next((cand[i] for i in order if y[i]), None)
        if gold is not None and gold["doc_id"] == top["doc_id"]:
            out["same document"] += 1
        else:
            out[f"{top['kind']} over {gold['kind'] if gold else 'none'}"] += 1
    return out


def ablate(data: Data, questions: list[dict[str, Any]], served: Data, names: tuple[str, ...], c: float,
           by_set: dict[str, list[int | None]], feature: str) -> tuple[float, float, float, dict[str, list[int | None]]]:
    """What ``feature`` adds, leave one set out: the model without it (C chosen by the same rule)
    against the full one (C = ``c``, ranks ``by_set``), paired per question. Returns the mean gain
    in MRR@10, its standard error, the C chosen without it and the ranks without it per set."""
    rest = tuple(n for n in names if n != feature)
    chosen = simplest_within_noise([(k, cross_validate(data, questions, rest, k, served=served)) for k in (0.01, 0.03, 0.1)])
    without = leave_one_set_out(data, questions, rest, chosen, served)
    d = np.concatenate([reciprocal(by_set[k]) - reciprocal(without[k]) for k in by_set])
    se = float(d.std(ddof=1) / np.sqrt(len(d))) if len(d) > 1 else 0.0
    return float(d.mean()), se, chosen, without


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--regeringen", type=Path, default=ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--dry-run", action="store_true", help="cross-validate and print, write nothing")
    ap.add_argument("--misses", action="store_true",
                    help="list development questions not ranked first, each set ranked by the model fitted without it")
    ap.add_argument("--ablate", metavar="FEATURE", choices=FEATURES,
                    help="also fit without FEATURE (its own C by the same rule) and print what it adds, leave one set out")
    args = ap.parse_args()
    questions = dev_questions()
    with eval_kb(questions, corpus_dir=args.corpus, regeringen=args.regeringen, name="ranker",
                 params=SearchParams(rerank_depth=0),
                 log=lambda s: print(s, file=sys.stderr)) as kb:
        data, served = collect(kb, questions)
    if os.environ.get("FIT_RANKER_DUMP"):  # for experiments: the collected features, no texts
        with open(os.environ["FIT_RANKER_DUMP"], "wb") as fh:
            pickle.dump((questions, data, CANDS, served), fh)
    found = sum(bool(y.any()) for _, y, _ in data)
    print(f"{len(questions)} development questions, a relevant passage among the top {DEPTH} for {found}; "
          f"figures over the top {SERVED}, as search ranks them")
    fused = figures([rank_of(y, list(range(len(ids)))) for _, y, ids in served])
    print(f"fused order (no second stage):          {fused}")
    at = FEATURES.index("answer_type")
    boosted = figures([rank_of(y, sorted(range(len(ids)), key=lambda i: (-x[i, 0] * (1 + 0.75 * x[i, at]), ids[i])))
                       for x, y, ids in served])
    print(f"fused × answer-type factor (until now): {boosted}")
    with_auth = tuple(FEATURES)
    without_auth = tuple(n for n in FEATURES if n != "authority")
    best = {}
    for label, names in (("with authority", with_auth), ("without authority", without_auth)):
        results = []
        for c in (0.01, 0.03, 0.1):
            results.append((c, cross_validate(data, questions, names, c, served=served)))
            print(f"5-fold CV, {label:18} C={c:<5} {figures(results[-1][1])}")
        chosen = simplest_within_noise(results)
        best[label] = (chosen, figures(dict(results)[chosen]))
        print(f"chosen, {label}: C={chosen} (the most regularised within one standard error of the best)")
    by_set = leave_one_set_out(data, questions, with_auth, best["with authority"][0], served)
    print(f"leave one set out, with authority, C={best['with authority'][0]}: "
          f"{figures([r for ranks in by_set.values() for r in ranks])}")
    if args.ablate:
        gain, se, chosen, without = ablate(data, questions, served, with_auth, best["with authority"][0], by_set, args.ablate)
        print(f"{args.ablate}: leave one set out with it (C={best['with authority'][0]}) against without it (C={chosen}): "
              f"MRR@10 {gain:+.4f} ± {se:.4f} (paired standard error)")
        for name, ranks in by_set.items():
            print(f"   {name:16} without {figures(without[name])['mrr@10']:.3f} -> with {figures(ranks)['mrr@10']:.3f}")
    shipped = Ranker.load(OUT).with_authority  # the weights as they are before this run writes them
    for name, ranks in by_set.items():
        own = [served[i] for i, q in enumerate(questions) if q["file"] == name]
        before = figures([rank_of(y, ordered(shipped, x, ids)) for x, y, ids in own])
        print(f"   {name:16} {len(ranks):3} questions {figures(ranks)}; shipped (in sample where fitted) {before}")
    models = {key: fit(data, names, best[label][0]) for key, label, names in (
        ("with_authority", "with authority", with_auth), ("without_authority", "without authority", without_auth))}
    for key, m in models.items():
        print(key, {n: round(w, 3) for n, w in zip(m.names, m.coef)})
    if args.misses:  # out of sample: each set ranked by the model fitted without it, as served
        orders = leave_one_set_out_orders(data, questions, with_auth, best["with authority"][0], served)

        def label(c: dict[str, str]) -> str:
            return f"{c['kind']}: {c['title'][:50]} | {c['section'][:30]}"

        for q, (_, y, _), order, cand in zip(questions, served, orders, CANDS):
            r = rank_of(y, order)
            if r != 1:
                gold = next((label(cand[i]) for i in order if y[i]), f"none in the top {SERVED}")
                print(f"{q['id']} rank {r}: {q['question']}\n   top: {label(cand[order[0]])}\n   gold: {gold}")
        print("what beat the relevant passage:", dict(miss_kinds(served, orders, CANDS).most_common()))
    if not args.dry_run:
        out = {"about": "Second-stage ranking weights fitted by evals/fit_ranker.py on the development questions.",
               "cv": {label: {"C": c, **cv} for label, (c, cv) in best.items()}, "fused": fused, "fused_answer_type": boosted,
               **{k: {n: [v if isinstance(v, str) else round(v, 6) for v in vals]  # type: ignore[attr-defined]
                      for n, vals in m.as_dict().items()} for k, m in models.items()}}
        OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
