"""Writes the 4 DOCX and 3 PDF minutes of dev16 from the text below (FIKTIVT EXEMPEL).

Byte-reproducible: fixed core properties and ZIP member timestamps (DOCX); fixed creation
date, producer and file /ID, core Helvetica only (PDF). The Markdown minutes are plain files.
Run:  /work/main/.venv/bin/python make_files.py
"""
import datetime
import io
import zipfile
from pathlib import Path

import docx
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2042, 12, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
MARK = "FIKTIVT EXEMPEL - personer, datum och beslut är påhittade."

# Block kinds: T title, M marker, P paragraph, H heading, N (number, heading) bold number + heading
DOCS = {}

DOCS["2042-02-09_beredningsgrupp_minnesanteckningar.docx"] = [
    ("T", "Minnesanteckningar - Beredningsgruppen MSV KLL"),
    ("M", MARK),
    ("P", "Datum: 9 februari 2042, digitalt möte"),
    ("P", "Deltagare: Anders Hult (sekretariatet, sammankallande), Malin Öberg (MYH), Rasmus Kahn (Skolverket), Fatima Said (UHR), Jonas Ek (Arbetsförmedlingen)"),
    ("H", "Punkt 1. Dagordning"),
    ("P", "Dagordningen godkändes."),
    ("H", "Punkt 2. Mall för arbetsplaner 2043"),
    ("P", "Beredningsgruppen har gått igenom erfarenheterna av den mall för arbetsplanering som arbetsgrupperna använt sedan förstudierna. Flera processledare har efterfrågat en tydligare koppling mellan insatser och resultatmål."),
    ("P", "Beredningsgruppen enades om att föreslå styrgruppen att mallen för arbetsplaner från 2043 ska innehålla en förändringslogik för varje insats och en uppskattning av behovet av processtöd."),
    ("H", "Punkt 3. Styrgruppens beslut om processtöd"),
    ("P", "Sekretariatet påminde om styrgruppens beslut den 20 januari 2042 om högst 40 timmar processtöd per arbetsgrupp och halvår. Beredningsgruppen diskuterade hur timmarna ska registreras. Ingen åtgärd."),
    ("H", "Punkt 4. Inför styrgruppens möte i mars"),
    ("P", "Beredningsgruppen gick igenom dagordningen för styrgruppens möte den 17 mars. Sekretariatets förslag om en gemensam samarbetsyta läggs fram för beslut i mars."),
    ("H", "Punkt 5. Mötestider hösten 2042"),
    ("P", "Beredningsgruppen beslutade att under hösten 2042 hålla sina möten två veckor före varje styrgruppsmöte."),
]

DOCS["2042-04-07_arbetsgrupp-processtod_minnesanteckningar.docx"] = [
    ("T", "Minnesanteckningar, processtödsgruppen"),
    ("M", MARK),
    ("P", "Arbetsgruppen för processtöd, 7 april 2042, Skolverket Stockholm och Teams"),
    ("P", "Deltagare: Lisa Holm (processledare, UHR), Erik Sandberg (Skolverket), Maja Ståhl (MYH), Johan Nilsson (Folkbildningsrådet), Anders Hult (sekretariatet)"),
    ("H", "Genomgång av förra mötet"),
    ("P", "Anteckningarna från den 24 februari godkändes."),
    ("H", "Styrgruppens uppdrag om introduktion och erfarenhetsutbyte"),
    ("P", "Styrgruppen gav den 17 mars gruppen i uppdrag att ta fram ett introduktionspaket för nya processledare och en modell för erfarenhetsutbyte, båda till den 30 september."),
    ("P", "Gruppen beslutade att Maja Ståhl och Johan Nilsson tar fram ett utkast till introduktionspaket som prövas med två nya processledare under maj och juni, och att modellen för erfarenhetsutbyte tas upp efter sommaren."),
    ("H", "Uppföljning av timtaket"),
    ("P", "Styrgruppen beslöt i januari att processtödet begränsas till 40 timmar per grupp och halvår. Flera grupper har redan förbrukat största delen av sina timmar."),
    ("P", "Gruppen beslutade att Erik Sandberg följer upp hur många timmar varje arbetsgrupp har använt under första halvåret och redovisar det för gruppen i september."),
    ("H", "Nästa möte"),
    ("P", "22 september 2042."),
]

