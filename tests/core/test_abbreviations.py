"""Abbreviations learned from the documents: "name (SHORT)" and "SHORT (name)" definitions, on
lines written for the test, and the shipped table as the answer engine uses it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from assistant.answers.subject import missing, subjects
from ingest.abbreviations import definitions, learn, load_abbreviations, main


def test_a_name_before_its_short_form_is_a_definition() -> None:
    text = ("Regeringen ger Kungl. biblioteket (KB) i uppdrag att stärka folkbiblioteken. "
            "Deltagarna kan gå en arbetsmarknadsutbildning (AMU) inom vården.")
    assert list(definitions(text)) == [("KB", "Kungl biblioteket"), ("AMU", "arbetsmarknadsutbildning")]


def test_a_short_form_before_its_name_in_brackets() -> None:
    assert list(definitions("Enligt AKU (arbetskraftsundersökningarna) steg arbetslösheten.")) == [
        ("AKU", "arbetskraftsundersökningarna")]


def test_brackets_that_do_not_spell_the_short_form_teach_nothing() -> None:
    assert list(definitions("Beslutet togs i mars (S) och gällde länsstyrelserna (KFX).")) == []
    assert list(definitions("SCB (enligt en ny rapport) ser en ökning.")) == []


def test_learn_keeps_the_most_written_name_first(tmp_path: Path) -> None:
    texts = ["Statistiska centralbyrån (SCB) mäter.", "Statistiska centralbyrån (SCB) redovisar.",
             "statistiska centralbyråns (SCB) siffror", "Inget här."]
    assert learn(texts) == {"SCB": ["Statistiska centralbyrån", "statistiska centralbyråns"]}
    assert learn(texts, min_seen=2) == {"SCB": ["Statistiska centralbyrån"]}
    doc = tmp_path / "a.md"
    doc.write_text("Statens servicecenter (SSC) leder arbetet.", encoding="utf-8")
    out = tmp_path / "abbr.toml"
    main([str(out), str(doc)])
    assert tomllib.loads(out.read_text("utf-8"))["terms"] == {"SSC": ["Statens servicecenter"]}


def test_a_question_s_short_form_is_named_by_a_passage_writing_the_name() -> None:
    short, name = next((k, v[0]) for k, v in sorted(load_abbreviations().items())
                       if len(k) >= 3 and k.isalpha() and len(v[0].split()) >= 2)
    about = subjects(f"Vad fick {short} i uppdrag att göra?")
    assert [e.label for e in about] == [short]
    assert missing(about, f"Regeringen ger {name} i uppdrag att kartlägga behoven.") == []
    assert missing(about, "Regeringen ger Skolverket i uppdrag att kartlägga behoven.") == list(about)


SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "regeringen.jsonl.gz"


@pytest.mark.skipif(not SHARED.exists(), reason="the public government pages are not on this machine")
def test_the_shipped_table_is_the_one_the_documents_give(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "abbreviations.toml"
    main([str(out), str(root / "corpus"), str(SHARED)])
    shipped = root / "ingest" / "data" / "abbreviations.toml"
    assert out.read_text("utf-8") == shipped.read_text("utf-8"), "run: python -m ingest.abbreviations " \
        "ingest/data/abbreviations.toml corpus ../shared/corpus/regeringen.jsonl.gz"
