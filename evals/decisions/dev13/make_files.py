#!/usr/bin/env python3
"""Write the 12 fictional minutes of dev13 (5 Markdown, 4 DOCX, 3 PDF), byte-reproducibly.

All text lives in this script. FIKTIVT EXEMPEL: persons, dates, figures and decisions are invented.
Mini markup for DOCX/PDF: '# ' title, '## ' heading, '**n** rest' bold number, '| a | b |' table rows,
other non-empty lines are paragraphs. Markdown files are written verbatim.
Run: python make_files.py  (twice, and compare checksums)
"""
import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2040, 1, 15, 9, 0, 0, tzinfo=timezone.utc)

FILES = {}

FILES["2039-01-20_styrgrupp_protokoll.md"] = """\
# Protokoll – styrgruppen för Myndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL)

**FIKTIVT EXEMPEL** – personer, datum, siffror och beslut är påhittade.

Sammanträdesdatum: 2039-01-20, kl. 13.00–15.30
Plats: Myndigheten för yrkeshögskolan (MYH), Stockholm, samt digitalt

Närvarande ledamöter: Karin Wahlström (MYH, ordförande), Per Ulfsäter (Arbetsförmedlingen), Leila Haddad (Skolverket),
Jonas Bergkvist (Svenska ESF-rådet), Anneli Rask (Tillväxtverket), Olof Strand (UKÄ), Mira Sandén (UHR),
Henrik Dahlin (Folkbildningsrådet), Sofie Lövgren (Vinnova), Tomas Näslund (SCB)

Från sekretariatet: Ida Forsberg (sekreterare), Emil Hallberg

## § 1 Mötets öppnande och dagordning

Ordföranden hälsade välkommen och öppnade mötet.

Dagordningen fastställdes med tillägg av en övrig fråga om SCB:s medverkan.

## § 2 Val av justerare

Styrgruppen valde Olof Strand att jämte ordföranden justera dagens protokoll.

## § 3 Föregående protokoll

Protokollet från sammanträdet den 9 december 2038 godkändes och lades till handlingarna.

## § 4 Regleringsbrev för 2039

Ida Forsberg redogjorde för MYH:s regleringsbrev för 2039. Regeringen har i regleringsbrevet beslutat att MYH även
under 2039 ska samordna myndighetssamverkan och redovisa arbetet senast den 22 februari 2040.

Styrgruppen noterade informationen.

## § 5 Lägesbedömningar hösten 2038

Sekretariatet presenterade en sammanfattning av arbetsgruppernas lägesbedömningar. Två arbetsgrupper har gul
status. En fördjupad genomgång kommer att tas upp vid styrgruppens sammanträde i mars.

Informationen noterades.

## § 6 Registrering och arkivering av samverkansdokument

Myndighetssamverkan saknar en gemensam ordning för hur protokoll, minnesanteckningar och underlag diarieförs och
arkiveras hos värdmyndigheten.

Styrgruppen gav sekretariatet i uppdrag att ta fram en rutin för diarieföring och arkivering av MSV:s
mötesdokument. Rutinen ska redovisas vid styrgruppens sammanträde i juni 2039.

## § 7 Bevakningsområden för omvärldsbevakningen 2039

Arbetsgruppen för omvärldsbevakning och analys har lämnat förslag på vilka områden samverkans gemensamma
omvärldsbevakning ska följa under året.

Styrgruppen fastställde fem bevakningsområden för 2039: (1) arbetsmarknadens kompetensbehov, (2) yrkeshögskolans
och högskolans dimensionering, (3) validering, (4) regionala kompetensförsörjningsinsatser och (5) EU:s och OECD:s
arbete med kompetensförsörjning.

## § 8 Gemensam samarbetsyta för arbetsgrupperna

Flera myndigheter avråder från den nuvarande samarbetslösningen av dataskyddsskäl, och alla myndigheter har inte
tillgång till samma verktyg.

Styrgruppen uppdrog åt arbetsgruppen IT-stöd att kartlägga medlemsmyndigheternas krav på en gemensam samarbetsyta
och lämna förslag till styrgruppen senast den 31 maj 2039.

## § 9 Nätverksträff för regionala strateger

Styrgruppen beslutade att MSV tillsammans med Tillväxtverket bjuder in till en nätverksträff för regionala
strateger inom kompetensförsörjning den 12 maj 2039.

## § 10 Övriga frågor

Tomas Näslund informerade om att SCB från och med 2039 utser en ordinarie ledamot och en ersättare i styrgruppen.
Styrgruppen välkomnade beskedet.

## § 11 Nästa sammanträde

Nästa sammanträde hålls den 17 mars 2039.

Vid protokollet: Ida Forsberg
Justeras: Karin Wahlström, Olof Strand
"""

