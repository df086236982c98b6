"""The bundled starter corpus is what its written rule selects from the shared government pages:
rebuilt twice it gives the same bytes as the committed file, and every page in it meets the rule."""

from __future__ import annotations

import gzip
import json

import pytest

from evals import build_starter as starter


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    if not starter.SOURCE.exists():
        pytest.skip(f"the shared corpus is not at {starter.SOURCE}")
    outs = []
    for n in range(2):
        out = tmp_path_factory.mktemp(f"starter{n}") / "urval.jsonl.gz"
        starter.main(["--source", str(starter.SOURCE), "--out", str(out)])
        outs.append(out.read_bytes())
    return outs


def test_rebuilding_gives_the_committed_bytes(rebuilt: list[bytes]) -> None:
    assert rebuilt[0] == rebuilt[1]
    assert rebuilt[0] == starter.OUT.read_bytes(), "corpus/starter is stale: run python evals/build_starter.py"


def test_every_page_meets_the_rule() -> None:
    with gzip.open(starter.OUT, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert len(records) > 100
    for r in records:
        year = int(r["date"][:4])
        assert starter.YEARS[0] <= year <= starter.YEARS[1], r["url"]
        assert r["kind"] in starter.KINDS.values(), r["url"]
        original_kind = next(k for k, v in starter.KINDS.items() if v == r["kind"])
        assert starter.chosen({**r, "kind": original_kind, "year": year}), r["url"]
        assert r["url"].startswith("https://") and r["text"].strip()
