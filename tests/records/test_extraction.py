"""Decision extraction on hand-made paragraphs: phrasings, procedural lines, traps, paragraphs,
dates and bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.records.blocks import load_file
from assistant.records.decisions import (
    DECISION_KINDS,
    DocMeta,
    classify,
    deadline_of,
    extract_decisions,
    paragraph_of,
)
from assistant.records.meeting import (
    matches_body,
    meeting_body,
    meeting_date,
    period_of,
)
from assistant.records.sentences import tabled
from ingest.documents import Block
from ingest.metadata import infer_kind

META = DocMeta("doc1", "Minnesanteckningar styrgruppen MSV KLL", "/tmp/x.md", "")


def one(text: str, section: str = "§ 3 Ärende") -> list:
    return [d for d in extract_decisions([Block("Datum: 2025-05-14"), Block(text, section)], META)
            if d.kind in DECISION_KINDS]


PHRASINGS = [
    # (text, kind, decision text starts with, responsible, deadline)
    ("Beslut: Styrgruppen fastställde budgeten.", "beslut", "Styrgruppen fastställde", "", ""),
    ("Styrgruppen beslutade att anta arbetsplanen.", "beslut", "Styrgruppen beslutade", "", ""),
    ("Det beslutades att mötesplanen gäller från januari.", "beslut", "Det beslutades", "", ""),
    ("Beslutades att budgetramen ska vara 5 miljoner kronor.", "beslut", "Beslutades att", "", ""),
    ("Mötet fastställde inriktningen för 2026.", "beslut", "Mötet fastställde", "", ""),
    ("Kommunikationsplanen fastställdes.", "beslut", "Kommunikationsplanen fastställdes", "", ""),
    ("Styrgruppen godkände promemorian.", "beslut", "Styrgruppen godkände", "", ""),
    ("Styrgruppen beslöt att skjuta upp lanseringen.", "beslut", "Styrgruppen beslöt", "", ""),
    ("Mötet enades om att använda den nya mallen.", "beslut", "Mötet enades", "", ""),
    ("Styrgruppen gav sekretariatet i uppdrag att ta fram en rutin senast den 30 juni 2025.",
     "uppdrag", "Styrgruppen gav", "sekretariatet", "2025-06-30"),
    ("Styrgruppen uppdrog åt arbetsgruppen för validering att rapportera senast 2025-09-01.",
     "uppdrag", "Styrgruppen uppdrog", "arbetsgruppen för validering", "2025-09-01"),
    ("Uppdrogs åt Anna Berg att sammanställa remissvaren till den 3 oktober 2025.",
     "uppdrag", "Uppdrogs åt", "Anna Berg", "2025-10-03"),
    ("Sekretariatet fick i uppdrag att boka lokal.", "uppdrag", "Sekretariatet fick", "Sekretariatet", ""),
    ("Uppdrag: sekretariatet tar fram en tidplan.", "uppdrag", "sekretariatet tar fram", "", ""),
    ("Styrgruppen ställde sig bakom förslaget om en gemensam portal.", "ställningstagande", "Styrgruppen ställde", "", ""),
    ("Styrgruppen tillstyrkte remissvaret.", "ställningstagande", "Styrgruppen tillstyrkte", "", ""),
    ("Styrgruppen beslutade att ge processledarna i uppdrag att planera mötet senast i oktober 2025.",
     "uppdrag", "Styrgruppen beslutade", "processledarna", "2025-10"),
    ("Beslut: att införa en ny rutin, med ansvar för genomförandet hos Lena Virtanen.",
     "beslut", "att införa", "Lena Virtanen", ""),
    # informal notes word decisions and assignments many ways
    ("Styrgruppen bad arbetsgruppen för validering att ta fram ett utkast senast den 1 april 2027.",
     "uppdrag", "Styrgruppen bad", "arbetsgruppen för validering", "2027-04-01"),
    ("Styrgruppen gav beredningsgruppen uppdraget att utveckla dialogen med regionerna.",
     "uppdrag", "Styrgruppen gav", "beredningsgruppen", ""),
    ("Sekretariatet ombads sammanställa regeringsuppdragen senast den 30 september 2027.",
     "uppdrag", "Sekretariatet ombads", "Sekretariatet", "2027-09-30"),
    ("Ahmed Said åtog sig att ta fram en lista över indikatorer.", "uppdrag", "Ahmed Said åtog", "Ahmed Said", ""),
    ("Vi kom överens om att skicka utkastet till styrgruppen.", "beslut", "Vi kom överens", "", ""),
    ("Gruppen bestämde att träffarna hålls två gånger per år.", "beslut", "Gruppen bestämde", "", ""),
    ("Styrgruppen beslutade därför att följa kartläggningen med Lena Virtanen som ansvarig.",
     "beslut", "Styrgruppen beslutade därför", "Lena Virtanen", ""),
    ("Beslutet om digitala möten upphävdes.", "beslut", "Beslutet om digitala", "", ""),
    ("Ärendet återremitterades till beredningsgruppen.", "beslut", "Ärendet återremitterades", "", ""),
    ("Beslut fattades om att hålla en workshop med SCB.", "beslut", "Beslut fattades", "", ""),
    ("Styrgruppen överlämnade frågan om en finansieringsmodell till beredningsgruppen med uppdrag att återkomma "
     "med ett förslag senast den 1 september 2027.", "uppdrag", "Styrgruppen överlämnade", "beredningsgruppen", "2027-09-01"),
    ("Styrgruppen återremitterade strategin till arbetsgrupp vägledning med uppdrag att förtydliga den.",
     "uppdrag", "Styrgruppen återremitterade", "arbetsgrupp vägledning", ""),
    ("Styrgruppen godkände arbetsgruppens inspel, som därmed kan skickas till Regeringskansliet.",
     "beslut", "Styrgruppen godkände", "", ""),
    # passive and impersonal forms, joint bodies, decisions taken between meetings
    ("Förslaget antogs med en ändring i bilaga 2.", "beslut", "Förslaget antogs", "", ""),
    ("Det beslöts att remissvaret lämnas gemensamt.", "beslut", "Det beslöts", "", ""),
    ("Det är beslutat att seminariet hålls i Umeå.", "beslut", "Det är beslutat", "", ""),
    ("Beslutet blev att vänta med enkäten.", "beslut", "Beslutet blev", "", ""),
    ("Styrgruppen fattade beslut om att starta en förstudie.", "beslut", "Styrgruppen fattade", "", ""),
    ("Styrgruppen och GD-gruppen beslutade gemensamt att inrätta ett analysnätverk.",
     "beslut", "Styrgruppen och GD-gruppen", "", ""),
    ("Styrgruppen har per capsulam den 2 mars 2026 beslutat att godkänna yttrandet över betänkandet.",
     "beslut", "Styrgruppen har per capsulam", "", ""),
    ("Beslut per capsulam: Styrgruppen godkände yttrandet till departementet.", "beslut", "Styrgruppen godkände", "", ""),
    ("Sekretariatet fick i uppdrag att sammanställa enkätsvaren senast v. 12.",
     "uppdrag", "Sekretariatet fick", "Sekretariatet", "2026-03-20"),
    ("Sekretariatet fick i uppdrag att redovisa utfallet under tredje kvartalet.",
     "uppdrag", "Sekretariatet fick", "Sekretariatet", "2025-09-30"),
    ("Styrgruppen gav beredningsgruppen i uppdrag att föreslå en ny mötesform före sommaren.",
     "uppdrag", "Styrgruppen gav", "beredningsgruppen", "2025-06-30"),
]


@pytest.mark.parametrize("text,kind,start,responsible,deadline", PHRASINGS)
def test_phrasings(text: str, kind: str, start: str, responsible: str, deadline: str) -> None:
    found = one(text)
    assert len(found) == 1, found
    d = found[0]
    assert (d.kind, d.responsible, d.deadline) == (kind, responsible, deadline)
    assert d.text.startswith(start)
    assert (d.body, d.date, d.paragraph, d.doc_id) == ("styrgrupp", "2025-05-14", "§ 3", "doc1")


NOT_DECISIONS = [
    "Dagordningen godkändes.",
    "Dagordningen fastställdes med ett tillägg.",
    "Föregående protokoll godkändes och lades till handlingarna.",
    "Minnesanteckningarna lades till handlingarna.",
    "Ärendet bordlades till nästa möte.",
    "Till justerare valdes Per Ekström.",
    "Informationspunkt: Skolverket informerade om den nya vägledningen.",
    "Styrgruppen tog del av informationen.",
    "Ordföranden förklarade mötet avslutat.",
    "Inga övriga frågor anmäldes.",
    "Anteckningarna från förra träffen godkändes.",
    "Föregående mötesprotokoll godkändes.",
    "Till mötessekreterare utsågs Lena Virtanen.",
    "Nästa möte fastställdes till den 7 september 2027.",
    "GD-gruppen godkände dagordningen.",
    "Att justera protokollet jämte ordföranden utsågs Eva Holm (UHR).",
    "Maria Berglund valdes att justera protokollet.",
    "Vi valde Olle Sand att justera minnesanteckningarna.",  # a working group's notes, in the active voice
    # a proposed agenda for another body's meeting approved
    "Arbetsgruppen godkände förslaget till dagordning för GD-gruppens möte den 3 juni.",
    "GD-gruppen fastställde utkastet till dagordning med ett tillägg.",
]
TRAPS = [
    "Beredningsgruppen föreslog att styrgruppen skulle fastställa arbetsplanen.",
    "Sekretariatet påminde om att styrgruppen beslutade om arbetsordningen i februari.",
    "Frågan diskuterades; inget beslut fattades.",
    "Sekretariatet föreslår att beredningsgruppen beslutar om en rutin vid nästa möte.",
    "Enligt tidigare beslut fastställdes budgeten i december.",
    "Sekretariatet presenterade ett utkast till arbetsplan.",
    "Vid förra mötet beslutades att sekretariatet ska erbjuda processtöd.",
    "Regeringen beslutade i december att ge Skolverket i uppdrag att kartlägga vuxenutbildningen.",
    "Årshjulet fastställs vid nästa möte.",
    # an earlier decision restated in a relative clause
    "Gruppen gick igenom den nya mallen för lägesbedömning som styrgruppen fastställde den 4 mars.",
    "Arbetsgrupperna har lämnat lägesbedömningar enligt den mall som styrgruppen fastställde den 4 mars 2027 (§ 4).",
    "GD-gruppen informerades om den finansieringsmodell som styrgruppen fastställde den 14 oktober 2027.",
    "Anna presenterade utkastet, som tagits fram enligt det som gruppen kom överens om i mars.",
]


@pytest.mark.parametrize("text", NOT_DECISIONS)
def test_procedural_lines_are_not_decisions(text: str) -> None:
    assert classify(text) == "procedur"
    assert one(text) == []
    marked = extract_decisions([Block(text, "§ 1")], META)
    assert [d.kind for d in marked] == ["bordlagd" if tabled(text) else "procedur"]  # a tabling: a thread's step
    assert extract_decisions([Block(text, "§ 1")], META, procedural=False) == []


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_not_decisions(text: str) -> None:
    assert one(text) == []


@pytest.mark.parametrize("header,expected", [
    ("Datum: 14 maj 2025", "2025-05-14"),
    ("Datum: 2025-05-14", "2025-05-14"),
    ("Mötesdatum 3 februari 2026, kl. 13-15", "2026-02-03"),
])
def test_meeting_date_both_formats(header: str, expected: str) -> None:
    blocks = [Block("FIKTIVT EXEMPEL"), Block(header), Block("§ 2 Budget Styrgruppen fastställde budgeten senast 2027-01-01.")]
    assert meeting_date("Minnesanteckningar styrgruppen", blocks) == expected
    assert extract_decisions(blocks, META)[0].date == expected


def test_title_date_wins_over_header() -> None:
    assert meeting_date("Protokoll GD-gruppen 22 oktober 2025", [Block("Datum: 2025-10-23")]) == "2025-10-22"


@pytest.mark.parametrize("title,expected", [
    ("Minnesanteckningar styrgruppen MSV KLL", "styrgrupp"),
    ("Protokoll GD-gruppen", "gd-grupp"),
    ("Minnesanteckningar beredningsgruppen inför styrgruppens möte", "beredningsgrupp"),
    ("Minnesanteckningar arbetsgrupp Validering", "arbetsgrupp-validering"),
    ("Möte i arbetsgruppen för vägledning", "arbetsgrupp-vägledning"),
])
def test_body_from_title(title: str, expected: str) -> None:
    assert meeting_body(title, []) == expected


def test_body_from_header_when_title_is_silent() -> None:
    assert meeting_body("Minnesanteckningar", [Block("Möte med GD-gruppen för MSV KLL")]) == "gd-grupp"


@pytest.mark.parametrize("body,wanted,ok", [
    ("styrgrupp", "styrgruppen", True), ("gd-grupp", "GD-gruppen", True), ("arbetsgrupp-validering", "validering", True),
    ("arbetsgrupp-validering", "arbetsgrupp", True), ("styrgrupp", "gd-grupp", False), ("beredningsgrupp", "styrgrupp", False),
])
def test_body_filter(body: str, wanted: str, ok: bool) -> None:
    assert matches_body(body, wanted) is ok


@pytest.mark.parametrize("text,expected", [
    ("§ 5 Verksamhetsbudget", "§ 5"), ("§5. Budget", "§ 5"), ("3. Arbetsplan 2025", "punkt 3"),
    ("**4. Uppdrag om mötesstruktur.** Beredningsgruppen …", "punkt 4"), ("Mötets öppnande", ""),
    ("Ärende 2. Strategi för vägledning", "punkt 2"), ("§ 4 b Arbetsgruppen vägledning – tidplan", "§ 4 b"),
    ("§ 4 budget", "§ 4"),
])
def test_paragraph_of(text: str, expected: str) -> None:
    assert paragraph_of(text) == expected


def test_pdf_text_with_headings_run_in() -> None:
    """PDF pages arrive as one paragraph: § markers split it and headings are trimmed off."""
    page = ("Protokoll GD-gruppen Datum: 14 maj 2025 Plats: via länk § 1 Mötets öppnande Dagordningen godkändes. "
            "§ 2 Budget 2026 Sekretariatet föredrog ärendet. GD-gruppen fastställde budgeten för 2026. "
            "§ 3 Onboarding Beslutades att ta fram en introduktion. Enligt § 2 i arbetsordningen gäller detta.")
    found = [d for d in extract_decisions([Block(page, "", 2)], DocMeta("d", "", "/tmp/p.pdf")) if d.kind != "procedur"]
    assert [(d.paragraph, d.text, d.page, d.section) for d in found] == [
        ("§ 2", "GD-gruppen fastställde budgeten för 2026.", 2, "§ 2"),
        ("§ 3", "Beslutades att ta fram en introduktion.", 2, "§ 3"),
    ]
    assert found[0].body == "gd-grupp" and found[0].date == "2025-05-14"


def test_decision_list_after_intro() -> None:
    blocks = [Block("Styrgruppen beslutade", "§ 2 Budget"),
              Block("att fastställa budgeten för 2026,", "§ 2 Budget"),
              Block("att ge sekretariatet i uppdrag att följa upp den senast den 28 februari 2026.", "§ 2 Budget"),
              Block("Sekretariatet presenterade sedan tidplanen.", "§ 2 Budget"),
              Block("att detta är en mening som inte hör till listan.", "§ 2 Budget")]
    found = extract_decisions(blocks, META)
    assert [(d.kind, d.text[:20]) for d in found] == [("beslut", "att fastställa budge"), ("uppdrag", "att ge sekretariatet")]
    assert found[1].deadline == "2026-02-28" and found[1].responsible == "sekretariatet"


def test_a_numbered_decision_list_after_intro() -> None:
    """"… beslutade följande:" and a numbered list: one decision an item, in its paragraph, even when
    the list arrives as one block; the next agenda item's own line is no item of the list."""
    section = "§ 3 Arbetsordning"
    blocks = [Block("Styrgruppen beslutade följande:", section),
              Block("1. Arbetsordningen fastställs och gäller från och med den 1 januari 2031. "
                    "2. Arbetsordningen ska ses över årligen.", section)]
    found = [d for d in extract_decisions(blocks, META) if d.kind in DECISION_KINDS]
    assert [(d.paragraph, d.text) for d in found] == [
        ("§ 3", "Arbetsordningen fastställs och gäller från och med den 1 januari 2031."),
        ("§ 3", "Arbetsordningen ska ses över årligen.")]
    notes = [Block("Beslut:", "Minnesanteckningar"), Block("- Arbetsgruppen godkände inspelet.", "Minnesanteckningar"),
             Block("3. Indikatorer", "Minnesanteckningar"), Block("Gruppen diskuterade indikatorer.", "Minnesanteckningar")]
    assert [d.text for d in extract_decisions(notes, META) if d.kind in DECISION_KINDS] == ["Arbetsgruppen godkände inspelet."]


