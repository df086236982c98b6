"""Generate the DOCX and PDF minutes of the dev7 set from the text kept below.

FIKTIVT EXEMPEL: all persons, dates and decisions are invented.
Byte-reproducible: fixed document metadata, fixed zip timestamps, fixed PDF dates.
Run:  python make_files.py   (writes the six files next to this script)

Markup in the texts: '# ' title, '## ' heading, '- ' bullet, other lines are paragraphs.
"""
import datetime
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2031, 12, 31, 12, 0, 0)

DOCS = {}

DOCS["2031-03-05_arbetsgrupp-regionalt-perspektiv_minnesanteckningar.docx"] = """\
FIKTIVT EXEMPEL – uppdiktade minnesanteckningar för utvärdering.
# Minnesanteckningar – Arbetsgruppen för regionalt perspektiv
Datum: 5 mars 2031
Plats: Tillväxtverket, Stockholm
Närvarande: Annika Holm (Tillväxtverket, processledare), Rasmus Berg (Arbetsförmedlingen), Jenny Axelsson (MYH), Kristoffer Lind (Skolverket), Sofie Malm (Region Västerbotten, adjungerad)
Anteckningar: Jenny Axelsson
## 1. Inledning
Annika hälsade välkomna. Sofie Malm deltar som adjungerad från Region Västerbotten under 2031.
## 2. Dialogmöten med RUA 2031
Gruppen diskuterade hur dialogen med de regionalt utvecklingsansvariga ska föras under året och om befintliga forum, som Reglab och Kompetensförsörjningsdagarna, kan användas.
Gruppen enades om att hålla två fysiska dialogmöten med RUA under 2031, ett i Umeå i maj och ett i Malmö i november.
## 3. Referensgrupp med regioner
Förstudierna föreslog att arbetsgrupper kan knyta referensgrupper med regioner till sig. Gruppen vill pröva detta men behöver styrgruppens mandat, eftersom referensgruppen även ska kunna användas av andra arbetsgrupper.
Gruppen beslutade att överlämna förslaget om en referensgrupp med regioner till styrgruppen för beslut.
## 4. Lägesbedömning
Jenny påminde om att styrgruppen har beslutat att vårens lägesbedömning ska lämnas senast den 15 maj. Utkastet gås igenom vid nästa möte.
## 5. Nästa möte
14 maj 2031, digitalt.
"""

DOCS["2031-04-16_gd-grupp_protokoll.docx"] = """\
FIKTIVT EXEMPEL – påhittat protokoll för utvärdering. Personer, datum och beslut är uppdiktade.
# Protokoll, GD-gruppen för MSV KLL
Datum: 16 april 2031
Plats: Arbetsförmedlingen, Stockholm
Närvarande: Birgitta Strand (MYH, ordförande), Lars Edholm (Arbetsförmedlingen), Cecilia Norén (Skolverket), Ulf Bergkvist (Svenska ESF-rådet), Marie Sundqvist (Tillväxtverket), Jonas Hedin (UKÄ), Ingrid Westerlund (UHR), Kerstin Alm (Folkbildningsrådet), Erik Lövgren (Vinnova), Hanna Rydberg (SCB)
Föredragande: Helena Lindqvist (styrgruppens ordförande)
Sekreterare: Linnea Åkesson
## Ärende 1. Mötets öppnande
Ordföranden öppnade mötet och dagordningen godkändes.
## Ärende 2. Rapport från styrgruppen
Helena Lindqvist rapporterade om styrgruppens arbete under våren. Styrgruppen har bland annat beslutat att ersätta samverkansytan i Teams med en gemensam lösning för dokumenthantering från årsskiftet och gett beredningsgruppen förlängd tid att revidera arbetsordningen. GD-gruppen noterade rapporten.
## Ärende 3. Inriktning för MSV KLL
Diskussion om OECD:s rekommendationer inom TSI-projektet och om hur ett task force-baserat arbetssätt kan användas i fler frågor.
GD-gruppen ställde sig bakom att MSV KLL under 2031 och 2032 prioriterar validering, regionalt perspektiv och STEM.
## Ärende 4. Finansiering av samordningen
Birgitta Strand redogjorde för att MYH finansierar sekretariatet via myndighetens anslag och att Arbetsförmedlingen och Vinnova bidrar med personal. Förstudierna pekade ut en gemensam verksamhetsbudget som ett alternativ.
GD-gruppen överlämnar frågan om en gemensam verksamhetsbudget för samordningen till styrgruppen, som ska återkomma med ett förslag inför höstens GD-möte.
## Ärende 5. Gemensam kickoff
GD-gruppen beslutade att en gemensam kickoff för samtliga deltagare i MSV KLL ska hållas i Norrköping den 9 oktober 2031.
## Ärende 6. Nästa möte
Nästa möte äger rum den 22 oktober 2031. Beslut om inriktningen för 2032 fattas vid det mötet.
"""

