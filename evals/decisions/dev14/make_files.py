#!/usr/bin/env python3
"""Write the 12 fictional minutes of dev14 (5 .md, 4 .docx, 3 .pdf), byte-reproducibly.

Markup in the texts below: '# ' title, '## ' heading, 'B: ' bold line, '' blank.
Markdown files are written as plain text (the markup is Markdown already)."""
import datetime, io, os, zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2041, 1, 2, 12, 0, 0)
F = "FIKTIVT EXEMPEL - alla personer, datum, belopp och beslut är påhittade."

DOCS = {}

DOCS["2040-01-24_styrgrupp_protokoll.md"] = f"""# Protokoll, styrgruppen för MSV KLL

**{F}**

Datum: 2040-01-24, kl. 9.30-12.00. Plats: Myndigheten för yrkeshögskolan, Västerås, och digitalt.

Närvarande: Helena Strand (ordförande), Jonas Wik, Maria Ahl, Peter Lund, Sofia Berg, Ali Rahimi. Sekreterare: Karin Holm (kansliet).

## § 1 Dagordning

Dagordningen fastställdes.

## § 2 Val av justerare

Peter Lund valdes att jämte ordföranden justera protokollet.

## § 3 Föregående protokoll

Protokollet från mötet den 6 december 2039 godkändes och lades till handlingarna.

## § 4 Regleringsbrevet 2040

Kansliet redogjorde för uppdragen till MSV i MYH:s regleringsbrev för 2040. Regeringen har i regleringsbrevet beslutat att MSV ska redovisa resultat senast den 1 mars 2041.

Styrgruppen noterade informationen.

## § 5 Långsiktig finansiering av samordningen

Dagens samordning bekostas i huvudsak av MYH. Flera myndigheter har efterfrågat en mer förutsägbar modell.

Styrgruppen gav arbetsgruppen för finansieringsmodell i uppdrag att ta fram ett förslag till hur samordningen av MSV KLL ska finansieras från 2041, att redovisas senast den 30 april 2040.

## § 6 Kompetensförsörjningsdagarna 2040

Styrgruppen fastställde att Kompetensförsörjningsdagarna 2040 genomförs i Göteborg den 14-15 oktober 2040.

## § 7 Arbetsgruppernas årsplanering

Arbetsgrupperna planerar i dag på olika sätt, vilket gör det svårt att följa upp helheten.

Kansliet fick i uppdrag att ta fram ett enhetligt underlag för arbetsgruppernas årsplanering till styrgruppens möte i juni.

## § 8 Kostnad för deltagare vid konferensen

Styrgruppen beslutade att ingen deltagaravgift tas ut för Kompetensförsörjningsdagarna 2040.

## § 9 Nästa möte

Nästa möte hålls den 19 mars 2040.

Vid protokollet: Karin Holm. Justeras: Helena Strand, Peter Lund.
"""

DOCS["2040-02-12_beredningsgrupp_minnesanteckningar.docx"] = f"""# Minnesanteckningar, beredningsgruppen MSV KLL

{F}

Datum: 2040-02-12. Digitalt möte. Deltagare: Olof Sjö (sammankallande), Anna Falk, Emil Ros, Karin Holm (kansliet).

## Punkt 1. Mötets öppnande

Anna Falk valdes till justerare.

## Punkt 2. Delrapportering från grupperna

Styrgruppen saknar en regelbunden bild av hur arbetsgrupperna ligger till.

Beredningsgruppen enades om att föreslå styrgruppen att arbetsgrupperna lämnar skriftliga delrapporter kvartalsvis.

## Punkt 3. Finansieringsfrågan

Kansliet påminde om att styrgruppen den 24 januari gav arbetsgruppen för finansieringsmodell i uppdrag att ta fram ett förslag till finansiering från 2041.

Informationen noterades.

## Punkt 4. Gemensam deltagarregistrering

Frågan om en gemensam registrering av deltagare vid MSV:s arrangemang bordlades till nästa möte.

## Punkt 5. Övrigt

Inga övriga frågor.
"""