def test_bullets_after_a_decision_label() -> None:
    """Bullets under "Beslut:" are decisions whatever their verb; a named person who "tar fram"
    something has a task; the item's own line is its heading."""
    section = "Minnesanteckningar arbetsgrupp vägledning"
    blocks = [Block("3. Strategi för livslång vägledning", section),
              Block("Diskussion om en gemensam strategi.", section), Block("Beslut:", section),
              Block("- Anna Lindqvist och Mats Berg tar fram ett första utkast till strategi till gruppens möte i september.", section),
              Block("- Strategin avgränsas till vägledning för vuxna.", section),
              Block("4. Omvärld", section), Block("Kansliet tar fram ett underlag under våren.", section)]
    found = [d for d in extract_decisions(blocks, META) if d.kind in DECISION_KINDS]
    assert [(d.kind, d.paragraph, d.heading, d.text[:24]) for d in found] == [
        ("uppdrag", "punkt 3", "Strategi för livslång vägledning", "Anna Lindqvist och Mats "),
        ("beslut", "punkt 3", "Strategi för livslång vägledning", "Strategin avgränsas till")]
    assert found[0].responsible == "Anna Lindqvist och Mats Berg"


def test_closing_summary_restates_nothing_new() -> None:
    """A closing "Beslutspunkter" list repeats the decisions above: a restatement (naming its
    paragraph or saying little else) is dropped, a decision found only there is kept."""
    blocks = [Block("Datum: 2025-05-14"),
              Block("Styrgruppen fastställde verksamhetsbudgeten för 2026 med en reserv på 5 procent.", "§ 3 Budget 2026"),
              Block("Styrgruppen gav sekretariatet i uppdrag att ta fram en kommunikationsplan senast v. 40.", "§ 4 Kommunikation"),
              Block("- Budgeten fastställdes (§ 3).", "Beslutspunkter"),
              Block("- Sekretariatet tar fram en kommunikationsplan till v. 40.", "Beslutspunkter"),
              Block("- Styrgruppen beslutade att nästa års seminarium hålls i Malmö.", "Beslutspunkter")]
    found = [d for d in extract_decisions(blocks, META) if d.kind in DECISION_KINDS]
    assert [(d.paragraph, d.text[:27]) for d in found] == [
        ("§ 3", "Styrgruppen fastställde ver"), ("§ 4", "Styrgruppen gav sekretariat"), ("", "Styrgruppen beslutade att n")]
    assert found[1].deadline == "2025-10-03"


