"""Writes the DOCX and PDF minutes of dev17 from the text kept here (the Markdown files are plain files).

Byte-reproducible: fixed core properties and ZIP member timestamps (DOCX); fixed creation date, producer
and hence file /ID (PDF). Core Helvetica only, so the PDF text uses '-' for dashes.
Run: /work/main/.venv/bin/python make_files.py
"""
import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIKTIVT = "FIKTIVT EXEMPEL - myndigheterna finns, men alla personer, datum, siffror och beslut är påhittade."

# Blocks: ("title", text) ("p", text) ("h", heading) ("bn", number, heading)  (bold number before the heading)

BEREDNING_0207 = [
    ("title", "Minnesanteckningar - Beredningsgruppen MSV KLL"),
    ("p", FIKTIVT),
    ("p", "Datum: 7 februari 2043, kl. 14.00-15.30, digitalt möte"),
    ("p", "Deltagare: Sara Lundmark (sammankallande, MYH), Erik Holm (Arbetsförmedlingen), Johanna Bäck (Skolverket), "
          "Daniel Öhman (Tillväxtverket), Hanna Wiberg (sekretariatet, antecknare)"),
    ("h", "Punkt 1. Inledning"),
    ("p", "Dagordningen godkändes utan ändringar."),
    ("h", "Punkt 2. Tidplan för lägesbedömningarna"),
    ("p", "Flera processledare har framfört att höstens lägesbedömning i dag ska lämnas samtidigt som underlaget "
          "till årsrapporten tas fram, och att vårens lägesbedömning krockar med arbetsplaneringen."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen att arbetsgruppernas lägesbedömningar lämnas två "
          "gånger per år, senast den 15 maj och den 15 november."),
    ("h", "Punkt 3. Arbetsordningen"),
    ("p", "Styrgruppen fastställde den 19 januari 2043 arbetsordningen för MSV KLL. Sekretariatet informerade om att "
          "den publiceras på samarbetsytan den 1 februari. Noterades."),
    ("h", "Punkt 4. Inför styrgruppens möte i mars"),
    ("p", "Frågan om höstens kickoff läggs fram för beslut vid styrgruppens möte den 16 mars. Sekretariatet har redan "
          "tagit fram en kostnadsberäkning, som bifogas underlaget."),
    ("p", "Beredningsgruppen beslutade att bjuda in processledaren för mötesplatsgruppen till sitt möte i augusti."),
    ("h", "Punkt 5. Nästa möte"),
    ("p", "Nästa möte hålls den 29 augusti 2043."),
]

MOTESPLATSER_0404 = [
    ("title", "Anteckningar från möte i arbetsgruppen Mötesplatser och arrangemang"),
    ("p", FIKTIVT),
    ("p", "4 april 2043, Tillväxtverket, Stockholm"),
    ("p", "Deltagare: Fredrik Alm (processledare, Tillväxtverket), Nora Själin (MYH), Petra Vik (Vinnova), "
          "Leo Granath (UKÄ), Ida Mård (Folkbildningsrådet)"),
    ("h", "Förra mötets anteckningar"),
    ("p", "Anteckningarna från den 14 februari 2043 godkändes."),
    ("h", "Kickoffen"),
    ("p", "Styrgruppen beslutade den 16 mars att ställa in höstens fysiska kickoff och i stället hålla webbinarier. "
          "Gruppen beklagar beslutet och konstaterade att flera deltagare har hört av sig. Ingen åtgärd från "
          "gruppens sida."),
    ("h", "Styrgruppens uppdrag om utvärdering"),
    ("p", "Styrgruppen har gett gruppen i uppdrag att ta fram en utvärderingsmall och en webbinariekalender till den "
          "31 augusti."),
    ("p", "Gruppen beslutade att Petra och Leo tar fram ett utkast till utvärderingsmall som prövas på vårens två "
          "webbinarier i maj. Webbinariekalendern tas upp efter sommaren."),
    ("h", "Erfarenhetsutbyte med Reglab"),
    ("p", "Gruppen beslutade att delta med två personer i Reglabs årskonferens i juni 2043."),
    ("h", "Nästa möte"),
    ("p", "Efter sommaren, Fredrik skickar förslag på datum."),
]

