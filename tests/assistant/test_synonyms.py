"""The general thesaurus (assistant/answers/synonyms.py): read from the MyThes format, absent
without harm, and a question noun said in the passage by a synonym no longer counts as missing
(on a thesaurus excerpt and passages written for the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.candidates import rank_units
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.question import analyse, tokens_of
from assistant.answers.sentence_rank import load_model
from assistant.answers.synonyms import THESAURUS, load_thesaurus, parse_mythes
from ingest.search import Hit

EXCERPT = ["ISO-8859-1", "sammanträde|2", "(substantiv)|möte|sammankomst|rådslag", "|överläggning|på stående fot",
           "väderkvarn|1", "|kvarn"]


def _stem(word: str) -> str:
    return tokens_of(word, compounds=False)[0]


def test_the_mythes_format_is_read_both_ways_one_word_synonyms_only() -> None:
    table = parse_mythes(EXCERPT[1:])
    assert {_stem("möte"), _stem("sammankomst"), _stem("rådslag"), _stem("överläggning")} <= table[_stem("sammanträde")]
    assert _stem("sammanträde") in table[_stem("möte")]  # both ways
    assert not any(" " in s for v in table.values() for s in v)  # "på stående fot" is not one word


def test_a_file_in_latin_1_is_read_and_an_absent_one_gives_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "th.dat"
    path.write_bytes("\n".join(EXCERPT).encode("iso-8859-1"))
    assert _stem("möte") in load_thesaurus(path)[_stem("sammanträde")]
    assert load_thesaurus(tmp_path / "absent.dat") == {}


HITS = [Hit(rank=1, score=1.0, doc_id="d1", title="Om föreningen", source="https://example.org/d1",
            kind="pressmeddelande", agency="", date="2025-03-01", section="", page=None,
            text="Styrelsen har sammanträde i Luleå den första måndagen varje månad. "
                 "Medlemmarna betalar en årsavgift på 200 kronor.")]
QUESTION = "Hur ofta har styrelsen möte?"


def test_a_noun_said_by_a_synonym_is_not_missing() -> None:
    info, model = analyse(QUESTION), load_model()
    lead = rank_units(info, HITS, synonyms={}, model=model)[0]
    assert lead.text.startswith("Styrelsen") and lead.missing == 1  # "möte": the passage says "sammanträde"
    assert rank_units(info, HITS, synonyms=parse_mythes(EXCERPT[1:]), model=model)[0].missing == 0
    # a table without it changes nothing
    assert rank_units(info, HITS, synonyms=parse_mythes(EXCERPT[4:]), model=model)[0].missing == 1


def test_a_sentence_saying_the_question_in_other_words_answers_it() -> None:
    plain = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    assert not plain.answer_from_hits(QUESTION, HITS).grounded
    engine = ExtractiveEngine(kb=None, synonyms=parse_mythes(EXCERPT[1:]))  # type: ignore[arg-type]
    a = engine.answer_from_hits(QUESTION, HITS)
    assert a.grounded and "första måndagen" in a.answer and "årsavgift" not in a.answer


@pytest.mark.skipif(not THESAURUS.is_file(), reason="mythes-sv not installed (make dictionary)")
def test_the_installed_thesaurus_knows_common_nouns() -> None:
    table = load_thesaurus()
    assert _stem("sammanträde") in table[_stem("möte")]
    assert len(table) > 5000


@pytest.mark.skipif(not THESAURUS.is_file(), reason="mythes-sv not installed (make dictionary)")
def test_a_glossary_name_written_out_as_a_dictionary_noun_is_not_named_by_that_noun() -> None:
    from assistant.answers.subject import mentioned, subjects

    # the glossary writes RUA out as "regionerna": a question's "region" asks of a region, not of RUA
    assert [e.label for e in subjects("Hur många lärare anställdes, och i vilken region?")] == []
    assert mentioned("Kurserna ges i regionerna.") == []
    # its other forms, and a domain word no dictionary lists, still name theirs
    assert "RUA" in [e.label for e in subjects("Vilka regionalt utvecklingsansvariga deltog i mötet?")]
    assert "MSV" in [e.label for e in subjects("När gick Kustverket med i myndighetssamverkan?")]
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]  # answer_from_hits needs no store
    hits = [Hit(rank=1, score=1.0, doc_id="d1", title="Fler platser i snickarutbildningen", source="https://example.org/d1",
                kind="pressmeddelande", agency="", date="2025-03-01", section="", page=None,
                text="Regeringen ger Hantverksskolan 40 nya platser i snickarutbildningen på Gotland. "
                     "Platserna ska fördelas under hösten.")]
    a = engine.answer_from_hits("Hur många nya platser i snickarutbildningen fick Hantverksskolan, och i vilken region?", hits)
    assert a.grounded and "40 nya platser" in a.answer