FILES["2039-02-08_beredningsgrupp_minnesanteckningar.docx"] = """\
# Minnesanteckningar - beredningsgruppen, MSV KLL
FIKTIVT EXEMPEL - personer, datum och beslut är påhittade.
Datum: 8 februari 2039, digitalt möte
Deltagare: Emil Hallberg (sekretariatet, sammankallande), Hanna Rydén (Arbetsförmedlingen), Karl Öberg (MYH), Vera Lind (Skolverket), Nils Ahlgren (UHR)
Antecknare: Emil Hallberg
## Punkt 1. Inledning
Emil Hallberg hälsade välkommen.
Dagordningen godkändes.
## Punkt 2. Årsplanering för styrgruppens sammanträden
Sekretariatet har sett att underlagen till styrgruppen ofta kommer sent eftersom sammanträdesdatum bestäms löpande under året.
Beredningsgruppen enades om att föreslå styrgruppen ett årshjul med fyra ordinarie sammanträden per år, i februari, juni, september och december, och att underlag ska skickas ut tio arbetsdagar före varje sammanträde.
## Punkt 3. Bevakningsområden
Styrgruppen fastställde den 20 januari fem bevakningsområden för omvärldsbevakningen. Omvärldsgruppen återkommer om hur områdena ska följas upp.
Noterades.
## Punkt 4. Lägesbedömningar
En fördjupad genomgång av arbetsgruppernas lägesbedömningar förbereds till styrgruppens sammanträde i mars, där ett förslag läggs fram för beslut.
## Punkt 5. Nästa möte
Nästa möte hålls den 1 mars 2039.
"""

FILES["2039-02-24_arbetsgrupp-omvarldsbevakning_minnesanteckningar.md"] = """\
# Anteckningar från omvärldsgruppens möte 24 februari 2039

FIKTIVT EXEMPEL – allt innehåll är påhittat.

Arbetsgruppen för omvärldsbevakning och analys, MSV KLL
Tid: 24 februari 2039 kl. 9–11, videomöte via MYH:s mötestjänst
Närvarande: Sara Kvist (processledare, Tillväxtverket), Ali Rahimi (SCB), Lena Frisk (Arbetsförmedlingen),
Jonatan Ek (Vinnova), Malin Torstensson (UKÄ)
Antecknare: Lena

1. Välkomna

Sara hälsade alla välkomna. Dagordningen godkändes utan ändringar.

2. Uppföljning av bevakningsområdena

Styrgruppen fastställde i januari fem bevakningsområden för året. Vi pratade om hur vi ska följa upp dem och om
något viktigt saknas.

Vi kom överens om att varje område får en ansvarig myndighet och att Ali sammanställer en avstämning av områdena
till gruppens möte i september, där vi också ser över om något område saknas.

3. Omvärldsbrevet

Sedan i höstas skickar vi ut ett månadsbrev med korta sammanfattningar av det vi bevakat. Flera av oss tycker att
det skulle nå fler om det låg öppet.

Vi bestämde att föreslå styrgruppen att omvärldsbrevet publiceras på MSV:s webbplats från april 2039.

4. Seminarier för styrgruppen

Jonatan tog upp om gruppen borde ordna analysseminarier för styrgruppen. Vi var inte överens om formen, och frågan
tas upp igen när styrgruppen har sagt sitt.

5. Nästa möte

Nästa möte blir i maj, Sara skickar kallelse.
"""

