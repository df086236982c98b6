"""Score the labelled government pages with exactly the scanner the app runs (cold start; then
learned from development labels given as marks) and print held-out figures first.

The held-out part (the newer time split of ``labels_heldout.jsonl``) is only ever counted: its
items are never listed. Development items may be listed (``--verbose``)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scanners.job import lazy_embedder
from scanners.learned import Example, LearnedModel, train
from scanners.relevance import DEFAULT_THRESHOLD, RelevanceScorer, load_scorer

HERE = Path(__file__).parent
LABELS = HERE / "labels.jsonl"  # the older development set
TIME_SPLIT = HERE / "labels_heldout.jsonl"  # split: dev (older) / heldout (newer, frozen)
# More development marks, before the held-out months, from the skills and education strata only
# (HELDOUT.md, "v3"): they train the learned model but are not scored, so the development figures
# stay those of the stratified sample.
# more development marks, labelled blind (HELDOUT.md, "v3", "v4" and "v5"); marks only, never scored
DEV_MARKS = (HERE / "labels_dev_v3.jsonl", HERE / "labels_dev_v4.jsonl", HERE / "labels_dev_v5.jsonl")
_SHARED = next((p for p in (Path(os.environ.get("MSV_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared"),
                           Path("/work/shared")) if p.exists()), Path(__file__).resolve().parents[3] / "shared")
CORPUS = _SHARED / "corpus" / "regeringen.jsonl.gz"
CURVE = (10, 30, 100, None)  # marks; None: all development labels
# Within development, older against newer (as development against held-out): marks dated before
# this month train, the development split's pages from it on are scored.
DEV_CUT = (2024, 7)


@dataclass
class Figures:
    """Ranking and digest figures of one set-up on one part of the labels."""

    setup: str
    n: int
    relevant: int
    shown: int
    hits: int
    threshold: float
    top30_hits: int
    top10_hits: int
    marks: int = 0
    top_r_hits: int = 0  # relevant among the first `relevant` ranked (R-precision)
    mean_probability: float = 0.0  # calibrated in the large when near relevant / n

    @property
    def recall(self) -> float:
        return self.hits / self.relevant if self.relevant else 0.0

    @property
    def precision(self) -> float:
        return self.hits / self.shown if self.shown else 0.0

    @property
    def precision_at_30(self) -> float:
        return self.top30_hits / min(30, self.n) if self.n else 0.0

    @property
    def precision_at_10(self) -> float:
        return self.top10_hits / min(10, self.n) if self.n else 0.0

    def line(self) -> str:
        return (f"{self.setup:<34} recall {self.recall:.2f} ({self.hits}/{self.relevant})  "
                f"digest precision {self.precision:.2f} ({self.hits}/{self.shown})  "
                f"p@30 {self.precision_at_30:.2f} ({self.top30_hits}/{min(30, self.n)})  "
                f"p@10 {self.precision_at_10:.2f}  R-precision {self.top_r_hits}/{self.relevant}  "
                f"mean probability {self.mean_probability:.3f} (share relevant "
                f"{self.relevant / self.n if self.n else 0.0:.3f})")

    def to_json(self) -> dict[str, object]:
        return {"setup": self.setup, "n": self.n, "relevant": self.relevant, "shown": self.shown,
                "hits": self.hits, "threshold": self.threshold, "marks": self.marks,
                "recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "precision_at_30": round(self.precision_at_30, 4),
                "precision_at_10": round(self.precision_at_10, 4), "r_precision_hits": self.top_r_hits,
                "mean_probability": round(self.mean_probability, 4)}


@dataclass
class ScannerScore:
    heldout: list[Figures]
    development: list[Figures]
    threshold: float
    misses: list[str] = field(default_factory=list)  # development only
    false_alarms: list[str] = field(default_factory=list)  # development only
    time_split: list[Figures] = field(default_factory=list)  # development, older → newer

    @property
    def cold(self) -> Figures:
        return self.development[0]

    # the old scorecard's fields, now the development cold start
    @property
    def precision_at_10(self) -> float:
        return self.cold.precision_at_10

    @property
    def recall(self) -> float:
        return self.cold.recall

    def lines(self) -> list[str]:
        out = [f"threshold (calibrated probability)  {self.threshold:.2f}; precision@30 cannot pass "
               "relevant/30 when fewer than 30 items are relevant: R-precision is the ranking figure", "",
               "HELD-OUT (newer pages, 2025-07 and later; figures only)"]
        out += ["  " + f.line() for f in self.heldout]
        out += ["", "DEVELOPMENT (older pages; learned figures by 5-fold cross-validation)"]
        out += ["  " + f.line() for f in self.development]
        if self.time_split:
            out += ["", f"DEVELOPMENT, TIME SPLIT (marks before {DEV_CUT[0]}-{DEV_CUT[1]:02d}; "
                    "newer development pages scored)"]
            out += ["  " + f.line() for f in self.time_split]
        return out

    def to_json(self) -> dict[str, object]:
        return {"threshold": self.threshold, "heldout": [f.to_json() for f in self.heldout],
                "development": [f.to_json() for f in self.development],
                "time_split": [f.to_json() for f in self.time_split]}


def load_labels(path: Path = LABELS) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _texts(urls: set[str], corpus: Path,
           stream: list[tuple[str, str]] | None = None) -> dict[str, dict]:
    """The records of `urls`; every page's (title, text) is appended to `stream` when given."""
    found: dict[str, dict] = {}
    seen: set[str] = set()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if stream is not None and rec["url"] not in seen:
                seen.add(rec["url"])
                stream.append((rec["title"], rec["text"]))
            if rec["url"] in urls and rec["url"] not in found:
                found[rec["url"]] = rec
    return found


