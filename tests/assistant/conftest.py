"""One knowledge base for the whole assistant suite: the bundled corpus, indexed once per session
with the real embedding model in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import ingest  # noqa: F401  (offline defaults)
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
    summary = base.ingest_all([ROOT / "corpus"])
    assert summary.added == 1 and not summary.failed
    yield base
    base.close()


class SharedKb:
    """The session knowledge base behind a context manager that does not close it (the CLI's
    ``with open_kb() as kb`` would otherwise close the shared store)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __enter__(self) -> KnowledgeBase:
        return self.kb

    def __exit__(self, *exc: object) -> None:
        pass

    def __getattr__(self, name: str):
        return getattr(self.kb, name)

    def close(self) -> None:
        pass


@pytest.fixture(scope="session")
def shared_kb(kb: KnowledgeBase) -> SharedKb:
    return SharedKb(kb)