DOCS["2040-03-05_arbetsgrupp-finansiering_minnesanteckningar.md"] = f"""# Arbetsgruppen för finansieringsmodell för samordning av MSV KLL - minnesanteckningar

*{F}*

5 mars 2040, Teams. Med: Erik Sand (ordf.), Karin Holm, Lisa Ek, Johan Mattsson, Nora Lind.

1. Förra mötet

Vi gick igenom anteckningarna från mötet den 30 januari, de lades till handlingarna.

2. Styrgruppens uppdrag

Styrgruppen vill ha ett förslag till finansiering av samordningen. Rapportens tre alternativ är en bra utgångspunkt.

Vi bestämde att Karin Holm och Erik Sand tar fram en jämförelse av de tre alternativen till gruppens möte i augusti.

3. Underlag från myndigheterna

Vi kom överens om att begära in kostnadsuppgifter för samverkansarbetet från alla deltagande myndigheter senast den 31 mars 2040.

4. Regionernas roll

Om modellen också ska omfatta regionerna diskuterades, men vi kom inte fram till något. Frågan tas upp igen när jämförelsen finns.

5. Nästa möte

27 augusti.
"""

DOCS["2040-03-19_styrgrupp_protokoll.pdf"] = f"""# Protokoll - Styrgruppen MSV KLL

{F}

Sammanträdesdag: 2040-03-19. Plats: Skolverket, Stockholm.

Närvarande: Helena Strand (ordförande), Jonas Wik, Maria Ahl, Sofia Berg, Ali Rahimi, Tove Dahl. Sekreterare: Karin Holm.

## § 1 Fastställande av dagordning

Dagordningen fastställdes.

## § 2 Justering

Sofia Berg utsågs att jämte ordföranden justera dagens protokoll.

## § 3 Föregående protokoll

Protokollet från den 24 januari 2040 lades till handlingarna.

## § 4 Uppföljning av arbetsgruppernas arbete

Beredningsgruppen har föreslagit en regelbunden rapportering.

Styrgruppen beslutade att varje arbetsgrupp från och med andra kvartalet 2040 lämnar en kort lägesrapport till kansliet en gång per kvartal.

## § 5 Förslag om finansiering av samordningen

Gruppen behöver mer tid för att samla in kostnadsuppgifter från myndigheterna.

Redovisningstiden förlängdes till den 30 september 2040.

## § 6 Ort och datum för konferensdagarna

Lokalerna i Göteborg är inte längre tillgängliga.

Styrgruppen beslutade, med ändring av beslutet den 24 januari 2040 (§ 6), att Kompetensförsörjningsdagarna 2040 genomförs i Malmö den 21-22 oktober 2040.

## § 7 Introduktion för nya ledamöter

Flera nya ledamöter har tillkommit under året utan att få någon samlad introduktion.

Styrgruppen överlämnade frågan om hur nya ledamöter ska introduceras till beredningsgruppen, som ska återkomma med ett förslag till styrgruppens möte i september.

## § 8 Information från Europeiska socialfonden

Tove Dahl informerade om den nya programperioden.

Informationen noterades.

Vid protokollet: Karin Holm. Justeras: Helena Strand, Sofia Berg.
"""

DOCS["2040-04-16_arbetsgrupp-kfd_minnesanteckningar.docx"] = f"""# Minnesanteckningar - Arbetsgruppen för Kompetensförsörjningsdagarna

{F}

Möte 2040-04-16, Arbetsförmedlingen, Stockholm. Närvarande: Lena Berg (sammankallande), Sara Nord, Mikael Öst, Yasmin Haddad, Karin Holm.

## Föregående minnesanteckningar

Anteckningarna från den 20 februari godkändes.

## Ny ort och nya datum

Styrgruppen beslutade den 19 mars att dagarna flyttas till Malmö. Gruppen noterade beslutet och bokar om lokalerna.

## Program för dagarna

Gruppen beslutade att ge Lena Berg i uppdrag att ta fram ett förslag till program för dagarna till gruppens möte i september.

## Deltagaravgift

Utan avgift blir många anmälda som inte kommer, och budgeten räcker inte till lokalerna i Malmö.

Gruppen enades om att föreslå GD-gruppen att en deltagaravgift om 900 kronor per person tas ut.

## Nästa möte

Nästa möte hålls den 17 september.
"""

