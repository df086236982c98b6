"""`msv ask` latency with the extractive engine once the model is loaded: search, sentence
selection and the JSON answer, per question of evals/questions/answers.jsonl, on the cached
evaluation knowledge base (bundled report plus the government sample). Embeddings are computed
fresh (no embedding cache), as for a question never asked before. Prints figures; asserts nothing.
Run: python evals/bench_ask.py [--regeringen ../shared/corpus/regeringen.jsonl.gz] [--rounds 3]"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from assistant.answers.registry import engine_for
from assistant.settings import Settings
from evals.retrieval import eval_kb, load_questions
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=ROOT / "evals/questions/answers.jsonl")
    ap.add_argument("--regeringen", type=Path, default=ROOT.parent / "shared/corpus/regeringen.jsonl.gz")
    ap.add_argument("--rounds", type=int, default=3, help="times each question is asked")
    args = ap.parse_args()

    settings = Settings(llm_backend="none")
    questions = load_questions(args.questions)
    with eval_kb(questions, corpus_dir=settings.corpus_dir, regeringen=args.regeringen,
                 embed_model=settings.embed_model, chunk_chars=settings.chunk_chars, name="answers") as built:
        data_dir = built.config.data_dir  # built (or found up to date) here; reopened uncached below

    config = KbConfig(data_dir=data_dir, embed_model=settings.embed_model, chunk_chars=settings.chunk_chars,
                      embed_cache=False)
    with KnowledgeBase(config, embedder=Embedder(settings.embed_model)) as kb:
        engine = engine_for(kb, settings)
        t = time.perf_counter()
        engine.answer("Vad gör sekretariatet?")  # loads the model: not part of the figures
        load_s = time.perf_counter() - t
        times: list[float] = []
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                json.dumps(engine.answer(q["question"]).as_dict(), ensure_ascii=False)
                times.append((time.perf_counter() - t) * 1000)
        chunks = kb.stats().get("chunks", "?")

    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"msv ask (extractive), {len(questions)} frågor × {args.rounds}, {chunks} avsnitt i basen")
    print(f"modell laddad på {load_s:.1f} s (ingår inte)")
    print(f"p50 {statistics.median(times):.0f} ms   p95 {p95:.0f} ms   max {times[-1]:.0f} ms   (mål p50 ≤ 300 ms)")


if __name__ == "__main__":
    from ingest.offline import local_first_defaults

    local_first_defaults()
    main()