FILES["2039-03-17_styrgrupp_protokoll.pdf"] = """\
# Protokoll, styrgruppen MSV KLL
FIKTIVT EXEMPEL - personer, datum, siffror och beslut är påhittade.
Sammanträdesdatum: 2039-03-17
Plats: Tillväxtverket, Stockholm
Närvarande: Karin Wahlström (MYH, ordförande), Per Ulfsäter (Arbetsförmedlingen), Leila Haddad (Skolverket), Jonas Bergkvist (Svenska ESF-rådet), Anneli Rask (Tillväxtverket), Mira Sandén (UHR), Henrik Dahlin (Folkbildningsrådet), Sofie Lövgren (Vinnova), Tomas Näslund (SCB)
Förhinder: Olof Strand (UKÄ)
Sekreterare: Ida Forsberg
## § 1 Dagordning
Dagordningen fastställdes.
## § 2 Justerare
Till justerare valdes Leila Haddad.
## § 3 Föregående protokoll
Protokollet från den 20 januari 2039 lades till handlingarna.
## § 4 Årshjul för styrgruppens sammanträden
Beredningsgruppen har föreslagit ett årshjul för styrgruppens sammanträden.
Styrgruppen fastställde en mötesplan med fem ordinarie sammanträden per år, i januari, mars, juni, oktober och december. Underlag ska skickas ut senast tio arbetsdagar före sammanträdet.
## § 5 Fördjupad genomgång av lägesbedömningarna
Sekretariatet presenterade en fördjupad genomgång av lägesbedömningarna. Arbetsgruppen IT-stöd har röd status på grund av resursbrist.
Styrgruppen beslutade att arbetsgruppen IT-stöd förstärks med en deltagare från Arbetsförmedlingen under 2039.
## § 6 Publicering av omvärldsbrevet
Omvärldsgruppen föreslår att dess månatliga omvärldsbrev görs tillgängligt för alla.
Styrgruppen beslutade att omvärldsbrevet ska publiceras öppet på MSV:s webbplats från och med april 2039.
Anneli Rask (Tillväxtverket) reserverade sig mot beslutet med hänvisning till att brevet innehåller myndigheternas preliminära bedömningar.
## § 7 Analysmodell och seminarier
Styrgruppen gav arbetsgruppen för omvärldsbevakning och analys i uppdrag att dels ta fram en modell för gemensam omvärldsanalys, dels lämna förslag till hur två omvärldsseminarier per år för styrgruppen kan genomföras. Uppdraget redovisas senast den 30 september 2039.
## § 8 Information från OECD
Sofie Lövgren informerade om OECD:s nya rapport om kompetensprognoser. Styrgruppen tackade för informationen.
## § 9 Nästa sammanträde
Nästa sammanträde hålls den 9 juni 2039.
Vid protokollet: Ida Forsberg. Justeras: Karin Wahlström, Leila Haddad.
"""

FILES["2039-04-06_arbetsgrupp-it-stod_minnesanteckningar.docx"] = """\
# Minnesanteckningar, arbetsgruppen för IT-stöd i myndighetssamverkan
FIKTIVT EXEMPEL - personer, datum och beslut är påhittade.
Datum: 6 april 2039
Närvarande: Johan Ekman (processledare, MYH), Rebecka Holm (Arbetsförmedlingen), Fredrik Nyberg (Skolverket), Amira Saleh (UHR), Petra Lundgren (Svenska ESF-rådet)
## Inledning
Johan hälsade Rebecka välkommen; hon förstärker gruppen efter styrgruppens beslut i mars.
Anteckningarna från förra mötet godkändes.
## Kravbild för samarbetsytan
Styrgruppen har gett gruppen i uppdrag att kartlägga myndigheternas krav på en gemensam samarbetsyta till den 31 maj.
Gruppen beslutade att skicka en enkät till samtliga medlemsmyndigheters IT- och dataskyddsfunktioner och sammanställa svaren i en kravspecifikation.
Svarstiden beräknas bli lång, och gruppen bedömer att den 31 maj inte kan hållas. Johan informerar sekretariatet.
## Konsekvensbedömning avseende dataskydd
Flera myndigheter kräver en konsekvensbedömning enligt dataskyddsförordningen innan en ny tjänst tas i bruk.
Gruppen beslutade att Amira Saleh och Petra Lundgren tar fram en konsekvensbedömning avseende dataskydd för den tänkta samarbetsytan till gruppens möte i september.
## Övrigt
Fredrik berättade om Skolverkets nya videomötestjänst. Ingen åtgärd.
"""

