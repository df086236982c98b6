"""`msv ask` on decision questions: answered from the register (each decision quoted and cited to
its minutes paragraph, in date order, a later change noted), other questions left to the normal
engine, and a reader outside a document's groups given none of its decisions."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from testkit import SharedKb
from typer.testing import CliRunner

from assistant.access.users import UserStore
from assistant.answers.decision_answers import DecisionEngine, with_decisions
from assistant.answers.decision_compose import compose
from assistant.answers.decision_match import best_matter
from assistant.answers.decision_open import ENGINE_NAME
from assistant.answers.decision_questions import content_topic, parse_question
from assistant.answers.question import question_terms
from assistant.answers.registry import get_engine
from assistant.cli.assist import add_commands
from assistant.records.decisions import Decision
from assistant.settings import Settings
from ingest.embed import Embedder
from ingest.kb import KnowledgeBase
from ingest.store import SearchFilter

from .conftest import RESTRICTED

BUDGET_Q = "Vad har styrgruppen beslutat om verksamhetsbudgeten?"


@pytest.fixture(scope="module")
def engine(records_kb: KnowledgeBase) -> DecisionEngine:
    return with_decisions(records_kb, get_engine("extractive", records_kb))


@pytest.mark.parametrize(("question", "topic", "body"), [
    (BUDGET_Q, "verksamhetsbudgeten", "styrgrupp"),
    ("Vad beslutade GD-gruppen om budgetramen?", "budgetramen", "gd-grupp"),
    ("Vilka beslut har beredningsgruppen fattat om arbetsplanen?", "arbetsplanen", "beredningsgrupp"),
    ("Vilka beslut finns om arbetsordningen?", "arbetsordningen", ""),
    ("Vad har arbetsgruppen för validering beslutat om kartläggningen?", "kartläggningen", "arbetsgrupp-validering"),
    ("När beslutades arbetsordningen?", "arbetsordningen", ""),
    ("What did the steering group decide about the operating budget?", "verksamhetsbudget", "styrgrupp"),
    ("When was the work plan decided?", "arbetsplan", ""),
])
def test_decision_questions_are_recognised(question: str, topic: str, body: str) -> None:
    dq = parse_question(question)
    assert dq is not None and (dq.topic, dq.body) == (topic, body)


@pytest.mark.parametrize("question", [
    "Vad gör beredningsgruppen?", "Hur stor är verksamhetsbudgeten?", "Vad har regeringen beslutat om budgeten?",
    "Vad är ett beslut?", "Vad har styrgruppen beslutat?",
])
def test_other_questions_are_not(question: str) -> None:
    assert parse_question(question) is None


def test_budget_answer_from_the_register(engine: DecisionEngine) -> None:
    a = engine.answer(BUDGET_Q, flt=SearchFilter(access=("alla",)))
    assert a.grounded and a.engine == ENGINE_NAME
    lines = a.answer.splitlines()
    # One sentence per decision, the latest of each matter first, then its earlier steps in date
    # order; each quotes the decision and cites its paragraph.
    decided = [ln for ln in lines if ln.startswith("Den ")]
    assert decided[0].startswith("Den 10 december 2025 ")
    revised = next(i for i, ln in enumerate(decided) if ln.startswith(
        "Den 17 september 2025 beslutade styrgruppen (§ 2): ”Styrgruppen beslutade att "
        "revidera verksamhetsbudgeten för 2025 från 4,2 till 4,5 miljoner kronor” ["))
    first = next(i for i, ln in enumerate(decided) if ln.startswith(
        "Den 12 februari 2025 beslutade styrgruppen (§ 3): ”Styrgruppen beslutade att "
        "fastställa verksamhetsbudgeten för 2025 till 4,2 miljoner kronor” ["))
    handed = next(i for i, ln in enumerate(decided) if ln.startswith("Den 27 augusti 2025 tog beredningsgruppen"))
    assert revised < first < handed
    assert any("fastställa verksamhetsbudgeten för 2026 till 4,8 miljoner kronor" in ln for ln in decided)
    # The revision is noted against the decision it changes, and only that one (2026 is another budget).
    n_revised = int(re.search(r"\[(\d+)\]\.$", decided[revised]).group(1))
    assert f"Beslutet den 17 september 2025 ändrar beslutet den 12 februari 2025 [{n_revised}]." in lines
    assert sum("ändrar beslutet" in ln for ln in lines) == 1
    # Every decision sentence cites the passage it came from: the minutes paragraph, with its heading.
    for ln in decided:
        n = int(re.search(r"\[(\d+)\]\.$", ln).group(1))
        c = a.citation(n)
        assert c is not None and c.text and ln.split("”")[1] in c.text
        assert c.section.startswith("§")
    n_first = int(re.search(r"\[(\d+)\]\.$", decided[first]).group(1))
    cited = a.citation(n_first)
    assert cited.source.endswith("2025-02-12_styrgrupp_minnesanteckningar.docx")
    assert cited.section == "§ 3 Verksamhetsbudget 2025" and "Beslut:" in cited.text
    assert a.citation(n_revised).source.endswith("2025-09-17_styrgrupp_minnesanteckningar.md")
    assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    assert all(c.doc_id and c.title for c in a.citations)


def test_the_latest_word_first(engine: DecisionEngine) -> None:
    """An assignment settled at a later meeting under a heading that names the matter in other
    words: the settling decision leads, the assignment follows, each cited to its meeting."""
    a = engine.answer("Vad har styrgruppen beslutat om kommunikationsplanen?", flt=SearchFilter(access=("alla",)))
    assert a.engine == ENGINE_NAME
    lines = a.answer.splitlines()
    assert lines[0] == ("Den 8 oktober 2026 beslutade styrgruppen (§ 3): ”Planen godkändes med ändringen att "
                        "nyhetsbrevet ges ut varannan månad i stället för varje månad” [1].")
    assert lines[1].startswith("Det föregicks av")
    assert lines[2].startswith("Den 4 mars 2026 gav styrgruppen ett uppdrag (§ 3): ”Styrgruppen gav sekretariatet "
                               "i uppdrag att ta fram ett förslag till gemensam kommunikationsplan") and lines[2].endswith("[2].")
    assert a.citation(1).source.endswith("2026-10-08_styrgrupp_minnesanteckningar.md")
    assert a.citation(2).source.endswith("2026-03-04_styrgrupp_minnesanteckningar.md")
    # The substance of the later decision is found by its heading's matter, not refused.
    sub = engine.answer("Vad har beslutats om nyhetsbrevet?", flt=SearchFilter(access=("alla",)))
    assert sub.engine == ENGINE_NAME and sub.answer.startswith("Den 8 oktober 2026 beslutade styrgruppen (§ 3)")


@pytest.mark.parametrize(("today", "overdue"), [(date(2026, 11, 29), True), (date(2026, 5, 1), False)])
def test_open_assignment_with_deadline(records_kb: KnowledgeBase, today: date, overdue: bool) -> None:
    engine = with_decisions(records_kb, get_engine("extractive", records_kb), today=today)
    a = engine.answer("Vilka beslut finns om mallen för slutrapporter?", flt=SearchFilter(access=("alla",)))
    assert a.engine == ENGINE_NAME
    line = next(ln for ln in a.answer.splitlines() if "är öppet" in ln)
    assert "tidsfrist 15 juni 2026" in line and ("försenat" in line) == overdue


def test_a_reversal_is_named(engine: DecisionEngine) -> None:
    a = engine.answer("Vad har beslutats om öppna data?", flt=SearchFilter(access=("alla",)))
    assert a.answer.startswith("Den 20 maj 2026 beslutade arbetsgruppen för kompetensanalys (punkt 2)")
    assert "Beslutet den 20 maj 2026 upphäver beslutet den 11 juni 2025 [1]." in a.answer


def test_pdf_minutes_cite_their_page(engine: DecisionEngine) -> None:
    a = engine.answer("Vad har beredningsgruppen beslutat om mallen för promemorior?", flt=SearchFilter(access=None))
    assert a.engine == ENGINE_NAME
    pdf = [c for c in a.citations if c.source.endswith(".pdf")]
    assert pdf and a.citations[0] in pdf and all(c.page for c in pdf)
    assert "27 augusti 2025" in a.answer
    # the matter was tabled at the meeting before (minutes in Word, no pages): an earlier step of its own
    assert "Ärendet bordlades den 23 april 2025 av beredningsgruppen" in a.answer


@pytest.mark.parametrize("question", ["Vad är en lägesbedömning?", "Hur fungerar samverkan?"])
def test_a_general_question_goes_to_the_normal_engine(engine: DecisionEngine, question: str) -> None:
    a = engine.answer(question, flt=SearchFilter(access=("alla",)))
    plain = get_engine("extractive", engine.kb).answer(question, flt=SearchFilter(access=("alla",)))
    assert a.engine != ENGINE_NAME and a.as_dict() == plain.as_dict()


@pytest.mark.parametrize(("question", "lead", "said"), [
    # the normal engine finds the decision's sentence; the register answers with its matter
    ("Hur stor är verksamhetsbudgeten för 2025?", "Den 17 september 2025 beslutade styrgruppen (§ 2)",
     "revidera verksamhetsbudgeten för 2025"),
    ("Hur ofta ska nyhetsbrevet ges ut?", "Den 8 oktober 2026 beslutade styrgruppen (§ 3)", "varannan månad"),
])
def test_a_question_the_minutes_answer_with_a_decision(engine: DecisionEngine, question: str, lead: str,
                                                       said: str) -> None:
    """A question that does not ask about decisions, answered by the normal engine with a
    decision's sentence, is answered from the register: that decision first, its matter's earlier
    steps after it."""
    a = engine.answer(question, flt=SearchFilter(access=("alla",)))
    assert a.engine == ENGINE_NAME and a.answer.startswith(lead) and said in a.answer.splitlines()[0]
    assert "Det föregicks av" in a.answer  # the budget's first decision; the plan's assignment
    if "nyhetsbrevet" in question:
        assert a.citation(2).source.endswith("2026-03-04_styrgrupp_minnesanteckningar.md")


def test_assignments_past_their_deadline(records_kb: KnowledgeBase) -> None:
    engine = with_decisions(records_kb, get_engine("extractive", records_kb), today=date(2026, 11, 29))
    a = engine.answer("Vilka uppdrag har passerat sin tidsfrist?", flt=SearchFilter(access=("alla",)))
    assert a.engine == ENGINE_NAME
    line = next(ln for ln in a.answer.splitlines() if "tidsfrist 15 juni 2026" in ln)
    assert "försenat" in line


def test_a_decision_question_without_records_falls_back(engine: DecisionEngine) -> None:
    a = engine.answer("Vad har styrgruppen beslutat om kvastfenixar?", flt=SearchFilter(access=("alla",)))
    assert a.engine == "extractive"


def test_no_decisions_from_minutes_the_reader_may_not_see(engine: DecisionEngine) -> None:
    q = "Vad beslutade GD-gruppen om budgetramen?"
    gd = engine.answer(q, flt=SearchFilter(access=("gd-grupp",)))
    assert gd.engine == ENGINE_NAME and "högst 5 miljoner kronor" in gd.answer
    assert all(c.source.endswith(RESTRICTED) for c in gd.citations)
    other = engine.answer(q, flt=SearchFilter(access=("alla",)))
    assert not any(c.source.endswith(RESTRICTED) for c in other.citations + other.related)
    assert "högst 5 miljoner" not in other.answer and other.engine != ENGINE_NAME
    # A broader question lists the open budget decisions but still none from the restricted protocol.
    broad = engine.answer("Vilka beslut finns om budgeten?", flt=SearchFilter(access=("alla",)))
    assert broad.engine == ENGINE_NAME and "4,2 miljoner" in broad.answer
    assert "budgetramen" not in broad.answer and not any(c.source.endswith(RESTRICTED) for c in broad.citations)


# -- through `msv ask` ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cli(records_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> typer.Typer:
    settings = Settings(llm_backend="none", data_dir=Path(tmp_path_factory.mktemp("ask-users")))
    users = UserStore.from_settings(settings)
    users.add("eva", "ett-långt-lösenord", ("alla",))
    users.add("gunnar", "ett-långt-lösenord", ("gd-grupp",))
    app = typer.Typer()
    add_commands(app, lambda: settings, lambda: SharedKb(records_kb))
    return app


def ask(app: typer.Typer, *args: str) -> dict[str, object]:
    r = CliRunner().invoke(app, ["ask", *args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_ask_json_contract_for_a_decision_answer(cli: typer.Typer) -> None:
    ans = ask(cli, BUDGET_Q, "--user", "eva")
    assert set(ans) == {"question", "answer", "grounded", "engine", "citations", "removed_sentences"}
    assert ans["engine"] == ENGINE_NAME and ans["grounded"] and ans["removed_sentences"] == []
    assert "ändrar beslutet den 12 februari 2025" in ans["answer"]
    for c in ans["citations"]:
        assert set(c) == {"n", "doc_id", "title", "source", "section", "page", "text"}


def test_ask_respects_the_users_groups(cli: typer.Typer) -> None:
    q = "Vad beslutade GD-gruppen om budgetramen?"
    assert ask(cli, q, "--user", "gunnar")["engine"] == ENGINE_NAME
    ans = ask(cli, q, "--user", "eva")
    assert ans["engine"] != ENGINE_NAME and "högst 5 miljoner" not in ans["answer"]
    assert not any(str(c["source"]).endswith(RESTRICTED) for c in ans["citations"] + ans.get("related", []))


def _matter(i: str, date_: str, section: str, text: str, kind: str = "beslut") -> Decision:
    return Decision(id=i, body="styrgrupp", date=date_, paragraph=section.split(" ", 2)[0] + " " + section.split(" ", 2)[1],
                    text=text, kind=kind, responsible="", deadline="", doc_id=f"doc-{i}", title="", source=f"/tmp/{i}.md",
                    section=section, page=None, passage="")


MATTERS = [
    _matter("plan", "2026-10-08", "§ 3 Beredningsgruppens mötesplan 2027",
            "Beredningsgruppen fastställde sin mötesplan för 2027 med fyra möten."),
    _matter("strategy", "2026-06-04", "§ 5 Kommunikationsstrategi", "Förslaget till kommunikationsstrategi antogs i sin helhet."),
    _matter("budget", "2026-11-16", "§ 3 Verksamhetsbudget 2027",
            "GD-gruppen fastställde en verksamhetsbudget för 2027 om 1,2 miljoner kronor."),
    _matter("web", "2026-03-09", "§ 5 Gemensam webbplats", "Styrgruppen ställde sig bakom att den externa informationen "
            "samlas på en undersida hos MYH i stället för på en egen domän."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Blev det någon egen domän för webbplatsen?", "web"),  # like the decision, and its words
    ("Får deltagarna ersättning för resor?", None),  # like no matter: no answer from the register
    ("Vem är generaldirektör för Skolverket?", None),
])
def test_a_matter_named_in_other_words(embedder: Embedder, question: str, expected: str | None) -> None:
    """The dense channel (the real model) and the question's words over the thread choose a matter,
    or none when no matter is both like the question and shares its words."""
    topic = content_topic(question)
    found = best_matter(SimpleNamespace(embedder=embedder), question, question_terms(topic.topic) if topic else (), MATTERS)
    assert (found.decision.id if found else None) == expected


def test_a_paragraphs_decisions_answer_together() -> None:
    """The approval and the publication under one paragraph lead together, in the minutes' order;
    the assignment they answer follows as the earlier step."""
    task = _matter("task", "2025-10-08", "§ 10 Årsrapport 2025", "Styrgruppen uppdrog åt sekretariatet att sammanställa "
                   "årsrapport 2025 till styrgruppens första möte 2026.", kind="uppdrag")
    approved = replace(_matter("ok", "2026-02-05", "§ 4 Årsrapport 2025", "Styrgruppen godkände årsrapporten 2025."), doc_id="feb")
    published = replace(_matter("pub", "2026-02-05", "§ 4 Årsrapport 2025",
                                "Styrgruppen beslutade att rapporten ska publiceras senast den 1 mars 2026."), doc_id="feb")
    pool = [task, approved, published]
    a = compose("Var publiceras årsrapporten?", [published], question_terms("publiceras årsrapporten"), pool=pool,
                today=date(2026, 3, 1))
    lines = a.answer.splitlines()
    assert "godkände årsrapporten 2025" in lines[0] and lines[1].startswith("Vid samma möte")
    assert "ska publiceras" in lines[2] and "sammanställa årsrapport 2025" in a.answer.split("Det föregicks av")[1]


def test_the_latest_paragraph_leads_whole_when_reached_through_a_link() -> None:
    """The question matched an earlier step; the thread's latest paragraph holds two decisions, of which
    only one is linked to that step: both lead, in the minutes' order, and the matched step follows."""
    from assistant.answers.decision_compose import _lead_paragraph_first, _threads
    from assistant.records.pairs import Link

    task = _matter("task", "2026-03-02", "§ 3 Statistik om lärlingar",
                   "Sekretariatet tar fram en sammanställning av lärlingsstatistik till nästa möte.", kind="uppdrag")
    noted = replace(_matter("noted", "2026-09-07", "§ 4 Lärlingsstatistik", "Styrgruppen noterade sammanställningen "
                            "och beslutade att den ska publiceras på webbplatsen."), doc_id="sep")
    more = replace(_matter("more", "2026-09-07", "§ 4 Lärlingsstatistik", "Styrgruppen ger sekretariatet i uppdrag att "
                           "komplettera sammanställningen med regionala uppgifter senast den 1 december 2026.",
                           kind="uppdrag"), doc_id="sep")
    other = _matter("other", "2026-09-07", "§ 5 Mötesplan", "Styrgruppen fastställde mötesplanen för 2027.")
    (group,) = _threads([task], [task, noted, more, other], [Link("task", "more", "besvarar", "samma ärende")])
    lead, earlier = _lead_paragraph_first(group)
    assert [d.id for d in lead] == ["noted", "more"] and [d.id for d in earlier] == ["task"]


