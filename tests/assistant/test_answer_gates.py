"""The refusal side of the extractive engine on passages written for the test: a sentence about
another matter, or one with only the look of an answer, is not an answer."""

from __future__ import annotations

import pytest

from assistant.answers.cues import cue_met
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.figures import without_references
from ingest.search import Hit


def _hit(text: str, doc: str = "d1", title: str = "Referensgruppen för vägledning") -> Hit:
    return Hit(rank=1, score=1.0, doc_id=doc, title=title, source=f"https://example.org/{doc}", kind="rapport",
               agency="", date="2025-03-01", section="", page=None, text=text)


def _engine() -> ExtractiveEngine:
    return ExtractiveEngine(kb=None)  # type: ignore[arg-type]  # answer_from_hits needs no store


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Nämnden sammanträder varje månad.", True),
    ("Gruppen träffas varannan vecka under terminen.", True),
    ("Planen revideras varje nytt läsår.", True),
    ("Av varje ansökan ska sökandens utbildning framgå.", False),  # "varje" counts things here
])
def test_every_says_how_often_only_before_a_unit_of_time(sentence: str, expected: bool) -> None:
    assert cue_met("frequency", sentence) is expected


def test_how_often_a_body_meets_is_not_answered_by_how_often_it_is_reported_to() -> None:
    q = "Hur ofta har referensgruppen möte?"
    reported = "Lägesrapporter lämnas till referensgruppen fyra gånger per år av projektledningen."
    intro = "Referensgruppen består av sju ledamöter. Ordföranden leder mötet och skriver protokollet."
    a = _engine().answer_from_hits(q, [_hit(f"{intro} {reported}")])
    assert not a.grounded
    meets = "Referensgruppen håller möte varannan månad i Sundsvall."
    a = _engine().answer_from_hits(q, [_hit(f"{intro} {reported} {meets}")])
    assert a.grounded and "varannan månad" in a.answer


@pytest.mark.parametrize(("text", "left"), [
    ("utgå från strategin (U2021/01234) om lärare", ""),
    ("enligt förordningen (2011:1108) om vuxenutbildning", ""),
    ("se SOU 2023:12 och prop. 2022/23:1", ""),
    ("behovet är 12 000 lärare", "12 000"),
])
def test_reference_numbers_are_no_figures(text: str, left: str) -> None:
    digits = "".join(c for c in without_references(text) if c.isdigit() or c == " ").strip()
    assert digits.replace(" ", "") == left.replace(" ", "")


def test_a_number_question_is_not_answered_by_a_file_number() -> None:
    q = "Hur stort är behovet av lärare enligt kartläggningen?"
    ref = "Kartläggningen av behovet av lärare ska utgå från strategin (U2021/01234) för lärarförsörjning."
    assert not _engine().answer_from_hits(q, [_hit(ref, title="Kartläggning av lärarbehov")]).grounded
    figure = "Enligt kartläggningen är behovet av lärare 12 000 fram till 2035."
    a = _engine().answer_from_hits(q, [_hit(f"{ref} {figure}", title="Kartläggning av lärarbehov")])
    assert a.grounded and "12 000" in a.answer


def test_a_compound_naming_which_matter_is_not_said_by_its_head_alone() -> None:
    q = "När ska kommunerna redovisa lärarsatsningen?"
    other = _hit("Kommunerna ska redovisa satsningen till Skolverket senast den 1 mars 2026.", title="Satsning på yrkesvux")
    assert not _engine().answer_from_hits(q, [other]).grounded
    own = _hit("Kommunerna ska redovisa satsningen på lärare till Skolverket senast den 1 mars 2026.",
               title="Satsning i skolan")
    a = _engine().answer_from_hits(q, [own])
    assert a.grounded and "1 mars 2026" in a.answer


def test_who_holds_an_office_is_named_beside_the_office() -> None:
    q = "Vem är sekreterare i föreningen Läslust?"
    text = ("Föreningen Läslust har en sekreterare och en kassör. Föreningen träffas i Umeå. Årsmötet hålls i mars. "
            "Föreningen Läslust delar sina handlingar via Google Drive.")
    a = _engine().answer_from_hits(q, [_hit(text, title="Om föreningen")])
    assert not a.grounded  # a product's name is no holder of the office
    a = _engine().answer_from_hits(q, [_hit(f"{text} Sekreterare i föreningen är Karin Ek.", title="Om föreningen")])
    assert a.grounded and "Karin Ek" in a.answer


