"""Loaders end to end: one golden file per type → ingest → search finds its marker, and the hit
carries the provenance the loader found (title, section, page, kind, agency, date, source)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import core_fixtures as g
import pytest

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

URL = "https://www.regeringen.se/uppdrag/2024/03/validering/"


def _write_all(folder: Path) -> None:
    g.write_txt(folder / "promemoria_samverkan.txt", "kvorpfalt")
    g.write_md(folder / "anteckningar.md", "snirbelgud")
    g.write_html(folder / "nyheter.html", "glimtrospel")
    g.write_pdf(folder / "rapport.pdf", ("zwopnikel", "fnurgeldax"), title="Slutrapport om kompetens")
    g.write_docx(folder / "utredning.docx", "plimsvoda", title="Utredning om validering")
    g.write_pptx(folder / "plan.pptx", "trudelvask")
    g.write_eml(folder / "kallelse.eml", "brimbolvex", subject="Kallelse till möte i GD-gruppen")
    g.write_jsonl(folder / "regeringen.jsonl", g.jsonl_records(("quandrolix", "xerbimpotal"), URL))
    g.write_jsonl(folder / "regeringen.jsonl.gz", g.jsonl_records(("jubbeltrosk", "hagglemunt"), URL + "gz"))


# marker, file the hit must come from (suffix of source), expected hit fields
CASES = [
    ("kvorpfalt", "promemoria_samverkan.txt",
     {"title": "promemoria samverkan", "section": "", "page": None, "kind": "promemoria", "date": "2025-05-14"}),
    ("snirbelgud", "anteckningar.md",
     {"title": "Minnesanteckningar från arbetsgruppen", "section": "Beslut om snirbelgud", "page": None,
      "kind": "minnesanteckningar", "date": ""}),
    ("glimtrospel", "nyheter.html",
     {"title": "Nyheter om samverkan", "section": "Nytt arbetssätt", "page": None, "kind": "övrigt"}),
    ("zwopnikel", "rapport.pdf", {"title": "Slutrapport om kompetens", "page": 1, "kind": "rapport"}),
    ("fnurgeldax", "rapport.pdf", {"title": "Slutrapport om kompetens", "page": 2, "kind": "rapport"}),
    ("plimsvoda", "utredning.docx",
     {"title": "Utredning om validering", "section": "Förslag till åtgärder", "page": None, "kind": "rapport"}),
    ("trudelvask", "plan.pptx", {"title": "Arbetsplan 2025", "section": "Mål för året", "page": 2, "kind": "arbetsplan"}),
    ("brimbolvex", "kallelse.eml",
     {"title": "Kallelse till möte i GD-gruppen", "section": "", "page": None, "date": "2025-06-03"}),
    ("quandrolix", URL,
     {"title": "Regeringen ger uppdrag om validering", "kind": "regeringsuppdrag", "agency": "Utbildningsdepartementet",
      "date": "2024-03-15"}),
    ("xerbimpotal", "regeringen.jsonl:2",
     {"title": "Pressmeddelande om vuxenutbildning", "kind": "pressmeddelande", "agency": "Regeringen", "date": "2023-04"}),
    ("jubbeltrosk", URL + "gz",
     {"title": "Regeringen ger uppdrag om validering", "kind": "regeringsuppdrag", "agency": "Utbildningsdepartementet",
      "date": "2024-03-15"}),
    ("hagglemunt", "regeringen.jsonl.gz:2",
     {"title": "Pressmeddelande om vuxenutbildning", "kind": "pressmeddelande", "agency": "Regeringen", "date": "2023-04"}),
]


@pytest.fixture(scope="module")
def golden_kb(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[tuple[KnowledgeBase, dict]]:
    folder = tmp_path_factory.mktemp("golden")
    _write_all(folder)
    kb = KnowledgeBase(KbConfig(data_dir=tmp_path_factory.mktemp("data")), embedder=embedder)
    summary = kb.ingest_all([folder])
    yield kb, summary.as_dict()
    kb.close()


def test_every_golden_file_is_ingested(golden_kb: tuple[KnowledgeBase, dict]) -> None:
    kb, summary = golden_kb
    assert summary["failed"] == []
    assert summary["added"] == 11  # 7 files + 2 records in each of the two JSONL files
    assert kb.stats()["points"] == summary["chunks"]


@pytest.mark.parametrize(("marker", "source_end", "expected"), CASES, ids=[c[0] for c in CASES])
def test_search_finds_marker_with_provenance(golden_kb: tuple[KnowledgeBase, dict], marker: str, source_end: str,
                                             expected: dict[str, object]) -> None:
    kb, _ = golden_kb
    hits = kb.search(marker, k=3)
    assert hits, f"inga träffar för {marker}"
    top = hits[0]
    assert marker in top.text
    assert top.source.endswith(source_end)
    got = {key: getattr(top, key) for key in expected}
    assert got == expected
    assert top.access == ("alla",)
