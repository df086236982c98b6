"""`python -m evals.scanner.ranking`: ranking experiments on development labels only, in seconds.

The development pages (the time split's ``dev`` part and the older ``labels.jsonl``) are scored once
by the app's cold start and cached with their texts, months, lead and embedding (title and lead);
each experiment then trains on the older development months and ranks the newer development pages
of three rolling origins (``calibrate.CUTS``), printing average precision, R-precision and
precision@10/@30 per origin; ``compare`` puts a paired-bootstrap interval on a variant's gain and
``--errors`` lists the cold start's development false alarms and misses; ``--calibration`` shows the
learned model's digest at the threshold and its calibration, per origin. The held-out part is only
part of the stream the cold start's word rarity is measured against (as the app's store would hold
it); none of its pages is cached here."""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from evals.scanner.calibrate import CUTS

CACHE_NAME = "scanner-ranking-v6.pkl"  # v6: with the v3, v4 and v5 development marks (labels_dev_v3/v4/v5.jsonl)


def cache_path() -> Path:
    root = Path(os.environ.get("MSV_EVAL_CACHE") or Path.home() / ".cache/msv-kunskapsbas/evals")
    return root / CACHE_NAME


def build() -> list[dict]:
    """Every development page with its cold-start parts (cached)."""
    path = cache_path()
    if path.exists():
        return pickle.loads(path.read_bytes())
    from evals.scanner.evaluate import score_labels
    from scanners.items import extractive_summary
    from scanners.job import lazy_embedder
    from scanners.relevance import load_scorer

    scorer = load_scorer(embed=lazy_embedder())
    s = score_labels(scorer)
    dev_urls = {r["url"] for r in s.dev}
    rows = []
    for r in s.pool:
        rec = s.records[r["url"]]
        lead = extractive_summary(rec["title"], rec["text"], 1, 300)
        # the main subject: the title and first sentence alone (nothing of the body's mentions)
        head = scorer._score_one(rec["title"], lead, (), False, None)  # noqa: SLF001 - a probe
        whole = scorer._score_one(rec["title"], rec["text"], (), False, None)  # noqa: SLF001
        rows.append({"url": r["url"], "title": rec["title"], "text": rec["text"],
                     "kind": rec.get("kind", ""), "month": s.month(r),
                     "relevant": bool(r["relevant"]), "dev": r["url"] in dev_urls,
                     "cold": s.cold[r["url"]], "raw": s.raw[r["url"]], "lead": lead,
                     "lead3": extractive_summary(rec["title"], rec["text"], 3, 600),
                     "head_raw": float(head.reason["cold"]),
                     "head_lexical": float(head.reason["lexical"]),
                     "head_profile": float(head.reason["profile"]),
                     "topics": [(t["id"], t["terms"][:4]) for t in whole.reason["topics"][:2]],
                     "contrast": float(whole.reason["contrast"])})
    embed = lazy_embedder()
    vecs = embed([f"{r['title']}. {r['lead3']}" for r in rows])
    for r, v in zip(rows, vecs, strict=True):
        r["vec"] = np.asarray(v, dtype=np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(rows))
    return rows


def metrics(scores: Sequence[float], labels: Sequence[bool]) -> dict[str, float]:
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    y = np.asarray(labels, dtype=int)[order]
    r = int(y.sum())
    hits = np.cumsum(y)
    ap = float(np.sum((hits / np.arange(1, len(y) + 1)) * y) / r) if r else 0.0
    return {"ap": ap, "rprec": float(hits[r - 1] / r) if r else 0.0,
            "p10": float(hits[min(10, len(y)) - 1] / min(10, len(y))),
            "p30": float(hits[min(30, len(y)) - 1] / min(30, len(y)))}


def _core(row: dict) -> bool:
    from evals.scanner.sample_heldout_v2 import CORE, STRIP

    return bool(CORE.search(STRIP.sub(" ", f"{row['title']}\n{row['text']}")))


Ranker = Callable[[list[dict], list[dict]], Sequence[float]]  # (train rows, test rows) -> scores


def learned(older: list[dict], newer: list[dict]) -> Sequence[float]:
    """The app's learned model trained on the older pages as marks."""
    from scanners.learned import Example, train

    def ex(r: dict) -> Example:
        return Example(r["title"], r["text"], r["cold"])

    model = train([ex(r) for r in older], [r["relevant"] for r in older])
    return model.probabilities([ex(r) for r in newer]) if model else [r["cold"] for r in newer]


