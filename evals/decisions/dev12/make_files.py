"""Write the 4 DOCX and 3 PDF minutes of dev12 from the text kept below (byte-reproducible).

The 5 Markdown minutes are plain files beside this script. Run twice and compare checksums.
Core Helvetica (Latin-1) is used in the PDFs, so the text uses '-' instead of an en dash.
"""
import datetime
import io
import pathlib
import zipfile

import docx
from fpdf import FPDF

HERE = pathlib.Path(__file__).resolve().parent
FIXED = datetime.datetime(2038, 12, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)

# ("T", title) ("H", heading) ("B", number, heading) ("P", paragraph) ("S", small line)
DOCS = {}

DOCS["2038-02-05_beredningsgrupp_minnesanteckningar.docx"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Minnesanteckningar - Beredningsgruppen, MSV KLL"),
    ("S", "Datum: 5 februari 2038. Digitalt möte."),
    ("S", "Deltagare: Linnea Bergqvist (ordförande, MYH), Tomas Ek (Arbetsförmedlingen), Sofia Grahn (Skolverket), "
          "Jenny Lundin (Tillväxtverket), Per Åkesson (UHR). Sekretariatet: Fredrik Ahlgren."),
    ("H", "Punkt 1. Inledning"),
    ("P", "Anteckningarna från mötet den 8 december 2037 godkändes."),
    ("H", "Punkt 2. Underlag till styrgruppen"),
    ("P", "Ledamöterna upplever att beslutsunderlagen till styrgruppen ser olika ut beroende på vilken grupp som "
          "skriver dem. Sekretariatet har tagit fram ett utkast till en gemensam mall med rubrikerna bakgrund, "
          "förslag till beslut, konsekvenser och horisontella perspektiv."),
    ("P", "Beredningsgruppen enades om att föreslå styrgruppen att den gemensamma mallen för beslutsunderlag "
          "används för alla ärenden till styrgruppen från och med april 2038."),
    ("H", "Punkt 3. Rutin för avslut av arbetsgrupp"),
    ("P", "Styrgruppen fastställde den 20 januari rutinen för avslut av arbetsgrupp. Flera ledamöter menade att "
          "tre månader är kort tid för att skriva en slutrapport. Linnea tar upp frågan med styrgruppens "
          "ordförande. Ingen åtgärd i övrigt."),
    ("H", "Punkt 4. Kartläggning av remissvar"),
    ("P", "Sekretariatet informerade om att en kartläggning av myndigheternas remissvar på betänkanden inom "
          "kompetensförsörjning pågår och redovisas före sommaren. Informationen noterades."),
    ("H", "Punkt 5. Nästa möte"),
    ("P", "Nästa möte hålls den 14 maj 2038."),
]

DOCS["2038-04-02_arbetsgrupp-livslangt-larande_minnesanteckningar.docx"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Minnesanteckningar - Arbetsgruppen för livslångt lärande"),
    ("S", "2 april 2038, Skolverket, Stockholm"),
    ("S", "Närvarande: Therese Ahl (processledare, Skolverket), Mikael Strand (Folkbildningsrådet), Ida Persson "
          "(UHR), Kalle Nord (Arbetsförmedlingen), Anna Vik (SCB)"),
    ("H", "Föregående anteckningar"),
    ("P", "Anteckningarna från mötet den 6 februari godkändes."),
    ("H", "Styrgruppens uppdrag om kartläggningen"),
    ("P", "Styrgruppen gav den 12 mars LLL-gruppen i uppdrag att kartlägga myndigheternas insatser och att "
          "föreslå ett gemensamt inspel om flexibla utbildningsformer, båda delarna till den 30 september."),
    ("P", "Gruppen beslutade att börja med kartläggningen. Anna Vik tar fram en enkät till myndigheterna i april, "
          "och svaren sammanställs till gruppens möte i september. Inspelet tas upp när kartläggningen är klar."),
    ("H", "Gemensam ordlista"),
    ("P", "Gruppen beslutade att ta fram en gemensam ordlista med centrala begrepp inom livslångt lärande, som "
          "validering, kompetensutveckling och omställning. Mikael Strand ansvarar och ordlistan ska vara klar "
          "till septembermötet."),
    ("H", "Samarbetsytan"),
    ("P", "Sekretariatet informerade om styrgruppens beslut att införa en gemensam molnbaserad samarbetsyta. "
          "Flera i gruppen tvekade med hänsyn till dataskyddet. Noterades."),
]

