"""A working group named in running text ("arbetsgruppen för förbättrad havsmiljö") is the group whose
own minutes are filed under a shorter or plainer name ("arbetsgrupp-havsmiljo"), when exactly one of the
register's groups fits. Made-up names and minutes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.records.decisions import Decision
from assistant.records.meeting import body_of, known_body
from assistant.records.threads import link_decisions

MET = {"styrgrupp", "arbetsgrupp-havsmiljo", "arbetsgrupp-digital-tillsyn", "arbetsgrupp-digital-service"}


@pytest.mark.parametrize(("text", "body"), [
    ("uppdrar åt arbetsgruppen för förbättrad havsmiljö att", "arbetsgrupp-havsmiljo"),  # every word of the known name
    ("arbetsgruppen för digital tillsyn", "arbetsgrupp-digital-tillsyn"),  # already the known name
    ("Arbetsgruppen för tillsyn", "arbetsgrupp-tillsyn"),  # a word of a known name is not enough
    ("arbetsgruppen för digital", "arbetsgrupp-digital"),  # a prefix of two known names: neither
    ("arbetsgruppen för budget", "arbetsgrupp-budget"),  # no known group fits
    ("beredningsgruppen", "beredningsgrupp"),
])
def test_a_named_group_is_the_one_known_group_its_words_fit(text: str, body: str) -> None:
    assert known_body(text, MET) == body


def test_a_name_read_as_its_first_word_is_the_one_known_group_it_begins() -> None:
    assert body_of("arbetsgruppen för digital tillsyn") == "arbetsgrupp-digital"
    assert known_body("arbetsgruppen för digital", {"arbetsgrupp-digital-tillsyn"}) == "arbetsgrupp-digital-tillsyn"
    assert known_body("arbetsgruppen för digital", {"arbetsgrupp-digitalisering"}) == "arbetsgrupp-digital"


BASE = Decision(id="x", body="styrgrupp", date="2026-01-14", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def test_an_assignment_to_a_group_named_in_full_meets_that_groups_report() -> None:
    given = replace(BASE, id="a", kind="uppdrag", heading="Provtagning i kustvatten", doc_id="d-a",
                    responsible="arbetsgruppen för förbättrad havsmiljö",
                    text="Styrgruppen uppdrar åt arbetsgruppen för förbättrad havsmiljö att ta fram en plan för "
                         "provtagning i kustvatten till höstens möte.")
    other = replace(BASE, id="b", date="2026-05-06", body="arbetsgrupp-digital-tillsyn", doc_id="d-b",
                    heading="Tillsynsverktyg", text="Arbetsgruppen beslutade att pröva ett nytt tillsynsverktyg.")
    report = replace(BASE, id="c", date="2026-09-09", body="arbetsgrupp-havsmiljo", doc_id="d-c",
                     heading="Plan för provtagning", text="Arbetsgruppen beslutade att lämna planen för provtagning "
                     "i kustvatten till styrgruppen.")
    links = {(lk.earlier, lk.later) for lk in link_decisions([given, other, report])}
    assert ("a", "c") in links and ("a", "b") not in links