def test_action_list_table() -> None:
    """Each row of an action list is a task with who and by when; the header and rule are not."""
    section = "§ 6 Åtgärdslista"
    blocks = [Block("Datum: 2025-05-14"), Block("| Åtgärd | Ansvarig | Klart |", section), Block("|---|---|---|", section),
              Block("| Ta fram en tidplan för enkäten | Sekretariatet | v. 14 |", section),
              Block("| Boka lokal till höstens seminarium | Kansliet | Q3 2025 |", section),
              Block("Mötet avslutades.", section)]
    found = [d for d in extract_decisions(blocks, META) if d.kind in DECISION_KINDS]
    assert [(d.kind, d.paragraph, d.text, d.responsible, d.deadline) for d in found] == [
        ("uppdrag", "§ 6", "Ta fram en tidplan för enkäten", "Sekretariatet", "2026-04-03"),
        ("uppdrag", "§ 6", "Boka lokal till höstens seminarium", "Kansliet", "2025-09-30")]


@pytest.mark.parametrize(("text", "kind", "responsible"), [
    ("Eva Holm (Skolverket) tar fram en översikt över nätverken till nästa möte.", "uppdrag", "Eva Holm"),
    ("Kansliet sammanställer enkätsvaren senast den 3 juni.", "uppdrag", "Kansliet"),
    ("Eva Holm tar fram en översikt över nätverken.", None, ""),  # no deadline, outside a decision list: a remark
    ("Eva Holm presenterade en översikt till nästa möte.", None, ""),  # a past report, not a task
])
def test_a_task_in_the_present_tense_with_a_deadline(text: str, kind: str | None, responsible: str) -> None:
    found = one(text)
    assert [d.kind for d in found] == ([kind] if kind else [])
    if kind:
        assert found[0].responsible == responsible