DOCS["2038-04-22_gd-grupp_protokoll.docx"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Protokoll - GD-gruppen, Myndighetssamverkan för kompetensförsörjning och livslångt lärande"),
    ("S", "Datum: 22 april 2038. Plats: Arbetsförmedlingen, Stockholm."),
    ("S", "Närvarande: generaldirektörerna för samtliga myndigheter i MSV KLL samt Folkbildningsrådets ordförande. "
          "Föredragande: Karin Holmgren. Sekreterare: Fredrik Ahlgren."),
    ("H", "Ärende 1 Mötets öppnande"),
    ("P", "Mötet öppnades och dagordningen godkändes."),
    ("H", "Ärende 2 Rapport från styrgruppen"),
    ("P", "Styrgruppens ordförande Karin Holmgren rapporterade från styrgruppens möten i januari och mars, bland "
          "annat om den nya mallen för beslutsunderlag och om att redovisningen av uppdraget om task force har "
          "skjutits fram. GD-gruppen tackade för informationen."),
    ("H", "Ärende 3 Finansiering av sekretariatet"),
    ("P", "Sekretariatet finansieras i dag i huvudsak via MYH. Förstudierna tog fram tre alternativ för hur "
          "samordningen kan finansieras."),
    ("P", "GD-gruppen gav styrgruppen i uppdrag att ta fram ett förslag till hur kostnaderna för sekretariatet "
          "ska fördelas mellan myndigheterna från och med 2039. Förslaget redovisas vid GD-gruppens möte i "
          "november 2038."),
    ("H", "Ärende 4 Verktyg för delning av arbetsmaterial"),
    ("P", "Flera myndigheter har framfört att deras dataskyddsombud avråder från molnbaserade samarbetsverktyg."),
    ("P", "GD-gruppen beslutade att upphäva styrgruppens beslut den 12 mars 2038 (§ 6) om en gemensam "
          "molnbaserad samarbetsyta. Arbetsgrupperna delar tills vidare material via sekretariatets "
          "funktionsbrevlåda och myndigheternas egna system."),
    ("H", "Ärende 5 Regeringsuppdrag om validering"),
    ("P", "Regeringen beslutade den 3 april 2038 att ge UHR och MYH i uppdrag att föreslå hur valideringen av "
          "reell kompetens kan samordnas nationellt. GD-gruppen tackade för informationen."),
    ("H", "Ärende 6 Nästa möte"),
    ("P", "Nästa möte hålls den 19 november 2038."),
]

DOCS["2038-09-08_arbetsgrupp-tsi_minnesanteckningar.docx"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Minnesanteckningar - AG TSI (arbetsgruppen för uppföljning av TSI-projektet)"),
    ("S", "8 september 2038, Arbetsförmedlingen, Stockholm"),
    ("S", "Närvarande: Maja Eriksson (processledare), Jonas Berg, Elin Sjöberg, Oskar Lund. Förhinder: Nora Hedlund."),
    ("H", "1. Föregående anteckningar"),
    ("P", "Anteckningarna från den 26 februari och den 12 maj godkändes."),
    ("H", "2. Förslag om tillfälliga uppdragsgrupper"),
    ("P", "Elin och Oskar redovisade kartläggningen av STEM-gruppens erfarenheter och intervjuerna med fem "
          "processledare."),
    ("P", "Gruppen beslutade att överlämna förslaget Modell för tillfälliga uppdragsgrupper till styrgruppen. "
          "Modellen innebär att styrgruppen kan tillsätta en tidsbegränsad grupp om högst sex personer med ett "
          "avgränsat uppdrag på högst nio månader."),
    ("H", "3. Rekommendationsmatrisen"),
    ("P", "Gruppen godkände matrisen över OECD:s rekommendationer. Matrisen uppdateras två gånger per år inför "
          "lägesbedömningarna."),
    ("H", "4. OECD-seminarium"),
    ("P", "Information om OECD:s uppföljningsseminarium i Paris i november. Ingen åtgärd."),
]