FILES["2039-04-27_gd-grupp_protokoll.docx"] = """\
# Protokoll från GD-gruppens möte, MSV KLL
FIKTIVT EXEMPEL - personer, datum och beslut är påhittade.
Datum: 27 april 2039
Plats: Arbetsförmedlingen, Stockholm
Närvarande: Thomas Vikström (MYH, ordförande), Annika Borg (Arbetsförmedlingen), Mats Lindell (Skolverket), Eva Granath (Svenska ESF-rådet), Linus Berglöf (Tillväxtverket), Katarina Moberg (UKÄ), Maria Ekelund (UHR), Anders Holmqvist (Vinnova), Ulrika Sjöberg (SCB), Bo Hedin (Folkbildningsrådet)
Föredragande: Karin Wahlström (styrgruppens ordförande). Sekreterare: Ida Forsberg
## Ärende 1 Öppnande
Mötet öppnades. Dagordningen godkändes och Maria Ekelund utsågs att justera protokollet.
## Ärende 2 Rapport från styrgruppen
Karin Wahlström redogjorde för styrgruppens arbete, bland annat beslutet om fem ordinarie sammanträden per år och uppdraget om en gemensam samarbetsyta.
GD-gruppen tackade för informationen.
## Ärende 3 Finansiering av samordningen från 2040
MYH finansierar i dag huvuddelen av sekretariatet. Regeringen har inte aviserat några särskilda medel för samordningen 2040.
GD-gruppen gav styrgruppen i uppdrag att ta fram ett förslag till finansieringsmodell för samordningen av MSV KLL från och med 2040. Förslaget ska presenteras vid GD-gruppens möte i november 2039.
## Ärende 4 Omvärldsbrevets spridning
Styrgruppen beslutade den 17 mars 2039 att omvärldsbrevet ska publiceras öppet. Flera myndigheter har därefter påpekat att brevet innehåller preliminära bedömningar som inte är förankrade i myndigheternas linje.
GD-gruppen beslutade att upphäva styrgruppens beslut den 17 mars 2039 (§ 6). Omvärldsbrevet sprids tills vidare enbart till deltagarna i myndighetssamverkan.
## Ärende 5 Regeringsuppdrag om kompetensprognoser
Regeringen beslutade den 3 april 2039 att ge SCB och Arbetsförmedlingen i uppdrag att utveckla gemensamma kompetensprognoser. GD-gruppen noterade informationen.
## Ärende 6 Nästa möte
Nästa möte hålls den 22 november 2039.
"""