@pytest.mark.parametrize(("section", "answered"), [("Fördelning av medel 2025", False), ("Fördelning av medel 2026", True)])
def test_a_row_without_a_year_is_of_the_year_its_heading_names(section: str, answered: bool) -> None:
    q = "Hur mycket får Umeå kommun för sommarskolor 2026?"
    text = ("Medel till sommarskolor fördelas även 2026 efter antalet elever.\n"
            "| Umeå kommun | 3,5 miljoner kronor |\n| Luleå kommun | 2 miljoner kronor |")
    hit = Hit(rank=1, score=1.0, doc_id="d1", title="Medel till kommuner för sommarskolor", source="https://example.org/d1",
              kind="pressmeddelande", agency="", date="2025-03-01", section=section, page=None, text=text)
    a = _engine().answer_from_hits(q, [hit])
    assert a.grounded is answered
    assert not answered or "3,5" in a.answer


@pytest.mark.parametrize(("question", "sentence", "untold"), [
    ("Vilka mål valde nämnden?", "Vid mötet i mars valdes målen och en ny ordförande.", True),
    ("Vilka mål valde nämnden?", "Nämnden valde två mål: fler lärare och kortare köer.", False),
    ("Vilka mål valde nämnden?", "Följande mål valdes:", False),  # the list follows
    ("Vad beslutade nämnden i maj?", "Nämnden följer resultatindikatorer för skolorna.", True),  # a compound tells nothing
    ("Vad beslutade nämnden i maj?", "Resultatet blev att avgiften sänktes.", False),
])
def test_an_outcome_is_told_by_what_was_decided_not_that_it_was(question: str, sentence: str, untold: bool) -> None:
    from assistant.answers.asked import outcome_untold

    assert outcome_untold(question, sentence) is untold


@pytest.mark.parametrize(("name", "expected"), [
    ("MSV KLL", False),  # the glossary writes it out as a collaboration of agencies, not an agency
    ("OECD", False),
    ("SCB", True),  # Statistiska centralbyrån
    ("UHR", True),  # Universitets- och högskolerådet
    ("Skolverket", True),
    ("Vinnova", True),  # no written-out form: not ruled out
])
def test_which_agencies_is_not_answered_by_a_name_written_out_as_no_agency(name: str, expected: bool) -> None:
    from assistant.answers.cues import of_asked_class

    assert of_asked_class(name, "Vilka myndigheter deltar i projektet?") is expected
    assert of_asked_class(name, "Vilka aktörer deltar i projektet?")  # other questions: any name


def test_a_partial_report_is_not_dated_by_the_final_one() -> None:
    q = "När ska Kulturrådet lämna en delredovisning av uppdraget om läsfrämjande?"
    final = "Kulturrådet ska lämna redovisningen av uppdraget om läsfrämjande senast den 30 juni 2026."
    title = "Uppdrag till Kulturrådet om läsfrämjande"
    assert not _engine().answer_from_hits(q, [_hit(final, title=title)]).grounded
    partial = "Kulturrådet ska lämna en delredovisning av uppdraget senast den 1 december 2025."
    a = _engine().answer_from_hits(q, [_hit(f"{partial} {final}", title=title)])
    assert a.grounded and "1 december 2025" in a.answer


def test_an_office_named_by_an_agent_noun_in_ator_is_held_by_a_person() -> None:
    q = "Vem är administratör för skolans webbplats?"
    assert not cue_met("person", "Webbplatsen sköts av Skolverket och uppdateras varje vecka.", question=q)
    assert cue_met("person", "Administratör för webbplatsen är Lars Berg.", question=q)


def test_an_acronym_is_not_named_by_a_common_word_that_stems_alike() -> None:
    q = "Vad står SKUTT för?"
    common = _hit("Ett skutt framåt för vuxenutbildningen, säger ministern.", title="Ny satsning")
    assert not _engine().answer_from_hits(q, [common]).grounded
    named = _hit("Satsningen Skutt (skolor utan trösklar) ska öka vuxnas studier, säger ministern.", title="Ny satsning")
    a = _engine().answer_from_hits(q, [named])
    assert a.grounded and "skolor utan trösklar" in a.answer
