"""The extractive engine on the bundled report: cited, faithful answers and plain refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.base import REFUSAL
from assistant.answers.question import split_question
from assistant.answers.registry import get_engine
from assistant.answers.units import split_run_in
from assistant.answers.verify import split_cited, strip_marks
from ingest.glossary import FREEDICT
from ingest.swedish import normalize

ANSWERABLE = [
    ("Vad gör beredningsgruppen?", "på uppdrag av styrgruppen"),
    ("Hur ofta görs lägesbedömningen?", "två gånger per år"),
    ("Under vilken period genomfördes förstudierna?", "oktober 2023 till oktober 2024"),
    ("Varför avråder flera myndigheter från att använda Teams?", "dataskyddsskäl"),
]
UNANSWERABLE = [
    "Vad heter styrgruppsordförandens hund?",
    "Vilken lön har samordnaren i MSV KLL:s sekretariat?",
    "Vilket datum ska MSV KLL:s arbetsordning träda i kraft?",
]


@pytest.fixture(scope="module")
def engine(kb):
    return get_engine("extractive", kb)


@pytest.mark.parametrize(("question", "fact"), ANSWERABLE)
def test_answer_is_cited_and_faithful(engine, question: str, fact: str) -> None:
    a = engine.answer(question)
    assert a.grounded and a.engine == "extractive"
    assert fact in normalize(a.answer)
    sentences = split_cited(a.answer)
    assert sentences and all(ns for _, ns in sentences)
    for sentence, ns in sentences:
        for n in ns:
            c = a.citation(n)
            assert c is not None
            # every sentence is (a lightly trimmed) sentence of the passage it cites
            assert normalize(strip_marks(sentence)).rstrip(".") in normalize(c.text.replace("\n", " "))


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_refuses_when_the_documents_do_not_say(engine, question: str) -> None:
    a = engine.answer(question)
    assert not a.grounded
    assert a.answer == REFUSAL
    assert a.citations == [] and a.related  # nearest sources are shown instead


def test_json_contract(engine) -> None:
    d = engine.answer("Vad gör beredningsgruppen?").as_dict()
    assert set(d) >= {"question", "answer", "grounded", "engine", "citations", "removed_sentences"}
    c = d["citations"][0]
    assert set(c) == {"n", "doc_id", "title", "source", "section", "page", "text"}
    assert c["doc_id"] == "msv-forstudier-slutrapport"


@pytest.mark.parametrize(("question", "parts"), [
    ("Vad är en lägesbedömning och hur ofta görs den?", ["Vad är en lägesbedömning", "hur ofta görs den?"]),
    ("Who owned the project and how long did it run?", ["Who owned the project", "how long did it run?"]),
    ("Vilka myndigheter och regioner deltar?", ["Vilka myndigheter och regioner deltar?"]),
])
def test_two_part_questions_are_split(question: str, parts: list[str]) -> None:
    assert split_question(question) == parts


@pytest.mark.parametrize(("sentence", "heading", "rest"), [
    ("Styrdokument för samverkan skapar tydlighet I genomförandet av förstudierna har det blivit tydligt.",
     "Styrdokument för samverkan skapar tydlighet", "I genomförandet av förstudierna har det blivit tydligt."),
    ("Ansökan skickades till Myndigheten för yrkeshögskolan i juni.", "",
     "Ansökan skickades till Myndigheten för yrkeshögskolan i juni."),
])
def test_a_heading_run_into_a_sentence_is_cut_off(sentence: str, heading: str, rest: str) -> None:
    assert split_run_in(sentence) == (heading, rest)


def test_list_answer_collects_items_one_word_or_numbered(engine) -> None:
    a = engine.answer("Vilka befintliga forum är särskilt intressanta för dialogen med RUA?")
    assert a.grounded
    assert "Reglab" in a.answer and "Kompetensförsörjningsdagarna" in a.answer


def test_a_first_part_without_support_means_no_answer(engine) -> None:
    # the report says the pre-studies paid for consultants, never what it cost: the question's
    # first part is what it is about, so no answer is given to the rest either
    a = engine.answer("Vad kostade konsultstödet i förstudierna och vem finansierade det?")
    assert not a.grounded and a.answer == REFUSAL


@pytest.mark.parametrize(("kind", "sentence", "question", "met"), [
    # a spelled-out name before its abbreviation defines the abbreviation the question asks about
    ("definition", "Samverkan med de regionalt utvecklingsansvariga (RUA) är viktig.", "Vad betyder förkortningen RUA?", True),
    ("definition", "Samverkan med Tillväxtverket (TVV) är viktig.", "Vad betyder förkortningen RUA?", False),
    # a role answers "vilka personer", but not a question asking who holds a role
    ("person", "I gruppen ingår myndigheternas generaldirektörer.", "Vilka personer ingår i gruppen?", True),
    ("person", "I gruppen ingår myndigheternas generaldirektörer.", "Vem är ordförande i gruppen?", False),
    ("person", "Gruppen leds av Anna Andersson.", "Vem är ordförande i gruppen?", True),
])
def test_what_a_question_kind_asks_for(kind: str, sentence: str, question: str, met: bool) -> None:
    from assistant.answers.cues import cue_met
    from assistant.answers.question import analyse

    assert cue_met(kind, sentence, analyse(question).said, question) is met


@pytest.mark.parametrize(("question", "kind"), [
    ("Under vilken tidsperiod pågick projektet?", "time"),
    ("Vilket verksamhetsår gäller planen?", "time"),
    ("Vilka förslag lämnade gruppen?", "list"),
    # the opening question word decides before a word for money or an amount later on
    ("Vem betalade kostnaden för lokalen?", "person"),
    ("När betalades pengarna ut till regionerna?", "time"),
    ("Vilka tre föreningar fördelar pengarna?", "list"),
    ("Hur mycket pengar fick regionerna?", "money"),
])
def test_time_questions_by_compound(question: str, kind: str) -> None:
    from ingest.qtype import question_kind

    assert question_kind(question) == kind


def test_form_words_and_particle_verbs_are_not_content() -> None:
    from assistant.answers.question import analyse

    nouns = {t.stem for t in analyse("Under vilken period pågick projektet och vad betyder förkortningen TSI?").terms
             if not t.verb}
    assert "förkortning" not in nouns and "pågick" not in nouns
    assert "projekt" in nouns or any(s.startswith("projekt") for s in nouns)


def test_english_words_left_untranslated_do_not_count_against_an_answer(engine) -> None:
    """Words of an English question that the glossary cannot translate and no passage has are
    dropped; when they are half the question, it is not understood and refused."""
    from assistant.answers.candidates import _matchable
    from assistant.answers.question import analyse

    info = analyse("Which agency coordinates the steering group's zxqvork for the secretariat?", english=True)
    kept = {t.stem for t in _matchable(info, engine.kb.search(info.text, 10)).terms}
    assert "zxqvork" not in kept and any(s.startswith("styrgrupp") for s in kept)
    nonsense = analyse("What is a good zxqvork for plimbous ferbles?", english=True)
    assert _matchable(nonsense, engine.kb.search(nonsense.text, 10)).terms == ()


@pytest.mark.skipif(not Path(f"{FREEDICT}.index").is_file(), reason="dict-freedict-eng-swe not installed (make dictionary)")
def test_a_general_dictionary_word_counts_as_understood_only_where_a_passage_has_it() -> None:
    """'recipe' becomes 'recept' through FreeDict, but stays among the words a passage must have
    before the question counts as understood (the half-untranslated refusal is kept)."""
    from assistant.answers.candidates import _untranslated

    left = _untranslated("What is a good recipe for plimbous ferbles?")
    assert {"recept", "plimbous"} <= left
    assert not {"styrgrupp", "sekretariat"} & _untranslated("Who chairs the steering group and the secretariat?")
