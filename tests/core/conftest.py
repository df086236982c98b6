"""Shared fixtures for the knowledge-base core tests: the real embedding model (loaded once),
knowledge bases on real Qdrant Edge folders in tmp dirs, and the `msv` CLI run in-process
(CliRunner, sharing the loaded model). Running `msv` as a real process: core_fixtures.run_msv."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real default model, loaded once per session."""
    e = Embedder()
    assert e.dim == 384
    return e


@pytest.fixture
def make_kb(embedder: Embedder) -> Iterator[Callable[..., KnowledgeBase]]:
    """Open knowledge bases with the shared model; all are closed at teardown."""
    opened: list[KnowledgeBase] = []

    def make(data_dir: Path, **config: object) -> KnowledgeBase:
        kb = KnowledgeBase(KbConfig(data_dir=Path(data_dir), **config), embedder=embedder)  # type: ignore[arg-type]
        opened.append(kb)
        return kb

    yield make
    for kb in opened:
        kb.close()  # a no-op for those the test closed


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.stdout)


class Cli:
    """`msv` in-process over assistant.cli.app; the knowledge base it opens gets the shared model."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None,
                 env: dict[str, str | None] | None = None) -> CliResult:
        from assistant.cli.main import app

        r = self.runner.invoke(app, ["--data-dir", str(self.data_dir), *args], input=input, env=env)
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise r.exception
        return CliResult(r.exit_code, r.stdout, r.stderr)


@pytest.fixture
def cli_for(embedder: Embedder, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Cli]:
    """A factory of in-process CLIs, one per data folder; settings come from defaults only."""
    for key in [k for k in os.environ if k.startswith("MSV_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("MSV_CONFIG", "/nonexistent/msv.toml")
    monkeypatch.setattr("ingest.kb.Embedder", lambda *a, **k: embedder)
    return Cli


@pytest.fixture
def cli(cli_for: Callable[[Path], Cli], tmp_path: Path) -> Cli:
    return cli_for(tmp_path / "data")
