"""Particle verbs said as one noun (ingest/swedish.py): the prefix token of the noun a particle
verb becomes, for unambiguous particles anywhere and for those that are also prepositions only
where no noun follows them (examples written for the test)."""

from __future__ import annotations

import pytest

from ingest.swedish import particle_nominals, tokenize


@pytest.mark.parametrize(("text", "noun"), [
    ("Vem ska följa upp avtalet?", "uppföljningen"),
    ("Varför ska vägen byggas ut?", "utbyggnaden"),
    ("När ska kontoren slås ihop?", "sammanslagningen"),
    ("Hur ska bolaget ställa om?", "omställning"),  # "om" ends the clause: a particle
])
def test_the_nouns_prefix_is_among_its_own_tokens(text: str, noun: str) -> None:
    found = particle_nominals(text)
    assert found and set(found) <= set(tokenize(noun))


@pytest.mark.parametrize("text", [
    "Vad står det om avtalet i rapporten?",  # "om" before a noun is a preposition
    "Vem skickade brevet till kommunen?",
    "Hur går det?",  # no particle
])
def test_prepositions_and_plain_verbs_give_nothing(text: str) -> None:
    assert particle_nominals(text) == []