FILES["2039-06-09_styrgrupp_protokoll.md"] = """\
# Styrgruppen MSV KLL – protokoll 9 juni 2039

FIKTIVT EXEMPEL – personer, datum, siffror och beslut är påhittade.

Tid och plats: 2039-06-09 kl. 10.00–12.30, Skolverket, Stockholm
Närvarande: Karin Wahlström (ordförande), Per Ulfsäter, Leila Haddad, Jonas Bergkvist, Anneli Rask, Olof Strand,
Mira Sandén, Henrik Dahlin, Sofie Lövgren, Tomas Näslund
Sekreterare: Ida Forsberg

### § 1 Öppnande

Mötet öppnades och dagordningen fastställdes.

### § 2 Justering

Per Ulfsäter valdes till justerare.

### § 3 Föregående protokoll

Protokollet från den 17 mars 2039 godkändes.

### § 4 Rapport från GD-gruppen

Ordföranden informerade om GD-gruppens möte den 27 april, där GD-gruppen upphävde styrgruppens beslut om att
publicera omvärldsbrevet öppet och gav styrgruppen i uppdrag att ta fram en finansieringsmodell.

Informationen noterades.

### § 5 Hur handlingar registreras och bevaras

Sekretariatet presenterade ett förslag till dokumenthanteringsplan för samverkan.

Styrgruppen fastställde dokumenthanteringsplanen för MSV KLL. Protokoll och minnesanteckningar registreras hos MYH
inom fem arbetsdagar efter justering och bevaras för all framtid; arbetsmaterial gallras efter två år. Planen
gäller från den 1 juli 2039.

### § 6 Kravbilden för samarbetsytan – ny tidpunkt

Arbetsgruppen IT-stöd har meddelat att enkäten till myndigheterna tar längre tid än planerat.

Styrgruppen beslutade att arbetsgruppen får lämna sitt förslag om samarbetsytan senast den 30 september 2039 i
stället för den 31 maj 2039.

### § 7 Finansieringsmodell för samordningen

GD-gruppen har gett styrgruppen i uppdrag att ta fram ett förslag till finansieringsmodell för samordningen från 2040.

Styrgruppen uppdrog åt beredningsgruppen att bereda frågan och lämna ett förslag till styrgruppens sammanträde i
oktober 2039.

### § 8 Kompetensförsörjningsdagarna 2040

Frågan om MSV:s medverkan vid Kompetensförsörjningsdagarna 2040 bordlades till nästa sammanträde i avvaktan på
kostnadsuppgifter.

### § 9 Arbetsplaner för andra halvåret 2039

| § | Arbetsgrupp | Beslut |
|---|---|---|
| § 9 a | Omvärldsgruppen (AG omvärldsbevakning och analys) | Arbetsplanen godkändes utan ändringar. |
| § 9 b | AG IT-stöd | Arbetsplanen godkändes med den tidplan som följer av § 6. |
| § 9 c | Arbetsgruppen för validering | Arbetsplanen godkändes; höstens budget fastställdes till 150 000 kronor. |

### § 10 Övrigt

Nätverksträffen för regionala strateger den 12 maj samlade 60 deltagare. Noterades.

### § 11 Nästa sammanträde

Nästa sammanträde hålls den 19 oktober 2039.
"""

FILES["2039-08-30_beredningsgrupp_minnesanteckningar.pdf"] = """\
# Minnesanteckningar beredningsgruppen MSV KLL
FIKTIVT EXEMPEL - personer, datum, siffror och beslut är påhittade.
Datum: 30 augusti 2039, MYH Västerås och digitalt
Deltagare: Emil Hallberg (sekretariatet), Hanna Rydén (Arbetsförmedlingen), Karl Öberg (MYH), Vera Lind (Skolverket), Nils Ahlgren (UHR), Tove Berg (Svenska ESF-rådet)
**1** Inledning
Dagordningen godkändes. Anteckningarna från den 1 mars lades till handlingarna.
**2** Hur samordningen ska bekostas
Styrgruppen har uppdragit åt beredningsgruppen att föreslå en finansieringsmodell. Beredningsgruppen har jämfört tre alternativ: fortsatt finansiering från värdmyndigheten, lika delar för alla myndigheter och en fördelning efter myndigheternas storlek.
Beredningsgruppen beslutade att föreslå styrgruppen en kostnadsfördelning där MYH som värdmyndighet står för 40 procent av samordningens kostnader och övriga nio myndigheter delar lika på resterande 60 procent, från och med 2040.
**3** Kompetensförsörjningsdagarna
Sekretariatet har tagit in kostnadsuppgifter för en gemensam monter. Ärendet läggs fram för beslut i styrgruppen i oktober.
**4** Övrigt
Nils Ahlgren informerade om UHR:s nya statistikportal. Ingen åtgärd.
"""