DOCS["2042-04-22_gd-grupp_protokoll.docx"] = [
    ("T", "Protokoll - GD-gruppen för MSV KLL"),
    ("M", MARK),
    ("P", "Datum: 22 april 2042. Plats: Arbetsförmedlingen, Stockholm"),
    ("P", "Närvarande: Thomas Ekholm (ordförande, MYH), Annika Borg (Arbetsförmedlingen), Fredrik Holmér (Skolverket), Susanne Vik (Svenska ESF-rådet), Lars Ödman (Tillväxtverket), Petra Ahl (UKÄ), Nils Granath (UHR), Birgitta Sand (Folkbildningsrådet), Cecilia Dahl (Vinnova), Martin Roos (SCB)"),
    ("P", "Föredragande: Helena Strand (styrgruppens ordförande). Sekreterare: Anders Hult"),
    ("H", "Ärende 1 Mötets öppnande"),
    ("P", "Mötet öppnades. Dagordningen godkändes."),
    ("H", "Ärende 2 Rapport från styrgruppen"),
    ("P", "Helena Strand rapporterade från styrgruppens möten den 20 januari och den 17 mars 2042, bland annat att styrgruppen gett arbetsgruppen för policyutveckling i uppdrag att ta fram en modell för policyförslag. GD-gruppen tackade för informationen."),
    ("H", "Ärende 3 Fler myndigheter i samverkan"),
    ("P", "Försäkringskassan och Arbetsmiljöverket har uttryckt intresse för att delta i MSV KLL. Det saknas i dag ett förfarande för hur nya myndigheter ansluts."),
    ("P", "GD-gruppen beslutade att ge styrgruppen i uppdrag att ta fram ett förslag till förfarande för anslutning av nya myndigheter till samverkan. Förslaget ska återrapporteras till GD-gruppen vid mötet i november 2042."),
    ("H", "Ärende 4 Digitala samarbetsverktyg"),
    ("P", "Flera myndigheter avråder av dataskyddsskäl från samarbete i molntjänster."),
    ("P", "GD-gruppen beslutade att upphäva styrgruppens beslut den 17 mars 2042 om en gemensam samarbetsyta i molntjänst. Arbetsmaterial delas tills vidare via e-post och respektive myndighets egna system."),
    ("H", "Ärende 5 Regeringsuppdrag"),
    ("P", "Regeringen beslutade den 3 april 2042 att ge Skolverket och MYH i uppdrag att utreda en nationell struktur för studie- och yrkesvägledning för vuxna. GD-gruppen noterade informationen."),
    ("H", "Ärende 6 Nästa möte"),
    ("P", "Nästa möte hålls den 17 november 2042."),
]

DOCS["2042-09-08_arbetsgrupp-policyutveckling_minnesanteckningar.docx"] = [
    ("T", "Minnesanteckningar - Arbetsgruppen för policyutveckling"),
    ("M", MARK),
    ("P", "8 september 2042, Tillväxtverket, Stockholm"),
    ("P", "Närvarande: Karin Sjöö (processledare), Hugo Lindgren, Nadia Berg, Ali Reza, Anders Hult (sekretariatet)"),
    ("H", "1. Föregående anteckningar"),
    ("P", "Anteckningarna från mötena den 3 mars och den 5 maj godkändes."),
    ("H", "2. Arbetsgång för gemensamma inspel"),
    ("P", "Hugo Lindgren och Ali Reza presenterade modellen, som under sommaren prövats på gruppens inspel om yrkesinriktad vuxenutbildning."),
    ("P", "Gruppen beslutade att överlämna förslaget till arbetsgång för gemensamma inspel till Regeringskansliet till styrgruppen för fastställande. Arbetsgången omfattar fyra steg: problembeskrivning i arbetsgruppen, förankring i beredningsgruppen, beslut i styrgruppen och expediering via sekretariatet."),
    ("H", "3. STEM-lärdomarna"),
    ("P", "Nadia Berg presenterade sin sammanställning av erfarenheterna från STEM-skrivelsen."),
    ("P", "Gruppen godkände PM:et om erfarenheterna från STEM-arbetet och beslutade att det ska bifogas arbetsgången som stöd för processledarna."),
    ("H", "4. Task force"),
    ("P", "Gruppen diskuterade åter OECD:s förslag om ett task force-baserat arbetssätt. Ingen ytterligare åtgärd."),
    ("H", "5. Nästa möte"),
    ("P", "10 november 2042."),
]

PDFS = {}

