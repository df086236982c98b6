"""A decision's terms in the sentences after it in its paragraph are part of the decision: what is to
apply (present tense, ska, får), a named member's task that carries it out, what is to follow from it
in the present passive. A report of what happened, a matter put off, a body's own assignment and the
next paragraph are not. Made-up minutes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from assistant.records.terms import carries_terms, members
from ingest.documents import Block

MINUTES = DocMeta("doc1", "Protokoll styrgruppen 2032-02-10", "/tmp/protokoll.md", "")
NOTES = DocMeta("doc2", "Minnesanteckningar arbetsgruppen för resor 2032-02-12", "/tmp/notes.md", "")
PRESENT = Block("Närvarande: Lisa Berg (MYH), Per Holm (SCB), Sara Nyström (UHR)")


def _found(meta: DocMeta, *blocks: Block) -> list[tuple[str, str]]:
    return [(d.kind, d.text) for d in extract_decisions([Block("Datum: 2032-02-10"), *blocks], meta)
            if d.kind in DECISION_KINDS]


@pytest.mark.parametrize("terms", [
    "Varje bokning görs via myndighetens resebyrå senast två veckor före resan.",  # present passive
    "Rutinen gäller från den 1 april 2032.",
    "Resor över femtio mil får göras med flyg.",
    "Myndigheterna bokar själva sina hotell.",  # present tense
])
def test_what_is_to_apply_after_a_decision_is_part_of_it(terms: str) -> None:
    decision = "Styrgruppen fastställde rutinen för resebokning."
    assert _found(MINUTES, Block(f"Sekretariatet presenterade ett förslag. {decision} {terms}", "§ 4 Resor")) == [
        ("beslut", f"{decision} {terms}")]


@pytest.mark.parametrize("after", [
    "Lars Ek (SCB) reserverade sig mot beslutet.",  # a report in the past tense
    "Frågan om hotell tas upp igen i höst.",  # put off
    "Förslaget om tågresor är inte klart.",  # a state reported
    "Enligt arbetsordningen gäller beslutet alla grupper.",  # the ground cited
    "Vi har inte hunnit se över hotellavtalen.",  # perfect tense
])
def test_what_happened_or_is_put_off_is_not_part_of_it(after: str) -> None:
    decision = "Styrgruppen fastställde rutinen för resebokning."
    assert _found(MINUTES, Block(f"{decision} {after}", "§ 4 Resor")) == [("beslut", decision)]


def test_a_bodys_assignment_or_the_next_paragraph_stays_apart() -> None:
    decision = "Styrgruppen fastställde rutinen för resebokning."
    found = _found(MINUTES, Block(f"{decision} Sekretariatet ska redovisa en uppföljning senast den 1 mars 2033.", "§ 4 Resor"),
                   Block("Rutinen gäller från den 1 april 2032.", "§ 5 Övrigt"))
    assert found == [("beslut", decision),
                     ("uppdrag", "Sekretariatet ska redovisa en uppföljning senast den 1 mars 2033.")]
    body = f"{decision} Arbetsgruppen för resor ska redovisa en uppföljning senast den 1 mars 2033."
    assert _found(MINUTES, Block(body, "§ 4 Resor"))[0] == ("beslut", decision)


def test_a_named_members_task_after_a_decision_makes_it_an_assignment() -> None:
    text = "Gruppen beslutade att ta fram en checklista för resor. Lisa tar fram ett utkast till nästa möte."
    assert _found(NOTES, PRESENT, Block(text, "3. Checklista")) == [("uppdrag", text)]
    # without the list of those present, "Lisa" is no one the minutes name: a task of its own
    assert [k for k, _ in _found(NOTES, Block(text, "3. Checklista"))] == ["beslut", "uppdrag"]


def test_what_follows_in_the_present_passive_after_a_past_decision_is_part_of_it() -> None:
    past = "Styrgruppen fastställde modellen för mentorskap. De första mentorerna utses under hösten 2032."
    assert _found(MINUTES, Block(past, "§ 6 Mentorskap")) == [("beslut", past)]
    # minutes that record their decisions in the present tense: two decisions
    present = "Styrgruppen fastställer budgeten för 2033. Verksamhetsplanen godkänns."
    assert [t for _, t in _found(MINUTES, Block(present, "§ 7 Budget"))] == [
        "Styrgruppen fastställer budgeten för 2033.", "Verksamhetsplanen godkänns."]


def test_members_are_the_first_names_listed_with_an_agency() -> None:
    assert members(PRESENT.text) == {"Lisa", "Per", "Sara"}
    assert carries_terms("Per ansvarar för utskicket.", members(PRESENT.text))
    assert not carries_terms("3.") and not carries_terms("| |")


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Vi kom överens om att Lisa och Per skriver ett utkast till policy.", "uppdrag"),
    ("Gruppen beslutade att se över policyn och att Sara Nyström sammanställer synpunkterna.", "uppdrag"),
    ("Gruppen beslutade att en checklista tas fram av Per Holm och Lisa Berg.", "uppdrag"),
    # a name the minutes do not list with an agency, or a verb that gives no task: no assignment
    ("Gruppen beslutade att Region Gävleborg fortsätter som adjungerad ledamot.", "beslut"),
    ("Vi kom överens om att Lisa är kontaktperson mot sekretariatet.", "beslut"),
])
def test_a_decision_naming_listed_members_who_carry_it_out_is_an_assignment(sentence: str, kind: str) -> None:
    assert [k for k, _ in _found(NOTES, PRESENT, Block(sentence, "2. Resepolicy"))] == [kind]


def test_a_month_and_year_in_a_decisions_terms_is_a_time_not_the_matters_year() -> None:
    from assistant.records.similarity import years_clash

    found = extract_decisions([Block("Datum: 2036-03-10"), Block(
        "Styrgruppen fastställde planen för kansliet. Planen redovisas för GD-gruppen i november 2036.", "§ 4 Kansliet"),
        Block("Styrgruppen fastställde budgeten för kansliet 2033.", "§ 5 Budget")], MINUTES)
    plan, budget = [d for d in found if d.kind in DECISION_KINDS]
    assert "november 2036" in plan.text
    assert not years_clash(plan, budget)  # the budget names 2033; the plan, of 2032, no year of its own
    assert years_clash(budget, replace(budget, text="Styrgruppen fastställde budgeten för kansliet 2039."))


def test_the_links_words_are_the_deciding_sentences_not_the_terms() -> None:
    from assistant.records.linking import _bag

    (d,) = [d for d in extract_decisions([Block("Datum: 2032-02-10"), Block(
        "Styrgruppen fastställde reseplanen. Planen gäller från maj och ses över efter ett år.", "§ 4 Resor")], MINUTES)
        if d.kind in DECISION_KINDS]
    assert "ses över" in d.text
    words = set(_bag(d))
    assert any(w.startswith("reseplan") for w in words) and not any(w.startswith("gäll") for w in words)
