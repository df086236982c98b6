"""A named person's task inside an informal decision ("Vi bestämde att Kim tar fram … till
oktobermötet") is an assignment; an initialism the minutes make of their own compound ("KU-mallen" for
kursutvärdering) links a hand-over to the decision that settles it; a matter's words include the
heading an item was filed under. Made-up minutes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answers.decision_match import thread_words_share
from assistant.answers.question import question_terms
from assistant.records.decisions import DECISION_KINDS, Decision, DocMeta, extract_decisions
from assistant.records.initialisms import initialisms
from assistant.records.threads import link_decisions
from ingest.documents import Block

NOTES = DocMeta("doc1", "Minnesanteckningar arbetsgruppen för validering", "/tmp/notes.md", "")


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Vi bestämde att Kim tar fram en mall för reseräkningar till oktobermötet.", "uppdrag"),
    ("Vi bestämde att Alva och Kim tar fram ett utkast till oktobermötet.", "uppdrag"),
    ("Gruppen beslutade att Kim tar fram en mall för reseräkningar till oktobermötet.", "uppdrag"),
    ("Vi bestämde att mötet i oktober hålls digitalt.", "beslut"),  # no one's task
])
def test_a_named_persons_task_in_a_decision_is_an_assignment(sentence: str, kind: str) -> None:
    found = [d for d in extract_decisions([Block("Datum: 2026-03-10"), Block(sentence, "3. Reseräkningar")], NOTES)
             if d.kind in DECISION_KINDS]
    assert [d.kind for d in found] == [kind]


def test_an_initialism_stands_for_the_one_compound_whose_parts_it_spells() -> None:
    texts = ["Gruppen lämnar KU-mallen till styrgruppen.", "Mallen för kursutvärdering fastställdes.",
             "Rapporten om kompetensanalys och kostnadsfördelning godkändes; KF och XY nämndes."]
    assert initialisms(texts) == {"ku": "kursutvärdering", "kf": "kostnadsfördelning"}
    # two compounds spell it: neither is chosen
    assert initialisms(["KA nämndes.", "kompetensanalys", "kostnadsanalys"]) == {}


BASE = Decision(id="x", body="styrgrupp", date="2026-01-14", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def dec(i: str, date: str, heading: str, text: str, body: str = "styrgrupp", **kw: str) -> Decision:
    return replace(BASE, id=i, date=date, heading=heading, text=text, body=body, doc_id=f"doc-{i}", **kw)


def test_a_hand_over_named_by_an_initialism_is_settled_by_the_decision_on_the_compound() -> None:
    handed = dec("a", "2026-09-02", "KU-mallen", "Vi beslutade att lämna den nya KU-mallen till styrgruppen: två sidor, "
                 "en bedömning per kurs.", body="arbetsgrupp-validering")
    other = dec("b", "2026-10-14", "Arbetsplaner", "Styrgruppen godkände arbetsplanerna för 2027.")
    settled = dec("c", "2026-10-14", "Utvärderingar", "Styrgruppen fastställde formuläret för kursutvärdering.", paragraph="§ 5")
    links = {(lk.earlier, lk.later) for lk in link_decisions([handed, other, settled])}
    assert ("a", "c") in links and ("a", "b") not in links


def test_a_matters_words_include_the_heading_its_item_was_filed_under() -> None:
    step = dec("a", "2026-03-04", "", "Vi bestämde att Kim tar fram en lista till septembermötet.",
               section="punkt 3", matter="stöd till nya medarbetare")
    assert thread_words_share(question_terms("stöd för nya medarbetare"), [step]) > 0.6
    assert thread_words_share(question_terms("stöd för nya medarbetare"), [replace(step, matter="")]) < 0.6
