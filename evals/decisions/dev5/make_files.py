#!/usr/bin/env python3
"""Generate the DOCX and PDF meetings of evals/decisions/dev5 (FIKTIVT EXEMPEL).

Run:  /work/main/.venv/bin/python evals/decisions/dev5/make_files.py
Needs python-docx and fpdf2; font DejaVuSans. Output is byte-reproducible
(fixed core properties, fixed zip timestamps, fixed PDF creation date).

Markup of the texts below, one line each:
  "# "  title          "## " heading        "### " sub-heading
  "- "  bullet          "| a | b | c |" table row (first row = header)
  "**Label:** text"     paragraph with a bold label (docx; plain in pdf)
  anything else         paragraph; empty lines are ignored
"""
import datetime as dt
import io
import os
import zipfile

from docx import Document
from docx.shared import Pt
from fpdf import FPDF, FontFace

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

DOCS = {}

# ---------------------------------------------------------------- vägledning 1
DOCS["2028-03-23_arbetsgrupp-vagledning_minnesanteckningar.docx"] = """
# Minnesanteckningar – arbetsgrupp vägledning
FIKTIVT EXEMPEL – påhittade minnesanteckningar för utvärdering av beslutsregistret.
Datum: 23 mars 2028, kl. 10–12, digitalt
Processledare: Arbetsförmedlingen
Deltagare: Arbetsförmedlingen, Skolverket, UHR, MYH, Folkbildningsrådet, Region Västerbotten (inbjuden)
## 1. Välkommen och presentation
Processledaren hälsade välkommen. Region Västerbotten deltar som inbjuden i frågor om regional vägledning.
## 2. Styrgruppens uppdrag om strategi för vägledning
Styrgruppen gav den 9 mars 2028 arbetsgruppen i uppdrag att ta fram ett beslutsunderlag om en gemensam strategi för vägledning till den 30 september. Gruppen diskuterade upplägg och tidplan. Arbetsfördelningen för skrivandet bestäms när kartläggningen nedan är klar.
## 3. Kartläggning av digitala vägledningstjänster
Som underlag till strategin behövs en bild av vilka digitala vägledningstjänster myndigheterna erbjuder i dag.
**Beslut:**
- UHR kartlägger myndigheternas digitala vägledningstjänster till gruppens möte i september.
- Kartläggningen avgränsas till tjänster som riktar sig till vuxna.
## 4. Nästa möte
Nästa möte: 7 september 2028 (digitalt).
"""

# ---------------------------------------------------------------- GD-grupp 1
DOCS["2028-05-04_gd-grupp_protokoll.pdf"] = """
# Protokoll GD-gruppen, Myndighetssamverkan KLL
FIKTIVT EXEMPEL – påhittat protokoll. Inga verkliga beslut.
Datum: 2028-05-04
Plats: Arbetsförmedlingen, Stockholm
Närvarande: generaldirektörerna för Arbetsförmedlingen, MYH, Skolverket, Svenska ESF-rådet, Tillväxtverket, UKÄ, UHR, Vinnova och SCB samt Folkbildningsrådets ledning. Styrgruppens ordförande och sekretariatet deltog.
## § 1 Mötets öppnande
Ordföranden (MYH) öppnade mötet.
## § 2 Regleringsbrev och regeringsuppdrag 2028
Sekretariatet redogjorde för regleringsbreven för 2028. Regeringen beslutade den 14 december 2027 att MYH även fortsättningsvis ska svara för den administrativa samordningen av myndighetssamverkan. GD-gruppen diskuterade hur uppdragen påverkar styrgruppens prioriteringar.
GD-gruppen noterade informationen. Ingen åtgärd beslutades.
## § 3 Arbetsordning för MSV KLL
Styrgruppen tillstyrkte den 9 mars 2028 förslaget till arbetsordning. Arbetsordningen tydliggör funktioner, uppgifter, grupperingar och mandat inom MSV KLL.
GD-gruppen fastställde arbetsordningen för MSV KLL i enlighet med styrgruppens förslag, att gälla från den 1 juni 2028.
## § 4 OECD:s rekommendationer från TSI-projektet
Arbetsförmedlingen informerade om uppföljningen av projektet Strengthening the Governance of the Swedish Skills System och OECD:s rekommendation om task force-baserade arbetssätt. GD-gruppen avser att ta ställning till rekommendationerna under hösten.
## § 5 Höstens gemensamma kickoff
Kickoffen för samtliga deltagare i MSV KLL har uppskattats. Värd och form för hösten 2028 är inte bestämda.
GD-gruppen bad styrgruppen att besluta om värd och form för höstens gemensamma kickoff före sommaren.
## § 6 Nästa möte
Nästa möte hålls den 16 november 2028.
## Beslutspunkter
- § 3 Arbetsordningen för MSV KLL fastställd, gäller från 1 juni 2028.
- § 5 Styrgruppen beslutar om värd och form för höstens kickoff före sommaren.
Justeras: ordföranden. Vid protokollet: sekretariatet.
"""

