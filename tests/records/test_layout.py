"""How minutes are laid out: a decision table with a column of item numbers, an item numbered on a
line of its own without a full stop, a date written in a heading, a working group named in more
words in its file name."""

from __future__ import annotations

from pathlib import Path

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
