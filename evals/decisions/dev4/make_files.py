"""Generate the DOCX and PDF meetings of the dev4 decision set (FIKTIVT EXEMPEL).

Run from anywhere:  /work/main/.venv/bin/python make_files.py
Output is byte-reproducible: fixed core properties and zip timestamps for DOCX,
fixed creation date for PDF.
"""
import datetime as dt
import io
import os
import zipfile

from docx import Document
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIXED = dt.datetime(2028, 3, 1, 12, 0, 0, tzinfo=dt.timezone.utc)

# Each document: list of (style, text); style is "title", "h" (heading), "p" or "b" (bullet).
DOCS = {
    "2027-04-08_beredningsgrupp_minnesanteckningar.docx": [
        ("title", "Minnesanteckningar – beredningsgruppen för MSV KLL"),
        ("p", "FIKTIVT EXEMPEL – påhittade anteckningar för utvärdering."),
        ("p", "Datum: 8 april 2027. Plats: UKÄ, Stockholm, och digitalt."),
        ("p", "Deltagare: Johan Falk (UKÄ, sammankallande), Sofia Lund (Tillväxtverket), Lena Vik (Skolverket), "
              "Per Sandell (Arbetsförmedlingen), Jonas Ekberg och Linnea Strand (kansliet)."),
        ("h", "Punkt 1. Föregående minnesanteckningar"),
        ("p", "Minnesanteckningarna från den 11 februari 2027 lades till handlingarna."),
        ("h", "Punkt 2. Styrgruppens uppdrag om finansieringsmodell"),
        ("p", "Johan Falk redogjorde för styrgruppens uppdrag den 4 mars att ta fram ett förslag till "
              "finansieringsmodell för kansliet. Enligt tidplanen tas ett underlag fram efter sommaren. "
              "Ett förslag kommer att behandlas vid beredningsgruppens möte i september."),
        ("h", "Punkt 3. Inför GD-gruppens möte den 22 april"),
        ("p", "Kansliet presenterade förslaget till dagordning, med frågan om den gemensamma samarbetsytan som "
              "huvudpunkt."),
        ("p", "Beredningsgruppen tillstyrkte kansliets förslag till dagordning för GD-gruppens möte den 22 april."),
        ("h", "Punkt 4. Vägledning för informationshantering"),
        ("p", "Kansliet redovisade att den vägledning för informationshantering som togs fram under förstudierna "
              "behöver uppdateras med hänsyn till offentlighets- och sekretesslagen och arkivlagen, bland annat "
              "för e-post från externa aktörer."),
        ("p", "Beredningsgruppen uppdrog åt kansliet att revidera vägledningen för informationshantering och "
              "diarieföring till beredningsgruppens möte i september."),
        ("h", "Punkt 5. Övrigt"),
        ("p", "Nästa möte: 23 september 2027."),
        ("p", "Vid pennan: Linnea Strand"),
    ],
    "2027-05-12_arbetsgrupp-stem_minnesanteckningar.docx": [
        ("title", "Arbetsgrupp STEM – minnesanteckningar 12 maj 2027"),
        ("p", "FIKTIVT EXEMPEL – påhittade anteckningar för utvärdering."),
        ("p", "Närvarande: Karin Ek (UHR, processledare), Lars Nyström (Skolverket), Fatima Ali (MYH), "
              "Björn Ström (Vinnova), Emma Rask (UKÄ)."),
        ("h", "1. Föregående möte"),
        ("p", "Inga synpunkter på anteckningarna från mötet i mars."),
        ("h", "2. Regeringens arbete med STEM"),
        ("p", "Regeringen beslutade i april 2027 att ge UKÄ i uppdrag att följa upp antagningen till "
              "STEM-utbildningar. Emma berättade hur UKÄ planerar uppdraget."),
        ("h", "3. Webbinarium för regionerna"),
        ("p", "Gruppen beslutade att genomföra ett webbinarium om STEM-kompetens för RUA den 7 oktober 2027, "
              "med Vinnova som värd."),
        ("h", "4. Uppföljningsindikatorer"),
        ("p", "Gruppen diskuterade vilka indikatorer som kan följas över tid. Frågan återkommer när SCB:s "
              "underlag finns."),
        ("h", "5. Nästa möte"),
        ("p", "Nästa möte: 4 november 2027 (digitalt)."),
        ("p", "Antecknat av Fatima Ali"),
    ],
    "2027-10-14_styrgrupp_protokoll.docx": [
        ("title", "Protokoll, styrgruppen för MSV KLL, 14 oktober 2027"),
        ("p", "FIKTIVT EXEMPEL – påhittat protokoll för utvärdering. Personer och beslut är inte verkliga."),
        ("p", "Närvarande: Eva Holmgren (MYH, ordförande), Per Sandell (Arbetsförmedlingen), Lena Vik (Skolverket), "
              "Omar Haddad (Svenska ESF-rådet), Sofia Lund (Tillväxtverket), Johan Falk (UKÄ), Maria Berglund (UHR), "
              "Henrik Ås (Folkbildningsrådet), Cecilia Norén (Vinnova), Anders Kron (SCB). "
              "Kansliet: Jonas Ekberg, Linnea Strand."),
        ("h", "§ 1 Mötets öppnande"),
        ("p", "Dagordningen fastställdes."),
        ("h", "§ 2 Justering"),
        ("p", "Till justerare utsågs Johan Falk."),
        ("h", "§ 3 Samarbetsytan i Teams – tidplan"),
        ("p", "Kansliet informerade om förberedelserna för att avveckla Teams-ytan i enlighet med GD-gruppens "
              "beslut den 22 april 2027. Flera myndigheter har påtalat att ersättningslösningen inte kommer att "
              "vara klar vid årsskiftet."),
        ("p", "Styrgruppen beslutade att lyfta frågan om tidplanen för samarbetsytan till GD-gruppens möte i november."),
        ("h", "§ 4 Finansieringsmodell för kansliet"),
        ("p", "Beredningsgruppen har överlämnat ett förslag där kostnaden fördelas efter myndigheternas "
              "förvaltningsanslag."),
        ("p", "Styrgruppen fastställde finansieringsmodellen för kansliet i enlighet med beredningsgruppens "
              "förslag, att gälla från och med 2028."),
        ("h", "§ 5 Strategi för livslång vägledning"),
        ("p", "Arbetsgrupp vägledning har överlämnat ett utkast till strategi. Styrgruppen saknade en beskrivning "
              "av den regionala medverkan."),
        ("p", "Styrgruppen återremitterade strategin till arbetsgrupp vägledning med uppdrag att förtydliga hur "
              "RUA och regionerna ska involveras, och att återkomma till styrgruppens möte i februari 2028."),
        ("h", "§ 6 Mall för lägesbedömning"),
        ("p", "Efter vårens omgång har arbetsgrupperna efterfrågat ett sätt att markera aktiviteter som ännu inte "
              "har startat."),
        ("p", "Styrgruppen beslutade att mallen för lägesbedömning kompletteras med en fjärde nivå, grå "
              "(ej påbörjad), från och med lägesbedömningen hösten 2027."),
        ("h", "§ 7 Arbetsgrupp STEM"),
        ("p", "Arbetsgruppen har begärt mer tid för att kunna förankra inspelet hos regionerna."),
        ("p", "Styrgruppen förlängde tiden för arbetsgrupp STEM:s inspel om uppföljning av STEM-strategin till "
              "den 31 januari 2028."),
        ("h", "§ 8 Nästa möte"),
        ("p", "Nästa möte hålls den 10 februari 2028."),
        ("p", "Vid protokollet: Linnea Strand. Justeras: Eva Holmgren, Johan Falk."),
    ],
    "2027-04-22_gd-grupp_protokoll.pdf": [
        ("title", "Protokoll – GD-gruppen för MSV KLL"),
        ("p", "FIKTIVT EXEMPEL – påhittat protokoll för utvärdering, inga verkliga beslut."),
        ("p", "Datum: 22 april 2027. Plats: MYH, Västerås."),
        ("p", "Närvarande: generaldirektörerna för MYH (ordförande), Arbetsförmedlingen, Skolverket, Svenska "
              "ESF-rådet, Tillväxtverket, UKÄ, UHR, Vinnova och SCB samt Folkbildningsrådets ledning."),
        ("h", "§ 1 Öppnande och dagordning"),
        ("p", "GD-gruppen godkände dagordningen."),
        ("h", "§ 2 Justering"),
        ("p", "Att justera protokollet jämte ordföranden utsågs Thomas Wall (UHR)."),
        ("h", "§ 3 Läget i myndighetssamverkan"),
        ("p", "Styrgruppens ordförande Eva Holmgren informerade om arbetet under våren. Regeringen beslutade den "
              "6 april 2027 att ge Tillväxtverket i uppdrag att stödja regionernas kompetensförsörjningsarbete."),
        ("h", "§ 4 Gemensam samarbetsyta"),
        ("p", "Flera myndigheter avråder från Microsoft Teams av dataskyddsskäl, och alla myndigheter kan inte "
              "använda samma version."),
        ("p", "GD-gruppen beslutade att MSV KLL:s gemensamma arbetsyta i Microsoft Teams ska avvecklas vid "
              "årsskiftet 2027/2028 och ersättas av en samarbetslösning som MYH tillhandahåller."),
        ("h", "§ 5 Inriktning 2027–2028"),
        ("p", "GD-gruppen ställde sig bakom styrgruppens förslag att prioritera de fyra områden som regeringen "
              "pekat ut i regleringsbrevet."),
        ("h", "§ 6 Nästa möte"),
        ("p", "Nästa möte äger rum den 25 november 2027."),
    ],
    "2027-06-10_styrgrupp_protokoll.pdf": [
        ("title", "Styrgruppen MSV KLL – protokoll 10 juni 2027"),
        ("p", "FIKTIVT EXEMPEL – påhittat protokoll för utvärdering."),
        ("p", "Plats: Tillväxtverket, Stockholm. Närvarande: Eva Holmgren (MYH, ordförande), Per Sandell "
              "(Arbetsförmedlingen), Lena Vik (Skolverket), Omar Haddad (Svenska ESF-rådet), Sofia Lund "
              "(Tillväxtverket), Johan Falk (UKÄ), Maria Berglund (UHR), Cecilia Norén (Vinnova), Anders Kron (SCB). "
              "Kansliet: Jonas Ekberg, Linnea Strand."),
        ("h", "§ 1. Dagordning"),
        ("p", "Dagordningen godkändes."),
        ("h", "§ 2. Justerare"),
        ("p", "Per Sandell utsågs att jämte ordföranden justera protokollet."),
        ("h", "§ 3. Lägesbedömningar våren 2027"),
        ("p", "Arbetsgrupperna har lämnat lägesbedömningar enligt den mall som styrgruppen fastställde den "
              "4 mars 2027 (§ 4). Fem av sju arbetsgrupper bedömer sina aktiviteter som gröna och två som gula."),
        ("p", "Styrgruppen lade lägesbedömningarna till handlingarna."),
        ("h", "§ 4. Introduktion av nya deltagare i MSV KLL"),
        ("p", "Kansliet presenterade ett upplägg med välkomstmaterial, en digital grundkurs och återkommande "
              "välkomstträffar."),
        ("p", "Styrgruppen godkände upplägget med ändringen att välkomstträffarna hålls digitalt två gånger per "
              "termin i stället för fysiskt varje kvartal."),
        ("h", "§ 5. Arbetsgrupp STEM – uppföljning av STEM-strategin"),
        ("p", "Styrgruppen gav arbetsgrupp STEM i uppdrag att ta fram ett inspel om hur genomförandet av "
              "regeringens STEM-strategi kan följas upp, att lämnas till styrgruppen senast den 30 september 2027."),
        ("h", "§ 6. Nyhetsbrev"),
        ("p", "Styrgruppen beslutade att MSV KLL:s nyhetsbrev ska ges ut fyra gånger per år från och med hösten 2027."),
        ("h", "§ 7. Nästa möte"),
        ("p", "Nästa möte: 14 oktober 2027."),
        ("p", "Vid protokollet: Linnea Strand. Justeras: Eva Holmgren, Per Sandell."),
    ],
    "2027-09-09_arbetsgrupp-vagledning_minnesanteckningar.pdf": [
        ("title", "Minnesanteckningar – arbetsgrupp vägledning, 9 september 2027"),
        ("p", "FIKTIVT EXEMPEL – påhittade anteckningar för utvärdering."),
        ("p", "Deltagare: Anna Lindqvist (UHR, processledare), Mats Berg (Arbetsförmedlingen), Sara Öberg "
              "(Skolverket), Kristina Dahl (MYH), Eva Nygren (Region Västerbotten)."),
        ("h", "1. Välkommen och föregående anteckningar"),
        ("p", "Anteckningarna från den 18 mars gicks igenom utan kommentarer."),
        ("h", "2. Utkast till strategi för livslång vägledning"),
        ("p", "Anna och Mats presenterade utkastet, som tagits fram enligt det som gruppen kom överens om i mars. "
              "Gruppen lämnade synpunkter på målgrupper och uppföljning."),
        ("p", "Beslut: Arbetsgruppen godkände utkastet till strategi för livslång vägledning och överlämnade det "
              "till styrgruppen för beslut vid mötet den 14 oktober."),
        ("h", "3. Regional medverkan"),
        ("p", "Gruppen beslutade att Region Västerbotten fortsätter som adjungerad ledamot under hösten 2027."),
        ("h", "4. Omvärld"),
        ("p", "Regeringen har gett UHR i uppdrag att kartlägga vägledning för yrkesverksamma som vill studera. "
              "Gruppen diskuterade hur uppdraget berör strategin."),
        ("p", "Ingen åtgärd beslutades."),
        ("h", "5. Nästa möte"),
        ("p", "Nästa möte bestäms via e-post."),
        ("p", "Antecknat av: Kristina Dahl"),
    ],
}

