"""Store benchmark: ingest throughput against the raw embedding throughput of the same model in
the same run, and per store size (each in its own process, so peak memory is per size): insert
time, search latency p50/p95 with and without an access filter against the query-embedding floor
measured in the same process, before and after the index build, and peak memory. Prints figures;
asserts nothing.

Dense vectors at scale are random unit vectors (search latency does not depend on their values,
and embedding 50k chunks takes about an hour on this 2-core CPU); sparse vectors, payloads and
queries are real (the corpus's chunks, reused under new document ids when a size asks for more),
and every query is embedded by the loaded model as part of its search time.
Run: python evals/bench_store.py [--corpus ../shared/corpus/regeringen.jsonl.gz]
     [--sizes 10000 50000 | 200000 500000] [--no-ingest] [--no-optimize] [--store-dir DIR]
With --store-dir a size's store is built once into DIR/<size> and later runs measure search on it
as it is (a 500k build takes half an hour or more on a busy machine); --read-ahead-ab ROUNDS then
compares the search with and without its read-ahead instead (alternated, same floor, top-10 ids),
and --dense-ab ROUNDS the dense channel as a full query against a rescoring of the sparse candidates."""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

# This checkout's packages, not an installed copy's (a worktree's run measured main's code without it).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.chunking import ChunkSpec, chunk_document, chunk_id, context_text  # noqa: E402
from ingest.documents import Document  # noqa: E402
from ingest.embed import Embedder  # noqa: E402
from ingest.glossary import expand_query  # noqa: E402
from ingest.kb import KbConfig, KnowledgeBase  # noqa: E402
from ingest.loaders import load_jsonl  # noqa: E402
from ingest.sparse import Bm25Encoder, SparseVec  # noqa: E402
from ingest.store import EdgeStore, Point, SearchFilter  # noqa: E402

BUILT = "built.txt"  # written into a kept store's folder when its build is complete

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


def _mem() -> dict[str, int]:
    kb = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile"):
            kb[key] = int(rest.split()[0]) // 1024
    return kb


def _rss() -> str:
    """Resident memory now: in all, and the part that is file pages mapped by the store (the
    kernel can drop those under memory pressure; anonymous memory it cannot)."""
    kb = _mem()
    return f"RSS {kb.get('VmRSS', 0)} MB (anonymt {kb.get('RssAnon', 0)}, filsidor {kb.get('RssFile', 0)})"


class _Peaks(threading.Thread):
    """The highest anonymous and file-page resident memory, sampled every 0.2 s (the kernel's
    peak, ru_maxrss, is of the total only)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak: dict[str, int] = {}

    def run(self) -> None:
        while True:
            for key, mb in _mem().items():
                self.peak[key] = max(self.peak.get(key, 0), mb)
            time.sleep(0.2)


def _chunks(corpus: Path, size: int) -> tuple[list[tuple[dict, np.ndarray, np.ndarray]], int]:
    """Up to ``size`` chunks of the corpus as (payload, sparse indices, sparse values), compact:
    neither documents nor chunk objects are kept, so the process's memory is the store's and
    the model's. Also the number of documents read."""
    bm25, rows, n_docs = Bm25Encoder(), [], 0
    for doc in load_jsonl(corpus):
        if not isinstance(doc, Document):
            continue
        n_docs += 1
        for n in chunk_document(doc, ChunkSpec()):
            sv = bm25.encode_document(context_text(n))
            payload = {**n.metadata, "text": n.text, "_id": n.node_id}
            rows.append((payload, np.asarray(sv.indices, dtype=np.int64), np.asarray(sv.values, dtype=np.float32)))
            if len(rows) >= size:
                return rows, n_docs
    return rows, n_docs


def _points(rows: list[tuple[dict, np.ndarray, np.ndarray]], size: int, dim: int) -> Iterator[list[Point]]:
    """``size`` points in batches of 1000, streamed: the corpus's chunks, copied under new document
    ids (and so new point ids) as often as needed; real payloads and sparse vectors (encoded once
    per chunk), random unit dense vectors; every other chunk readable by "styrgrupp" only."""
    rng = np.random.default_rng(0)
    written = 0
    for copy in itertools.count():
        for i in range(0, len(rows), 1000):
            part = rows[i : i + min(1000, size - written)]
            vecs = rng.normal(size=(len(part), dim)).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            batch = []
            for j, (meta, indices, values) in enumerate(part):
                k = i + j
                payload = {**meta, "access": ["styrgrupp"] if k % 2 else ["alla"]}
                pid = payload.pop("_id")
                if copy:
                    payload["doc_id"] = f"{payload['doc_id']}~{copy}"
                    pid = chunk_id(payload["doc_id"], int(payload["chunk"]))
                batch.append(Point(pid, vecs[j], SparseVec(indices.tolist(), values.tolist()), payload))
            yield batch
            written += len(part)
            if written >= size:
                return


