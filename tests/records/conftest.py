"""Fixtures for the decision-register and status tests: the fictional sample minutes and
lägesbedömningar (tests/data/records) ingested into a real knowledge base in a temp folder,
with the real embedding model loaded once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from evals.decisions.samples import ensure_samples
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.metadata import Overrides

# Written from evals/decisions/samples.py when missing (tests/data is ignored by git's "data/").
SAMPLES = sorted(ensure_samples())
# One document readable only by the GD-gruppen: its decisions must stay hidden from others.
RESTRICTED = "2025-10-22_gd-gruppen_protokoll.md"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder()


def make_kb(folder: Path, embedder: Embedder) -> KnowledgeBase:
    return KnowledgeBase(KbConfig(data_dir=folder / "kb"), embedder=embedder)


def ingest_samples(kb: KnowledgeBase, folder: Path) -> list[Path]:
    """Copy the samples to ``folder`` and ingest them; the restricted one with access gd-grupp."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for p in SAMPLES:
        shutil.copy(p, folder / p.name)
        copies.append(folder / p.name)
    open_files = [p for p in copies if p.name != RESTRICTED]
    summary = kb.ingest_all(open_files)
    assert not summary.failed, summary.failed
    summary = kb.ingest_all([folder / RESTRICTED], Overrides(access=("gd-grupp",)))
    assert not summary.failed, summary.failed
    return copies


@pytest.fixture(scope="session")
def records_kb(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[KnowledgeBase]:
    root = tmp_path_factory.mktemp("records")
    kb = make_kb(root, embedder)
    ingest_samples(kb, root / "docs")
    yield kb
    kb.close()

