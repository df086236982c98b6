"""The first start: the bundled corpus is indexed in the background while the app serves. The
header reports progress, a question asked meanwhile is answered from what is indexed and says so,
searches run safely beside the writes (the real embedded Qdrant), and a start stopped half-way
resumes. The corpus here is the founding report and the first pages of the starter corpus."""

from __future__ import annotations

import gzip
import shutil
import threading
import time
from pathlib import Path

import pytest
from testkit import REPORT, ROOT

from assistant.settings import Settings
from assistant.web.app import build_app
from assistant.web.indexing import answer_notice, status_text
from ingest.background import CORPUS_KEY, bundled_paths, count_documents, index_bundled_corpus
from ingest.kb import KbConfig, KnowledgeBase

STARTER = ROOT / "corpus" / "starter" / "regeringen-urval.jsonl.gz"
PAGES = 20


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder laid out as corpus/ is: the report with its sidecar, a README and a subfolder
    with the first PAGES lines of the starter corpus."""
    folder = tmp_path / "corpus"
    (folder / "starter").mkdir(parents=True)
    shutil.copy(REPORT, folder / REPORT.name)
    shutil.copy(REPORT.with_name(REPORT.name + ".meta.toml"), folder / (REPORT.name + ".meta.toml"))
    (folder / "README.md").write_text("# Om mappen\n\nBeskriver korpusen.\n", encoding="utf-8")
    with gzip.open(STARTER, "rt", encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(PAGES)]
    (folder / "starter" / "urval.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder


@pytest.fixture
def empty_kb(tmp_path: Path, embedder):  # type: ignore[no-untyped-def]
    # Small write batches: several store writes, so searches interleave with them.
    kb = KnowledgeBase(KbConfig(data_dir=tmp_path / "data", batch_chunks=16), embedder=embedder)
    yield kb
    kb.close()


def test_the_readme_is_not_a_document_and_pages_are_counted(corpus: Path) -> None:
    paths = bundled_paths(corpus)
    assert [p.name for p in paths] == [REPORT.name, "urval.jsonl"]
    assert count_documents(paths) == 1 + PAGES


def test_serves_while_indexing_and_answers_from_what_is_indexed(corpus: Path, empty_kb: KnowledgeBase) -> None:
    paused, go = threading.Event(), threading.Event()

    def hold_after_report(progress, result) -> None:  # type: ignore[no-untyped-def]
        if progress.done == 1:  # the report is written; the government pages are not
            paused.set()
            assert go.wait(120)

    job = index_bundled_corpus(empty_kb, corpus, on_item=hold_after_report, start=False)
    assert job is not None and job.total == 1 + PAGES
    demo = build_app(empty_kb, Settings(llm_backend="none", data_dir=empty_kb.config.data_dir), indexing=job)
    state = demo.msv_state  # type: ignore[attr-defined]
    assert any(getattr(b, "elem_id", None) == "indexing" for b in demo.blocks.values())  # the header line
    job.start()
    try:
        assert paused.wait(300)
        assert status_text(job).startswith(f"**Indexerar 1 av {1 + PAGES} dokument.**")
        messages, *_ = state.ask("Vad gör beredningsgruppen?", [], [])
        answer = messages[-1]["content"]
        assert f"indexeras fortfarande \\(1 av {1 + PAGES} dokument\\)" in answer
        assert "\\[1\\]" in answer and "slutrapport" in answer  # answered, cited, from the report
    finally:
        go.set()
    # Searches and catalog reads beside the store writes of the rest: none fails, none sees a half
    # written document (every hit's document is in the catalog).
    searches = 0
    while job.running:
        hits = empty_kb.search("uppdrag till myndigheten", 5)
        known = {d.doc_id for d in empty_kb.documents()}
        assert {h.doc_id for h in hits} <= known
        searches += 1
        time.sleep(0.05)
    assert job.wait(300)
    assert searches > 0
    p = job.progress()
    assert p.complete and p.done == p.total == 1 + PAGES and not p.summary.failed
    assert status_text(job) == f"Indexeringen klar: {1 + PAGES} av {1 + PAGES} dokument."
    assert answer_notice(job) == ""  # answers no longer carry the notice
    assert empty_kb.stats()["documents"] == 1 + PAGES
    assert empty_kb.catalog.get_meta(CORPUS_KEY) == "done"
    assert index_bundled_corpus(empty_kb, corpus) is None  # the next start has nothing to do


def test_a_first_start_stopped_half_way_resumes(corpus: Path, empty_kb: KnowledgeBase) -> None:
    stopped = threading.Event()

    def stop_after_report(progress, result) -> None:  # type: ignore[no-untyped-def]
        if progress.done == 1:
            job.stop(timeout=0)  # from inside: ends after this document
            stopped.set()

    job = index_bundled_corpus(empty_kb, corpus, on_item=stop_after_report)
    assert job is not None and job.wait(300) and stopped.is_set()
    assert job.progress().stopped and not job.progress().complete
    assert empty_kb.catalog.get_meta(CORPUS_KEY) == "pending"
    assert 1 <= empty_kb.stats()["documents"] < 1 + PAGES  # type: ignore[operator]
    again = index_bundled_corpus(empty_kb, corpus)  # not empty, but the first start did not end
    assert again is not None and again.wait(300)
    p = again.progress()
    assert p.complete and p.summary.unchanged >= 1 and not p.summary.failed
    assert empty_kb.stats()["documents"] == 1 + PAGES
    assert empty_kb.catalog.get_meta(CORPUS_KEY) == "done"
