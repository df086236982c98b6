"""Store benchmark: ingest throughput against the raw embedding throughput of the same model in
the same run, and search latency (p50/p95) at 10k and 50k chunks of the government corpus, with
and without an access filter, plus peak memory. Prints figures; asserts nothing.

Dense vectors at scale are random unit vectors (search latency does not depend on their values,
and embedding 50k chunks takes about an hour on this 2-core CPU); sparse vectors, payloads and
queries are real, and every query is embedded by the loaded model as part of its search time.
Run: python evals/bench_store.py [--corpus ../shared/corpus/regeringen.jsonl.gz] [--sizes 10000 50000]"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from ingest.chunking import ChunkSpec, chunk_document, context_text
from ingest.documents import Document
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.loaders import load_jsonl
from ingest.sparse import Bm25Encoder
from ingest.store import EdgeStore, Point, SearchFilter

QUERIES = [
    "Vilka uppdrag har Myndigheten för yrkeshögskolan fått om kompetensförsörjning?",
    "regleringsbrev Skolverket vuxenutbildning",
    "Hur ska validering av reell kompetens utvecklas?",
    "omställningsstudiestöd för yrkesverksamma",
    "Arbetsförmedlingen och regionerna i det regionala kompetensförsörjningsarbetet",
    "STEM-strategi för högre utbildning",
    "folkbildningens roll i livslångt lärande",
    "ESF-rådet socialfonden programperiod",
]


def load_docs(corpus: Path, limit: int | None = None) -> list[Document]:
    docs = []
    for doc in load_jsonl(corpus):
        if isinstance(doc, Document):
            docs.append(doc)
            if limit and len(docs) >= limit:
                break
    return docs


def ms(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"p50 {statistics.median(xs) * 1000:6.1f} ms  p95 {xs[int(len(xs) * 0.95) - 1] * 1000:6.1f} ms"


def bench_ingest(docs: list[Document], embedder: Embedder, chunks_wanted: int, rounds: int = 3) -> None:
    """Raw embedding and the whole ingest path on the same documents, alternated in rounds so
    that a noisy machine affects both alike; the median ratio is reported."""
    picked, total = [], 0
    for d in docs:
        picked.append(d)
        total += len(chunk_document(d))
        if total >= chunks_wanted:
            break
    texts = [context_text(n) for d in picked for n in chunk_document(d)]
    embedder.embed(texts[:32])  # warm up
    ratios, raws, fulls = [], [], []
    for _ in range(rounds):
        t = time.perf_counter()
        embedder.embed(texts)
        raw = len(texts) / (time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp, KnowledgeBase(KbConfig(data_dir=Path(tmp)), embedder=embedder) as kb:
            t = time.perf_counter()
            chunks = sum(r.chunks for r in kb.ingest_documents(picked))
            full = chunks / (time.perf_counter() - t)
        raws.append(raw)
        fulls.append(full)
        ratios.append(full / raw)
    print(f"inbäddning rå: {statistics.median(raws):7.1f} avsnitt/s   ingest hela vägen: {statistics.median(fulls):7.1f} "
          f"avsnitt/s   kvot (median av {rounds} varv) {statistics.median(ratios):.2f} "
          f"[{', '.join(f'{r:.2f}' for r in ratios)}] (mål ≥ 0.8; {len(texts)} avsnitt, {len(picked)} dokument)")


def bench_search(docs: list[Document], embedder: Embedder, sizes: list[int]) -> None:
    bm25 = Bm25Encoder()
    nodes = [n for d in docs for n in chunk_document(d, ChunkSpec())]
    print(f"korpus: {len(docs)} dokument, {len(nodes)} avsnitt")
    rng = np.random.default_rng(0)
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            store = EdgeStore(Path(tmp), embedder.dim)
            t = time.perf_counter()
            written, copy = 0, 0
            while written < size:
                for i in range(0, len(nodes), 1000):
                    part = nodes[i : i + min(1000, size - written)]
                    if not part:
                        break
                    vecs = rng.normal(size=(len(part), embedder.dim)).astype(np.float32)
                    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
                    points = []
                    for j, n in enumerate(part):
                        payload = {**n.metadata, "text": n.text,
                                   "access": ["styrgrupp"] if (i + j) % 2 else ["alla"]}
                        if copy:
                            payload["doc_id"] = f"{payload['doc_id']}-{copy}"
                        points.append(Point(f"{n.node_id[:-4]}{copy:04d}", vecs[j], bm25.encode_document(context_text(n)), payload))
                    store.upsert(points)
                    written += len(part)
                    if written >= size:
                        break
                copy += 1
            store.flush()
            load = time.perf_counter() - t
            from ingest.search import Searcher

            # The model is loaded; every query is new text, so its embedding is computed each time.
            searcher = Searcher(store, embedder)
            for rep in range(3):
                for q in QUERIES:
                    searcher.search(f"{q} v{rep}", 10)  # warm up (kernels for each query length)
            plain, filtered = [], []
            for rep in range(5):
                for q in QUERIES:
                    t = time.perf_counter()
                    searcher.search(f"{q} {rep}", 10)
                    plain.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    searcher.search(f"{q} {rep}?", 10, SearchFilter(access=("alla", "sekretariat")))
                    filtered.append(time.perf_counter() - t)
            print(f"{store.count():>7} avsnitt (skrivna på {load:5.1f} s): utan filter {ms(plain)} | "
                  f"med åtkomstfilter {ms(filtered)} | kvot p50 {statistics.median(filtered) / statistics.median(plain):.2f}")
            store.close()
    # Query embedding alone, model loaded: what a user's first query adds on top of the store.
    t_q = []
    for q in QUERIES * 3:
        t = time.perf_counter()
        embedder.embed_query(q + " ")
        t_q.append(time.perf_counter() - t)
    print(f"frågeinbäddning (modell laddad, ej cachad): {ms(t_q)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/regeringen.jsonl.gz"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--ingest-chunks", type=int, default=150)
    args = ap.parse_args()
    embedder = Embedder()
    docs = load_docs(args.corpus)
    bench_ingest(docs, embedder, args.ingest_chunks)
    bench_search(docs, embedder, args.sizes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"toppminne: {peak:.0f} MB")


if __name__ == "__main__":
    from ingest.offline import local_first_defaults

    local_first_defaults()
    main()
