"""The issue's acceptance check: the bundled report, asked why MSV KLL needs an arbetsordning,
gives the passage on the proposed arbetsordning among the top three."""

from __future__ import annotations

from pathlib import Path

from testkit import REPORT

from ingest.swedish import normalize

QUESTION = "Varför behöver MSV KLL en arbetsordning?"
PASSAGE = "Arbetsordning är viktig för att tydliggöra förväntningar"


def test_arbetsordning_passage_in_top_three(tmp_path: Path, cli, make_kb) -> None:
    result = cli("ingest", str(REPORT), "--json")
    assert result.exit_code == 0, result.stdout

    hits = cli("search", QUESTION, "-k", "3", "--json").json()["hits"]

    assert len(hits) == 3
    assert hits[0]["title"] == "Förstudier för utveckling av samverkansplattform – slutrapport"
    assert any(normalize(PASSAGE) in normalize(h["text"]) for h in hits), [h["text"][:120] for h in hits]
