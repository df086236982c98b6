"""What an answer says once it answers: which further sentences join the lead and which list
answers a list question (on passages written for the test)."""

from __future__ import annotations

import pytest

from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.lists import list_items
from assistant.answers.question import analyse
from assistant.answers.units import Unit, passage_units, reports_speech
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


def test_a_later_parts_further_sentences_are_weighed_against_that_parts_lead() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Regeringen ger Kiruna folkhögskola i uppdrag att utveckla distanskurser i samiska för vuxna. "
                 "Kiruna folkhögskola ska utveckla distanskurserna tillsammans med Sametinget. "
                 "Uppdraget ska redovisas senast den 1 april 2026. "
                 "En delredovisning av uppdraget ska lämnas senast den 1 oktober 2025.", title="Nyheter")]
    a = engine.answer_from_hits("Vad ska Kiruna folkhögskola utveckla, och när ska uppdraget redovisas?", hits)
    # the second date is unlikely on the first part's words, likely on the second part's
    assert a.grounded and "1 april 2026" in a.answer and "1 oktober 2025" in a.answer


@pytest.mark.parametrize(("sentence", "reported"), [
    ("Det här är en kurs som många har väntat på, säger rektor Anna Berg.", True),
    ("Vi ser fram emot hösten, skriver styrelsen i ett brev.", True),
    ("”Kurserna behövs”, sa Per Nilsson.", True),
    ("Rektorn säger att kursen pågår i tre veckor.", False),  # the speaker first: a statement about what is said
    ("Kursen pågår i tre veckor och leds av slöjdaren Per Nilsson.", False),
    # words said to stand in a document are its content, unless someone speaks in their own voice
    ("Kursen ska redovisas till regeringen senast den 1 juni, skriver regeringen i beslutet.", False),
    ("Skolan får 2 miljoner kronor för kursen, skriver Sametinget på sin webbplats.", False),
    ("Vi har väntat länge på kursen, skriver rektorn i ett brev till deltagarna.", True),
])
def test_reported_speech_is_told_by_its_speaker_after_the_words(sentence: str, reported: bool) -> None:
    assert reports_speech(sentence) is reported


def test_each_later_part_is_weighed_against_its_own_lead(monkeypatch: pytest.MonkeyPatch) -> None:
    """With three parts, the third part's candidates are weighed against the third part's lead, not
    against the second part's lead when that one ranks higher on the third part's words."""
    from assistant.answers import extractive

    def unit(pos: int, text: str, p: float) -> Unit:
        return Unit(0, pos, text, frozenset(text.lower().split()), False, coverage=1.0, p=p)

    first, second, third = (analyse(q) for q in ("Vem leder skolan", "när grundades skolan",
                                                  "hur många deltagare har skolan?"))
    rankings = {second.text: [unit(1, "Skolan grundades 1952.", 0.9)],
                third.text: [unit(1, "Skolan grundades 1952.", 1.0), unit(2, "Skolan har 300 deltagare.", 0.6),
                             unit(3, "Skolan har 40 deltagare på distans.", 0.5),
                             unit(4, "Skolan har ett internat.", 0.4)]}
    monkeypatch.setattr(extractive, "rank_units", lambda part, hits, **kw: rankings[part.text])
    lead = unit(0, "Skolan leds av Anna Berg.", 1.0)
    chosen = [lead, rankings[second.text][0], rankings[third.text][1]]
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    further = [u.text for u in engine._further([(second, chosen[1].text), (third, chosen[2].text)], [lead],
                                               chosen, [_hit("")])]
    assert "Skolan har 40 deltagare på distans." in further  # 0.5 ≥ 0.75 × 0.6, its own lead
    assert "Skolan har ett internat." not in further  # 0.4 < 0.75 × 0.6


def test_someones_words_are_no_further_sentence_unless_the_question_asks_who() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Kiruna folkhögskola erbjuder i sommar en kurs i duodji för vuxna. "
                 "Kursen i duodji pågår i tre veckor och leds av slöjdaren Per Nilsson. "
                 "Det här är en kurs som många har väntat på, säger rektor Anna Berg. "
                 "Deltagarna bor på skolans internat under kursen.", title="Sommarkurs i duodji på Kiruna folkhögskola")]
    what = engine.answer_from_hits("Vad erbjuder Kiruna folkhögskola för kurs i sommar?", hits)
    assert what.grounded and "duodji för vuxna" in what.answer and "väntat på" not in what.answer
    who = engine.answer_from_hits("Vem leder kursen i duodji på Kiruna folkhögskola?", hits)
    assert who.grounded and "Per Nilsson" in who.answer and "säger rektor Anna Berg" in who.answer


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
