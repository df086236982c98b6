"""Write the DOCX and PDF minutes of dev15 (the Markdown minutes are plain files beside this script).

Byte-reproducible: fixed core properties and ZIP member timestamps for DOCX, fixed creation date and
producer for PDF (core Helvetica, Latin-1 text only). Run: python make_files.py [outdir]
"""
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

FIXED = dt.datetime(2041, 12, 31, 12, 0, 0, tzinfo=dt.timezone.utc)
MARK = "FIKTIVT EXEMPEL"

# Blocks: ("title", text) ("meta", text) ("h", text) ("p", text) ("num", number, heading) ("table", rows)

DOCS = {}

DOCS["2041-01-21_styrgrupp_protokoll.docx"] = [
    ("title", MARK),
    ("title", "Protokoll från styrgruppens möte i Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("meta", "Datum: 2041-01-21, kl. 09.30–12.00"),
    ("meta", "Plats: Myndigheten för yrkeshögskolan, Stockholm, och digitalt"),
    ("meta", "Närvarande: Helena Strand (ordförande, MYH), Per Almgren (Arbetsförmedlingen), Karin Dahl (Skolverket), "
             "Omar Haddad (Svenska ESF-rådet), Lena Björk (Tillväxtverket), Sofia Wern (UKÄ), Mats Lind (UHR), "
             "Anna Rehn (Folkbildningsrådet), Jonas Ek (Vinnova), Eva Sand (SCB)"),
    ("meta", "Från sekretariatet: Linnea Berg (sekreterare), Tobias Frid"),
    ("meta", "Fiktivt exempel: personer, datum och beslut är påhittade."),
    ("h", "§ 1 Mötets öppnande och dagordning"),
    ("p", "Ordföranden öppnade mötet. Dagordningen godkändes med tillägg av en övrig fråga om lokaler för kickoffen."),
    ("h", "§ 2 Val av justerare"),
    ("p", "Styrgruppen valde Karin Dahl att jämte ordföranden justera dagens protokoll."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från mötet den 10 december 2040 lades till handlingarna."),
    ("h", "§ 4 Regleringsbrev 2041"),
    ("p", "Tobias Frid redogjorde för MYH:s regleringsbrev för 2041. Regeringen har beslutat att myndighetssamverkan "
          "ska redovisa hur externa aktörer involveras i arbetet senast den 1 mars 2042. Styrgruppen noterade informationen."),
    ("h", "§ 5 Lägesbedömningar hösten 2040"),
    ("p", "Sekretariatet presenterade en sammanställning av arbetsgruppernas lägesbedömningar. Två arbetsgrupper "
          "bedömer sina aktiviteter som gula, övriga som gröna. Informationen noterades."),
    ("h", "§ 6 Rutin för ärendeinitiering"),
    ("p", "Det saknas i dag en gemensam ordning för hur myndigheter och arbetsgrupper lyfter nya frågor till styrgruppen. "
          "Frågor har kommit in sent och utan underlag."),
    ("p", "Beslut: Styrgruppen uppdrar åt sekretariatet att ta fram en rutin för ärendeinitiering och ärendehantering "
          "som redovisas vid styrgruppens möte i juni 2041."),
    ("h", "§ 7 Arbetsplan för arbetsgruppen för externa aktörer"),
    ("p", "Processledaren Sara Nyström (Tillväxtverket) presenterade gruppens arbetsplan för 2041."),
    ("p", "Styrgruppen fastställde arbetsplanen för arbetsgruppen för involvering av externa aktörer för 2041."),
    ("h", "§ 8 Informationshanteringsplan för samverkan"),
    ("p", "Arbetsgruppen för informationshantering har påtalat att handlingar som tas fram i samverkan hanteras och "
          "bevaras på olika sätt hos myndigheterna."),
    ("p", "Beslut: Styrgruppen ger arbetsgruppen för informationshantering i uppdrag att ta fram en "
          "informationshanteringsplan för handlingar som upprättas i samverkan, med förslag om vad som ska bevaras och "
          "vad som får gallras. Uppdraget redovisas till styrgruppen senast den 31 maj 2041."),
    ("h", "§ 9 Publicering av styrgruppens protokoll"),
    ("p", "Beslut: Styrgruppen beslutade att justerade protokoll från styrgruppens möten ska publiceras på MSV:s "
          "webbplats senast två veckor efter mötet."),
    ("p", "Omar Haddad (Svenska ESF-rådet) anmälde avvikande mening och ansåg att frågan borde sekretessprövas först."),
    ("h", "§ 10 Kickoff 2041"),
    ("p", "Beslut: Styrgruppen beslutade att vårens kickoff för samtliga deltagare genomförs den 6 maj 2041 i Göteborg, "
          "med Skolverket som värd."),
    ("h", "§ 11 Nästa möte"),
    ("p", "Nästa möte hålls den 30 mars 2041."),
    ("meta", "Vid protokollet: Linnea Berg"),
    ("meta", "Justeras: Helena Strand, Karin Dahl"),
]

DOCS["2041-02-25_gd-grupp_protokoll.pdf"] = [
    ("title", MARK),
    ("title", "Protokoll - GD-gruppen för MSV KLL"),
    ("meta", "Datum: 2041-02-25, kl. 14.00-16.00"),
    ("meta", "Plats: Skolverket, Stockholm"),
    ("meta", "Närvarande: Ulrika Sjöberg (ordförande, MYH), Anders Wikström (Arbetsförmedlingen), Cecilia Norén "
             "(Skolverket), Håkan Lilja (Svenska ESF-rådet), Birgitta Roos (Tillväxtverket), Johan Malm (UKÄ), "
             "Therese Falk (UHR), Gunnar Eklund (Folkbildningsrådet), Nina Berglund (Vinnova), Peter Hallin (SCB)"),
    ("meta", "Övriga: Helena Strand (styrgruppens ordförande), Linnea Berg (sekreterare)"),
    ("meta", "Fiktivt exempel: personer, datum och beslut är påhittade."),
    ("h", "Ärende 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet och dagordningen godkändes."),
    ("h", "Ärende 2 Information från styrgruppen"),
    ("p", "Styrgruppens ordförande Helena Strand informerade om styrgruppens möte den 21 januari, bland annat om "
          "arbetsplanen för arbetsgruppen för externa aktörer och vårens kickoff i Göteborg. GD-gruppen tackade för "
          "informationen."),
    ("h", "Ärende 3 Styrgruppens protokoll på webben"),
    ("p", "Styrgruppen beslutade den 21 januari 2041 att justerade protokoll ska publiceras på MSV:s webbplats. Flera "
          "myndigheter har framfört att protokollen kan innehålla uppgifter som behöver prövas enligt offentlighets- "
          "och sekretesslagen innan de lämnas ut."),
    ("p", "GD-gruppen beslutade att styrgruppens beslut om publicering av protokoll på webbplatsen upphävs. "
          "Protokollen lämnas i stället ut på begäran efter sedvanlig sekretessprövning."),
    ("h", "Ärende 4 Nya myndigheter i samverkan"),
    ("p", "Försäkringskassan och Forte har uttryckt intresse av att delta i MSV KLL. Det saknas i dag en ordning för "
          "hur nya myndigheter ansluts och vad som krävs av dem."),
    ("p", "GD-gruppen ger styrgruppen i uppdrag att ta fram ett förslag till ordning för anslutning av nya "
          "myndigheter till myndighetssamverkan. Förslaget ska redovisas vid GD-gruppens möte i november 2041."),
    ("h", "Ärende 5 Regeringsuppdrag om validering"),
    ("p", "Regeringen beslutade den 12 februari 2041 att ge Myndigheten för yrkeshögskolan och Skolverket i uppdrag "
          "att utveckla stödet för validering inom vuxenutbildningen. GD-gruppen noterade informationen."),
    ("h", "Ärende 6 Nästa möte"),
    ("p", "Nästa möte äger rum den 23 november 2041."),
    ("meta", "Vid protokollet: Linnea Berg"),
    ("meta", "Justeras: Ulrika Sjöberg"),
]

DOCS["2041-04-22_arbetsgrupp-informationshantering_minnesanteckningar.docx"] = [
    ("title", MARK),
    ("title", "Minnesanteckningar - Arbetsgruppen för informationshantering"),
    ("meta", "Datum: 22 april 2041"),
    ("meta", "Deltagare: Marie Hedlund (processledare, UKÄ), Niklas Berg (MYH), Sanna Ek (Skolverket), "
             "Olle Strid (Arbetsförmedlingen), Linnea Berg (sekretariatet)"),
    ("meta", "Fiktivt exempel - personer och beslut är påhittade."),
    ("h", "Dagordning och föregående anteckningar"),
    ("p", "Dagordningen godkändes. Anteckningarna från den 4 mars lades till handlingarna."),
    ("h", "Styrgruppens uppdrag om informationshanteringsplan"),
    ("p", "Styrgruppen gav den 21 januari gruppen i uppdrag att ta fram en informationshanteringsplan för handlingar "
          "som upprättas i samverkan, att redovisas senast den 31 maj. Gruppen konstaterade att handlingstyperna "
          "först måste inventeras hos samtliga myndigheter och att den 31 maj inte går att hålla."),
    ("p", "Gruppen beslutade att Niklas Berg och Sanna Ek inventerar handlingstyperna och tar fram ett utkast till "
          "plan till gruppens möte i september, och att sekretariatet begär förlängd redovisningstid hos styrgruppen."),
    ("h", "Inkommande e-post till funktionsbrevlådan"),
    ("p", "E-post till MSV:s funktionsbrevlåda registreras i dag på olika sätt, och en del registreras inte alls."),
    ("p", "Gruppen beslutade att Olle Strid tar fram ett förslag till rutin för registrering av inkommande e-post "
          "till funktionsbrevlådan, att behandlas på mötet i september."),
    ("h", "Utbildning i offentlighetsprincipen"),
    ("p", "Skolverket erbjuder en halvdags utbildning om allmänna handlingar för deltagare i MSV i maj. "
          "Informationen noterades."),
    ("h", "Övrigt"),
    ("p", "Nästa möte hålls i augusti; datum meddelas."),
]

DOCS["2041-06-08_styrgrupp_protokoll.pdf"] = [
    ("title", MARK),
    ("title", "Protokoll, styrgruppen MSV KLL"),
    ("meta", "Datum: 8 juni 2041"),
    ("meta", "Plats: Arbetsförmedlingen, Stockholm"),
    ("meta", "Närvarande: Helena Strand (ordförande, MYH), Per Almgren (Arbetsförmedlingen), Karin Dahl (Skolverket), "
             "Omar Haddad (Svenska ESF-rådet), Lena Björk (Tillväxtverket), Sofia Wern (UKÄ), Mats Lind (UHR), "
             "Jonas Ek (Vinnova), Eva Sand (SCB)"),
    ("meta", "Förhinder: Anna Rehn (Folkbildningsrådet)"),
    ("meta", "Sekreterare: Linnea Berg"),
    ("meta", "Fiktivt exempel: personer, datum och beslut är påhittade."),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden förklarade mötet öppnat. Dagordningen godkändes."),
    ("h", "§ 2 Val av justerare"),
    ("p", "Till justerare valdes Lena Björk."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från mötet den 30 mars 2041 lades till handlingarna."),
    ("h", "§ 4 Beslutsförteckningen"),
    ("p", "Sekretariatet gick igenom beslutsförteckningen. Samtliga beslut från mars är verkställda eller pågår "
          "enligt plan. Styrgruppen noterade redovisningen."),
    ("h", "§ 5 Hur nya frågor väcks i MSV"),
    ("p", "Tobias Frid presenterade sekretariatets förslag till arbetsgång."),
    ("p", "Styrgruppen fastställde arbetsgången för hur nya samverkansfrågor anmäls: en myndighet eller arbetsgrupp "
          "anmäler frågan till sekretariatet på en ärendeblankett senast tre veckor före styrgruppens möte, och "
          "beredningsgruppen bereder frågan innan den tas upp för beslut. Arbetsgången gäller från den 1 september 2041."),
    ("h", "§ 6 Lägesbedömningar våren 2041"),
    ("p", "Samtliga arbetsgrupper har lämnat in sina lägesbedömningar i tid. Styrgruppen godkände lägesbedömningarna "
          "för våren 2041."),
    ("h", "§ 7 Informationshanteringsplanen"),
    ("p", "Arbetsgruppen för informationshantering har begärt mer tid för att inventera handlingstyperna hos "
          "myndigheterna. Redovisningstiden förlängdes till den 30 september 2041."),
    ("h", "§ 8 Nyhetsbrev efter styrgruppens möten"),
    ("p", "Sekretariatet föreslog att ett kort nyhetsbrev skickas till arbetsgrupperna efter varje styrgruppsmöte. "
          "Ärendet bordlades till nästa möte."),
    ("h", "§ 9 Kickoffen i Göteborg"),
    ("p", "Karin Dahl återrapporterade från kickoffen den 6 maj, som samlade 85 deltagare. Informationen noterades."),
    ("h", "§ 10 Nästa möte"),
    ("p", "Nästa möte hålls den 19 oktober 2041."),
    ("meta", "Vid protokollet: Linnea Berg"),
    ("meta", "Justeras: Helena Strand, Lena Björk"),
]

DOCS["2041-08-31_beredningsgrupp_minnesanteckningar.docx"] = [
    ("title", MARK),
    ("title", "Beredningsgruppen MSV KLL - minnesanteckningar 31 augusti 2041"),
    ("meta", "Deltagare: Tobias Frid (sekretariatet), Maja Holm (Arbetsförmedlingen), Erik Sundberg (Skolverket), "
             "Ida Lönn (UHR), Fredrik Ståhl (MYH)"),
    ("meta", "Fiktivt exempel - personer och beslut är påhittade."),
    ("num", "1", "Inledning"),
    ("p", "Anteckningarna från mötet den 3 juni lades till handlingarna."),
    ("num", "2", "Anslutning av nya myndigheter"),
    ("p", "GD-gruppen gav i februari styrgruppen i uppdrag att ta fram en ordning för hur nya myndigheter ansluts, "
          "och styrgruppen lämnade uppdraget till beredningsgruppen den 30 mars. Erik Sundberg presenterade ett "
          "utkast byggt på erfarenheterna av SCB:s inträde hösten 2024."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen en anslutningsprocess i tre steg: en skriftlig "
          "intresseanmälan till sekretariatet, ett års deltagande som adjungerad myndighet i minst en arbetsgrupp "
          "och därefter beslut om fullt deltagande i GD-gruppen."),
    ("num", "3", "Inför styrgruppens möte den 19 oktober"),
    ("p", "Dagordningen för oktobermötet gicks igenom. Informationshanteringsplanen och frågan om nyhetsbrev läggs "
          "fram för beslut."),
    ("num", "4", "Beredningsgruppens sammansättning"),
    ("p", "Fredrik Ståhl lämnar beredningsgruppen vid månadsskiftet. Beredningsgruppen utsåg Ida Lönn (UHR) till "
          "sammankallande från den 1 oktober 2041."),
    ("num", "5", "Nästa möte"),
    ("p", "28 september 2041."),
]

DOCS["2041-09-14_arbetsgrupp-externa-aktorer_minnesanteckningar.pdf"] = [
    ("title", MARK),
    ("title", "Minnesanteckningar - Arbetsgruppen för involvering av externa aktörer (AG Externa)"),
    ("meta", "Datum: 14 september 2041"),
    ("meta", "Närvarande: Sara Nyström (processledare, Tillväxtverket), Ahmed Karimi (Arbetsförmedlingen), "
             "Jenny Wall (Folkbildningsrådet), Rasmus Öberg (Vinnova), Petra Lund (sekretariatet)"),
    ("meta", "Fiktivt exempel - personer och beslut är påhittade."),
    ("h", "1. Föregående anteckningar"),
    ("p", "Anteckningarna från den 22 augusti godkändes."),
    ("h", "2. Erfarenheter av principerna för medverkan"),
    ("p", "Styrgruppen fastställde i mars principer för externa aktörers medverkan, bland annat att högst tre "
          "externa aktörer får delta per arbetsgrupp. Flera processledare har framfört att taket hindrar arbetet, "
          "särskilt i grupper som arbetar nära branscherna."),
    ("p", "Gruppen beslutade att föreslå styrgruppen att taket på tre externa aktörer per arbetsgrupp tas bort och "
          "att arbetsgrupperna i stället får inrätta referensgrupper med externa aktörer."),
    ("h", "3. Styrgruppens uppdrag om kartläggning och överenskommelse"),
    ("p", "Kartläggningen är klar: 41 externa aktörer deltar i nio arbetsgrupper, flest från branschorganisationer "
          "och arbetsmarknadens parter. Gruppen beslutade att överlämna kartläggningen till styrgruppen."),
    ("p", "Mallen för överenskommelse om medverkan är inte klar, eftersom flera myndigheters jurister vill granska "
          "den. Gruppen räknar med att kunna redovisa den i december."),
    ("h", "4. Välkomstinformation till externa deltagare"),
    ("p", "Jenny Wall presenterade utkastet. Gruppen godkände välkomstbladet för nya externa deltagare med de "
          "ändringar som framkom på mötet. Sekretariatet lägger ut det på arbetsytan."),
    ("h", "5. Referensgrupp med parterna"),
    ("p", "Frågan från i våras diskuterades igen. Gruppen avvaktar styrgruppens ställningstagande om principerna."),
    ("h", "6. Nästa möte"),
    ("p", "26 oktober 2041, digitalt."),
]

DOCS["2041-11-23_gd-grupp_protokoll.docx"] = [
    ("title", MARK),
    ("title", "GD-gruppen, Myndighetssamverkan för kompetensförsörjning och livslångt lärande - protokoll"),
    ("meta", "Datum: 23 november 2041"),
    ("meta", "Plats: Myndigheten för yrkeshögskolan, Stockholm"),
    ("meta", "Närvarande: Ulrika Sjöberg (ordförande, MYH), Anders Wikström (Arbetsförmedlingen), Cecilia Norén "
             "(Skolverket), Håkan Lilja (Svenska ESF-rådet), Birgitta Roos (Tillväxtverket), Johan Malm (UKÄ), "
             "Therese Falk (UHR), Gunnar Eklund (Folkbildningsrådet), Peter Hallin (SCB)"),
    ("meta", "Förhinder: Nina Berglund (Vinnova)"),
    ("meta", "Övriga: Helena Strand (styrgruppens ordförande), Linnea Berg (sekreterare)"),
    ("meta", "Fiktivt exempel: personer, datum och beslut är påhittade."),
    ("h", "Ärende 1. Öppnande"),
    ("p", "Mötet öppnades och dagordningen godkändes."),
    ("h", "Ärende 2. Föregående protokoll"),
    ("p", "Protokollet från den 25 februari 2041 lades till handlingarna."),
    ("h", "Ärende 3. Nya parter i MSV"),
    ("p", "Styrgruppen har överlämnat ett förslag om hur nya myndigheter ska kunna ansluta sig till samverkan, "
          "i tre steg med en adjungerad period."),
    ("p", "GD-gruppen fastställde ordningen för hur nya parter ansluts till myndighetssamverkan, med den ändringen att "
          "den adjungerade perioden är sex månader. Försäkringskassan välkomnas som adjungerad part från den 1 januari 2042."),
    ("h", "Ärende 4. Strategisk inriktning 2043-2045"),
    ("p", "GD-gruppen gav styrgruppen i uppdrag att ta fram ett förslag till strategisk inriktning för "
          "myndighetssamverkan för perioden 2043-2045. Förslaget ska redovisas för GD-gruppen senast den 15 juni 2042."),
    ("h", "Ärende 5. Överenskommelse med externa aktörer"),
    ("p", "Styrgruppens ordförande informerade om att mallen för överenskommelse med externa aktörer väntas i "
          "december efter juristgranskning. GD-gruppen tackade för informationen."),
    ("h", "Ärende 6. Nästa möte"),
    ("p", "Nästa möte: 24 februari 2042."),
    ("meta", "Vid protokollet: Linnea Berg"),
    ("meta", "Justeras: Ulrika Sjöberg"),
]


def write_docx(blocks, path):
    d = docx.Document()
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(11)
    for b in blocks:
        kind = b[0]
        if kind == "title":
            d.add_heading(b[1], level=1)
        elif kind == "h":
            d.add_heading(b[1], level=2)
        elif kind == "num":
            p = d.add_paragraph()
            r = p.add_run(b[1])
            r.bold = True
            p.add_run("\t")
            r2 = p.add_run(b[2])
            r2.bold = True
        elif kind == "table":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        else:  # p, meta
            d.add_paragraph(b[1])
    cp = d.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.last_modified_by = "Sekretariatet MSV KLL (fiktivt)"
    cp.title = blocks[1][1]
    cp.subject = MARK
    cp.comments = MARK
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    # rewrite the ZIP with fixed member timestamps and attributes
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2041, 12, 31, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


def write_pdf(blocks, path):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("make_files.py (dev15)")
    pdf.set_creator("Sekretariatet MSV KLL (fiktivt)")
    pdf.set_title(blocks[1][1])
    pdf.set_subject(MARK)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    w = pdf.w - pdf.l_margin - pdf.r_margin
    for b in blocks:
        for part in b[1:]:
            if isinstance(part, str):
                part.encode("latin-1")  # core fonts only
        kind = b[0]
        if kind == "title":
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(w, 7, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(w, 6, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "num":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(w, 6, b[1] + "   " + b[2], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "meta":
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(w, 5, b[1], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(w, 5.5, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))


def main():
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    outdir.mkdir(parents=True, exist_ok=True)
    for name, blocks in DOCS.items():
        assert MARK in blocks[0][1]
        if name.endswith(".docx"):
            write_docx(blocks, outdir / name)
        else:
            write_pdf(blocks, outdir / name)
        print("wrote", outdir / name)


if __name__ == "__main__":
    main()