PDFS["2042-03-17_styrgrupp_protokoll.pdf"] = [
    ("T", "PROTOKOLL - Styrgruppen MSV KLL"),
    ("M", MARK),
    ("P", "Datum: 17 mars 2042, kl. 13.00-16.00. Plats: Skolverket, Stockholm"),
    ("P", "Närvarande: Helena Strand (ordförande, MYH), Per Olausson (Arbetsförmedlingen), Lina Bergkvist (Skolverket), Omar Haddad (Svenska ESF-rådet), Karin Sjöö (Tillväxtverket), Tobias Wallin (UKÄ), Sara Nyholm (UHR), Eva Lund (Folkbildningsrådet), Mikael Ros (Vinnova), Jenny Falk (SCB). Sekreterare: Anders Hult"),
    ("H", "§ 1 Öppnande och dagordning"),
    ("P", "Dagordningen fastställdes med tillägg av en informationspunkt om OECD."),
    ("H", "§ 2 Justerare"),
    ("P", "Omar Haddad valdes att jämte ordföranden justera protokollet."),
    ("H", "§ 3 Föregående protokoll"),
    ("P", "Protokollet från mötet den 20 januari 2042 godkändes."),
    ("H", "§ 4 Arbetsplanering 2043"),
    ("P", "Beredningsgruppen har föreslagit att mallen för arbetsplaner kompletteras med förändringslogik och en uppskattning av behovet av processtöd."),
    ("P", "Styrgruppen fastställde den reviderade mallen för arbetsgruppernas arbetsplaner att användas från 2043, med tillägget att varje arbetsplan också ska ange hur de horisontella perspektiven beaktas."),
    ("H", "§ 5 Arbetsordningen"),
    ("P", "Flera myndigheter har lämnat synpunkter sent. Ärendet bordlades till styrgruppens möte den 2 juni 2042."),
    ("H", "§ 6 Gemensam digital samarbetsyta"),
    ("P", "Sekretariatet föreslog att arbetsgrupperna delar arbetsmaterial på en gemensam yta i stället för via e-post."),
    ("P", "Styrgruppen beslutade att en gemensam digital samarbetsyta i molntjänst införs för arbetsgruppernas arbetsmaterial från den 1 maj 2042."),
    ("P", "Jenny Falk (SCB) reserverade sig mot beslutet med hänvisning till myndighetens bedömning av dataskyddet."),
    ("H", "§ 7 Lägesbedömningar hösten 2041"),
    ("P", "Sekretariatet sammanfattade arbetsgruppernas lägesbedömningar: fem gröna, två gula och ingen röd. Styrgruppen noterade informationen."),
    ("H", "§ 8 Introduktion och erfarenhetsutbyte"),
    ("P", "Processledarna har i sekretariatets enkät efterfrågat bättre introduktion och fler tillfällen att hitta synergier mellan grupperna."),
    ("P", "Styrgruppen beslutade att ge arbetsgruppen för processtöd i uppdrag att dels ta fram ett introduktionspaket för nya processledare, dels föreslå en modell för erfarenhetsutbyte mellan arbetsgrupperna. Båda delarna ska redovisas senast den 30 september 2042."),
    ("H", "§ 9 OECD"),
    ("P", "Tobias Wallin informerade om OECD:s uppföljningsseminarium i maj. Informationen noterades."),
    ("H", "§ 10 Nästa möte"),
    ("P", "Nästa möte hålls den 2 juni 2042."),
    ("P", "Vid protokollet: Anders Hult. Justeras: Helena Strand, Omar Haddad"),
]

PDFS["2042-08-25_beredningsgrupp_minnesanteckningar.pdf"] = [
    ("T", "Beredningsgruppen MSV KLL - minnesanteckningar 25 augusti 2042"),
    ("M", MARK),
    ("P", "Deltagare: Anders Hult (sekretariatet), Malin Öberg (MYH), Rasmus Kahn (Skolverket), Fatima Said (UHR), Jonas Ek (Arbetsförmedlingen)"),
    ("N", ("1", "Dagordning och föregående anteckningar")),
    ("P", "Dagordningen godkändes och anteckningarna från mötet den 9 februari 2042 lades till handlingarna."),
    ("N", ("2", "Nya parter i samverkan")),
    ("P", "Styrgruppen uppdrog den 2 juni åt beredningsgruppen att bereda frågan om anslutning av nya myndigheter. Beredningsgruppen har samrått med Försäkringskassan och Arbetsmiljöverket."),
    ("P", "Beredningsgruppen enades om att föreslå styrgruppen ett förfarande i två steg: en myndighet som vill ansluta lämnar en avsiktsförklaring och deltar därefter som observatör i ett år innan GD-gruppen beslutar om fullt deltagande."),
    ("N", ("3", "Kick-off 10 september")),
    ("P", "Sekretariatet informerade om programmet för kick-offen. Informationen noterades."),
    ("N", ("4", "Inför styrgruppens möte i oktober")),
    ("P", "Policymodellen och introduktionspaketet för nya processledare läggs fram för beslut i oktober."),
    ("N", ("5", "Nästa möte")),
    ("P", "29 september 2042."),
]

