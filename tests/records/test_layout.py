"""How minutes are laid out: a decision table with a column of item numbers, an item numbered on a
line of its own without a full stop, a date written in a heading, a working group named in more
words in its file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from ingest.documents import Block


def decisions(blocks: list[Block], meta: DocMeta) -> list:
    return [d for d in extract_decisions(blocks, meta) if d.kind in DECISION_KINDS]


def test_a_table_with_a_number_column_gives_each_row_its_sub_item() -> None:
    meta = DocMeta("d1", "Protokoll styrgruppen", "/tmp/a.md", "2027-05-04")
    section = "§ 7 Ärenden enligt förslag"
    rows = ["| § | Ärende | Beslut |", "|---|---|---|",
            "| 7 a | Mötesformer | Mötesformerna ses över i sin helhet under hösten. |",
            "| 7 b | Introduktion | Introduktionsmaterialet godkänns. |"]
    found = decisions([Block(r, section) for r in rows], meta)
    assert [(d.paragraph, d.heading, d.text) for d in found] == [
        ("§ 7 a", "Mötesformer", "Mötesformerna ses över i sin helhet under hösten."),
        ("§ 7 b", "Introduktion", "Introduktionsmaterialet godkänns.")]


def test_an_item_numbered_on_its_own_line_is_a_paragraph() -> None:
    meta = DocMeta("d2", "Minnesanteckningar arbetsgruppen för validering", "/tmp/b.md", "2027-05-04")
    blocks = [Block("**2** Enkät till regionerna"), Block("Gruppen beslutade att enkäten skickas ut i juni.")]
    [d] = decisions(blocks, meta)
    assert (d.paragraph, d.heading) == ("punkt 2", "Enkät till regionerna")


def test_the_date_in_a_heading_is_the_meetings() -> None:
    meta = DocMeta("d3", "GD-gruppen för MSV KLL", "/tmp/c.md", "")
    blocks = [Block("Plats: Stockholm", "Protokoll 2027-10-20"),
              Block("GD-gruppen fastställde budgeten.", "§ 3 Budget"),
              Block("Nästa möte hålls den 14 april 2028.", "§ 4 Nästa möte")]
    assert [d.date for d in decisions(blocks, meta)] == ["2027-10-20"]


def test_a_working_group_named_in_more_words_in_its_file_name_keeps_them() -> None:
    source = str(Path("/tmp") / "2027-03-01_arbetsgrupp-regionalt-perspektiv_minnesanteckningar.md")
    meta = DocMeta("d4", "Arbetsgruppen för regionalt perspektiv", source, "2027-03-01")
    [d] = decisions([Block("Gruppen beslutade att bjuda in regionerna.", "2. Dialog")], meta)
    assert d.body == "arbetsgrupp-regionalt-perspektiv"
    from assistant.records.meeting import body_name

    assert body_name(d.body) == "arbetsgruppen för regionalt perspektiv"


def test_a_working_group_named_by_an_adjective_and_a_noun_keeps_both_words() -> None:
    from assistant.records.meeting import body_of

    assert body_of("arbetsgruppen för horisontella perspektiv att ta fram") == \
        "arbetsgrupp-horisontella-perspektiv"
    assert body_of("arbetsgruppen för validering att ta fram") == "arbetsgrupp-validering"


_SUB_ROWS = [["Paragraf", "Ärende", "Beslut"],
             ["§ 4 a", "Arbetsgruppen för fjällturism", "Lägesrapporten godkändes."],
             ["§ 4 b", "Beredningsgruppen", "Uppföljningen flyttas till november och rapporten läggs till handlingarna."],
             ["§ 4 c", "Kartunderlag", "Rapporten lades till handlingarna."]]


def _write_md(path: Path) -> None:
    lines = ["# Protokoll styrgruppen 2031-03-12", "", "## § 4 Uppföljning av vintern", "",
             *("| " + " | ".join(r) + " |" for r in _SUB_ROWS[:1]), "|---|---|---|",
             *("| " + " | ".join(r) + " |" for r in _SUB_ROWS[1:]), "", "## § 5 Nästa möte", "", "Nästa möte hålls i maj."]
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Protokoll styrgruppen 2031-03-12")
    d.add_heading("§ 4 Uppföljning av vintern", 1)
    table = d.add_table(rows=len(_SUB_ROWS), cols=3)
    for i, row in enumerate(_SUB_ROWS):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    d.add_heading("§ 5 Nästa möte", 1)
    d.add_paragraph("Nästa möte hålls i maj.")
    d.save(path)


@pytest.mark.parametrize(("name", "write"), [("protokoll.md", _write_md), ("protokoll.docx", _write_docx)])
def test_a_table_row_with_a_sub_label_is_its_own_decision(tmp_path: Path, name: str, write) -> None:
    """A "Paragraf" column labels each row's sub-item; a row that decides and files a report beside it
    is a decision, a row that only files one is procedural; a row naming only a body keeps the heading's matter."""
    from assistant.records.blocks import load_file

    write(tmp_path / name)
    doc = load_file(tmp_path / name)
    found = extract_decisions(doc.blocks, DocMeta(doc.doc_id, doc.title, doc.source, doc.date))
    rows = [(d.paragraph, d.kind, d.heading) for d in found if d.paragraph.startswith("§ 4")]
    assert rows == [("§ 4 a", "beslut", "Uppföljning av vintern"), ("§ 4 b", "beslut", "Uppföljning av vintern"),
                    ("§ 4 c", "procedur", "Kartunderlag")]
