"""Questions that name a matter or a body in other words than the minutes (issue 11n): a particle
verb the minutes write as its noun ("stängas ner" / "nedstängning"), any working group rather than one
("när en arbetsgrupp ska …"), open assignments asked for as those that wait for an answer; and an
item heading that opens with an abbreviation ("4 IT-stödet."). Made-up minutes and questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.answers.decision_answers import with_decisions
from assistant.answers.decision_open import ENGINE_NAME
from assistant.answers.decision_questions import asked_body, loose_question, particle_nouns
from assistant.answers.registry import get_engine
from assistant.records.labels import segments
from ingest.embed import Embedder

from .conftest import make_kb


@pytest.mark.parametrize(("question", "body"), [
    ("Vad händer när en arbetsgrupp ska bytas ut?", ""),
    ("Vilket beslut gäller om en arbetsgrupp kan slås ihop med en annan?", ""),
    ("Vad beslutade arbetsgruppen för analys om enkäten?", "arbetsgrupp-analys"),
    ("Vad har styrgruppen beslutat om hemsidan?", "styrgrupp"),
])
def test_any_working_group_is_no_body(question: str, body: str) -> None:
    assert asked_body(question) == body


@pytest.mark.parametrize(("topic", "nouns"), [
    ("nyhetsbrevet stängas ner", "nyhetsbrevet nedstängning"),
    ("resultaten följas upp", "resultaten uppföljning"),
    ("mötet skjuts upp", "mötet uppskjutning"),
    ("kommunikationsplanen", ""),  # no particle verb: nothing to try
    ("vem är med upp", ""),  # a small word before the particle is no verb
])
def test_a_particle_verb_is_written_as_its_noun(topic: str, nouns: str) -> None:
    assert particle_nouns(topic) == nouns


@pytest.mark.parametrize("question", [
    "Vilka uppdrag från styrgruppen väntar fortfarande på svar?",
    "Vilka uppdrag väntar ännu på besked?",
])
def test_assignments_waiting_for_an_answer_are_the_open_list(question: str) -> None:
    asked = loose_question(question)
    assert asked is not None and asked.open_only and asked.topic == ""


def test_an_item_heading_may_open_with_an_abbreviation() -> None:
    text = "Förslaget skickas vidare. 4 IT-stödet. Gruppen beslutade att byta verktyg."
    assert [p for p, _ in segments(text, "punkt 3")] == ["", "punkt 4"]
    assert [p for p, _ in segments("se bilaga 9 EU-stödet gavs", "punkt 3")] == [""]  # out of sequence


NOTES = """# Arbetsgruppen för analys – minnesanteckningar 2031-03-04

## 1. Nyhetsbrevet

Arbetsgruppen beslutade att nedstängning av nyhetsbrevet sker den 30 juni 2031, och att prenumeranterna
informeras i maj.

## 2. Nästa möte