DOCS["2040-05-07_gd-grupp_protokoll.docx"] = f"""# Protokoll, GD-gruppen för MSV KLL

{F}

Datum: 2040-05-07. Plats: Myndigheten för yrkeshögskolan, Västerås.

Närvarande: generaldirektörerna eller deras ersättare för de deltagande myndigheterna. Ordförande: Gunilla Ask. Sekreterare: Karin Holm.

## Ärende 1 Mötets öppnande

Mötet öppnades och dagordningen godkändes.

## Ärende 2 Avgift för konferensdagarna

Arbetsgruppen för Kompetensförsörjningsdagarna har föreslagit att deltagarna betalar en avgift.

GD-gruppen beslutade att upphäva styrgruppens beslut den 24 januari 2040 om att ingen deltagaravgift tas ut. En avgift om 900 kronor per deltagare tas ut för Kompetensförsörjningsdagarna 2040.

## Ärende 3 Resultaten ska nå regionerna

GD-gruppen gav styrgruppen i uppdrag att redovisa en plan för hur MSV:s resultat ska spridas till regionerna senast vid GD-gruppens möte i november 2040.

## Ärende 4 Nytt regeringsuppdrag

Regeringen beslutade den 25 april 2040 att ge Skolverket och MYH ett uppdrag om kartläggning av korta yrkesutbildningar.

GD-gruppen tackade för informationen.
"""

DOCS["2040-06-11_styrgrupp_protokoll.md"] = f"""# Styrgruppen MSV KLL - protokoll 2040-06-11

> {F}

Plats: Universitets- och högskolerådet, Stockholm. Närvarande: Helena Strand (ordf.), Jonas Wik, Maria Ahl, Peter Lund, Ali Rahimi. Sekreterare: Karin Holm.

### § 1 Dagordningen

Dagordningen fastställdes.

### § 2 Justerare

Maria Ahl valdes till justerare.

### § 3 Föregående protokoll

Protokollet från den 19 mars 2040 godkändes och lades till handlingarna.

### § 4 Verksamhetsplaneringsmall (VP-mall)

Kansliet presenterade ett utkast som har prövats av två grupper under våren.

Styrgruppen fastställde VP-mallen att användas av samtliga arbetsgrupper från och med hösten 2040.

### § 5 Lägesrapporter

| § | Ärende | Beslut |
|---|---|---|
| § 5 a | Lägesrapport, Kompetensförsörjningsdagarna | Lägesrapporten från KFD-gruppen godkändes. |
| § 5 b | Lägesrapport, finansieringsmodell | Lägesrapporten från finansieringsgruppen godkändes. |

### § 6 Spridning av resultat

Ordföranden påminde om GD-gruppens uppdrag den 7 maj om spridning till regionerna. Kansliet arbetar med ett utkast.

Styrgruppen noterade informationen.

### § 7 Nästa möte

Nästa möte hålls den 24 september 2040.
"""

