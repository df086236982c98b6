"""Thread steps the link model alone misses (issue 11k): a body's change of its own decision in other
words, a rule set anew from a day on, an assignment that a third body's decision does not answer, a
matter handed to another body and answered there, an återremiss and the decision that settles the
matter sent back; and the eval's gold ends named by a heading instead of a number. Made-up minutes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.records.decisions import Decision
from assistant.records.link_rules import _after_remiss, _handed_answers, _renamed_deliverables, _reports_back, _settled_reports
from assistant.records.linking import LinkContext, names_subject, subject_words
from assistant.records.pairs import Link
from assistant.records.threads import build_threads, link_decisions
from evals.decisions.threads_eval import _resolve

BASE = Decision(id="x", body="styrgrupp", date="2026-01-14", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def dec(i: str, date: str, heading: str, text: str, kind: str = "beslut", body: str = "styrgrupp", **kw: str) -> Decision:
    return replace(BASE, id=i, date=date, heading=heading, text=text, kind=kind, body=body, doc_id=f"doc-{i}", **kw)


def pairs(decisions: list[Decision]) -> set[tuple[str, str]]:
    return {(lk.earlier, lk.later) for lk in link_decisions(decisions)}


def test_a_change_in_other_words_follows_the_bodys_own_decision_and_a_second_change_the_first_decision() -> None:
    start = dec("a", "2026-01-14", "Podd", "Styrgruppen beslutade att samverkan startar en podd med sekretariatet som producent.")
    often = dec("b", "2026-04-22", "Kommunikation", "Styrgruppen beslutade att podden sänds varannan vecka i stället för varje vecka.")
    ended = dec("c", "2026-10-07", "Kanaler", "Styrgruppen beslutade att podden avvecklas vid halvårsskiftet 2027.")
    other = dec("d", "2026-05-06", "Podd", "Arbetsgruppen beslutade att podden ändras till ett kvartalsformat.",
                body="arbetsgrupp-vägledning")
    found = pairs([start, often, ended, other])
    assert {("a", "b"), ("a", "c")} <= found  # each change of the decision, not a change of the change
    assert ("b", "c") not in found and ("a", "d") not in found  # another body's change is not this body's revision
    (link,) = [lk for lk in link_decisions([start, often]) if lk.later == "b"]
    assert link.relation == "ändrar" and "podd" in link.reason
    assert [lk.relation for lk in link_decisions([start, often, ended]) if lk.later == "c"] == ["upphäver"]


@pytest.mark.parametrize(("later", "linked"), [
    ("Arbetsgruppen beslutade att nyhetsbrevet från och med mars 2027 skickas ut varannan månad.", True),
    ("Arbetsgruppen beslutade att nyhetsbrevet ska gälla även för regionerna.", True),
    ("Arbetsgruppen beslutade att webbinarierna från och med mars 2027 hålls varannan månad.", False),  # another thing
])
def test_a_rule_set_anew_from_a_day_on_is_a_change(later: str, linked: bool) -> None:
    first = dec("a", "2026-02-04", "Nyhetsbrev", "Arbetsgruppen beslutade att gruppens nyhetsbrev skickas ut varje månad.",
                body="arbetsgrupp-stem")
    second = dec("b", "2026-09-16", "Information", later, body="arbetsgrupp-stem")
    assert (("a", "b") in pairs([first, second])) is linked


def test_the_subject_of_a_decision_is_no_deciding_verb_or_adjective() -> None:
    d = dec("a", "2026-03-03", "", "Beslutades att gemensamma mötesanteckningar godkänns av ordföranden.")
    assert "gemensamm" not in subject_words(d) and not any(w.startswith("godkän") for w in subject_words(d))
    assert names_subject(dec("b", "2026-01-01", "", "Gruppen prioriterar kartläggningen."),
                         dec("c", "2026-06-01", "", "Gruppen beslutade att prioriteringen gäller även nästa år."))


def test_an_assignment_to_one_group_is_not_answered_by_another_groups_decision() -> None:
    task = dec("a", "2026-02-11", "Studiebesök", "Styrgruppen gav arbetsgruppen för validering i uppdrag att planera "
               "studiebesöken i Norden, klart senast 2026-05-31.", kind="uppdrag", responsible="arbetsgruppen för validering")
    elsewhere = dec("b", "2026-06-03", "Studiebesök", "Arbetsgruppen beslutade att planera studiebesöken i Norden till hösten.",
                    body="arbetsgrupp-kompetensanalys")
    own = dec("c", "2026-06-10", "Studiebesök", "Arbetsgruppen beslutade att genomföra studiebesöken i Norden i oktober.",
              body="arbetsgrupp-validering")
    assert ("a", "b") not in pairs([task, elsewhere]) and ("a", "c") in pairs([task, elsewhere, own])


def test_a_matter_handed_to_another_body_is_answered_by_its_decision_naming_it() -> None:
    handed = dec("a", "2026-03-18", "Lokaler", "Styrgruppen överlämnade frågan om lokalhyrans fördelning till GD-gruppen.")
    unrelated = dec("b", "2026-05-20", "Årsrapport", "GD-gruppen beslutade att årsrapporten publiceras i juni.", body="gd-grupp")
    settled = dec("c", "2026-11-25", "Gemensamma kostnader", "GD-gruppen beslutade att lokalhyran fördelas efter antal anställda.",
                  body="gd-grupp")
    links = link_decisions([handed, unrelated, settled])
    assert {(lk.earlier, lk.later) for lk in links} == {("a", "c")}
    assert links[0].relation == "överlämnat" and links[0].reason


def test_a_hand_over_is_settled_by_the_receiving_bodys_decision_sharing_most_of_its_words() -> None:
    """Not the receiving body's first later decision that names one of the words handed on: the one
    that shares most of them, rare words weighing most."""
    handed = dec("a", "2026-02-04", "Resor", "Beredningsgruppen enades om att föreslå styrgruppen en resepolicy där tåg "
                 "väljs framför flyg för resor kortare än femtio mil.", body="beredningsgrupp")
    first = dec("b", "2026-03-11", "Konferens", "Styrgruppen beslutade att resor till konferensen i Bryssel "
                "bokas enligt myndigheternas egen resepolicy.")
    settled = dec("c", "2026-05-13", "Resepolicy", "Styrgruppen fastställde resepolicyn: tåg väljs framför flyg för resor "
                  "kortare än femtio mil.")
    decisions = [handed, first, settled]
    (added,) = _handed_answers(decisions, [], LinkContext.of(decisions))  # as when the model linked nothing
    assert (added.earlier, added.later) == ("a", "c") and "flest ord" in added.reason


def test_an_assignment_is_reported_back_by_the_receiving_bodys_proposal_to_the_body_that_gave_it() -> None:
    task = dec("a", "2026-02-11", "Lokalhyra", "Styrgruppen uppdrar åt beredningsgruppen att bereda frågan om hur "
               "lokalhyran ska fördelas och lämna ett förslag till styrgruppens möte i oktober.", kind="uppdrag",
               responsible="beredningsgruppen")
    other = dec("b", "2026-08-26", "Mötesplan", "Beredningsgruppen enades om att föreslå styrgruppen en ny mötesplan "
                "för hösten.", body="beredningsgrupp")
    report = dec("c", "2026-09-02", "Kostnader", "Beredningsgruppen enades om att föreslå styrgruppen att lokalhyran "
                 "fördelas efter antalet anställda.", body="beredningsgrupp")
    links = {(lk.earlier, lk.later): lk for lk in link_decisions([task, other, report])}
    assert ("a", "c") in links and ("a", "b") not in links
    assert links[("a", "c")].relation == "återrapporterar" and "flest ord" in links[("a", "c")].reason


def test_a_report_back_in_new_words_is_found_through_the_givers_settling_though_a_first_step_is_linked() -> None:
    """The group's first step is linked to the assignment; its later hand-over names the deliverable
    anew, and the giver settles it in the assignment's words: the hand-over reports back, and the
    settling answers the assignment."""
    task = dec("a", "2026-02-11", "Arkivering av mötesmaterial", "Styrgruppen uppdrar åt arbetsgruppen för digitalt "
               "arkiv att ta fram regler för arkivering av mötesmaterial.", kind="uppdrag",
               responsible="arbetsgruppen för digitalt arkiv", recipient="arbetsgrupp-arkiv")
    step = dec("b", "2026-03-18", "Arkivering", "Gruppen beslutade att börja med reglerna för arkivering av "
               "mötesmaterial och att Kim skriver ett första utkast.", body="arbetsgrupp-arkiv")
    elsewhere = dec("c", "2026-05-06", "Kalender", "Gruppen beslutade att föreslå styrgruppen en gemensam kalender.",
                    body="arbetsgrupp-arkiv")
    handed = dec("d", "2026-09-02", "Bevarandeplan", "Gruppen beslutade att lämna bevarandeplanen för "
                 "mötestyperna till styrgruppen.", body="arbetsgrupp-arkiv")
    settled = dec("e", "2026-10-14", "Arkivering av mötesmaterial", "Styrgruppen fastställde bevarandeplanen med "
                  "regler för arkivering av mötesmaterial.")
    decisions = [task, step, elsewhere, handed, settled]
    ctx = LinkContext.of(decisions)
    model = [Link("a", "b", "besvarar", "", 0.8), Link("d", "e", "överlämnat", "", 0.8)]  # as the model links them
    (report,) = _reports_back(decisions, model, ctx)
    assert (report.earlier, report.later) == ("a", "d")
    (answer,) = _settled_reports(decisions, [*model, report], ctx)
    assert (answer.earlier, answer.later, answer.relation) == ("a", "e", "besvarar")
    unsettled = [task, step, elsewhere, handed]  # nothing ties the renamed hand-over to the assignment's words
    assert _reports_back(unsettled, model[:1], LinkContext.of(unsettled)) == []


def test_a_deliverable_renamed_when_approved_answers_the_assignment_by_its_qualifier() -> None:
    task = dec("a", "2026-02-11", "Introduktion", "Styrgruppen uppdrar åt sekretariatet att ta fram en lathund "
               "för regionala kontaktpersoner.", kind="uppdrag", responsible="sekretariatet")
    elsewhere = dec("b", "2026-05-13", "Mötesplan", "Styrgruppen godkände mötesplanen för hösten.")
    approved = dec("c", "2026-09-09", "Handbok för regionala kontaktpersoner", "Styrgruppen godkände handboken.")
    decisions = [task, elsewhere, approved]
    (added,) = _renamed_deliverables(decisions, [], LinkContext.of(decisions))  # as when the model linked nothing
    assert (added.earlier, added.later, added.relation) == ("a", "c", "besvarar") and "annat namn" in added.reason
    other = [task, elsewhere, replace(approved, heading="Handbok för regionala samordnare")]  # another qualifier: another matter
    assert _renamed_deliverables(other, [], LinkContext.of(other)) == []


def test_a_matter_sent_back_is_linked_to_the_decision_that_settles_it() -> None:
    proposal = dec("a", "2026-02-04", "Mötesrutin", "Beredningsgruppen ställde sig bakom förslaget till mötesrutin och "
                   "överlämnade det till styrgruppen.", kind="ställningstagande", body="beredningsgrupp")
    back = dec("b", "2026-03-11", "Mötesrutin", "Ärendet återremitterades till beredningsgruppen för komplettering om digitala möten.")
    again = dec("c", "2026-04-15", "Mötesrutin", "Beredningsgruppen ställde sig bakom den kompletterade mötesrutinen.",
                kind="ställningstagande", body="beredningsgrupp")
    adopted = dec("d", "2026-05-20", "Mötesrutin", "Styrgruppen fastställde beredningsgruppens förslag till mötesrutin.")
    others = [dec("e", "2026-02-04", "Budget", "Beredningsgruppen tillstyrkte budgeten för 2027.", body="beredningsgrupp"),
              dec("f", "2026-03-11", "Webbplats", "Styrgruppen beslutade att webbplatsen byter utseende."),
              dec("g", "2026-05-20", "Årsrapport", "Styrgruppen godkände årsrapporten för 2025.")]
    decisions = [proposal, back, again, adopted, *others]
    found = pairs(decisions)
    assert {("a", "b"), ("b", "c"), ("b", "d")} <= found
    (thread,) = [t for t in build_threads(decisions) if len(t.decisions) > 1]
    assert [d.id for d in thread.decisions] == ["a", "b", "c", "d"]
    # where the model linked the settling decision only to the first proposal, the återremiss is linked to it too
    given = [Link("a", "b", "överlämnat", "."), Link("b", "c", "överlämnat", "."), Link("a", "d", "överlämnat", ".")]
    (added,) = _after_remiss(decisions, given, LinkContext.of(decisions))
    assert (added.earlier, added.later, added.relation) == ("b", "d", "besvarar") and "återremitterade" in added.reason
    assert _after_remiss(decisions, given[:2], LinkContext.of(decisions)) == []  # nothing took up the step sent back


def test_a_gold_end_named_by_its_heading_resolves() -> None:
    """An unnumbered heading labels its paragraph in the gold; a PDF that ran the heading into the
    text leaves the decision without one, and it is found by the heading's words in its text."""
    under = dec("a", "2026-08-26", "Verksamhetsplan", "Beredningsgruppen ställer sig bakom verksamhetsplanen.", paragraph="")
    run_in = dec("b", "2026-08-26", "", "Beredningsgruppen tillstyrker den nya mötesplanen för hösten.", paragraph="")
    decisions = {"notes.pdf": [under, run_in]}
    assert _resolve({"file": "notes.pdf", "paragraph": "Verksamhetsplan"}, decisions) == [under]
    assert _resolve({"file": "notes.pdf", "paragraph": "Ny mötesplan"}, decisions) == []  # "ny" is not in its text
    assert _resolve({"file": "notes.pdf", "paragraph": "Mötesplanen"}, decisions) == [run_in]
    assert _resolve({"file": "notes.pdf", "paragraph": "3"}, decisions) == []
