#!/usr/bin/env python3
"""Writes the 12 fictional minutes of dev11 (5 Markdown, 4 DOCX, 3 PDF), byte-reproducibly.

Run with the project's venv (python-docx, fpdf2):  python make_files.py
DOCX: fixed core properties and fixed ZIP member timestamps. PDF: fixed creation date,
producer and file /ID, core Helvetica only (Latin-1 text: '-' instead of en dash).
"""
import datetime
import io
import os
import zipfile

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2037, 12, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
MARK = "FIKTIVT EXEMPEL - alla personer, datum, siffror och beslut är påhittade."

# ---------------------------------------------------------------- Markdown (5)

MD = {}

MD["2037-01-27_styrgrupp_protokoll.md"] = """\
# Protokoll – Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande

**FIKTIVT EXEMPEL** – alla personer, datum, siffror och beslut är påhittade.

Datum: 27 januari 2037, kl. 09.30–12.00
Plats: MYH, Västerås, och digitalt
Närvarande: Karin Holmberg (MYH, ordförande), Per Sundin (Arbetsförmedlingen), Leila Haddad (Skolverket),
Tomas Ek (Svenska ESF-rådet), Anneli Vik (Tillväxtverket), Jonas Berg (UKÄ), Sara Lund (UHR),
Erik Nyström (Folkbildningsrådet), Mira Sandberg (Vinnova), Olof Dahl (SCB)
Sekreterare: Ida Franzén (sekretariatet)

## § 1 Mötets öppnande och dagordning

Ordföranden öppnade mötet. Dagordningen fastställdes.

## § 2 Val av justerare

Leila Haddad valdes att jämte ordföranden justera dagens protokoll.

## § 3 Föregående protokoll

Protokollet från mötet den 9 december 2036 godkändes och lades till handlingarna.

## § 4 Regleringsbrevet för 2037

Sekretariatet redogjorde för MYH:s regleringsbrev för 2037. Regeringen har i regleringsbrevet beslutat att
myndighetssamverkan ska redovisa sina resultat i en samlad årsrapport senast den 1 mars 2038.
Styrgruppen noterade informationen.

## § 5 Gemensam förteckning över regeringsuppdrag

Sekretariatet presenterade ett första utkast till en förteckning över de regeringsuppdrag som berör flera
myndigheter i samverkan. Ärendet bereds vidare av beredningsgruppen och kommer att behandlas vid
styrgruppens möte i mars.

## § 6 Introduktion av nya deltagare

Under 2036 tillkom ett fyrtiotal nya deltagare i arbetsgrupperna. Flera processledare har efterfrågat ett
gemensamt stöd när nya medarbetare kommer in i samverkan.

Styrgruppen gav sekretariatet i uppdrag att ta fram ett förslag till introduktionsprogram för nya deltagare i MSV KLL. Förslaget ska redovisas vid styrgruppens möte i juni 2037.

## § 7 Verksamhetsbudget 2037

Beredningsgruppen har berett frågan om finansiering av gemensamma arrangemang enligt alternativ 2 i
förstudiernas rapport.

Styrgruppen beslutade att fastställa en gemensam verksamhetsbudget för 2037 om 2 400 000 kronor, som finansieras via MYH:s anslag och används för kickoff, konferenser och andra gemensamma arrangemang.

## § 8 STEM-strategin – inspel från myndighetssamverkan

Regeringen följer under 2037 upp den nationella STEM-strategin. Arbetsgruppen STEM har tidigare tagit fram
en promemoria som styrgruppen beslutade om och som skickades till Regeringskansliet.

Styrgruppen gav arbetsgruppen för STEM-utbildningar i uppdrag att ta fram ett gemensamt inspel till regeringens uppföljning av STEM-strategin. Inspelet ska redovisas till styrgruppen senast den 31 maj 2037.

## § 9 Lägesbedömningar hösten 2036

Sekretariatet sammanfattade arbetsgruppernas lägesbedömningar. Två arbetsgrupper bedömer sitt arbete som
gult, övriga som grönt. Informationen noterades.

## § 10 Nästa möte

Nästa möte hålls den 16 mars 2037.

Vid protokollet: Ida Franzén
Justeras: Karin Holmberg, Leila Haddad
"""