def test_every_earlier_step_of_the_thread_is_told_whichever_way_it_is_linked() -> None:
    """The matched decision settles an assignment; the body that got it passed the work on to a third body,
    which reported back. The pass-on is linked only to that report (a sibling of the settlement, not an
    ancestor): it is still told as an earlier step, cited, in date order. A step of the thread dated after
    the settlement does not join the earlier steps, and the settlement still leads."""
    from assistant.records.pairs import Link

    task = _matter("task", "2027-02-03", "§ 4 Rutin för arkivering", "GD-gruppen uppdrar åt styrgruppen att ta fram en "
                   "rutin för arkivering av mötesprotokoll.", kind="uppdrag")
    passed = replace(_matter("passed", "2027-03-10", "§ 6 Rutin för arkivering", "Styrgruppen uppdrar åt "
                             "beredningsgruppen att skriva ett utkast till arkiveringsrutinen.", kind="uppdrag"),
                     body="styrgrupp")
    draft = replace(_matter("draft", "2027-05-12", "§ 2 Arkiveringsrutin", "Beredningsgruppen lämnar utkastet till "
                            "arkiveringsrutin till GD-gruppen."), body="beredningsgrupp")
    settled = replace(_matter("settled", "2027-06-09", "§ 3 Arkiveringsrutin", "GD-gruppen fastställde rutinen för "
                              "arkivering av mötesprotokoll."), body="gd-grupp")
    later = _matter("later", "2027-09-01", "§ 5 Arkiveringsrutin", "Styrgruppen uppdrar åt beredningsgruppen att "
                    "följa upp arkiveringsrutinen efter ett år.", kind="uppdrag")
    links = [Link("task", "draft", "besvarar", "samma ärende"), Link("passed", "draft", "besvarar", "samma ärende"),
             Link("task", "settled", "besvarar", "samma ärende"), Link("passed", "later", "följer upp", "samma ärende")]
    pool = [task, passed, draft, settled, later]
    a = compose("Vad har beslutats om arkiveringsrutinen?", [settled], question_terms("arkiveringsrutinen"), pool=pool,
                links=links, today=date(2027, 6, 30))
    assert a.answer.splitlines()[0].startswith("Den 9 juni 2027") and a.citations[0].doc_id == "doc-settled"
    told = a.answer.split("Det föregicks av")[1]
    assert "skriva ett utkast" in told and "följa upp" not in a.answer
    assert [c.doc_id for c in a.citations] == ["doc-settled", "doc-task", "doc-passed", "doc-draft"]


