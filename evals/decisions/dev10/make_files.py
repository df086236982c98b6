"""Write the DOCX and PDF minutes of dev10 from the text kept in this script.

The five Markdown minutes are plain files beside this script. Output is byte-reproducible:
DOCX core properties and ZIP member timestamps are fixed; PDFs get a fixed creation date,
producer and file /ID and use the core Helvetica font only (Latin-1, so "-" instead of a dash).

Run:  python make_files.py   (writes into the folder of this script)
"""

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2036, 12, 1, 12, 0, 0)
FIXED_TZ = dt.datetime(2036, 12, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
MARK = "FIKTIVT EXEMPEL - alla personer, datum och beslut är påhittade."

# Blocks: ("title", text) ("meta", text) ("h", text) ("p", text) ("b", text) bold paragraph,
# ("num", number, heading) bold number followed by a heading (PDF only), ("table", rows)

DOCX_FILES = {
    "2036-02-10_beredningsgrupp_minnesanteckningar.docx": [
        ("mark", MARK),
        ("title", "Minnesanteckningar från beredningsgruppen"),
        ("meta", "Datum: 10 februari 2036, kl. 10.00-11.30, digitalt"),
        ("meta", "Deltagare: Helena Ström (Tillväxtverket, sammankallande), Karl Johansson (Arbetsförmedlingen), "
                 "Anna Persson (Skolverket), Maja Ekström (UHR), Lotta Blom och Daniel Rask (sekretariatet)"),
        ("h", "Punkt 1. Dagordning"),
        ("p", "Dagordningen godkändes."),
        ("h", "Punkt 2. Utskick inför styrgruppens möten"),
        ("p", "Sekretariatet redovisade att beslutsunderlag under 2035 ofta skickades ut bara tre till fyra dagar "
              "före styrgruppens möten, vilket gör det svårt för ledamöterna att förankra ärendena i sina "
              "myndigheter. Rutinen för styrgrupps- och GD-möten från förstudierna saknar en tidsgräns."),
        ("p", "Beredningsgruppen enades om att föreslå styrgruppen att dagordning och beslutsunderlag skickas ut "
              "senast sju arbetsdagar före styrgruppens och GD-gruppens möten."),
        ("h", "Punkt 3. Arbetsplaner och resultatmål"),
        ("p", "Styrgruppen beslutade den 22 januari att resultatmålen ska ses över årligen. Sekretariatet har "
              "tagit emot arbetsplaner från sex av åtta arbetsgrupper; planerna läggs fram för beslut i mars."),
        ("h", "Punkt 4. OECD och TSI-projektets uppföljning"),
        ("p", "Maja Ekström berättade att OECD planerar en uppföljning av rekommendationerna från TSI-projektet. "
              "Beredningsgruppen beslutade att bjuda in OECD:s projektledare till beredningsgruppens möte i augusti."),
        ("h", "Punkt 5. Nästa möte"),
        ("p", "26 augusti 2036."),
        ("meta", "Antecknat av Daniel Rask"),
    ],
    "2036-04-08_arbetsgrupp-styrning_minnesanteckningar.docx": [
        ("mark", MARK),
        ("title", "Arbetsgruppen för utvecklad styrning"),
        ("meta", "Minnesanteckningar, 8 april 2036. Plats: UKÄ och Teams."),
        ("meta", "Närvarande: Sara Holmgren (UKÄ, processledare), Fredrik Lund (ESF-rådet), Ahmed Nilsson (MYH), "
                 "Eva Karlsson (Skolverket). Sekretariatet: Daniel Rask."),
        ("h", "Föregående anteckningar"),
        ("p", "Anteckningarna från den 5 februari godkändes utan ändringar."),
        ("h", "Styrgruppens uppdrag om LB-mallen"),
        ("p", "Styrgruppen gav den 18 mars (§ 9) gruppen två uppgifter: en enklare mall för lägesbedömning och ett "
              "förslag om hur styrgruppen ska återkoppla till arbetsgrupperna. Båda ska vara klara till sista september."),
        ("p", "Gruppen beslutade att börja med mallen, och att Sara Holmgren och Fredrik Lund tar fram ett utkast "
              "till LB-mall som testas av två arbetsgrupper under maj."),
        ("h", "Årlig översyn av resultatmålen"),
        ("p", "Enligt styrgruppens beslut i januari ska målen ses över vid varje årsskifte. Eva påpekade att "
              "processledarna inte har tillfrågats om hur målen fungerar i arbetsplanerna."),
        ("p", "Gruppen beslutade att göra en egen genomgång av resultatmålen inför hösten och att Ahmed Nilsson "
              "sammanställer synpunkter från processledarna till mötet i september."),
        ("h", "Omvärld"),
        ("p", "Fredrik berättade om OECD:s nya rapport om styrning av kompetensförsörjning i Norden. Ingen åtgärd."),
    ],
    "2036-04-23_gd-grupp_protokoll.docx": [
        ("mark", MARK),
        ("title", "Protokoll, GD-gruppen för MSV KLL"),
        ("meta", "Datum: 23 april 2036. Plats: Skolverket, Stockholm."),
        ("meta", "Närvarande: generaldirektörerna för MYH (ordförande), Arbetsförmedlingen, Skolverket, "
                 "Svenska ESF-rådet, Tillväxtverket, UKÄ, UHR och SCB; Folkbildningsrådets kanslichef; "
                 "överdirektören för Vinnova. Föredragande: Annika Berg. Sekreterare: Lotta Blom."),
        ("h", "Ärende 1 Mötets öppnande"),
        ("p", "Mötet öppnades och dagordningen godkändes."),
        ("h", "Ärende 2 Rapport från styrgruppen"),
        ("p", "Annika Berg rapporterade att styrgruppen har fastställt fem resultatmål för 2036-2037, en rutin för "
              "utskick av mötesunderlag och arbetsplanerna för 2036."),
        ("p", "GD-gruppen tackade för informationen."),
        ("h", "Ärende 3 Samordningens bemanning"),
        ("p", "Förstudierna föreslog fem funktioner för ett framtida kansli. MYH finansierar i dag sekretariatet "
              "inom sitt anslag."),
        ("p", "GD-gruppen gav styrgruppen i uppdrag att utreda hur ett permanent kansli för MSV KLL bör bemannas "
              "och vilka funktioner det behöver. Förslaget ska redovisas vid GD-gruppens möte i november 2036."),
        ("h", "Ärende 4 Kontaktvägar för externa aktörer"),
        ("p", "Flera myndigheter har framfört att en gemensam ingång för alla externa förfrågningar krockar med "
              "deras egna rutiner för registrering av inkommande handlingar."),
        ("p", "GD-gruppen beslutade att upphäva styrgruppens beslut den 18 mars 2036 om att externa förfrågningar "
              "ska tas emot via en gemensam funktionsbrevlåda. Myndigheterna behåller sina egna kontaktvägar tills vidare."),
        ("h", "Ärende 5 Regeringsuppdrag"),
        ("p", "Regeringen beslutade den 2 april 2036 att ge MYH och Skolverket i uppdrag att kartlägga vuxnas "
              "möjligheter till validering. Uppdraget berör flera av arbetsgrupperna."),
        ("p", "GD-gruppen noterade informationen."),
        ("h", "Ärende 6 Nästa möte"),
        ("p", "Nästa möte hålls den 18 november 2036."),
        ("meta", "Vid protokollet: Lotta Blom"),
    ],
    "2036-09-09_arbetsgrupp-administrativ-kapacitet_minnesanteckningar.docx": [
        ("mark", MARK),
        ("title", "Minnesanteckningar - arbetsgruppen för administrativ kapacitet"),
        ("meta", "9 september 2036, MYH Västerås och digitalt"),
        ("meta", "Närvarande: Lotta Blom (processledare), Karin Olofsson, Omar Haddad, Lena Sjögren, "
                 "Jonas Pettersson. Antecknare: Jonas Pettersson."),
        ("h", "1. Föregående anteckningar"),
        ("p", "Anteckningarna från den 4 mars godkändes."),
        ("h", "2. Vägledning för allmänna handlingar"),
        ("p", "Karin och Omar har intervjuat registratorer på sex myndigheter och presenterade utkastet "
              "\"Vägledning för hantering av allmänna handlingar i MSV KLL\". Vägledningen anger att den "
              "myndighet som håller i en arbetsgrupp diarieför gruppens handlingar och att MYH diarieför "
              "styrgruppens och GD-gruppens handlingar."),
        ("p", "Gruppen godkände utkastet med smärre ändringar och beslutade att överlämna vägledningen till "
              "styrgruppen för fastställelse."),
        ("h", "3. Checklista för nya PL"),
        ("p", "Lena visade checklistan för nya PL: en sida med tolv punkter, från arbetsplanen till var "
              "anteckningarna ska sparas."),
        ("p", "Gruppen godkände checklistan; den läggs på samarbetsytan och sekretariatet skickar den till "
              "varje ny processledare."),
        ("h", "4. Diarieföring av arbetsgruppernas anteckningar"),
        ("p", "Frågan från i våras besvaras av vägledningen under punkt 2. Ingen ytterligare åtgärd."),
        ("h", "5. Övrigt"),
        ("p", "Nästa möte bokas i november."),
    ],
}

PDF_FILES = {
    "2036-03-18_styrgrupp_protokoll.pdf": [
        ("mark", MARK),
        ("title", "Styrgruppen för MSV KLL - Protokoll"),
        ("meta", "Sammanträdesdag: 2036-03-18. Plats: Svenska ESF-rådet, Stockholm."),
        ("meta", "Närvarande: Annika Berg (ordf., MYH), Johan Ek (Arbetsförmedlingen), Maria Lindqvist (Skolverket), "
                 "Per Sandberg (Svenska ESF-rådet), Helena Ström (Tillväxtverket), Niklas Åberg (UKÄ), Sofia Nyman (UHR), "
                 "Gustav Hedlund (Folkbildningsrådet), Elin Forsberg (Vinnova). Sekretariat: Lotta Blom, Daniel Rask."),
        ("h", "§ 1 Dagordning"),
        ("p", "Dagordningen fastställdes."),
        ("h", "§ 2 Justerare"),
        ("p", "Till justerare valdes Per Sandberg."),
        ("h", "§ 3 Föregående protokoll"),
        ("p", "Protokollet från den 22 januari 2036 lades till handlingarna."),
        ("h", "§ 4 Rutin för styrgrupps- och GD-möten"),
        ("p", "Beredningsgruppen har föreslagit att underlag skickas ut sju arbetsdagar före mötet. Flera ledamöter "
              "ansåg att det behövs längre tid för förankring i myndigheterna."),
        ("p", "Styrgruppen fastställde rutinen för styrgrupps- och GD-möten med ändringen att dagordning och "
              "beslutsunderlag ska skickas ut senast tio arbetsdagar före mötet. Rutinen gäller från den 1 april 2036."),
        ("h", "§ 5 Arbetsplaner 2036"),
        ("p", "Styrgruppen godkände arbetsplanerna för 2036 för samtliga åtta arbetsgrupper."),
        ("h", "§ 6 En väg in för externa aktörer"),
        ("p", "Sekretariatet föredrog förslaget att samla externa kontakter i en funktionsbrevlåda."),
        ("p", "Styrgruppen beslutade att alla externa förfrågningar till arbetsgrupperna från och med den 1 maj 2036 "
              "ska tas emot via sekretariatets funktionsbrevlåda."),
        ("p", "Johan Ek (Arbetsförmedlingen) reserverade sig mot beslutet."),
        ("h", "§ 7 Riktlinjer för informationshantering"),
        ("p", "Arbetsgruppen för administrativ kapacitet har begärt mer tid för att kunna höra myndigheternas registratorer."),
        ("p", "Redovisningstiden förlängdes till den 15 oktober 2036."),
        ("h", "§ 8 Lägesbedömningar"),
        ("p", "Sekretariatet redovisade en sammanställning av höstens lägesbedömningar; tre aktiviteter bedöms som röda. "
              "Styrgruppen noterade informationen."),
        ("h", "§ 9 Uppdrag till arbetsgruppen för utvecklad styrning"),
        ("p", "Styrgruppen gav arbetsgruppen för utvecklad styrning i uppdrag att dels ta fram en förenklad mall för "
              "lägesbedömning med trafikljusbedömning, dels föreslå hur styrgruppen ska ge återkoppling till "
              "arbetsgrupperna på deras lägesbedömningar. Båda delarna redovisas senast den 30 september 2036."),
        ("h", "§ 10 Nästa möte"),
        ("p", "Nästa möte hålls den 3 juni 2036."),
        ("meta", "Vid protokollet: Daniel Rask. Justeras: Annika Berg, Per Sandberg."),
    ],
    "2036-08-26_beredningsgrupp_minnesanteckningar.pdf": [
        ("mark", MARK),
        ("title", "Beredningsgruppen MSV KLL - minnesanteckningar 26 augusti 2036"),
        ("meta", "Deltagare: Helena Ström (sammankallande), Karl Johansson, Anna Persson, Maja Ekström; "
                 "Lotta Blom och Daniel Rask från sekretariatet. Gäst under punkt 4: Claire Dubois, OECD."),
        ("num", "1", "Dagordning och föregående anteckningar"),
        ("p", "Dagordningen godkändes och anteckningarna från den 10 februari lades till handlingarna."),
        ("num", "2", "Förslag om kansliets bemanning"),
        ("p", "Styrgruppen uppdrog i juni åt beredningsgruppen att ta fram ett förslag om funktioner och bemanning. "
              "Sekretariatet har utgått från förstudiernas fem funktioner och från hur mycket tid sekretariatet "
              "lade under 2035."),
        ("p", "Beredningsgruppen enades om att föreslå styrgruppen en samordningsfunktion om 3,5 årsarbetskrafter "
              "från den 1 januari 2037: samordnare 1,0, utredare 1,0, administratör 0,5, kommunikatör 0,5 och "
              "processtöd 0,5. MYH föreslås vara värdmyndighet."),
        ("num", "3", "Årsrapporten"),
        ("p", "Sekretariatet har fått SCB:s synpunkter på årsrapportens struktur. Frågan läggs fram för beslut vid "
              "styrgruppens möte i oktober."),
        ("num", "4", "OECD"),
        ("p", "Claire Dubois presenterade OECD:s plan för uppföljningen av TSI-projektets rekommendationer. Noterades."),
        ("num", "5", "Nästa möte"),
        ("p", "Beredningsgruppen träffas nästa gång den 30 september."),
    ],
    "2036-10-14_styrgrupp_protokoll.pdf": [
        ("mark", MARK),
        ("title", "Protokoll fört vid styrgruppens sammanträde 2036-10-14"),
        ("meta", "Myndighetssamverkan för kompetensförsörjning och livslångt lärande. Plats: SCB, Solna."),
        ("meta", "Närvarande: Annika Berg (ordf.), Johan Ek, Maria Lindqvist, Per Sandberg, Helena Ström, Niklas Åberg, "
                 "Sofia Nyman, Gustav Hedlund, Elin Forsberg, Tomas Wik. Sekretariat: Lotta Blom, Daniel Rask."),
        ("h", "§ 1 Dagordning"),
        ("p", "Dagordningen fastställdes."),
        ("h", "§ 2 Justerare"),
        ("p", "Niklas Åberg valdes till justerare."),
        ("h", "§ 3 Föregående protokoll"),
        ("p", "Protokollet från den 3 juni 2036 lades till handlingarna."),
        ("h", "§ 4 Samordningsfunktion från 2037"),
        ("p", "Helena Ström föredrog beredningsgruppens förslag."),
        ("p", "Styrgruppen ställde sig bakom beredningsgruppens förslag om en samordningsfunktion om 3,5 "
              "årsarbetskrafter och beslutade att överlämna förslaget till GD-gruppen inför mötet den 18 november."),
        ("h", "§ 5 Dokumenthantering i samverkan"),
        ("p", "Lotta Blom presenterade arbetsgruppens förslag och hur det har stämts av med registratorerna."),
        ("p", "Styrgruppen fastställde vägledningen för hantering av allmänna handlingar i MSV KLL. Vägledningen "
              "gäller från den 1 november 2036 och ska ses över efter ett år."),
        ("h", "§ 6 Målbilden för samverkan"),
        ("p", "Arbetsgruppen för utvecklad styrning har sammanställt processledarnas synpunkter och föreslagit två ändringar."),
        ("p", "Styrgruppen beslutade, med ändring av beslutet den 22 januari 2036 (§ 7), att resultatmål 3 ges ny "
              "lydelse om validering och omställning och att ett sjätte resultatmål om horisontella perspektiv läggs till."),
        ("h", "§ 7 Ny mall för lägesbedömning"),
        ("p", "Styrgruppen godkände den förenklade mallen för lägesbedömning, som används första gången i "
              "lägesbedömningarna i maj 2037."),
        ("p", "Arbetsgruppen för utvecklad styrning ska redovisa den del av uppdraget som gäller styrgruppens "
              "återkoppling till arbetsgrupperna senast den 15 december 2036."),
        ("h", "§ 8 Årsrapporten 2036 - disposition"),
        ("p", "SCB:s synpunkter har arbetats in i sekretariatets förslag."),
        ("p", "Styrgruppen beslutade att årsrapporten för 2036 disponeras efter de sex resultatmålen och får en "
              "bilaga med SCB:s indikatorer."),
        ("h", "§ 9 Information"),
        ("p", "Sekretariatet informerade om att regeringen har beslutat att ta fram en nationell strategi för livslångt "
              "lärande. Informationen noterades."),
        ("h", "§ 10 Nästa möte"),
        ("p", "Den 9 december 2036."),
        ("meta", "Vid protokollet: Daniel Rask. Justeras: Annika Berg, Niklas Åberg."),
    ],
}


def write_docx(name, blocks):
    d = docx.Document()
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(11)
    for kind, *rest in blocks:
        if kind == "title":
            d.add_heading(rest[0], level=1)
        elif kind == "h":
            d.add_heading(rest[0], level=2)
        elif kind == "mark":
            d.add_paragraph().add_run(rest[0]).bold = True
        else:
            d.add_paragraph(rest[0])
    cp = d.core_properties
    cp.author = "Sekretariatet MSV KLL"
    cp.last_modified_by = "Sekretariatet MSV KLL"
    cp.title = name[:-5]
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    raw = io.BytesIO()
    d.save(raw)
    # rewrite the ZIP with fixed member timestamps
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2036, 12, 1, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    (HERE / name).write_bytes(out.getvalue())


class FixedPDF(FPDF):
    def file_id(self):
        return "<4d5356646576313066696b7469767400><4d5356646576313066696b7469767400>"


def write_pdf(name, blocks):
    pdf = FixedPDF(format="A4")
    pdf.set_creation_date(FIXED_TZ)
    pdf.set_producer("make_files.py (dev10)")
    pdf.set_creator("Sekretariatet MSV KLL")
    pdf.set_title(name[:-4])
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    w = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, *rest in blocks:
        if kind == "title":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(w, 8, rest[0], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "mark":
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(w, 6, rest[0], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(w, 7, rest[0], new_x="LMARGIN", new_y="NEXT")
        elif kind == "num":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(10, 7, rest[0])
            pdf.set_font("Helvetica", "", 12)
            pdf.multi_cell(w - 10, 7, rest[1], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "I" if kind == "meta" else "", 10.5)
            pdf.multi_cell(w, 5.5, rest[0], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(HERE / name))


def main():
    for name, blocks in DOCX_FILES.items():
        write_docx(name, blocks)
    for name, blocks in PDF_FILES.items():
        write_pdf(name, blocks)
    print(f"wrote {len(DOCX_FILES)} DOCX and {len(PDF_FILES)} PDF into {HERE}")


if __name__ == "__main__":
    main()