MD["2037-03-03_beredningsgrupp_minnesanteckningar.md"] = """\
# Beredningsgruppen – minnesanteckningar

*FIKTIVT EXEMPEL – alla personer, datum och beslut är påhittade.*

**Datum:** 2037-03-03, kl. 13–15, digitalt
**Närvarande:** Tomas Ek (ESF-rådet, sammankallande), Jonas Berg (UKÄ), Per Sundin (Arbetsförmedlingen),
Ida Franzén (sekretariatet, anteckningar)

**1.** Förra mötets anteckningar

Anteckningarna från den 10 februari 2037 lades till handlingarna.

**2.** Förteckning över regeringsuppdrag

Styrgruppen har bett beredningsgruppen bereda sekretariatets utkast (styrgruppen 27 januari, § 5). Gruppen gick
igenom utkastet och de synpunkter som kommit in från myndigheterna. Flera myndigheter vill se vem som är
ansvarig och när uppdragen ska redovisas.

Beredningsgruppen enades om att föreslå styrgruppen att sekretariatet för en gemensam ärendelogg över regeringsuppdrag som berör minst två myndigheter i samverkan, och att loggen uppdateras inför varje styrgruppsmöte.

**3.** Processledarmötenas frekvens

Sekretariatet har fått signaler om att flera processledare har svårt att hinna med mötena var sjätte vecka.
Frågan läggs fram för beslut i styrgruppen den 16 mars.

**4.** Övrigt

Inga övriga frågor.
"""

MD["2037-04-07_arbetsgrupp-vagledning_minnesanteckningar.md"] = """\
# Anteckningar från Vägledningsgruppens möte 7 april 2037

FIKTIVT EXEMPEL – alla personer, datum och beslut är påhittade.

Arbetsgruppen för studie- och yrkesvägledning inom MSV KLL, digitalt möte 13.00–15.00.
Med: Elin Borg (Skolverket, processledare), Rasmus Holm (Arbetsförmedlingen), Nora Aziz (Folkbildningsrådet),
Kristina Sjö (UHR), Ida Franzén (sekretariatet).

1. Runda och förra anteckningarna

Kort runda om läget på myndigheterna. Anteckningarna från 3 mars lades till handlingarna.

2. Styrgruppens nya uppdrag

Elin berättade om uppdraget från styrgruppen den 16 mars (kartläggning och strategiförslag till 15 september).
Vi diskuterade hur mycket vi hinner före sommaren. Rasmus tyckte att strategin borde vänta tills vi vet vad
myndigheterna faktiskt gör.

Vi bestämde att kartläggningen görs med en enkät till alla tio myndigheter i maj och att Rasmus Holm sammanställer svaren till vårt möte i september. Strategin tar vi upp efter sommaren.

3. Webbinarium

Nora föreslog ett webbinarium för vägledare i kommuner och regioner. Vi kom överens om att Nora Aziz tar fram ett upplägg och ett datumförslag till septembermötet.

4. Omvärld

Kristina berättade om en ny rapport om vuxnas studieval. Ingen åtgärd.

5. Nästa gång

22 september, på UHR.
"""