def splits(rows: list[dict]) -> list[tuple[tuple[int, int], list[dict], list[dict]]]:
    return [(cut, [r for r in rows if r["month"] < cut], [r for r in rows if r["dev"] and r["month"] >= cut])
            for cut in CUTS]


def run(name: str, ranker: Ranker, rows: list[dict]) -> list[dict[str, float]]:
    """Figures per origin; "core AP" is the average precision among the newer pages that use the
    field's words (the sampling's core stratum, HELDOUT.md): the held-out part's hard case."""
    out = []
    for _cut, older, newer in splits(rows):
        scores = list(ranker(older, newer))
        m = metrics(scores, [r["relevant"] for r in newer])
        core = [i for i, r in enumerate(newer) if _core(r)]
        m["core_ap"] = metrics([scores[i] for i in core], [newer[i]["relevant"] for i in core])["ap"]
        out.append(m)
    mean = {k: float(np.mean([m[k] for m in out])) for k in out[0]}
    print(f"{name:<44} AP " + "/".join(f"{m['ap']:.3f}" for m in out) + f" ({mean['ap']:.3f})"
          + "  R-prec " + "/".join(f"{m['rprec']:.2f}" for m in out) + f" ({mean['rprec']:.3f})"
          + "  p@30 " + "/".join(f"{m['p30']:.2f}" for m in out) + f" ({mean['p30']:.3f})"
          + "  p@10 " + "/".join(f"{m['p10']:.1f}" for m in out)
          + "  core AP " + "/".join(f"{m['core_ap']:.3f}" for m in out) + f" ({mean['core_ap']:.3f})")
    return out


def compare(name: str, ranker: Ranker, baseline: Ranker, rows: list[dict], draws: int = 1000,
            seed: int = 0) -> list[tuple[float, float, float]]:
    """A variant against the baseline on the same newer pages of each origin: the difference in
    average precision and its 90 % paired-bootstrap interval (pages drawn with replacement), so that
    a change is kept only when it is more than the sampling noise of a few relevant pages."""
    rng = np.random.default_rng(seed)
    out = []
    for _cut, older, newer in splits(rows):
        a = np.asarray(list(ranker(older, newer)), dtype=float)
        b = np.asarray(list(baseline(older, newer)), dtype=float)
        y = np.asarray([r["relevant"] for r in newer], dtype=bool)
        diffs = []
        for _ in range(draws):
            i = rng.integers(0, len(y), len(y))
            if y[i].any():
                diffs.append(metrics(a[i], y[i])["ap"] - metrics(b[i], y[i])["ap"])
        lo, hi = np.percentile(diffs, [5, 95])
        out.append((metrics(a, y)["ap"] - metrics(b, y)["ap"], float(lo), float(hi)))
    print(f"{name:<44} ΔAP " + "  ".join(f"{d:+.3f} [{lo:+.3f}, {hi:+.3f}]" for d, lo, hi in out))
    return out


def learned_with_prior(older: list[dict], newer: list[dict], stream: list[dict]) -> Sequence[float]:
    """The app's learned model trained on the older pages as marks, its prior set by `stream` (the
    store's items: marked where older, else read by their cold-start probability)."""
    from scanners.learned import Example, train

    known = {r["url"]: bool(r["relevant"]) for r in older}
    model = train([Example(r["title"], r["text"], r["cold"]) for r in older], [r["relevant"] for r in older],
                  stream=[Example(r["title"], r["text"], r["cold"], known.get(r["url"])) for r in stream])
    return model.probabilities([Example(r["title"], r["text"], r["cold"]) for r in newer]) if model \
        else [r["cold"] for r in newer]


BINS = (0.0, 0.05, 0.12, 0.3, 0.6, 1.01)


