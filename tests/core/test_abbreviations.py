"""Abbreviations learned from the documents: "name (SHORT)" and "SHORT (name)" definitions, on
lines written for the test, and the shipped table as the answer engine uses it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from assistant.answers.subject import missing, subjects
from ingest.abbreviations import Abbreviations, definitions, is_short_form, learn, load_abbreviations, main, spells


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


def test_a_short_form_with_lower_case_letters_between_capitals_is_learned() -> None:
    text = ("Nämnden för digitalt lärande (NfDL) leder arbetet. Anslaget till forskning och utveckling (FoU) "
            "ökar. Vi besökte Kiruna (Norrbotten) och Lund (SoLid).")
    assert list(definitions(text)) == [("NfDL", "Nämnden för digitalt lärande"), ("FoU", "forskning och utveckling")]
    assert [w for w in ("NfDL", "FoU", "RegSO", "ESF+", "SoLid", "Norrbotten", "A") if is_short_form(w)] == [
        "NfDL", "FoU", "RegSO", "ESF+"]


def test_the_table_is_read_both_ways_in_any_inflection_and_case() -> None:
    table = Abbreviations({"NVB": ["Nämnden för vägledning och bedömning"], "VäKo": ["Vägledningskontoret"]})
    assert table.names_of("NVB") == ["Nämnden för vägledning och bedömning"]
    assert table.names_of("VÄKO") == [] and table.names_of("VäKO") == ["Vägledningskontoret"]
    assert Abbreviations({"UR": ["Utbildningsradion"]}).names_of("ur") == []  # a word, not the short form
    assert table.shorts_of("Nämndens för vägledning och bedömning") == ("NVB",)
    assert table.shorts_of("Vägledningskontorets") == ("VäKo",)
    assert table.shorts_of("Skolverket") == ()
    merged = table.merged({"NVB": ["nämnden för vägledning och bedömning", "Nationella vägledningsbyrån"]})
    assert merged.names_of("NVB") == ["nämnden för vägledning och bedömning", "Nationella vägledningsbyrån"]


@pytest.mark.parametrize(("short", "word", "spelled"), [
    ("KFP", "kompetensförsörjningsplanen", True),  # kompetens|försörjning|plan
    ("KOP", "kompetensförsörjningsplanen", False),
    ("KP", "kompetensförsörjningsplanen", False),  # two letters are spelled by too many compounds
    ("AMP", "arbetsmiljöplanen", True),
    ("BoMU", "bostadsmarknadsutredningen", True),  # the capitals of a short form with lower-case letters
    ("BMP", "bostadsmarknaden", False),
    ("KFP", "kartläggningen", False),  # no compound
    ("PFK", "kompetensförsörjningsplanen", False),  # the letters in another order
])
def test_a_compound_s_parts_spell_a_short_form(short: str, word: str, spelled: bool) -> None:
    assert spells(short, word) is spelled


def test_a_knowledge_base_keeps_the_definitions_of_its_documents(tmp_path: Path, make_kb) -> None:
    (tmp_path / "a.txt").write_text("Nämnden för vägledning och bedömning (NVB) inrättades i år.\n\n"
                                    "NVB ska samordna vägledningen.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kontoret för yrkesval (KfY) öppnar i Umeå.", encoding="utf-8")
    kb = make_kb(tmp_path / "data")
    assert kb.abbreviations().names_of("NVB") == []  # none before ingest (nor in the shipped table)
    kb.ingest_all([tmp_path / "a.txt", tmp_path / "b.txt"])
    table = kb.abbreviations()
    assert table.names_of("NVB") == ["Nämnden för vägledning och bedömning"]
    assert table.shorts_of("Kontorets för yrkesval") == ("KfY",)
    assert kb.abbreviations() is table  # unchanged documents: the same table
    kb.remove(str(tmp_path / "b.txt"))
    assert kb.abbreviations().names_of("KfY") == []
    assert kb.abbreviations().names_of("NVB") == ["Nämnden för vägledning och bedömning"]
    # a folder indexed before the catalog kept definitions: they are read once from the stored passages
    kb.catalog.db.execute("DELETE FROM abbreviations")
    kb.catalog.db.execute("DELETE FROM meta WHERE key='abbreviations_learned'")
    kb.catalog.db.commit()
    kb.close()
    again = make_kb(tmp_path / "data")
    assert again.abbreviations().names_of("NVB") == ["Nämnden för vägledning och bedömning"]


def test_another_process_s_definitions_make_the_table_stale(tmp_path: Path) -> None:
    """An ``msv ingest`` beside a running app writes the same catalog file through its own connection."""
    from ingest.catalog import Catalog

    app, ingest = Catalog(tmp_path / "catalog.db"), Catalog(tmp_path / "catalog.db")
    before = app.abbreviations_version()
    assert app.abbreviations_version() == before
    ingest.set_abbreviations({"d1": [("RFK", "Rådet för kompetens")]})
    assert app.abbreviations_version() != before
    assert app.abbreviations() == {"RFK": ["Rådet för kompetens"]}
