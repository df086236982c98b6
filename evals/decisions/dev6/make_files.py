"""Generate the DOCX and PDF meetings of evals/decisions/dev6 (FIKTIVT EXEMPEL).

Run from anywhere:  /work/main/.venv/bin/python evals/decisions/dev6/make_files.py
Output is byte-reproducible: fixed document metadata, fixed zip timestamps, fixed PDF dates.
"""
import datetime as _dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIXED = _dt.datetime(2030, 12, 31, 12, 0, 0, tzinfo=_dt.timezone.utc)
FIKTIVT = "FIKTIVT EXEMPEL – påhittat dokument för utvärdering, inga verkliga beslut."

# Blocks: ("title", t), ("h", t), ("p", t), ("li", t)
DOCS = {
"2030-02-12_styrgrupp_protokoll.docx": [
 ("title", "Protokoll – Styrgruppen för MSV KLL"),
 ("p", FIKTIVT),
 ("p", "Datum: 12 februari 2030"),
 ("p", "Plats: MYH, Stockholm, och Teams"),
 ("p", "Närvarande: Karin Ek (Tillväxtverket, ordförande), Olof Wik (Skolverket), Eva Lund (UKÄ), Maria Dahl (Arbetsförmedlingen), Henrik Falk (MYH), Ulla Rask (UHR), Jonas Bergqvist (Svenska ESF-rådet), Nils Öberg (Vinnova), Tove Strand (Folkbildningsrådet)"),
 ("p", "Sekreterare: Sara Holm (kansliet, MYH). Justerare: Eva Lund"),
 ("h", "§ 1 Mötets öppnande"),
 ("p", "Ordföranden hälsade välkommen och förklarade mötet öppnat."),
 ("h", "§ 2 Information från kansliet"),
 ("p", "Sara Holm informerade om att regeringen i regleringsbrevet för 2030 har gett MYH i uppdrag att fortsatt svara för den administrativa samordningen av MSV KLL och att återrapportera arbetet senast den 22 februari 2031. Styrgruppen tackade för informationen."),
 ("h", "§ 3 Mall för lägesbedömning"),
 ("p", "Kansliet har efter testet hösten 2029 reviderat mallen så att arbetsgrupperna gör en trafikljusbedömning (grön, gul, röd) av planerade aktiviteter och resultat."),
 ("p", "Styrgruppen fastställde den reviderade mallen för lägesbedömning och beslutade att lägesbedömningar ska lämnas till kansliet senast den 31 mars och den 30 september varje år."),
 ("h", "§ 4 Arbetsordning för MSV KLL"),
 ("p", "Styrgruppen beslutade den 10 december 2029 att arbetsordningen skulle tas fram i dialog med samtliga myndigheter. Kansliet presenterade ett första utkast, och ledamöterna lämnade synpunkter på avsnitten om mandat och om arbetsgruppernas uppgifter."),
 ("p", "Styrgruppen ger kansliet i uppdrag att bearbeta utkastet till arbetsordning utifrån dagens synpunkter och återkomma till styrgruppens majmöte."),
 ("h", "§ 5 Gemensam strategi för vägledning"),
 ("p", "Processtödet har tillsammans med arbetsgruppen vägledning hållit två workshoppar om behovet av en gemensam strategi."),
 ("p", "Styrgruppen uppdrog åt arbetsgruppen vägledning att senast den 15 maj 2030 lämna ett förslag till gemensam strategi för livslång vägledning."),
 ("p", "Protokollsanteckning: Folkbildningsrådet antecknade att folkbildningens studie- och yrkesvägledning bör ingå i strategin."),
 ("h", "§ 6 Övriga frågor"),
 ("p", "Vinnova tog upp frågan om en gemensam kalenderfunktion för deltagarna i arbetsgrupperna. Ingen åtgärd beslutades."),
 ("h", "§ 7 Nästa möte"),
 ("p", "Nästa möte äger rum den 14 maj 2030."),
 ("p", "Vid protokollet: Sara Holm          Justeras: Karin Ek, Eva Lund"),
],
"2030-03-19_gd-grupp_protokoll.pdf": [
 ("title", "GD-gruppen för MSV KLL – protokoll"),
 ("p", FIKTIVT),
 ("p", "Datum: 19 mars 2030. Plats: Skolverket, Stockholm."),
 ("p", "Närvarande: generaldirektörerna för Arbetsförmedlingen, MYH (ordförande), Skolverket, Svenska ESF-rådet, Tillväxtverket, UKÄ, UHR och Vinnova samt företrädare för Folkbildningsrådets ledning. Föredragande: Karin Ek, styrgruppens ordförande. Sekreterare: Sara Holm."),
 ("h", "§ 1 Mötets öppnande"),
 ("p", "Ordföranden öppnade mötet."),
 ("h", "§ 2 Aktuellt från regeringen"),
 ("p", "Regeringen beslutade den 6 mars 2030 att ge Tillväxtverket och MYH i uppdrag att analysera regionernas behov av stöd i kompetensförsörjningsarbetet. GD-gruppen diskuterade hur MSV KLL kan bidra till uppdraget."),
 ("h", "§ 3 Inriktning för MSV KLL 2030"),
 ("p", "Styrgruppen har berett ett förslag till inriktning utifrån regleringsbreven för 2030."),
 ("p", "GD-gruppen fastställde inriktningen för MSV KLL 2030 med de fyra prioriterade områdena enligt bilaga 1."),
 ("h", "§ 4 Gemensam samarbetsyta"),
 ("p", "Flera myndigheter har svårt att använda Teams fullt ut. Frågan om en annan lösning behöver utredas längre fram."),
 ("p", "GD-gruppen beslutade att MYH:s Teams-miljö tills vidare ska vara MSV KLL:s gemensamma samarbetsyta."),
 ("h", "§ 5 Regionalt perspektiv – inspel till Regeringskansliet"),
 ("p", "Regeringen betonar de regionalt utvecklingsansvariga aktörerna (RUA) som viktiga för kompetensförsörjningen, och förstudierna har lagt grunden för en dialogmodell."),
 ("p", "GD-gruppen gav styrgruppen i uppdrag att ta fram ett gemensamt inspel till Regeringskansliet om hur de regionalt utvecklingsansvariga aktörerna kan involveras i MSV KLL, inför nästa GD-möte."),
 ("h", "§ 6 Nästa möte"),
 ("p", "Nästa GD-möte planeras till november 2030; kansliet återkommer med datum."),
 ("p", "Vid protokollet: Sara Holm. Justeras: ordföranden."),
],
"2030-06-10_arbetsgrupp-vagledning_minnesanteckningar.docx": [
 ("title", "Minnesanteckningar – Arbetsgrupp vägledning"),
 ("p", FIKTIVT),
 ("p", "Datum: 10 juni 2030, kl. 9.30–12.00, UHR, Stockholm"),
 ("p", "Närvarande: Anna Berg (Skolverket, processledare), Johan Sand (Arbetsförmedlingen), Lina Ahmadi (UHR), Tove Strand (Folkbildningsrådet), Sara Holm (kansliet)"),
 ("h", "1. Välkommen"),
 ("p", "Anna Berg hälsade välkommen och gick igenom dagordningen."),
 ("h", "2. Kartläggning av digitala vägledningstjänster"),
 ("p", "Johan Sand gick igenom kartläggningen, som omfattar 14 digitala tjänster hos sex myndigheter. Flera tjänster överlappar och få är anpassade för personer med funktionsnedsättning."),
 ("p", "Arbetsgruppen godkände kartläggningen och beslutade att den bifogas strategiförslaget."),
 ("h", "3. Förslag till gemensam strategi för vägledning"),
 ("p", "Styrgruppen förlängde i maj tiden för uppdraget till den 30 juni. Utkastet har stämts av med referensgruppen med regionerna. Gruppen gick igenom de sista synpunkterna."),
 ("p", "Arbetsgruppen beslutade:"),
 ("li", "att godkänna utkastet till strategi för livslång vägledning,"),
 ("li", "att överlämna utkastet till beredningsgruppen inför styrgruppens septembermöte."),
 ("h", "4. Referensgruppen med regionerna"),
 ("p", "Referensgruppen har haft två möten med sex regioner. Regionerna efterfrågar en starkare koppling till befintliga regionala forum."),
 ("p", "Mötet beslutade att referensgruppen utökas med företrädare för Reglab och att den fortsättningsvis träffas två gånger per termin."),
 ("h", "5. Övrigt"),
 ("p", "Tove Strand berättade att Folkbildningsrådet tar fram en egen handledning för studievägledning inom folkbildningen."),
 ("h", "6. Nästa möte"),
 ("p", "Nästa möte: efter sommaren, datum meddelas."),
],
"2030-07-01_arbetsgrupp-stem_minnesanteckningar.pdf": [
 ("title", "Arbetsgruppen STEM – minnesanteckningar"),
 ("p", FIKTIVT),
 ("p", "Datum: 1 juli 2030 (Teams)"),
 ("p", "Deltagare: Per Lind (UHR, processledare), Ulla Rask (UHR), Karl Moberg (MYH), Sofia Lindgren (Skolverket), Sara Holm (kansliet)"),
 ("h", "1. Arbetsplan för andra halvåret"),
 ("p", "Per Lind presenterade ett reviderat utkast till arbetsplan. Arbetsgruppen fastställde sin arbetsplan för andra halvåret 2030."),
 ("h", "2. Lägesbedömning"),
 ("p", "Enligt styrgruppens beslut i februari ska nästa lägesbedömning lämnas senast den 30 september."),
 ("h", "3. Underlag om STEM-utbildningarna"),
 ("p", "Gruppen behöver ett gemensamt faktaunderlag om hur många som söker, antas och tar examen inom STEM."),
 ("p", "Per Lind (UHR) tar fram en sammanställning av antagnings- och examensstatistik för STEM-utbildningar 2025–2029 till nästa möte."),
 ("h", "4. Regeringens STEM-strategi"),
 ("p", "Regeringen beslutade i juni 2030 om en förnyad nationell STEM-strategi. Gruppen diskuterade vilka delar som berör MSV KLL."),
 ("h", "5. Kickoff"),
 ("p", "Arbetsgruppen kommer att presentera sitt arbete på den fysiska kickoffen den 15 oktober."),
 ("h", "6. Nästa möte"),
 ("p", "Nästa möte: 8 oktober 2030."),
],
"2030-08-27_beredningsgrupp_minnesanteckningar.docx": [
 ("title", "Beredningsgruppen för MSV KLL – minnesanteckningar"),
 ("p", FIKTIVT),
 ("p", "Datum: 27 augusti 2030. Plats: Teams."),
 ("p", "Deltagare: Maria Dahl (Arbetsförmedlingen, ordförande), Olof Wik (Skolverket), Eva Lund (UKÄ), Hanna Nord (Tillväxtverket), Sara Holm (kansliet)"),
 ("h", "Ärende 1. Dagordning för styrgruppens möte den 17 september"),
 ("p", "Beredningsgruppen godkände förslaget till dagordning för styrgruppens möte den 17 september."),
 ("h", "Ärende 2. Strategi för livslång vägledning"),
 ("p", "Arbetsgruppen vägledning har överlämnat sitt förslag till strategi, med kartläggningen av digitala vägledningstjänster som bilaga. Anna Berg föredrog förslaget."),
 ("p", "Beredningsgruppen tillstyrkte förslaget till strategi med ändringen att avsnittet om uppföljning kompletteras med indikatorer."),
 ("h", "Ärende 3. Rutin för expediering från MSV KLL till Regeringskansliet"),
 ("p", "Kansliet har förtydligat förslaget så att styrgruppens ordförande undertecknar skrivelser efter beslut i styrgruppen, och GD-gruppens ordförande efter beslut i GD-gruppen."),
 ("p", "Beredningsgruppen godkände det förtydligade förslaget och överlämnade det till styrgruppen för beslut."),
 ("h", "Ärende 4. Höstens kickoff"),
 ("p", "Kansliet informerade om att endast 31 personer har anmält sig till den fysiska kickoffen och att lokalkostnaden överstiger budget. Frågan tas upp på styrgruppens möte den 17 september."),
 ("h", "Ärende 5. Informationshantering"),
 ("p", "Kansliet meddelade att revideringen av vägledningen för informationshantering är försenad och beräknas vara klar under hösten."),
 ("h", "Ärende 6. Nästa möte"),
 ("p", "Nästa möte hålls den 12 november 2030."),
],
"2030-09-17_styrgrupp_protokoll.pdf": [
 ("title", "Protokoll – Styrgruppen för MSV KLL"),
 ("p", FIKTIVT),
 ("p", "Datum: 17 september 2030. Plats: UHR, Stockholm."),
 ("p", "Närvarande: Karin Ek (Tillväxtverket, ordförande), Olof Wik (Skolverket), Eva Lund (UKÄ), Petra Sjöberg (Arbetsförmedlingen), Henrik Falk (MYH), Ulla Rask (UHR), Jonas Bergqvist (Svenska ESF-rådet), Nils Öberg (Vinnova), Tove Strand (Folkbildningsrådet). Sekreterare: Sara Holm (kansliet). Justerare: Ulla Rask."),
 ("h", "§ 1 Mötets öppnande"),
 ("p", "Ordföranden förklarade mötet öppnat och hälsade Petra Sjöberg välkommen som ny ledamot."),
 ("h", "§ 2 Arbetsordning för MSV KLL"),
 ("p", "Skolverket har lämnat synpunkter; UKÄ:s synpunkter kommer in i oktober."),
 ("p", "Styrgruppen beslutade att åter bordlägga ärendet till decembermötet."),
 ("h", "§ 3 Strategi för livslång vägledning"),
 ("p", "Beredningsgruppen har tillstyrkt arbetsgruppen vägledningens förslag med ändringen att avsnittet om uppföljning kompletteras med indikatorer."),
 ("p", "Beslut: Styrgruppen ställde sig bakom strategin för livslång vägledning i den lydelse som beredningsgruppen tillstyrkt."),
 ("p", "Reservation: Eva Lund (UKÄ) reserverade sig mot beslutet till förmån för att strategin först remitteras till lärosätena."),
 ("h", "§ 4 Lägesbedömningar hösten 2030"),
 ("p", "Flera processledare har påpekat att sista dag den 30 september ligger för nära terminsstarten."),
 ("p", "Mötet beslutade att höstens lägesbedömningar i stället ska lämnas senast den 15 oktober och att arbetsgrupperna ska lämna en fördjupad beskrivning för varje aktivitet som bedöms som röd."),
 ("h", "§ 5 Grafisk profil för MSV KLL"),
 ("p", "Kansliet presenterade två alternativ som tagits fram tillsammans med myndigheternas kommunikationsavdelningar."),
 ("p", "Styrgruppen godkände alternativ B, vilket innebär att den gemensamma logotypen och färgpaletten används i alla gemensamma mallar från och med den 1 november 2030 och att respektive myndighets logotyp placeras i sidfoten."),
 ("h", "§ 6 Höstens kickoff"),
 ("p", "Kansliet informerade om att 31 personer har anmält sig och att kostnaden överstiger budget."),
 ("p", "Styrgruppen upphävde beslutet från den 14 maj 2030 (§ 6) om en fysisk kickoff och beslutade att ingen kickoff genomförs under hösten 2030."),
 ("h", "§ 7 Regionalt perspektiv – inspel till Regeringskansliet"),
 ("p", "Kansliet har tagit fram ett utkast i dialog med Reglab och tre regioner."),
 ("p", "Styrgruppen godkände inspelet om de regionalt utvecklingsansvarigas medverkan i MSV KLL och överlämnade det till GD-gruppen."),
 ("h", "§ 8 Övriga frågor"),
 ("p", "Regeringen beslutade den 4 september 2030 om ändringar i MYH:s regleringsbrev som innebär att MSV KLL ska redovisa sitt arbete med STEM i årsrapporten."),
 ("h", "§ 9 Nästa möte"),
 ("p", "Nästa möte: 10 december 2030, kl. 9–12."),
 ("p", "Vid protokollet: Sara Holm. Justeras: Karin Ek, Ulla Rask."),
],
}


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and sorted-as-written order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2030, 12, 31, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_docx(path: Path, blocks):
    import docx
    d = docx.Document()
    cp = d.core_properties
    cp.author = "Kansliet för MSV KLL (fiktivt)"
    cp.last_modified_by = "Kansliet för MSV KLL (fiktivt)"
    cp.title = blocks[0][1]
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    cp.comments = "FIKTIVT EXEMPEL"
    for kind, text in blocks:
        if kind == "title":
            d.add_heading(text, level=1)
        elif kind == "h":
            d.add_heading(text, level=2)
        elif kind == "li":
            d.add_paragraph(text, style="List Bullet")
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def make_pdf(path: Path, blocks):
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("make_files.py (FIKTIVT EXEMPEL)")
    pdf.set_creator("make_files.py")
    pdf.set_title(blocks[0][1])
    pdf.set_author("Kansliet för MSV KLL (fiktivt)")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for kind, text in blocks:
        if kind == "title":
            pdf.set_font("DejaVu", size=15)
            pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("DejaVu", size=12.5)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "li":
            pdf.set_font("DejaVu", size=10.5)
            pdf.multi_cell(0, 5.5, "– " + text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", size=10.5)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(path))


def main():
    for name, blocks in DOCS.items():
        p = HERE / name
        (make_docx if name.endswith(".docx") else make_pdf)(p, blocks)
        print("wrote", p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
