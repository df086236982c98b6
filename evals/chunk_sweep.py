"""Chunk-size sweep: how retrieval quality and characters per hit move with the chunk size.

Lexical channel only (BM25 with the project's Swedish tokenizer, computed in memory), which is
what carries Swedish retrieval with the default English embedding model; the chosen size is then
confirmed with the full hybrid search by `msv eval retrieval`.
Run: python evals/chunk_sweep.py [sizes...]"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from evals.retrieval import CACHE, load_questions, report_paths, sample_regeringen, score
from ingest.chunking import ChunkSpec, chunk_document, context_text
from ingest.loaders import loader_for
from ingest.metadata import Overrides, apply_metadata, read_sidecar
from ingest.swedish import tokenize

K1, B = 1.2, 0.75


def load_docs(paths: list[Path]):  # noqa: ANN201
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.endswith(".meta.toml")) if path.is_dir() else [path]
        for f in files:
            side = read_sidecar(f)
            for doc in loader_for(f)(f):
                if not isinstance(doc, Exception):
                    yield apply_metadata(doc, f, side, Overrides())


def bm25_rank(texts: list[str], queries: list[str], k: int = 10) -> list[list[int]]:
    docs = [Counter(tokenize(t)) for t in texts]
    lens = [sum(d.values()) for d in docs]
    avg = sum(lens) / len(lens)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    post: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, d in enumerate(docs):
        norm = K1 * (1 - B + B * lens[i] / avg)
        for t, c in d.items():
            post[t].append((i, c * (K1 + 1) / (c + norm)))
    out = []
    for q in queries:
        scores: dict[int, float] = defaultdict(float)
        for t, w in Counter(tokenize(q)).items():
            idf = math.log((n - df[t] + 0.5) / (df[t] + 0.5) + 1) if t in df else 0.0
            for i, v in post.get(t, ()):
                scores[i] += w * idf * v
        out.append([i for i, _ in sorted(scores.items(), key=lambda x: -x[1])[:k]])
    return out


def main() -> None:
    sizes = [int(s) for s in sys.argv[1:]] or [400, 550, 700, 850, 1000]
    questions = load_questions(Path("evals/questions/retrieval.jsonl"))
    wanted = {q["doc"] for q in questions if str(q.get("doc", "")).startswith("http")}
    docs = list(load_docs([*report_paths(Path("corpus")), sample_regeringen(Path("../shared/corpus/regeringen.jsonl.gz"), wanted, 2000)]))
    print(f"{len(docs)} dokument, {len(questions)} frågor (BM25-kanalen)")
    print(f"{'tecken':>8}{'avsnitt':>9}{'hit@1':>8}{'hit@5':>8}{'MRR@10':>8}{'tecken/träff':>14}")
    for size in sizes:
        nodes = [n for d in docs for n in chunk_document(d, ChunkSpec(max_chars=size))]
        ranked = bm25_rank([context_text(n) for n in nodes], [q["question"] for q in questions])
        r = score([[nodes[i].text for i in ids] for ids in ranked], questions)
        print(f"{size:>8}{len(nodes):>9}{r['hit@1']:>8.3f}{r['hit@5']:>8.3f}{r['mrr@10']:>8.3f}{r['chars_per_hit']:>14.0f}")


if __name__ == "__main__":
    CACHE.mkdir(exist_ok=True)
    main()