def _latencies(searcher, embedder: Embedder, tag: str) -> dict[str, list[float]]:  # noqa: ANN001
    """Query embedding alone, search, and search with an access filter, interleaved per query so a
    busy machine weighs on all three alike. Every text is new: nothing is cached."""
    for q in QUERIES:
        searcher.search(f"{q} v{tag}", 10)  # warm up (kernels for each query length)
    out: dict[str, list[float]] = {"floor": [], "plain": [], "filtered": []}
    for rep in range(5):
        for q in QUERIES:
            t = time.perf_counter()
            embedder.embed_query(expand_query(f"{q} {tag}{rep}!", searcher.glossary))
            out["floor"].append(time.perf_counter() - t)
            t = time.perf_counter()
            searcher.search(f"{q} {tag}{rep}", 10)
            out["plain"].append(time.perf_counter() - t)
            t = time.perf_counter()
            searcher.search(f"{q} {tag}{rep}?", 10, SearchFilter(access=("alla", "sekretariat")))
            out["filtered"].append(time.perf_counter() - t)
    return out


def _paired(store: EdgeStore, embedder: Embedder, rounds: int, what: str, a: tuple[str, object],
            b: tuple[str, object]) -> None:
    """Two searchers on one store in one process, alternated query by query (order swapped each
    time), with the access filter, against the floor measured between them; top-10 ids compared.
    Each search is also split at the end of its own query embedding: the embedding (slowed when a
    read-ahead competes with it for a core) and the time after it. Also counted: the searches whose
    dense channel ranked the sparse candidates only (no dense query over the store)."""
    names, searchers = (a[0], b[0]), {a[0]: a[1], b[0]: b[1]}
    flt = SearchFilter(access=("alla", "sekretariat"))
    for q in QUERIES:
        for s in searchers.values():
            s.search(f"{q} vr", 10, flt)  # warm up
    spans: list[tuple[float, float]] = []
    embed_query, hybrid = embedder.embed_query, store.hybrid
    given: list[bool] = []

    def timed(text: str) -> np.ndarray:
        t = time.perf_counter()
        vec = embed_query(text)
        spans.append((t, time.perf_counter()))
        return vec

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        given.append(kwargs.get("dense_ids") is not None)
        return hybrid(*args, **kwargs)

    embedder.embed_query = timed  # type: ignore[method-assign]
    store.hybrid = counted  # type: ignore[method-assign]
    lat: dict[str, list[float]] = {"floor": []} | {f"{n}{part}": [] for n in names for part in ("", "_embed", "_after")}
    rescored = {n: 0 for n in names}
    same = total = 0
    try:
        for rep in range(rounds):
            for i, q in enumerate(QUERIES):
                t = time.perf_counter()
                embed_query(expand_query(f"{q} r{rep}!", searchers[names[0]].glossary))
                lat["floor"].append(time.perf_counter() - t)
                ids = {}
                for name in (names if (rep + i) % 2 else names[::-1]):
                    t = time.perf_counter()
                    hits = searchers[name].search(f"{q} r{rep}", 10, flt)
                    end = time.perf_counter()
                    lat[name].append(end - t)
                    lat[f"{name}_embed"].append(spans[-1][1] - spans[-1][0])
                    lat[f"{name}_after"].append(end - spans[-1][1])
                    rescored[name] += given[-1]
                    ids[name] = [h.chunk_id for h in hits]
                same += ids[names[0]] == ids[names[1]]
                total += 1
    finally:
        del embedder.embed_query, store.hybrid
    floor, p50 = statistics.median(lat["floor"]), {k: statistics.median(v) * 1000 for k, v in lat.items()}
    x, y = names
    paired = statistics.median(u / v for u, v in zip(lat[y], lat[x]))
    print(f"  {what}, med åtkomstfilter: {x} {ms(lat[x])} (kvot {statistics.median(lat[x]) / floor:.2f}) | "
          f"{y} {ms(lat[y])} (kvot {statistics.median(lat[y]) / floor:.2f}) | golv {ms(lat['floor'])} | "
          f"parvis {y}/{x} {paired:.2f} | samma topp-10 i {same} av {total} sökningar | "
          f"omrankad tät kanal {x} {rescored[x]}, {y} {rescored[y]} av {total}", flush=True)
    print(f"    p50 {x}/{y}: sökningens frågeinbäddning {p50[f'{x}_embed']:.1f} / {p50[f'{y}_embed']:.1f} ms, "
          f"tiden efter den {p50[f'{x}_after']:.1f} / {p50[f'{y}_after']:.1f} ms; "
          f"belastning {' '.join(f'{v:.1f}' for v in os.getloadavg())}", flush=True)