def figures(setup: str, probs: Sequence[float], labels: Sequence[bool], threshold: float,
            marks: int = 0) -> Figures:
    ranked = sorted(zip(probs, labels, strict=True), key=lambda x: -x[0])
    shown = [y for p, y in ranked if p >= threshold]
    return Figures(setup, len(ranked), sum(labels), len(shown), sum(shown), threshold,
                   sum(y for _, y in ranked[:30]), sum(y for _, y in ranked[:10]), marks,
                   sum(y for _, y in ranked[: sum(labels)]),
                   sum(probs) / len(probs) if len(probs) else 0.0)


def _examples(rows: list[dict], records: dict[str, dict], cold: dict[str, float]) -> list[Example]:
    return [Example(records[r["url"]]["title"], records[r["url"]]["text"], cold[r["url"]]) for r in rows]


def _learned(model: LearnedModel | None, rows: list[dict], records: dict[str, dict],
             cold: dict[str, float]) -> list[float]:
    if model is None:  # too few marks: the app ranks by the cold start
        return [cold[r["url"]] for r in rows]
    return model.probabilities(_examples(rows, records, cold))


@dataclass
class Scored:
    """The labelled pages as the app's cold start scores them: the held-out part, the
    development split, the development pool (with the older set) and every page's probability."""

    held: list[dict]
    dev: list[dict]
    pool: list[dict]
    records: dict[str, dict]
    cold: dict[str, float]  # the calibrated probability
    raw: dict[str, float] = field(default_factory=dict)  # the blend before calibration
    marks_only: set[str] = field(default_factory=set)  # urls of the extra development marks (v3)

    @property
    def sample(self) -> list[dict]:
        """The development pool as sampled (the strata of v1), without the extra marks."""
        return [r for r in self.pool if r["url"] not in self.marks_only]

    @property
    def everything(self) -> list[dict]:
        return [*self.held, *self.sample]

    def examples(self, rows: list[dict]) -> list[Example]:
        return _examples(rows, self.records, self.cold)

    def stream(self, marked: list[dict]) -> list[Example]:
        """What the app's store holds: every item, with the marks made so far."""
        known = {r["url"]: bool(r["relevant"]) for r in marked}
        return [Example(e.title, e.text, e.cold, known.get(r["url"]))
                for r, e in zip(self.everything, self.examples(self.everything), strict=True)]

    def month(self, row: dict) -> tuple[int, int]:
        rec = self.records[row["url"]]
        return int(rec.get("year") or 0), int(rec.get("month") or 0)

    def learned(self, marked: list[dict], rows: list[dict]) -> tuple[LearnedModel | None, list[float]]:
        """A model trained on `marked` as the app trains on marks, and its probabilities for
        `rows` (the cold start's while there are too few marks)."""
        model = train(self.examples(marked), [r["relevant"] for r in marked],
                      stream=self.stream(marked))
        return model, _learned(model, rows, self.records, self.cold)