FILES["2039-09-13_arbetsgrupp-omvarldsbevakning_minnesanteckningar.docx"] = """\
# Minnesanteckningar - AG Omvärldsbevakning och analys
FIKTIVT EXEMPEL - personer, datum och beslut är påhittade.
Datum: 13 september 2039
Närvarande: Sara Kvist (processledare, Tillväxtverket), Ali Rahimi (SCB), Lena Frisk (Arbetsförmedlingen), Jonatan Ek (Vinnova), Malin Torstensson (UKÄ), Oskar Wing (Folkbildningsrådet)
## 1. Mötets inledning
Dagordningen godkändes och Malin Torstensson valdes att justera anteckningarna.
## 2. Styrgruppens uppdrag om analysmodell och seminarier
Styrgruppen gav i mars gruppen i uppdrag att ta fram en modell för omvärldsanalys och ett förslag till omvärldsseminarier för styrgruppen, båda till den 30 september.
Gruppen beslutade att överlämna modellen "Från signal till slutsats" för gemensam omvärldsanalys till styrgruppen. Modellen bygger på fyra steg: insamling, sortering, bedömning och åtgärdsförslag.
Förslaget om seminarierna är inte klart eftersom gruppen inte har fått besked om styrgruppens mötesplan för 2040. Sara meddelar sekretariatet.
## 3. Översyn av bevakningsområdena
Ali har stämt av de fem bevakningsområdena med de ansvariga myndigheterna. Området om dimensionering har gett få träffar, medan kompetensbehoven i den gröna omställningen saknas helt.
Gruppen enades om att föreslå styrgruppen att området yrkeshögskolans och högskolans dimensionering slås ihop med arbetsmarknadens kompetensbehov och att ett nytt område, kompetensbehov i den gröna omställningen, läggs till.
## 4. Omvärldsbrevet
Efter GD-gruppens beslut i april skickas brevet bara inom samverkan. Informationen noterades.
## 5. Nästa möte
Nästa möte hålls den 8 november 2039.
"""

FILES["2039-09-27_arbetsgrupp-it-stod_minnesanteckningar.md"] = """\
# Minnesanteckningar IT-gruppen 27/9 2039

FIKTIVT EXEMPEL – påhittade personer, datum och beslut.

Arbetsgruppen IT-stöd (AG IT-stöd), MSV KLL
Närvarande: Johan Ekman (PL), Rebecka Holm, Fredrik Nyberg, Amira Saleh, Petra Lundgren
Anteckningar: Fredrik

**1**

Johan öppnade mötet. Vi godkände dagordningen och anteckningarna från 6 april.

**2** Kravspecifikationen

Enkäten besvarades av nio av tio myndigheter. Sammanställningen visar att sju myndigheter kräver att data lagras
inom EU och att samtliga vill kunna bjuda in externa deltagare.

Vi beslutade att lämna kravspecifikationen för en gemensam digital arbetsplats till styrgruppen, med
rekommendationen att MYH tillhandahåller en EU-baserad plattform där externa aktörer kan bjudas in.

**3** DPIA

Amira och Petra gick igenom konsekvensbedömningen. Risken bedöms som godtagbar om gästkonton tidsbegränsas.

Vi godkände DPIA:n med villkoret att gästkonton för externa aktörer stängs automatiskt efter 90 dagar.

**4** Videomöten

Fredrik visade Skolverkets videomötestjänst igen. Vi diskuterade om alla kan använda den men kom inte fram till
något.

**5** Nästa möte

15 november, Johan kallar.
"""

