"""One resolver for a working group's other names (records/meeting.group_named): the register (a group
named in running text, a file name's short form) and the questions ("X-gruppen", "AG X") use the same
rules, so a group a minutes' sentence names is the group a question names the same way. Made-up groups."""

from __future__ import annotations

import pytest

from assistant.answers.decision_questions import with_group_names
from assistant.records.meeting import group_named, known_body

KNOWN = {"styrgrupp", "beredningsgrupp", "arbetsgrupp-kustbevakning", "arbetsgrupp-sbp", "arbetsgrupp-besoksnaring",
         "arbetsgrupp-vattenforvaltning", "arbetsgrupp-fiske-och-vilt", "arbetsgrupp-tillsyn"}


@pytest.mark.parametrize(("said", "group"), [
    # 1. the same name: every word of it among the words said, å/ä/ö or not, a linking s dropped
    ("kustbevakning", "arbetsgrupp-kustbevakning"),
    ("Besöksnäring", "arbetsgrupp-besoksnaring"),
    ("stärkt tillsyn inom länen", "arbetsgrupp-tillsyn"),  # the words after "arbetsgruppen för" run on
    ("tillsyns", "arbetsgrupp-tillsyn"),
    # 2. the first word of a name of several
    ("fiske", "arbetsgrupp-fiske-och-vilt"),
    ("fiskes", "arbetsgrupp-fiske-och-vilt"),
    # 3. a compound and its short form, either way round: initials (skogs|bruks|planering) or first part
    ("skogsbruksplanering", "arbetsgrupp-sbp"),
    ("vatten", "arbetsgrupp-vattenforvaltning"),  # the group's name a compound spelled without å/ä/ö
    ("kust", "arbetsgrupp-kustbevakning"),
    ("besöks", "arbetsgrupp-besoksnaring"),
    # none: a compound's last part, a word no name begins, a kind of body, a single letter
    ("förvaltning", ""),
    ("vilt", ""),
    ("jakt", ""),
    ("s", ""),
])
def test_a_name_said_is_the_one_group_it_names(said: str, group: str) -> None:
    assert group_named(said, KNOWN) == group


def test_the_first_rule_any_group_fits_decides_and_two_fits_name_none() -> None:
    # "vatten" is one group's whole name and another's first part: the whole name decides
    assert group_named("vatten", {"arbetsgrupp-vatten", "arbetsgrupp-vattenforvaltning"}) == "arbetsgrupp-vatten"
    # the first part of two groups' names: neither
    assert group_named("vatten", {"arbetsgrupp-vattenforvaltning", "arbetsgrupp-vattenbruk"}) == ""
    # the first word of two names: neither
    assert group_named("fiske", {"arbetsgrupp-fiske-och-vilt", "arbetsgrupp-fiske-och-jakt"}) == ""
    # one name spelled two ways (a header's and a file name's): that group, not two
    assert group_named("besöksnäring", {"arbetsgrupp-besöksnäring", "arbetsgrupp-besoksnaring"}) == \
        "arbetsgrupp-besoksnaring"


def test_a_word_that_is_no_compound_has_no_short_form() -> None:
    """A derivation begins like a word ("global|isering") without being a compound of it."""
    assert group_named("global", {"arbetsgrupp-globalisering"}) == ""
    assert group_named("globalisering", {"arbetsgrupp-global"}) == ""


@pytest.mark.parametrize("name", ["kust", "vatten", "fiske", "tillsyns", "sbp", "besöks"])
def test_the_register_and_a_question_name_the_same_group(name: str) -> None:
    """A minutes' "arbetsgruppen för X" and a question's "X-gruppen" resolve to one group."""
    filed = known_body(f"Uppdrag åt arbetsgruppen för {name} att redovisa läget", KNOWN)
    asked = with_group_names(f"Vad har {name}gruppen beslutat?", KNOWN)
    assert filed.startswith("arbetsgrupp-") and filed in KNOWN
    assert asked == f"Vad har arbetsgruppen för {filed.removeprefix('arbetsgrupp-')} beslutat?"


def test_a_group_no_name_fits_stays_as_each_side_reads_it() -> None:
    assert known_body("uppdrog åt arbetsgruppen för jakt att", KNOWN) == "arbetsgrupp-jakt"
    assert with_group_names("Vad har jaktgruppen beslutat?", KNOWN) == "Vad har jaktgruppen beslutat?"


def test_a_group_is_one_name_whichever_way_it_is_spelled() -> None:
    """A heading's "Arbetsgrupp X" with å/ä/ö and the file name's plain spelling are the same group."""
    assert known_body("Minnesanteckningar Arbetsgrupp Besöksnäring", KNOWN) == "arbetsgrupp-besoksnaring"
    assert known_body("uppdrog åt arbetsgruppen för besöksnäring att", KNOWN) == "arbetsgrupp-besoksnaring"
    assert known_body("Minnesanteckningar Arbetsgrupp Fiske", KNOWN) == "arbetsgrupp-fiske-och-vilt"
    assert group_named("Besöksnäring", KNOWN) == "arbetsgrupp-besoksnaring"