DOCS["2031-11-19_styrgrupp_protokoll.docx"] = """\
FIKTIVT EXEMPEL – påhittat protokoll för utvärdering. Personer, datum och beslut är uppdiktade.
# Protokoll, styrgruppen för MSV KLL
Datum: 19 november 2031, kl. 09.00–12.00
Plats: Tillväxtverket, Stockholm
Närvarande: Helena Lindqvist (MYH, ordförande), Johan Berglöf (Arbetsförmedlingen), Sara Nyström (Skolverket), Peter Ahlgren (Svenska ESF-rådet), Maria Ek (Tillväxtverket), Anders Holmberg (UKÄ), Karin Sjöberg (UHR), Eva Dahl (Folkbildningsrådet), Lena Forsberg (SCB). Förhinder: Tomas Wiklund (Vinnova).
Sekreterare: Linnea Åkesson. Justerare: Peter Ahlgren.
## § 26 Dagordning
Dagordningen godkändes.
## § 27 Föregående protokoll
Protokollet från den 11 juni 2031 lades till handlingarna.
## § 28 Rapport från GD-gruppen
Ordföranden rapporterade från GD-gruppens möte den 22 oktober. GD-gruppen beslutade om en gemensam verksamhetsbudget om 500 000 kronor per år och gav styrgruppen i uppdrag att ta fram en modell för omvärldsanalys till april 2032. Styrgruppen noterade informationen.
## § 29 Reviderad arbetsordning
Beredningsgruppen har överlämnat ett förslag till reviderad arbetsordning. Avsnittet om arbetsgruppernas mandat har förankrats hos processledarna.
Styrgruppen fastställde den reviderade arbetsordningen att gälla från och med den 1 januari 2032.
## § 30 Horisontella perspektiv – begreppsdefinition
Arbetsgruppen för horisontella perspektiv har lämnat förslag till begreppsdefinition. Den del av uppdraget som gäller redovisning i årsrapporten har arbetsgruppen ännu inte redovisat.
Styrgruppen antog begreppsdefinitionen för horisontella perspektiv och beslutade att den ska föras in som bilaga till arbetsordningen.
## § 31 Samverkansyta
Sekretariatet redogjorde för att MYH:s lösning för dokumenthantering inte kan ta emot externa användare från regionerna förrän tidigast hösten 2032, och att flera myndigheter nu har godkänt Teams med gäståtkomst.
Styrgruppen upphävde beslutet från den 26 mars 2031 (§ 12) om att avveckla samverkansytan i Teams, som därmed används tills vidare som gemensam arbetsyta.
## § 32 Mötesplan 2032
Sekretariatet föreslog att styrgruppen sammanträder den 4 februari, den 22 april, den 10 juni, den 16 september och den 25 november 2032.
Enligt förslag.
## § 33 Mall för lägesbedömning
Höstens lägesbedömningar ska lämnas senast den 30 november. Sekretariatet föreslog att mallen för lägesbedömning kompletteras inför 2032.
Beslutades att mallen för lägesbedömning från och med 2032 får en särskild ruta för hur aktiviteterna bidrar till de horisontella perspektiven.
## § 34 Nästa möte
Nästa möte hålls den 4 februari 2032.
Vid protokollet: Linnea Åkesson
Justeras: Helena Lindqvist, Peter Ahlgren
"""

PDFS = {}

