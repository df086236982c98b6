"""What an answer says once it answers: which further sentences join the lead and which list
answers a list question (on passages written for the test)."""

from __future__ import annotations

from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.lists import list_items
from assistant.answers.question import analyse
from assistant.answers.units import passage_units
from ingest.search import Hit


def _hit(text: str, doc: str = "d1", title: str = "Sommarkurser på folkhögskolor") -> Hit:
    return Hit(rank=1, score=1.0, doc_id=doc, title=title, source=f"https://example.org/{doc}", kind="pressmeddelande",
               agency="", date="2025-03-01", section="", page=None, text=text)


def test_a_further_sentence_may_answer_a_later_part_of_the_question() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Anna Berg tillträder som rektor för Kiruna folkhögskola den 1 mars 2026. "
                 "Skolan har omkring 300 deltagare och erbjuder kurser i samiska. "
                 "Anna Berg har tidigare arbetat vid Luleå folkhögskola. "
                 "Skolans styrelse är nöjd med rekryteringen. "
                 "Anna Berg har även arbetat vid Umeå universitet.", title="Ny rektor för Kiruna folkhögskola")]
    a = engine.answer_from_hits("När tillträder Anna Berg som rektor för Kiruna folkhögskola, och var har hon "
                                "arbetat tidigare?", hits)
    # the second place answers the later part though it has no date, which the first part asks for
    assert a.grounded and "1 mars 2026" in a.answer and "Luleå" in a.answer and "Umeå" in a.answer
    assert "300 deltagare" not in a.answer


def test_a_list_question_is_answered_by_the_list_naming_what_it_asks_for() -> None:
    hits = [_hit("Arbetet skedde i flera steg:\n- Styrgruppen lämnade underlag.\n"
                 "- En workshop hölls med processledarna.\n- Tillhandahålla en funktionsbrevlåda."),
            _hit("Nedan följer ett urval av underlag som sekretariatet tagit fram:\n"
                 "- Rutin för minnesanteckningar\n- Rutin för avslut av arbetsgrupp\n- Mall för lägesbedömning")]
    units = [u for i, h in enumerate(hits) for u in passage_units(i, h.text)]  # the first list ranks first
    for u in units:
        u.coverage = 1.0
    chosen = [units[0]]
    items = list_items(analyse("Vilka rutiner har sekretariatet tagit fram?"), chosen, units, hits, 0.4)
    assert [u.text for u in items] == ["Rutin för minnesanteckningar", "Rutin för avslut av arbetsgrupp",
                                       "Mall för lägesbedömning"]
    assert chosen[-1].text.startswith("Nedan följer")  # its lead joins the answer
    # a compound that only begins with the listed noun does not name it ("funktionsbrevlåda")
    items = list_items(analyse("Vilka funktioner har sekretariatet?"), [units[0]], units, hits, 0.4)
    assert items[0].text == "Styrgruppen lämnade underlag."
