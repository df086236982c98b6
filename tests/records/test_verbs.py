"""The deciding verbs in their finite forms, and whose decision a sentence tells: made-up lines in
a steering group's minutes (a body's own decisions stay; another body's, an outside actor's, a
reported one and the proposal put to the meeting do not)."""

from __future__ import annotations

import pytest

from assistant.records.decisions import DECISION_KINDS, DocMeta, extract_decisions
from assistant.records.verbs import DECIDING, is_past, is_present_verb
from ingest.documents import Block

STYRGRUPP = DocMeta("doc1", "Protokoll styrgruppen MSV KLL", "/tmp/x.md", "")
JOINT = DocMeta("doc2", "Gemensamt möte för styrgruppen och beredningsgruppen", "/tmp/y.md", "")


def kinds(text: str, meta: DocMeta = STYRGRUPP) -> list[tuple[str, str]]:
    blocks = [Block("Datum: 2026-03-10"), *(Block(t, "§ 4 Ärende") for t in text.split("\n\n"))]
    return [(d.kind, d.text) for d in extract_decisions(blocks, meta) if d.kind in DECISION_KINDS]


# Forms of the deciding verbs the earlier phrase list lacked: present tense, present passive,
# passive assignments, hand-overs and revisions by the body itself.
OWN = [
    ("Styrgruppen antar planen för 2027.", "beslut"),
    ("Beslutet från den 3 april upphävs.", "beslut"),
    ("Tiden för uppdraget förlängs till den 31 december.", "beslut"),
    ("Ärendet återremitteras till beredningsgruppen.", "beslut"),
    ("Styrgruppen avslår ansökan om medel.", "beslut"),
    ("Styrgruppen ändrade sitt beslut från april så att rapporten lämnas i oktober.", "beslut"),
    ("Styrgruppen inrättade en referensgrupp för validering.", "beslut"),
    ("Styrgruppen avsatte 200 000 kronor för konferensen.", "beslut"),
    ("Styrgruppen lämnade över frågan till GD-gruppen.", "beslut"),
    ("Frågan om finansiering överlämnades till GD-gruppen.", "beslut"),
    ("Därefter beslutade styrgruppen att anta planen.", "beslut"),
    ("Planen godkändes av styrgruppen med en ändring.", "beslut"),
    ("När planen hade diskuterats fastställde styrgruppen den.", "beslut"),
    ("Sekretariatet gavs i uppdrag att ta fram en plan.", "uppdrag"),
    ("Arbetsgruppen uppdras att sammanställa en rapport.", "uppdrag"),
    ("Sekretariatet fick i uppgift att kartlägga utbudet.", "uppdrag"),
    ("Styrgruppen avstyrkte förslaget om en ny portal.", "ställningstagande"),
    ("Styrgruppen ställde sig positiv till en gemensam portal.", "ställningstagande"),
    ("Styrgruppen gav sitt stöd till inriktningen i utkastet.", "ställningstagande"),
    ("Anna Berg (MYH) skickar ut enkäten till regionerna före nästa möte.", "uppdrag"),  # any task verb
    ("Beslutades att kansliet tar fram en ny mall senast den 1 juni.", "uppdrag"),  # a task in what was decided
    ("Styrgruppen föreslår GD-gruppen att budgeten höjs med en tiondel.", "beslut"),  # a proposal put to another body
    ("Sekretariatet föreslog att mötena hålls digitalt.\n\nEnligt förslag.", "beslut"),  # decided in two words
    ("Beslut: Ordföranden (UHR) leder arbetet och samordnar remissvaren.", "uppdrag"),
    ("Förslag till beslut: Styrgruppen fastställer planen. Beslut: Styrgruppen beslutade enligt förslaget.", "beslut"),
]


@pytest.mark.parametrize("text,kind", OWN)
def test_the_meetings_own_decisions_in_any_finite_form(text: str, kind: str) -> None:
    found = kinds(text)
    assert [k for k, _ in found] == [kind], found


ELSEWHERE = [
    "GD-gruppen godkände planen för 2027.",  # another body of the collaboration
    "Planen godkändes av GD-gruppen.",  # … as the passive's agent
    "I mars beslutade beredningsgruppen att skjuta upp frågan.",  # … after the verb
    "GD-gruppen gav styrgruppen i uppdrag att ta fram en plan.",
    "GD-gruppen har gått igenom underlaget och förordar det andra spåret.",  # the subject of a second verb
    "Tillväxtverket beslutade att avsätta medel till regionala analyser.",  # an outside actor
    "Region Skåne beslutade att inrätta ett kompetensråd.",
    "Sekretariatet rapporterade att GD-gruppen godkände planen.",  # a reported decision
    "Ordföranden erinrade om att styrgruppen fastställde planen.",
    "Förslag till beslut: Styrgruppen fastställer planen.",  # the proposal, not the decision
    "Förslag till beslut:\n\nStyrgruppen fastställer planen.",
    "Tidplanen ändrades efter samråd med regionerna.",  # a revision verb without a body
    "Skolverket inrättade ett nytt nätverk.",
    "Rapporten överlämnas till regeringen den 1 mars.",
    "Det antas att kostnaden blir lägre.",
    "Om planen godkänns kan arbetet starta i augusti.",  # a condition, not a decision
    "Samtliga arbetsgrupper har lämnat sina lägesbedömningar senast den 31 mars.",  # a plural noun, no task
    "Gruppen bedömer att revideringen inte blir klar till den 30 april.",  # an opinion, no task
    "Beredningsgruppen föreslog att styrgruppen fastställer planen.",  # another body's proposal
]


@pytest.mark.parametrize("text", ELSEWHERE)
def test_decisions_taken_elsewhere_are_not_the_meetings(text: str) -> None:
    assert kinds(text) == []


def test_at_a_joint_meeting_both_bodies_decide() -> None:
    found = kinds("Beredningsgruppen tillstyrkte förslaget.\n\nStyrgruppen fastställde planen.", JOINT)
    assert [k for k, _ in found] == ["ställningstagande", "beslut"]


@pytest.mark.parametrize("text,past", [("Styrgruppen fastställde", True), ("Planen antogs", True),
                                       ("Styrgruppen fastställer", False), ("Planen fastställs", False),
                                       ("Styrgruppen beslutade att", True), ("Styrgruppen beslutar att", False)])
def test_tense_of_the_deciding_verb(text: str, past: bool) -> None:
    m = DECIDING.search(text)
    assert m is not None and is_past(m) is past


@pytest.mark.parametrize("word,verb", [("skickar", True), ("bjuder", True), ("genomför", True), ("tar", True),
                                       ("arbetsgrupper", False), ("regioner", False), ("aktörer", False)])
def test_a_present_tense_verb_is_told_from_a_plural_noun(word: str, verb: bool) -> None:
    assert is_present_verb(word) is verb
