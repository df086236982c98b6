"""*Kom igång*: the answer engine's cited answers about MSV KLL, cached with a fingerprint of the
reports they come from, asked again only when those change, and shown only to readers of them.
Also the page the guard serves declares Swedish."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from testkit import REPORT

from assistant.answers.registry import get_engine
from assistant.web.guide import EXAMPLES, GUIDE_FILTER, TOPICS, GuideStore, fingerprint, generate
from assistant.web.guide_tab import EMPTY, HIDDEN, guide_markdown
from assistant.web.page import SWEDISH_LABELS, rewrite_html
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.metadata import Overrides


class CountingEngine:
    """The real engine, counting the questions it is asked."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        self.name = engine.name
        self.asked: list[str] = []

    def answer(self, question, *, flt=None):  # type: ignore[no-untyped-def]
        self.asked.append(question)
        assert flt == GUIDE_FILTER
        return self.engine.answer(question, flt=flt)


@pytest.fixture
def own_kb(tmp_path: Path, embedder: Embedder):  # type: ignore[no-untyped-def]
    """A knowledge base of its own (documents are added to it): the founding report."""
    base = KnowledgeBase(KbConfig(data_dir=tmp_path / "data"), embedder=embedder)
    assert base.ingest_all([REPORT]).added == 1
    yield base
    base.close()


def test_guide_answers_are_cited_statements_about_the_bodies(kb: KnowledgeBase) -> None:
    guide = generate(kb, get_engine("extractive", kb))
    assert guide.statements >= 6, [s.answer for s in guide.sections]
    headings = {s.heading for s in guide.sections}
    assert len(headings & {"GD-gruppen", "Styrgruppen", "Beredningsgruppen", "Sekretariatet", "Arbetsgrupperna"}) >= 3
    for s in guide.sections:
        assert s.citations and all(c.doc_id == "msv-forstudier-slutrapport" for c in s.citations)
        for n in {int(x) for x in re.findall(r"\[(\d+)\]", s.answer)}:
            assert any(c.n == n for c in s.citations), (s.question, n)
    md = guide_markdown(guide, lambda ids: True)
    assert md.count("### ") == len(guide.sections) and "Källor:" in md
    assert f"{guide.statements} citerade påståenden" in md
    assert 6 <= len(EXAMPLES) <= 8 and len(TOPICS) >= 6


def test_guide_is_cached_and_asked_again_only_when_a_report_changes(own_kb: KnowledgeBase, tmp_path: Path) -> None:
    engine = CountingEngine(get_engine("extractive", own_kb))
    store = GuideStore(tmp_path / "guide.json", own_kb, engine)
    first = store.current()
    assert len(engine.asked) == len(TOPICS)
    assert (tmp_path / "guide.json").stat().st_mode & 0o077 == 0
    assert json.loads((tmp_path / "guide.json").read_text(encoding="utf-8"))["fingerprint"] == first.fingerprint
    again = GuideStore(tmp_path / "guide.json", own_kb, engine).current()  # a restarted app
    assert len(engine.asked) == len(TOPICS) and again.to_json() == first.to_json()

    # A document of another kind leaves the guide alone; a new report makes it stale.
    other = tmp_path / "pressmeddelande-kompetens.txt"
    other.write_text("Pressmeddelande\n\nRegeringen ger Skolverket ett uppdrag om vuxenutbildning.", encoding="utf-8")
    assert own_kb.ingest_all([other], Overrides(kind="pressmeddelande")).added == 1
    assert store.current().fingerprint == first.fingerprint and len(engine.asked) == len(TOPICS)
    report = tmp_path / "rapport-samverkan.txt"
    report.write_text("Rapport om samverkan\n\nStyrgruppen sammanträder fyra gånger per år.", encoding="utf-8")
    assert own_kb.ingest_all([report], Overrides(kind="rapport")).added == 1
    assert fingerprint(own_kb, engine.name) != first.fingerprint
    assert store.current().fingerprint != first.fingerprint and len(engine.asked) == 2 * len(TOPICS)


def test_guide_is_made_again_when_the_answer_engine_changes(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade that changes how answers are composed does not keep showing the old answers."""
    import assistant.web.guide as guide

    before = fingerprint(kb, "extractive")
    assert fingerprint(kb, "extractive") == before  # the same code, the same fingerprint
    monkeypatch.setattr(guide, "engine_code", lambda: "another version of the engine")
    assert fingerprint(kb, "extractive") != before


def test_guide_is_shown_only_to_readers_of_its_reports(kb: KnowledgeBase) -> None:
    guide = generate(kb, get_engine("extractive", kb))
    assert guide_markdown(guide, lambda ids: False) == HIDDEN
    guide.sections = []
    assert guide_markdown(guide, lambda ids: True) == EMPTY


def test_page_declares_swedish() -> None:
    import gradio

    template = (Path(gradio.__file__).parent / "templates" / "frontend" / "index.html").read_bytes()
    assert b'lang="en"' in template  # what the rewrite exists for
    page = rewrite_html(template)
    assert b'lang="en"' not in page and b'<html\n\tlang="sv"' in page
    head = page.split(b"<head>", 1)[1]
    assert head.index(b"navigator") < head.index(b'type="module"')  # before Gradio's own script
    assert all(k.encode() in page for k in SWEDISH_LABELS)
    assert page.count(b"<title>MSV Kunskapsbas</title>") == 1  # the sign-in page has none of its own