@pytest.mark.parametrize(("topic", "named"), [
    ("ett gemensamt nyhetsbrev", False),  # the quoted decision is about something else
    ("färgerna i mallarna", True),  # its text
    ("den grafiska profilen", True),  # its paragraph heading
])
def test_a_quoted_decision_answers_only_a_question_that_names_its_matter(topic: str, named: bool) -> None:
    from assistant.answers.decision_answers import _names_matter
    from assistant.records.threads import build_threads

    logo = _matter("logo", "2026-09-07", "§ 5 Grafisk profil", "Styrgruppen godkände blå och gröna färger i alla mallar.")
    assert _names_matter(question_terms(topic), logo, build_threads([logo]), [logo]) is named


_COMMON = [  # made up: four matters, three of them in "MSV KLL:s" name
    _matter("web", "2026-03-02", "§ 2 Skrivelse om validering",
            "Styrgruppen godkände skrivelsen som expedieras i MSV KLL:s namn."),
    _matter("logo", "2026-05-04", "§ 4 Grafisk profil", "Styrgruppen fastställde MSV KLL:s grafiska profil."),
    _matter("plan", "2026-09-07", "§ 5 Verksamhetsplan", "Styrgruppen fastställde MSV KLL:s verksamhetsplan för 2027."),
    _matter("kick", "2026-10-08", "§ 6 Kickoff", "Styrgruppen beslutade att en kickoff hålls i Norrköping."),
]


