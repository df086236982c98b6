# ruff: noqa: E501  (the sample minutes are prose, one sentence a line)
"""Development meetings that carry matters across meetings and bodies (FIKTIVT EXEMPEL): an
assignment settled later under a heading that names the matter in other words, a revision, a
reversal, a hand-over from the steering group to the preparatory group and back, and open
assignments with deadlines. Their links are labelled by hand in ``gold_threads.jsonl``."""

from __future__ import annotations

from evals.decisions.authoring import ATT, D, Item, Meeting, Proc, Trap

THREAD_MEETINGS: list[Meeting] = [
    Meeting(
        "2026-03-04_styrgrupp_minnesanteckningar.md", "Minnesanteckningar styrgruppen MSV KLL", "styrgrupp",
        "2026-03-04", "4 mars 2026", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Digital samarbetsyta", [
                ["Sekretariatet redovisade utredningen om hur handlingar kan delas mellan myndigheterna."],
                [D("Styrgruppen beslutade att dokument inom samverkan ska delas via MYH:s samarbetsyta, som uppfyller kraven i offentlighets- och sekretesslagen.")]]),
            Item(3, "Uppdrag om kommunikation", [
                [D("Styrgruppen gav sekretariatet i uppdrag att ta fram ett förslag till gemensam kommunikationsplan för 2027 till höstens möte.",
                   kind="uppdrag", responsible="sekretariatet")]]),
            Item(4, "Mötesplan 2026", [
                [D("Styrgruppen beslutade att ändra mötesplanen för 2026 så att junimötet flyttas till den 3 september 2026.")]]),
            Item(5, "Bevakning av regleringsbrev", [
                [D("Styrgruppen uppdrog åt beredningsgruppen att ta fram en rutin för bevakning av regleringsbrev senast den 30 april 2026.",
                   kind="uppdrag", responsible="beredningsgruppen", deadline="2026-04-30")]]),
            Item(6, "Mall för slutrapporter", [
                [D("Styrgruppen gav processledarna i uppdrag att ta fram en gemensam mall för slutrapporter senast den 15 juni 2026.",
                   kind="uppdrag", responsible="processledarna", deadline="2026-06-15")]]),
            Item(7, "Extern utvärdering", [
                [Trap("Sekretariatet föreslog att samverkan utvärderas av en extern part.")],
                [D("Styrgruppen gav sekretariatet i uppdrag att upphandla en extern utvärdering av samverkan senast den 31 januari 2027.",
                   kind="uppdrag", responsible="sekretariatet", deadline="2027-01-31")]]),
        ]),
    Meeting(
        "2026-04-15_beredningsgrupp_protokoll.docx", "Protokoll beredningsgruppen MSV KLL", "beredningsgrupp",
        "2026-04-15", "15 april 2026", attendees=ATT, items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Rutin för bevakning av regleringsbrev", [
                ["Sekretariatet presenterade ett utkast med en ansvarig myndighet per regleringsbrev."],
                [D("Beredningsgruppen fastställde rutinen för bevakning av regleringsbrev och överlämnade den till styrgruppen.")]]),
            Item(3, "Tillgänglighetskrav", [
                [D("Beredningsgruppen beslutade att gemensamma dokument från och med den 1 maj 2026 ska följa WCAG 2.2 nivå AA i stället för WCAG 2.1.")]]),
        ]),
    Meeting(
        "2026-05-20_arbetsgrupp-kompetensanalys_minnesanteckningar.pdf", "Minnesanteckningar arbetsgrupp Kompetensanalys 20 maj 2026",
        "arbetsgrupp-kompetensanalys", "2026-05-20", "20 maj 2026", numbering="punkt", items=[
            Item(1, "Dagordning", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Publicering som öppna data", [
                ["SCB har meddelat att registerdata på yrkesnivå inte får spridas vidare."],
                [D("Arbetsgruppen beslutade att lägesbilden inte ska publiceras som öppna data.")]]),
            Item(3, "Indikatorer", [
                [D("Arbetsgruppen fastställde de indikatorer som Karin Holm har tagit fram för den gemensamma analysen.")]]),
        ]),
    Meeting(
        "2026-10-08_styrgrupp_minnesanteckningar.md", "Minnesanteckningar styrgruppen MSV KLL", "styrgrupp",
        "2026-10-08", "8 oktober 2026", items=[
            Item(1, "Formalia", [[Proc("Dagordningen godkändes.")]]),
            Item(2, "Rutin för bevakning av regleringsbrev", [
                [D("Styrgruppen godkände beredningsgruppens rutin för bevakning av regleringsbrev.")]]),
            Item(3, "Kommunikationsplan 2027", [
                ["Sekretariatet presenterade förslaget.",
                 D("Planen godkändes med ändringen att nyhetsbrevet ges ut varannan månad i stället för varje månad.")]], inline=True),
            Item(4, "Övriga frågor", [[Proc("Inga övriga frågor anmäldes.")]]),
        ]),
]
