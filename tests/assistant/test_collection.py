"""Questions about the collection ("Vilka uppdrag har regeringen gett Myndigheten för
yrkeshögskolan?") on a knowledge base of real government pages with the starter corpus's metadata:
a dated list of the matching documents, newest first, each cited, with the count and the filter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.answers.collection import ENGINE_NAME, answer_collection, parse_question, with_collection
from assistant.answers.registry import get_engine
from evals import build_starter
from ingest.kb import KbConfig, KnowledgeBase
from ingest.store import SearchFilter, date_num

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz"
REPORT = ROOT / "corpus" / "forstudier-samverkansplattform-slutrapport.txt"
OTHERS = 30  # pages of other agencies: the list must leave them out


def _pages() -> list[dict]:
    """Every government assignment (all years) whose agency by the starter corpus's rule is MYH, and
    the first OTHERS pages (by url) of other member agencies, with that metadata."""
    myh, others = [], []
    for rec in build_starter.read(SHARED):
        if rec.get("kind") not in build_starter.KINDS or not str(rec.get("text") or "").strip():
            continue
        title, text = str(rec["title"]), str(rec["text"])
        agency = build_starter.primary_agency(title, text)
        row = {"url": rec["url"], "title": title, "kind": build_starter.KINDS[rec["kind"]],
               "date": f"{int(rec['year']):04d}-{int(rec.get('month') or 1):02d}", "agency": agency, "text": text}
        if rec["kind"] == "regeringsuppdrag" and agency == "MYH":
            myh.append(row)
        elif agency and agency != "MYH" and "yrkeshögskol" not in f"{title} {text}".lower():
            others.append(row)
    others.sort(key=lambda r: r["url"])
    return myh + others[:OTHERS]


@pytest.fixture(scope="module")
def pages() -> list[dict]:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} saknas (den delade korpusen)")
    return _pages()


@pytest.fixture(scope="module")
def gov_kb(pages: list[dict], tmp_path_factory: pytest.TempPathFactory, embedder):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("collection")
    path = folder / "urval.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")
    kb = KnowledgeBase(KbConfig(data_dir=folder / "data"), embedder=embedder)
    summary = kb.ingest_all([REPORT, path])
    assert summary.added == len(pages) + 1 and not summary.failed
    yield kb
    kb.close()


def _expected(pages: list[dict]) -> list[dict]:
    return [p for p in pages if p["kind"] == "regeringsuppdrag"
            and (p["agency"] == "MYH" or "Myndigheten för yrkeshögskolan" in p["title"])]


@pytest.mark.parametrize("question", [
    "Vilka uppdrag har regeringen gett Myndigheten för yrkeshögskolan?",
    "Vilka regeringsuppdrag har MYH fått?",
    "Hur många uppdrag har Myndigheten för yrkeshögskolan fått av regeringen?",
    "Which assignments has the government given MYH?",
])
def test_assignments_to_an_agency_are_a_dated_cited_list(gov_kb, pages, question: str) -> None:  # type: ignore[no-untyped-def]
    expected = _expected(pages)
    assert len(expected) >= 6  # more than the five shown: the count must say how many there are
    a = with_collection(gov_kb, get_engine("extractive", gov_kb)).answer(question)
    assert a.engine == ENGINE_NAME and a.grounded
    lines = a.answer.splitlines()
    years = sorted(int(p["date"][:4]) for p in expected)
    assert lines[0] == f"{len(expected)} regeringsuppdrag till MYH {years[0]}–{years[-1]}; de fem senaste:"
    listed = [re.fullmatch(r"- (\S+): (.+) \[(\d+)\]", line) for line in lines[1:6]]
    assert all(listed), lines
    dates = [m.group(1) for m in listed]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert dates[0] == max(p["date"] for p in expected)
    by_url = {p["url"]: p for p in expected}
    for m in listed:
        c = a.citation(int(m.group(3)))  # type: ignore[union-attr]
        assert c is not None and c.source in by_url and c.text.strip()  # each cited, from its own page
        assert by_url[c.source]["title"] == m.group(2) and by_url[c.source]["date"] == m.group(1)  # type: ignore[union-attr]
    assert lines[-1].startswith("Urval: dokumenttyp regeringsuppdrag; myndighet MYH")


def test_years_and_kinds_narrow_the_list(gov_kb, pages) -> None:  # type: ignore[no-untyped-def]
    expected = _expected(pages)
    year = sorted({int(p["date"][:4]) for p in expected})[-1]
    a = answer_collection(gov_kb, f"Vilka uppdrag gav regeringen Myndigheten för yrkeshögskolan {year}?")
    assert a is not None
    n = sum(1 for p in expected if p["date"].startswith(str(year)))
    assert a.answer.startswith(f"{n} regeringsuppdrag till MYH {year}")
    assert all(c.date.startswith(str(year)) for c in a.citations)
    # Reports: the founding report is the only one.
    r = answer_collection(gov_kb, "Vilka rapporter finns?")
    assert r is not None and r.answer.startswith("1 rapport") and r.citations[0].doc_id == "msv-forstudier-slutrapport"


def test_a_subject_narrows_to_documents_about_it(gov_kb, pages) -> None:  # type: ignore[no-untyped-def]
    a = answer_collection(gov_kb, "Vilka uppdrag har Myndigheten för yrkeshögskolan fått om validering?")
    assert a is not None and "om validering" in a.answer.splitlines()[0]
    assert a.citations and all("valider" in c.text.lower() or "valider" in c.title.lower() for c in a.citations)
    n = int(a.answer.split()[0])
    assert n < len(_expected(pages))


def test_other_questions_and_unseen_documents_go_to_the_wrapped_engine(gov_kb) -> None:  # type: ignore[no-untyped-def]
    engine = with_collection(gov_kb, get_engine("extractive", gov_kb))
    assert parse_question("Vad gör beredningsgruppen?") is None
    assert parse_question("Vilka uppdrag har styrgruppen gett arbetsgrupperna?") is None  # the register's
    assert engine.answer("Vad gör beredningsgruppen?").engine != ENGINE_NAME
    # A reader who may read none of the pages gets no list of them.
    assert answer_collection(gov_kb, "Vilka uppdrag har regeringen gett MYH?",
                             flt=SearchFilter(access=("styrgrupp",))) is None


def test_the_list_is_sorted_by_date_not_by_text(gov_kb) -> None:  # type: ignore[no-untyped-def]
    a = answer_collection(gov_kb, "Vilka pressmeddelanden finns?")
    assert a is not None
    nums = [date_num(c.date) or 0 for c in a.citations]
    assert nums == sorted(nums, reverse=True)


def test_one_document_asked_for_is_answered_from_it_and_listed_only_when_it_cannot(gov_kb) -> None:  # type: ignore[no-untyped-def]
    engine = with_collection(gov_kb, get_engine("extractive", gov_kb))
    q = parse_question("Vilket uppdrag har MYH fått om validering?", {"MYH"})
    assert q is not None and q.one and q.subject == "validering"
    a = engine.answer("Vilket uppdrag har MYH fått om validering?")
    assert a.grounded and a.citations
    # Either the engine's own cited answer, or (when it cannot) the list: both name the assignment.
    assert any("valider" in c.text.lower() or "valider" in c.title.lower() for c in a.citations)