DOCS["2040-08-27_arbetsgrupp-finansiering_minnesanteckningar.pdf"] = f"""# AG finansiering - minnesanteckningar 27 augusti 2040

{F}

Arbetsgruppen för finansieringsmodell. Digitalt möte. Med: Erik Sand (ordf.), Karin Holm, Lisa Ek, Johan Mattsson.

B: 1
## Anteckningar

Anteckningarna från den 5 mars godkändes.

B: 2
## Jämförelsen av alternativen

Karin Holm och Erik Sand presenterade jämförelsen av de tre alternativen i förstudierapporten.

Gruppen enades om att föreslå styrgruppen alternativ 2, finansiering i huvudsak via MYH:s anslag med ett grundbidrag om 150 000 kronor per deltagande myndighet och år.

B: 3
## Kostnadsuppgifter

Uppgifter har kommit in från 11 av 14 myndigheter. Noterades.

B: 4
## Nästa möte

Meddelas senare.
"""

DOCS["2040-09-10_beredningsgrupp_minnesanteckningar.pdf"] = f"""# Beredningsgruppen MSV KLL - minnesanteckningar

{F}

Datum: 2040-09-10. Plats: Tillväxtverket, Stockholm. Deltagare: Olof Sjö, Anna Falk, Emil Ros, Karin Holm.

## 1. Föregående anteckningar

Anteckningarna från den 12 februari lades till handlingarna.

## 2. Onboarding av nya styrgruppsledamöter

Uppdraget kommer från styrgruppen i mars.

Beredningsgruppen beslutade att föreslå styrgruppen ett introduktionspaket för nya ledamöter med ett digitalt välkomstmöte och en skriftlig introduktion, med kansliet som ansvarigt.

## 3. Anmälan till gemensamma arrangemang

Beredningsgruppen beslutade att anmälningar till MSV:s gemensamma arrangemang från 2041 görs i ett gemensamt anmälningsformulär som kansliet förvaltar.

## 4. Finansieringsmodellen

AG finansiering har lämnat sitt förslag till styrgruppen. Informationen noterades.
"""

DOCS["2040-09-17_arbetsgrupp-kfd_minnesanteckningar.md"] = f"""# KFD-gruppen, anteckningar 17 september 2040

_{F}_

Deltagare: Lena Berg, Sara Nord, Mikael Öst, Yasmin Haddad, Karin Holm.

**1**

Vi valde Sara Nord att justera anteckningarna.

**2** Konferensprogrammet

Lena Berg visade sitt utkast.

Vi fastställde agendan för de två dagarna i Malmö med tre seminariespår och en gemensam avslutning.

**3** Efter dagarna

Vi bestämde att Lena Berg tar fram en utvärderingsenkät till deltagarna, klar till gruppens möte i februari 2041.

**4** Avgiften

Avgiften på 900 kronor gäller enligt GD-gruppens beslut i maj. Ingen åtgärd.
"""

DOCS["2040-09-24_styrgrupp_protokoll.docx"] = f"""# Protokoll från styrgruppens sammanträde

{F}

Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande. Datum: 2040-09-24. Plats: Myndigheten för yrkeshögskolan, Västerås.

Närvarande: Helena Strand (ordförande), Jonas Wik, Maria Ahl, Peter Lund, Sofia Berg, Tove Dahl. Sekreterare: Karin Holm.

## § 1 Dagordning

Dagordningen fastställdes.

## § 2 Justerare

Jonas Wik valdes att jämte ordföranden justera protokollet.

## § 3 Föregående protokoll

Protokollet från den 11 juni 2040 godkändes och lades till handlingarna.

## § 4 Finansiering av samordningen från 2041

AG finansiering har redovisat en jämförelse av tre alternativ.

Styrgruppen ställde sig bakom alternativ 2 med ett grundbidrag om 150 000 kronor per myndighet och år och överlämnar förslaget till GD-gruppen för beslut.

## § 5 Introduktionspaket för nya ledamöter

Styrgruppen fastställde introduktionspaketet enligt beredningsgruppens förslag. Det första välkomstmötet hålls i januari 2041.

## § 6 Spridningsplan för regionerna

Kansliet presenterade en plan med regionala webbinarier och regionala nätverk.

Styrgruppen godkände den del av spridningsplanen som avser regionala webbinarier under 2041.

Kansliet fick i uppdrag att komplettera planen med formerna för de regionala nätverken senast den 15 december 2040.

## § 7 Rapporteringens frekvens

Kvartalsrapporteringen har visat sig tung för de mindre grupperna.

Styrgruppen beslutade, med ändring av beslutet den 19 mars 2040 (§ 4), att arbetsgruppernas lägesrapporter i stället lämnas två gånger per år, i maj och i november.

## § 8 Nästa möte

Nästa möte hålls den 3 december 2040.
"""

