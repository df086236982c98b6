# ruff: noqa: E501  (the sample minutes are prose, one sentence a line)
"""Write the fictional sample minutes and lägesbedömningar (DOCX, PDF, Markdown) and their labels.

Every file is a FIKTIVT EXEMPEL: invented meetings, people and decisions, written to exercise
decision extraction and status parsing. The labels are written from the same authoring data,
not from the extractor: each line below says by hand whether it is a decision (and of which
kind, who is responsible, by when), a procedural line, or a trap that is neither.

    .venv/bin/python -m evals.decisions.samples   # rewrites the files and the labels

Outputs: the sample files in ``tests/data/records``, ``evals/decisions/gold.jsonl`` (decisions and
procedural lines) and ``evals/decisions/status_gold.jsonl`` (one line per activity). Tests and
the eval call :func:`ensure_samples`, which writes any sample file that is missing (never the
labels), so a checkout without the binary files still runs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from evals.decisions.authoring import ATT, Bullets, D, Item, Meeting, Part, Proc, Trap, para_text, part_text
from evals.decisions.thread_samples import THREAD_MEETINGS
from evals.decisions.thread_samples2 import THREAD_MEETINGS_2
from evals.decisions.thread_samples3 import THREAD_MEETINGS_3

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "records"
GOLD = ROOT / "evals" / "decisions" / "gold.jsonl"
STATUS_GOLD = ROOT / "evals" / "decisions" / "status_gold.jsonl"
MARK = "FIKTIVT EXEMPEL: påhittade anteckningar för test och utvärdering, inga verkliga beslut."


# -- the meetings --------------------------------------------------------------------------------
MEETINGS: list[Meeting] = [
    Meeting(
        "2025-02-12_styrgrupp_minnesanteckningar.docx", "Minnesanteckningar styrgruppen MSV KLL", "styrgrupp",
        "2025-02-12", "2025-02-12", attendees=ATT, items=[
            Item(1, "Mötets öppnande", [["Ordföranden Anna Lindqvist hälsade välkommen och öppnade mötet.",
                                         Proc("Dagordningen godkändes.")],
                                        [Proc("Till justerare valdes Per Ekström.")]]),
            Item(2, "Föregående minnesanteckningar", [[Proc("Minnesanteckningarna från mötet den 4 december 2024 lades till handlingarna.")]]),
            Item(3, "Verksamhetsbudget 2025", [
                ["Sekretariatet föredrog förslaget till gemensam verksamhetsbudget för 2025, med fördelning mellan de sju myndigheterna enligt gällande fördelningsnyckel."],
                [D("Styrgruppen beslutade att fastställa verksamhetsbudgeten för 2025 till 4,2 miljoner kronor.", label="Beslut:")]]),
            Item(4, "Arbetsplan 2025", [
                ["Beredningsgruppen har berett förslaget till arbetsplan.",
                 Trap("Beredningsgruppen föreslog att styrgruppen skulle fastställa arbetsplanen utan ändringar.")],
                [D("Styrgruppen fastställde arbetsplanen för 2025 med den ändringen att aktiviteten om regional samverkan flyttas till andra halvåret.")]]),
            Item(5, "Uppdrag om gemensam kompetensanalys", [
                [D("Styrgruppen gav arbetsgruppen för kompetensanalys i uppdrag att ta fram ett förslag till gemensam lägesbild över kompetensbehoven senast den 30 maj 2025.",
                   kind="uppdrag", responsible="arbetsgruppen för kompetensanalys", deadline="2025-05-30")]]),
            Item(6, "Information från Regeringskansliet", [
                [Proc("Informationspunkt: Karin Holm informerade om regeringens arbete med kompetensförsörjningsfrågor.")],
                [Proc("Styrgruppen tackade för informationen.")]]),
            Item(7, "Övriga frågor", [[Proc("Inga övriga frågor anmäldes."), "Nästa möte hålls den 14 maj 2025."]]),
        ]),
    Meeting(
        "2025-05-14_styrgrupp_minnesanteckningar.pdf", "Minnesanteckningar styrgruppen MSV KLL 14 maj 2025", "styrgrupp",
        "2025-05-14", "14 maj 2025", items=[
            Item(1, "Mötets öppnande", [[Proc("Dagordningen fastställdes utan ändringar.")]]),
            Item(2, "Lägesbedömningar VT 2025", [
                ["Processledarna redogjorde för arbetsgruppernas lägesbedömningar. Två aktiviteter bedöms som röda, främst på grund av resursbrist."],
                [D("Styrgruppen ställde sig bakom arbetsgruppernas lägesbedömningar för VT 2025.", kind="ställningstagande")]]),
            Item(3, "Gemensam kompetensanalys", [
                ["Arbetsgruppen för kompetensanalys presenterade ett utkast till lägesbild."],
                [D("Styrgruppen beslutade att utkastet ska remitteras till medlemsmyndigheterna innan det fastställs.")],
                [D("Styrgruppen uppdrog åt sekretariatet att sammanställa remissvaren till styrgruppens möte den 17 september 2025.",
                   kind="uppdrag", responsible="sekretariatet", deadline="2025-09-17")]]),
            Item(4, "Digital samarbetsyta", [
                ["Flera myndigheter avråder av dataskyddsskäl från molnbaserade samarbetsverktyg. Frågan diskuterades; inget beslut fattades vid mötet.",
                 Trap("Sekretariatet påminde om att styrgruppen beslutade om arbetsordningen i februari 2024.")],
                [D("Styrgruppen gav sekretariatet i uppdrag att utreda en lösning för dokumentdelning som följer offentlighets- och sekretesslagen, och återkomma senast den 15 oktober 2025.",
                   kind="uppdrag", responsible="sekretariatet", deadline="2025-10-15")]]),
            Item(5, "Promemoria till Regeringskansliet", [
                [D("Styrgruppen godkände promemorian om behovet av en samlad kompetensförsörjningsstatistik för överlämnande till Regeringskansliet.")]]),
            Item(6, "Onboarding av nya deltagare", [
                [D("Beslutades att sekretariatet ska ta fram en introduktion för nya deltagare, med ansvar för genomförandet hos Lena Virtanen.",
                   kind="beslut", responsible="Lena Virtanen")]]),
            Item(7, "Mötets avslutande", [[Proc("Protokollet justeras av ordföranden.")], [Proc("Ordföranden förklarade mötet avslutat.")]]),
        ]),
    Meeting(
        "2025-09-17_styrgrupp_minnesanteckningar.md", "Minnesanteckningar styrgruppen MSV KLL", "styrgrupp",
        "2025-09-17", "17 september 2025", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes."), Proc("Minnesanteckningarna från den 14 maj 2025 lades till handlingarna.")]]),
            Item(2, "Verksamhetsbudget 2025, revidering", [
                ["Sekretariatet redovisade utfallet hittills. Kostnaderna för analysarbetet har blivit högre än beräknat."],
                [D("Styrgruppen beslutade att revidera verksamhetsbudgeten för 2025 från 4,2 till 4,5 miljoner kronor.")]]),
            Item(3, "Remissvar om kompetensanalysen", [
                ["Sekretariatet har sammanställt remissvaren från medlemsmyndigheterna."],
                [D("Den gemensamma lägesbilden över kompetensbehoven fastställdes.", label="Beslut:")]]),
            Item(4, "Regional samverkan", [
                [D("Styrgruppen ställde sig bakom förslaget att bjuda in de regionala utvecklingsaktörerna (RUA) till ett gemensamt dialogmöte under hösten.", kind="ställningstagande")],
                [D("Styrgruppen gav arbetsgruppen för vägledning i uppdrag att planera dialogmötet, klart senast 2025-11-30.",
                   kind="uppdrag", responsible="arbetsgruppen för vägledning", deadline="2025-11-30")]]),
            Item(5, "Mötesplan 2026", [[D("Styrgruppen fastställde mötesplanen för 2026 med fyra ordinarie möten.")]], inline=True),
            Item(6, "Uppföljning av OECD:s rekommendationer", [
                [Proc("Ärendet bordlades till nästa möte.")]], inline=True),
        ]),
    Meeting(
        "2025-12-10_styrgrupp_minnesanteckningar.docx", "Minnesanteckningar styrgruppen MSV KLL 10 december 2025", "styrgrupp",
        "2025-12-10", "10 december 2025", attendees=ATT, items=[
            Item(1, "Mötets öppnande", [[Proc("Dagordningen godkändes med ett tillägg under övriga frågor.")]]),
            Item(2, "Verksamhetsbudget 2026", [
                ["Sekretariatet föredrog förslaget. Budgeten förutsätter att samtliga sju myndigheter bidrar enligt fördelningsnyckeln."],
                Bullets("Styrgruppen beslutade", [
                    D("att fastställa verksamhetsbudgeten för 2026 till 4,8 miljoner kronor,"),
                    D("att ge sekretariatet i uppdrag att ta fram en uppföljningsrapport för budgetåret 2025 senast den 28 februari 2026.",
                      kind="uppdrag", responsible="sekretariatet", deadline="2026-02-28")])]),
            Item(3, "Arbetsplan 2026", [
                [D("Styrgruppen fastställde arbetsplanen för 2026.")],
                [D("Styrgruppen uppdrog åt processledarna att senast den 31 januari 2026 bryta ned arbetsplanen i aktiviteter per arbetsgrupp.",
                   kind="uppdrag", responsible="processledarna", deadline="2026-01-31")]]),
            Item(4, "Lägesbedömningar HT 2025", [
                ["Processledarna redovisade läget. Aktiviteten om regional kartläggning har gått från röd till gul."],
                [D("Styrgruppen ställde sig bakom lägesbedömningarna för HT 2025 och noterade förbättringen.", kind="ställningstagande")]]),
            Item(5, "Rutin för diarieföring", [
                [D("Styrgruppen godkände sekretariatets rutin för diarieföring av handlingar inom samverkan, att gälla från den 1 januari 2026.")]]),
            Item(6, "Övriga frågor", [[Proc("Informationspunkt: Vinnova informerade om en kommande utlysning om livslångt lärande.")],
                                      [Proc("Minnesanteckningarna lades till handlingarna.")]]),
        ]),
    Meeting(
        "2025-03-20_gd-gruppen_protokoll.pdf", "Protokoll GD-gruppen MSV KLL", "gd-grupp", "2025-03-20", "2025-03-20",
        items=[
            Item(1, "Mötets öppnande och dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Inriktning för samverkan 2025-2027", [
                ["Ordföranden inledde med en reflektion över behovet av en tydligare gemensam inriktning, mot bakgrund av OECD:s rekommendationer inom projektet Strengthening the Governance of the Swedish Skills System."],
                [D("GD-gruppen fastställde inriktningsdokumentet för samverkan 2025-2027.")],
                [D("GD-gruppen ställde sig bakom styrgruppens förslag att prioritera validering och vägledning under 2025.", kind="ställningstagande")]]),
            Item(3, "Arbetsordning", [
                [D("GD-gruppen beslutade att anta den reviderade arbetsordningen, att gälla från den 1 april 2025.")],
                [Trap("Frågan om att utvidga samverkan med fler myndigheter diskuterades; GD-gruppen återkommer i frågan.")]]),
            Item(4, "Uppdrag till styrgruppen", [
                [D("GD-gruppen gav styrgruppen i uppdrag att ta fram en plan för gemensam uppföljning av regeringsuppdrag inom kompetensförsörjning senast den 30 september 2025.",
                   kind="uppdrag", responsible="styrgruppen", deadline="2025-09-30")]]),
            Item(5, "Information", [[Proc("Informationspunkt: UKÄ informerade om arbetet med uppföljning av livslångt lärande i högskolan.")],
                                    [Proc("GD-gruppen tog del av informationen.")]]),
            Item(6, "Nästa möte", [["Nästa möte hålls den 22 oktober 2025 hos Skolverket."], [Proc("Protokollet justeras av ordföranden och Per Ekström.")]]),
        ]),
    Meeting(
        "2025-10-22_gd-gruppen_protokoll.md", "Protokoll GD-gruppen MSV KLL 22 oktober 2025", "gd-grupp",
        "2025-10-22", "22 oktober 2025", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes."), Proc("Föregående protokoll lades till handlingarna.")]]),
            Item(2, "Uppföljningsplan för regeringsuppdrag", [
                ["Styrgruppens ordförande presenterade planen för gemensam uppföljning."],
                [D("GD-gruppen godkände uppföljningsplanen.", label="Beslut:")]]),
            Item(3, "Gemensam kompetensanalys", [
                [D("GD-gruppen ställde sig bakom den gemensamma lägesbilden över kompetensbehoven och att den publiceras på myndigheternas webbplatser.", kind="ställningstagande")]]),
            Item(4, "Budgetram 2026", [
                [D("Beslutades att budgetramen för samverkan 2026 ska vara högst 5 miljoner kronor.")]]),
            Item(5, "Skrivelse till Regeringskansliet", [
                [D("GD-gruppen uppdrog åt styrgruppens ordförande att senast den 15 december 2025 överlämna en skrivelse om samverkans resultat till Utbildningsdepartementet.",
                   kind="uppdrag", responsible="styrgruppens ordförande", deadline="2025-12-15")]], inline=True),
        ]),
    Meeting(
        "2025-01-29_beredningsgrupp_minnesanteckningar.md", "Minnesanteckningar beredningsgruppen MSV KLL", "beredningsgrupp",
        "2025-01-29", "2025-01-29", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Förslag till arbetsplan 2025", [
                ["Sekretariatet presenterade ett första utkast."],
                [D("Beredningsgruppen beslutade att föreslå styrgruppen att fastställa arbetsplanen med tillägget om regional samverkan.")]]),
            Item(3, "Mall för lägesbedömning", [
                [D("Beredningsgruppen fastställde en gemensam mall för arbetsgruppernas lägesbedömningar med statusnivåerna grön, gul och röd.")]]),
            Item(4, "Uppdrag om mötesstruktur", [
                [D("Beredningsgruppen gav Lena Virtanen i uppdrag att ta fram ett förslag till mötesstruktur för processledarna, som ska träffas var sjätte vecka, till nästa möte.",
                   kind="uppdrag", responsible="Lena Virtanen")]], inline=True),
            Item(5, "Information", [[Proc("Sekretariatet informerade om registreringen av handlingar i diariet.")]]),
        ]),
    Meeting(
        "2025-04-23_beredningsgrupp_minnesanteckningar.docx", "Minnesanteckningar beredningsgruppen MSV KLL", "beredningsgrupp",
        "2025-04-23", "23 april 2025", items=[
            Item(1, "Mötets öppnande", [[Proc("Dagordningen godkändes.")], [Proc("Minnesanteckningarna från den 29 januari 2025 lades till handlingarna.")]]),
            Item(2, "Beredning inför styrgruppens möte den 14 maj 2025", [
                [D("Beredningsgruppen ställde sig bakom sekretariatets förslag till dagordning för styrgruppens möte.", kind="ställningstagande")],
                [D("Beredningsgruppen uppdrog åt processledarna att lämna sina lägesbedömningar för VT 2025 till sekretariatet senast den 2 maj 2025.",
                   kind="uppdrag", responsible="processledarna", deadline="2025-05-02")]]),
            Item(3, "Kommunikationsplan", [
                ["Förslaget till kommunikationsplan diskuterades. Synpunkter lämnades om tillgänglighet och klarspråk."],
                [D("Beredningsgruppen godkände kommunikationsplanen med de ändringar som framfördes vid mötet.", label="Beslut:")]]),
            Item(4, "Tillgänglighet i gemensamma dokument", [
                [D("Beslutades att alla gemensamma dokument ska följa tillgänglighetskraven i WCAG 2.1 nivå AA från och med den 1 juni 2025.")]]),
            Item(5, "Avslutning", [[Proc("Ärendet om mallar för promemorior bordlades.")], [Proc("Mötet avslutades.")]]),
        ]),
    Meeting(
        "2025-08-27_beredningsgrupp_minnesanteckningar.pdf", "Minnesanteckningar beredningsgruppen MSV KLL 27 augusti 2025", "beredningsgrupp",
        "2025-08-27", "27 augusti 2025", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Mall för promemorior", [
                ["Ärendet bordlades vid förra mötet. Sekretariatet har omarbetat mallen enligt synpunkterna."],
                [D("Beredningsgruppen fastställde mallen för promemorior till Regeringskansliet, inklusive avsnittet om horisontella perspektiv.")]]),
            Item(3, "Revidering av budget 2025", [
                [D("Beredningsgruppen ställde sig bakom sekretariatets förslag att revidera budgeten för 2025 och överlämnade ärendet till styrgruppen.", kind="ställningstagande")]]),
            Item(4, "Introduktion för nya deltagare", [
                [D("Beredningsgruppen gav sekretariatet i uppdrag att pröva introduktionsmaterialet med två nya deltagare före den 1 oktober 2025.",
                   kind="uppdrag", responsible="sekretariatet", deadline="2025-10-01")]]),
            Item(5, "Information om regleringsbrev", [
                [Proc("Informationspunkt: Sekretariatet redogjorde för uppdrag i 2025 års regleringsbrev som berör samverkan.")],
                [Trap("Sekretariatet föreslår att beredningsgruppen vid nästa möte beslutar om en bevakningsrutin för regleringsbrev.")]]),
        ]),
    Meeting(
        "2025-03-05_arbetsgrupp-validering_minnesanteckningar.md", "Minnesanteckningar arbetsgrupp Validering", "arbetsgrupp-validering",
        "2025-03-05", "5 mars 2025", items=[
            Item(1, "Inledning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Kartläggning av valideringsinsatser", [
                ["Processledaren Maria Sandberg presenterade läget i kartläggningen."],
                [D("Arbetsgruppen beslutade att avgränsa kartläggningen till yrkeshögskolan, komvux och arbetsmarknadsutbildning.")],
                [D("Arbetsgruppen gav Johan Nyberg i uppdrag att sammanställa UHR:s underlag om bedömning av reell kompetens senast 2025-04-15.",
                   kind="uppdrag", responsible="Johan Nyberg", deadline="2025-04-15")]]),
            Item(3, "Gemensam terminologi", [
                [D("Arbetsgruppen ställde sig bakom förslaget till gemensam ordlista för validering.", kind="ställningstagande", label="Beslut:")]]),
            Item(4, "Övrigt", [[Proc("Inga övriga frågor."), Proc("Minnesanteckningarna justeras via e-post.")]]),
        ]),
    Meeting(
        "2025-10-08_arbetsgrupp-validering_minnesanteckningar.docx", "Minnesanteckningar arbetsgrupp Validering", "arbetsgrupp-validering",
        "2025-10-08", "2025-10-08", items=[
            Item(1, "Inledning", [[Proc("Dagordningen godkändes."), Proc("Föregående minnesanteckningar lades till handlingarna.")]]),
            Item(2, "Rapport om validering", [
                ["Utkastet till rapport om valideringsinsatser presenterades."],
                [D("Arbetsgruppen godkände rapportutkastet för vidare beredning i beredningsgruppen.")],
                [D("Uppdrogs åt Maria Sandberg att färdigställa rapporten senast den 14 november 2025.",
                   kind="uppdrag", responsible="Maria Sandberg", deadline="2025-11-14")]]),
            Item(3, "Lägesbedömning HT 2025", [
                [D("Arbetsgruppen fastställde sin lägesbedömning för HT 2025.")]]),
            Item(4, "Information", [[Proc("Informationspunkt: Skolverket informerade om den nya vägledningen för komvux.")]]),
        ]),
    Meeting(
        "2025-06-11_arbetsgrupp-kompetensanalys_minnesanteckningar.pdf", "Minnesanteckningar arbetsgrupp Kompetensanalys 11 juni 2025",
        "arbetsgrupp-kompetensanalys", "2025-06-11", "11 juni 2025", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Datakällor", [
                ["SCB presenterade möjliga registerdata för analysen."],
                [D("Arbetsgruppen beslutade att använda SCB:s yrkesregister som gemensam grund för analysen.")],
                [D("Arbetsgruppen gav Karin Holm i uppdrag att ta fram ett förslag till indikatorer senast den 20 augusti 2025.",
                   kind="uppdrag", responsible="Karin Holm", deadline="2025-08-20")]]),
            Item(3, "Publicering", [
                [D("Arbetsgruppen ställde sig bakom att lägesbilden publiceras som öppna data.", kind="ställningstagande")],
                [Proc("Frågan om licens för öppna data bordlades.")]]),
            Item(4, "Nästa möte", [["Nästa möte hålls i augusti."], [Proc("Minnesanteckningarna lades till handlingarna.")]]),
        ]),
]

# -- status reports ------------------------------------------------------------------------------
@dataclass
class Activity:
    name: str
    status: str
    comment: str


@dataclass
class Report:
    file: str
    group: str  # arbetsgrupp-<namn>
    name: str  # the group's name as written
    period: str
    date: str
    date_text: str
    style: str  # docx-table | md-table | md-lines | docx-lines
    activities: list[Activity]


_COLOUR = {"grön": "Grön", "gul": "Gul", "röd": "Röd"}

REPORTS = [
    Report("2025-05-02_lagesbedomning_validering_VT2025.docx", "arbetsgrupp-validering", "Validering", "VT 2025",
           "2025-05-02", "2 maj 2025", "docx-table", [
               Activity("Kartläggning av valideringsinsatser", "grön", "Enligt plan; avgränsning beslutad i mars."),
               Activity("Gemensam ordlista", "grön", "Ordlistan är antagen av arbetsgruppen."),
               Activity("Rapport om validering", "gul", "Risk för försening; underlag från två myndigheter saknas."),
               Activity("Regional förankring", "röd", "Ingen kontakt med RUA ännu på grund av resursbrist.")]),
    Report("2025-10-10_lagesbedomning_validering_HT2025.md", "arbetsgrupp-validering", "Validering", "HT 2025",
           "2025-10-10", "2025-10-10", "md-table", [
               Activity("Kartläggning av valideringsinsatser", "grön", "Klar."),
               Activity("Gemensam ordlista", "grön", "Publicerad."),
               Activity("Rapport om validering", "grön", "Utkast godkänt, färdigställs i november."),
               Activity("Regional förankring", "gul", "Dialogmöte med RUA planerat till november.")]),
    Report("2025-05-02_lagesbedomning_kompetensanalys_VT2025.md", "arbetsgrupp-kompetensanalys", "Kompetensanalys",
           "VT 2025", "2025-05-02", "2 maj 2025", "md-lines", [
               Activity("Gemensam lägesbild", "gul", "Utkast klart, remiss till myndigheterna återstår."),
               Activity("Indikatorer", "röd", "Ingen gemensam datakälla ännu."),
               Activity("Regional kartläggning", "röd", "Saknar deltagare från regionerna.")]),
    Report("2025-10-10_lagesbedomning_kompetensanalys_HT2025.docx", "arbetsgrupp-kompetensanalys", "Kompetensanalys",
           "HT 2025", "2025-10-10", "10 oktober 2025", "docx-table", [
               Activity("Gemensam lägesbild", "grön", "Fastställd av styrgruppen i september."),
               Activity("Indikatorer", "gul", "SCB:s yrkesregister valt; indikatorerna testas."),
               Activity("Regional kartläggning", "gul", "Två regioner deltar; fler behövs."),
               Activity("Öppna data", "grön", "Publicering förbereds.")]),
    Report("2025-05-02_lagesbedomning_vagledning_VT2025.md", "arbetsgrupp-vägledning", "Vägledning", "VT 2025",
           "2025-05-02", "2025-05-02", "md-table", [
               Activity("Gemensam vägledningsportal", "gul", "Upphandlingsfrågan är oklar."),
               Activity("Utbildning för vägledare", "grön", "Två omgångar genomförda."),
               Activity("Dialogmöte med RUA", "grön", "Planeras till hösten.")]),
    Report("2025-10-10_lagesbedomning_vagledning_HT2025.docx", "arbetsgrupp-vägledning", "Vägledning", "HT 2025",
           "2025-10-10", "10 oktober 2025", "docx-lines", [
               Activity("Gemensam vägledningsportal", "röd", "Projektet pausat i väntan på besked om finansiering."),
               Activity("Utbildning för vägledare", "grön", "Tredje omgången genomförd."),
               Activity("Dialogmöte med RUA", "gul", "Datum ännu inte bestämt.")]),
]


# -- renderers -----------------------------------------------------------------------------------
def _docx_meeting(m: Meeting, path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = f"{m.title} {m.date_text}" if m.date_text not in m.title else m.title
    d.add_heading(m.title, level=1)
    d.add_paragraph(MARK)
    d.add_paragraph(f"Datum: {m.date_text}")
    d.add_paragraph("Plats: Myndigheten för yrkeshögskolan, Västerås, och via länk")
    if m.attendees:
        d.add_paragraph("Närvarande:")
        t = d.add_table(rows=1, cols=2)
        t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Namn", "Organisation"
        for name, org in m.attendees:
            row = t.add_row()
            row.cells[0].text, row.cells[1].text = name, org
    for item in m.items:
        paras = list(item.paras)
        if not item.inline:
            d.add_heading(m.heading_text(item), level=2)
        for i, para in enumerate(paras):
            prefix = f"{m.heading_text(item)}. " if item.inline and i == 0 else ""
            if isinstance(para, Bullets):
                d.add_paragraph(prefix + para.intro)
                for dec in para.items:
                    d.add_paragraph(part_text(dec), style="List Bullet")
            else:
                d.add_paragraph(prefix + para_text(para))
    d.save(str(path))


def _md_meeting(m: Meeting, path: Path) -> None:
    lines = [f"# {m.title}", "", f"*{MARK}*", "", f"Datum: {m.date_text}  ", "Plats: Skolverket, Stockholm", ""]
    for item in m.items:
        if not item.inline:
            lines += [f"## {m.heading_text(item)}", ""]
        for i, para in enumerate(item.paras):
            prefix = f"**{m.heading_text(item)}.** " if item.inline and i == 0 else ""
            if isinstance(para, Bullets):
                lines.append(prefix + para.intro)
                lines += [f"- {part_text(dec)}" for dec in para.items]
            else:
                lines.append(prefix + para_text(para))
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _latin1(text: str) -> str:
    return text.replace("–", "-").replace("”", '"').replace("’", "'")


def _pdf_meeting(m: Meeting, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(m.title)
    pdf.add_page()

    def write(text: str, size: int = 11, style: str = "", gap: float = 2) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(0, size * 0.55, _latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    write(m.title, 16, "B", 3)
    write(MARK, 9, "I")
    write(f"Datum: {m.date_text}")
    write("Plats: Tillväxtverket, Stockholm, och via länk", gap=5)
    for item in m.items:
        if not item.inline:
            write(m.heading_text(item), 12, "B", 1)
        for i, para in enumerate(item.paras):
            prefix = f"{m.heading_text(item)}. " if item.inline and i == 0 else ""
            if isinstance(para, Bullets):
                write(prefix + para.intro, gap=0)
                for dec in para.items:
                    write(f"- {part_text(dec)}", gap=0)
                pdf.ln(2)
            else:
                write(prefix + para_text(para))
        pdf.ln(2)
    pdf.output(str(path))


def _docx_report(r: Report, path: Path) -> None:
    import docx

    d = docx.Document()
    title = f"Lägesbedömning arbetsgrupp {r.name} {r.period}"
    d.core_properties.title = title
    d.add_heading(title, level=1)
    d.add_paragraph(MARK)
    d.add_paragraph(f"Datum: {r.date_text}")
    d.add_paragraph(f"Processledare för arbetsgrupp {r.name} rapporterar till styrgruppen.")
    d.add_heading("Aktiviteter", level=2)
    if r.style == "docx-table":
        t = d.add_table(rows=1, cols=3)
        for cell, text in zip(t.rows[0].cells, ("Aktivitet", "Status", "Kommentar")):
            cell.text = text
        for a in r.activities:
            row = t.add_row()
            row.cells[0].text, row.cells[1].text, row.cells[2].text = a.name, _COLOUR[a.status], a.comment
    else:
        for a in r.activities:
            d.add_heading(a.name, level=3)
            d.add_paragraph(f"Status: {_COLOUR[a.status]}")
            d.add_paragraph(f"Kommentar: {a.comment}")
    d.add_heading("Samlad bedömning", level=2)
    d.add_paragraph("Arbetsgruppen bedömer att arbetet i huvudsak går enligt plan.")
    d.save(str(path))


def _md_report(r: Report, path: Path) -> None:
    lines = [f"# Lägesbedömning arbetsgrupp {r.name} {r.period}", "", f"*{MARK}*", "",
             f"Rapportdatum: {r.date_text}", "", "## Aktiviteter", ""]
    if r.style == "md-table":
        lines += ["| Aktivitet | Status | Kommentar |", "|---|---|---|"]
        lines += [f"| {a.name} | {_COLOUR[a.status]} | {a.comment} |" for a in r.activities]
        lines.append("")
    else:
        for a in r.activities:
            lines += [f"### {a.name}", "", f"Status: {_COLOUR[a.status]}", "", f"Kommentar: {a.comment}", ""]
    lines += ["## Samlad bedömning", "", "Arbetet går i huvudsak enligt plan, med de avvikelser som anges ovan.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


# -- gold ----------------------------------------------------------------------------------------
def gold_rows(m: Meeting) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    base = {"file": m.file, "body": m.body, "date": m.date}
    for item in m.items:
        parts: list[Part] = []
        for para in item.paras:
            parts += para.items if isinstance(para, Bullets) else para
        for p in parts:
            if isinstance(p, D):
                rows.append({**base, "paragraph": m.paragraph(item), "kind": p.kind, "text": p.text,
                             "responsible": p.responsible, "deadline": p.deadline})
            elif isinstance(p, Proc):
                rows.append({**base, "paragraph": m.paragraph(item), "kind": "procedur", "text": p.text})
            elif isinstance(p, Trap):
                rows.append({**base, "paragraph": m.paragraph(item), "kind": "inget", "text": p.text})
    return rows


def all_meetings() -> list[Meeting]:
    """The meetings above and the ones that carry matters across meetings (thread_samples 1-3)."""
    return MEETINGS + THREAD_MEETINGS + THREAD_MEETINGS_2 + THREAD_MEETINGS_3


def _render(name: str, out_dir: Path) -> None:
    renderers = {".docx": _docx_meeting, ".md": _md_meeting, ".pdf": _pdf_meeting}
    for m in all_meetings():
        if m.file == name:
            renderers[Path(m.file).suffix](m, out_dir / m.file)
    for r in REPORTS:
        if r.file == name:
            (_docx_report if r.file.endswith(".docx") else _md_report)(r, out_dir / r.file)


def sample_names() -> list[str]:
    return [m.file for m in all_meetings()] + [r.file for r in REPORTS]


def ensure_samples(out_dir: Path = DATA) -> list[Path]:
    """Write the sample files that are missing from ``out_dir``; return every sample's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in sample_names():
        if not (out_dir / name).exists():
            _render(name, out_dir)
    return [out_dir / name for name in sample_names()]


def build(out_dir: Path = DATA) -> None:
    """Rewrite every sample file and both label files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in sample_names():
        _render(name, out_dir)
    with GOLD.open("w", encoding="utf-8") as g:
        for m in all_meetings():
            for row in gold_rows(m):
                g.write(json.dumps(row, ensure_ascii=False) + "\n")
    with STATUS_GOLD.open("w", encoding="utf-8") as g:
        for r in REPORTS:
            for a in r.activities:
                g.write(json.dumps({"file": r.file, "group": r.group, "period": r.period, "date": r.date,
                                    "activity": a.name, "status": a.status, "comment": a.comment},
                                   ensure_ascii=False) + "\n")


if __name__ == "__main__":
    build()
    decisions = sum(1 for line in GOLD.read_text(encoding="utf-8").splitlines()
                    if json.loads(line)["kind"] not in ("procedur", "inget"))
    print(f"{len(all_meetings())} möten, {decisions} beslut, {len(REPORTS)} lägesbedömningar")
