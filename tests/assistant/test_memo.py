"""Memos a secretariat can send: the house structure, no sentence twice, sections drawn from
passages about the topic, unfilled sections named, and a Word file with real headings and a
numbered source list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.answers.memo import SUMMARY_MAX, _about, _topic_forms, draft_memo, to_docx, to_markdown
from assistant.answers.registry import get_engine

TOPICS = ["arbetsordning för MSV KLL", "horisontella perspektiv", "regionalt utvecklingsansvariga",
          "finansiering av samordningen", "kommunikation i myndighetssamverkan"]
HOUSE = ["Sammanfattning", "Bakgrund", "Aktuellt läge", "Överväganden", "Förslag och nästa steg",
         "Horisontella perspektiv"]


def plain(sentence: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", sentence).strip()


@pytest.fixture(scope="module")
def memos(kb):
    engine = get_engine("extractive", kb)
    return {t: draft_memo(t, engine) for t in TOPICS}


@pytest.mark.parametrize("topic", TOPICS)
def test_memo_keeps_the_house_structure_and_never_repeats_itself(memos, topic: str) -> None:
    memo = memos[topic]
    assert list(memo.sections) == HOUSE
    assert 1 <= len(memo.sections["Sammanfattning"]) <= SUMMARY_MAX
    prose = [plain(s) for h, ss in memo.sections.items() if h != "Horisontella perspektiv" for s in ss]
    assert prose and len(prose) == len(set(prose)), "a sentence appears twice"
    assert all(re.search(r"\[\d+\]$", s) for h, ss in memo.sections.items() if h != "Horisontella perspektiv"
               for s in ss), "every statement is cited"


@pytest.mark.parametrize("topic", TOPICS)
def test_each_statement_comes_from_a_passage_about_the_topic(memos, topic: str) -> None:
    memo = memos[topic]
    sources = {c.n: c for c in memo.sources}
    forms = _topic_forms(topic)
    for heading, sentences in memo.sections.items():
        if heading == "Horisontella perspektiv":
            continue
        for s in sentences:
            cited = [sources[int(n)] for n in re.findall(r"\[(\d+)\]", s)]
            assert cited and all(_about(forms, c) for c in cited), (heading, s)


def test_unfilled_sections_are_named_in_the_memo(memos) -> None:
    memo = next((m for m in memos.values() if m.unfilled), None)
    if memo is None:
        pytest.skip("every memo was filled")
    text = to_markdown(memo)
    assert "Underlaget räckte inte till avsnitten: " + ", ".join(memo.unfilled) in text
    assert memo.as_dict()["unfilled"] == memo.unfilled
    for heading in memo.unfilled:
        assert memo.sections[heading] == []


def test_word_file_has_real_headings_and_a_numbered_source_list(memos, tmp_path) -> None:
    from docx import Document

    memo = memos["horisontella perspektiv"]
    doc = Document(str(to_docx(memo, tmp_path / "pm.docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [*HOUSE, "Källor"]
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == memo.title
    numbered = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == len(memo.sources) and all(numbered)
    assert "slutrapport" in numbered[0]
    # a file source by its name alone: the folder on the server says nothing to the memo's reader
    folders = {str(Path(c.source).parent) for c in memo.sources if not c.source.startswith("http")}
    assert folders and not any(f in "\n".join(numbered) for f in folders if f not in ("", ".")), numbered
    assert not any(f in to_markdown(memo) for f in folders if f not in ("", "."))