PDFS["2031-03-26_styrgrupp_protokoll.pdf"] = """\
FIKTIVT EXEMPEL – påhittat protokoll för utvärdering. Personer, datum och beslut är uppdiktade.
# PROTOKOLL
Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)
Sammanträdesdatum: 2031-03-26
Plats: Universitets- och högskolerådet, Stockholm
Närvarande ledamöter: Helena Lindqvist (MYH, ordförande), Johan Berglöf (Arbetsförmedlingen), Sara Nyström (Skolverket), Peter Ahlgren (Svenska ESF-rådet), Maria Ek (Tillväxtverket), Anders Holmberg (UKÄ), Karin Sjöberg (UHR), Eva Dahl (Folkbildningsrådet), Tomas Wiklund (Vinnova), Lena Forsberg (SCB)
Sekreterare: Linnea Åkesson
Justerare: Anders Holmberg
## § 9 Fastställande av dagordning
Dagordningen fastställdes med tillägg av en punkt om referensgrupp med regioner.
## § 10 Föregående protokoll
Protokollet från den 22 januari 2031 lades till handlingarna.
## § 11 Aktuellt från Regeringskansliet
Ordföranden rapporterade från ett avstämningsmöte med Utbildningsdepartementet den 10 mars. Regeringen har beslutat att ge UHR och MYH ett gemensamt uppdrag om validering, som ska redovisas 2032. Styrgruppen tackade för informationen.
## § 12 Samverkansyta för arbetsgrupperna
Sekretariatet redogjorde för att flera myndigheter avråder sina medarbetare från att använda Microsoft Teams av dataskyddsskäl och att deltagare från regionerna har svårt att få åtkomst. MYH kan erbjuda en gemensam lösning i egen drift från den 1 januari 2032.
Styrgruppen beslutade att samverkansytan i Microsoft Teams ska avvecklas vid årsskiftet 2031/2032 och ersättas av MYH:s lösning för gemensam dokumenthantering.
## § 13 Arbetsordningen – förlängd tid
Beredningsgruppen har begärt förlängd tid för uppdraget från den 22 januari (§ 6), eftersom avsnittet om arbetsgruppernas mandat behöver förankras hos processledarna.
Styrgruppen beslutade att förlänga tiden för beredningsgruppens uppdrag om reviderad arbetsordning till den 30 september 2031.
## § 14 Referensgrupp med regioner
Arbetsgruppen för regionalt perspektiv har föreslagit att en referensgrupp med regioner inrättas. Flera ledamöter ville först stämma av frågan om ersättning för regionernas resor med de egna myndigheterna.
Ärendet bordlades till styrgruppens möte i juni.
## § 15 Horisontella perspektiv
Maria Ek föredrog förstudiernas åtgärdsförslag om att integrera de horisontella perspektiven i styrning och ledning.
Styrgruppen uppdrar åt arbetsgruppen för horisontella perspektiv att till styrgruppens möte i november ta fram dels en gemensam begreppsdefinition för horisontella perspektiv inom MSV KLL, dels ett förslag till hur arbetsgruppernas bidrag till perspektiven ska redovisas i årsrapporten.
## § 16 Övriga frågor och nästa möte
Inga övriga frågor. Nästa möte hålls den 11 juni 2031 hos Skolverket.
Vid protokollet: Linnea Åkesson
Justeras: Helena Lindqvist, Anders Holmberg
"""

PDFS["2031-08-27_beredningsgrupp_minnesanteckningar.pdf"] = """\
FIKTIVT EXEMPEL – uppdiktade minnesanteckningar för utvärdering.
# Beredningsgruppen MSV KLL – minnesanteckningar
Datum: 27 augusti 2031
Plats: MYH, Stockholm
Deltagare: Oskar Petrén (sekretariatet), Frida Lund (Arbetsförmedlingen), Magnus Öhrn (MYH), Ida Carlsson (UHR), Henrik Sandell (Tillväxtverket), Stina Wallin (SCB)
Antecknare: Frida Lund
## Reviderad arbetsordning
Magnus och Ida presenterade utkastet till reviderad arbetsordning. Avsnittet om arbetsgruppernas mandat har stämts av med processledarna vid processledarmötet den 19 augusti. Några redaktionella ändringar gjordes under mötet.
Beslut: Beredningsgruppen ställer sig bakom utkastet till reviderad arbetsordning och överlämnar det till styrgruppen för fastställelse.
## Verksamhetsbudget
Oskar informerade om att styrgruppens förslag om en gemensam verksamhetsbudget behandlas av GD-gruppen i oktober. Ingen åtgärd från beredningsgruppen.
## Lägesbedömning hösten 2031
Sista dag för höstens lägesbedömning är den 30 november enligt styrgruppens beslut i juni. Mallen är oförändrad.
## Omvärldsbevakning
Stina Wallin presenterade SCB:s statistik om kompetensförsörjning. Gruppen diskuterade om MSV KLL behöver en gemensam modell för omvärldsanalys. Diskuterades, inget beslut.
## Nästa möte
8 oktober 2031, digitalt.
"""

