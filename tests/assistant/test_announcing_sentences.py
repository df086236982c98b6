"""A sentence that only announces, commissions or plans a thing ("ska", "kommer att", "i uppdrag att", a
task's infinitive) does not answer a question about what came of it (in the past, or what it showed or
contained), unless it names what a list question asks for; a question about the plan or the commission
itself is answered by it; a sentence leaning on an announcing one ("Det handlar om …") goes on with it.
Examples are our own; the engine is the real one over hand-made passages."""

from __future__ import annotations

from functools import partial

import pytest
from testkit import hand_hit

from assistant.answers.announces import announces_only, asks_what_came, only_announces
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.question import analyse

_hit = partial(hand_hit, kind="rapport")


@pytest.mark.parametrize(("question", "expected"), [
    ("Vilka åtgärder föreslog nämnden i rapporten?", True),  # a strong verb's preterite
    ("Vilka ändringar av taxan föreslog nämnden?", True),  # the finite verb after a noun phrase
    ("Vilka skolor deltog i försöket?", True),
    ("Var hölls mötet?", True),  # a strong verb's passive
    ("Vilka kurser valdes?", True),
    ("Vad har utredningen kommit fram till?", True),  # the perfect
    ("Vad visar enkäten?", True),  # what a thing showed, whatever the tense
    ("Which measures did the board propose?", True),
    ("Vad ska nämnden göra?", False),  # a modal: the plan is asked for
    ("Vilka föreningar skulle delta?", False),
    ("Vem leder gruppen?", False),  # the present
    ("Vilka kommuner fick i uppdrag att samordna simundervisningen?", False),  # the commission itself
    ("Vad var syftet med satsningen?", False),  # an aim is what an announcement says
    ("What was the board asked to do?", False),
])
def test_a_question_about_what_came_of_something(question: str, expected: bool) -> None:
    assert asks_what_came(question, analyse(question).english) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Nämnden ska ta fram en plan för simhallarna.", True),
    ("I rapporten ska gruppen göra en bedömning av läget.", True),  # the finite verb after a fronted phrase
    ("Kommunen ger nämnden i uppdrag att kartlägga behoven.", True),
    ("I uppdraget ingår också att undersöka om lokalerna räcker.", True),
    ("kartlägga behoven hos de äldre eleverna.", True),  # a task's infinitive, one of a list of them
    ("Verket kommer att redovisa i maj.", True),
    ("Studien beräknas vara klar 2024.", True),
    ("Verket kommer i maj med en rapport.", False),  # "kommer" without "att" is no future
    ("Nämnden beslutade att anta planen.", False),
    ("I planen pekade nämnden ut tre områden som ska prioriteras.", False),  # "ska" in a relative clause
    ("Följande frågor ska prioriteras:", False),  # its list says what is asked
])
def test_a_sentence_that_only_announces(sentence: str, expected: bool) -> None:
    assert only_announces(sentence) is expected


def test_an_announcing_sentence_naming_the_things_a_list_question_asks_for_answers_it() -> None:
    info = analyse("Vilka parter deltog i försöket med nattbussar?")
    assert not announces_only(info, "Trafikbolaget ska genomföra försöket med nattbussar tillsammans med Alby kommun "
                                    "och Bergby kommun.")
    assert announces_only(info, "Trafikbolaget ska genomföra ett försök med nattbussar under hösten.")
    # a number, name, place or time asked for is the kind's own cue: not judged here
    assert not announces_only(analyse("Hur mycket pengar fick skolan?"), "Skolan ska få 5 miljoner kronor.")


@pytest.mark.parametrize(("question", "passage", "title", "grounded"), [
    # the review is said to be commissioned or planned: what it proposed or contained is not told
    ("Vilka åtgärder föreslog trafiknämnden i utredningen om cykelbanorna?",
     "Trafiknämnden ska i utredningen om cykelbanorna föreslå åtgärder för säkrare korsningar.",
     "Utredning om cykelbanorna", False),
    ("Vilka åtgärder föreslog trafiknämnden i utredningen om cykelbanorna?",
     "Kommunstyrelsen ger trafiknämnden i uppdrag att i en utredning om cykelbanorna föreslå åtgärder för säkrare "
     "korsningar.", "Utredning om cykelbanorna", False),
    ("Vad innehöll handlingsplanen för stadsbiblioteken?",
     "Kulturnämnden kommer att ta fram en handlingsplan för stadsbiblioteken under hösten.",
     "Handlingsplan för stadsbiblioteken", False),
    ("Vilka frågor var prioriterade i kulturplanen 2023?",
     "Följande frågor ska vara prioriterade i kulturplanen 2023.", "Kulturplan 2023", False),
    # the same sentences answer a question about the plan or the commission
    ("Vilka åtgärder ska trafiknämnden föreslå i utredningen om cykelbanorna?",
     "Trafiknämnden ska i utredningen om cykelbanorna föreslå åtgärder för säkrare korsningar.",
     "Utredning om cykelbanorna", True),
    ("Vilka kommuner fick i uppdrag att samordna simundervisningen?",
     "Regionen ger Alby och Bergby kommun i uppdrag att samordna simundervisningen.", "Simundervisning", True),
    # a sentence telling what came of it answers
    ("Vilka åtgärder föreslog trafiknämnden i utredningen om cykelbanorna?",
     "I utredningen om cykelbanorna föreslog trafiknämnden bredare cykelbanor och fler övergångsställen vid skolorna.",
     "Utredning om cykelbanorna", True),
    ("Vad innehöll handlingsplanen för stadsbiblioteken?",
     "Handlingsplanen för stadsbiblioteken innehöll längre öppettider och en ny läsfrämjande satsning.",
     "Handlingsplan för stadsbiblioteken", True),
])
def test_the_engine_refuses_a_passage_that_only_announces_what_is_asked(
        engine: ExtractiveEngine, question: str, passage: str, title: str, grounded: bool) -> None:
    a = engine.answer_from_hits(question, [_hit(passage, title)])
    assert a.grounded is grounded, a.answer


@pytest.mark.parametrize(("passage", "grounded"), [
    # "Det handlar om …" goes on with the announcement before it: what the report is to cover, not what it showed
    ("Fritidsnämnden ska redovisa hur simhallarna används. Det handlar bland annat om vilka simhallar som används "
     "mest och om resultaten av simhallarnas renoveringar.", False),
    ("Fritidsnämnden redovisade hur simhallarna används. Det visade att simhallarna i norr används mest och att "
     "resultaten av renoveringarna är goda.", True),
])
def test_a_sentence_leaning_on_an_announcement_goes_on_with_it(engine: ExtractiveEngine, passage: str,
                                                               grounded: bool) -> None:
    a = engine.answer_from_hits("Vad visade fritidsnämndens redovisning om simhallarna?",
                                [_hit(passage, "Redovisning om simhallarna")])
    assert a.grounded is grounded, a.answer
