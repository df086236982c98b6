"""A question's short form is said by a passage writing the name, and the other way round, when the
knowledge base's own documents define the pair ("Nämnden för … (NVB)"); a short form no document
defines is said by a compound whose parts' initials spell it. Real knowledge bases on Qdrant Edge
with the real embedding model; invented agencies and documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.subject import missing, subjects
from ingest.abbreviations import Abbreviations
from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

DEFINES_SHORT = "Nämnden för vägledning och bedömning (NVB) inrättades i år för att samordna studievägledningen."
SAYS_NAME = ("Nämnden för vägledning och bedömning ska redovisa kartläggningen av vägledarnas kompetens "
             "senast den 1 mars 2027.")
DEFINES_NAME = "Yrkesvalskontoret (YVK) öppnade i Umeå och har tolv anställda."
SAYS_SHORT = "YVK ska lämna sin årsrapport om yrkesvalen senast den 15 april 2026."
SAYS_COMPOUND = "Regionen ska anta arbetsmiljöplanen för vårdutbildningarna senast den 30 juni 2026."


def _kb(folder: Path, embedder: Embedder, texts: dict[str, str]) -> KnowledgeBase:
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(KbConfig(data_dir=folder / "data"), embedder=embedder)
    assert kb.ingest_all(sorted(folder.glob("*.txt"))).added == len(texts)
    return kb


@pytest.mark.parametrize(("question", "texts", "fact"), [
    ("När ska NVB redovisa kartläggningen av vägledarnas kompetens?",
     {"nvb.txt": DEFINES_SHORT, "uppdrag.txt": SAYS_NAME}, "1 mars 2027"),
    ("När ska Yrkesvalskontoret lämna sin årsrapport om yrkesvalen?",
     {"yvk.txt": DEFINES_NAME, "rapport.txt": SAYS_SHORT}, "15 april 2026"),
])
def test_a_pair_one_document_defines_lets_another_answer(tmp_path: Path, embedder: Embedder, question: str,
                                                        texts: dict[str, str], fact: str) -> None:
    with_definition = tmp_path / "with"
    with_definition.mkdir()
    with _kb(with_definition, embedder, texts) as kb:
        answer = ExtractiveEngine(kb).answer(question)
        assert answer.grounded and fact in answer.answer
    without = tmp_path / "without"  # the same passage, no document defining the pair: another subject
    without.mkdir()
    with _kb(without, embedder, {k: v for k, v in texts.items() if v in (SAYS_NAME, SAYS_SHORT)}) as kb:
        assert not ExtractiveEngine(kb).answer(question).grounded


def test_a_short_form_no_document_defines_is_spelled_by_a_compound() -> None:
    about = subjects("När ska AMP för vårdutbildningarna antas?")
    assert [e.label for e in about] == ["AMP"]
    assert not about[0].named_in(frozenset(), text=SAYS_COMPOUND.replace("arbetsmiljöplanen", "planen"))
    assert about[0].named_in(frozenset(), text=SAYS_COMPOUND)


def test_the_subject_check_reads_the_table_it_is_given() -> None:
    table = Abbreviations({"NVB": ["Nämnden för vägledning och bedömning"]})
    assert missing(subjects("Vad gör NVB?", abbreviations=table), SAYS_NAME) == []
    assert [e.label for e in missing(subjects("Vad gör NVB?"), SAYS_NAME)] == ["NVB"]
    assert missing(subjects("Vad gör Yrkesvalskontoret?", abbreviations=Abbreviations({"YVK": ["Yrkesvalskontoret"]})),
                   SAYS_SHORT) == []


def test_a_short_form_in_the_genitive_is_said_by_its_name() -> None:
    from assistant.answers.question import analyse

    table = Abbreviations({"NVB": ["Nämnden för vägledning och bedömning"]})
    term = next(t for t in analyse("Vad kostar NVB:s kartläggning?", abbreviations=table).terms if t.stem == "nvb")
    assert term.aliases == (("nämnd", "vägledning", "bedömning"),)
    assert term.match(frozenset(["nämnd", "vägledning", "bedömning", "kartläggning"])) == 1.0


COUNCIL = "Nationella rådet för yrkesval"
DEFINES_COUNCIL = f"{COUNCIL} (NRY) bildades 2025 för att samla branschernas röst om yrkesvalen."
COUNCIL_SHORT = "NRY ska lämna sin rapport om lärlingsvägledningen senast den 1 oktober 2026."
OTHER_BODY = "Nationella skolrådet ska lämna sin rapport om lärlingsvägledningen senast den 3 mars 2026."


def test_a_name_of_several_words_is_found_whole_with_its_short_forms() -> None:
    table = Abbreviations({"NRY": [COUNCIL]})
    assert table.names_in(f"Vad gör {COUNCIL} i år?") == [(COUNCIL, ("NRY",))]
    assert table.names_in("Vad gör Nationella rådet för skolval?") == []  # not the words the documents name
    assert table.names_in("Vad gör Nationella rådets yrkesval?") == [("Nationella rådets yrkesval", ("NRY",))]
    assert table.names_in("Vad gör Nationella Rådet för yrkesval?") == []  # another capital: another name
    about = subjects(f"När ska {COUNCIL} lämna sin rapport?", abbreviations=table)
    assert [e.label for e in about] == [COUNCIL]
    assert missing(about, COUNCIL_SHORT) == []
    assert missing(about, DEFINES_COUNCIL) == []
    assert [e.label for e in missing(about, OTHER_BODY)] == [COUNCIL]  # its first word alone is another body


def test_a_name_of_several_words_is_answered_by_its_short_form(tmp_path: Path, embedder: Embedder) -> None:
    question = f"När ska {COUNCIL} lämna sin rapport om lärlingsvägledningen?"
    with _kb(tmp_path, embedder, {"nry.txt": DEFINES_COUNCIL, "rapport.txt": COUNCIL_SHORT,
                                  "skolradet.txt": OTHER_BODY}) as kb:
        answer = ExtractiveEngine(kb).answer(question)
        assert answer.grounded and "1 oktober 2026" in answer.answer and "3 mars" not in answer.answer