FIXED_ZIP_TIME = (2028, 3, 1, 12, 0, 0)


def make_docx(name, items):
    doc = Document()
    cp = doc.core_properties
    cp.author = "MSV KLL kansliet (fiktivt)"
    cp.last_modified_by = "MSV KLL kansliet (fiktivt)"
    cp.title = items[0][1]
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    cp.comments = "FIKTIVT EXEMPEL"
    for style, text in items:
        if style == "title":
            doc.add_heading(text, level=1)
        elif style == "h":
            doc.add_heading(text, level=2)
        elif style == "b":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    # Rewrite the zip with fixed timestamps and a stable member order.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            dst.writestr(zi, src.read(info.filename))
    with open(os.path.join(HERE, name), "wb") as fh:
        fh.write(out.getvalue())


def make_pdf(name, items):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_title(items[0][1])
    pdf.set_author("MSV KLL kansliet (fiktivt)")
    pdf.set_creator("make_files.py")
    pdf.set_producer("make_files.py")
    pdf.set_subject("FIKTIVT EXEMPEL")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for style, text in items:
        if style == "title":
            pdf.set_font("DejaVu", size=15)
            pdf.multi_cell(0, 8, text, align="L")
            pdf.ln(3)
        elif style == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", size=12.5)
            pdf.multi_cell(0, 7, text, align="L")
            pdf.ln(1)
        elif style == "b":
            pdf.set_font("DejaVu", size=10.5)
            pdf.multi_cell(0, 5.5, "• " + text, align="L")
            pdf.ln(1)
        else:
            pdf.set_font("DejaVu", size=10.5)
            pdf.multi_cell(0, 5.5, text, align="L")
            pdf.ln(2)
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
