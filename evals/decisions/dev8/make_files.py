"""Generate the DOCX and PDF minutes of this development set (FIKTIVT EXEMPEL).

The text is kept in this script. Output is byte-reproducible: fixed document
metadata, fixed ZIP timestamps for DOCX, fixed creation date for PDF.
Run: python make_files.py  (needs python-docx and fpdf2)
"""
import io
import os
import zipfile
from datetime import datetime, timezone

import docx
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime(2033, 12, 31, 12, 0, 0, tzinfo=timezone.utc)

# Markup: ("t", title) ("h", heading) ("p", paragraph) ("b", bullet)
#         ("n", (number, heading))  bold number followed by heading text

DOCS = {}

DOCS["2033-02-14_beredningsgrupp_minnesanteckningar.docx"] = [
    ("p", "FIKTIVT EXEMPEL – uppdiktade minnesanteckningar för test"),
    ("t", "Minnesanteckningar – beredningsgruppen MSV KLL"),
    ("p", "Datum: 14 februari 2033"),
    ("p", "Tid: 13.00–15.00"),
    ("p", "Plats: Digitalt"),
    ("p", "Deltagare: Frida Hallberg (MYH, sammankallande), Nils Bergman (Arbetsförmedlingen), "
          "Sofia Dahl (UHR), Erik Persson (Skolverket), Maja Lindgren (Tillväxtverket)"),
    ("p", "Antecknat av: Frida Hallberg"),
    ("h", "Punkt 1. Inledning"),
    ("p", "Frida hälsade välkommen. Dagordningen godkändes utan tillägg."),
    ("h", "Punkt 2. Uppdraget om finansiering av samordningen"),
    ("p", "Styrgruppen gav den 26 januari beredningsgruppen i uppdrag att analysera alternativen för "
          "hur samordningen av MSV KLL ska finansieras. Gruppen gick igenom de tre alternativen från förstudierna:"),
    ("b", "Alternativ 1: som i dag, finansiering via MYH:s anslag och resurser från övriga myndigheter vid behov."),
    ("b", "Alternativ 2: MYH:s anslag kompletterat med en gemensam verksamhetsbudget som myndigheterna enas om i början av året."),
    ("b", "Alternativ 3: myndigheterna bidrar med olika stor finansiering."),
    ("p", "Alternativ 3 bedömdes som orealistiskt med nuvarande styrning. Nils Bergman påpekade att "
          "Arbetsförmedlingen inte kan ta ställning till en egen insats förrän myndighetens budgetunderlag är klart i april."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen alternativ 2 och att överlämna analysen "
          "till styrgruppens möte den 22 mars."),
    ("h", "Punkt 3. Rutin för minnesanteckningar"),
    ("p", "Sekretariatet har reviderat rutinen för minnesanteckningar så att beslut och uppdrag alltid anges "
          "med ansvarig och tidpunkt. Gruppen gick igenom utkastet och föreslog några språkliga ändringar."),
    ("p", "Rutinen godkändes för användning i beredningsgruppens och arbetsgruppernas anteckningar från och med mars."),
    ("h", "Punkt 4. Inför styrgruppens möte den 22 mars"),
    ("p", "Gruppen gick igenom den preliminära dagordningen. Sekretariatet kompletterar med förslaget om "
          "horisontella perspektiv i lägesbedömningen, som styrgruppen beslutar om den 22 mars."),
    ("h", "Punkt 5. Övrigt"),
    ("p", "Sofia Dahl informerade om att UHR byter representant i arbetsgruppen för kommunikation. Noterades."),
    ("p", "Nästa möte: 18 april 2033."),
]