@pytest.mark.parametrize(("text", "kind"), [
    ("Ordföranden konstaterade att beredningsgruppen var enig om att mallen ska användas från hösten.", "ställningstagande"),
    ("Gruppen var enig om att arbetet bör utgå från deltagarnas behov.", None),  # a discussion's drift
    ("Ordföranden konstaterade att frågan behöver beredas vidare.", None),
])
def test_the_chair_records_a_position(text: str, kind: str | None) -> None:
    assert [d.kind for d in one(text)] == ([kind] if kind else [])


def test_the_object_of_a_task_in_the_present_tense() -> None:
    from assistant.records.matter import object_of

    assert object_of("Eva Holm tar fram en översikt över nätverken till nästa möte.") == "översikt över nätverken"


def test_decision_table() -> None:
    """A decision table's row is a decision on the matter its item column names, in the row's
    sub-item; the proposal column is not read as a decision."""
    section = "§ 4 Beslut utan föredragning"
    blocks = [Block("Datum: 2025-05-14"), Block("| Ärende | Förslag | Beslut |", section), Block("|---|---|---|", section),
              Block("| 4 a Mötesplan 2026 | Kansliets förslag med tre möten | Godkändes. |", section),
              Block("| 4 b Rutin för arkivering | Arbetsgruppens förslag | Fastställdes med tillägget att rutinen ses över. |", section),
              Block("| 4 c Seminarium om validering | Sekretariatets förslag | Bordlades. |", section)]
    found = extract_decisions(blocks, META)
    assert [(d.kind, d.paragraph, d.heading, d.text) for d in found if d.kind in DECISION_KINDS] == [
        ("beslut", "§ 4 a", "Mötesplan 2026", "Godkändes."),
        ("beslut", "§ 4 b", "Rutin för arkivering", "Fastställdes med tillägget att rutinen ses över.")]
    assert [(d.kind, d.paragraph) for d in found if d.kind not in DECISION_KINDS and d.paragraph] == [("bordlagd", "§ 4 c")]
    assert "arkivering" in next(d for d in found if d.paragraph == "§ 4 b").matter.lower()