DOCS["2038-03-12_styrgrupp_protokoll.pdf"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Protokoll - Styrgruppen MSV KLL"),
    ("S", "Datum: 12 mars 2038, kl. 13.00-16.00. Plats: Tillväxtverket, Stockholm."),
    ("S", "Närvarande: Karin Holmgren (ordförande), Erik Sandberg, Lena Forsberg, Mattias Nyqvist, Sara Öberg, "
          "Anders Blom, Helena Dahl, Johanna Lind, Peter Wikström. Sekreterare: Fredrik Ahlgren."),
    ("H", "§ 1 Öppnande"),
    ("P", "Ordföranden öppnade mötet och dagordningen godkändes."),
    ("H", "§ 2 Justering"),
    ("P", "Anders Blom utsågs att justera protokollet tillsammans med ordföranden."),
    ("H", "§ 3 Föregående protokoll"),
    ("P", "Protokollet från den 20 januari 2038 lades till handlingarna."),
    ("H", "§ 4 Mall för beslutsunderlag"),
    ("P", "Beredningsgruppen har föreslagit en gemensam mall för beslutsunderlag."),
    ("P", "Styrgruppen fastställde mallen för beslutsunderlag med tillägget att varje underlag ska ange vilken "
          "myndighet som är föredragande. Mallen används från och med den 1 april 2038."),
    ("H", "§ 5 Kompetensförsörjningsdagarna"),
    ("P", "Styrgruppen beslutade att MSV medverkar vid Kompetensförsörjningsdagarna den 20-21 maj 2038 med ett "
          "seminarium om myndighetssamverkan. Tillväxtverket samordnar medverkan."),
    ("H", "§ 6 Gemensam digital samarbetsyta"),
    ("P", "Arbetsgrupperna har efterfrågat en gemensam yta för att dela utkast och arbetsmaterial."),
    ("P", "Styrgruppen beslutade att arbetsgrupperna från och med den 1 maj 2038 ska använda en gemensam "
          "molnbaserad samarbetsyta som sekretariatet upphandlar."),
    ("P", "Erik Sandberg (Arbetsförmedlingen) reserverade sig mot beslutet med hänvisning till myndighetens "
          "bedömning av dataskyddet."),
    ("H", "§ 7 Uppdraget om task force"),
    ("P", "TSI-gruppen har begärt mer tid för att kunna förankra sitt förslag i myndigheterna."),
    ("P", "Redovisningstiden förlängdes till den 30 september 2038."),
    ("H", "§ 8 Lägesbedömningar våren 2038"),
    ("P", "Sekretariatet informerade om att mallen för lägesbedömning skickas ut till arbetsgrupperna i april. "
          "Styrgruppen noterade informationen."),
    ("H", "§ 9 Livslångt lärande - myndigheternas insatser"),
    ("P", "Styrgruppen gav arbetsgruppen för livslångt lärande i uppdrag att dels kartlägga myndigheternas "
          "insatser för livslångt lärande för personer i yrkesverksam ålder, dels lämna förslag till ett "
          "gemensamt inspel till Regeringskansliet om behovet av flexibla utbildningsformer. Båda delarna "
          "redovisas senast den 30 september 2038."),
    ("H", "§ 10 Nästa möte"),
    ("P", "Nästa möte hålls den 10 juni 2038."),
    ("S", "Vid protokollet: Fredrik Ahlgren. Justeras: Karin Holmgren, Anders Blom."),
]

DOCS["2038-08-27_beredningsgrupp_minnesanteckningar.pdf"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Minnesanteckningar - Beredningsgruppen MSV KLL"),
    ("S", "27 augusti 2038, digitalt möte"),
    ("S", "Deltagare: Linnea Bergqvist (ordförande), Tomas Ek, Sofia Grahn, Jenny Lundin, Per Åkesson, Fredrik Ahlgren."),
    ("B", "1", "Föregående anteckningar"),
    ("P", "Anteckningarna från den 5 februari och den 14 maj 2038 godkändes."),
    ("B", "2", "Finansieringsmodell för samordningen"),
    ("P", "Styrgruppen överlämnade i juni uppdraget om kostnadsfördelning till beredningsgruppen. Sekretariatet "
          "har räknat på förstudiernas tre alternativ."),
    ("P", "Beredningsgruppen enades om att föreslå styrgruppen alternativ 2: finansiering i huvudsak via MYH:s "
          "anslag, kompletterat med ett årligt bidrag om 150 000 kronor från var och en av de övriga "
          "myndigheterna från och med 2039."),
    ("B", "3", "Verksamhetsberättelse 2038"),
    ("P", "Sekretariatet visade ett utkast till disposition. Ärendet läggs fram för beslut vid styrgruppens möte "
          "i oktober."),
    ("B", "4", "Övrigt"),
    ("P", "Nästa möte hålls den 1 oktober."),
]

