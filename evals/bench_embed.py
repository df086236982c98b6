"""Embedding precision benchmark: the int8 ONNX model against the fp32 sentence-transformers
model, in one run on the same passages.

    python evals/bench_embed.py [--passages 256] [--rounds 3] [--no-retrieval]

Prints raw embedding throughput of each (median of alternated rounds) and their ratio, the cosine
agreement of the two vectors per passage, and the retrieval figures (held-out first, then
development) with an index and queries embedded at each precision."""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.retrieval import CACHE, run_retrieval_eval  # noqa: E402
from ingest.embed import Embedder  # noqa: E402

REGERINGEN = ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz"
QUESTIONS = ROOT / "evals" / "questions"


def passages(n: int, regeringen: Path) -> list[str]:
    """``n`` passages of about 500 characters from the bundled report and the government pages."""
    out: list[str] = []
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out += [text[i : i + 500] for i in range(0, len(text), 500)][: n // 2]
    with gzip.open(regeringen, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            text = json.loads(line)["text"]
            out += [text[i : i + 500] for i in range(0, min(len(text), 1500), 500)]
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=256)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--regeringen", type=Path, default=REGERINGEN)
    ap.add_argument("--no-retrieval", action="store_true", help="skip the retrieval figures (they embed the corpus)")
    ap.add_argument("--sample", type=int, default=2000,
                    help="government pages besides the questions' own in the retrieval index (int8 embeds them all once)")
    args = ap.parse_args()
    texts = passages(args.passages, args.regeringen)
    models = {"fp32": Embedder(), "int8": Embedder(precision="int8", onnx_dir=CACHE / "models")}
    t = time.perf_counter()
    vecs = {name: e.embed(texts[:4]) for name, e in models.items()}  # load both (int8: export on first use)
    print(f"models loaded in {time.perf_counter() - t:.0f} s; {len(texts)} passages, {args.rounds} alternated rounds")
    rates: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(args.rounds):
        for name, e in models.items():
            t = time.perf_counter()
            vecs[name] = e.embed(texts)
            rates[name].append(len(texts) / (time.perf_counter() - t))
    fp32, int8 = statistics.median(rates["fp32"]), statistics.median(rates["int8"])
    cos = np.sum(vecs["fp32"] * vecs["int8"], axis=1)
    ratios = [a / b for a, b in zip(rates["int8"], rates["fp32"])]
    paired = statistics.median(ratios)
    print(f"throughput fp32 {fp32:.1f} passages/s, int8 {int8:.1f} passages/s (medians), ratio of medians {int8 / fp32:.2f}; "
          f"median of the paired round ratios {paired:.2f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"cosine int8 vs fp32: min {cos.min():.4f}, mean {cos.mean():.4f}")
    if args.no_retrieval:
        return
    print(f"retrieval: the bundled corpus, the questions' pages and {args.sample} other government pages")
    for precision in ("fp32", "int8"):
        t = time.perf_counter()
        r = run_retrieval_eval(QUESTIONS / "retrieval.jsonl", heldout_file=QUESTIONS / "retrieval_heldout.jsonl",
                               corpus_dir=ROOT / "corpus", regeringen=args.regeringen, baseline=False,
                               embed_precision=precision, sample=args.sample)
        held, dev = r["heldout"]["ours"], r["ours"]
        print(f"{precision} ({r['documents']} documents, {r['chunks']} chunks, {time.perf_counter() - t:.0f} s)")
        for label, f in (("held-out", held), ("development", dev)):
            print(f"  {label:12} hit@1 {f['hit@1']:.3f}  hit@5 {f['hit@5']:.3f}  MRR@10 {f['mrr@10']:.3f}  "
                  f"chars/hit {f['chars_per_hit']:.0f}")


if __name__ == "__main__":
    main()
