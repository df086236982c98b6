"""What an assignment asks for when the decision gives it in more words ("beslutade att ge … i
uppdrag att …", a deadline before the task), words that only look alike ("region", "regional"),
body names as no shared matter, a hand-over the receiving body has taken up, a list after
"Följande bestämdes:", and unnumbered headings as paragraph labels (issue 11m). Made-up minutes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answers.decision_relevance import Words, term_score
from assistant.answers.question import question_terms
from assistant.records.decisions import DECISION_KINDS, Decision, DocMeta, extract_decisions
from assistant.records.link_pass import LinkState, _chosen
from assistant.records.linking import deliverable
from assistant.records.matter import object_of
from assistant.records.similarity import same_stem, similarity
from assistant.records.threads import link_decisions
from ingest.documents import Block

BASE = Decision(id="x", body="styrgrupp", date="2026-01-14", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def dec(i: str, date: str, heading: str, text: str, kind: str = "beslut", body: str = "styrgrupp", **kw: str) -> Decision:
    return replace(BASE, id=i, date=date, heading=heading, text=text, kind=kind, body=body, doc_id=f"doc-{i}", **kw)


@pytest.mark.parametrize(("text", "obj"), [
    ("Styrgruppen beslutade att ge arbetsgruppen för digitala verktyg i uppdrag att inventera lärplattformarna.",
     "inventera lärplattformarna"),
    ("Styrgruppen beslutade att uppdra åt beredningsgruppen att utreda formerna för mentorskap.", "formerna för mentorskap"),
    ("Sekretariatet får i uppdrag att till nästa möte föreslå hur nyhetsbrevet kan ges ut.", "föreslå hur nyhetsbrevet kan ges ut"),
    ("GD-gruppen uppdrar åt sekretariatet att senast den 12 maj 2027 redovisa en jämförelse av mötesverktyg.",
     "jämförelse av mötesverktyg"),
    ("GD-gruppen uppdrar åt styrgruppen att ta fram ett förslag till ny mötesordning till GD-gruppens möte i mars.",
     "ny mötesordning"),
])
def test_an_assignments_object_is_its_task_not_the_giving_nor_a_deadline_before_it(text: str, obj: str) -> None:
    assert object_of(text) == obj


def test_the_deliverable_is_no_word_of_the_deadline() -> None:
    d = dec("a", "2026-01-14", "Mentorskap", "Sekretariatet får i uppdrag att till nästa möte föreslå hur mentorskapet ordnas.",
            kind="uppdrag")
    assert deliverable(d) not in ("näst", "nästa", "möt")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("region", "regionen", True), ("webbplat", "webbplats", True),
    ("region", "regional", False), ("strategi", "strategisk", False),  # an adjective made from the noun
])
def test_a_word_derived_from_another_is_not_its_inflection(a: str, b: str, same: bool) -> None:
    assert same_stem(a, b) is same


def test_a_body_named_in_two_decisions_is_no_shared_matter() -> None:
    a = dec("a", "2026-01-14", "Mötesformer", "Styrgruppen lämnar förslaget om mötesformer till GD-gruppen.")
    b = dec("b", "2026-03-01", "Budget 2027", "GD-gruppen uppdrar åt styrgruppen att ta fram en budget till GD-gruppens möte.",
            kind="uppdrag", body="gd-grupp")
    score, shared = similarity(a, b)
    assert score == 0.0 and not {"gd", "grupp"} & set(shared)


def test_a_hand_over_the_receiving_body_took_up_is_followed_through_that_step() -> None:
    handed = dec("a", "2026-09-09", "Plan för validering",
                 "Arbetsgruppen godkände utkastet till plan för validering och överlämnade det till styrgruppen.",
                 body="arbetsgrupp-validering")
    taken = dec("b", "2026-10-14", "Plan för validering", "Styrgruppen uppdrar åt arbetsgruppen för validering att "
                "komplettera utkastet med en kostnadsberäkning.", kind="uppdrag", responsible="arbetsgruppen för validering")
    settled = dec("c", "2027-02-10", "Plan för validering 2027–2029", "Styrgruppen fastställde planen för validering.")
    options = [(0.87, taken, ["validering"]), (0.80, handed, ["validering"])]
    assert {a.id for _, a, _ in _chosen(settled, options, LinkState())} == {"a", "b"}
    # once the steering group took the hand-over up with an assignment, its later decision follows that step
    assert {a.id for _, a, _ in _chosen(settled, options, LinkState(handed_up={"a": {"b"}}))} == {"b"}
    # … and link_decisions records that taking up as it goes
    assert ("a", "c") not in {(lk.earlier, lk.later) for lk in link_decisions([handed, taken, settled])}


def test_a_list_after_a_colon_of_deciding_gives_one_decision_an_item() -> None:
    meta = DocMeta("d1", "Minnesanteckningar arbetsgruppen för vägledning", "/tmp/v.md", "2027-02-02")
    section = "4. Webbinarier"
    blocks = [Block("Gruppen vill ha en fast ordning för webbinarierna. Följande bestämdes:", section),
              Block("- Webbinarierna hålls den första tisdagen varje månad.", section),
              Block("- Inspelningarna läggs ut på samarbetsytan.", section)]
    found = [d for d in extract_decisions(blocks, meta) if d.kind in DECISION_KINDS]
    assert [(d.paragraph, d.text) for d in found] == [
        ("punkt 4", "Webbinarierna hålls den första tisdagen varje månad."),
        ("punkt 4", "Inspelningarna läggs ut på samarbetsytan.")]


def test_unnumbered_headings_are_the_paragraph_labels_of_their_decisions() -> None:
    meta = DocMeta("d2", "Minnesanteckningar", "/tmp/n.md", "2027-03-03")
    blocks = [Block("3 mars 2027, digitalt", "Minnesanteckningar – arbetsgruppen för vägledning"),
              Block("Gruppen enades om att bjuda in folkbildningen till nästa möte.", "Studieförbundens medverkan"),
              Block("Gruppen beslutade att materialet översätts till engelska.", "Översättning av materialet"),
              Block("Nästa möte hålls den 5 maj 2027.", "Nästa möte")]
    found = [d for d in extract_decisions(blocks, meta) if d.kind in DECISION_KINDS]
    assert [d.paragraph for d in found] == ["Studieförbundens medverkan", "Översättning av materialet"]
    # in minutes with numbered items, a heading without a number labels nothing
    numbered = [Block("Gruppen beslutade att materialet översätts.", "2. Översättning"),
                Block("Gruppen enades om en ny mötestid.", "Mötestider")]
    assert [d.paragraph for d in extract_decisions(numbered, meta) if d.kind in DECISION_KINDS] == ["punkt 2", ""]


@pytest.mark.parametrize(("term", "text", "score"), [
    ("verksamhetsbudgeten", "Budgeten fastställdes.", 0.8),  # a compound said by its head
    ("ABC-gruppens", "Arbetsgruppen träffas i maj.", 0.0),  # a hyphenated name is not any "gruppen"
    ("ABC-gruppens", "ABC-gruppen avslutas.", 1.0),
])
def test_a_compound_said_by_its_head_but_not_a_hyphenated_name(term: str, text: str, score: float) -> None:
    [t] = question_terms(term)
    assert term_score(t, Words.of(text)) == score

