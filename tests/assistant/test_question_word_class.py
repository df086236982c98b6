"""A question's verbs and prepositions are no nouns the passage must repeat: the lexicon tells an
inflected verb ("säljer", "byggde", "hämtat") from a noun ("regler", "format"), and an answer that
says the verb in other words is given. Examples are our own; the engine is the real one over
hand-made passages."""

from __future__ import annotations

import pytest
from testkit import hand_hit

from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.question import analyse, no_noun

_hit = hand_hit


@pytest.mark.parametrize(("word", "expected"), [
    ("säljer", True),  # present tense of "sälja"
    ("skickar", True),
    ("byggde", True),  # past tense of "bygga"
    ("hämtat", True),  # supine of "hämta"
    ("regler", False),  # a plural noun: the lexicon has "reglerna"
    ("format", False),  # a noun: the lexicon has "formatet"
    ("lärare", False),
    ("kurser", False),
    ("orsaker", False),  # a plural noun: "orsaka" is a verb, but its present is "orsakar"
])
def test_the_lexicon_tells_an_inflected_verb_from_a_noun(word: str, expected: bool) -> None:
    assert no_noun(word) is expected


def test_verbs_and_prepositions_weigh_as_verbs_and_nouns_stay_terms() -> None:
    terms = {t.stem: t.verb for t in analyse("Hur mycket pengar söker föreningen hos kommunen som driver kaféet?").terms}
    assert terms["sök"] and terms["driv"]  # verbs after the question's own finite verb
    assert terms["hos"]  # a preposition
    assert not terms["förening"] and not terms["kommun"] and not terms["kaféet"]


@pytest.mark.parametrize(("question", "passage", "title", "said"), [
    ("Hur mycket pengar söker föreningen som driver kaféet i parken?",
     "Föreningen ansöker om 40 000 kronor för kaféet i parken.", "Ansökan om bidrag", "40 000 kronor"),
    ("Vilket år grundades stiftelsen som förvaltar och bevarar herrgården?",
     "Stiftelsen bildades 1952 för att ta hand om herrgården.", "Herrgårdens historia", "1952"),
])
def test_a_passage_saying_the_verbs_in_other_words_answers(engine: ExtractiveEngine, question: str, passage: str,
                                                           title: str, said: str) -> None:
    a = engine.answer_from_hits(question, [_hit(passage, title)])
    assert a.grounded and said in a.answer


def test_a_passage_about_another_thing_is_still_refused(engine: ExtractiveEngine) -> None:
    # the verbs weigh less, but the nouns still say which thing: a passage about another place answers nothing
    a = engine.answer_from_hits("Hur mycket pengar söker föreningen som driver kaféet i parken?",
                                [_hit("Idrottsklubben får 40 000 kronor till sin nya fotbollsplan.", "Bidrag till idrott")])
    assert not a.grounded