DOCS["2040-11-19_gd-grupp_protokoll.md"] = f"""# GD-gruppen MSV KLL - protokoll

**{F}**

Datum: 19 november 2040. Plats: Skolverket, Stockholm. Ordförande: Gunilla Ask. Sekreterare: Karin Holm.

## Ärende 1. Öppnande och justering

Dagordningen godkändes. Till justerare valdes Per Ek.

## Ärende 2. Finansieringsmodell för MSV KLL

Styrgruppen har ställt sig bakom alternativ 2 med ett grundbidrag om 150 000 kronor.

GD-gruppen beslutade att samordningen av MSV KLL från 2041 finansieras i huvudsak via MYH:s anslag kompletterat med ett grundbidrag om 120 000 kronor per deltagande myndighet och år.

## Ärende 3. Spridning till regionerna

Styrgruppen har godkänt webbinarierna. Kansliet informerade om att kompletteringen om de regionala nätverken ännu inte är klar.

GD-gruppen noterade informationen.

## Ärende 4. Kompetensförsörjningsdagarna 2040

Dagarna i Malmö samlade 410 deltagare.

GD-gruppen tackade för informationen.
"""


def lines(text):
    return text.strip("\n").split("\n")


def write_md(name, text):
    (HERE / name).write_bytes(text.encode("utf-8"))


def write_docx(name, text):
    import docx
    d = docx.Document()
    for ln in lines(text):
        if not ln.strip():
            continue
        if ln.startswith("# "):
            d.add_heading(ln[2:], level=1)
        elif ln.startswith("## "):
            d.add_heading(ln[3:], level=2)
        else:
            d.add_paragraph(ln)
    cp = d.core_properties
    cp.author = "MSV kansli (fiktivt)"
    cp.title = name
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.revision = 1
    cp.last_modified_by = "MSV kansli (fiktivt)"
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: i.filename):
            zi = zipfile.ZipInfo(info.filename, date_time=(2041, 1, 2, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    (HERE / name).write_bytes(out.getvalue())


def write_pdf(name, text):
    from fpdf import FPDF
    p = FPDF()
    p.set_creation_date(FIXED.replace(tzinfo=datetime.timezone.utc))
    p.set_producer("make_files.py")
    p.set_title(name)
    p.set_margins(20, 20, 20)
    p.add_page()
    w = p.w - 40
    for ln in lines(text):
        if not ln.strip():
            p.ln(3)
            continue
        if ln.startswith("# "):
            p.set_font("Helvetica", "B", 15)
            p.multi_cell(w, 8, ln[2:], new_x="LMARGIN", new_y="NEXT")
        elif ln.startswith("## "):
            p.set_font("Helvetica", "B", 12)
            p.multi_cell(w, 7, ln[3:], new_x="LMARGIN", new_y="NEXT")
        elif ln.startswith("B: "):
            p.set_font("Helvetica", "B", 13)
            p.multi_cell(w, 7, ln[3:], new_x="LMARGIN", new_y="NEXT")
        else:
            p.set_font("Helvetica", "", 11)
            p.multi_cell(w, 6, ln, new_x="LMARGIN", new_y="NEXT")
    data = bytes(p.output())
    (HERE / name).write_bytes(data)


def main():
    for name, text in DOCS.items():
        if name.endswith(".md"):
            write_md(name, text)
        elif name.endswith(".docx"):
            write_docx(name, text)
        else:
            write_pdf(name, text)
        print("wrote", name)


if __name__ == "__main__":
    main()