@pytest.mark.parametrize(("topic", "named"), [
    ("MSV KLL:s webbplats", False),  # the only words shared are in most of the register's matters
    ("skrivelsen om validering", True),  # a word of this matter alone
    ("MSV KLL:s skrivelse", True),  # a common word and a rare one
])
def test_words_most_matters_share_name_none_of_them(topic: str, named: bool) -> None:
    from assistant.answers.decision_answers import _names_matter
    from assistant.records.threads import build_threads

    assert _names_matter(question_terms(topic), _COMMON[0], build_threads(_COMMON), _COMMON) is named


def test_an_answer_quoting_a_paragraphs_discussion_speaks_of_the_decision_in_its_passage() -> None:
    from assistant.answers.base import Answer, Citation
    from assistant.answers.decision_quotes import cited_paragraph
    from assistant.answers.decision_relevance import relevance

    routine = replace(_matter("routine", "2026-02-12", "punkt 3", "Beslutades att sekretariatet tar fram en uppdaterad "
                              "rutin för expediering senast den 1 december 2026.", kind="uppdrag"), doc_id="d")
    other = replace(_matter("other", "2026-02-12", "punkt 2", "Beslutades att mötesplanen fastställs."), doc_id="d")
    passage = ("Punkt 2. Beslutades att mötesplanen fastställs. Punkt 3. Ida påpekade att rutinen för hur skrivelser "
               "expedieras inte har uppdaterats. Beslutades att sekretariatet tar fram en uppdaterad rutin för "
               "expediering senast den 1 december 2026.")
    cite = Citation(n=1, doc_id="d", title="", source="/tmp/d.md", section="", page=None, text=passage)
    said = Answer("q", "Ida påpekade att rutinen för hur skrivelser expedieras inte har uppdaterats. [1]", True, "x",
                  citations=[cite])
    terms = question_terms("en uppdaterad rutin för skrivelser")
    assert cited_paragraph(said, [other, routine], lambda d: relevance(terms, d)) is routine
    assert cited_paragraph(said, [other, routine], lambda d: relevance(question_terms("kickoff"), d)) is None
    assert cited_paragraph(replace(said, citations=[]), [other, routine], lambda d: 1.0) is None


