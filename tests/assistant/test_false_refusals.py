"""Answerable questions the engine used to refuse: a passive frequency question, a question asking
how long, an amount in words, an ordinal the document's title says, and an English question's verbs.
Examples are our own; the engine is the real one over hand-made passages."""

from __future__ import annotations

import pytest
from testkit import hand_hit

from assistant.answers.cues import cue_met
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.gates import doer
from assistant.answers.question import analyse

_hit = hand_hit


def test_a_passive_how_often_question_times_its_subject(engine: ExtractiveEngine) -> None:
    assert doer("Hur ofta görs enkäten?") == frozenset()  # passive: the subject is what is done
    assert doer("Hur ofta har nämnden möte?")  # active: the subject does it
    hits = [_hit("Enkäten om läsvanor genomförs vart tredje år sedan 2001 av Institutet för läsforskning.",
                 "Medel till enkät om läsvanor")]
    a = engine.answer_from_hits("Hur ofta görs enkäten om läsvanor bland pensionärer?", hits)
    assert a.grounded and "vart tredje år" in a.answer


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("Hur länge ska försöket pågå?", "Försöket ska pågå i två år.", True),
    ("Inom vilken tidsram ska analysen göras?", "Analysen ska kunna göras inom sex månader.", True),
    ("Hur lång tid tar utbildningen?", "Utbildningen omfattar tre terminer.", True),
    ("När ska försöket starta?", "Försöket ska pågå i två år.", False),  # a date is asked, not a length
])
def test_a_question_asking_how_long_is_answered_by_a_duration(question: str, sentence: str, expected: bool) -> None:
    assert cue_met("time", sentence, frozenset(), question) is expected


def test_a_duration_answers_a_time_frame_question(engine: ExtractiveEngine) -> None:
    hits = [_hit("Kartläggningen ska kunna genomföras inom sex månader.",
                 "Uppdrag om kartläggning av yrkesutbildning")]
    a = engine.answer_from_hits("Inom vilken tidsram ska kartläggningen av yrkesutbildningen kunna göras?", hits)
    assert a.grounded and "sex månader" in a.answer


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kommunen får tre miljoner kronor.", True),
    ("Anslaget ökar till halvannan miljard euro.", True),
    ("Staden har en miljon invånare.", False),
])
def test_an_amount_in_words_of_a_magnitude_is_money(sentence: str, expected: bool) -> None:
    assert cue_met("money", sentence) is expected


def test_money_asked_for_is_answered_by_an_amount_in_words(engine: ExtractiveEngine) -> None:
    hits = [_hit("För att förbereda arbetet får Skolverket och Tillväxtverket fyra miljoner kronor var under 2025.",
                 "Pengar till uppföljning av yrkesutbildning")]
    a = engine.answer_from_hits("Hur mycket pengar får Skolverket och Tillväxtverket för att förbereda arbetet?", hits)
    assert a.grounded and "fyra miljoner kronor" in a.answer


def test_an_ordinal_the_title_says_is_said_by_the_document(engine: ExtractiveEngine) -> None:
    q = "När startade den andra omgången av mentorsprogrammet?"
    hits = [_hit("Den 3 maj startade 40 nya deltagare i mentorsprogrammet.", "Andra omgången av mentorsprogrammet i gång")]
    a = engine.answer_from_hits(q, hits)
    assert a.grounded and "3 maj" in a.answer
    other = [_hit(hits[0].text, "Mentorsprogrammet i gång")]  # nothing says which round it is
    assert not engine.answer_from_hits(q, other).grounded


def test_an_english_questions_verbs_weigh_as_verbs() -> None:
    info = analyse("Who was hired as secretary of the council?")
    verbs = {t.stem for t in info.terms if t.verb}
    nouns = {t.stem for t in info.terms if not t.verb}
    assert verbs and not verbs & nouns
    assert any(s.startswith("sekret") for s in nouns)  # the office asked about stays a noun
    plural = analyse("Why does it take so long to plan the meetings of the agencies?")
    assert plural.english and any(t.stem.startswith("möt") and not t.verb for t in plural.terms)  # a plural noun is no verb


def test_a_deponent_how_often_question_keeps_its_doer() -> None:
    """A verb in -s that is not passive ("träffas", "möts") leaves the subject as the one who does it."""
    assert doer("Hur ofta träffas nätverket?") and doer("Hur ofta möts rådet?")
    assert doer("Hur ofta publiceras rapporten?") == frozenset()  # a passive: what is done


def test_an_english_noun_whose_swedish_plural_ends_in_er_is_no_verb() -> None:
    """"study" is "studie" (studier) and "board" "styrelse" (styrelser): nouns the passage must say,
    though the plural looks like a present tense; "propose" ("föreslå", "föreslår") is a verb."""
    from assistant.answers.question import english_verbs

    verbs = english_verbs("What did the study find about the board?")
    assert verbs and not any(v.startswith(("studi", "styr")) for v in verbs), verbs  # "find" (hitta) is one
    assert english_verbs("What did they propose?")