# ---------------------------------------------------------------- styrgrupp 2
DOCS["2028-06-08_styrgrupp_protokoll.docx"] = """
# Protokoll från styrgruppens möte
FIKTIVT EXEMPEL – påhittat protokoll, Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL).
Datum: 8 juni 2028
Plats: Tillväxtverket, Stockholm
Närvarande: styrgruppens ledamöter från Arbetsförmedlingen, MYH, Skolverket, Svenska ESF-rådet, Tillväxtverket, UKÄ, UHR, Folkbildningsrådet och Vinnova. SCB anmält förhinder.
## § 1 Mötets öppnande
Ordföranden öppnade mötet.
## § 2 Information
Sekretariatet informerade om arbetet med årets lägesbedömningar, som lämnas i september. Beslut om verksamhetsbudgetens storlek fattas av GD-gruppen i november.
## § 3 Anmälan av beslut fattat per capsulam – höstens kickoff
GD-gruppen bad den 4 maj 2028 styrgruppen att besluta om värd och form för höstens kickoff. Beslutet fattades via e-post, eftersom en lokal behövde bokas före sommaren.
Styrgruppen beslutade per capsulam den 22 maj 2028 att Skolverket är värd för höstens gemensamma kickoff för samtliga deltagare i MSV KLL.
Styrgruppen beslutade samtidigt att kickoffen genomförs som ett fysiskt möte i Stockholm den 23 november 2028.
## § 4 Resurssättning av kansliet 2029 (tidigare ”Finansiering av samordningen”)
Beredningsgruppen har analyserat de tre finansieringsalternativen och förordar alternativ 2.
**Beslut:** Styrgruppen förordade alternativ 2, finansiering via MYH:s anslag kompletterad med en årlig verksamhetsbudget som myndigheterna enas om.
**Beslut:** Styrgruppen överlämnade frågan om verksamhetsbudgetens storlek och fördelning till GD-gruppen.
## § 5 Kommunikationsstrategi 2028–2029
Sekretariatet presenterade förslaget till kommunikationsstrategi. Flera ledamöter saknade regionerna och externa aktörer i målgruppsanalysen.
**Beslut:** Styrgruppen återremitterade förslaget till kommunikationsstrategi till beredningsgruppen för ytterligare beredning av målgruppsanalysen.
## § 6 Gemensam webbplats
Sekretariatet redovisade förslaget. En egen webbplats kräver upphandling, förvaltning och en redaktion som ingen myndighet i dag kan bära.
**Beslut:** Styrgruppen ställde sig bakom att MSV KLL:s externa information tills vidare samlas på en undersida hos MYH i stället för på en egen domän.
## § 7 Arbetsgrupp STEM
Arbetsgrupp STEM har föreslagit att gruppen avslutas, eftersom inspelet till regeringens STEM-strategi är levererat.
**Beslut:** Styrgruppen beslutade i enlighet med arbetsgruppens förslag att arbetsgrupp STEM avslutas den 31 december 2028 enligt rutinen för avslut av arbetsgrupp.
## § 8 Regionernas deltagande i arbetsgrupperna
Förstudierna visade behov av att öka regionernas deltagande i arbetsgrupperna, permanent, vid behov eller i referensgrupper.
**Beslut:** Sekretariatet fick i uppdrag att under Q4 2028 sammanställa en rapport om regionernas deltagande i arbetsgrupperna.
## § 9 Nästa möte
Gemensamt möte med beredningsgruppen den 12 oktober 2028.
Justeras: ordföranden. Vid protokollet: sekretariatet.
"""