def test_the_dense_matter_wins_over_a_quoted_neighbour_only_when_it_names_more_of_the_question() -> None:
    from assistant.answers.decision_match import MatterMatch, named_matter
    from assistant.records.threads import build_threads

    routine = _matter("routine", "2026-05-04", "§ 6 Rutin för utskick",
                      "Styrgruppen fastställde rutinen för hur skrivelser skickas till departementet.")
    letter = _matter("letter", "2026-09-07", "§ 3 Skrivelse om regionernas roll",
                     "GD-gruppen ställde sig bakom skrivelsen om regionernas roll, som skickas till departementet.")
    threads = build_threads([routine, letter])
    terms = question_terms("skrivelsen regionernas roll")
    dense = MatterMatch(letter, 0.7, 1.0, 1.2)
    assert named_matter(routine, dense, terms, threads) is letter
    assert named_matter(letter, MatterMatch(routine, 0.7, 0.3, 0.85), terms, threads) is letter
    assert named_matter(routine, None, terms, threads) is routine


@pytest.mark.parametrize(("words", "others", "alone"), [
    (0.75, [0.25, 0.0], True),  # most of the question's words, in this matter alone
    (0.75, [0.5], False),  # another matter has nearly as many
    (0.5, [0.0], False),  # too few of the question's words
])
def test_the_question_words_choose_a_matter_without_the_dense_channel_only_when_clearly_alone(
        words: float, others: list[float], alone: bool) -> None:
    from assistant.answers.decision_match import MatterMatch, _words_alone

    d = MATTERS[0]
    top = MatterMatch(d, 0.5, words, 0.5 + 0.5 * words)
    found = [top] + [MatterMatch(d, 0.6, w, 0.6 + 0.5 * w) for w in others]
    assert _words_alone(top, found) is alone


