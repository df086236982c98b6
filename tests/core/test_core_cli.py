"""The `msv` contract other tools rely on: JSON shapes of ingest, search (also one query a line
from stdin) and stats, filters that really filter, and usage errors that exit 1 with a message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import core_fixtures as g
import pytest

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

INGEST_KEYS = {"added", "updated", "unchanged", "chunks", "failed", "removed"}  # "removed": from --prune
HIT_KEYS = {"rank", "score", "doc_id", "title", "source", "kind", "agency", "date", "section", "page", "text"}


@pytest.fixture(scope="module")
def corpus_data(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """A data folder holding the four-document filter corpus (built once, copied per test)."""
    data = tmp_path_factory.mktemp("cli") / "data"
    with KnowledgeBase(KbConfig(data_dir=data), embedder=embedder) as kb:
        assert kb.ingest_all([g.write_filter_corpus(tmp_path_factory.mktemp("corpus"))]).added == 4
    return data


@pytest.fixture
def corpus_cli(corpus_data: Path, tmp_path: Path, cli_for):
    shutil.copytree(corpus_data, tmp_path / "data")
    return cli_for(tmp_path / "data")


def test_ingest_json_shape(tmp_path: Path, cli) -> None:
    (tmp_path / "ok.md").write_text("# Rubrik\n\nEtt stycke om samverkan.", encoding="utf-8")
    (tmp_path / "fel.xyz").write_text("x", encoding="utf-8")

    result = cli("ingest", str(tmp_path / "ok.md"), str(tmp_path / "fel.xyz"), "--json")

    assert result.exit_code == 2
    out = result.json()
    assert set(out) == INGEST_KEYS
    assert (out["added"], out["updated"], out["unchanged"], out["chunks"]) == (1, 0, 0, 1)
    (failed,) = out["failed"]
    assert set(failed) == {"path", "error"}
    assert failed["path"].endswith("fel.xyz") and "stöds inte" in failed["error"]
    assert result.stdout.count("\n") == 1  # one JSON object, nothing else on stdout


def test_search_json_shape(corpus_cli) -> None:
    result = corpus_cli("search", "validering av yrkeskunnande", "-k", "3", "--json")

    assert result.exit_code == 0
    out = result.json()
    assert set(out) == {"query", "hits"}
    assert out["query"] == "validering av yrkeskunnande"
    assert [h["rank"] for h in out["hits"]] == [1, 2, 3]
    for h in out["hits"]:
        assert set(h) == HIT_KEYS
        assert isinstance(h["score"], float) and h["page"] is None
        assert all(isinstance(h[k], str) for k in HIT_KEYS - {"rank", "score", "page"})
    top = out["hits"][0]
    assert (Path(top["source"]).name, top["title"], top["kind"], top["agency"], top["date"]) == (
        "a.txt", "a", "rapport", "MYH", "2023-05-10")
    assert "validering av yrkeskunnande" in top["text"]
    assert [h["score"] for h in out["hits"]] == sorted((h["score"] for h in out["hits"]), reverse=True)


def test_search_reads_queries_from_stdin(corpus_cli) -> None:
    result = corpus_cli("search", "-", "-k", "2", input="finansiering av yrkeshögskolan\n\nfler lärare\n")

    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["query"] for o in lines] == ["finansiering av yrkeshögskolan", "fler lärare"]
    assert [Path(o["hits"][0]["source"]).name for o in lines] == ["c.txt", "d.txt"]
    assert all(set(o) == {"query", "hits"} and len(o["hits"]) == 2 for o in lines)


def test_stats_json(corpus_cli) -> None:
    result = corpus_cli("stats", "--json")

    assert result.exit_code == 0
    out = result.json()
    assert (out["documents"], out["chunks"], out["points"]) == (4, 4, 4)
    assert out["kinds"] == {"rapport": 2, "protokoll": 1, "promemoria": 1}
    assert out["agencies"] == {"MYH": 2, "UHR": 1, "Skolverket": 1}
    assert out["backend"] == "qdrant-edge"


@pytest.mark.parametrize(("args", "expected"), [
    ((), {"a", "b", "c", "d"}),
    (("--kind", "rapport"), {"a", "d"}),
    (("--kind", "rapport,promemoria"), {"a", "c", "d"}),
    (("--agency", "MYH"), {"a", "c"}),
    (("--kind", "rapport", "--agency", "MYH"), {"a"}),
    (("--since", "2024-01-01"), {"b", "c", "d"}),
    (("--until", "2024-12-31"), {"a", "b"}),
    (("--since", "2024-02-01", "--until", "2025-01-15"), {"b", "c"}),
    (("--since", "2025"), {"c", "d"}),
    (("--since", "1 januari 2025"), {"c", "d"}),
    (("--kind", "arbetsplan"), set()),
])
def test_filters_really_filter(corpus_cli, args: tuple[str, ...], expected: set[str]) -> None:
    result = corpus_cli("search", "samverkan", "-k", "10", *args, "--json")

    assert result.exit_code == 0, result.stderr
    assert {Path(h["source"]).stem for h in result.json()["hits"]} == expected


@pytest.mark.parametrize(("flag", "value"), [("--since", "igår"), ("--since", "2024-13-01"), ("--until", "2024/05/01")])
def test_bad_date_is_a_usage_error(corpus_cli, flag: str, value: str) -> None:
    result = corpus_cli("search", "samverkan", flag, value, "--json")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert flag in result.stderr and value in result.stderr and "ÅÅÅÅ-MM-DD" in result.stderr


def test_search_human_output_cites_the_source(corpus_cli) -> None:
    result = corpus_cli("search", "fler lärare i regionerna", "-k", "1")

    assert result.exit_code == 0
    assert "d.txt" in result.stdout and "Skolverket" in result.stdout and "2025-06-30" in result.stdout