def score_labels(scorer: RelevanceScorer | None = None, corpus: Path = CORPUS,
                 threshold: float = DEFAULT_THRESHOLD) -> Scored:
    """Every labelled page scored by the cold start the app builds."""
    split = load_labels(TIME_SPLIT)
    held = [r for r in split if r["split"] == "heldout"]
    held_urls = {r["url"] for r in held}
    dev = [r for r in split if r["split"] == "dev"]
    dev_urls = {r["url"] for r in dev}
    # the older set is development too, less anything the time split holds
    pool = dev + [r for r in load_labels(LABELS) if r["url"] not in held_urls | dev_urls]
    known = held_urls | {r["url"] for r in pool}
    extra = [r for path in DEV_MARKS if path.exists() for r in load_labels(path) if r["url"] not in known]
    stream: list[tuple[str, str]] = []
    records = _texts({r["url"] for r in split + pool + extra}, corpus, stream)
    missing = [r["url"] for r in split + pool + extra if r["url"] not in records]
    if missing:
        raise SystemExit(f"{len(missing)} labelled URLs not in {corpus}, e.g. {missing[0]}")
    # as ScanJob builds it: topics, the bundled corpus, the embedding model for English items
    scorer = scorer or load_scorer(threshold=threshold, embed=lazy_embedder())
    everything = [*held, *pool]
    docs = [(records[r["url"]]["title"], records[r["url"]]["text"]) for r in everything]
    # The stream as the app's store holds it (texts only, no labels): every page of the
    # government's site, as a store that scans it would hold them, not only the labelled sample
    # (whose sampling favours pages in the field's words, so word rarity measured on it alone
    # underrates the field's words; evals/README.md, fifth pass).
    scorer.observe(stream)
    scorer.observe(docs)
    rels = scorer.score_many(docs)
    # the extra marks are scored by the same scorer but kept out of its word counts and of the
    # stream: drawn from the field's strata only, they would raise the stream's share of relevant
    # news (which sets the learned model's prior) above the sample's
    rels += scorer.score_many([(records[r["url"]]["title"], records[r["url"]]["text"]) for r in extra])
    cold = {r["url"]: rel.score for r, rel in zip(everything + extra, rels, strict=True)}
    raw = {r["url"]: float(rel.reason["cold"]) for r, rel in zip(everything + extra, rels, strict=True)}
    return Scored(held, dev, pool + extra, records, cold, raw, {r["url"] for r in extra})


def evaluate(scorer: RelevanceScorer | None = None, corpus: Path = CORPUS,
             threshold: float = DEFAULT_THRESHOLD, folds: int = 5) -> ScannerScore:
    """The scorecard: cold start and learned (a learning curve) on the held-out part, then the
    development figures (cross-validated, and older against newer)."""
    s = score_labels(scorer, corpus, threshold)
    held, dev, pool, cold = s.held, s.dev, s.pool, s.cold
    y_held = [bool(r["relevant"]) for r in held]
    out_held = [figures("cold start (no marks)", [cold[r["url"]] for r in held], y_held, threshold)]
    # marks follow what readers see; the curve's first points read the sampled pool (the extra
    # marks, from the field's strata only, would fill them with relevant pages) and its last
    # point takes every development mark
    reading_order = sorted(s.sample, key=lambda r: -cold[r["url"]])
    for n in CURVE:
        marked = reading_order[:n] if n else pool
        model, probs = s.learned(marked, held)
        name = f"learned, {len(marked)} marks" + ("" if model else " (too few: cold start)")
        out_held.append(figures(name, probs, y_held, threshold, len(marked)))

    y_dev = [bool(r["relevant"]) for r in dev]
    dev_cold = [cold[r["url"]] for r in dev]
    out_dev = [figures("cold start (no marks)", dev_cold, y_dev, threshold)]
    cv = [0.0] * len(dev)
    for k in range(folds):
        test_idx = [i for i in range(len(dev)) if i % folds == k]
        test_urls = {dev[i]["url"] for i in test_idx}
        train_rows = [r for r in pool if r["url"] not in test_urls]
        _, probs = s.learned(train_rows, [dev[i] for i in test_idx])
        for i, p in zip(test_idx, probs, strict=True):
            cv[i] = p
    out_dev.append(figures(f"learned, all marks ({folds}-fold)", cv, y_dev, threshold, len(pool)))

    older = [r for r in pool if s.month(r) < DEV_CUT]
    newer = [r for r in dev if s.month(r) >= DEV_CUT]
    y_new = [bool(r["relevant"]) for r in newer]
    _, probs = s.learned(older, newer)
    out_time = [figures("cold start (no marks)", [cold[r["url"]] for r in newer], y_new, threshold),
                figures(f"learned, {len(older)} older marks", probs, y_new, threshold, len(older))]
    return ScannerScore(
        out_held, out_dev, threshold,
        misses=[f"{p:.2f} {r['title']}" for p, r in zip(dev_cold, dev, strict=True)
                if r["relevant"] and p < threshold],
        false_alarms=[f"{p:.2f} {r['title']}" for p, r in zip(dev_cold, dev, strict=True)
                      if not r["relevant"] and p >= threshold],
        time_split=out_time)
