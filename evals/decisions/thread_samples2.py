# ruff: noqa: E501  (the sample minutes are prose, one sentence a line)
"""A second, harder set of development meetings that carry matters across meetings and bodies
(FIKTIVT EXEMPEL), written from the founding report and the bodies' roles: a matter the
GD-gruppen hands to the steering group, which hands it to the preparatory group and reports back;
assignments settled in words that do not repeat them ("se över arbetsordningen" → "Den reviderade
arbetsordningen antogs"); revisions under new headings; a reversal; informal working-group notes
with an assignment to a person "till nästa träff"; open assignments; and distractors that share
words but not the matter (a meeting plan and a work plan of another year). Their links are labelled
by hand in ``gold_threads.jsonl``."""

from __future__ import annotations

from evals.decisions.authoring import ATT, D, Item, Meeting, Proc, Trap

THREAD_MEETINGS_2: list[Meeting] = [
    Meeting(
        "2026-01-20_styrgrupp_protokoll.docx", "Protokoll styrgruppen MSV KLL", "styrgrupp",
        "2026-01-20", "20 januari 2026", attendees=ATT, items=[
            Item(1, "Mötets öppnande", [[Proc("Dagordningen godkändes."), Proc("Till justerare valdes Johan Nyberg.")]]),
            Item(2, "Processledarträffar", [
                ["Processledarna har önskat en fast rytm för sina gemensamma träffar."],
                [D("Styrgruppen fastställde att processledarna ska träffas var sjätte vecka.")]]),
            Item(3, "Gemensam webbplats", [
                ["Sekretariatet redogjorde för behovet av en samlad ingång till samverkans material."],
                [D("Styrgruppen beslutade att samverkan ska ha en egen webbplats med sekretariatet som redaktion.")]]),
            Item(4, "Informationssäkerhet", [
                ["Flera myndigheter har avrått från molntjänster för gemensamma handlingar."],
                [D("Styrgruppen uppdrog åt beredningsgruppen att föreslå hur samverkans handlingar ska informationsklassas, med återrapport till styrgruppen den 9 juni 2026.",
                   kind="uppdrag", responsible="beredningsgruppen", deadline="2026-06-09")]]),
        ]),
    Meeting(
        "2026-02-03_gd-gruppen_protokoll.pdf", "Protokoll GD-gruppen MSV KLL 3 februari 2026", "gd-grupp",
        "2026-02-03", "3 februari 2026", items=[
            Item(1, "Formalia", [[Proc("Dagordningen fastställdes.")]]),
            Item(2, "Omvärld", [[Proc("Maria Sandberg informerade om regeringens nya uppdrag om regional kompetensförsörjning.")]]),
            Item(3, "Regionala kompetensanalyser", [
                ["Regionerna efterfrågar ett gemensamt underlag från myndigheterna."],
                [D("GD-gruppen uppdrog åt styrgruppen att ta fram en gemensam modell för regionala kompetensanalyser tillsammans med de regionala utvecklingsaktörerna till höstens möte.",
                   kind="uppdrag", responsible="styrgruppen")]]),
        ]),
    Meeting(
        "2026-02-17_arbetsgrupp-validering_minnesanteckningar.md", "Minnesanteckningar arbetsgrupp Validering", "arbetsgrupp-validering",
        "2026-02-17", "17 februari 2026", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Stöd för validering i yrkeshögskolan", [
                ["Gruppen diskuterade hur utbildningsanordnare kan dokumentera reell kompetens på ett enhetligt sätt."],
                [D("Eva Berg fick i uppdrag att ta fram en checklista för validering av reell kompetens till nästa träff.",
                   kind="uppdrag", responsible="Eva Berg")]]),
            Item(3, "Övrigt", [[Proc("Inga övriga frågor anmäldes.")]]),
        ]),
    Meeting(
        "2026-02-24_arbetsgrupp-regional_minnesanteckningar.pdf", "Minnesanteckningar arbetsgrupp Regional samverkan 24 februari 2026",
        "arbetsgrupp-regional", "2026-02-24", "24 februari 2026", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Regionala dialogmöten", [
                [D("Arbetsgruppen beslutade att hålla fyra regionala dialogmöten under året, ett i varje landsdel.")]]),
            Item(3, "Enkät till regionerna", [
                [Trap("Sekretariatet föreslog att enkäten också skickas till kommunerna.")],
                [D("Beslutades att en enkät om regionernas kompetensbehov skickas till alla regioner i mars.")]]),
        ]),
    Meeting(
        "2026-03-10_styrgrupp_protokoll.docx", "Protokoll styrgruppen MSV KLL", "styrgrupp",
        "2026-03-10", "10 mars 2026", attendees=ATT, items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes."), Proc("Protokollet från den 20 januari 2026 lades till handlingarna.")]]),
            Item(2, "Information från GD-gruppen", [[Proc("Anna Lindqvist informerade om GD-gruppens möte den 3 februari.")]]),
            Item(3, "Översyn av arbetsordningen", [
                [D("Styrgruppen gav sekretariatet i uppdrag att se över arbetsordningen senast den 15 maj 2026.",
                   kind="uppdrag", responsible="sekretariatet", deadline="2026-05-15")]]),
            Item(4, "Modell för regionala analyser", [
                ["GD-gruppen har gett styrgruppen uppdraget att ta fram en modell."],
                [D("Styrgruppen gav beredningsgruppen i uppdrag att bereda ett förslag till analysmodell i dialog med regionerna senast den 15 maj 2026.",
                   kind="uppdrag", responsible="beredningsgruppen", deadline="2026-05-15")]]),
            Item(5, "Arbetsplan 2027", [
                [D("Styrgruppen gav sekretariatet i uppdrag att ta fram ett förslag till arbetsplan för 2027 till höstens möte.",
                   kind="uppdrag", responsible="sekretariatet")]]),
        ]),
    Meeting(
        "2026-04-14_arbetsgrupp-validering_minnesanteckningar.docx", "Minnesanteckningar arbetsgrupp Validering 14 april 2026",
        "arbetsgrupp-validering", "2026-04-14", "14 april 2026", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Föregående anteckningar", [[Proc("Minnesanteckningarna från den 17 februari lades till handlingarna.")]]),
            Item(3, "Checklista för validering", [
                ["Eva Berg presenterade ett utkast."],
                [D("Checklistan godkändes med tillägget att den också ska omfatta folkhögskolornas utbildningar.")]]),
            Item(4, "Erfarenheter från projekt", [
                [D("Arbetsgruppen gav Ahmed Said i uppdrag att sammanställa erfarenheter från valideringsprojekt med stöd från Svenska ESF-rådet senast den 30 september 2026.",
                   kind="uppdrag", responsible="Ahmed Said", deadline="2026-09-30")]]),
        ]),
    Meeting(
        "2026-05-12_beredningsgrupp_minnesanteckningar.md", "Minnesanteckningar beredningsgruppen MSV KLL", "beredningsgrupp",
        "2026-05-12", "12 maj 2026", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Analysmodell för regionerna", [
                ["Utkastet har stämts av med tre regioner."],
                [D("Beredningsgruppen ställde sig bakom utkastet till analysmodell och lämnar det till styrgruppen för beslut.",
                   kind="ställningstagande")]]),
            Item(3, "Klassning av handlingar", [
                [D("Beredningsgruppen enades om en modell med tre skyddsnivåer för samverkans handlingar och överlämnade den till styrgruppen.")]]),
            Item(4, "Återrapporteringar till regeringen", [
                [D("Sekretariatet fick i uppdrag att ta fram en kalender över medlemsmyndigheternas återrapporteringar till regeringen till höstens möte.",
                   kind="uppdrag", responsible="Sekretariatet")]]),
        ]),
    Meeting(
        "2026-06-09_styrgrupp_protokoll.pdf", "Protokoll styrgruppen MSV KLL 9 juni 2026", "styrgrupp",
        "2026-06-09", "9 juni 2026", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Arbetsordning", [
                [D("Den reviderade arbetsordningen antogs och gäller från den 1 juli 2026.")]]),
            Item(3, "Webbplatsens lansering", [
                [D("Styrgruppen beslutade att webbplatsen lanseras i oktober i stället för i juni, eftersom redaktionen inte är bemannad.")]]),
            Item(4, "Regional analysmodell", [
                [D("Styrgruppen fastställde modellen för regionala kompetensanalyser och rapporterar den till GD-gruppen.")]]),
            Item(5, "Informationsklassning", [
                [D("Styrgruppen godkände modellen med tre skyddsnivåer; sekretariatet ansvarar för att den införs.")]]),
            Item(6, "Regionala dialogmöten", [[Proc("Processledaren informerade om de regionala dialogmötena.")]]),
        ]),
    Meeting(
        "2026-09-08_arbetsgrupp-regional_minnesanteckningar.md", "Minnesanteckningar arbetsgrupp Regional samverkan",
        "arbetsgrupp-regional", "2026-09-08", "8 september 2026", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Dialogmötena", [
                ["Två möten har hållits; deltagandet var lågt."],
                [D("Arbetsgruppen beslutade att de två återstående dialogmötena ställs in och ersätts av ett gemensamt digitalt möte i november.")]]),
            Item(3, "Uppföljning av enkäten", [
                [D("Arbetsgruppen gav processledaren i uppdrag att sammanställa enkätsvaren till styrgruppens decembermöte.",
                   kind="uppdrag", responsible="processledaren")]]),
        ]),
    Meeting(
        "2026-10-06_gd-gruppen_protokoll.md", "Protokoll GD-gruppen MSV KLL", "gd-grupp",
        "2026-10-06", "6 oktober 2026", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Återrapport från styrgruppen", [
                [D("GD-gruppen godkände styrgruppens redovisning av modellen för regionala kompetensanalyser.")]]),
            Item(3, "Mötesplan 2027", [
                [D("Beslöts att GD-gruppen sammanträder två gånger under 2027.")]]),
        ]),
    Meeting(
        "2026-11-17_styrgrupp_protokoll.md", "Protokoll styrgruppen MSV KLL", "styrgrupp",
        "2026-11-17", "17 november 2026", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Samverkans webbnärvaro", [
                [D("Styrgruppen beslutade att den egna webbplatsen avvecklas vid årsskiftet och att samverkans material i stället publiceras på MYH:s webbplats.")]]),
            Item(3, "Beredningsgruppens sammanträden", [
                [D("Styrgruppen beslutade att ändra arbetsordningen så att beredningsgruppen sammanträder två veckor före varje styrgruppsmöte.")]]),
            Item(4, "Mötesfrekvens för processledarna", [
                [D("Styrgruppen beslutade att processledarnas träffar från och med januari 2027 hålls var åttonde vecka.")]]),
            Item(5, "Arbetsplan 2027", [
                [D("Styrgruppen fastställde arbetsplanen för 2027.")]]),
        ]),
]