FILES["2039-10-19_styrgrupp_protokoll.pdf"] = """\
# Protokoll, styrgruppen MSV KLL
FIKTIVT EXEMPEL - personer, datum, siffror och beslut är påhittade.
Sammanträdesdatum: 2039-10-19
Plats: UHR, Solna, samt digitalt
Närvarande: Karin Wahlström (MYH, ordförande), Per Ulfsäter (Arbetsförmedlingen), Leila Haddad (Skolverket), Jonas Bergkvist (Svenska ESF-rådet), Anneli Rask (Tillväxtverket), Olof Strand (UKÄ), Mira Sandén (UHR), Henrik Dahlin (Folkbildningsrådet), Sofie Lövgren (Vinnova), Tomas Näslund (SCB)
Sekreterare: Ida Forsberg
## § 1 Dagordning
Dagordningen fastställdes.
## § 2 Justerare
Mira Sandén valdes att justera protokollet.
## § 3 Föregående protokoll
Protokollet från den 9 juni 2039 lades till handlingarna.
## § 4 Myndigheternas bidrag till samordningen
Beredningsgruppen har lämnat förslag till hur samordningens kostnader ska fördelas från 2040.
Styrgruppen ställde sig bakom beredningsgruppens förslag, med 40 procent för värdmyndigheten och lika delar för övriga myndigheter, och beslutade att överlämna det till GD-gruppen som styrgruppens förslag till finansieringsmodell.
## § 5 Gemensam digital arbetsplats
Arbetsgruppen IT-stöd har redovisat kravspecifikationen.
Styrgruppen godkände kravspecifikationen och beslutade att MYH som värdmyndighet ska tillhandahålla en EU-baserad samarbetsplattform för myndighetssamverkan från den 1 mars 2040. Nuvarande lösning avvecklas när den nya plattformen är i drift.
## § 6 Omvärldsbevakningens inriktning
Styrgruppen beslutade, med ändring av beslutet den 20 januari 2039 (§ 7), att omvärldsbevakningen från och med november 2039 ska följa fem områden: (1) arbetsmarknadens kompetensbehov, inklusive utbildningarnas dimensionering, (2) validering, (3) regionala kompetensförsörjningsinsatser, (4) EU:s och OECD:s arbete med kompetensförsörjning och (5) kompetensbehov i den gröna omställningen.
## § 7 Analysmodell för omvärldsbevakningen
Styrgruppen godkände modellen "Från signal till slutsats" för gemensam omvärldsanalys.
Arbetsgruppen för omvärldsbevakning och analys ska lämna den återstående delen av uppdraget, förslaget om omvärldsseminarier för styrgruppen, senast den 15 december 2039.
## § 8 Kompetensförsörjningsdagarna 2040
Styrgruppen beslutade att MSV medverkar vid Kompetensförsörjningsdagarna 2040 med en gemensam monter och ett seminarium om myndighetssamverkan. Kostnaden, högst 120 000 kronor, delas lika mellan myndigheterna.
## § 9 Budgetpropositionen för 2040
Regeringen har i budgetpropositionen för 2040 föreslagit att MYH:s förvaltningsanslag höjs med 5 miljoner kronor för samordning av myndighetssamverkan. Styrgruppen noterade informationen.
## § 10 Nästa sammanträde
Nästa sammanträde hålls den 10 december 2039.
Vid protokollet: Ida Forsberg. Justeras: Karin Wahlström, Mira Sandén.
"""