def test_run_in_heading_with_acronyms() -> None:
    page = ("§ 4. Introduktion av nya deltagare i MSV KLL Kansliet presenterade ett upplägg. "
            "Styrgruppen godkände upplägget med ändringen att träffarna hålls digitalt.")
    found = [d for d in extract_decisions([Block(page, "", 1)], DocMeta("d", "", "/tmp/p.pdf")) if d.kind != "procedur"]
    assert [(d.paragraph, d.heading) for d in found] == [("§ 4", "Introduktion av nya deltagare i MSV KLL")]


def test_ids_are_stable_and_unique() -> None:
    blocks = [Block("Styrgruppen fastställde budgeten.", "§ 1 A"), Block("Styrgruppen fastställde budgeten.", "§ 2 B")]
    a, b = extract_decisions(blocks, META), extract_decisions(blocks, META)
    assert [d.id for d in a] == [d.id for d in b] and len({d.id for d in a}) == 2


@pytest.mark.parametrize("text,expected", [
    ("att planera mötet, klart senast 2025-11-30.", "2025-11-30"),
    ("att rapportera till styrgruppens möte den 17 september 2025.", "2025-09-17"),
    ("att gälla från den 1 januari 2026.", ""),
    ("att färdigställa rapporten före den 1 oktober 2025.", "2025-10-01"),
    # weeks, quarters and seasons: the last day they allow, the next one after the meeting
    ("att sammanställa svaren till vecka 12 2026.", "2026-03-20"),
    ("att sammanställa svaren senast v. 3.", "2027-01-22"),
    ("att redovisa under Q3.", "2026-09-30"),
    ("att redovisa under första kvartalet.", "2027-03-31"),
    ("att återkomma före sommaren.", "2026-06-30"),
    ("att återkomma till årsskiftet.", "2026-12-31"),
    ("att genomföra enkäten under hösten 2026.", "2026-12-31"),
    ("att rapportera till höstens möte.", ""),  # a meeting, not a season (pairs.due_of reads it)
])
def test_deadlines(text: str, expected: str) -> None:
    assert deadline_of(text, "2026-05-14") == expected