PDFS["2042-10-13_styrgrupp_protokoll.pdf"] = [
    ("T", "PROTOKOLL - Styrgruppen MSV KLL"),
    ("M", MARK),
    ("P", "Datum: 13 oktober 2042, kl. 13.00-16.00. Plats: MYH, Västerås"),
    ("P", "Närvarande: Helena Strand (ordförande, MYH), Per Olausson (Arbetsförmedlingen), Lina Bergkvist (Skolverket), Omar Haddad (Svenska ESF-rådet), Karin Sjöö (Tillväxtverket), Tobias Wallin (UKÄ), Sara Nyholm (UHR), Eva Lund (Folkbildningsrådet), Mikael Ros (Vinnova), Jenny Falk (SCB). Sekreterare: Anders Hult"),
    ("H", "§ 1 Dagordning"),
    ("P", "Dagordningen fastställdes."),
    ("H", "§ 2 Justerare"),
    ("P", "Per Olausson valdes att jämte ordföranden justera protokollet."),
    ("H", "§ 3 Föregående protokoll"),
    ("P", "Protokollet från mötet den 2 juni 2042 godkändes och lades till handlingarna."),
    ("H", "§ 4 Utvidgning av samverkan"),
    ("P", "Beredningsgruppen har föreslagit ett förfarande i två steg för myndigheter som vill delta i MSV KLL."),
    ("P", "Styrgruppen ställde sig bakom beredningsgruppens förslag om avsiktsförklaring och ett års observatörskap för myndigheter som vill ansluta sig och beslutade att överlämna förslaget till GD-gruppen."),
    ("H", "§ 5 Hur MSV tar fram gemensamma inspel till Regeringskansliet"),
    ("P", "Policygruppen har prövat arbetsgången på ett inspel om yrkesinriktad vuxenutbildning."),
    ("P", "Styrgruppen fastställde arbetsgången i fyra steg för gemensamma policyinspel till Regeringskansliet, med tillägget att varje inspel ska ha en ansvarig myndighet som utses av styrgruppen."),
    ("H", "§ 6 Stödtimmar till arbetsgrupperna"),
    ("P", "Styrgruppen beslutade, med ändring av beslutet den 20 januari 2042 (§ 7), att arbetsgrupper som har ett uppdrag från styrgruppen får högst 60 timmar processtöd per halvår från och med den 1 januari 2043. Övriga arbetsgrupper får även fortsättningsvis högst 40 timmar."),
    ("H", "§ 7 Introduktion av nya processledare"),
    ("P", "Processtödsgruppen har lämnat introduktionspaketet men inte modellen för erfarenhetsutbyte."),
    ("P", "Styrgruppen godkände introduktionspaketet för nya processledare att användas från november 2042."),
    ("P", "Styrgruppen beslutade att modellen för erfarenhetsutbyte mellan arbetsgrupperna ska redovisas senast den 15 december 2042."),
    ("H", "§ 8 Lägesbedömningar"),
    ("P", "Sekretariatet informerade om att höstens lägesbedömningar ska lämnas in senast den 15 november. Styrgruppen noterade informationen."),
    ("H", "§ 9 Regeringsuppdrag"),
    ("P", "Regeringen beslutade den 25 september 2042 att ge Tillväxtverket i uppdrag att stödja regionernas kompetensplattformar även 2043. Noterades."),
    ("H", "§ 10 Nästa möte"),
    ("P", "Nästa möte hålls den 8 december 2042."),
    ("P", "Vid protokollet: Anders Hult. Justeras: Helena Strand, Per Olausson"),
]


def write_docx(name, blocks):
    d = docx.Document()
    cp = d.core_properties
    cp.author = "MSV KLL sekretariatet (fiktivt)"
    cp.title = blocks[0][1]
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_modified_by = "dev16"
    cp.revision = 1
    for kind, text in blocks:
        if kind == "T":
            d.add_heading(text, level=1)
        elif kind == "M":
            d.add_paragraph().add_run(text).bold = True
        elif kind == "H":
            d.add_heading(text, level=2)
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            zi = zipfile.ZipInfo(info.filename, date_time=(2042, 12, 1, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    (HERE / name).write_bytes(out.getvalue())


def write_pdf(name, blocks):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("dev16 make_files.py")
    pdf.set_title(blocks[0][1])
    pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for kind, text in blocks:
        if kind == "T":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "M":
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "H":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "N":
            num, head = text
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(10, 6, num)
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, head, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    pdf.output(str(HERE / name))


if __name__ == "__main__":
    for n, b in DOCS.items():
        write_docx(n, b)
    for n, b in PDFS.items():
        write_pdf(n, b)
    print("wrote", len(DOCS), "docx and", len(PDFS), "pdf")
