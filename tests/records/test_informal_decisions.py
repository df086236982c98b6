"""Informal notes agree in other words than "beslutade" (issue 11k): "Överenskommet att …", "Gruppen
landade i att …", "enades kring …" decide; the same words said of an inquiry or an agency do not.
Made-up sentences."""

from __future__ import annotations

import pytest

from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from ingest.documents import Block

NOTES = DocMeta("doc1", "Minnesanteckningar arbetsgruppen för validering", "/tmp/notes.md", "")


@pytest.mark.parametrize(("sentence", "decided"), [
    ("Överenskommet att sekretariatet bokar lokal för höstens konferens.", True),
    ("Enighet om att träffarna i fortsättningen hålls i Göteborg.", True),
    ("Mötet enades kring en gemensam tidplan för kartläggningen.", True),
    ("Gruppen landade i att rapporten går på remiss till regionerna.", True),
    ("Vi kom fram till att filmerna textas.", True),
    ("Utredningen kom fram till att behoven växer.", False),  # an inquiry's finding
    ("Skolverket landade i att föreskrifterna ändras.", False),  # an agency's own decision
    ("Frågan om en gemensam kalender diskuterades utan att gruppen kom fram till något.", False),
])
def test_an_agreement_in_informal_words_is_a_decision(sentence: str, decided: bool) -> None:
    found = [d for d in extract_decisions([Block("Datum: 2026-03-10"), Block(sentence, "3. Konferens")], NOTES)
             if d.kind in DECISION_KINDS]
    assert bool(found) is decided
