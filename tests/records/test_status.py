"""Status parsing from lägesbedömningar: DOCX tables, Markdown tables and "Status:" lines, and
what changed since a group's previous report."""

from __future__ import annotations

import pytest

from assistant.records.blocks import load_file
from assistant.records.status import (
    ActivityStatus,
    StatusReport,
    changes,
    colour,
    extract_report,
    parse_status,
    summarize,
)
from evals.decisions.evaluate import evaluate_status
from evals.decisions.samples import DATA
from ingest.documents import Block


def report(name: str) -> StatusReport:
    doc = load_file(DATA / name)
    assert doc.kind == "lägesbedömning"
    return extract_report(doc.blocks, doc_id=doc.doc_id, title=doc.title, source=doc.source, date=doc.date)


@pytest.mark.parametrize("name,group,period,date,statuses", [
    ("2025-05-02_lagesbedomning_validering_VT2025.docx", "arbetsgrupp-validering", "VT 2025", "2025-05-02",
     ["grön", "grön", "gul", "röd"]),  # DOCX table
    ("2025-10-10_lagesbedomning_validering_HT2025.md", "arbetsgrupp-validering", "HT 2025", "2025-10-10",
     ["grön", "grön", "grön", "gul"]),  # Markdown table
    ("2025-05-02_lagesbedomning_kompetensanalys_VT2025.md", "arbetsgrupp-kompetensanalys", "VT 2025", "2025-05-02",
     ["gul", "röd", "röd"]),  # Markdown "Status:" lines
    ("2025-10-10_lagesbedomning_vagledning_HT2025.docx", "arbetsgrupp-vägledning", "HT 2025", "2025-10-10",
     ["röd", "grön", "gul"]),  # DOCX "Status:" lines under headings
])
def test_sample_reports(name: str, group: str, period: str, date: str, statuses: list[str]) -> None:
    r = report(name)
    assert (r.group, r.period, r.date) == (group, period, date)
    assert [a.status for a in r.activities] == statuses
    assert all(a.activity and a.comment for a in r.activities)


def test_docx_table_row_and_comment() -> None:
    r = report("2025-05-02_lagesbedomning_validering_VT2025.docx")
    assert r.activities[3] == ActivityStatus(
        "Regional förankring", "röd", "Ingen kontakt med RUA ännu på grund av resursbrist.", r.activities[3].section, None)


@pytest.mark.parametrize("word,expected", [("Grön", "grön"), ("GULT", "gul"), ("rött", "röd"), ("**Röd**", "röd"),
                                           ("blå", None), ("", None)])
def test_colours(word: str, expected: str | None) -> None:
    assert colour(word) == expected


def test_status_line_forms() -> None:
    blocks = [Block("Aktivitet: Portal för vägledning", "Aktiviteter"), Block("Status: Gul – upphandling oklar", "Aktiviteter"),
              Block("Status: Röd", "Indikatorer"), Block("Kommentar: Ingen datakälla.", "Indikatorer"),
              Block("Status: okänd", "Annat"), Block("Status: Grön", "Aktiviteter")]  # generic heading, no name: skipped
    assert [(a.activity, a.status, a.comment) for a in parse_status(blocks)] == [
        ("Portal för vägledning", "gul", "upphandling oklar"), ("Indikatorer", "röd", "Ingen datakälla.")]


def test_table_without_header_and_other_columns() -> None:
    blocks = [Block("| Nr | Delmål | Bedömning | Åtgärd |"), Block("|---|---|---|---|"),
              Block("| 1 | Kartläggning | Gult | Fler regioner |"), Block("| 2 | Rapport | grön | – |")]
    assert [(a.activity, a.status, a.comment) for a in parse_status(blocks)] == [
        ("Kartläggning", "gul", "Fler regioner"), ("Rapport", "grön", "–")]


def _r(period: str, date: str, *acts: tuple[str, str]) -> StatusReport:
    return StatusReport("d" + period, "arbetsgrupp-x", period, date, "/x", "t", [ActivityStatus(a, s, "") for a, s in acts])


def test_changed_since_previous() -> None:
    vt = _r("VT 2025", "2025-05-02", ("A", "grön"), ("B", "röd"), ("C", "gul"))
    ht = _r("HT 2025", "2025-10-10", ("A", "grön"), ("b", "gul"), ("D", "grön"))
    assert changes(vt, ht) == [{"activity": "b", "previous": "röd", "current": "gul"},
                               {"activity": "D", "previous": None, "current": "grön"},
                               {"activity": "C", "previous": "gul", "current": None}]
    assert changes(None, vt) == []
    summary = summarize([ht, vt])  # order of input does not matter: periods are sorted
    assert [(s["period"], s["grön"], s["gul"], s["röd"]) for s in summary] == [("VT 2025", 1, 1, 1), ("HT 2025", 2, 1, 0)]
    assert summary[0]["changed_since_previous"] == [] and len(summary[1]["changed_since_previous"]) == 3  # type: ignore[arg-type]


def test_status_eval_is_exact() -> None:
    score = evaluate_status()
    assert score.activities >= 18 and score.reports >= 6
    assert score.accuracy == 1.0 and score.extra == 0 and score.reports_right == score.reports, score.errors