def test_period_deadlines_only_for_assignments() -> None:
    assert deadline_of("att hålla fyra möten under hösten.", "2026-05-14", periods=False) == ""


def test_period() -> None:
    assert period_of("Lägesbedömning VT 2025", [], "") == "VT 2025"
    assert period_of("Lägesbedömning", [], "2025-10-10") == "HT 2025"


def test_action_list_in_a_word_file_stays_in_its_paragraph(tmp_path) -> None:
    """A Word table is read where it stands, under its heading, not after the document's end."""
    import docx

    from assistant.records.blocks import load_file

    d = docx.Document()
    d.add_paragraph("Protokoll styrgruppen 2025-05-14")
    d.add_heading("§ 3 Åtgärder", 1)
    table = d.add_table(rows=2, cols=3)
    for i, row in enumerate([["Åtgärd", "Ansvarig", "Klart"], ["Ta fram en tidplan för enkäten", "Sekretariatet", "v. 14"]]):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    d.add_heading("§ 4 Budget", 1)
    d.add_paragraph("Styrgruppen fastställde budgeten.")
    d.save(tmp_path / "protokoll.docx")
    doc = load_file(tmp_path / "protokoll.docx")
    found = [x for x in extract_decisions(doc.blocks, DocMeta(doc.doc_id, doc.title, doc.source, doc.date))
             if x.kind in DECISION_KINDS]
    assert [(x.kind, x.paragraph, x.responsible) for x in found] == [("uppdrag", "§ 3", "Sekretariatet"), ("beslut", "§ 4", "")]



