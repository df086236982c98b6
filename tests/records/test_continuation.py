"""A decision's rest in the sentences after it: what is to apply, quoted in the register's answer."""

from __future__ import annotations

from assistant.answers.decision_open import decision_sentence
from assistant.records.continuation import continuation
from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from ingest.documents import Block

MINUTES = DocMeta("doc1", "Protokoll styrgruppen 2031-05-06", "/tmp/protokoll.pdf", "")


def _decisions(text: str) -> dict[str, str]:
    """Each decision's first words and its continuation."""
    found = [d for d in extract_decisions([Block(text)], MINUTES) if d.kind in DECISION_KINDS]
    return {d.text[:31]: continuation(d) for d in found}


def test_what_is_to_apply_after_a_decision_is_read_into_it_and_leaves_no_rest() -> None:
    text = ("Datum: 2031-05-06 § 4 Resepolicy Sekretariatet presenterade ett förslag. Styrgruppen godkände resepolicyn. "
            "Den ska gälla från den 1 september 2031. Resor över femtio mil får göras med flyg. Frågan väckte "
            "en livlig diskussion. § 5 Nästa möte Styrgruppen beslutade att nästa möte hålls digitalt. Alla ska "
            "ha fått kallelsen i god tid.")
    found = [d for d in extract_decisions([Block(text)], MINUTES) if d.kind in DECISION_KINDS]
    assert [d.text for d in found] == [
        "Styrgruppen godkände resepolicyn. Den ska gälla från den 1 september 2031. Resor över femtio mil får göras med flyg.",
        "Styrgruppen beslutade att nästa möte hålls digitalt. Alla ska ha fått kallelsen i god tid."]
    assert [continuation(d) for d in found] == ["", ""]


def test_a_new_decision_or_the_discussion_after_it_is_not_its_rest() -> None:
    text = ("Datum: 2031-05-06 § 4 Resepolicy Styrgruppen godkände resepolicyn. Styrgruppen beslutade att den ska "
            "följas upp efter ett år. § 5 Budget Styrgruppen fastställde budgeten. Diskussionen fortsätter i höst.")
    assert _decisions(text) == {"Styrgruppen godkände resepolicy": "", "Styrgruppen beslutade att den s": "",
                                "Styrgruppen fastställde budgete": ""}


def test_the_answer_quotes_the_decision_with_its_rest() -> None:
    text = "Datum: 2031-05-06 § 4 Resepolicy Styrgruppen godkände resepolicyn. Den ska gälla från den 1 september 2031."
    (d,) = [d for d in extract_decisions([Block(text)], MINUTES) if d.kind in DECISION_KINDS]
    assert "”Styrgruppen godkände resepolicyn. Den ska gälla från den 1 september 2031” [1]." in decision_sentence(d, 1)