MD["2037-09-08_arbetsgrupp-stem_minnesanteckningar.md"] = """\
# STEM-gruppen – minnesanteckningar 8 september 2037

FIKTIVT EXEMPEL – alla personer, datum och beslut är påhittade.

Arbetsgruppen STEM, Myndighetssamverkan KLL. Plats: UHR, Stockholm.
Närvarande: Hanna Ström (UHR, processledare), Ali Rezaei (Skolverket), Johanna Pettersson (MYH),
Mattias Lind (UKÄ), Sofia Wik (Arbetsförmedlingen). Processtöd: Ida Franzén (sekretariatet).

**1** Välkommen

Hanna hälsade välkommen. Vi valde Mattias Lind att justera anteckningarna.

**2** Mötesdag

Frågan från februari togs upp igen. Vi beslutade att gruppen i fortsättningen träffas andra tisdagen varannan månad.

**3** Skrivelsen om STEM-strategin

Utkastet har bearbetats efter workshopen i april och uppdaterats med UKÄ:s statistik från juni. Ali gick
igenom de fyra rekommendationerna.

Vi beslutade att lämna över promemorian Fler i naturvetenskapliga och tekniska utbildningar till styrgruppen för beslut vid mötet i oktober.

**4** Regionerna

Johanna redovisade samtal med sex regioner om hur de vill medverka.

Vi bestämde att en referensgrupp med fyra regioner (Västra Götaland, Norrbotten, Skåne och Örebro län) knyts till gruppen från och med november.

**5** Kickoff

Kort återkoppling från kickoffen i augusti. Noterades.
"""

MD["2037-10-19_styrgrupp_protokoll.md"] = """\
# Styrgruppen MSV KLL – protokoll 19 oktober 2037

> FIKTIVT EXEMPEL – alla personer, datum, siffror och beslut är påhittade.

Tid och plats: 19 oktober 2037, UKÄ, Stockholm
Närvarande: Karin Holmberg (ordförande), Per Sundin, Leila Haddad, Tomas Ek, Anneli Vik, Jonas Berg,
Sara Lund, Erik Nyström, Mira Sandberg, Olof Dahl
Sekreterare: Ida Franzén

### § 1 Dagordning

Dagordningen fastställdes.

### § 2 Justering

Olof Dahl valdes att jämte ordföranden justera protokollet.

### § 3 Föregående protokoll

Protokollet från den 9 juni 2037 godkändes och lades till handlingarna.

### § 4 Digital samverkansplattform

Beredningsgruppen har på styrgruppens uppdrag berett frågan och föreslår en gemensam samarbetsyta som ersätter
Teams som gemensam arbetsyta.

Styrgruppen ställde sig bakom beredningsgruppens förslag om en gemensam samarbetsyta med lagring inom Sverige och beslutade att överlämna förslaget till GD-gruppen som svar på dess uppdrag den 21 april 2037.

### § 5 Gemensam budgetram 2037 – revidering

Kostnaderna för kickoffen i augusti blev högre än beräknat och ytterligare en konferens planeras i december.

Styrgruppen beslutade, med ändring av beslutet den 27 januari 2037 (§ 7), att utöka verksamhetsbudgeten för 2037 till 2 750 000 kronor.

### § 6 Promemoria om fler i naturvetenskapliga och tekniska utbildningar

Hanna Ström, processledare för STEM-gruppen, föredrog promemorian.

Styrgruppen beslutade att anta promemorian och att den skickas till Utbildningsdepartementet som myndighetssamverkans inspel senast den 1 november 2037.

Erik Nyström (Folkbildningsrådet) deltog inte i beslutet.

### § 7 Vägledningsinsatser för vuxna

Vägledningsgruppen har lämnat över sin kartläggning. Förslaget till strategi är inte klart.

Styrgruppen godkände kartläggningen av myndigheternas vägledningsinsatser för vuxna.

Styrgruppen gav Vägledningsgruppen i uppdrag att redovisa förslaget till gemensam strategi för vägledning senast den 31 mars 2038.

### § 8 Årshjul för sekretariatets arbete

Ärendet bordlades vid mötet den 9 juni 2037.

Styrgruppen fastställde årshjulet för sekretariatets arbete 2038 med fyra styrgruppsmöten och två GD-möten.

### § 9 Lägesbedömningar

Sekretariatet påminde om att höstens lägesbedömningar ska lämnas senast den 15 november. Noterades.

### § 10 Nästa möte

Nästa möte hålls den 14 december 2037.

Vid protokollet: Ida Franzén
Justeras: Karin Holmberg, Olof Dahl
"""