@pytest.mark.parametrize(("text", "kept"), [
    ("GD-gruppen fastställde den 16 november 2024 en ram för arbetet.", False),  # told with its earlier date
    ("Styrgruppen återremitterade i mars förslaget till beredningsgruppen.", False),
    ("GD-gruppen beslutade vid sitt möte i november att styrgruppen ska lämna ett förslag.", False),
    ("Styrgruppen den 3 april upphävde beslutet om nätverket.", False),
    ("Styrgruppen upphävde sitt beslut den 8 juni 2024 om att avveckla nätverket.", True),  # the date is the object's
    ("Det beslutades att seminariet den 23 november 2025 hålls digitalt.", True),  # the date is what was decided
    ("Styrgruppen har per capsulam den 2 maj 2025 beslutat att godkänna yttrandet.", True),
    ("Styrgruppen beslutade att flytta junimötet till den 3 september 2025.", True),
    # the deciding verb itself dated earlier, with a month only or a full date
    ("Beredningsgruppen beslutade i februari att mallen används tills vidare.", False),
    ("Riksdagen beslutade den 2 april 2025 att anslaget höjs.", False),
    ("Styrgruppen beslutade i maj att kansliet ska ta fram en mall.", True),  # the month of the meeting
])
def test_earlier_decisions_told_with_their_date(text: str, kept: bool) -> None:
    """Minutes of 14 May 2025 that tell what a body decided on an earlier day record no decision."""
    assert bool(one(text)) is kept


def test_joint_meeting_decisions_are_the_naming_bodys() -> None:
    blocks = [Block("Gemensamt möte för styrgruppen och beredningsgruppen", ""), Block("Datum: 2025-05-14"),
              Block("Beredningsgruppen fastställde sin mötesplan för 2026.", "§ 3 Mötesplan"),
              Block("Styrgruppen godkände årsrapporten.", "§ 4 Årsrapport"),
              Block("Det beslutades att rapporten publiceras.", "§ 4 Årsrapport")]
    found = [d for d in extract_decisions(blocks, META) if d.kind in DECISION_KINDS]
    assert [d.body for d in found] == ["beredningsgrupp", "styrgrupp", "styrgrupp"]


def test_items_written_as_punkt_n() -> None:
    page = ("Minnesanteckningar arbetsgrupp STEM 7 december 2025. Punkt 1 Läget Gruppen diskuterade läget. "
            "Punkt 2 Kartläggning av utbildningar Kartläggningen godkändes av arbetsgruppen.")
    found = [d for d in extract_decisions([Block(page, "", 1)], DocMeta("d", "", "/tmp/p.pdf")) if d.kind != "procedur"]
    assert [(d.paragraph, d.heading) for d in found] == [("punkt 2", "Kartläggning av utbildningar")]
    blocks = [Block("Datum: 2025-05-14"), Block("Punkt 3 – Reviderad mall"), Block("Den reviderade mallen godkändes.")]
    assert [d.paragraph for d in extract_decisions(blocks, META) if d.kind in DECISION_KINDS] == ["punkt 3"]