DOCS["2033-04-20_gd-grupp_protokoll.docx"] = [
    ("p", "FIKTIVT EXEMPEL – protokollet är påhittat och används som testmaterial"),
    ("t", "Protokoll fört vid GD-gruppens möte"),
    ("p", "Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("p", "Datum: 2033-04-20"),
    ("p", "Plats: Arbetsförmedlingen, Stockholm"),
    ("p", "Närvarande: Thomas Ekman, generaldirektör MYH (ordförande); Cecilia Rydberg, generaldirektör "
          "Arbetsförmedlingen; Mikael Sandberg, generaldirektör Skolverket; Annika Wester, direktör Svenska "
          "ESF-rådet; Göran Falk, generaldirektör Tillväxtverket; Birgitta Nord, universitetskansler UKÄ; "
          "Jakob Hedin, generaldirektör UHR; Karin Alm, Folkbildningsrådet; Rasmus Öberg, Vinnova; Ulla Berglöf, SCB"),
    ("p", "Föredragande: Maria Lindqvist, ordförande i styrgruppen"),
    ("p", "Sekreterare: Johan Berg"),
    ("h", "Ärende 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet. Dagordningen godkändes."),
    ("h", "Ärende 2 Rapport från styrgruppen"),
    ("p", "Maria Lindqvist rapporterade från styrgruppens möten den 26 januari och den 22 mars. Styrgruppen har "
          "bland annat beslutat att kickoffen 2033 hålls i Göteborg i september och att mallen för lägesbedömning "
          "kompletteras med de horisontella perspektiven. Frågan om finansiering av samordningen har bordlagts till juni."),
    ("p", "GD-gruppen tackade för rapporten."),
    ("h", "Ärende 3 OECD:s rekommendation om task force-arbetssätt"),
    ("p", "Erfarenheterna från arbetsgruppen STEM visar att ett tidsbegränsat uppdrag med tydligt ägarskap kan ge "
          "snabba resultat. Flera generaldirektörer betonade att ett sådant arbetssätt kräver att övriga myndigheter "
          "ger den drivande myndigheten mandat."),
    ("p", "GD-gruppen ställde sig bakom att MSV KLL under 2033–2034 prövar ett task force-arbetssätt i högst två "
          "frågor, där en myndighet har ett uttalat mandat att driva arbetet."),
    ("h", "Ärende 4 Arbetsordning för MSV KLL"),
    ("p", "Arbetsordningen har inte reviderats sedan SCB anslöt till samverkan. Flera generaldirektörer efterfrågade "
          "tydligare skrivningar om arbetsgruppernas mandat och om hur nya myndigheter ansluter."),
    ("p", "GD-gruppen uppdrar åt styrgruppen att ta fram ett förslag till reviderad arbetsordning inför höstens GD-möte."),
    ("h", "Ärende 5 Gemensam samarbetsyta"),
    ("p", "Flera myndigheter avråder från användning av Teams av dataskyddsskäl, och externa aktörer har svårt att "
          "delta i arbetsgruppernas arbete. Frågan diskuterades."),
    ("p", "Beslut"),
    ("p", "GD-gruppen uppdrar åt sekretariatet att senast den 30 november 2033 redovisa en analys av alternativ "
          "till Microsoft Teams som gemensam och rättssäker samarbetsyta för MSV KLL."),
    ("h", "Ärende 6 Nya regeringsuppdrag"),
    ("p", "Regeringen beslutade den 6 april 2033 att ge Skolverket och MYH i uppdrag att analysera behovet av en "
          "samlad ingång till studie- och yrkesvägledning för vuxna. GD-gruppen noterade informationen."),
    ("h", "Ärende 7 Nästa möte"),
    ("p", "Nästa möte hålls den 15 november 2033."),
    ("p", "Vid protokollet: Johan Berg"),
    ("p", "Justeras: Thomas Ekman"),
]

DOCS["2033-09-13_arbetsgrupp-kommunikation_minnesanteckningar.docx"] = [
    ("p", "FIKTIVT EXEMPEL – påhittade minnesanteckningar"),
    ("t", "Minnesanteckningar, arbetsgruppen för kommunikation"),
    ("p", "13 september 2033, 09.30–11.30, digitalt"),
    ("p", "Närvarande: Linnea Sund (UHR, processledare), Oskar Berglund (MYH), Amira Haddad (Arbetsförmedlingen), "
          "Jonas Ek (Skolverket), Petra Holmgren (Vinnova)"),
    ("p", "Förhinder: Tove Marklund (Tillväxtverket)"),
    ("p", "Antecknare: Oskar Berglund"),
    ("h", "Punkt 1 – Föregående anteckningar"),
    ("p", "Anteckningarna från den 9 mars lades till handlingarna."),
    ("h", "Punkt 2 – Visuell identitet"),
    ("p", "Styrgruppen godkände i juni förslaget till visuell identitet med tre huvudfärger. Oskar visade de nya "
          "mallarna för bildspel och rapport. Flera myndigheter har framfört att deras logotyper saknas i mallarna, "
          "vilket gör det svårt att använda dem i myndighetens egna kanaler."),
    ("p", "Gruppen enades om att föreslå styrgruppen att myndigheternas logotyper läggs till i sidfoten på mallarna."),
    ("h", "Punkt 3 – Nyhetsbrev"),
    ("p", "Amira redovisade att nyhetsbrevet har fått fler prenumeranter och att arbetsgrupperna efterfrågar "
          "kortare och tätare utskick."),
    ("p", "Gruppen beslutade att nyhetsbrevet från och med januari 2034 ges ut varannan månad i stället för fyra gånger per år."),
    ("h", "Punkt 4 – Enkät om mallen för styrgruppsmöten"),
    ("p", "Petra redovisade enkäten till processledarna. Elva av fjorton svarade, och de flesta tycker att mallen är för lång."),
    ("p", "Gruppen beslutade att mallen för kommunikation av styrgruppsmöten kortas till en sida."),
    ("h", "Punkt 5 – Extern referensgrupp"),
    ("p", "Kostnaden för en extern referensgrupp har beräknats till cirka 150 000 kronor per år."),
    ("p", "Beslutades att inte inrätta någon extern referensgrupp för kommunikationsstrategin; i stället bjuds "
          "externa aktörer in vid behov."),
    ("h", "Punkt 6 – Webbplats"),
    ("p", "Sekretariatet informerade om att MYH utreder en egen webbplats för MSV KLL. Ingen åtgärd."),
    ("h", "Punkt 7 – Nästa möte"),
    ("p", "22 november 2033."),
]

DOCS["2033-03-22_styrgrupp_protokoll.pdf"] = [
    ("p", "FIKTIVT EXEMPEL - protokollet är påhittat och används som testmaterial"),
    ("t", "Protokoll"),
    ("p", "Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("p", "Sammanträde 2033-03-22, Skolverket, Stockholm"),
    ("p", "Närvarande: Maria Lindqvist (MYH), ordförande; Anders Holm (Arbetsförmedlingen); Sara Nyström (Skolverket); "
          "Per Åkesson (Svenska ESF-rådet); Lena Forsberg (Tillväxtverket); Emma Sjöberg (UKÄ); David Karlsson (UHR); "
          "Helena Strand (Folkbildningsrådet); Ingrid Wallin (SCB)"),
    ("p", "Förhinder: Oskar Lund (Vinnova)"),
    ("p", "Från sekretariatet: Johan Berg (sekreterare), Frida Hallberg"),
    ("h", "§ 1 Dagordning"),
    ("p", "Dagordningen fastställdes med tillägget att frågan om IT-stöd tas upp under övrigt."),
    ("h", "§ 2 Justering"),
    ("p", "Till justerare valdes Per Åkesson."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från den 26 januari 2033 lades till handlingarna."),
    ("h", "§ 4 Lägesbedömningar och uppföljning"),
    ("h", "§ 4 a Horisontella perspektiv i lägesbedömningen"),
    ("p", "Sekretariatet har tagit fram ett förslag om hur arbetsgrupperna ska redovisa de horisontella perspektiven. "
          "Förslaget innebär att mallen kompletteras med en fråga per perspektiv och en trafikljusbedömning. "
          "Styrgruppen diskuterade om miljömässig hållbarhet ska ingå redan nu och kom fram till att så bör ske."),
    ("p", "Beslut: Enligt förslag, vilket innebär att mallen för lägesbedömning från och med hösten 2033 ska innehålla "
          "en bedömning av hur aktiviteterna bidrar till jämställdhet, tillgänglighet, icke-diskriminering och "
          "miljömässig hållbarhet."),
    ("h", "§ 4 b Tidplan för höstens lägesbedömningar"),
    ("p", "Sekretariatet informerade om att lägesbedömningarna enligt årshjulet ska lämnas senast den 1 oktober 2033. "
          "Informationen noterades."),
    ("h", "§ 5 Finansiering av samordningen 2034"),
    ("p", "Frida Hallberg presenterade beredningsgruppens förslag att förorda alternativ 2, MYH:s anslag kompletterat "
          "med en gemensam verksamhetsbudget. Flera ledamöter behöver förankra frågan i den egna ledningen innan de "
          "kan ta ställning, och Arbetsförmedlingens budgetunderlag är inte klart."),
    ("p", "Ärendet bordlades till styrgruppens möte i juni."),
    ("h", "§ 6 Rutin för expediering till Regeringskansliet"),
    ("p", "Under 2032 skickades två skrivelser till Regeringskansliet innan alla myndigheter hade sett slutversionen. "
          "Styrgruppen konstaterade att det behövs en tydlig ordning för vem som undertecknar och registrerar skrivelser."),
    ("p", "Styrgruppen uppdrar åt sekretariatet att ta fram en rutin för expediering av skrivelser från MSV KLL till "
          "Regeringskansliet senast den 31 maj 2033."),
    ("h", "§ 7 Regionernas medverkan"),
    ("p", "Lena Forsberg redogjorde för att endast fyra regioner i dag deltar i någon arbetsgrupp. Styrgruppen "
          "diskuterade förstudiernas tre vägar för regioners deltagande: permanent deltagande, inbjudan vid behov "
          "och referensgrupper."),
    ("p", "Styrgruppen beslutade att ge arbetsgruppen för regionalt perspektiv i uppdrag att dels kartlägga regionernas "
          "deltagande i MSV KLL:s arbetsgrupper, dels föreslå en modell för referensgrupper med regioner, och att "
          "redovisa båda delarna till styrgruppens möte i oktober."),
    ("h", "§ 8 Övrigt"),
    ("p", "Johan Berg informerade om att flera myndigheter avråder från Teams av dataskyddsskäl och att frågan kommer "
          "att tas upp i GD-gruppen i april. Ingen åtgärd."),
    ("h", "§ 9 Nästa möte"),
    ("p", "Nästa möte hålls den 7 juni 2033 hos UHR i Solna."),
    ("h", "§ 10 Justering"),
    ("p", "Styrgruppen förklarade § 6 omedelbart justerad."),
    ("p", "Vid protokollet: Johan Berg        Justeras: Maria Lindqvist, Per Åkesson"),
]

DOCS["2033-08-30_beredningsgrupp_minnesanteckningar.pdf"] = [
    ("p", "FIKTIVT EXEMPEL - uppdiktade anteckningar"),
    ("t", "Beredningsgruppen MSV KLL - minnesanteckningar"),
    ("p", "30 augusti 2033, kl. 09.00-11.30, MYH, Stockholm"),
    ("p", "Närvarande: Frida Hallberg (MYH, sammankallande), Nils Bergman (Arbetsförmedlingen), Sofia Dahl (UHR), "
          "Erik Persson (Skolverket), Maja Lindgren (Tillväxtverket), Ingrid Wallin (SCB)"),
    ("p", "Antecknare: Erik Persson"),
    ("n", ("1", "Dagordning och föregående anteckningar")),
    ("p", "Dagordningen godkändes. Anteckningarna från den 18 april lades till handlingarna."),
    ("n", ("2", "Reviderad arbetsordning")),
    ("p", "Styrgruppen gav i juni beredningsgruppen i uppdrag att bereda ett förslag till reviderad arbetsordning. "
          "Sekretariatet har tagit fram ett utkast med ändringar om arbetsgruppernas mandat, om hur en ny myndighet "
          "ansluter och om beredningsgruppens roll. Gruppen gick igenom utkastet avsnitt för avsnitt. SCB lämnade "
          "synpunkter på avsnittet om anslutning."),
    ("p", "Gruppen enades om att överlämna utkastet, med SCB:s ändringar, som beredningsgruppens förslag till "
          "styrgruppen den 18 oktober."),
    ("n", ("3", "Verksamhetsbudget 2034")),
    ("p", "Styrgruppen förordade i juni en gemensam verksamhetsbudget. Sekretariatet har tagit fram ett första utkast "
          "på 1,4 miljoner kronor för konferenser, processtöd och kommunikation. Gruppen bedömde att posten för "
          "konferenser är för hög. Frågan återkommer när myndigheternas budgetunderlag är kända."),
    ("n", ("4", "Rutin för expediering")),
    ("p", "Sekretariatet presenterade utkastet till rutin för expediering till Regeringskansliet. Beredningsgruppen "
          "hade inga invändningar. Rutinen läggs fram för beslut i styrgruppen den 18 oktober."),
    ("n", ("5", "Lägesbedömningar hösten 2033")),
    ("p", "Sekretariatet påminde om att lägesbedömningarna ska lämnas senast den 1 oktober. Noterades."),
    ("n", ("6", "Övrigt")),
    ("p", "Beredningsgruppen beslutade att från och med hösten hålla sina möten digitalt, utom ett fysiskt möte per termin."),
    ("p", "Nästa möte: 4 oktober 2033."),
]

DOCS["2033-10-18_styrgrupp_protokoll.pdf"] = [
    ("p", "FIKTIVT EXEMPEL - protokollet är påhittat och används som testmaterial"),
    ("t", "PROTOKOLL"),
    ("p", "Styrgruppen, Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("p", "Datum: 18 oktober 2033"),
    ("p", "Plats: Tillväxtverket, Stockholm"),
    ("p", "Närvarande: Maria Lindqvist (MYH), ordförande; Anders Holm (Arbetsförmedlingen); Sara Nyström (Skolverket); "
          "Per Åkesson (Svenska ESF-rådet); Lena Forsberg (Tillväxtverket); David Karlsson (UHR); Helena Strand "
          "(Folkbildningsrådet); Oskar Lund (Vinnova); Ingrid Wallin (SCB)"),
    ("p", "Förhinder: Emma Sjöberg (UKÄ)"),
    ("p", "Sekreterare: Johan Berg. Justerare: Helena Strand"),
    ("h", "§ 1 Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "§ 2 Föregående protokoll"),
    ("p", "Protokollet från den 7 juni 2033 lades till handlingarna."),
    ("h", "§ 3 Lägesbedömningar hösten 2033"),
    ("p", "Sammanställningen av arbetsgruppernas lägesbedömningar presenterades. För första gången innehåller "
          "bedömningarna de horisontella perspektiven, vilket flera ledamöter välkomnade."),
    ("p", "Styrgruppen godkände höstens lägesbedömningar."),
    ("h", "§ 4 Information om samarbetsyta"),
    ("p", "Johan Berg informerade om att sekretariatets analys av alternativ till Teams pågår och att två myndigheter "
          "ännu inte har lämnat underlag. Informationen noterades."),
    ("h", "§ 5 Reviderad arbetsordning"),
    ("p", "Beredningsgruppen har berett ett förslag till reviderad arbetsordning, se bilaga 1. Förslaget tydliggör "
          "arbetsgruppernas mandat, hur nya myndigheter ansluter och beredningsgruppens roll."),
    ("p", "Styrgruppen ställde sig bakom förslaget till reviderad arbetsordning och beslutade att överlämna det till "
          "GD-gruppen för fastställande den 15 november 2033."),
    ("h", "§ 6 Rutin för expediering till Regeringskansliet"),
    ("p", "Sekretariatet har tagit fram rutinen efter samråd med myndigheternas registratorer. Rutinen innebär att "
          "skrivelser undertecknas av styrgruppens ordförande när samtliga myndigheter har godkänt slutversionen, "
          "och att MYH registrerar dem."),
    ("p", "Rutinen för expediering av skrivelser till Regeringskansliet fastställdes att gälla från den 1 november 2033."),
    ("h", "§ 7 Logotyper i de gemensamma mallarna"),
    ("p", "Arbetsgruppen för kommunikation föreslår att myndigheternas logotyper läggs till i mallarna, eftersom "
          "mallarna annars är svåra att använda i myndigheternas egna kanaler."),
    ("p", "Styrgruppen beslutade, med ändring av beslutet den 7 juni 2033 (§ 6 b), att samtliga medverkande "
          "myndigheters logotyper ska finnas i sidfoten på MSV KLL:s gemensamma mallar."),
    ("h", "§ 8 Regionernas deltagande i arbetsgrupperna"),
    ("p", "Karin Ek, processledare för arbetsgruppen för regionalt perspektiv, redovisade kartläggningen (bilaga 2). "
          "Nio av 21 regioner deltar eller har deltagit i någon arbetsgrupp. Förslaget till modell för referensgrupper "
          "med regioner är inte klart."),
    ("p", "Styrgruppen godkände kartläggningen."),
    ("p", "Arbetsgruppen för regionalt perspektiv får i uppdrag att redovisa förslaget till modell för referensgrupper "
          "med regioner senast den 15 december 2033."),
    ("h", "§ 9 Nästa möte"),
    ("p", "Styrgruppens första möte 2034 äger rum den 24 januari 2034."),
    ("p", "Vid protokollet: Johan Berg        Justeras: Maria Lindqvist, Helena Strand"),
]


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with sorted-stable entries and a fixed timestamp."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2033, 12, 31, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_docx(name, items):
    d = docx.Document()
    cp = d.core_properties
    cp.author = "Sekretariatet MSV KLL"
    cp.last_modified_by = "Sekretariatet MSV KLL"
    cp.title = "FIKTIVT EXEMPEL"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    for kind, text in items:
        if kind == "t":
            d.add_heading(text, level=1)
        elif kind == "h":
            d.add_heading(text, level=2)
        elif kind == "b":
            d.add_paragraph(text, style="List Bullet")
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(fixed_zip(buf.getvalue()))


def make_pdf(name, items):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("make_files.py")
    pdf.set_creator("make_files.py")
    pdf.set_author("Sekretariatet MSV KLL")
    pdf.set_title("FIKTIVT EXEMPEL")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    for kind, text in items:
        if kind == "t":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "n":
            num, head = text
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(10, 6, num)
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, head, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(os.path.join(HERE, name))


def main():
    for name, items in DOCS.items():
        if name.endswith(".docx"):
            make_docx(name, items)
        else:
            make_pdf(name, items)
        print("wrote", name)


if __name__ == "__main__":
    main()