# ---------------------------------------------------------------- DOCX (4)
# blocks: ("title", t) ("h", t) ("p", t) ("b", t) bold paragraph, ("table", [rows])

DOCX = {}

DOCX["2037-02-17_arbetsgrupp-stem_minnesanteckningar.docx"] = [
    ("title", "Minnesanteckningar - Arbetsgruppen STEM"),
    ("b", MARK),
    ("p", "Datum: 17 februari 2037, digitalt möte"),
    ("p", "Deltagare: Hanna Ström (UHR, processledare), Ali Rezaei (Skolverket), Johanna Pettersson (MYH), "
          "Mattias Lind (UKÄ), Sofia Wik (Arbetsförmedlingen). Processtöd från sekretariatet: Ida Franzén."),
    ("h", "Punkt 1. Inledning"),
    ("p", "Hanna hälsade välkommen. Dagordningen godkändes."),
    ("h", "Punkt 2. Uppdrag från styrgruppen"),
    ("p", "Styrgruppen gav den 27 januari gruppen i uppdrag att ta fram ett inspel till uppföljningen av "
          "STEM-strategin till den 31 maj. Gruppen diskuterade hur arbetet ska läggas upp."),
    ("p", "Gruppen beslutade att arbeta i task force-form: ett utkast till skrivelse tas fram av Hanna Ström "
          "och Ali Rezaei och diskuteras vid en workshop i april, med processtöd från sekretariatet."),
    ("p", "Gruppen bedömde att tidplanen är pressad eftersom UKÄ:s statistik över antagna till tekniska "
          "utbildningar publiceras först i juni. Hanna tar upp tidplanen med styrgruppens ordförande."),
    ("h", "Punkt 3. Regionernas medverkan"),
    ("p", "Flera regioner har visat intresse för gruppens arbete."),
    ("p", "Johanna Pettersson fick i uppdrag att till gruppens möte i september ta fram ett förslag på hur "
          "regionerna kan knytas till gruppen."),
    ("h", "Punkt 4. Statistik om STEM-utbildningar"),
    ("p", "Mattias Lind presenterade UKÄ:s senaste siffror om examina inom naturvetenskap och teknik. "
          "Informationen noterades."),
    ("h", "Punkt 5. Mötesdag"),
    ("p", "Sofia föreslog att gruppen byter mötesdag från måndag. Frågan om att byta mötesdag bordlades "
          "till nästa möte."),
    ("h", "Punkt 6. Nästa möte"),
    ("p", "Nästa möte bokas i september."),
]