def _report(lat: dict[str, list[float]], label: str) -> None:
    floor, filt = statistics.median(lat["floor"]), statistics.median(lat["filtered"])
    print(f"  {label}: utan filter {ms(lat['plain'])} | med åtkomstfilter {ms(lat['filtered'])} | "
          f"frågeinbäddning (golv) {ms(lat['floor'])} | kvot p50 filter/golv {filt / floor:.2f} (mål ≤ 1.3)")


def bench_size(corpus: Path, embedder: Embedder, size: int, optimize: bool = True, optimize_every: int = 0,
               store_dir: Path | None = None, ab_rounds: int = 0, dense_rounds: int = 0) -> None:
    """One store of ``size`` points: insert time, search latency against the floor, memory. With
    ``store_dir`` the store is kept in ``store_dir/<size>``: built there when that folder holds no
    store, searched as it is (no inserts, no index build) when it does."""
    peaks = _Peaks()
    peaks.start()
    if store_dir is not None:
        folder = store_dir / str(size)
        if (folder / BUILT).exists():
            _measure_kept(folder, embedder, size, peaks, ab_rounds, dense_rounds)
            return
        if (folder / "shard").exists():
            raise SystemExit(f"{folder}: ett lager utan {BUILT} (ett avbrutet bygge); ta bort mappen och kör igen")
        folder.mkdir(parents=True, exist_ok=True)
        _build_and_measure(corpus, embedder, size, optimize, optimize_every, folder, peaks)
        return
    with tempfile.TemporaryDirectory() as tmp:
        _build_and_measure(corpus, embedder, size, optimize, optimize_every, Path(tmp), peaks)


def _peak_line(size: int, peaks: _Peaks) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  toppminne (processen för {size}, modell inräknad): {peak:.0f} MB; högst anonymt "
          f"{peaks.peak.get('RssAnon', 0)} MB, högst filsidor {peaks.peak.get('RssFile', 0)} MB (var 0,2 s)", flush=True)


def _measure_kept(folder: Path, embedder: Embedder, size: int, peaks: _Peaks, ab_rounds: int = 0,
                  dense_rounds: int = 0) -> None:
    """Search figures on a store kept by an earlier run (its layout as built then); with rounds,
    A/B runs instead: the dense channel over the store against over the sparse candidates only
    (SearchParams.dense_search), and the search with and without its read-ahead."""
    from ingest.search import Searcher, SearchParams

    t = time.perf_counter()
    store = EdgeStore(folder, embedder.dim)
    info = store.shard.info()
    print(f"{size} avsnitt: sparat lager i {folder}: {store.count()} punkter, {info.segments_count} segment, "
          f"öppnat på {time.perf_counter() - t:.1f} s, {_rss()}", flush=True)
    try:
        if dense_rounds:
            modes = [(m, Searcher(store, embedder, params=SearchParams(dense_search=m))) for m in ("full", "rescore")]
            _paired(store, embedder, dense_rounds, "tät kanal", *modes)
        if ab_rounds:
            _paired(store, embedder, ab_rounds, "förhandsläsning",
                    ("av", Searcher(store, embedder, read_ahead=False)), ("på", Searcher(store, embedder)))
        if not (ab_rounds or dense_rounds):
            _report(_latencies(Searcher(store, embedder), embedder, "k"), "sparat lager")
    finally:
        store.close()
    _peak_line(size, peaks)


