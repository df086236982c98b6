"""Minutes mark their paragraphs with a heading line ("§ 3 Ordförande", "Punkt 3.", "3. Ordförande", a bold
number): the line names the section, it is never read as the start of the sentence after it. Minutes of our
own in Markdown, Word and PDF, through the real loaders, the real model and an extractive memo and answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.answers.memo import draft_memo
from assistant.answers.registry import get_engine
from assistant.answers.units import passage_units
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.swedish import paragraph_heading, split_paragraph_heading

HEADINGS = [
    ("§ 7 Ordförande", "§ 7 Ordförande"),
    ("§ 7. Ordförande", "§ 7 Ordförande"),
    ("§7 Ordförande", "§7 Ordförande"),
    ("Punkt 7.", "Punkt 7"),
    ("Ärende 7", "Ärende 7"),
    ("Ärende 7: Val av sekreterare", "Ärende 7 Val av sekreterare"),
    ("7. Ordförande", "7 Ordförande"),
    ("4.2 Lokaler och utrustning", "4.2 Lokaler och utrustning"),
    ("**7.** Ordförande", "7 Ordförande"),
    ("**§ 7 Ordförande**", "§ 7 Ordförande"),
    # Not headings: a sentence, a bare list number, a law's paragraph inside a sentence, a title left open,
    # an agenda's time of day.
    ("7. Styrelsen valde en ny ordförande.", ""),
    ("7.", ""),
    ("§ 7 i stadgan gäller", ""),
    ("Punkt 7 Rapport från", ""),
    ("13.45 Kaffe och fortsatt samtal", ""),
]


@pytest.mark.parametrize(("line", "heading"), HEADINGS)
def test_a_paragraph_heading_is_recognised_by_its_marker_and_short_title(line: str, heading: str) -> None:
    assert paragraph_heading(line) == heading


@pytest.mark.parametrize(("run_in", "heading", "rest"), [
    ("§ 7 Ordförande Styrelsen valde Ada Berg till ordförande.", "§ 7 Ordförande",
     "Styrelsen valde Ada Berg till ordförande."),
    ("Punkt 7. Rapport från Kulturrådet Kulturrådet redovisade läget.", "Punkt 7 Rapport från Kulturrådet",
     "Kulturrådet redovisade läget."),
    ("§ 7 i stadgan anger hur ordföranden väljs.", "", "§ 7 i stadgan anger hur ordföranden väljs."),
])
def test_a_heading_run_into_the_sentence_after_it_is_cut_off(run_in: str, heading: str, rest: str) -> None:
    assert split_paragraph_heading(run_in) == (heading, rest)


def test_a_paragraph_marker_after_a_full_stop_opens_a_new_sentence_without_its_heading() -> None:
    text = ("Mötet öppnades klockan nio. § 2 Ordförande Styrelsen valde en ordförande enligt 4 § stadgan. "
            "Punkt 3. Kassören redovisade bokslutet.")
    assert [u.text for u in passage_units(0, text)] == [
        "Mötet öppnades klockan nio.", "Styrelsen valde en ordförande enligt 4 § stadgan.",
        "Kassören redovisade bokslutet."]


def test_heading_lines_are_no_units_but_a_numbered_list_keeps_its_items() -> None:
    minutes = ("§ 2 Ordförande\nStyrelsen valde Ada Berg till ordförande för ett år.\n"
               "3. Lokaler\nStyrelsen beslutade att hyra lokalen på Storgatan under hösten.\n"
               "Styrelsen prioriterar tre saker:\n1. Medlemsvärvning\n2. Ekonomi\n3. Lokaler")
    units = [(u.text, u.is_item) for u in passage_units(0, minutes)]
    assert units == [("Styrelsen valde Ada Berg till ordförande för ett år.", False),
                     ("Styrelsen beslutade att hyra lokalen på Storgatan under hösten.", False),
                     ("Styrelsen prioriterar tre saker:", False),
                     ("Medlemsvärvning", True), ("Ekonomi", True), ("Lokaler", True)]


DECISION = "Styrelsen beslutade att fastställa arbetsordningen för {body} med ändringen att rådet möts fyra gånger per år."
NOTE = "Styrelsen noterade att antalet ansökningar om bidrag till {body} har ökat under 2025."


def _minutes_md(folder: Path) -> Path:
    path = folder / "protokoll-md.md"
    body = "kulturrådet"
    path.write_text(f"# Protokoll styrelsen\n\n§ 1 Mötets öppnande\nMötet öppnades av ordföranden.\n\n"
                    f"**§ 2 Lägesrapport**\n{NOTE.format(body=body)}\n§ 3 Arbetsordning\n"
                    f"{DECISION.format(body=body)}\n", encoding="utf-8")
    return path


def _minutes_docx(folder: Path) -> Path:
    import docx

    body = "idrottsrådet"
    d = docx.Document()
    d.add_paragraph("Protokoll styrelsen", style="Title")
    d.add_paragraph("Ärende 2")
    d.add_paragraph(NOTE.format(body=body))
    bold = d.add_paragraph()
    bold.add_run("3.").bold = True
    bold.add_run(" Arbetsordning")
    d.add_paragraph(DECISION.format(body=body))
    path = folder / "protokoll-docx.docx"
    d.save(str(path))
    return path


def _minutes_pdf(folder: Path) -> Path:
    from fpdf import FPDF

    body = "musikrådet"
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in ("§ 2 Lägesrapport", NOTE.format(body=body), "Punkt 3.", DECISION.format(body=body)):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = folder / "protokoll-pdf.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def minutes_kb(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder):
    folder = tmp_path_factory.mktemp("minutes")
    paths = [_minutes_md(folder), _minutes_docx(folder), _minutes_pdf(folder)]
    base = KnowledgeBase(KbConfig(data_dir=folder / "data"), embedder=embedder)
    summary = base.ingest_all(paths)
    assert summary.added == 3 and not summary.failed
    yield base
    base.close()


_HEADING_WORDS = re.compile(r"§\s*\d|\bPunkt \d|\bÄrende \d|\b\d\.? Arbetsordning|Lägesrapport|\*\*")


@pytest.mark.parametrize("body", ["kulturrådet", "idrottsrådet", "musikrådet"])
def test_the_decision_is_answered_and_cited_without_its_heading(minutes_kb, body: str) -> None:
    engine = get_engine("extractive", minutes_kb)
    answer = engine.answer(f"Vilken arbetsordning fastställde styrelsen för {body}?")
    assert answer.grounded and DECISION.format(body=body)[:-1] in answer.answer
    assert not _HEADING_WORDS.search(answer.answer), answer.answer
    assert answer.citations


def test_no_memo_sentence_carries_a_paragraph_heading(minutes_kb) -> None:
    memo = draft_memo("styrelsens arbetsordning och bidrag", get_engine("extractive", minutes_kb))
    sentences = [s for h, ss in memo.sections.items() if h != "Horisontella perspektiv" for s in ss]
    assert any("fastställa arbetsordningen" in s and re.search(r"\[\d+\]$", s) for s in sentences), sentences
    assert not [s for s in sentences if _HEADING_WORDS.search(s)]