GD_0420 = [
    ("title", "Protokoll - GD-gruppen, Myndighetssamverkan för kompetensförsörjning och livslångt lärande"),
    ("p", FIKTIVT),
    ("p", "Datum: 20 april 2043. Plats: Skolverket, Stockholm."),
    ("p", "Närvarande: generaldirektörerna för samtliga myndigheter i MSV KLL samt Folkbildningsrådets "
          "generalsekreterare. Ordförande: Gunilla Rask (MYH). Sekreterare: Hanna Wiberg."),
    ("h", "Ärende 1 Mötets öppnande"),
    ("p", "Mötet öppnades och dagordningen godkändes."),
    ("h", "Ärende 2 Rapport från styrgruppen"),
    ("p", "Styrgruppens ordförande Karin Österberg redogjorde för styrgruppens arbete sedan december, bland annat "
          "beslutet om arbetsordningen och den nya rutinen för halvårsrapportering. GD-gruppen tackade för "
          "informationen."),
    ("h", "Ärende 3 En nationell konferens 2044"),
    ("p", "MSV har hittills inte stått värd för en egen nationell mötesplats för aktörer inom "
          "kompetensförsörjningsområdet."),
    ("p", "GD-gruppen gav styrgruppen i uppdrag att ta fram ett förslag till en nationell konferens om "
          "kompetensförsörjning och livslångt lärande under 2044, med förslag till värdmyndighet, ort, tidpunkt "
          "och budget. Förslaget redovisas vid GD-gruppens möte i november 2043."),
    ("h", "Ärende 4 Gemensam mötesplats för deltagarna"),
    ("p", "Flera myndigheter har framfört att den gemensamma kickoffen är MSV:s viktigaste forum för deltagarna i "
          "arbetsgrupperna."),
    ("p", "GD-gruppen beslutade att upphäva styrgruppens beslut den 16 mars 2043 (§ 6). En fysisk kickoff för "
          "samtliga deltagare ska genomföras under hösten 2043."),
    ("h", "Ärende 5 Nytt regeringsuppdrag"),
    ("p", "Regeringen beslutade den 30 mars 2043 att ge Tillväxtverket i uppdrag att stödja regionernas arbete med "
          "kompetensplattformar. GD-gruppen noterade informationen."),
    ("h", "Ärende 6 Nästa möte"),
    ("p", "Nästa möte hålls den 21 november 2043."),
]

INTRODUKTION_0905 = [
    ("title", "Minnesanteckningar - Arbetsgruppen för introduktion av nya deltagare i MSV KLL"),
    ("p", FIKTIVT),
    ("p", "Datum: 5 september 2043. Plats: UHR, Solna, och Teams."),
    ("p", "Närvarande: Ylva Hedin (processledare, UHR), Mats Ekström (MYH), Rebecka Sund (Arbetsförmedlingen), "
          "Jonas Lilja (Skolverket), Amina Yusuf (Svenska ESF-rådet). Antecknare: Jonas Lilja."),
    ("h", "1. Föregående anteckningar"),
    ("p", "Anteckningarna från den 24 februari 2043 godkändes."),
    ("h", "2. Välkomstmaterialet"),
    ("p", "Intervjuerna visade att nya deltagare framför allt saknar en överblick över vem som beslutar vad i "
          "samverkan. Utkastet har därför byggts kring en kort film, en välkomstguide på tio sidor och ett "
          "digitalt introduktionstillfälle två gånger per termin."),
    ("p", "Arbetsgruppen beslutade att överlämna välkomstmaterialet - välkomstguiden, filmen och upplägget för de "
          "digitala introduktionstillfällena - till styrgruppen för fastställande."),
    ("h", "3. Mentorsordning för nya processledare"),
    ("p", "Amina presenterade sitt förslag, som stämts av vid processledarmötet i augusti."),
    ("p", "Arbetsgruppen beslutade att införa en mentorsordning där varje ny processledare under sitt första "
          "halvår får en erfaren processledare som mentor. Ordningen gäller från den 1 oktober 2043."),
    ("h", "4. Engelsk version"),
    ("p", "Frågan om introduktion på engelska diskuterades igen. Gruppen kom inte fram till något och återkommer."),
    ("h", "5. Nästa möte"),
    ("p", "Ylva skickar en förfrågan om datum i november."),
]

