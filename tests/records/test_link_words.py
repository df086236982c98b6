"""The words two decisions share for the link model, and link steps the model's pass gets wrong:
a month is a time, not the matter, however the stemmer writes it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.records.decisions import Decision
from assistant.records.linking import LinkContext

BASE = Decision(id="x", body="styrgrupp", date="2031-04-03", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def dec(i: str, date: str, heading: str, text: str, kind: str = "beslut", body: str = "styrgrupp") -> Decision:
    return replace(BASE, id=i, date=date, heading=heading, text=text, kind=kind, body=body, doc_id=f"doc-{i}")


@pytest.mark.parametrize("month", ["oktober", "september", "november", "december", "mars"])
def test_a_month_both_name_is_no_shared_word(month: str) -> None:
    a = dec("a", "2031-04-03", "Lokaler", f"Styrgruppen bad sekretariatet att boka lokaler för mötet i {month}.")
    b = dec("b", "2031-06-10", "Ordförande", f"Beredningsgruppen utsåg Kim Ny till ordförande från {month}.",
            body="beredningsgrupp")
    c = dec("c", "2031-09-01", "Resor", "Styrgruppen fastställde en resepolicy.")
    cosine, shared = LinkContext.of([a, b, c]).words(a, b)
    assert (cosine, shared) == (0.0, [])


def test_an_assignment_passed_on_to_a_third_body_is_not_the_report_back() -> None:
    """The steering group, asked by the GD-grupp for a proposal, gives the beredningsgrupp the
    preparation: a step on the matter (it stays in the thread through the later steps), not the
    report back the GD-grupp asked for; the proposal the steering group hands back is."""
    from assistant.records.threads import build_threads, link_decisions

    asked = dec("a", "2031-02-10", "Lokalförsörjning för samverkan", "GD-gruppen gav styrgruppen i uppdrag att ta fram "
                "ett förslag till gemensam lokalförsörjning för samverkan.", kind="uppdrag", body="gd-grupp")
    asked = replace(asked, responsible="styrgruppen")
    passed = dec("b", "2031-03-20", "Lokalförsörjning", "Styrgruppen gav beredningsgruppen i uppdrag att bereda frågan om "
                 "gemensam lokalförsörjning och lämna ett förslag till styrgruppen.", kind="uppdrag")
    passed = replace(passed, responsible="beredningsgruppen")
    proposal = dec("c", "2031-08-25", "Lokalförsörjning", "Beredningsgruppen enades om att föreslå styrgruppen en "
                   "gemensam lokalförsörjning med delade kontor i tre städer.", body="beredningsgrupp")
    backed = dec("d", "2031-09-30", "Lokalförsörjning för samverkan", "Styrgruppen ställde sig bakom förslaget om gemensam "
                 "lokalförsörjning med delade kontor och överlämnar det till GD-gruppen.", kind="ställningstagande")
    settled = dec("e", "2031-11-15", "Lokalförsörjning för samverkan", "GD-gruppen fastställde den gemensamma "
                  "lokalförsörjningen med delade kontor i tre städer.", body="gd-grupp")
    every = [asked, passed, proposal, backed, settled]
    links = {(lk.earlier, lk.later): lk for lk in link_decisions(every)}
    assert ("a", "b") not in links
    assert links[("a", "d")].relation == "återrapporterar" and ("a", "e") in links
    [thread] = [t for t in build_threads(every, list(links.values())) if any(d.id == "a" for d in t.decisions)]
    assert {d.id for d in thread.decisions} == {"a", "b", "c", "d", "e"}


def test_a_draft_handed_on_for_preparation_is_still_the_report_back() -> None:
    """A working group's draft handed to the beredningsgrupp for preparation answers the steering
    group's assignment to the group: it names no assignment of its own."""
    from assistant.records.pairs import passes_on

    asked = replace(dec("a", "2031-02-10", "Strategi för validering", "Styrgruppen gav arbetsgruppen för validering i "
                        "uppdrag att ta fram en strategi för validering.", kind="uppdrag"),
                    responsible="arbetsgruppen för validering", recipient="arbetsgrupp-validering")
    draft = dec("b", "2031-06-01", "Strategi för validering", "Arbetsgruppen godkände utkastet och överlämnade det till "
                "beredningsgruppen.", body="arbetsgrupp-validering")
    handed = dec("c", "2031-06-01", "Strategi för validering", "Arbetsgruppen överlämnar styrgruppens uppdrag till "
                 "beredningsgruppen.", body="arbetsgrupp-validering")
    assert not passes_on(asked, draft) and passes_on(asked, handed)


def test_a_groups_own_work_on_an_assignment_leads_to_its_report_back() -> None:
    """A working group's task to its members under a heading naming the assignment, between the
    steering group's assignment and the group's report back, is answered by that report back — in
    whatever words each is written — and is not itself taken for the report."""
    from assistant.records.threads import link_decisions

    asked = replace(dec("a", "2031-01-20", "Arkivering av mötesdokument", "Styrgruppen gav arbetsgruppen för arkiv i "
                        "uppdrag att ta fram en plan för arkivering av mötesdokument till oktober.", kind="uppdrag"),
                    responsible="arbetsgruppen för arkiv", recipient="arbetsgrupp-arkiv")
    work = dec("b", "2031-03-02", "Styrgruppens uppdrag om arkivering", "Gruppen beslutade att Kim Ny och Bo Ek går "
               "igenom vilka handlingstyper som finns och skriver ett första utkast.", kind="uppdrag", body="arbetsgrupp-arkiv")
    other = dec("c", "2031-03-02", "Studiebesök", "Gruppen beslutade att Kim Ny planerar ett studiebesök i maj.",
                kind="uppdrag", body="arbetsgrupp-arkiv")
    report = dec("d", "2031-09-10", "Arkivplanen", "Gruppen beslutade att lämna arkivplanen för mötesdokument till "
                 "styrgruppen för fastställande.", body="arbetsgrupp-arkiv")
    settled = dec("e", "2031-10-15", "Plan för arkivering", "Styrgruppen fastställde planen för arkivering av mötesdokument.")
    links = {(lk.earlier, lk.later): lk for lk in link_decisions([asked, work, other, report, settled])}
    assert links[("a", "d")].relation == "återrapporterar"
    assert links[("b", "d")].relation == "besvarar" and "eget arbete på uppdraget" in links[("b", "d")].reason
    assert ("a", "b") not in links and ("c", "d") not in links
