"""Access-filter benchmark: what the store-level access filter costs. At 50k chunks of the
government corpus (real text, sparse vectors and queries; random unit dense vectors, as in
evals/bench_store.py), labelled like a collaboration's documents, the same searches run
unfiltered and as users with different groups; prints p50/p95 and the cost ratio (target ≤ 1.5).
Run: python evals/bench_access.py [--corpus ../shared/corpus/regeringen.jsonl.gz] [--chunks 50000]"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.access.policy import User, restrict  # noqa: E402
from evals.bench_store import QUERIES, load_docs, ms  # noqa: E402
from ingest.chunking import ChunkSpec, chunk_document, context_text  # noqa: E402
from ingest.embed import Embedder  # noqa: E402
from ingest.search import Searcher  # noqa: E402
from ingest.sparse import Bm25Encoder  # noqa: E402
from ingest.store import EdgeStore, Point, SearchFilter  # noqa: E402

# Share of documents per label: most are for everyone, some for bodies and working groups.
LABELS = [(["alla"], 0.60), (["styrgrupp"], 0.12), (["beredningsgrupp", "styrgrupp"], 0.05),
          (["sekretariat"], 0.05), (["arbetsgrupp-validering"], 0.06), (["arbetsgrupp-analys"], 0.06),
          (["gd-grupp"], 0.03), (["extern"], 0.03)]
READERS = [
    User("medlem", ("arbetsgrupp-validering",)),
    User("styrgrupp", ("styrgrupp", "beredningsgrupp")),
    User("extern", ("extern",)),  # the narrowest filter: ~3 % of the chunks
]


def build(store: EdgeStore, docs: list, size: int, dim: int) -> None:  # type: ignore[type-arg]
    bm25 = Bm25Encoder()
    rng = np.random.default_rng(0)
    cum = np.cumsum([p for _, p in LABELS])
    written, copy = 0, 0
    nodes = [(di, n) for di, d in enumerate(docs) for n in chunk_document(d, ChunkSpec())]
    while written < size:
        for i in range(0, len(nodes), 1000):
            part = nodes[i: i + min(1000, size - written)]
            if not part:
                break
            vecs = rng.normal(size=(len(part), dim)).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            points = []
            for j, (di, n) in enumerate(part):
                # One label per document (and copy), so a document's chunks share it.
                label = LABELS[int(np.searchsorted(cum, ((di * 7919 + copy * 104729) % 1000) / 1000.0))][0]
                payload = {**n.metadata, "text": n.text, "access": label,
                           "doc_id": f"{n.metadata['doc_id']}-{copy}"}
                points.append(Point(f"{n.node_id[:-4]}{copy:04d}", vecs[j],
                                    bm25.encode_document(context_text(n)), payload))
            store.upsert(points)
            written += len(part)
            if written >= size:
                break
        copy += 1
    store.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/regeringen.jsonl.gz"))
    ap.add_argument("--chunks", type=int, default=50_000)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    embedder = Embedder()
    docs = load_docs(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        store = EdgeStore(Path(tmp), embedder.dim)
        t = time.perf_counter()
        build(store, docs, args.chunks, embedder.dim)
        print(f"{store.count()} avsnitt skrivna på {time.perf_counter() - t:.1f} s")
        searcher = Searcher(store, embedder)
        filters = [("utan filter", SearchFilter())] + [
            (f"som {u.name} ({', '.join(u.groups)})", restrict(SearchFilter(), u)) for u in READERS]
        for q in QUERIES:  # warm up model and store
            for _, flt in filters:
                searcher.search(q, 10, flt)
        times: dict[str, list[float]] = {name: [] for name, _ in filters}
        for rep in range(args.reps):
            for q in QUERIES:
                for name, flt in filters:  # interleaved, so load changes hit every variant alike
                    t = time.perf_counter()
                    searcher.search(f"{q} {rep}", 10, flt)
                    times[name].append(time.perf_counter() - t)
        base = statistics.median(times["utan filter"])
        worst = 0.0
        for name, flt in filters:
            share = store.count(flt) / store.count()
            ratio = statistics.median(times[name]) / base
            worst = max(worst, ratio)
            print(f"{name:<48} {share:6.1%} av avsnitten  {ms(times[name])}  kvot p50 {ratio:.2f}")
        print(f"största kvot filtrerad/ofiltrerad sökning: {worst:.2f} (mål ≤ 1.5)")
        store.close()


if __name__ == "__main__":
    from ingest.offline import local_first_defaults

    local_first_defaults()
    main()
