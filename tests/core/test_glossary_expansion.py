"""The domain glossary's expansion of a query: a short form brings its written-out names, and a
written-out name its short form."""

from __future__ import annotations

from ingest.glossary import expand_query

GLOSSARY = {"MSV": ["Myndighetssamverkan för kompetensförsörjning och livslångt lärande"]}


def test_a_short_form_brings_its_name_and_the_name_its_short_form() -> None:
    assert "livslångt lärande" in expand_query("Vad gör MSV?", GLOSSARY)
    assert expand_query("Vad gör myndighetssamverkan för kompetensförsörjning och livslångt lärande?",
                        GLOSSARY).endswith(" MSV")


def test_a_question_typed_in_lower_case_names_short_forms_in_lower_case() -> None:
    assert "livslångt lärande" in expand_query("vad gör msv?", GLOSSARY)
    # a question that capitalises does not mean the short form by a lower-case word
    assert expand_query("Vad gör msv?", GLOSSARY) == "Vad gör msv?"
    assert expand_query("vad gör msvx?", GLOSSARY) == "vad gör msvx?"


def test_an_agency_of_the_field_named_in_english_is_its_swedish_name() -> None:
    from ingest.glossary import to_swedish

    swedish = to_swedish("When did the Swedish Work Environment Authority publish the report?")
    assert "arbetsmiljöverket" in swedish and "environment" not in swedish
