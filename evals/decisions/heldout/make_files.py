"""Generate the DOCX and PDF documents of the held-out decision eval set.

The text of every generated document is kept in this script so the files are
reproducible:  python make_files.py   (needs python-docx and fpdf2).
PDFs use DejaVuSans (from matplotlib if installed, else /usr/share/fonts) so
that å ä ö and § render; if no such font is found, the PDF documents are
written as .md instead and a warning is printed.
"""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Each document: list of (kind, text); kind in title | meta | h | p
DOCS = {}

DOCS["2025-10-22_arbetsgrupp-validering_minnesanteckningar.docx"] = [
    ("title", "Minnesanteckningar – Arbetsgrupp validering"),
    ("meta", "Datum: 2025-10-22, Myndigheten för yrkeshögskolan, Stockholmskontoret"),
    ("meta", "Processledare: Annika Roos (MYH)"),
    ("meta", "Närvarande: Tobias Lund (Skolverket), Sofia Brandt (Folkbildningsrådet), Erik Moberg (UHR), Jenny Lindahl (Arbetsförmedlingen)"),
    ("h", "1. Dagordning"),
    ("p", "Dagordningen fastställdes utan ändringar."),
    ("h", "2. Uppdrag från styrgruppen: promemoria om validering"),
    ("p", "Processledaren redogjorde för styrgruppens beslut den 17 september 2025 att ge arbetsgruppen i uppdrag att ta fram en promemoria om hinder och möjligheter för validering. Gruppen diskuterade avgränsningen och vilka utbildningsformer som ska omfattas."),
    ("p", "Arbetsgruppen beslutade att promemorian ska avgränsas till validering inom yrkeshögskolan, folkbildningen och kommunal vuxenutbildning."),
    ("p", "Arbetsgruppen fastställde tidplanen: ett utkast lämnas till beredningsgruppen senast den 6 februari 2026."),
    ("h", "3. Det regionala perspektivet"),
    ("p", "Jenny Lindahl betonade att regionerna har en nyckelroll i valideringsarbetet och bör få möjlighet att lämna synpunkter på utkastet. Gruppen diskuterade de tre vägarna för regioners deltagande: permanent deltagande, inbjudan vid behov och referensgrupp."),
    ("p", "Arbetsgruppen beslutade att bjuda in Region Västerbotten och Region Skåne till en referensgrupp för arbetet med promemorian."),
    ("h", "4. Övrigt"),
    ("p", "Nästa möte: 21 januari 2026. Sekretariatet bistår med processtöd vid en skrivarworkshop i november."),
]

DOCS["2025-11-12_gd-grupp_protokoll.pdf"] = [
    ("title", "Protokoll fört vid GD-gruppens möte, MSV KLL"),
    ("meta", "Datum: 2025-11-12"),
    ("meta", "Plats: Arbetsförmedlingen, Stockholm"),
    ("meta", "Närvarande: generaldirektörerna för Arbetsförmedlingen, MYH (ordförande), Skolverket, Svenska ESF-rådet, Tillväxtverket, UKÄ, UHR, Vinnova och SCB samt Folkbildningsrådets ledning"),
    ("meta", "Föredragande: Karin Lindqvist, styrgruppens ordförande. Sekreterare: Oskar Hedlund (sekretariatet)"),
    ("h", "§ 1 Mötets öppnande och dagordning"),
    ("p", "Ordföranden öppnade mötet. Dagordningen fastställdes."),
    ("h", "§ 2 Val av justerare"),
    ("p", "Generaldirektören för UHR utsågs att jämte ordföranden justera protokollet."),
    ("h", "§ 3 Rapport från styrgruppen"),
    ("p", "Styrgruppens ordförande rapporterade om arbetet under hösten 2025, bland annat uppdraget till arbetsgrupp validering och arbetet med en kommunikationsplan. Rapporten lades till handlingarna."),
    ("h", "§ 4 Arbetsordning för MSV KLL"),
    ("p", "Inom förstudierna har ett utkast till arbetsordning tagits fram, som förankrats i styrgruppen i flera led. Utkastet behöver kompletteras med arbetsgruppernas mandat innan det kan fastställas."),
    ("p", "GD-gruppen gav styrgruppen i uppdrag att färdigställa förslaget till arbetsordning för MSV KLL och återkomma till GD-gruppen för fastställande vid mötet i maj 2026."),
    ("h", "§ 5 Resurssättning av samordningen 2026"),
    ("p", "Styrgruppen har ställt sig bakom alternativ 1 i förstudiernas förslag. Flera generaldirektörer framhöll att en gemensam verksamhetsbudget skapar förutsättningar för en mer långsiktig planering och bättre framförhållning inför större fysiska träffar."),
    ("p", "GD-gruppen beslutade att samordningen av MSV KLL 2026 ska finansieras enligt alternativ 2, det vill säga via MYH:s anslag kompletterat med en gemensam verksamhetsbudget."),
    ("p", "Styrgruppen fick i uppdrag att fastställa verksamhetsbudgetens storlek och fördelning före årsskiftet."),
    ("h", "§ 6 Det regionala perspektivet"),
    ("p", "GD-gruppen diskuterade hur de regionalt utvecklingsansvariga aktörerna kan involveras på strategisk nivå, utöver den operativa dialogen i arbetsgrupperna."),
    ("p", "GD-gruppen gav styrgruppen i uppdrag att ta fram en modell för strategisk dialog med de regionalt utvecklingsansvariga aktörerna (RUA) och återrapportera till GD-gruppen senast hösten 2026."),
    ("h", "§ 7 Nästa möte"),
    ("p", "Nästa möte hålls den 20 maj 2026."),
    ("p", "Justeras: ordföranden och generaldirektören för UHR"),
]