PDFS["2031-10-01_arbetsgrupp-horisontella-perspektiv_minnesanteckningar.pdf"] = """\
FIKTIVT EXEMPEL – uppdiktade minnesanteckningar för utvärdering.
# Minnesanteckningar
Arbetsgruppen för horisontella perspektiv, MSV KLL
1 oktober 2031, Svenska ESF-rådet, Stockholm
Närvarande: Noor Haddad (processledare), Mikael Strömberg, Elin Grahn, Pia Lundgren, Oskar Petrén (sekretariatet)
Sekreterare: Mikael Strömberg
## Punkt 1 Webbinariet den 16 september
Webbinariet om tillgänglighet genomfördes med cirka 140 deltagare. Utvärderingen visar att deltagarna önskar fler konkreta exempel. Noterades.
## Punkt 2 Begreppsdefinition
Gruppen gick igenom utkastet till begreppsdefinition för jämställdhet, tillgänglighet, icke-diskriminering och miljömässig hållbarhet.
Förslaget godkändes och överlämnas till styrgruppen inför novembermötet.
## Punkt 3 Redovisning i årsrapporten
Den andra delen av styrgruppens uppdrag, om hur arbetsgruppernas bidrag till perspektiven ska redovisas i årsrapporten, har inte hunnit påbörjas. Pia lyfte att frågan hänger ihop med den reviderade arbetsordningen.
Beslut fattas vid nästa möte om hur arbetet ska läggas upp.
## Punkt 4 Referensgrupp
Referensgruppen med funktionsrättsorganisationer har haft sitt första möte. Ingen åtgärd.
## Punkt 5 Nästa möte
3 december 2031.
"""


def blocks(text):
    for line in text.splitlines():
        line = line.rstrip()
        if not line:
            continue
        if line.startswith("# "):
            yield "title", line[2:]
        elif line.startswith("## "):
            yield "heading", line[3:]
        elif line.startswith("- "):
            yield "bullet", line[2:]
        else:
            yield "para", line


def normalise_zip(data):
    """Rewrite a zip with fixed timestamps and a fixed member order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=(2031, 12, 31, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def make_docx(name, text):
    import docx
    d = docx.Document()
    cp = d.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.last_modified_by = "Sekretariatet MSV KLL (fiktivt)"
    cp.title = name[:-5]
    cp.comments = "FIKTIVT EXEMPEL"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    for kind, line in blocks(text):
        if kind == "title":
            d.add_heading(line, level=1)
        elif kind == "heading":
            d.add_heading(line, level=2)
        elif kind == "bullet":
            d.add_paragraph(line, style="List Bullet")
        else:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(normalise_zip(buf.getvalue()))


FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def make_pdf(name, text):
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED.replace(tzinfo=datetime.timezone.utc))
    pdf.set_producer("make_files.py")
    pdf.set_creator("make_files.py")
    pdf.set_title(name[:-4])
    pdf.set_author("Sekretariatet MSV KLL (fiktivt)")
    pdf.set_subject("FIKTIVT EXEMPEL")
    pdf.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for kind, line in blocks(text):
        if kind == "title":
            pdf.set_font("DejaVu", "B", 15)
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "heading":
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.multi_cell(0, 6.5, line, new_x="LMARGIN", new_y="NEXT")
        elif kind == "bullet":
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(0, 5.5, "\u2022 " + line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(os.path.join(HERE, name))


if __name__ == "__main__":
    for n, t in DOCS.items():
        make_docx(n, t)
    for n, t in PDFS.items():
        make_pdf(n, t)
    print("wrote", len(DOCS) + len(PDFS), "files")
