"""Rank the labelled press releases with the scanner's relevance scorer; precision and recall."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path

from scanners.relevance import DEFAULT_THRESHOLD, RelevanceScorer, load_topics

LABELS = Path(__file__).with_name("labels.jsonl")
_SHARED = next((p for p in (Path(os.environ.get("MSV_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared"),
                           Path("/work/shared")) if p.exists()), Path(__file__).resolve().parents[3] / "shared")
CORPUS = _SHARED / "corpus" / "regeringen.jsonl.gz"


@dataclass
class ScannerScore:
    n: int
    relevant: int
    precision_at_10: float
    precision_at_30: float
    recall: float
    precision: float
    threshold: float
    misses: list[str]
    false_alarms: list[str]

    def lines(self) -> list[str]:
        return [f"labelled items       {self.n} ({self.relevant} relevant)",
                f"precision@10         {self.precision_at_10:.2f}",
                f"precision@30         {self.precision_at_30:.2f}",
                f"recall @ {self.threshold:.2f}        {self.recall:.2f}",
                f"precision @ {self.threshold:.2f}     {self.precision:.2f}"]


def load_labels(path: Path = LABELS) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _texts(urls: set[str], corpus: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["url"] in urls:
                found[rec["url"]] = rec
    return found


def evaluate(scorer: RelevanceScorer | None = None, labels: Path = LABELS,
             corpus: Path = CORPUS, threshold: float = DEFAULT_THRESHOLD) -> ScannerScore:
    """Score every labelled item; rank by score; precision@10/@30, recall at `threshold`."""
    scorer = scorer or RelevanceScorer(load_topics(), threshold=threshold)
    rows = load_labels(labels)
    records = _texts({r["url"] for r in rows}, corpus)
    missing = [r["url"] for r in rows if r["url"] not in records]
    if missing:
        raise SystemExit(f"{len(missing)} labelled URLs not in {corpus}, e.g. {missing[0]}")
    docs = [(records[r["url"]]["title"], records[r["url"]]["text"]) for r in rows]
    scores = [rel.score for rel in scorer.score_many(docs)]
    ranked = sorted(zip(scores, rows, strict=True), key=lambda x: -x[0])
    relevant = sum(r["relevant"] for r in rows)
    hits = [s >= threshold for s, _ in ranked]

    def p_at(k: int) -> float:
        return sum(r["relevant"] for _, r in ranked[:k]) / k

    tp = sum(1 for (s, r) in ranked if s >= threshold and r["relevant"])
    return ScannerScore(
        n=len(rows), relevant=relevant, precision_at_10=p_at(10), precision_at_30=p_at(30),
        recall=tp / relevant if relevant else 0.0,
        precision=tp / sum(hits) if any(hits) else 0.0, threshold=threshold,
        misses=[f"{s:.2f} {r['title']}" for s, r in ranked if r["relevant"] and s < threshold],
        false_alarms=[f"{s:.2f} {r['title']}" for s, r in ranked
                      if not r["relevant"] and s >= threshold],
    )