def calibration(rows: list[dict], threshold: float, marks_only: set[str] = frozenset(),
                probabilities: Callable[[list[dict], list[dict], list[dict]], Sequence[float]] = learned_with_prior,
                ) -> list[str]:
    """The digest side on development: per origin, what the learned model shows at `threshold`
    (its precision, and the one its probabilities expect: their mean over what is shown)
    with its prior set as the app sets it (the stream is the sampled pages, `marks_only` left out
    as in `evaluate`), its mean probability against the share of relevant pages, overall and in
    the core stratum, and the pages of all origins binned by probability (calibration)."""
    stream = [r for r in rows if r["url"] not in marks_only]
    out, pooled = [f"DEVELOPMENT, learned model at threshold {threshold:.2f} (prior from the stream):"], []
    for cut, older, newer in splits(rows):
        p = np.asarray(list(probabilities(older, newer, stream)), dtype=float)
        y = np.asarray([r["relevant"] for r in newer], dtype=bool)
        core = np.asarray([_core(r) for r in newer], dtype=bool)
        shown = p >= threshold
        pooled += list(zip(p, y, strict=True))
        out.append(f"  origin {cut[0]}-{cut[1]:02d}: shown {shown.sum()}, relevant {(shown & y).sum()}/{y.sum()}, "
                   f"precision {(shown & y).sum() / max(1, shown.sum()):.2f} "
                   f"(expected {p[shown].mean() if shown.any() else 0:.2f}), mean p {p.mean():.3f} "
                   f"(share {y.mean():.3f}); core stratum mean p "
                   f"{p[core].mean() if core.any() else 0:.3f} (share {y[core].mean() if core.any() else 0:.3f})")
    pp, yy = np.asarray([a for a, _ in pooled]), np.asarray([b for _, b in pooled], dtype=bool)
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        b = (pp >= lo) & (pp < hi)
        if b.any():
            out.append(f"  p in [{lo:.2f}, {min(hi, 1):.2f}): {b.sum():>4} pages, mean p {pp[b].mean():.3f}, "
                       f"share relevant {yy[b].mean():.3f}")
    return out


def errors(rows: list[dict], threshold: float) -> list[str]:
    """The cold start's digest on the development pages: its false alarms and the relevant pages
    it leaves out, each with the topics and terms it matched, and a tally by the strongest topic
    (the kinds of error to look for; evals/README.md sorts them). Development pages only."""
    dev = sorted(rows, key=lambda r: -r["cold"])
    out = [f"DEVELOPMENT, cold start at threshold {threshold:.2f}: {sum(r['cold'] >= threshold for r in dev)} "
           f"shown, {sum(r['cold'] >= threshold and r['relevant'] for r in dev)} relevant of "
           f"{sum(r['relevant'] for r in dev)}"]
    tally: dict[str, list[int]] = {}
    for rank, r in enumerate(dev, 1):
        shown = r["cold"] >= threshold
        top = r["topics"][0][0] if r["topics"] else "-"
        t = tally.setdefault(top, [0, 0, 0])
        t[0] += shown
        t[1] += shown and r["relevant"]
        t[2] += r["relevant"] and not shown
        if shown != r["relevant"]:
            what = "false alarm" if shown else "missed     "
            terms = "; ".join(f"{tid}: {', '.join(ts)}" for tid, ts in r["topics"]) or "no topic"
            out.append(f"  {what} #{rank:<3} p {r['cold']:.2f} contrast {r['contrast']:+.2f} "
                       f"{r['kind'][:13]:<13} {r['title'][:80]}  [{terms}]")
    out.append("by strongest topic: shown / relevant shown / relevant missed")
    out += [f"  {tid:<28} {n[0]:>3} {n[1]:>3} {n[2]:>3}" for tid, n in sorted(tally.items(), key=lambda x: -x[1][0])]
    return out


if __name__ == "__main__":
    import sys

    from scanners.relevance import DEFAULT_THRESHOLD

    logging.basicConfig(level=logging.WARNING)
    data = build()
    if "--errors" in sys.argv[1:]:
        print("\n".join(errors(data, DEFAULT_THRESHOLD)))
        raise SystemExit(0)
    if "--calibration" in sys.argv[1:]:
        from evals.scanner.evaluate import DEV_MARKS, load_labels

        print("\n".join(calibration(data, DEFAULT_THRESHOLD, {r["url"] for path in DEV_MARKS for r in load_labels(path)})))
        raise SystemExit(0)
    for cut, older, newer in splits(data):
        print(f"origin {cut[0]}-{cut[1]:02d}: train {len(older)} ({sum(r['relevant'] for r in older)} relevant),"
              f" test {len(newer)} ({sum(r['relevant'] for r in newer)} relevant; core stratum "
              f"{sum(_core(r) for r in newer)}, {sum(_core(r) and r['relevant'] for r in newer)} relevant)")
    run("cold start", lambda _o, n: [r["cold"] for r in n], data)
    run("learned (scanners.learned.train)", learned, data)
    compare("learned against the cold start (90 % interval)", learned, lambda _o, n: [r["cold"] for r in n], data)