# ---------------------------------------------------------------- vägledning 2
DOCS["2028-09-07_arbetsgrupp-vagledning_minnesanteckningar.pdf"] = """
# Arbetsgrupp vägledning – minnesanteckningar 2028-09-07
FIKTIVT EXEMPEL – påhittade minnesanteckningar.
Digitalt möte. Processledare: Arbetsförmedlingen. Närvarande: Arbetsförmedlingen, Skolverket, UHR, MYH, Folkbildningsrådet.
## 1. Inledning
Processledaren gick igenom dagens punkter.
## 2. Tidplan för strategin
Arbetet med strategin har tagit längre tid än planerat, bland annat för att förankra texten i myndigheterna. Redovisningen till styrgruppen ska enligt uppdraget ske senast 30 september.
Arbetsgruppen beslutade att hos styrgruppen begära förlängd tid för redovisningen till den 15 februari 2029.
## 3. Utkast till strategi för vägledning
Skolverket och UHR presenterade utkastet.
Arbetsgruppen godkände utkastet som underlag för beredning och överlämnade det till beredningsgruppen.
## 4. Kartläggning av digitala vägledningstjänster
UHR presenterade kartläggningen: 14 tjänster hos sex myndigheter, varav fyra riktar sig till vuxna med utländsk utbildning.
UHR:s kartläggning godkändes och läggs som bilaga till strategiutkastet.
## 5. Åtgärdslista
| Åtgärd | Ansvarig | Klart senast |
| Skicka begäran om förlängd tid till styrgruppen | Processledaren (Arbetsförmedlingen) | v. 38 |
| Skicka utkast och kartläggning till beredningsgruppen | Sekretariatet | 14 sept |
## 6. Nästa möte
Nästa möte: 9 november 2028.
"""

# ---------------------------------------------------------------- GD-grupp 2
DOCS["2028-11-16_gd-grupp_protokoll.docx"] = """
# GD-gruppen för MSV KLL – protokoll
FIKTIVT EXEMPEL – påhittat protokoll för test. Inga verkliga beslut.
Datum: 16 november 2028
Plats: UKÄ, Stockholm
Närvarande: generaldirektörerna för samtliga myndigheter i MSV KLL samt Folkbildningsrådets ledning; styrgruppens ordförande; sekretariatet.
## § 1 Mötets öppnande
Ordföranden (MYH) öppnade mötet.
## § 2 Rapport från styrgruppen
Styrgruppens ordförande rapporterade att styrgruppen den 12 oktober upphävde beslutet om att avsluta arbetsgrupp STEM och att kommunikationsstrategin 2028–2029 har antagits.
## § 3 Verksamhetsbudget för MSV KLL 2029
Styrgruppen förordade i juni att samordningen finansieras via MYH:s anslag kompletterat med en årlig verksamhetsbudget, och överlämnade frågan om budgetens storlek till GD-gruppen.
GD-gruppen fastställde en verksamhetsbudget för 2029 om 1,2 miljoner kronor, som fördelas lika mellan de tio myndigheterna.
GD-gruppen beslutade att budgetens utfall redovisas i årsrapporten.
## § 4 Ändring i arbetsordningen
Erfarenheterna sedan arbetsordningen började gälla visar att beredningsgruppen behöver kunna avgöra mindre frågor själv.
GD-gruppen beslutade att avsnitt 5 i arbetsordningen ändras så att beredningsgruppen får fatta beslut i ärenden som styrgruppen har delegerat till den.
## § 5 Dialog med regionerna
Förstudierna pekade på behovet av en strategisk dialog med de regionalt utvecklingsansvariga aktörerna vid sidan av den operativa dialogen i arbetsgrupperna.
GD-gruppen gav styrgruppen i uppdrag att föreslå en modell för strategisk dialog mellan MSV KLL och de regionalt utvecklingsansvariga aktörerna, senast den 30 april 2029.
## § 6 Nästa möte
Nästa möte hålls i maj 2029; sekretariatet återkommer med datum.
## Sammanfattning av beslut
- Verksamhetsbudget 2029 om 1,2 miljoner kronor fastställd; utfallet redovisas i årsrapporten (§ 3).
- Arbetsordningens avsnitt 5 ändrat (§ 4).
- Styrgruppen föreslår en modell för strategisk dialog med RUA senast 30 april 2029 (§ 5).
Justeras: ordföranden. Vid protokollet: sekretariatet.
"""

