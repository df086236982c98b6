"""A folder ingest killed with SIGKILL half-way and re-run ends with exactly the counts of a clean
run, with no duplicate chunks."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

from core_fixtures import REPO, msv_command, msv_env

from assistant.cli.main import kb_config
from assistant.settings import Settings
from ingest.kb import KnowledgeBase
from ingest.store import SearchFilter

N_FILES = 40
TOPICS = ["validering", "yrkeshögskolan", "vuxenutbildningen", "lärlingar", "studievägledning",
          "arbetsmarknaden", "omställning", "kompetensförsörjning"]


def _write_folder(folder: Path) -> Path:
    folder.mkdir()
    for i in range(N_FILES):
        topic = TOPICS[i % len(TOPICS)]
        paragraphs = [f"Dokument {i} handlar om {topic} i region {i % 21}. " + "Myndigheterna samverkar. " * 3
                      for _ in range(1 + i % 3)]
        (folder / f"dok{i:02d}.md").write_text(f"# Dokument {i}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return folder


def _ok_documents(data: Path) -> int:
    db = data / "registry.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as con:
            return int(con.execute("SELECT COUNT(*) FROM documents WHERE status='ok'").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0


def _snapshot(kb: KnowledgeBase) -> tuple[dict[str, object], Counter[str], dict[str, int]]:
    stats = kb.stats()
    per_doc_points = Counter(p["doc_id"] for p in kb.store.payloads(SearchFilter()))
    per_doc_chunks = {d.doc_id: d.chunks for d in kb.documents()}
    return {k: stats[k] for k in ("documents", "chunks", "points")}, per_doc_points, per_doc_chunks


def test_kill_9_then_rerun_matches_a_clean_run(tmp_path: Path, embedder, cli_for) -> None:
    folder = _write_folder(tmp_path / "docs")
    data = tmp_path / "killed"
    env = msv_env(MSV_BATCH_CHUNKS="2")

    proc = subprocess.Popen(msv_command(data, "ingest", str(folder), "--json"), cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while proc.poll() is None and _ok_documents(data) < 3:
            time.sleep(0.02)
        done_at_kill = _ok_documents(data)
        proc.send_signal(signal.SIGKILL)
    finally:
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, stderr.decode()
    assert 3 <= done_at_kill < N_FILES  # the kill really came half-way

    rerun = cli_for(data)("ingest", str(folder), "--json", env={"MSV_BATCH_CHUNKS": "2"})  # in-process: one model load less
    assert rerun.exit_code == 0, rerun.stderr
    summary = rerun.json()
    assert summary["failed"] == []
    assert summary["added"] + summary["updated"] + summary["unchanged"] == N_FILES
    assert summary["unchanged"] >= done_at_kill  # finished documents were not redone

    clean = tmp_path / "clean"
    with KnowledgeBase(kb_config(Settings(data_dir=clean)), embedder=embedder) as kb:
        assert kb.ingest_all([folder]).added == N_FILES
        clean_stats, clean_points, clean_chunks = _snapshot(kb)
    with KnowledgeBase(kb_config(Settings(data_dir=data)), embedder=embedder) as kb:
        stats, points, chunks = _snapshot(kb)
        assert kb.catalog.pending() == []

    assert stats == clean_stats
    assert stats["documents"] == N_FILES
    assert stats["points"] == stats["chunks"] == sum(chunks.values())  # no duplicate or orphan chunks
    assert dict(points) == chunks == clean_chunks
    assert points == clean_points
