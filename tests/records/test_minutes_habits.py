"""Habits of minutes that made decisions missed, cut short or invented (issue 11, session 17): the person
chosen to check or keep the minutes in other words, noting and filing in the present tense, a procedural
clause beside a decision, a task a group named with "för …" "ska" do by a
deadline, a group's recommendation, a decision table whose rows name a group or number their sub-items
in the item column, a sentence that tells how a paragraph's listed items were handled, a sentence cut
by a PDF page break, and all members asked to apply what was just decided. Made-up minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.records.blocks import join_broken_pages, load_file
from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from assistant.records.sentences import classify
from ingest.documents import Block

MINUTES = DocMeta("m1", "Protokoll styrgruppen 2031-05-06", "/tmp/2031-05-06_styrgrupp_protokoll.md", "2031-05-06")


def decisions(blocks: list[Block], meta: DocMeta = MINUTES) -> list:
    return [d for d in extract_decisions(blocks, meta) if d.kind in DECISION_KINDS]


@pytest.mark.parametrize(("sentence", "kind"), [
    # who checks the minutes, in the words minutes use for it
    ("Styrgruppen valde Eva Lund att jämte ordföranden justera dagens protokoll.", "procedur"),
    ("Jon Ek utsågs att tillsammans med ordföranden justera mötets anteckningar.", "procedur"),
    ("Per Holm valdes till justeringsperson.", "procedur"),
    ("Anna Sjö justerar protokollet.", "procedur"),
    ("Sekretariatet justerar mallen efter synpunkterna.", None),
    # who keeps them
    ("Gruppen bestämde att Lina för anteckningar under hösten.", "procedur"),
    ("Karin Öst valdes att föra protokollet.", "procedur"),
    # … but a decision about minutes is a decision
    ("Styrgruppen beslutade att justerade protokoll publiceras på webbplatsen.", "beslut"),
    ("Styrgruppen beslutade att mallen för protokoll används från maj.", "beslut"),
    # noting and filing in the present tense, and a paragraph declared checked at once
    ("Styrgruppen noterar informationen.", "procedur"),
    ("Lägesrapporten noteras.", "procedur"),
    ("Arbetsgruppen tar del av redovisningen.", "procedur"),
    ("Styrgruppen lade de tre arbetsgruppernas rapporter för våren till handlingarna.", "procedur"),
    ("Paragrafen förklarades omedelbart justerad.", "procedur"),
    ("Minnesanteckningarna godkänns.", "procedur"),
    # a procedural clause beside a decision of its own: the sentence is a decision
    ("Styrgruppen tog del av rapporten och beslutade att ge kansliet i uppdrag att sammanfatta den.", "uppdrag"),
    ("Informationen noterades och gruppen beslutade att enkäten skickas ut i maj.", "beslut"),
    # … but not a tabling, nor minutes of two dates approved together
    ("Ärendet bordlades och styrgruppen bad kansliet att ta fram ett underlag.", "procedur"),
    ("Anteckningarna från den 3 mars och den 5 maj godkändes.", "procedur"),
    # how the items listed under a paragraph were handled is no decision of its own
    ("Ärendena under § 6 avgjordes per capsulam och beslutades utan föredragning.", "procedur"),
    ("Punkterna i tabellen beslutades utan diskussion.", "procedur"),
    # a group named with "för …" that "ska" deliver by a deadline has a task
    ("Arbetsgruppen för digital kompetens ska redovisa enkätens resultat senast den 1 mars 2032.", "uppdrag"),
    ("Arbetsgruppen för vuxnas lärande ska lämna sin slutrapport till styrgruppens möte i oktober.", "uppdrag"),
    ("Arbetsgruppen för digital kompetens ska senast den 1 mars 2032 redovisa enkätens resultat.", "uppdrag"),
    # … without a deadline it is a remark
    ("Arbetsgruppen för digital kompetens ska redovisa enkätens resultat.", None),
    # the group's own recommendation is a position; one it tells of is not
    ("Gruppen rekommenderar kansliet att varje rapport får en sammanfattning på lättläst svenska.", "ställningstagande"),
    ("Skolverket rekommenderar att fler skolor erbjuder studie- och yrkesvägledning.", None),
])
def test_kind_of_a_sentence(sentence: str, kind: str | None) -> None:
    assert classify(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Beslut: Styrgruppen noterar informationen.", "procedur"),
    ("Beslut: Noteras.", "procedur"),
    ("Beslut: Styrgruppen godkänner rapporten och lägger den till handlingarna.", "beslut"),
])
def test_kind_of_a_labelled_sentence(sentence: str, kind: str) -> None:
    assert classify(sentence, labelled=True) == kind


def test_a_groups_deadline_after_a_decision_is_its_own_assignment() -> None:
    blocks = [Block("Styrgruppen godkände inventeringen av regionala nätverk.", "§ 4 Regionala nätverk"),
              Block("Arbetsgruppen för regional samverkan ska lämna förslaget om nätverksträffar senast den 1 december 2031.",
                    "§ 4 Regionala nätverk")]
    found = decisions(blocks)
    assert [d.kind for d in found] == ["beslut", "uppdrag"]
    assert found[1].text.startswith("Arbetsgruppen för regional samverkan ska lämna förslaget")
    assert found[1].responsible == "Arbetsgruppen för regional samverkan"
    assert found[1].deadline == "2031-12-01"


def test_a_table_whose_rows_name_a_group_decides_in_its_decision_column() -> None:
    section = "§ 8 Arbetsplaner för hösten"
    rows = ["| § | Arbetsgrupp | Beslut |", "|---|---|---|",
            "| § 8 a | Arbetsgruppen för statistik | Arbetsplanen godkändes. |",
            "| § 8 b | AG vägledning | Arbetsplanen godkändes med tillägget att en enkät görs i höst. |"]
    found = decisions([Block(r, section) for r in rows])
    assert [(d.paragraph, d.text) for d in found] == [
        ("§ 8 a", "Arbetsplanen godkändes."),
        ("§ 8 b", "Arbetsplanen godkändes med tillägget att en enkät görs i höst.")]


def test_sub_items_numbered_in_the_item_column_keep_their_letter() -> None:
    section = "§ 5 Beslut i sammandrag"
    rows = ["| Punkt | Ärende | Beslut |", "|---|---|---|",
            "| § 5 a | Mötesplan 2032 | Mötesplanen fastställdes. |",
            "| § 5 b | Introduktion av nya ledamöter | Sekretariatet får i uppdrag att ta fram ett introduktionsmaterial. |"]
    found = decisions([Block(r, section) for r in rows])
    # the paragraph from the number column; the matter stays the paragraph's (a row's own heading measured, not kept)
    assert [(d.paragraph, d.heading) for d in found] == [("§ 5 a", "Beslut i sammandrag"), ("§ 5 b", "Beslut i sammandrag")]


def test_a_sentence_that_tells_how_listed_items_were_handled_is_not_a_decision() -> None:
    section = "§ 5 Beslut i sammandrag"
    blocks = [Block("Ärendena under § 5 bereddes per capsulam och beslutades utan föredragning.", section),
              *(Block(r, section) for r in ["| Punkt | Ärende | Beslut |", "|---|---|---|",
                                            "| § 5 a | Mötesplan 2032 | Mötesplanen fastställdes. |"])]
    assert [d.text for d in decisions(blocks)] == ["Mötesplanen fastställdes."]


def test_all_members_asked_to_apply_what_was_decided_is_part_of_the_decision() -> None:
    text = "Styrgruppen fastställde rutinen för diarieföring. Arbetsgrupperna ombeds använda den från den 1 september 2031."
    [d] = decisions([Block(text, "§ 6 Diarieföring")])
    assert d.kind == "beslut" and d.text == text


def test_a_body_asked_by_name_still_gets_an_assignment_of_its_own() -> None:
    text = "Styrgruppen fastställde rutinen för diarieföring. Sekretariatet ombeds ta fram en lathund till den."
    assert [d.kind for d in decisions([Block(text, "§ 6 Diarieföring")])] == ["beslut", "uppdrag"]


def test_blocks_joined_only_where_a_page_break_cuts_a_sentence() -> None:
    blocks = [Block("§ 3 Mässa Styrgruppen beslutade att delta i mässan med en", "", 1),
              Block("gemensam monter. § 4 Övrigt Inga övriga frågor.", "", 2),
              Block("Vid protokollet: Eva Lund.", "", 3)]
    joined = join_broken_pages(blocks)
    assert [(b.text, b.page) for b in joined] == [
        ("§ 3 Mässa Styrgruppen beslutade att delta i mässan med en gemensam monter. § 4 Övrigt Inga övriga frågor.", 1),
        ("Vid protokollet: Eva Lund.", 3)]
    # a page that ends a sentence, or a next page that begins one, is left alone
    whole = [Block("Styrgruppen godkände planen.", "", 1), Block("gemensam monter.", "", 2)]
    assert join_broken_pages(whole) == whole
    assert join_broken_pages([Block("med en", "", 1), Block("Nästa möte hålls i maj.", "", 2)]) == [
        Block("med en", "", 1), Block("Nästa möte hålls i maj.", "", 2)]


def test_a_decision_cut_by_a_pdf_page_break_is_read_whole(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in ("Protokoll, styrgruppen", "Sammanträdesdatum: 2031-05-06", "§ 3 Utbildningsmässan 2032",
                 "Styrgruppen beslutade att samverkan deltar i utbildningsmässan 2032 med en"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for line in ("gemensam monter och två seminarier. Kostnaden delas lika mellan myndigheterna.",
                 "§ 4 Nästa sammanträde", "Nästa sammanträde hålls den 9 september 2031."):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "2031-05-06_styrgrupp_protokoll.pdf"
    pdf.output(str(path))
    doc = load_file(path)
    [d] = decisions(doc.blocks, DocMeta(doc.doc_id, doc.title, doc.source, doc.date))
    assert d.paragraph == "§ 3"
    assert d.text.startswith("Styrgruppen beslutade att samverkan deltar i utbildningsmässan 2032 med en gemensam monter")
    assert d.page == 1


@pytest.mark.parametrize(("sentence", "kind"), [
    # a position and what the body decided on it in one sentence: the decision is what it did
    ("Styrgruppen ställde sig bakom beredningsgruppens förslag och beslutade att lämna det till GD-gruppen.", "beslut"),
    ("Styrgruppen ställde sig bakom beredningsgruppens förslag och lämnade det till GD-gruppen.", "ställningstagande"),
    ("Beredningsgruppen tillstyrkte förslaget.", "ställningstagande"),
])
def test_a_position_with_a_decision_is_a_decision(sentence: str, kind: str) -> None:
    assert classify(sentence) == kind


def test_the_rest_of_an_assignment_given_again_joins_its_thread() -> None:
    from datetime import date

    from assistant.records.register import with_recipients
    from assistant.records.threads import build_threads, link_decisions, open_assignments

    spring = DocMeta("s1", "Protokoll styrgruppen 2031-03-10", "/tmp/2031-03-10_styrgrupp_protokoll.md", "2031-03-10")
    autumn = DocMeta("s2", "Protokoll styrgruppen 2031-10-20", "/tmp/2031-10-20_styrgrupp_protokoll.md", "2031-10-20")
    given = [Block("Styrgruppen gav arbetsgruppen för statistik i uppdrag att ta fram en modell för uppföljning av "
                   "indikatorerna och ett förslag om seminarier om indikatorerna, senast den 30 september 2031.",
                   "§ 6 Uppföljning av indikatorerna")]
    settled = [Block("Styrgruppen godkände modellen för uppföljning av indikatorerna.", "§ 5 Uppföljning av indikatorerna"),
               Block("Arbetsgruppen för statistik ska lämna förslaget om seminarier om indikatorerna senast den 15 december 2031.",
                     "§ 5 Uppföljning av indikatorerna"),
               Block("Styrgruppen fastställde mötesplanen för 2032.", "§ 6 Mötesplan 2032")]
    found = with_recipients(decisions(given, spring) + decisions(settled, autumn))
    assignment, approval, rest, plan = found
    assert rest.kind == "uppdrag" and rest.recipient == assignment.recipient
    links = link_decisions(found)
    pairs = {(lk.earlier, lk.later): lk for lk in links}
    assert (assignment.id, approval.id) in pairs
    assert pairs[(assignment.id, rest.id)].relation == "följer upp"
    assert "återstår" in pairs[(assignment.id, rest.id)].reason
    assert not any(plan.id in (lk.earlier, lk.later) for lk in links)
    [thread] = [t for t in build_threads(found, links) if assignment in t.decisions]
    assert {d.id for d in thread.decisions} == {assignment.id, approval.id, rest.id}
    assert [o.decision.id for o in open_assignments(found, date(2032, 1, 15), links)] == [rest.id]
