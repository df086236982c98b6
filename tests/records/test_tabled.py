"""A matter tabled to a later meeting (``bordlagd``): kept as a step of its own, not a decision, and
linked to the step that takes the matter up at the meeting it was put off to, or from the earlier
step the settling decision answers. Made-up minutes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.records.decisions import DECISION_KINDS, TABLED, THREAD_KINDS, Decision
from assistant.records.threads import build_threads, link_decisions
from evals.decisions.evaluate import extract_file

BASE = Decision(id="x", body="styrgrupp", date="2026-01-14", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def dec(i: str, date: str, heading: str, text: str, kind: str = "beslut", body: str = "styrgrupp", **kw: str) -> Decision:
    return replace(BASE, id=i, date=date, heading=heading, text=text, kind=kind, body=body, doc_id=f"doc-{date}", **kw)


def pairs(decisions: list[Decision]) -> set[tuple[str, str]]:
    return {(lk.earlier, lk.later) for lk in link_decisions(decisions)}


@pytest.mark.parametrize(("line", "kind"), [
    ("Ärendet bordlades till nästa sammanträde.", TABLED),
    ("Styrgruppen bordlade frågan till oktobermötet i väntan på kostnadsuppgifter.", TABLED),
    ("Punkten tas upp igen vid höstens första möte.", TABLED),
    ("Frågan om en gemensam logotyp bordlades vid förra mötet.", "procedur"),  # an earlier tabling told
    ("Ärendet bordlades den 4 mars.", "procedur"),
    ("Styrgruppen bordlägger ärendet till nästa möte.", TABLED),  # present tense
    ("Ärendet har bordlagts till mötet efter sommaren.", TABLED),  # perfect passive
    ("Ärendet bordläggs till den 12 juni.", TABLED),  # a date put off *to* is no earlier tabling
    ("Frågan tas upp igen på mötet den 12 juni.", TABLED),
    ("Styrgruppen fastställde resepolicyn för samverkan.", "beslut"),
])
def test_a_tabled_matter_is_a_step_of_its_own(tmp_path: Path, line: str, kind: str) -> None:
    minutes = tmp_path / "2026-05-20_styrgrupp_protokoll.md"
    minutes.write_text("# Protokoll styrgruppen 20 maj 2026\n\n## § 4 Resepolicy\n\n" + line + "\n", encoding="utf-8")
    (found,) = [d for d in extract_file(minutes) if d.paragraph == "§ 4"]
    assert found.kind == kind
    assert (found.kind in DECISION_KINDS) is (kind == "beslut")  # a tabling is no decision …
    assert (found.kind in THREAD_KINDS) is (kind != "procedur")  # … but a step of the thread
    if kind == TABLED:
        assert found.matter == "resepolicy" and not found.responsible and not found.deadline


def test_a_matter_first_met_tabled_is_linked_to_the_decision_at_the_next_meeting() -> None:
    tabled = dec("t", "2026-03-11", "Gemensam kalender", "Ärendet bordlades till nästa möte.", kind=TABLED)
    settled = dec("s", "2026-05-20", "Kalender för samverkan",
                  "Styrgruppen fastställde en gemensam kalender för samverkans möten och seminarier.")
    other = dec("o", "2026-05-20", "Budget", "Styrgruppen fastställde budgeten för 2027 till fyra miljoner kronor.",
                paragraph="§ 3")
    links = [lk for lk in link_decisions([tabled, settled, other]) if lk.earlier == "t"]
    assert [lk.later for lk in links] == ["s"]
    assert "bordlades den 11 mars 2026" in links[0].reason and "togs upp igen den 20 maj 2026" in links[0].reason
    (thread,) = [t for t in build_threads([tabled, settled, other]) if len(t.decisions) > 1]
    assert [d.id for d in thread.decisions] == ["t", "s"]


def test_only_the_meeting_it_was_put_off_to_and_a_heading_on_the_matter_take_it_up() -> None:
    tabled = dec("t", "2026-03-11", "Digital signering", "Ärendet bordlades till nästa möte.", kind=TABLED)
    unrelated = dec("u", "2026-05-20", "Budget", "Styrgruppen fastställde budgeten och en rutin för digital hantering.")
    later = dec("l", "2026-09-16", "Digital signering", "Styrgruppen beslutade att protokollen signeras digitalt.")
    assert not {p for p in pairs([tabled, unrelated, later]) if "t" in p}
    june = dec("j", "2026-06-10", "Digital signering", "Styrgruppen beslutade att protokollen signeras digitalt.")
    named = replace(tabled, text="Ärendet bordlades till styrgruppens möte i oktober.")
    october = replace(june, id="k", date="2026-10-14", doc_id="doc-2026-10-14")
    assert ("t", "k") in pairs([named, june, october]) and ("t", "j") not in pairs([named, june, october])
    moved = replace(june, id="m", date="2026-11-04", doc_id="doc-2026-11-04")  # October's meeting moved to November
    assert ("t", "m") in pairs([named, june, moved]) and ("t", "j") not in pairs([named, june, moved])


def test_a_matter_tabled_after_its_assignment_stands_between_the_assignment_and_the_answer() -> None:
    task = dec("a", "2026-01-21", "Resepolicy", "Styrgruppen gav sekretariatet i uppdrag att ta fram ett förslag till "
               "resepolicy för samverkan till mötet i april.", kind="uppdrag", responsible="sekretariatet")
    tabled = dec("t", "2026-04-15", "Resepolicy", "Ärendet bordlades till nästa möte.", kind=TABLED)
    answer = dec("s", "2026-06-03", "Resepolicy", "Styrgruppen fastställde resepolicyn för samverkan.")
    found = pairs([task, tabled, answer])
    assert {("a", "t"), ("a", "s")} <= found and ("t", "s") not in found
    again = dec("u", "2026-06-03", "Resepolicy", "Ärendet bordlades på nytt till nästa möte.", kind=TABLED)
    final = replace(answer, date="2026-09-09", doc_id="doc-2026-09-09")
    assert ("t", "u") in pairs([task, tabled, again, final])  # tabled twice: the second tabling follows the first


def test_a_tabling_answers_no_assignment_and_is_told_as_tabled() -> None:
    from datetime import date as Date

    from assistant.answers.decision_open import decision_sentence
    from assistant.records.threads import open_assignments

    task = dec("a", "2026-01-21", "Resepolicy", "Styrgruppen gav sekretariatet i uppdrag att ta fram ett förslag till "
               "resepolicy för samverkan till mötet i april.", kind="uppdrag", responsible="sekretariatet")
    tabled = dec("t", "2026-04-15", "Resepolicy", "Ärendet bordlades till nästa möte.", kind=TABLED)
    answer = dec("s", "2026-06-03", "Resepolicy", "Styrgruppen fastställde resepolicyn för samverkan.")
    assert [o.decision.id for o in open_assignments([task, tabled], Date(2026, 5, 1))] == ["a"]  # still open
    assert open_assignments([task, tabled, answer], Date(2026, 7, 1)) == []
    said = decision_sentence(tabled, 2)
    assert said.startswith("Ärendet bordlades den 15 april 2026 av styrgruppen (§ 2)") and said.endswith("[2].")
    # the answer to a question about the matter says the same as the follow-up list: open after the tabling,
    # not once it is settled
    from assistant.answers.decision_compose import compose
    from assistant.answers.question import question_terms

    terms = question_terms("resepolicy")
    told = compose("Vad har beslutats om resepolicyn?", [task], terms, pool=[task, tabled], today=Date(2026, 5, 1))
    assert "Uppdraget den 21 januari 2026 (§ 2) är öppet" in told.answer
    settled = compose("Vad har beslutats om resepolicyn?", [task], terms, pool=[task, tabled, answer],
                      today=Date(2026, 7, 1))
    assert "är öppet" not in settled.answer and "fastställde resepolicyn" in settled.answer


@pytest.mark.parametrize("line", ["Styrgruppen bordlade frågan till oktobermötet.", "Frågan skjuts upp till nästa möte."])
def test_a_tabling_under_a_decision_label_is_no_decision(tmp_path: Path, line: str) -> None:
    """A secretary who writes every outcome under "Beslut:" still tables a matter, not decides it."""
    minutes = tmp_path / "2026-05-20_styrgrupp_protokoll.md"
    minutes.write_text("# Protokoll styrgruppen 20 maj 2026\n\n## § 4 Resepolicy\n\nBeslut: " + line + "\n",
                       encoding="utf-8")
    (found,) = [d for d in extract_file(minutes) if d.paragraph == "§ 4"]
    assert found.kind == TABLED


def test_a_tabled_step_is_called_the_same_in_the_beslut_tab_its_timeline_and_the_cli() -> None:
    from assistant.web.decision_list import listing
    from assistant.web.records_tabs import thread_markdown

    tabled = dec("t", "2026-02-11", "Lokalfrågan", "Ärendet bordlades till nästa möte.", kind=TABLED)
    settled = dec("s", "2026-03-11", "Lokalfrågan", "Styrgruppen beslutar att hyra lokalen.")
    assert "§ 2, bordlagd" in listing([tabled], 1, ranked=False)
    thread = build_threads([tabled, settled])[0]
    assert "(§ 2, Lokalfrågan, bordlagd)" in thread_markdown(thread)
    assert "bordlagt" not in listing([tabled], 1, ranked=False) + thread_markdown(thread)