Nästa möte hålls den 2 juni.
"""


def test_a_question_with_a_particle_verb_finds_the_decision_naming_its_noun(tmp_path: Path, embedder: Embedder) -> None:
    (tmp_path / "docs").mkdir()
    notes = tmp_path / "docs" / "2031-03-04_arbetsgrupp-analys_minnesanteckningar.md"
    notes.write_text(NOTES, encoding="utf-8")
    kb = make_kb(tmp_path, embedder)
    try:
        assert not kb.ingest_all([notes]).failed
        engine = with_decisions(kb, get_engine("extractive", kb), today=date(2031, 9, 1))
        a = engine.answer("Vad är bestämt om när nyhetsbrevet ska stängas ner?")
        assert a.engine == ENGINE_NAME
        assert "30 juni 2031" in a.answer and "(punkt 1)" in a.answer
    finally:
        kb.close()


def _decision(i: str, date_: str, body: str, text: str):  # type: ignore[no-untyped-def]
    from assistant.records.decisions import Decision

    return Decision(id=i, body=body, date=date_, paragraph="§ 3", text=text, kind="beslut", responsible="", deadline="",
                    doc_id=f"doc-{i}", title="", source=f"/tmp/{i}.md", section="", page=None, passage="")


def test_another_bodys_decision_revoked_is_found_by_what_it_names() -> None:
    from assistant.records.threads import link_decisions

    trial = _decision("a", "2031-02-10", "styrgrupp", "Styrgruppen beslutade att arbetsgrupperna från och med den 1 mars "
                      "2031 ska pröva en digital omröstningsapp som pilot under våren 2031, med sekretariatet som ansvarigt.")
    other = _decision("b", "2031-02-10", "styrgrupp", "Styrgruppen godkände sekretariatets verksamhetsberättelse för 2030.")
    revoked = _decision("c", "2031-03-20", "gd-grupp", "GD-gruppen upphäver styrgruppens beslut om att pröva ett "
                        "externt verktyg under våren 2031.")
    links = {(lk.earlier, lk.later, lk.relation) for lk in link_decisions([trial, other, revoked])}
    assert ("a", "c", "upphäver") in links
    assert not any(e == "b" for e, _, _ in links)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Sekretariatet ska ta fram en tidplan senast den 1 mars 2031.", "uppdrag"),
    ("Anna Berg ska skriva ett utkast till nästa möte.", "uppdrag"),
    ("Arbetsgruppen ska redovisa enkäten.", None),  # no deadline: a plan, not a task given
    ("Rapporten ska redovisa kostnaderna senast i maj.", None),  # a document is no actor
])
def test_a_task_an_actor_shall_do_by_a_deadline_is_an_assignment(sentence: str, kind: str | None) -> None:
    from assistant.records.decisions import classify

    assert classify(sentence) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Olle Berg ringer runt till länens kontaktpersoner och redovisar svaren vid nästa möte.", "uppdrag"),
    ("Sekretariatet sammanställer synpunkterna vid styrgruppens möte.", "uppdrag"),
    ("Olle Berg ringer runt till länens kontaktpersoner vid 3 tillfällen.", None),  # "vid" before no meeting
])
def test_a_task_due_at_the_next_meeting_is_an_assignment(sentence: str, kind: str | None) -> None:
    from assistant.records.decisions import classify

    assert classify(sentence) == kind


GROUPS = {"styrgrupp", "beredningsgrupp", "arbetsgrupp-mod", "arbetsgrupp-kvalitet", "arbetsgrupp-it-stod"}


@pytest.mark.parametrize(("question", "written"), [
    ("Vilka uppdrag har MOD-gruppen kvar?", "Vilka uppdrag har arbetsgruppen för mod kvar?"),  # its initials
    ("Vad föreslog kvalitetsgruppen?", "Vad föreslog arbetsgruppen för kvalitet?"),  # its name, joined with an s
    ("Vad ska skickas till AG kvalitet?", "Vad ska skickas till arbetsgruppen för kvalitet?"),
    ("Vad beslutade IT-gruppen om servern?", "Vad beslutade arbetsgruppen för it-stod om servern?"),  # its first word
    # no such group, a body's own word, a question that names a body already: as written
    ("Vad beslutade referensgruppen?", "Vad beslutade referensgruppen?"),
    ("Vad beslutade beredningsgruppen?", "Vad beslutade beredningsgruppen?"),
    ("Fastställde beredningsgruppen kvalitetsgruppens plan?", "Fastställde beredningsgruppen kvalitetsgruppens plan?"),
])
def test_a_group_named_by_a_short_form_is_the_registers_group(question: str, written: str) -> None:
    from assistant.answers.decision_questions import with_group_names

    assert with_group_names(question, GROUPS) == written


@pytest.mark.parametrize(("question", "written"), [
    # a register name with å, ä or ö, said with them or without
    ("Vad beslutade vägledningsgruppen om kursen?", "Vad beslutade arbetsgruppen för vägledning om kursen?"),
    ("Vad beslutade vagledningsgruppen?", "Vad beslutade arbetsgruppen för vägledning?"),
    # a kind of body is no group's name, even when one group's name begins like it
    ("Vad beslutade arbetsgruppen om mätningarna?", "Vad beslutade arbetsgruppen om mätningarna?"),
    ("Vad beslutade styrgruppen?", "Vad beslutade styrgruppen?"),
])
def test_a_groups_short_form_with_swedish_letters_and_a_body_kind(question: str, written: str) -> None:
    from assistant.answers.decision_questions import with_group_names

    groups = {"styrgrupp", "arbetsgrupp-arbetsliv", "arbetsgrupp-vägledning", "arbetsgrupp-styrdokument"}
    assert with_group_names(question, groups) == written


GROUP_NOTES = """# Arbetsgruppen för miljöövervakningsdagarna – minnesanteckningar 2 mars 2031

_Deltagare: Anna Ek, Per Lund._

## 1. Dagarnas innehåll

Vi fastställde att dagarna har två spår.

## 2. Efter dagarna

Vi bestämde att Anna Ek tar fram en enkät till besökarna, klar till gruppens möte i maj 2031.
"""


def test_the_open_list_of_a_group_named_by_its_initials(tmp_path: Path, embedder: Embedder) -> None:
    """A group the question names by its initials ("MOD-gruppen") is the group whose minutes are filed under
    them, however its minutes are headed: its open assignments are listed, not its name read as a matter."""
    (tmp_path / "docs").mkdir()
    notes = tmp_path / "docs" / "2031-03-02_arbetsgrupp-mod_minnesanteckningar.md"
    notes.write_text(GROUP_NOTES, encoding="utf-8")
    kb = make_kb(tmp_path, embedder)
    try:
        assert not kb.ingest_all([notes]).failed
        engine = with_decisions(kb, get_engine("extractive", kb), today=date(2031, 9, 1))
        a = engine.answer("Vilka uppdrag har MOD-gruppen som inte är klara?")
        assert a.engine == ENGINE_NAME
        assert "enkät till besökarna" in a.answer and "är öppet" in a.answer and "två spår" not in a.answer
    finally:
        kb.close()
