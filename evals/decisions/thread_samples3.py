# ruff: noqa: E501  (the sample minutes are prose, one sentence a line)
"""A third set of development meetings (FIKTIVT EXEMPEL, 2027), written from the issue and the
founding report (a skrivelse to Regeringskansliet drafted with a working group, the strategic
dialogue with the regional development actors, the secretariat's process support): matters
handed between bodies and reported back, a matter sent back for more preparation, an assignment
whose deadline is extended, a decision revoked, a working group's rhythm changed, and an open
assignment. The wording varies the way informal notes do ("bad … att", "fick uppdraget att",
"åtog sig att", "ombads", "kom överens om", "bestämde", "upphävdes", "återremitterades",
"förlängdes"), and the procedural lines and traps are ones that look like decisions ("Anteckningarna
från förra träffen godkändes", "Till mötessekreterare utsågs …", "Vid förra mötet beslutades …",
"Planen ska fastställas …"). Links under the issue's convention, by hand, in ``gold_threads.jsonl``."""

from __future__ import annotations

from evals.decisions.authoring import ATT, D, Item, Meeting, Proc, Trap

THREAD_MEETINGS_3: list[Meeting] = [
    Meeting(
        "2027-01-26_styrgrupp_protokoll.md", "Protokoll styrgruppen MSV KLL", "styrgrupp",
        "2027-01-26", "26 januari 2027", attendees=ATT, items=[
            Item(1, "Mötets öppnande", [[Proc("Ordföranden öppnade mötet."), Proc("Till mötessekreterare utsågs Lena Virtanen.")]]),
            Item(2, "Föregående protokoll", [[Proc("Föregående mötesprotokoll godkändes.")]]),
            Item(3, "Information från sekretariatet", [
                [Proc("Sekretariatet informerade om processtödet till arbetsgrupperna.")],
                [Trap("Vid förra mötet beslutades att sekretariatet ska erbjuda processtöd till alla arbetsgrupper.")]]),
            Item(5, "Omvärld", [
                [Trap("Regeringen beslutade i december att ge Skolverket i uppdrag att kartlägga behovet av vuxenutbildning i regionerna.")],
                [D("Styrgruppen beslutade därför att kartläggningen ska följas i samverkans omvärldsbevakning med Lena Virtanen som ansvarig.",
                   responsible="Lena Virtanen")]]),
            Item(6, "Avslutning", [[Proc("Nästa möte hålls den 20 april 2027."), Proc("Sammanträdet avslutades.")]]),
            Item(4, "Skrivelse om finansiering av validering", [
                ["Arbetsgruppen för validering har lyft behovet av en gemensam skrivelse till Regeringskansliet."],
                [D("Styrgruppen bad arbetsgruppen för validering att ta fram ett utkast till skrivelse om finansiering av validering till styrgruppens möte i april.",
                   kind="uppdrag", responsible="arbetsgruppen för validering")]]),
        ]),
    Meeting(
        "2027-02-09_beredningsgrupp_minnesanteckningar.docx", "Minnesanteckningar beredningsgruppen MSV KLL 9 februari 2027", "beredningsgrupp",
        "2027-02-09", "9 februari 2027", numbering="punkt", items=[
            Item(1, "Inledning", [[Proc("Anteckningarna från förra mötet godkändes.")]]),
            Item(2, "Årshjul för samverkan", [
                ["Sekretariatet har tagit fram ett utkast till årshjul där lägesbedömningar, arbetsplaner och styrgruppens möten samordnas."],
                [D("Beredningsgruppen tillstyrkte sekretariatets förslag till årshjul och överlämnade det till styrgruppen.",
                   kind="ställningstagande")]]),
            Item(3, "Mötesform", [
                [D("Beredningsgruppen beslutade att alla möten under våren 2027 hålls digitalt.")]]),
        ]),
    Meeting(
        "2027-02-16_gd-gruppen_protokoll.pdf", "Protokoll GD-gruppen MSV KLL 16 februari 2027", "gd-grupp",
        "2027-02-16", "16 februari 2027", items=[
            Item(1, "Formalia", [[Proc("Dagordningen fastställdes.")]]),
            Item(2, "Strategisk dialog med regionerna", [
                ["Regionernas deltagande i samverkan behöver öka."],
                [D("GD-gruppen gav styrgruppen uppdraget att utveckla formerna för dialogen med de regionala utvecklingsansvariga aktörerna och återrapportera till GD-gruppens höstmöte.",
                   kind="uppdrag", responsible="styrgruppen")]]),
        ]),
    Meeting(
        "2027-02-23_arbetsgrupp-kompetensanalys_minnesanteckningar.md", "Minnesanteckningar arbetsgrupp Kompetensanalys", "arbetsgrupp-kompetensanalys",
        "2027-02-23", "23 februari 2027", numbering="punkt", items=[
            Item(1, "Välkommen", [[Proc("Anteckningarna från förra träffen godkändes.")]]),
            Item(2, "Regional statistik", [
                ["Gruppen diskuterade vilken statistik regionerna behöver för sina analyser."],
                [D("Ahmed Said åtog sig att ta fram en lista över indikatorer för regional statistik till nästa träff.",
                   kind="uppdrag", responsible="Ahmed Said")]]),
            Item(3, "Övrigt", [[Trap("Sekretariatet föreslog en gemensam workshop med SCB i höst.")]]),
        ]),
    Meeting(
        "2027-03-09_arbetsgrupp-validering_minnesanteckningar.md", "Minnesanteckningar arbetsgrupp Validering", "arbetsgrupp-validering",
        "2027-03-09", "9 mars 2027", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Skrivelsen om validering", [
                ["Utkastet har gått på en runda hos medlemsmyndigheterna."],
                [D("Vi kom överens om att skicka utkastet till skrivelse till styrgruppen inför aprilmötet.")]]),
            Item(3, "Nätverksträffar", [
                [D("Arbetsgruppen beslutade att nätverksträffarna för utbildningsanordnare hålls en gång per kvartal.")]]),
        ]),
    Meeting(
        "2027-04-06_arbetsgrupp-kompetensanalys_minnesanteckningar.docx", "Minnesanteckningar arbetsgrupp Kompetensanalys 6 april 2027",
        "arbetsgrupp-kompetensanalys", "2027-04-06", "6 april 2027", numbering="punkt", items=[
            Item(1, "Välkommen", [[Proc("Anteckningarna från förra träffen godkändes.")]]),
            Item(2, "Indikatorlistan", [
                ["Listan är inte klar eftersom SCB:s nya tabeller dröjer."],
                [D("Tidsfristen för indikatorlistan förlängdes till den 15 maj 2027.")]]),
        ]),
    Meeting(
        "2027-04-20_styrgrupp_protokoll.docx", "Protokoll styrgruppen MSV KLL", "styrgrupp",
        "2027-04-20", "20 april 2027", attendees=ATT, items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes."), Proc("Protokollet justeras av ordföranden.")]]),
            Item(2, "Skrivelse till Regeringskansliet", [
                ["Arbetsgruppen för validering presenterade utkastet."],
                [D("Skrivelsen godkändes med justeringen att avsnittet om finansiering kortas.")]]),
            Item(3, "Dialog med RUA", [
                [D("Styrgruppen beslutade att bjuda in de regionala utvecklingsansvariga aktörerna till en årlig strategisk dialog och att återrapportera formerna till GD-gruppen.")]]),
            Item(4, "Årshjul", [
                [Trap("Planen ska fastställas av styrgruppen först när GD-gruppens möten finns med.")],
                [Trap("Årshjulet fastställs vid nästa möte.")],
                [D("Ärendet återremitterades till beredningsgruppen för komplettering med GD-gruppens möten.")]]),
        ]),
    Meeting(
        "2027-05-11_beredningsgrupp_minnesanteckningar.pdf", "Minnesanteckningar beredningsgruppen MSV KLL 11 maj 2027", "beredningsgrupp",
        "2027-05-11", "11 maj 2027", numbering="punkt", items=[
            Item(1, "Inledning", [[Proc("Anteckningarna från förra mötet godkändes.")]]),
            Item(2, "Mötesform", [
                [D("Beslutet om digitala möten upphävdes; från och med hösten hålls vartannat möte på plats hos MYH.")]]),
            Item(3, "Årshjulet", [
                [D("Beredningsgruppen ställde sig bakom det kompletterade årshjulet.", kind="ställningstagande")]]),
            Item(4, "Nästa möte", [[Proc("Nästa möte fastställdes till den 7 september 2027.")]]),
        ]),
    Meeting(
        "2027-05-18_arbetsgrupp-kompetensanalys_minnesanteckningar.md", "Minnesanteckningar arbetsgrupp Kompetensanalys", "arbetsgrupp-kompetensanalys",
        "2027-05-18", "18 maj 2027", numbering="punkt", items=[
            Item(1, "Välkommen", [[Proc("Anteckningarna från förra träffen godkändes.")]]),
            Item(2, "Indikatorer", [
                ["Ahmed Said presenterade listan."],
                [D("Gruppen godkände indikatorlistan med tillägget att den ska uppdateras varje år.")]]),
            Item(3, "Workshop med SCB", [
                [D("Beslut fattades om att hålla en gemensam workshop med SCB den 12 oktober 2027.")]]),
        ]),
    Meeting(
        "2027-06-08_styrgrupp_protokoll.pdf", "Protokoll styrgruppen MSV KLL 8 juni 2027", "styrgrupp",
        "2027-06-08", "8 juni 2027", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Årshjul för samverkan", [
                [D("Årshjulet fastställdes i den form beredningsgruppen föreslagit.")]]),
            Item(3, "Uppföljning av regeringsuppdrag", [
                [D("Sekretariatet ombads sammanställa medlemsmyndigheternas regeringsuppdrag inom kompetensförsörjning senast den 30 september 2027.",
                   kind="uppdrag", responsible="Sekretariatet", deadline="2027-09-30")]]),
        ]),
    Meeting(
        "2027-09-14_arbetsgrupp-validering_minnesanteckningar.docx", "Minnesanteckningar arbetsgrupp Validering 14 september 2027",
        "arbetsgrupp-validering", "2027-09-14", "14 september 2027", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Nätverksträffar", [
                ["Deltagandet har varit lågt."],
                [D("Gruppen bestämde att nätverksträffarna hålls två gånger per år i stället för varje kvartal.")]]),
        ]),
    Meeting(
        "2027-10-12_gd-gruppen_protokoll.md", "Protokoll GD-gruppen MSV KLL", "gd-grupp",
        "2027-10-12", "12 oktober 2027", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Återrapport om regional dialog", [
                [D("GD-gruppen ställde sig bakom styrgruppens förslag om en årlig strategisk dialog med de regionala utvecklingsansvariga aktörerna.",
                   kind="ställningstagande")]]),
        ]),
]
