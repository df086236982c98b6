"""One knowledge base for the whole assistant suite: the bundled corpus, indexed once per session
with the real embedding model in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import REPORT, SharedKb

from assistant.answers.extractive import ExtractiveEngine
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder):
    config = KbConfig(data_dir=tmp_path_factory.mktemp("assistant-kb"))
    base = KnowledgeBase(config, embedder=embedder)
    summary = base.ingest_all([REPORT])
    assert summary.added == 1 and not summary.failed
    yield base
    base.close()


@pytest.fixture(scope="session")
def shared_kb(kb: KnowledgeBase) -> SharedKb:
    return SharedKb(kb)


@pytest.fixture(scope="module")
def engine() -> ExtractiveEngine:
    """The extractive engine with no store: ``answer_from_hits`` over hand-made passages."""
    return ExtractiveEngine(kb=None)  # type: ignore[arg-type]