STYRGRUPP_0316 = [
    ("title", "Protokoll - Styrgruppen MSV KLL, 16 mars 2043"),
    ("p", FIKTIVT),
    ("p", "Plats: Arbetsförmedlingen, Stockholm, och digitalt. Tid: kl. 09.00-12.00."),
    ("p", "Närvarande: Karin Österberg (ordförande, MYH), Anders Falk, Lina Sahlin, Per Envall, Maja Rydén, "
          "Omar Haddad, Sofia Berglind, Tove Lindahl, Jesper Nyman, Elin Qvist. Sekreterare: Hanna Wiberg."),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Mötet öppnades och dagordningen fastställdes med tillägg av en övrig fråga."),
    ("h", "§ 2 Justerare"),
    ("p", "Sofia Berglind utsågs att justera protokollet."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från den 19 januari 2043 lades till handlingarna."),
    ("h", "§ 4 Rutin för halvårsrapportering"),
    ("p", "Beredningsgruppen har föreslagit nya datum för arbetsgruppernas rapportering till styrgruppen. "
          "Styrgruppen diskuterade om datumen bör ligga närmare styrgruppens möten."),
    ("p", "Styrgruppen fastställde rutinen för arbetsgruppernas halvårsrapportering med ändringen att "
          "lägesbedömningarna lämnas senast den 1 juni och den 1 december."),
    ("h", "§ 5 Arbetsgruppernas tidplaner"),
    ("p", "Sekretariatet gav den fördjupade dragning om arbetsgruppernas tidplaner som aviserades i januari. "
          "Styrgruppen tackade för dragningen."),
    ("h", "§ 6 Höstens kickoff"),
    ("p", "Sekretariatet redovisade kostnadsberäkningen för en fysisk kickoff för cirka 80 deltagare."),
    ("p", "Styrgruppen beslutade att ställa in den fysiska kickoffen hösten 2043 och i stället genomföra tre "
          "digitala webbinarier för samtliga deltagare."),
    ("p", "Maja Rydén (Tillväxtverket) reserverade sig mot beslutet."),
    ("h", "§ 7 Introduktionsgruppens uppdrag - ny tidplan"),
    ("p", "Arbetsgruppen för introduktion har begärt mer tid, eftersom underlag från flera myndigheter saknas. "
          "Redovisningstiden förlängdes till den 30 september 2043."),
    ("h", "§ 8 Regeringsuppdrag om vägledning"),
    ("p", "Regeringen beslutade den 9 mars 2043 att ge Skolverket och MYH i uppdrag att kartlägga vuxnas tillgång "
          "till studie- och yrkesvägledning. Styrgruppen noterade informationen."),
    ("h", "§ 9 Utvärdering av MSV:s arrangemang"),
    ("p", "MSV saknar ett gemensamt sätt att följa upp sina konferenser, seminarier och webbinarier."),
    ("p", "Styrgruppen uppdrog åt arbetsgruppen för mötesplatser och arrangemang att dels ta fram en gemensam mall "
          "för utvärdering av MSV:s arrangemang, dels föreslå en kalender för MSV:s webbinarier under hösten 2043. "
          "Båda delarna redovisas senast den 31 augusti 2043."),
    ("h", "§ 10 Nästa möte"),
    ("p", "Nästa möte hålls den 8 juni 2043."),
]

BEREDNING_0829 = [
    ("title", "Beredningsgruppen MSV KLL - minnesanteckningar 29 augusti 2043"),
    ("p", FIKTIVT),
    ("p", "Digitalt möte kl. 13.00-14.30. Deltagare: Sara Lundmark (MYH), Erik Holm (Arbetsförmedlingen), "
          "Johanna Bäck (Skolverket), Daniel Öhman (Tillväxtverket), Fredrik Alm (gäst, punkt 3), "
          "Hanna Wiberg (sekretariatet)."),
    ("bn", "1", "Inledning"),
    ("p", "Dagordningen godkändes."),
    ("bn", "2", "Ersättarregeln i AO"),
    ("p", "Styrgruppen gav den 8 juni beredningsgruppen i uppdrag att se över regeln om ersättare. Som regeln lyder "
          "i dag har flera styrgruppsmöten saknat beslutande ledamöter från en eller två myndigheter."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen att en ersättare får delta i beslut när den "
          "ordinarie ledamoten är förhindrad, under förutsättning att ersättaren anmälts till sekretariatet senast "
          "två arbetsdagar före mötet."),
    ("bn", "3", "Besök från mötesplatsgruppen"),
    ("p", "Fredrik Alm, processledare för arbetsgruppen Mötesplatser, berättade om planeringen av kickoffen den 14 "
          "oktober och om arbetet med underlaget till en nationell konferens. Underlaget läggs fram för beslut i "
          "arbetsgruppen i september. Noterades."),
    ("bn", "4", "Styrgruppens möte i oktober"),
    ("p", "Beredningsgruppen beslutade att sekretariatet bjuder in SCB till styrgruppens möte i oktober för en "
          "dragning om statistik över kompetensförsörjningen."),
    ("bn", "5", "Nästa möte"),
    ("p", "Nästa möte hålls den 31 oktober 2043."),
]

STYRGRUPP_1010 = [
    ("title", "Protokoll - Styrgruppen MSV KLL, 10 oktober 2043"),
    ("p", FIKTIVT),
    ("p", "Plats: Skolverket, Stockholm. Tid: kl. 09.30-12.30."),
    ("p", "Närvarande: Karin Österberg (ordförande, MYH), Anders Falk, Lina Sahlin, Per Envall, Maja Rydén, "
          "Omar Haddad, Viktor Ahl, Tove Lindahl, Jesper Nyman, Elin Qvist. Sekreterare: Hanna Wiberg."),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Dagordningen fastställdes."),
    ("h", "§ 2 Justerare"),
    ("p", "Lina Sahlin valdes att justera protokollet."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från den 8 juni 2043 lades till handlingarna."),
    ("h", "§ 4 MSV:s nationella konferens 2044"),
    ("p", "Arbetsgruppen Mötesplatser har jämfört tre orter och tagit fram ett förslag till upplägg och budget."),
    ("p", "Styrgruppen ställde sig bakom arbetsgruppens förslag om en nationell konferens den 12-13 maj 2044 i "
          "Norrköping med Tillväxtverket som värdmyndighet och beslutade att överlämna förslaget till GD-gruppen."),
    ("h", "§ 5 Introduktion för nya deltagare"),
    ("p", "Ylva Hedin, processledare, presenterade välkomstguiden, filmen och upplägget för de digitala "
          "introduktionstillfällena."),
    ("p", "Styrgruppen fastställde introduktionsmaterialet för nya deltagare i MSV KLL. Sekretariatet ansvarar för "
          "att de digitala introduktionstillfällena genomförs från och med våren 2044."),
    ("h", "§ 6 Ändring i arbetsordningen"),
    ("p", "Beredningsgruppen har lämnat ett förslag om ersättare."),
    ("p", "Styrgruppen beslutade, med ändring av beslutet den 19 januari 2043 (§ 7), att en ersättare får delta i "
          "beslut när den ordinarie ledamoten är förhindrad, om ersättaren har anmälts till sekretariatet senast "
          "två arbetsdagar före mötet. Ändringen gäller från den 1 november 2043."),
    ("h", "§ 7 Utvärdering av MSV:s arrangemang"),
    ("p", "Arbetsgruppen Mötesplatser har lämnat utvärderingsmallen, men inte förslaget till webbinariekalender."),
    ("p", "Styrgruppen godkände mallen för utvärdering av MSV:s arrangemang."),
    ("p", "Styrgruppen uppdrog åt arbetsgruppen för mötesplatser och arrangemang att redovisa kalendern för MSV:s "
          "webbinarier under våren 2044 senast den 1 december 2043."),
    ("h", "§ 8 Sammanträdesplan för 2044"),
    ("p", "Ärendet bordlades vid mötet i juni."),
    ("p", "Styrgruppen fastställde mötesplanen för 2044 med fyra möten: 7 februari, 24 april, 12 juni och "
          "9 oktober."),
    ("h", "§ 9 Dragning från SCB"),
    ("p", "Elin Qvist, SCB, presenterade ny statistik över kompetensförsörjningen i regionerna. Styrgruppen "
          "tackade för dragningen."),
    ("h", "§ 10 Nästa möte"),
    ("p", "Nästa möte hålls den 7 februari 2044."),
]

DOCX = {
    "2043-02-07_beredningsgrupp_minnesanteckningar.docx": BEREDNING_0207,
    "2043-04-04_arbetsgrupp-motesplatser_minnesanteckningar.docx": MOTESPLATSER_0404,
    "2043-04-20_gd-grupp_protokoll.docx": GD_0420,
    "2043-09-05_arbetsgrupp-introduktion_minnesanteckningar.docx": INTRODUKTION_0905,
}
PDF = {
    "2043-03-16_styrgrupp_protokoll.pdf": STYRGRUPP_0316,
    "2043-08-29_beredningsgrupp_minnesanteckningar.pdf": BEREDNING_0829,
    "2043-10-10_styrgrupp_protokoll.pdf": STYRGRUPP_1010,
}

FIXED = datetime(2043, 12, 1, 12, 0, 0, tzinfo=timezone.utc)


def write_docx(name, blocks):
    d = docx.Document()
    cp = d.core_properties
    cp.author = "Sekretariatet MSV KLL"
    cp.last_modified_by = "Sekretariatet MSV KLL"
    cp.title = blocks[0][1]
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    for b in blocks:
        if b[0] == "title":
            d.add_heading(b[1], level=1)
        elif b[0] == "h":
            d.add_heading(b[1], level=2)
        elif b[0] == "p":
            d.add_paragraph(b[1])
        else:
            raise ValueError(b)
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2043, 12, 1, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    (HERE / name).write_bytes(out.getvalue())


def latin(s):
    return s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")


def write_pdf(name, blocks):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("dev17 make_files.py")
    pdf.set_author("Sekretariatet MSV KLL")
    pdf.set_title(latin(blocks[0][1]))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    for b in blocks:
        if b[0] == "title":
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 7, latin(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, latin(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "bn":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(10, 6, b[1])
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, latin(b[2]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "p":
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, latin(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            raise ValueError(b)
    pdf.output(str(HERE / name))


if __name__ == "__main__":
    for n, b in DOCX.items():
        write_docx(n, b)
    for n, b in PDF.items():
        write_pdf(n, b)
    print("wrote", len(DOCX), "docx and", len(PDF), "pdf")