SHARED = [  # "gemensam" is in most matters, "seminarieserie" in one
    _matter("profile", "2026-02-10", "§ 4 Gemensam grafisk profil", "Styrgruppen fastställde den gemensamma grafiska profilen."),
    _matter("calendar", "2026-03-09", "§ 6 Gemensam kalender", "En gemensam kalender för alla arbetsgrupper införs."),
    _matter("web2", "2026-04-14", "§ 2 Gemensam webbplats", "Den gemensamma webbplatsen samlas hos MYH."),
    _matter("seminars", "2026-05-12", "§ 7 Seminarieserie om validering",
            "Styrgruppen beslutade att seminarieserien om validering hålls digitalt under hösten."),
    _matter("budget2", "2026-06-09", "§ 3 Verksamhetsbudget 2027", "Verksamhetsbudgeten fastställdes till 1,4 miljoner kronor."),
]


def test_a_words_rarity_among_the_matters_weighs_it() -> None:
    """A word most matters share weighs little; the word one matter uses decides."""
    from assistant.answers.decision_match import rare_shares
    from assistant.records.threads import build_threads

    threads = build_threads(SHARED, [])
    shares = dict(zip((t.id for t in threads), rare_shares(question_terms("gemensamma seminarieserien"), threads), strict=True))
    assert shares["seminars"] > 0.7 > 0.3 > max(v for k, v in shares.items() if k != "seminars")


