"""Write the 4 DOCX and 3 PDF minutes of dev9 from the text kept below (byte-reproducible).

Run:  /work/main/.venv/bin/python evals/decisions/dev9/make_files.py
The 5 Markdown minutes are plain files in this folder and are not generated.
Reproducibility: fixed core properties and ZIP timestamps for DOCX; fixed creation date,
producer and file id for PDF; core Helvetica font only (no system font embedded).
"""
import datetime as dt
import io
import os
import zipfile

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = dt.datetime(2036, 1, 10, 12, 0, 0, tzinfo=dt.timezone.utc)

# Each document: list of (kind, content). kinds: mark, title, meta, h, p, bh (bold heading line),
# table (list of rows, first row is the header).

BEREDNING_0211 = [
    ("mark", "FIKTIVT EXEMPEL – påhittade minnesanteckningar för utvärdering. Personer och beslut är uppdiktade."),
    ("title", "Minnesanteckningar – Beredningsgruppen MSV KLL"),
    ("meta", "Datum: 11 februari 2035, kl. 13.00–15.00, digitalt"),
    ("meta", "Deltagare: Elin Strand (sekretariatet, sammankallande), Johan Berg (Arbetsförmedlingen), Sofia Ahmadi (UHR), Nils Forsberg (Tillväxtverket)"),
    ("meta", "Antecknat av: Omar Said"),
    ("h", "Punkt 1. Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "Punkt 2. Hur ärenden väcks inför styrgruppen"),
    ("p", "Sekretariatet har sett att ärenden till styrgruppen ofta anmäls sent, vilket gör att underlagen ibland skickas ut dagen före mötet. Gruppen diskuterade olika tidsgränser och hur brådskande ärenden ska hanteras."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen en rutin för ärendeinitiering där nya ärenden anmäls till sekretariatet senast tre veckor före styrgruppens möte. Brådskande ärenden får anmälas senare efter samråd med ordföranden."),
    ("h", "Punkt 3. Introduktionsmaterial"),
    ("p", "Elin Strand berättade att sekretariatet har påbörjat arbetet med det material för nya deltagare som styrgruppen beställde den 24 januari. Ett första utkast väntas i april. Ingen åtgärd."),
    ("h", "Punkt 4. Underlag inför styrgruppens möte den 20 mars"),
    ("p", "Gruppen gick igenom sekretariatets förslag till en ny rubrik om horisontella perspektiv i mallen för arbetsplaner. Förslaget läggs fram för beslut vid styrgruppens möte den 20 mars."),
    ("h", "Punkt 5. Övrigt"),
    ("p", "Nästa möte bestäms när styrgruppen har gett gruppen nya ärenden att bereda."),
]

STYRGRUPP_0320 = [
    ("mark", "FIKTIVT EXEMPEL - påhittat protokoll för utvärdering. Personer, datum och beslut är uppdiktade."),
    ("title", "PROTOKOLL"),
    ("meta", "Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("meta", "Sammanträdesdatum: 2035-03-20"),
    ("meta", "Plats: Tillväxtverket, Stockholm"),
    ("meta", "Närvarande: Helena Lindqvist (MYH, ordförande), Maria Sund (Skolverket), Per Åkesson (Svenska ESF-rådet), Lina Karlsson (Tillväxtverket), Erik Holm (UKÄ), Sofia Ahmadi (UHR), Anders Nyberg (Folkbildningsrådet), Karin Wall (Vinnova), Tomas Ek (SCB), Lena Viklund (Arbetsförmedlingen, ersättare för Johan Berg)"),
    ("meta", "Sekretariatet: Elin Strand, Omar Said (sekreterare)"),
    ("h", "§ 1 Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "§ 2 Justerare"),
    ("p", "Karin Wall utsågs att jämte ordföranden justera protokollet."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från den 24 januari 2035 lades till handlingarna."),
    ("h", "§ 4 Rutin för ärendeinitiering och ärendehantering"),
    ("p", "Beredningsgruppen har föreslagit att nya ärenden ska anmälas senast tre veckor före mötet. Flera ledamöter menade att tre veckor inte räcker för förankring i den egna myndigheten."),
    ("p", "Styrgruppen fastställde rutinen för ärendeinitiering och ärendehantering, med den ändringen att nya ärenden ska anmälas till sekretariatet senast fyra veckor före mötet."),
    ("h", "§ 5 Arbetsplanemallen och horisontella perspektiv"),
    ("p", "Sekretariatet föredrog förslaget till komplettering av mallen, som beredningsgruppen har gått igenom."),
    ("p", "Styrgruppen beslutade att mallen för arbetsplanering från och med arbetsplanerna för 2036 ska innehålla en obligatorisk rubrik där arbetsgruppen beskriver hur insatserna bidrar till jämställdhet, tillgänglighet, icke-diskriminering och miljömässig hållbarhet."),
    ("h", "§ 6 Gemensam projektyta för arbetsgrupperna"),
    ("p", "Sekretariatet redovisade de problem som uppstår när myndigheterna har olika versioner av Teams och inte kan se varandras kalendrar. En leverantör av en molnbaserad projektyta har erbjudit en kostnadsfri pilot."),
    ("p", "Styrgruppen beslutade att arbetsgrupperna från och med den 1 september 2035 ska pröva en gemensam molnbaserad projektyta som pilot under hösten 2035, med sekretariatet som ansvarigt för införandet."),
    ("p", "Lina Karlsson anmälde avvikande mening, eftersom Tillväxtverkets dataskyddsombud avråder från tjänsten."),
    ("h", "§ 7 Rutin för avslut av arbetsgrupp - tidplan"),
    ("p", "Gustav Lund, processledare för arbetsgruppen för nya arbetssätt och modeller, berättade att arbetsgruppen vill pröva förslaget på STEM-gruppens avslut innan det lämnas in."),
    ("p", "Redovisningstiden förlängdes till den 30 september 2035."),
    ("h", "§ 8 Lägesbedömningar hösten 2034"),
    ("p", "Styrgruppen godkände sammanställningen av arbetsgruppernas lägesbedömningar för andra halvåret 2034."),
    ("h", "§ 9 Inför GD-gruppens möte"),
    ("p", "Ordföranden informerade om att finansieringen av samordningen står på GD-gruppens dagordning den 24 april. Noterades."),
    ("h", "§ 10 Nästa möte"),
    ("p", "Nästa möte hålls den 4 juni 2035 hos Skolverket."),
    ("p", "Vid protokollet: Omar Said. Justeras: Helena Lindqvist, Karin Wall."),
]

AG_ARBETSSATT_0409 = [
    ("mark", "FIKTIVT EXEMPEL – påhittade minnesanteckningar för utvärdering. Personer och beslut är uppdiktade."),
    ("title", "Arbetsgruppen Nya arbetssätt och modeller – minnesanteckningar"),
    ("meta", "Möte 9 april 2035, digitalt"),
    ("meta", "Deltagare: Gustav Lund (UHR, processledare), Anna Bergström (MYH, processtöd), Henrik Sjöberg (Arbetsförmedlingen), Leila Haddad (UKÄ), Mats Persson (Folkbildningsrådet)"),
    ("h", "Föregående anteckningar"),
    ("p", "Anteckningarna från mötet den 12 februari godkändes."),
    ("h", "Avvecklingsrutin"),
    ("p", "Gustav redogjorde för att styrgruppen den 20 mars gav gruppen mer tid. Förslaget prövas nu i efterhand på STEM-gruppens avslut: vad lämnades över, vad arkiverades och vem informerades."),
    ("p", "Henrik Sjöberg och Leila Haddad intervjuar två tidigare deltagare i STEM-gruppen och återkommer till gruppens möte i september."),
    ("h", "Processledarmötena"),
    ("p", "Anna berättade att närvaron på processledarmötena har sjunkit under vintern, och att flera processledare tycker att mötena är för korta för att hinna fördjupa sig. Gruppen var enig om att frågan behöver ett bättre underlag."),
    ("p", "Anna Bergström skickar ut en enkät till samtliga processledare om mötesformen och redovisar resultatet vid nästa möte."),
    ("h", "Webbinarium om förändringslogik"),
    ("p", "Gruppen beslutade att hålla ett öppet webbinarium om förändringslogik för alla arbetsgrupper den 15 maj 2035, med Mats Persson som moderator."),
    ("h", "Övrigt"),
    ("p", "Leila informerade om att UKÄ byter representant i gruppen efter sommaren. Noterades."),
]

GD_0424 = [
    ("mark", "FIKTIVT EXEMPEL – påhittat protokoll för utvärdering. Personer, datum och beslut är uppdiktade."),
    ("title", "Protokoll fört vid GD-gruppens möte för MSV KLL"),
    ("meta", "Datum: 24 april 2035"),
    ("meta", "Plats: Universitets- och högskolerådet, Solna"),
    ("meta", "Närvarande: Ulrika Falk (generaldirektör, MYH, ordförande), Lars Hedin (Arbetsförmedlingen), Eva Rydberg (Skolverket), Mikael Strömberg (Svenska ESF-rådet), Annika Dahl (Tillväxtverket), Peter Ljung (UKÄ), Camilla Hult (UHR), Björn Axelsson (Folkbildningsrådet), Sanna Lilja (Vinnova)"),
    ("meta", "Föredragande: Helena Lindqvist (ordförande i styrgruppen). Sekreterare: Elin Strand"),
    ("h", "Ärende 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet. Dagordningen godkändes."),
    ("h", "Ärende 2 Val av protokolljusterare"),
    ("p", "Camilla Hult valdes att justera protokollet."),
    ("h", "Ärende 3 Rapport från styrgruppen"),
    ("p", "Helena Lindqvist redogjorde för styrgruppens möten den 24 januari och 20 mars 2035, bland annat om den nya rubriken i arbetsplanemallen och om rutinen för ärendeinitiering. GD-gruppen tackade för rapporten."),
    ("h", "Ärende 4 Finansiering av samordningen 2036"),
    ("p", "Ordföranden konstaterade att MYH:s anslag inte räcker till större fysiska träffar och gemensamma aktiviteter under 2036. Förstudiernas alternativ 2, en gemensam budget som myndigheterna kommer överens om i början av året, fick brett stöd."),
    ("p", "GD-gruppen uppdrog åt styrgruppen att ta fram ett förslag till verksamhetsbudget för 2036, med en fördelning mellan myndigheterna, och redovisa det vid GD-gruppens möte i november."),
    ("h", "Ärende 5 IT-stöd för arbetsgrupperna"),
    ("p", "Flera generaldirektörer framhöll att deras myndigheters dataskyddsombud avråder från att arbetsmaterial lagras hos den aktuella leverantören, och att frågan borde ha förankrats med myndigheternas informationssäkerhetsfunktioner."),
    ("p", "Beslut"),
    ("p", "GD-gruppen upphäver styrgruppens beslut om att pröva en extern samarbetstjänst under hösten 2035. Arbetsgrupperna fortsätter tills vidare att använda Teams."),
    ("h", "Ärende 6 Nytt regeringsuppdrag"),
    ("p", "Lars Hedin informerade om att regeringen den 10 april 2035 har gett Arbetsförmedlingen och MYH i uppdrag att föreslå hur validering kan samordnas bättre mellan myndigheterna. Informationen noterades."),
    ("h", "Ärende 7 Nästa möte"),
    ("p", "Nästa möte hålls den 19 november 2035 i Umeå."),
]

BEREDNING_0827 = [
    ("mark", "FIKTIVT EXEMPEL - påhittade minnesanteckningar för utvärdering. Personer och beslut är uppdiktade."),
    ("title", "Beredningsgruppen MSV KLL - minnesanteckningar"),
    ("meta", "27 augusti 2035, MYH Stockholm och digitalt"),
    ("meta", "Deltagare: Elin Strand (sammankallande), Johan Berg, Sofia Ahmadi, Nils Forsberg, Tomas Ek (SCB, punkt 3)"),
    ("bh", "1   Dagordning och föregående anteckningar"),
    ("p", "Dagordningen godkändes. Minnesanteckningarna från den 11 februari lades till handlingarna."),
    ("bh", "2   Gemensam budget för samordningen 2036"),
    ("p", "Styrgruppen gav den 4 juni beredningsgruppen i uppdrag att bereda frågan. Sekretariatet har tagit fram en kalkyl för kickoff, två fysiska styrgruppsträffar, webbinarier och processtöd."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen en gemensam budget för samordningen 2036 på 2,4 miljoner kronor, fördelad lika mellan de sju myndigheter som har samverkansuppdrag i regleringsbrev eller instruktion, medan Folkbildningsrådet, Vinnova och SCB bidrar frivilligt."),
    ("bh", "3   Indikatorbilaga"),
    ("p", "Tomas Ek presenterade ett reviderat förslag med fem indikatorer. Beredningsgruppen hade inga invändningar. Förslaget läggs fram för beslut vid styrgruppens möte den 15 oktober."),
    ("bh", "4   Styrgruppens möte den 15 oktober"),
    ("p", "Sekretariatet påminde om att nya ärenden enligt rutinen för ärendeinitiering ska vara anmälda senast den 17 september, fyra veckor före mötet. Noterades."),
]

AG_HORISONTELLA_0910 = [
    ("mark", "FIKTIVT EXEMPEL – påhittade minnesanteckningar för utvärdering. Personer och beslut är uppdiktade."),
    ("title", "Arbetsgruppen för horisontella perspektiv"),
    ("meta", "Minnesanteckningar från mötet den 10 september 2035"),
    ("meta", "Närvarande: Fatima Rahimi (processledare), Per Åkesson, Jonas Lind, Malin Öberg. Frånvarande: Sara Nilsson"),
    ("h", "1. Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "2. Definition av perspektiven"),
    ("p", "Jonas och Malin presenterade sitt utkast. Det bygger på förstudiernas beskrivning och har en mening om vad vart och ett av de fyra perspektiven innebär i MSV:s arbete."),
    ("p", "Gruppen godkände utkastet till begreppsdefinition och beslutade att överlämna det till styrgruppen inför mötet den 15 oktober."),
    ("h", "3. Webbinarieserien"),
    ("p", "Fatima konstaterade att gruppen inte har hunnit planera webbinarieserien, eftersom Sara har varit föräldraledig och ingen annan har haft tid. Det framgår av överlämningen till styrgruppen att den delen inte är klar."),
    ("h", "4. Planeringsmallen"),
    ("p", "Flera mindre arbetsgrupper har framfört att den obligatoriska rubriken om perspektiven blir en pappersprodukt för grupper som bara har en eller två aktiviteter."),
    ("p", "Gruppen enades om att föreslå styrgruppen att arbetsgrupper med högst två planerade aktiviteter får redovisa perspektiven i en kortare fritextruta i stället för under den obligatoriska rubriken."),
    ("h", "5. Tillgänglighetsgranskning"),
    ("p", "Malin berättade att sekretariatet numera tillgänglighetsgranskar alla nya mallar, i linje med gruppens rekommendation i mars. Informationen noterades."),
    ("h", "6. Nästa möte"),
    ("p", "Nästa möte hålls den 26 november."),
]

STYRGRUPP_1015 = [
    ("mark", "FIKTIVT EXEMPEL - påhittat protokoll för utvärdering. Personer, datum och beslut är uppdiktade."),
    ("title", "PROTOKOLL"),
    ("meta", "Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("meta", "Sammanträdesdatum: 2035-10-15"),
    ("meta", "Plats: Myndigheten för yrkeshögskolan, Stockholm"),
    ("meta", "Närvarande: Helena Lindqvist (MYH, ordförande), Johan Berg (Arbetsförmedlingen), Maria Sund (Skolverket), Per Åkesson (Svenska ESF-rådet), Lina Karlsson (Tillväxtverket), Erik Holm (UKÄ), Sofia Ahmadi (UHR), Anders Nyberg (Folkbildningsrådet), Karin Wall (Vinnova), Tomas Ek (SCB)"),
    ("meta", "Dessutom närvarande: Gustav Lund (§ 5), Fatima Rahimi (§ 6-7). Sekretariatet: Elin Strand, Omar Said (sekreterare)"),
    ("h", "§ 1 Dagordning"),
    ("p", "Dagordningen fastställdes."),
    ("h", "§ 2 Justerare"),
    ("p", "Per Åkesson utsågs att jämte ordföranden justera protokollet."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från den 4 juni 2035 lades till handlingarna."),
    ("h", "§ 4 Budget för samordningen 2036"),
    ("p", "Beredningsgruppen föreslår en budget på 2,4 miljoner kronor med lika fördelning mellan de sju myndigheter som har samverkansuppdrag. Erik Holm framhöll att UKÄ:s andel måste rymmas inom befintlig ram."),
    ("p", "Styrgruppen ställde sig bakom beredningsgruppens förslag till verksamhetsbudget för 2036 och beslutade att överlämna det till GD-gruppen för fastställelse."),
    ("h", "§ 5 När en arbetsgrupp avslutas"),
    ("p", "Gustav Lund presenterade arbetsgruppens förslag, som har prövats på STEM-gruppens avslut i juni. Det nya steget med överlämning av slutrapport en månad före sista mötet välkomnades."),
    ("p", "Styrgruppen fastställde rutinen för avveckling av arbetsgrupper, att gälla från den 1 november 2035."),
    ("h", "§ 6 Horisontella perspektiv - definition och webbinarier"),
    ("p", "Fatima Rahimi presenterade definitionen. Arbetsgruppen har ännu inte planerat webbinarieserien."),
    ("p", "Styrgruppen godkände arbetsgruppens begreppsdefinition av horisontella perspektiv, som ska föras in i arbetsordningen vid nästa revision."),
    ("p", "Arbetsgruppen ska redovisa planen för webbinarieserien senast den 31 december 2035."),
    ("h", "§ 7 Mallen för arbetsplaner 2036 - små arbetsgrupper"),
    ("p", "Arbetsgruppen för horisontella perspektiv har föreslagit en förenkling för arbetsgrupper med få aktiviteter."),
    ("p", "Styrgruppen beslutade, med ändring av beslutet den 20 mars 2035 (§ 5), att arbetsgrupper med högst två planerade aktiviteter får beskriva hur de bidrar till de horisontella perspektiven i en kortare fritextruta. För övriga arbetsgrupper gäller den obligatoriska rubriken."),
    ("h", "§ 8 Indikatorer i lägesbedömningarna"),
    ("p", "Tomas Ek presenterade SCB:s reviderade förslag med fem indikatorer."),
    ("p", "Styrgruppen beslutade att lägesbedömningarna från och med våren 2036 ska åtföljas av en bilaga med fem gemensamma indikatorer som SCB tar fram."),
    ("h", "§ 9 Höstens kickoff"),
    ("p", "Sekretariatet rapporterade att 84 deltagare var anmälda till kickoffen i Norrköping den 8 oktober och att utvärderingen skickas ut i veckan. Informationen noterades."),
    ("h", "§ 10 Gemensamt IT-stöd"),
    ("p", "Elin Strand informerade om att sekretariatet efter GD-gruppens beslut i april fortsätter med Teams och att frågan om delade kalendrar tas upp med myndigheternas IT-chefer. Styrgruppen noterade informationen."),
    ("h", "§ 11 Nästa möte"),
    ("p", "Nästa möte hålls den 28 januari 2036."),
    ("p", "Vid protokollet: Omar Said. Justeras: Helena Lindqvist, Per Åkesson."),
]

DOCX = {
    "2035-02-11_beredningsgrupp_minnesanteckningar.docx": BEREDNING_0211,
    "2035-04-09_arbetsgrupp-nya-arbetssatt_minnesanteckningar.docx": AG_ARBETSSATT_0409,
    "2035-04-24_gd-grupp_protokoll.docx": GD_0424,
    "2035-09-10_arbetsgrupp-horisontella-perspektiv_minnesanteckningar.docx": AG_HORISONTELLA_0910,
}
PDF = {
    "2035-03-20_styrgrupp_protokoll.pdf": STYRGRUPP_0320,
    "2035-08-27_beredningsgrupp_minnesanteckningar.pdf": BEREDNING_0827,
    "2035-10-15_styrgrupp_protokoll.pdf": STYRGRUPP_1015,
}


def write_docx(name, items):
    doc = Document()
    cp = doc.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt exempel)"
    cp.last_modified_by = "Sekretariatet MSV KLL (fiktivt exempel)"
    cp.title = items[1][1]
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.last_printed = FIXED.replace(tzinfo=None)
    cp.revision = 1
    for kind, text in items:
        if kind == "mark":
            run = doc.add_paragraph().add_run(text)
            run.bold = True
            run.font.size = Pt(9)
        elif kind == "title":
            doc.add_heading(text, level=1)
        elif kind == "h":
            doc.add_heading(text, level=2)
        elif kind == "bh":
            doc.add_paragraph().add_run(text).bold = True
        else:
            doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the ZIP with fixed timestamps and a fixed member order
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2036, 1, 10, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out.getvalue())


def write_pdf(name, items):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("MSV KLL dev9 make_files.py")
    pdf.set_creator("Sekretariatet MSV KLL (fiktivt exempel)")
    pdf.set_author("Sekretariatet MSV KLL (fiktivt exempel)")
    pdf.set_title(items[1][1])
    pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    w = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, text in items:
        if kind == "mark":
            pdf.set_font("Helvetica", "B", 9)
            pdf.multi_cell(w, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "title":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(w, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "meta":
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(w, 5, text, new_x="LMARGIN", new_y="NEXT")
        elif kind in ("h", "bh"):
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(w, 6, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(w, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(os.path.join(HERE, name))


def main():
    for name, items in DOCX.items():
        write_docx(name, items)
    for name, items in PDF.items():
        write_pdf(name, items)
    print(f"wrote {len(DOCX)} docx and {len(PDF)} pdf in {HERE}")


if __name__ == "__main__":
    main()