def _build_and_measure(corpus: Path, embedder: Embedder, size: int, optimize: bool, optimize_every: int,
                       folder: Path, peaks: _Peaks) -> None:
    from ingest.search import Searcher

    t = time.perf_counter()
    rows, n_docs = _chunks(corpus, size)
    encoded = time.perf_counter() - t
    copies = -(-size // len(rows))
    print(f"{size} avsnitt: {len(rows)} avsnitt ur {n_docs} dokument i korpusen"
          + (f", återanvända i {copies} kopior med nya dokument-id" if copies > 1 else "")
          + f"; läsning, delning och BM25-kodning {encoded:.0f} s (utanför skrivtiden); {_rss()}", flush=True)
    store = EdgeStore(folder, embedder.dim)
    t = time.perf_counter()
    built = 0.0
    for done, batch in enumerate(_points(rows, size, embedder.dim), 1):
        store.upsert(batch)
        if optimize_every and done * 1000 % optimize_every == 0:  # as ingest runs do, a batch at a time
            store.flush()
            t_built = time.perf_counter()
            store.optimize()
            built += time.perf_counter() - t_built
            print(f"    {done * 1000} punkter: {time.perf_counter() - t:.0f} s, därav indexbygge {built:.0f} s, "
                  f"{store.shard.info().segments_count} segment, {_rss()}", flush=True)
    store.flush()
    load = time.perf_counter() - t
    info = store.shard.info()
    print(f"  skrivna: {store.count()} punkter på {load:.1f} s ({size / load:.0f} punkter/s"
          + (f"; därav indexbygge var {optimize_every}:e punkt {built:.0f} s" if optimize_every else "") + "), "
          f"{info.segments_count} segment, {_rss()}", flush=True)
    searcher = Searcher(store, embedder)  # the model is loaded; every query is embedded each time
    if not optimize_every:
        _report(_latencies(searcher, embedder, "a"), "utan indexbygge")
    if optimize:
        t = time.perf_counter()
        store.optimize()
        built = time.perf_counter() - t
        info = store.shard.info()
        print(f"  indexbygge (optimize): {built:.1f} s, {info.segments_count} segment, "
              f"{info.indexed_vectors_count} indexerade vektorer; skrivning + index {load + built:.1f} s "
              f"({size / (load + built):.0f} punkter/s), {_rss()}", flush=True)
        _report(_latencies(searcher, embedder, "b"), "efter indexbygge")
    (folder / BUILT).write_text(f"{size}\n")  # a complete store: a later run may search it as it is
    store.close()
    _peak_line(size, peaks)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/regeringen.jsonl.gz"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--ingest-chunks", type=int, default=150)
    ap.add_argument("--no-ingest", action="store_true", help="skip the ingest/raw-embedding comparison")
    ap.add_argument("--no-optimize", action="store_true", help="skip building the index after the inserts")
    ap.add_argument("--optimize-every", type=int, default=0,
                    help="build the index after every N inserted points (as successive ingest runs would)")
    ap.add_argument("--store-dir", type=Path,
                    help="keep each size's store in DIR/<size>: built when absent, searched as it is when present")
    ap.add_argument("--read-ahead-ab", type=int, default=0, metavar="ROUNDS",
                    help="on a kept store: the search with and without the read-ahead, alternated, ROUNDS rounds")
    ap.add_argument("--dense-ab", type=int, default=0, metavar="ROUNDS",
                    help="on a kept store: the dense channel as a full query and as a rescoring of the sparse "
                         "channel's candidates, alternated, ROUNDS rounds")
    ap.add_argument("--one-size", type=int, help=argparse.SUPPRESS)  # a child process measuring one size
    args = ap.parse_args()
    embedder = Embedder()
    if args.one_size:
        bench_size(args.corpus, embedder, args.one_size, optimize=not args.no_optimize,
                   optimize_every=args.optimize_every, store_dir=args.store_dir, ab_rounds=args.read_ahead_ab,
                   dense_rounds=args.dense_ab)
        return
    print(f"belastning: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f} "
          f"({os.cpu_count()} kärnor)", flush=True)
    if not args.no_ingest:
        bench_ingest(load_docs(args.corpus), embedder, args.ingest_chunks)
        print(f"toppminne (ingestjämförelsen): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
              flush=True)
    # Each size in its own process, so the peak memory of one is not the sum of all before it.
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--one-size", str(size),
               "--optimize-every", str(args.optimize_every)]
        cmd += ["--no-optimize"] if args.no_optimize else []
        cmd += ["--store-dir", str(args.store_dir)] if args.store_dir else []
        cmd += ["--read-ahead-ab", str(args.read_ahead_ab)] if args.read_ahead_ab else []
        cmd += ["--dense-ab", str(args.dense_ab)] if args.dense_ab else []
        subprocess.run(cmd, check=True)
    print(f"belastning efteråt: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    from ingest.offline import local_first_defaults

    local_first_defaults()
    main()
