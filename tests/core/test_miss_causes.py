"""Why a gold fact is missed (evals/miss_causes.py), on passages written for the test: where the fact
sits, which of the answer's sentences it stands beside, why it was left out, and which gates refuse
the sentence holding it."""

from __future__ import annotations

import pytest

import evals.miss_causes as mc
from assistant.answers.candidates import rank_units
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.question import analyse
from assistant.answers.subject import subjects, unnamed_per_hit
from assistant.answers.units import passage_units
from ingest.search import Hit


def _hit(text: str, doc: str = "d1", title: str = "Kurser vid Kiruna folkhögskola", section: str = "") -> Hit:
    return Hit(rank=1, score=1.0, doc_id=doc, title=title, source=f"https://example.org/{doc}", kind="pressmeddelande",
               agency="", date="2025-03-01", section=section, page=None, text=text)


PASSAGE = ("Kiruna folkhögskola erbjuder kurser i samiska språket och duodji för vuxna. "
           "Kurserna pågår i tolv veckor och är avgiftsfria för deltagarna. "
           "Undervisningen sker på plats i Kiruna och på distans. "
           "Skolan har ett internat med tjugo rum.")
HITS = [_hit(PASSAGE, section="Vuxenutbildning i norr"), _hit("Luleå folkhögskola har en musiklinje med trettio platser.", "d2")]


@pytest.mark.parametrize(("fact", "where", "hit"), [
    ("tolv veckor", "unit", 0),
    ("vuxenutbildning i norr", "heading", None),  # only the gold passage's section says it
    ("för vuxna. kurserna", "split", 0),  # runs over two sentences
    ("musiklinje", "other document", None),
    ("fyrtio platser", "absent", None),
])
def test_locates_a_fact_in_the_gold_documents_passages(fact: str, where: str, hit: int | None) -> None:
    place = mc.locate(fact, HITS, "d1")
    assert (place.where, place.hit) == (where, hit)
    assert (place.unit is not None) is (where == "unit")


def test_a_fact_beside_the_lead_left_out_of_a_full_answer() -> None:
    units = passage_units(0, PASSAGE)
    for u, p in zip(units, (0.9, 0.8, 0.85, 0.2)):
        u.p, u.coverage = p, 0.6
    chosen = [units[0]]
    answer = f"{units[0].text} [1]"
    assert mc.chosen_units(answer, units) == chosen
    assert mc.answered_cause(mc.Place("unit", 0, units[1]), chosen, units, ()) == ("1 after the lead", "other")
    assert mc.answered_cause(mc.Place("unit", 0, units[3]), chosen, units, ())[0] == "2-3 after the lead"
    assert mc.answered_cause(mc.Place("unit", 0, units[3]), chosen, units, ())[1] == "below the lead's share"
    long_lead = passage_units(0, "Kiruna folkhögskola erbjuder kurser " + "och mycket mer " * 40 + "för vuxna.")[0]
    long_lead.p = 0.9
    assert mc.answered_cause(mc.Place("unit", 0, units[1]), [long_lead], units, ())[1] == "answer full"
    other = passage_units(1, HITS[1].text)[0]
    other.p, other.coverage = 0.85, 0.6
    assert mc.answered_cause(mc.Place("unit", 1, other), chosen, units, ("coverage",)) == (
        "another gold passage, refused by coverage", "other")


@pytest.mark.parametrize(("question", "expected"), [
    ("Vilka kurser erbjuder Kiruna folkhögskola?", ()),  # the lead answers: no gate refuses it
    ("Vilka kurser erbjuder Jokkmokks folkhögskola?", ("subject",)),  # a school the passage does not name
])
def test_names_the_gates_that_refuse_a_sentence(question: str, expected: tuple[str, ...]) -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    info = analyse(question)
    about = subjects(question)
    unnamed = unnamed_per_hit(about, HITS[:1])
    lead = next(u for u in rank_units(info, HITS[:1], synonyms=engine.synonyms, model=engine.model) if u.pos == 0)
    gates = mc.gates_failed(engine, info, lead, unnamed[lead.hit], about)
    assert gates[: len(expected)] == expected and bool(gates) is bool(expected)


def test_a_false_refusal_by_its_best_ranked_fact() -> None:
    unit = passage_units(0, PASSAGE)[1]
    place = mc.Place("unit", 0, unit)
    assert mc.refused_cause(0, ("coverage",), place) == "among the five, one gate: coverage"
    assert mc.refused_cause(2, ("coverage", "own share"), place) == "among the five, several gates"
    assert mc.refused_cause(7, ("coverage",), place) == "ranks 6+"
    assert mc.refused_cause(None, (), place) == "not ranked (the question not understood)"
    assert mc.refused_cause(None, (), mc.Place("absent")) == "absent"
    rows = [{"id": "q", "rank": None, "where": "a"}, {"id": "q", "rank": 7, "where": "b"}, {"id": "q", "rank": 2, "where": "c"}]
    assert [r["where"] for r in mc.best_per_question(rows)] == ["c"]


@pytest.mark.parametrize(("row", "expected"), [
    ({"refused": True, "where": "ranks 6+", "why": "refused"}, "refused (a false refusal)"),
    ({"refused": False, "where": "absent", "why": "absent"}, "not retrieved"),
    ({"refused": False, "where": "another gold passage, passes the gates", "why": "answer full"}, "another passage led"),
    ({"refused": False, "where": "a further sentence's passage", "why": "answer full"}, "another passage led"),
    ({"refused": False, "where": "a list item of the lead's passage", "why": "answer full", "list_given": True},
     "a list item not given (other items were)"),
    ({"refused": False, "where": "1 after the lead", "why": "answer full", "table_row": True}, "a table row not taken"),
    ({"refused": False, "where": "2-3 after the lead", "why": "answer full and below the lead's share"},
     "in the lead's passage: cut by the length"),
    ({"refused": False, "where": "1 after the lead", "why": "below the lead's share"}, "in the lead's passage: not taken"),
])
def test_a_missed_fact_gets_one_cause(row: dict, expected: str) -> None:
    assert mc.cause(row) == expected


def test_a_table_row_is_told_from_a_sentence() -> None:
    rows = passage_units(0, "Kurs | Veckor | Platser\n- Duodji 3 12 40\nKursen i duodji pågår i tre veckor.")
    assert [mc.table_row(u) for u in rows] == [True, True, False]
