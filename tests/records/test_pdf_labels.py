"""Paragraph labels in PDF text whose headings run into one block a page (issue 11l): sub-paragraphs
("§ 4 a"), bold item numbers without a full stop ("2 Reviderad …"), a reference ("se bilaga 1.")
that is no item; and two sentences the rules missed there (a deciding verb with an insertion between
commas, an outside actor named only as an object). Made-up minutes."""

from __future__ import annotations

import pytest

from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from ingest.documents import Block

MINUTES = DocMeta("doc1", "Protokoll styrgruppen 2030-03-12", "/tmp/protokoll.pdf", "")
NOTES = DocMeta("doc2", "Beredningsgruppen minnesanteckningar 2030-04-02", "/tmp/anteckningar.pdf", "")


def _found(text: str, meta: DocMeta = MINUTES) -> dict[str, str]:
    """Each decision's text (its first words) and paragraph."""
    return {d.text[:30]: d.paragraph for d in extract_decisions([Block(text)], meta) if d.kind in DECISION_KINDS}


@pytest.mark.parametrize(("text", "meta", "expected"), [
    # sub-paragraphs of one § run into the page
    ("Datum: 2030-03-12 § 3 Uppföljning § 3 a Mall för uppföljning Sekretariatet presenterade ett förslag. "
     "Beslut: Enligt förslag, vilket innebär att mallen används från hösten. § 3 b Tidplan Informationen noterades. "
     "§ 4 Budget Styrgruppen fastställde budgeten för 2031.",
     MINUTES, {"Enligt förslag, vilket innebär": "§ 3 a", "Styrgruppen fastställde budget": "§ 4"}),
    # bold item numbers without a full stop, in sequence; "den 4 oktober" and "1,4 miljoner" are no items
    ("Närvarande: Anna Berg 1 Dagordning Dagordningen godkändes. 2 Budget Ett utkast på 1,4 miljoner kronor "
     "presenterades. Gruppen enades om att lämna utkastet till styrgruppen den 4 oktober. 3 Övrigt "
     "Beredningsgruppen beslutade att hålla sina möten digitalt.",
     NOTES, {"Gruppen enades om att lämna ut": "punkt 2", "Beredningsgruppen beslutade at": "punkt 3"}),
    # a reference to an appendix is no item: the decision stays in its §
    ("Datum: 2030-03-12 § 5 Arbetsordning Ett förslag har tagits fram, se bilaga 1. Förslaget tydliggör mandaten. "
     "Styrgruppen fastställde arbetsordningen.",
     MINUTES, {"Styrgruppen fastställde arbets": "§ 5"}),
])
def test_labels_of_run_in_pdf_text(text: str, meta: DocMeta, expected: dict[str, str]) -> None:
    assert _found(text, meta) == expected


@pytest.mark.parametrize(("sentence", "decided"), [
    ("Styrgruppen beslutade, med ändring av beslutet den 2 maj (§ 4 b), att mallen får en sidfot.", True),
    ("Rutinen för skrivelser till Regeringskansliet fastställdes att gälla från den 1 juni.", True),
    ("Rutinen för samråd med Skolverket godkändes.", True),
    ("Regeringskansliet fastställde rutinen för skrivelser.", False),  # the outside actor decides
    ("Skolverket beslutade, efter samråd med regionerna, att föreskrifterna ändras.", False),
])
def test_sentences_the_rules_missed_in_pdf_minutes(sentence: str, decided: bool) -> None:
    found = [d for d in extract_decisions([Block("Datum: 2030-03-12"), Block(sentence, "§ 6 Rutiner")], MINUTES)
             if d.kind in DECISION_KINDS]
    assert bool(found) is decided