FILES["2039-11-22_gd-grupp_protokoll.md"] = """\
# GD-gruppen, Myndighetssamverkan för kompetensförsörjning och livslångt lärande – protokoll

FIKTIVT EXEMPEL – personer, datum, siffror och beslut är påhittade.

Datum: 22 november 2039
Plats: Vinnova, Stockholm
Närvarande: Thomas Vikström (MYH, ordförande), Annika Borg (Arbetsförmedlingen), Mats Lindell (Skolverket),
Eva Granath (Svenska ESF-rådet), Linus Berglöf (Tillväxtverket), Katarina Moberg (UKÄ), Maria Ekelund (UHR),
Anders Holmqvist (Vinnova), Ulrika Sjöberg (SCB), Bo Hedin (Folkbildningsrådet)
Föredragande: Karin Wahlström. Sekreterare: Ida Forsberg

## Ärende 1. Mötets öppnande

Ordföranden öppnade mötet. Dagordningen godkändes.

## Ärende 2. Val av justerare

GD-gruppen valde Anders Holmqvist att justera protokollet.

## Ärende 3. Finansieringsmodell för MSV:s samordning 2040–2042

GD-gruppen gav i april styrgruppen i uppdrag att föreslå en finansieringsmodell. Styrgruppen föreslår att
värdmyndigheten står för 40 procent och att övriga myndigheter delar lika på resten.

GD-gruppen beslutade att samordningen av MSV KLL under 2040–2042 finansieras så att MYH står för 30 procent av
kostnaderna och övriga nio myndigheter för 70 procent i lika delar.

## Ärende 4. Inspel om en nationell plattform för kompetensprognoser

Regeringen gav i april SCB och Arbetsförmedlingen i uppdrag att utveckla gemensamma kompetensprognoser.

GD-gruppen gav styrgruppen i uppdrag att ta fram ett gemensamt inspel från MSV till Regeringskansliet om hur en
nationell plattform för kompetensprognoser kan utformas. Inspelet ska redovisas för GD-gruppen senast den 31 mars
2040.

## Ärende 5. Lägesrapport från styrgruppen

Styrgruppens ordförande redovisade att förslaget om omvärldsseminarier väntas i december och att den nya
samarbetsplattformen tas i drift den 1 mars 2040. GD-gruppen tackade för informationen.

## Ärende 6. Nästa möte

Nästa möte hålls i april 2040; sekretariatet återkommer med datum.
"""


# ---------------------------------------------------------------- writers

def latin(text):
    return text.replace("–", "-").replace("—", "-").replace("’", "'")


def split_bold(line):
    """'**2** Rest' -> [('2', True), (' Rest', False)]"""
    parts = []
    for i, chunk in enumerate(re.split(r"\*\*", line)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts


def write_docx(path, text):
    import docx
    doc = docx.Document()
    rows = []

    def flush_table():
        if not rows:
            return
        table = doc.add_table(rows=0, cols=len(rows[0]))
        table.style = "Table Grid"
        for r in rows:
            cells = table.add_row().cells
            for c, v in zip(cells, r):
                c.text = v
        rows.clear()

    for line in text.splitlines():
        line = line.rstrip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= set("-") for c in cells):
                rows.append(cells)
            continue
        flush_table()
        if not line:
            continue
        if line.startswith("# "):
            doc.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            doc.add_heading(line[3:], level=2)
        else:
            p = doc.add_paragraph()
            for chunk, bold in split_bold(line):
                p.add_run(chunk).bold = bold
    flush_table()
    cp = doc.core_properties
    cp.author = "Sekretariatet MSV KLL (fiktivt)"
    cp.last_modified_by = "Sekretariatet MSV KLL (fiktivt)"
    cp.title = path.stem
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in sorted(zin.namelist()):
            info = zipfile.ZipInfo(name, date_time=(2040, 1, 15, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(name))
    path.write_bytes(out.getvalue())


def write_pdf(path, text):
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("make_files.py (dev13)")
    pdf.set_creator("make_files.py (dev13)")
    pdf.set_title(path.stem)
    pdf.set_author("Sekretariatet MSV KLL (fiktivt)")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for line in latin(text).splitlines():
        line = line.rstrip()
        if not line:
            continue
        if line.startswith("# "):
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, line[2:], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif line.startswith("## "):
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, line[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("**"):
            pdf.ln(2)
            pdf.set_font("Helvetica", "", 12)
            pdf.multi_cell(0, 7, line, markdown=True, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(path))


def main():
    for name, text in FILES.items():
        path = HERE / name
        if name.endswith(".md"):
            path.write_text(text, encoding="utf-8")
        elif name.endswith(".docx"):
            write_docx(path, text)
        elif name.endswith(".pdf"):
            write_pdf(path, text)
        print("wrote", name)


if __name__ == "__main__":
    main()