def test_closing_summary_in_pdf_text() -> None:
    """A summary run into a PDF page, its items opening with the paragraph they restate."""
    blocks = [Block("Protokoll GD-gruppen Datum: 2025-05-14 § 3 Arbetsordning GD-gruppen fastställde arbetsordningen. "
                    "§ 4 Nästa möte Nästa möte hålls i juni. Beslutspunkter", "", 1),
              Block("• § 3 Arbetsordningen fastställd.", "", 1)]
    found = [d for d in extract_decisions(blocks, DocMeta("d", "", "/tmp/p.pdf")) if d.kind in DECISION_KINDS]
    assert [(d.paragraph, d.text) for d in found] == [("§ 3", "GD-gruppen fastställde arbetsordningen.")]


def test_word_list_items_after_a_decision_label(tmp_path) -> None:
    import docx

    from assistant.records.blocks import load_file

    d = docx.Document()
    d.add_paragraph("Minnesanteckningar arbetsgrupp validering 2025-05-14")
    d.add_heading("3. Kartläggning", 1)
    d.add_paragraph("Beslut:")
    d.add_paragraph("Skolverket kartlägger tjänsterna till gruppens möte i september.", style="List Bullet")
    d.add_paragraph("Kartläggningen avgränsas till vuxna.", style="List Bullet")
    d.save(tmp_path / "anteckningar.docx")
    doc = load_file(tmp_path / "anteckningar.docx")
    found = [x for x in extract_decisions(doc.blocks, DocMeta(doc.doc_id, doc.title, doc.source, doc.date))
             if x.kind in DECISION_KINDS]
    assert [(x.kind, x.paragraph, x.body) for x in found] == [("uppdrag", "punkt 3", "arbetsgrupp-validering"),
                                                             ("beslut", "punkt 3", "arbetsgrupp-validering")]


@pytest.mark.parametrize(("name", "text", "kind"), [
    # the file name says what the minutes are, though § 2 mentions the autumn's lägesbedömningar
    ("2028-06-08_styrgrupp_protokoll.docx", "Information om arbetet med årets lägesbedömningar.", "protokoll"),
    ("2028-03-23_arbetsgrupp_minnesanteckningar.md", "Lägesbedömning hösten", "minnesanteckningar"),
    ("2028-09-01_stem_lagesbedomning.docx", "§ 1 Status", "lägesbedömning"),
])
def test_the_file_names_words_say_the_kind(name: str, text: str, kind: str) -> None:
    assert infer_kind(name, text) == kind


@pytest.mark.parametrize("title,expected", [
    ("Arbetsgruppen för validering – anteckningar från mötet 3/11 2027", "2027-11-03"),
    ("Anteckningar 14/2 2028, digitalt", "2028-02-14"),
])
def test_a_title_dated_in_figures(title: str, expected: str) -> None:
    blocks = [Block("Närvarande: sekretariatet"), Block("1 Budget Gruppen beslutade att godkänna budgeten.")]
    assert meeting_date(title, blocks) == expected


def test_figures_without_a_year_or_out_of_range_are_no_date() -> None:
    assert meeting_date("Anteckningar 3/11, digitalt", [Block("Närvarande: sekretariatet")]) == ""
    assert meeting_date("Anteckningar 33/14 2027", [Block("Närvarande: sekretariatet")]) == ""


def test_a_file_name_date_before_an_underscore_dates_the_notes(tmp_path: Path) -> None:
    path = tmp_path / "2027-03-04_arbetsgrupp_minnesanteckningar.md"
    path.write_text("# Minnesanteckningar\n\n1. Gruppen beslutade att godkänna planen.\n", encoding="utf-8")
    doc = load_file(path)
    assert doc.date == "2027-03-04"
    assert extract_decisions(doc.blocks, DocMeta(doc.doc_id, doc.title, doc.source, doc.date))[0].date == "2027-03-04"