# ---------------------------------------------------------------- STEM 2
DOCS["2028-12-07_arbetsgrupp-stem_minnesanteckningar.pdf"] = """
# Minnesanteckningar arbetsgrupp STEM
FIKTIVT EXEMPEL – påhittade minnesanteckningar.
7 december 2028, UHR, Solna. Processledare: UHR. Närvarande: UHR, MYH, Skolverket, UKÄ, Folkbildningsrådet, Vinnova.
## Punkt 1 Läget för gruppen
Styrgruppen upphävde den 12 oktober beslutet om att avsluta gruppen, och gruppen fortsätter under 2029 med en promemoria om uppföljningen av STEM-strategin.
## Punkt 2 Kartläggning av STEM-utbildningar
UHR och MYH redovisade kartläggningen av STEM-inriktade utbildningar inom yrkeshögskolan och folkbildningen.
Kartläggningen av STEM-utbildningar godkändes av arbetsgruppen.
## Punkt 3 Komplettering av lägesbedömningen
Gruppen har tagit fram fördjupade beskrivningar av de två aktiviteter som bedömdes som röda i höstens lägesbedömning.
Arbetsgruppen fastställde den kompletterade lägesbedömningen och överlämnade den till styrgruppen.
## Punkt 4 Promemoria om uppföljningen av STEM-strategin
Processledaren redovisade en tidplan: ett utkast tas fram under januari och stäms av med myndigheterna i februari. Inga beslut fattades under punkten.
## Punkt 5 Nästa möte
Nästa möte: 25 januari 2029.
"""

FIXED = dt.datetime(2029, 3, 1, 12, 0, 0)
ZIP_TIME = (2029, 3, 1, 12, 0, 0)


def parse(text):
    """Yield (kind, payload) blocks from the markup."""
    lines = [l.rstrip() for l in text.strip().splitlines()]
    table = []
    for line in lines + [""]:
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if table:
            yield "table", table
            table = []
        if not line:
            continue
        if line.startswith("### "):
            yield "h2", line[4:]
        elif line.startswith("## "):
            yield "h1", line[3:]
        elif line.startswith("# "):
            yield "title", line[2:]
        elif line.startswith("- "):
            yield "bullet", line[2:]
        else:
            yield "p", line


def make_docx(name, text):
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for kind, val in parse(text):
        if kind == "title":
            doc.add_heading(val, level=0)
        elif kind == "h1":
            doc.add_heading(val, level=1)
        elif kind == "h2":
            doc.add_heading(val, level=2)
        elif kind == "bullet":
            doc.add_paragraph(val, style="List Bullet")
        elif kind == "table":
            t = doc.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        else:
            p = doc.add_paragraph()
            if val.startswith("**") and ":**" in val:
                label, rest = val[2:].split(":**", 1)
                p.add_run(label + ":").bold = True
                p.add_run(rest)
            else:
                p.add_run(val)
    cp = doc.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.last_modified_by = "Sekretariatet MSV KLL (fiktivt)"
    cp.title = name.rsplit(".", 1)[0]
    cp.comments = "FIKTIVT EXEMPEL"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    # re-pack with fixed timestamps and order so the bytes are reproducible
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out.getvalue())


def make_pdf(name, text):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED.replace(tzinfo=dt.timezone.utc))
    pdf.set_title(name.rsplit(".", 1)[0])
    pdf.set_author("Sekretariatet MSV KLL (fiktivt)")
    pdf.set_subject("FIKTIVT EXEMPEL")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    w = pdf.epw
    for kind, val in parse(text):
        if kind == "title":
            pdf.set_font("DejaVu", size=16)
            pdf.multi_cell(w, 8, val, new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(2)
        elif kind in ("h1", "h2"):
            pdf.ln(3)
            pdf.set_font("DejaVu", size=13 if kind == "h1" else 12)
            pdf.multi_cell(w, 7, val, new_x="LMARGIN", new_y="NEXT", align="L")
        elif kind == "bullet":
            pdf.set_font("DejaVu", size=11)
            pdf.multi_cell(w, 6, "• " + val, new_x="LMARGIN", new_y="NEXT", align="L")
        elif kind == "table":
            pdf.set_font("DejaVu", size=10)
            with pdf.table(col_widths=(50, 30, 20), line_height=6,
                           headings_style=FontFace(emphasis="")) as tab:
                for row in val:
                    r = tab.row()
                    for cell in row:
                        r.cell(cell)
            pdf.ln(2)
        else:
            if val.startswith("**") and ":**" in val:
                label, rest = val[2:].split(":**", 1)
                val = label + ":" + rest
            pdf.set_font("DejaVu", size=11)
            pdf.multi_cell(w, 6, val, new_x="LMARGIN", new_y="NEXT", align="L")
            pdf.ln(1)
    pdf.output(os.path.join(HERE, name))


def main():
    for name, text in DOCS.items():
        if name.endswith(".docx"):
            make_docx(name, text)
        elif name.endswith(".pdf"):
            make_pdf(name, text)
        print("wrote", name)


if __name__ == "__main__":
    main()