DOCS["2025-12-10_styrgrupp_protokoll.docx"] = [
    ("title", "Protokoll – Styrgruppen för MSV KLL"),
    ("meta", "Datum: 2025-12-10"),
    ("meta", "Plats: digitalt möte"),
    ("meta", "Närvarande: Karin Lindqvist (MYH, ordförande), Johan Berg (Arbetsförmedlingen), Sara Holm (Skolverket), Mikael Ek (Svenska ESF-rådet), Anna Sjöberg (Tillväxtverket), Lars Nyström (UKÄ), Eva Dahl (UHR), Peter Ström (Folkbildningsrådet), Maria Wik (Vinnova), Camilla Rydén (SCB)"),
    ("meta", "Från sekretariatet: Oskar Hedlund, Lina Åberg (sekreterare)"),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden förklarade mötet öppnat."),
    ("h", "§ 2 Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "§ 3 Justering"),
    ("p", "Mikael Ek valdes att jämte ordföranden justera dagens protokoll."),
    ("h", "§ 4 Föregående protokoll"),
    ("p", "Protokollet från mötet den 17 september 2025 lades till handlingarna."),
    ("h", "§ 5 Gemensam kommunikation 2026"),
    ("p", "Vid mötet den 17 september 2025 (§ 6) gav styrgruppen sekretariatet i uppdrag att ta fram ett förslag till kommunikationsplan. Sekretariatet presenterade förslaget, som bygger på kommunikationsstrategin från förstudierna och omfattar målgrupper, kanaler, ett gemensamt grafiskt utseende och ett nyhetsbrev sex gånger per år."),
    ("p", "Styrgruppen fastställde kommunikationsplanen för 2026 i enlighet med sekretariatets förslag."),
    ("h", "§ 6 Arbetsordning för MSV KLL"),
    ("p", "GD-gruppen gav den 12 november styrgruppen i uppdrag att färdigställa förslaget till arbetsordning. Flera ledamöter efterfrågade ett tydligare mandat för arbetsgrupperna, i linje med processledarnas synpunkter i förstudiernas utvärdering."),
    ("p", "Styrgruppen uppdrog åt beredningsgruppen att bereda förslaget till arbetsordning, med särskilt fokus på arbetsgruppernas mandat, och återrapportera till styrgruppen i mars 2026."),
    ("h", "§ 7 Verksamhetsbudget 2026"),
    ("p", "GD-gruppen har beslutat att samordningen 2026 finansieras enligt alternativ 2. Sekretariatet presenterade ett förslag till budget för fysiska träffar, konferenser och kommunikationsinsatser."),
    ("p", "Styrgruppen fastställde en gemensam verksamhetsbudget för 2026 om 700 000 kronor, fördelad lika mellan de sju myndigheter som har i uppdrag att samverka."),
    ("h", "§ 8 Arbetsgruppen för omvärldsbevakning"),
    ("p", "Beredningsgruppen har lyft att arbetsgruppen för omvärldsbevakning inte har kunnat bemannas och att två möten har ställts in."),
    ("p", "Styrgruppen beslutade att arbetsgruppen för omvärldsbevakning avvecklas den 31 mars 2026 och att pågående aktiviteter överförs till sekretariatet."),
    ("h", "§ 9 Kick-off 2026"),
    ("p", "Beredningsgruppen har rekommenderat en fysisk kick-off under våren."),
    ("p", "Beslutades att en fysisk kick-off för samtliga deltagare i MSV KLL genomförs den 22 april 2026 i Stockholm."),
    ("h", "§ 10 IT-stöd för samverkan"),
    ("p", "Sekretariatet beskrev de utmaningar som finns med dagens samarbetsyta i Teams: alla myndigheter använder inte Teams, kalendrar kan inte delas och flera myndigheter avråder från molntjänster av dataskyddsskäl."),
    ("p", "Styrgruppen gav sekretariatet i uppdrag att utreda alternativ till en gemensam, rättssäker samarbetsyta för MSV KLL och redovisa resultatet vid styrgruppens möte i juni 2026."),
    ("h", "§ 11 Mötets avslutande"),
    ("p", "Ordföranden tackade för året och avslutade mötet."),
    ("p", "Vid protokollet: Lina Åberg. Justeras: Karin Lindqvist, Mikael Ek"),
]

DOCS["2026-02-25_beredningsgrupp_minnesanteckningar.pdf"] = [
    ("title", "Minnesanteckningar – Beredningsgruppen, MSV KLL"),
    ("meta", "Datum: 2026-02-25, MYH, Västerås"),
    ("meta", "Deltagare: Oskar Hedlund (sekretariatet, sammankallande), Ida Persson (Arbetsförmedlingen), Jonas Wallin (UHR), Helena Borg (Tillväxtverket), Nils Åkesson (Skolverket)"),
    ("meta", "Antecknare: Lina Åberg"),
    ("h", "1. Dagordning"),
    ("p", "Dagordningen godkändes med en övrig fråga om kick-off."),
    ("h", "2. Arbetsordning för MSV KLL"),
    ("p", "Styrgruppen uppdrog den 10 december 2025 åt beredningsgruppen att bereda förslaget till arbetsordning. Sekretariatet har reviderat utkastet: arbetsgruppernas mandat har förtydligats, processledarnas roll beskrivs och ett avsnitt om informationshantering har lagts till."),
    ("p", "Beredningsgruppen ställde sig bakom det reviderade förslaget till arbetsordning och lämnar det till styrgruppen för beslut i mars."),
    ("h", "3. Promemoria om validering"),
    ("p", "Arbetsgrupp validering lämnade sitt utkast den 21 januari. Gruppen föreslog några redaktionella ändringar, bland annat en kortare sammanfattning."),
    ("p", "Beredningsgruppen tillstyrker promemorian ”Hinder och möjligheter för validering” med redaktionella ändringar och överlämnar den till styrgruppen."),
    ("h", "4. Kick-off"),
    ("p", "Lokalen i Stockholm är inte längre tillgänglig den 22 april. Alternativa lokaler har för hög kostnad i förhållande till verksamhetsbudgeten."),
    ("p", "Beredningsgruppen föreslår att kick-offen i stället genomförs digitalt den 27 maj 2026."),
    ("h", "5. Övrigt"),
    ("p", "Inga övriga frågor. Nästa möte hålls den 22 april 2026."),
]

DOCS["2026-05-06_arbetsgrupp-kompetensanalys_minnesanteckningar.docx"] = [
    ("title", "Minnesanteckningar – Arbetsgrupp kompetensanalys"),
    ("meta", "Datum: 2026-05-06, SCB, Solna"),
    ("meta", "Processledare: Fredrik Olsson (Tillväxtverket)"),
    ("meta", "Deltagare: Henrik Falk (SCB), Malin Ekström (UKÄ), Ahmed Karimi (Arbetsförmedlingen), Therese Nord (MYH)"),
    ("h", "1. Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "2. Variabler i yrkesregistret"),
    ("p", "Henrik Falk presenterade sin sammanställning av tillgängliga variabler i yrkesregistret, inklusive möjligheterna att redovisa uppgifter på regional nivå utan att röja enskilda uppgifter."),
    ("p", "Arbetsgruppen godkände sammanställningen och beslutade att analyserna ska redovisas per län och yrkesområde."),
    ("h", "3. Lägesbedömning våren 2026"),
    ("p", "Gruppen gick igenom aktiviteterna i arbetsplanen. Den gemensamma datakällan är på plats men försenad, och de regionala analyserna har inte kunnat starta eftersom regionerna inte har kunnat avsätta resurser."),
    ("p", "Arbetsgruppen fastställde lägesbedömningen för våren 2026 med gul status för aktivitet 1 och röd status för aktivitet 2, regionala analyser."),
    ("h", "4. Övrigt"),
    ("p", "Frågan om regionernas deltagande lyfts till styrgruppen genom lägesbedömningen. Nästa möte hålls i september."),
]

DOCS["2026-06-10_styrgrupp_protokoll.pdf"] = [
    ("title", "Protokoll – Styrgruppen för MSV KLL"),
    ("meta", "Datum: 2026-06-10"),
    ("meta", "Plats: Svenska ESF-rådet, Stockholm, samt digitalt"),
    ("meta", "Närvarande: Karin Lindqvist (MYH, ordförande), Johan Berg (Arbetsförmedlingen), Sara Holm (Skolverket), Mikael Ek (Svenska ESF-rådet), Anna Sjöberg (Tillväxtverket), Lars Nyström (UKÄ), Eva Dahl (UHR), Peter Ström (Folkbildningsrådet), Maria Wik (Vinnova), Camilla Rydén (SCB)"),
    ("meta", "Från sekretariatet: Oskar Hedlund, Lina Åberg (sekreterare)"),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet."),
    ("h", "§ 2 Dagordning"),
    ("p", "Dagordningen godkändes."),
    ("h", "§ 3 Justering"),
    ("p", "Lars Nyström valdes att jämte ordföranden justera protokollet."),
    ("h", "§ 4 Lägesbedömningar våren 2026"),
    ("p", "Samtliga arbetsgrupper har lämnat lägesbedömningar. Arbetsgrupp kompetensanalys redovisar röd status för de regionala analyserna."),
    ("p", "Styrgruppen gav arbetsgrupp kompetensanalys i uppdrag att redovisa en reviderad arbetsplan för de regionala analyserna senast den 30 september 2026."),
    ("p", "Lägesbedömningarna från övriga arbetsgrupper lades till handlingarna."),
    ("h", "§ 5 IT-stöd för samverkan"),
    ("p", "Sekretariatet lämnade en muntlig lägesrapport om utredningen av en gemensam samarbetsyta. Utredningen är inte slutförd och ärendet återkommer."),
    ("p", "Styrgruppen noterade informationen."),
    ("h", "§ 6 Strategisk dialog med regionerna"),
    ("p", "Beredningsgruppen har tagit fram ett förslag till dialogmodell med utgångspunkt i förstudiernas genomförandeplan och i befintliga forum."),
    ("p", "Styrgruppen fastställde modellen för strategisk dialog med RUA, med två årliga dialogforum och deltagande i Kompetensförsörjningsdagarna och Reglab, och beslutade att återrapportera den till GD-gruppen i oktober."),
    ("h", "§ 7 Kommunikationsplan – revidering"),
    ("p", "Sekretariatet har utvärderat de två första nyhetsbreven. Räckvidden var god men underlaget från arbetsgrupperna räcker inte för sex utskick per år."),
    ("p", "Styrgruppen beslutade att kommunikationsplanen för 2026 ändras så att nyhetsbrevet ges ut fyra gånger per år i stället för sex."),
    ("h", "§ 8 Nästa möte"),
    ("p", "Nästa möte hålls den 14 oktober 2026."),
    ("p", "Vid protokollet: Lina Åberg. Justeras: Karin Lindqvist, Lars Nyström"),
]

DOCS["2026-10-14_styrgrupp_protokoll.docx"] = [
    ("title", "Protokoll – Styrgruppen för MSV KLL"),
    ("meta", "Datum: 2026-10-14"),
    ("meta", "Plats: MYH, Västerås"),
    ("meta", "Närvarande: Karin Lindqvist (MYH, ordförande), Johan Berg (Arbetsförmedlingen), Sara Holm (Skolverket), Mikael Ek (Svenska ESF-rådet), Anna Sjöberg (Tillväxtverket), Lars Nyström (UKÄ), Eva Dahl (UHR), Maria Wik (Vinnova), Camilla Rydén (SCB)"),
    ("meta", "Frånvarande: Peter Ström (Folkbildningsrådet)"),
    ("meta", "Från sekretariatet: Oskar Hedlund, Lina Åberg (sekreterare)"),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet."),
    ("h", "§ 2 Dagordning"),
    ("p", "Dagordningen godkändes efter att punkten om arbetsgrupp kompetensanalys flyttats till § 6."),
    ("h", "§ 3 Justering"),
    ("p", "Eva Dahl valdes att jämte ordföranden justera protokollet."),
    ("h", "§ 4 Återrapport från GD-gruppen"),
    ("p", "Ordföranden informerade om att GD-gruppen den 7 oktober ställt sig bakom styrgruppens modell för strategisk dialog med RUA och beslutat om inriktningen för 2027."),
    ("h", "§ 5 Mall för arbetsplanering 2027"),
    ("p", "Sekretariatet presenterade den reviderade mallen för arbetsplanering. Arbetsgrupperna ska i mallen motivera hur planerade insatser bidrar till de horisontella perspektiven, och i årsrapporten redovisa hur genomförda insatser har bidragit."),
    ("p", "Den reviderade mallen för arbetsplanering, med ett nytt avsnitt om jämställdhet, tillgänglighet, icke-diskriminering och miljömässig hållbarhet, godkändes."),
    ("h", "§ 6 Arbetsgrupp kompetensanalys – reviderad arbetsplan"),
    ("p", "Den reviderade arbetsplanen för de regionala analyserna har inte inkommit. Processledaren har meddelat att dialogen med regionerna pågår."),
    ("p", "Ärendet bordlades till styrgruppens möte i december 2026."),
    ("h", "§ 7 Resultatmål 2027"),
    ("p", "GD-gruppen har beslutat att MSV KLL under 2027 ska prioritera validering, kompetensanalys och det regionala perspektivet. Resultatmålen behöver revideras i samband med årsskiftet."),
    ("p", "Styrgruppen gav beredningsgruppen i uppdrag att ta fram förslag till resultatmål för 2027 utifrån GD-gruppens inriktning till styrgruppens möte den 9 december 2026."),
    ("h", "§ 8 Nästa möte"),
    ("p", "Nästa möte hålls den 9 december 2026."),
    ("p", "Vid protokollet: Lina Åberg. Justeras: Karin Lindqvist, Eva Dahl"),
]


def find_font():
    cands = []
    try:
        import matplotlib
        base = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")
        cands.append((os.path.join(base, "DejaVuSans.ttf"), os.path.join(base, "DejaVuSans-Bold.ttf")))
    except ImportError:
        pass
    cands.append(("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    for reg, bold in cands:
        if os.path.exists(reg):
            return reg, bold if os.path.exists(bold) else reg
    return None


def doc_date(name):
    return dt.datetime.strptime(name[:10], "%Y-%m-%d").replace(hour=12, tzinfo=dt.timezone.utc)


def write_docx(name, blocks):
    import docx
    d = docx.Document()
    for kind, text in blocks:
        if kind == "title":
            d.add_heading(text, level=1)
        elif kind == "h":
            d.add_heading(text, level=2)
        else:
            d.add_paragraph(text)
    title = next(t for k, t in blocks if k == "title")
    cp = d.core_properties
    cp.title = title
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.created = cp.modified = doc_date(name).replace(tzinfo=None)
    path = os.path.join(HERE, name)
    d.save(path)
    _freeze_zip(path)


def _freeze_zip(path):
    """Rewrite the .docx zip with fixed timestamps so output is byte-reproducible."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fn, data in items:
            z.writestr(zipfile.ZipInfo(fn, date_time=(2000, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def write_pdf(name, blocks, font):
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_creation_date(doc_date(name))
    pdf.add_font("DejaVu", "", font[0])
    pdf.add_font("DejaVu", "B", font[1])
    title = next(t for k, t in blocks if k == "title")
    pdf.set_title(title)
    pdf.set_author("Sekretariatet MSV KLL (fiktivt)")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for kind, text in blocks:
        if kind == "title":
            pdf.set_font("DejaVu", "B", 15)
            pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "meta":
            pdf.set_font("DejaVu", "", 9.5)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "h":
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.multi_cell(0, 6.5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(os.path.join(HERE, name))


def write_md(name, blocks):
    out = []
    for kind, text in blocks:
        if kind == "title":
            out.append(f"# {text}\n")
        elif kind == "meta":
            out.append(text)
        elif kind == "h":
            out.append(f"\n## {text}\n")
        else:
            out.append(f"{text}\n")
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip() + "\n")


def main():
    font = find_font()
    for name, blocks in DOCS.items():
        if name.endswith(".docx"):
            write_docx(name, blocks)
        elif font:
            write_pdf(name, blocks, font)
        else:
            md = name[:-4] + ".md"
            print(f"warning: no DejaVuSans font found; writing {md} instead of {name}", file=sys.stderr)
            write_md(md, blocks)
        print("wrote", name)


if __name__ == "__main__":
    main()