DOCS["2038-10-15_styrgrupp_protokoll.pdf"] = [
    ("S", "FIKTIVT EXEMPEL"),
    ("T", "Protokoll - Styrgruppen för MSV KLL"),
    ("S", "Datum: 15 oktober 2038. Plats: UKÄ, Stockholm, samt via länk."),
    ("S", "Närvarande: Karin Holmgren (ordförande), Erik Sandberg, Lena Forsberg, Mattias Nyqvist, Sara Öberg, "
          "Anders Blom, Helena Dahl, Johanna Lind, Peter Wikström. Sekreterare: Fredrik Ahlgren."),
    ("H", "§ 1 Öppnande och dagordning"),
    ("P", "Dagordningen fastställdes."),
    ("H", "§ 2 Justering"),
    ("P", "Johanna Lind valdes att justera protokollet jämte ordföranden."),
    ("H", "§ 3 Föregående protokoll"),
    ("P", "Protokollet från den 10 juni 2038 godkändes och lades till handlingarna."),
    ("H", "§ 4 Finansiering av samordningen från 2039"),
    ("P", "Beredningsgruppen har på styrgruppens uppdrag tagit fram ett förslag till finansieringsmodell."),
    ("P", "Styrgruppen ställde sig bakom beredningsgruppens förslag om finansiering i huvudsak via MYH:s anslag "
          "och ett årligt bidrag om 150 000 kronor per myndighet, och beslutade att överlämna förslaget till "
          "GD-gruppen."),
    ("H", "§ 5 Tillfälliga uppdragsgrupper"),
    ("P", "Styrgruppen fastställde modellen för tillfälliga uppdragsgrupper enligt TSI-gruppens förslag, med "
          "ändringen att en grupps uppdrag får pågå i högst tolv månader. Den första gruppen tillsätts under "
          "våren 2039."),
    ("H", "§ 6 Kartläggning av insatser för livslångt lärande"),
    ("P", "LLL-gruppen har lämnat kartläggningen men inte förslaget till inspel."),
    ("P", "Styrgruppen godkände kartläggningen av myndigheternas insatser för livslångt lärande och beslutade "
          "att den publiceras som en MSV-rapport."),
    ("H", "§ 7 Inspel om flexibla utbildningsformer"),
    ("P", "Styrgruppen gav arbetsgruppen för livslångt lärande i uppdrag att redovisa den återstående delen, "
          "förslaget till gemensamt inspel om flexibla utbildningsformer, senast den 10 december 2038."),
    ("H", "§ 8 Verksamhetsberättelse 2038"),
    ("P", "Styrgruppen beslutade att verksamhetsberättelsen 2038 disponeras efter resultatmålen, med ett avsnitt "
          "per arbetsgrupp och en bilaga om OECD:s rekommendationer."),
    ("H", "§ 9 Budgetpropositionen för 2039"),
    ("P", "Sekretariatet redogjorde för budgetpropositionen. Regeringen föreslår en ökning av anslaget till "
          "yrkesvux. Noterades."),
    ("H", "§ 10 Nästa möte"),
    ("P", "Nästa möte hålls den 28 januari 2039."),
    ("S", "Vid protokollet: Fredrik Ahlgren. Justeras: Karin Holmgren, Johanna Lind."),
]


def write_docx(name, items):
    d = docx.Document()
    for it in items:
        if it[0] == "T":
            d.add_heading(it[1], level=1)
        elif it[0] == "H":
            d.add_heading(it[1], level=2)
        else:
            d.add_paragraph(it[1])
    cp = d.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.title = name
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_modified_by = "Sekretariatet"
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: i.filename):
            zi = zipfile.ZipInfo(info.filename, date_time=(2038, 12, 1, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    (HERE / name).write_bytes(out.getvalue())


def write_pdf(name, items):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("MSV dev12 make_files.py")
    pdf.set_title(name)
    pdf.set_author("Sekretariatet MSV KLL (fiktivt)")
    pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    w = pdf.w - 40
    for it in items:
        kind = it[0]
        if kind == "T":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(w, 8, it[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "H":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(w, 7, it[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "B":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(10, 7, it[1])
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(w - 10, 7, it[2], new_x="LMARGIN", new_y="NEXT")
        elif kind == "S":
            pdf.set_font("Helvetica", "", 9)
            pdf.multi_cell(w, 5, it[1], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(w, 6, it[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    (HERE / name).write_bytes(bytes(pdf.output()))


def main():
    for name, items in DOCS.items():
        if name.endswith(".docx"):
            write_docx(name, items)
        else:
            write_pdf(name, items)
        print("wrote", name)


if __name__ == "__main__":
    main()