@pytest.mark.parametrize(("topic", "dense", "expected"), [
    ("seminarieserien validering", 0.5, "seminars"),  # the one matter's rare words
    ("seminarieserien validering", 0.3, None),  # … but the dense channel finds the matter unlike the question
    ("gemensamma seminarieserien gästföreläsare arvode", 0.5, None),  # most rare words in no matter
    ("gemensamma", 0.5, None),  # only a word most matters share: no matter ahead
])
def test_the_questions_rare_words_choose_a_matter(topic: str, dense: float, expected: str | None) -> None:
    """A matter is chosen by the question's rare words when they are mostly its own and no other
    matter comes near, and the dense channel does not find it unlike the question."""
    from assistant.answers.decision_match import MatterMatch, rare_matter
    from assistant.records.threads import build_threads

    threads = build_threads(SHARED, [])
    found = [MatterMatch(t.decisions[-1], dense, 0.0, dense) for t in threads]
    chosen = rare_matter(question_terms(topic), threads, found)
    assert (chosen.decision.id if chosen else None) == expected


@pytest.mark.parametrize("question", ["Får man ta med en gäst till seminarier och mottagningar?",
                                      "Vad gäller för det gemensamma?"])
def test_no_matter_by_rare_words_the_register_lacks(embedder: Embedder, question: str) -> None:
    """With the real model: words no matter has, or only words most matters share, choose none."""
    topic = content_topic(question)
    terms = question_terms(topic.topic) if topic else ()
    assert best_matter(SimpleNamespace(embedder=embedder), question, terms, SHARED, rare=True) is None


class _QuotesAnotherMatter:
    """An ordinary engine whose grounded answer quotes a decision about another matter than the one asked."""

    name = "extractive"

    def __init__(self, kb: KnowledgeBase, other_question: str) -> None:
        self.plain = get_engine("extractive", kb)
        self.other_question = other_question

    def answer(self, question: str, *, flt: SearchFilter | None = None):
        return replace(self.plain.answer(self.other_question, flt=flt), question=question)


@pytest.mark.parametrize(("question", "lead"), [
    ("Hur ofta ska nyhetsbrevet ges ut?", "Den 8 oktober 2026 beslutade styrgruppen (§ 3)"),
    ("Vad gäller för kvastfenixar i korridoren?", None),
])
def test_an_answer_quoting_another_matter_gives_way_to_the_register(records_kb: KnowledgeBase, question: str,
                                                                    lead: str | None) -> None:
    """The ordinary engine quotes a budget decision for a question about something else: the register
    answers by the question's own words when a matter has them, and the engine's answer stands when none does."""
    stub = _QuotesAnotherMatter(records_kb, "Hur stor är verksamhetsbudgeten för 2025?")
    a = DecisionEngine(records_kb, stub).answer(question, flt=SearchFilter(access=("alla",)))
    if lead is None:
        assert a.engine == "extractive" and "verksamhetsbudget" in a.answer.lower()
    else:
        assert a.engine == ENGINE_NAME and a.answer.startswith(lead) and "budget" not in a.answer.splitlines()[0]


@pytest.mark.parametrize(("topic", "unknown"), [
    ("en gemensam kalender", True),  # "kalender" is in none of the register's matters
    ("den grafiska profilen för 2031", False),  # every noun is in some matter (a year is no matter's noun)
    ("profilen", False),
    ("kickoffen", False),  # a compound's head or the word itself
    ("MOD-gruppens profil", False),  # a group's name is no matter
    ("mötesplatsen", True),  # a noun the tagger reads as a verb counts
])
def test_a_topic_the_register_never_names(topic: str, unknown: bool) -> None:
    from assistant.answers.decision_answers import _unknown
    from assistant.records.threads import build_threads

    assert _unknown(question_terms(topic), build_threads(_COMMON), _COMMON) is unknown