DOCX["2037-04-21_gd-grupp_protokoll.docx"] = [
    ("title", "Protokoll från GD-gruppens möte"),
    ("p", "Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("b", MARK),
    ("p", "Datum: 21 april 2037. Plats: Arbetsförmedlingen, Stockholm."),
    ("p", "Närvarande: generaldirektörerna för MYH (ordförande), Arbetsförmedlingen, Skolverket, Svenska "
          "ESF-rådet, Tillväxtverket, UKÄ, UHR, Vinnova och SCB samt Folkbildningsrådets generalsekreterare. "
          "Från styrgruppen: Karin Holmberg. Sekreterare: Ida Franzén."),
    ("h", "Ärende 1 Öppnande"),
    ("p", "Mötet öppnades och dagordningen godkändes."),
    ("h", "Ärende 2 Rapport från styrgruppen"),
    ("p", "Karin Holmberg redogjorde för styrgruppens beslut den 27 januari och 16 mars 2037, bland annat "
          "verksamhetsbudgeten för 2037, förlängningen för STEM-gruppen och den glesare mötesrytmen för "
          "processledarna. GD-gruppen tackade för informationen."),
    ("h", "Ärende 3 Gemensam IT-lösning för samverkan"),
    ("p", "Flera myndigheter avråder från Teams av dataskyddsskäl, och deltagarna kan inte ta del av "
          "varandras kalendrar. Mycket tid går åt till mötesplanering."),
    ("p", "GD-gruppen gav styrgruppen i uppdrag att utreda förutsättningarna för en gemensam IT-lösning som "
          "möjliggör rättssäker delning av handlingar mellan myndigheterna. Utredningen redovisas till "
          "GD-gruppen vid mötet i november 2037."),
    ("h", "Ärende 4 Mötesformer för processledarna"),
    ("p", "Flera generaldirektörer framhöll att processledarmötena är samverkans viktigaste forum för "
          "erfarenhetsutbyte mellan arbetsgrupperna."),
    ("p", "GD-gruppen beslutade att upphäva styrgruppens beslut den 16 mars 2037 om glesare "
          "processledarmöten. PL-mötena ska även fortsättningsvis hållas var sjätte vecka."),
    ("h", "Ärende 5 Arbetsordning"),
    ("p", "MSV KLL saknar fortfarande en fastställd arbetsordning som klargör mandat och uppgifter."),
    ("p", "GD-gruppen gav sekretariatet i uppdrag att ta fram ett förslag till arbetsordning för MSV KLL. "
          "Förslaget ska redovisas till GD-gruppen senast den 1 december 2037."),
    ("h", "Ärende 6 Regeringsuppdrag till Tillväxtverket"),
    ("p", "Regeringen beslutade den 3 april 2037 att ge Tillväxtverket i uppdrag att ta fram regionala "
          "kompetensanalyser tillsammans med regionerna. GD-gruppen noterade informationen."),
    ("h", "Ärende 7 Nästa möte"),
    ("p", "Nästa möte hålls den 23 november 2037."),
]

DOCX["2037-06-09_styrgrupp_protokoll.docx"] = [
    ("title", "Protokoll - styrgruppen MSV KLL"),
    ("b", MARK),
    ("p", "Datum: 9 juni 2037. Plats: Skolverket, Stockholm."),
    ("p", "Närvarande: Karin Holmberg (MYH, ordförande), Per Sundin, Leila Haddad, Tomas Ek, Anneli Vik, "
          "Jonas Berg, Sara Lund, Erik Nyström, Mira Sandberg. Förhinder: Olof Dahl (SCB). "
          "Sekreterare: Ida Franzén."),
    ("h", "Formalia"),
    ("p", "§ 1 Dagordningen fastställdes."),
    ("p", "§ 2 Sara Lund valdes att jämte ordföranden justera protokollet."),
    ("p", "§ 3 Protokollet från den 16 mars 2037 godkändes."),
    ("h", "§ 4 Rapport från GD-gruppens möte den 21 april"),
    ("p", "Ordföranden rapporterade från GD-gruppen. GD-gruppen har upphävt styrgruppens beslut om "
          "processledarmötenas frekvens; mötena hålls fortsatt var sjätte vecka. GD-gruppen har också gett "
          "styrgruppen i uppdrag att utreda en gemensam IT-lösning. Styrgruppen noterade informationen."),
    ("h", "Beslutsärenden"),
    ("table", [
        ["§", "Ärende", "Beslut"],
        ["§ 5", "Välkomstpaket för nya medarbetare i samverkan",
         "Styrgruppen godkände sekretariatets välkomstpaket med en digital introduktionsträff två gånger per "
         "år, en introduktionsfilm och en mentor från den egna myndigheten för varje ny processledare. "
         "Paketet införs från hösten 2037."],
        ["§ 6", "Utredning om gemensam samarbetsyta (GD-gruppens uppdrag 21 april)",
         "Styrgruppen överlämnade GD-gruppens uppdrag till beredningsgruppen, som ska lämna ett förslag till "
         "styrgruppens möte i oktober 2037."],
        ["§ 7", "Vägledning för diarieföring",
         "Styrgruppen fastställde sekretariatets vägledning för diarieföring av handlingar som upprättas i "
         "arbetsgrupperna."],
        ["§ 8", "Årshjul för sekretariatets arbete",
         "Ärendet bordlades till nästa möte."],
    ]),
    ("h", "§ 9 Övrigt"),
    ("p", "Sekretariatet informerade om ett webbinarium om horisontella perspektiv den 28 september. "
          "Informationen noterades."),
    ("h", "§ 10 Avslutning"),
    ("p", "Ordföranden tackade och avslutade mötet."),
    ("p", "Vid protokollet: Ida Franzén. Justeras: Karin Holmberg, Sara Lund."),
]

DOCX["2037-11-23_gd-grupp_protokoll.docx"] = [
    ("title", "GD-gruppen för myndighetssamverkan KLL - protokoll"),
    ("b", MARK),
    ("p", "Datum: 23 november 2037. Plats: MYH, Västerås."),
    ("p", "Närvarande: generaldirektörerna för de samverkande myndigheterna och Folkbildningsrådets "
          "generalsekreterare. Från styrgruppen: Karin Holmberg. Sekreterare: Ida Franzén."),
    ("h", "Ärende 1. Mötets öppnande"),
    ("p", "Dagordningen fastställdes. Generaldirektören för UHR valdes att justera protokollet."),
    ("h", "Ärende 2. Föregående protokoll"),
    ("p", "Protokollet från den 21 april 2037 lades till handlingarna."),
    ("h", "Ärende 3. IT-stöd för myndighetssamverkan"),
    ("p", "Styrgruppen har redovisat GD-gruppens uppdrag från april. Styrgruppen och beredningsgruppen "
          "föreslår en gemensam samarbetsyta med lagring inom Sverige och delade kalendrar."),
    ("p", "GD-gruppen beslutade att en gemensam samarbetsyta med lagring inom Sverige införs under 2038 och "
          "att MYH ansvarar för upphandlingen. Teams används som gemensam arbetsyta till och med den "
          "31 december 2038."),
    ("h", "Ärende 4. Arbetsordning"),
    ("p", "Sekretariatet informerade om att förslaget till arbetsordning har försenats och beräknas vara klart "
          "i februari 2038. GD-gruppen tackade för informationen."),
    ("h", "Ärende 5. Introduktion av nya deltagare"),
    ("p", "Sekretariatet berättade att den första introduktionsträffen hölls den 14 oktober med 35 deltagare. "
          "Informationen noterades."),
    ("h", "Ärende 6. Nästa möte"),
    ("p", "Nästa möte hålls i april 2038."),
]

# ---------------------------------------------------------------- PDF (3)
# blocks: ("title", t) ("h", t) ("p", t) ("b", t)

PDF = {}

PDF["2037-03-16_styrgrupp_protokoll.pdf"] = [
    ("title", "PROTOKOLL"),
    ("p", "Styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)"),
    ("b", MARK),
    ("p", "Sammanträdesdag: 2037-03-16, kl. 09.00-12.00. Plats: Tillväxtverket, Stockholm."),
    ("p", "Närvarande: Karin Holmberg (MYH, ordförande), Per Sundin, Leila Haddad, Tomas Ek, Anneli Vik, "
          "Jonas Berg, Sara Lund, Erik Nyström, Mira Sandberg, Olof Dahl. Sekreterare: Ida Franzén."),
    ("h", "§ 1 Dagordning"),
    ("p", "Dagordningen godkändes med tillägg av en informationspunkt om OECD under § 9."),
    ("h", "§ 2 Justering"),
    ("p", "Per Sundin utsågs att jämte ordföranden justera protokollet."),
    ("h", "§ 3 Föregående protokoll"),
    ("p", "Protokollet från den 27 januari 2037 lades till handlingarna."),
    ("h", "§ 4 Anmälan av beredningsgruppens anteckningar"),
    ("p", "Anteckningarna från beredningsgruppens möte den 3 mars 2037 anmäldes. Styrgruppen noterade "
          "informationen."),
    ("h", "§ 5 Uppföljning av regeringsuppdrag i samverkan"),
    ("p", "Beredningsgruppen har lämnat ett förslag om hur gemensamma regeringsuppdrag ska följas upp."),
    ("p", "Styrgruppen beslutade att sekretariatet från och med april 2037 ska föra en förteckning över "
          "gemensamma regeringsuppdrag, med ansvarig myndighet och redovisningsdatum, som uppdateras inför "
          "varje styrgruppsmöte."),
    ("h", "§ 6 Arbetsgruppen STEM - tidplan"),
    ("p", "Processledaren för STEM-gruppen har meddelat att UKÄ:s statistik om antagna till tekniska "
          "utbildningar publiceras först i juni och att inspelet bör bygga på den."),
    ("p", "Styrgruppen beslutade att förlänga redovisningstiden för STEM-gruppens inspel till den "
          "30 september 2037."),
    ("h", "§ 7 Processledarmöten"),
    ("p", "Beredningsgruppen har tagit upp att flera processledare har svårt att hinna med mötena."),
    ("p", "Styrgruppen beslutade att processledarmötena från och med maj 2037 hålls var åttonde vecka i "
          "stället för var sjätte vecka."),
    ("p", "Anneli Vik (Tillväxtverket) anmälde avvikande mening."),
    ("h", "§ 8 Vägledning för vuxna"),
    ("p", "Regeringen har i flera sammanhang lyft behovet av samordnad studie- och yrkesvägledning för vuxna."),
    ("p", "Styrgruppen gav Vägledningsgruppen i uppdrag att dels kartlägga myndigheternas vägledningsinsatser "
          "för vuxna, dels ta fram ett förslag till gemensam strategi för vägledning. Båda delarna ska "
          "redovisas senast den 15 september 2037."),
    ("h", "§ 9 Information från OECD"),
    ("p", "Styrgruppen informerades om OECD:s uppföljning av TSI-projektet. Noterades."),
    ("h", "§ 10 Nästa möte"),
    ("p", "Nästa möte hålls den 9 juni 2037."),
    ("p", "Vid protokollet: Ida Franzén. Justeras: Karin Holmberg, Per Sundin."),
]

PDF["2037-08-25_beredningsgrupp_minnesanteckningar.pdf"] = [
    ("title", "Minnesanteckningar - beredningsgruppen"),
    ("b", MARK),
    ("p", "Datum: 25 augusti 2037, digitalt. Närvarande: Tomas Ek (sammankallande), Jonas Berg, Per Sundin, "
          "Ida Franzén (sekretariatet)."),
    ("h", "Föregående anteckningar"),
    ("p", "Anteckningarna från den 3 mars 2037 lades till handlingarna."),
    ("h", "Gemensam samarbetsyta"),
    ("p", "Styrgruppen lämnade den 9 juni över GD-gruppens uppdrag om en gemensam IT-lösning till "
          "beredningsgruppen. Sekretariatet har gjort en kartläggning av de IT-verktyg som myndigheterna "
          "använder i dag; fyra av tio myndigheter avråder från Teams."),
    ("p", "Beredningsgruppen enades om att föreslå styrgruppen att MYH upphandlar en gemensam samarbetsyta med "
          "lagring inom Sverige och delade kalendrar, och att Teams fasas ut som gemensam arbetsyta under 2038."),
    ("h", "Verksamhetsbudgeten"),
    ("p", "Sekretariatet redovisade utfallet hittills: kickoffen i augusti blev dyrare än beräknat. "
          "Beredningsgruppen bedömer att budgetramen behöver utökas med 350 000 kronor. Ett förslag läggs fram "
          "för beslut i styrgruppen i oktober."),
    ("h", "Årsrapport 2037"),
    ("p", "Kort diskussion om dispositionen. Frågan tas upp igen när regleringsbrevets krav är analyserade."),
]

PDF["2037-09-22_arbetsgrupp-vagledning_minnesanteckningar.pdf"] = [
    ("title", "Minnesanteckningar"),
    ("p", "AG Vägledning - arbetsgruppen för studie- och yrkesvägledning inom MSV KLL"),
    ("b", MARK),
    ("p", "Datum: 22 september 2037. Plats: UHR, Stockholm."),
    ("p", "Närvarande: Elin Borg (Skolverket, processledare), Rasmus Holm, Nora Aziz, Kristina Sjö, "
          "Ida Franzén (sekretariatet)."),
    ("h", "Punkt 1: Inledning"),
    ("p", "Dagordningen godkändes. Anteckningarna från den 7 april lades till handlingarna."),
    ("h", "Punkt 2: Kartläggningen av vägledningsinsatser"),
    ("p", "Rasmus presenterade sammanställningen av enkäten; nio av tio myndigheter har svarat. "
          "Sammanställningen visar 23 insatser riktade till vuxna, varav en tredjedel saknar uppföljning."),
    ("p", "Gruppen beslutade att överlämna kartläggningen till styrgruppen."),
    ("p", "Förslaget till gemensam strategi för vägledning är inte klart. Gruppen bedömer att det kan "
          "redovisas tidigast i början av 2038. Elin informerar styrgruppen."),
    ("h", "Punkt 3: Höstens webbinarium"),
    ("p", "Nora visade ett upplägg med tre korta inlägg och en panel."),
    ("p", "Gruppen beslutade att webbinariet Vägledning för vuxna - vad gör myndigheterna? hålls den "
          "12 november 2037 och att Nora Aziz är moderator."),
    ("h", "Punkt 4: Övrigt"),
    ("p", "Inga övriga frågor."),
]


# ---------------------------------------------------------------- writers

def fix_zip(data: bytes) -> bytes:
    """Rewrite a DOCX zip with fixed member timestamps and order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2037, 12, 1, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def write_docx(name, blocks):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    for kind, val in blocks:
        if kind == "title":
            doc.add_heading(val, level=1)
        elif kind == "h":
            doc.add_heading(val, level=2)
        elif kind == "p":
            doc.add_paragraph(val)
        elif kind == "b":
            doc.add_paragraph().add_run(val).bold = True
        elif kind == "table":
            t = doc.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
    cp = doc.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.last_modified_by = "Sekretariatet MSV KLL (fiktivt)"
    cp.title = name[:-5]
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    with open(os.path.join(HERE, name), "wb") as fh:
        fh.write(fix_zip(buf.getvalue()))


class _PDF(FPDF):
    def file_id(self):  # fixed /ID for reproducibility
        return "<0D11A0000000000000000000000000D1><0D11A0000000000000000000000000D1>"


def write_pdf(name, blocks):
    pdf = _PDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("make_files.py (dev11)")
    pdf.set_title(name[:-4])
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    w = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, val in blocks:
        if kind == "title":
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(w, 8, val, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(w, 6, val, new_x="LMARGIN", new_y="NEXT")
        elif kind == "b":
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(w, 5, val, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(w, 5, val, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    pdf.output(os.path.join(HERE, name))


def main():
    for name, text in MD.items():
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    for name, blocks in DOCX.items():
        write_docx(name, blocks)
    for name, blocks in PDF.items():
        write_pdf(name, blocks)
    print(f"wrote {len(MD)} md, {len(DOCX)} docx, {len(PDF)} pdf")


if __name__ == "__main__":
    main()