@pytest.mark.parametrize(("question", "answered"), [
    ("Vad har styrgruppen beslutat om nyhetsbrevet?", True),  # a word of one matter
    ("Vad har styrgruppen beslutat om nyhetsbrevets skattesats?", False),  # a noun read as a verb, in no matter
    ("Vad har styrgruppen beslutat om nyhetsbrevets kvastfenixar?", False),
])
def test_the_rare_word_retry_leaves_a_thing_no_matter_names(records_kb: KnowledgeBase, question: str,
                                                             answered: bool) -> None:
    """After a passage answer is given up, the retry by the question's rare words does not answer a
    question asking what was decided about something the register never names."""
    from assistant.answers.decision_answers import answer_from_register

    a = answer_from_register(records_kb, question, flt=SearchFilter(access=("alla",)), any_question=True,
                             by_meaning=False)
    assert (a is not None and "nyhetsbrev" in a.answer.lower()) is answered


def test_a_quoted_matter_that_alone_says_a_word_of_the_question_is_kept() -> None:
    """The dense channel's matter shares more of the question's common words (an order, a body that
    prepares), but only the quoted decision's matter says its distinctive noun: the quote stands. Without
    that noun in the question, the matter naming more of its words wins as before."""
    from assistant.answers.decision_match import MatterMatch, named_matter
    from assistant.records.threads import build_threads

    intake = _matter("intake", "2026-05-04", "§ 5 Anmälan av utvecklingsidéer",
                     "Styrgruppen fastställde hur nya utvecklingsidéer anmäls till sekretariatet.")
    parties = _matter("parties", "2026-11-16", "§ 2 Ordning för nya parter",
                      "GD-gruppen fastställde ordningen för hur nya parter anmäler intresse och bereds.")
    threads = build_threads([intake, parties], [])
    dense = MatterMatch(parties, 0.6, 0.8, 1.0)
    assert named_matter(intake, dense, question_terms("ordningen anmäla nya utvecklingsidéer bereds"), threads) is intake
    assert named_matter(intake, dense, question_terms("ordningen anmäla bereds"), threads) is parties


@pytest.mark.parametrize(("question", "kept", "dropped"), [
    ("Hur ofta hålls processledarmötena?", "processledarmötena", None),  # a compound: the meetings, a thing
    ("Vad gäller för samverkansavtalen nu?", "samverkansavtalen", None),
    ("Hur ofta ska styrgruppsprotokollen publiceras?", "styrgruppsprotokollen", None),
    ("Vad har styrgruppen beslutat om arbetsgruppernas rapporter?", "rapporter", "arbetsgruppernas"),  # a body, inflected
    ("När ska sekretariatets lista vara klar?", "lista", "sekretariatets"),
])
def test_a_compound_begun_by_a_bodys_name_is_the_questions_matter(question: str, kept: str, dropped: str | None) -> None:
    topic = content_topic(question)
    assert topic is not None and kept in topic.topic.split()
    assert dropped is None or dropped not in topic.topic.split()


def test_of_two_matters_settled_at_one_meeting_the_one_the_question_names_leads() -> None:
    """A meeting changed the rules for travel claims (§ 3) and decided how the annual report treats the travel
    costs (§ 7); both match a question about a change to the travel rules. The matter whose steps say the
    question's words leads, though its paragraph comes earlier in the minutes; the other follows."""
    rules = replace(_matter("rules", "2028-01-19", "§ 2 Reseregler", "Styrgruppen fastställde reglerna för "
                            "reseräkningar inom samverkan."), doc_id="jan")
    changed = replace(_matter("changed", "2028-09-13", "§ 3 Reseregler", "Styrgruppen beslutade, med ändring av "
                              "beslutet den 19 januari 2028, att reglerna för reseräkningar även gäller tågresor i "
                              "första klass."), doc_id="sep")
    report = replace(_matter("report", "2028-09-13", "§ 7 Årsrapportens bilagor", "Styrgruppen beslutade att "
                             "årsrapporten redovisar resekostnaderna enligt reglerna i en egen bilaga."), doc_id="sep")
    from assistant.records.pairs import Link

    pool, links = [rules, changed, report], [Link("rules", "changed", "ändrar", "samma ärende")]
    terms = question_terms("ändrat reglerna för reseräkningar som fastställdes i januari")
    a = compose("Har styrgruppen ändrat reglerna för reseräkningar som fastställdes i januari?", [rules, changed, report],
                terms, pool=pool, links=links, today=date(2028, 10, 1))
    assert a.citations[0].doc_id == "sep" and "tågresor" in a.answer.splitlines()[0]
    assert "resekostnaderna" in a.answer  # the other matter is still told, after
    newest_first = compose("Vad har beslutats om resekostnaderna?", [changed, report], question_terms("resekostnaderna"),
                           pool=pool, links=links, today=date(2028, 10, 1))
    assert "resekostnaderna" in newest_first.answer.splitlines()[0]
