"""`msv decisions` and `msv status`: the JSON contracts and the one-line errors."""

from __future__ import annotations

import json

import pytest
import typer
from testkit import SharedKb
from typer.testing import CliRunner

from assistant.cli import records as cli_records
from assistant.settings import Settings
from evals.cli import add_commands as add_eval_commands
from ingest.kb import KnowledgeBase

DECISION_KEYS = {"id", "body", "date", "paragraph", "text", "kind", "responsible", "deadline", "doc_id", "title",
                 "source", "section", "page", "heading", "matter", "recipient"}


@pytest.fixture(scope="module")
def app(records_kb: KnowledgeBase) -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _main() -> None:
        pass

    settings = Settings(data_dir=records_kb.config.data_dir)
    cli_records.add_commands(app, lambda: settings, lambda: SharedKb(records_kb))
    add_eval_commands(app, lambda: settings, lambda: SharedKb(records_kb))
    return app


def run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_decisions_json_contract(app: typer.Typer) -> None:
    code, out, _ = run(app, "decisions", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"decisions"} and len(data["decisions"]) >= 40
    for d in data["decisions"]:
        assert set(d) == DECISION_KEYS
        assert d["kind"] in ("beslut", "uppdrag", "ställningstagande") and d["date"] and d["body"] and d["paragraph"]
    dates = [d["date"] for d in data["decisions"]]
    assert dates == sorted(dates, reverse=True)


def test_decisions_query_and_filters(app: typer.Typer) -> None:
    code, out, _ = run(app, "decisions", "verksamhetsbudget", "--body", "styrgrupp", "--since", "2025-06-01", "--json")
    assert code == 0
    found = json.loads(out)["decisions"]
    assert found and all(d["body"] == "styrgrupp" and d["date"] >= "2025-06-01" for d in found)
    assert "verksamhetsbudget" in found[0]["text"]
    code, out, _ = run(app, "decisions", "--kind", "uppdrag", "--until", "14 maj 2025", "-k", "3", "--json")
    found = json.loads(out)["decisions"]
    assert code == 0 and len(found) == 3 and all(d["kind"] == "uppdrag" and d["date"] <= "2025-05-14" for d in found)
    assert all(d["responsible"] and d["deadline"] for d in found)


def test_decisions_procedural_flag(app: typer.Typer) -> None:
    code, out, _ = run(app, "decisions", "--procedur", "--json")
    kinds = {d["kind"] for d in json.loads(out)["decisions"]}
    assert code == 0 and {"procedur", "bordlagd"} <= kinds  # a matter tabled to a later meeting too
    code, out, _ = run(app, "decisions", "--json")
    assert code == 0 and not {d["kind"] for d in json.loads(out)["decisions"]} & {"procedur", "bordlagd"}


def test_decisions_human_output(app: typer.Typer) -> None:
    code, out, _ = run(app, "decisions", "--body", "gd-grupp")
    assert code == 0 and "gd-grupp" in out and "§" in out


@pytest.mark.parametrize("args,message", [
    (["decisions", "--since", "igår"], "--since/--until"),
    (["decisions", "--until", "2026-02-30"], "'2026-02-30' är inget datum"),  # the shape of a date, but none
    (["decisions", "--kind", "dekret"], "--kind"),
    (["decisions", "--thread", "finnsinte1"], "--thread 'finnsinte1'"),
    (["decisions", "--open", "--today", "imorgon"], "--today 'imorgon'"),
    # a body or group the register does not know is named with the ones it does
    (["decisions", "--body", "styrelsen"], "--body 'styrelsen': inget organ i beslutsregistret heter så; använd "
                                           "något av: arbetsgrupp-"),
    (["decisions", "--open", "--body", "styrelsen"], "--body 'styrelsen'"),
    (["status", "--group", "ekonomi"], "--group 'ekonomi': inga lägesbedömningar från den gruppen; grupper med "
                                       "lägesbedömningar: arbetsgrupp-kompetensanalys"),
])
def test_bad_values_fail_in_one_line(app: typer.Typer, args: list[str], message: str) -> None:
    code, out, err = run(app, *args)
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_status_json_contract(app: typer.Typer) -> None:
    code, out, _ = run(app, "status", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"reports", "summary"}
    assert len(data["reports"]) == 6
    for r in data["reports"]:
        assert {"group", "period", "date", "source", "activities"} <= set(r)
        assert all(set(a) == {"activity", "status", "comment"} for a in r["activities"])
    for s in data["summary"]:
        assert {"group", "period", "grön", "gul", "röd", "changed_since_previous"} == set(s)
    ht = next(s for s in data["summary"] if s["group"] == "arbetsgrupp-vägledning" and s["period"] == "HT 2025")
    assert ht["changed_since_previous"] == [
        {"activity": "Gemensam vägledningsportal", "previous": "gul", "current": "röd"},
        {"activity": "Dialogmöte med RUA", "previous": "grön", "current": "gul"}]


def test_status_group_and_text_output(app: typer.Typer) -> None:
    code, out, _ = run(app, "status", "--group", "kompetensanalys", "--json")
    assert code == 0 and {r["group"] for r in json.loads(out)["reports"]} == {"arbetsgrupp-kompetensanalys"}
    code, out, _ = run(app, "status", "--group", "vägledning")
    assert code == 0 and "1 gröna, 1 gula, 1 röda" in out and "RÖD" in out


def _decision(app: typer.Typer, words: str) -> dict:
    code, out, _ = run(app, "decisions", "--json")
    return next(d for d in json.loads(out)["decisions"] if words in d["text"])


def test_thread_json_contract_and_timeline(app: typer.Typer) -> None:
    # The assignment ("till höstens möte") and the decision that settled it under its own heading.
    task = _decision(app, "kommunikationsplan för 2027 till höstens möte")
    code, out, _ = run(app, "decisions", "--thread", task["id"], "--json")
    assert code == 0
    thread = json.loads(out)["thread"]
    assert set(thread) == {"id", "matter", "decisions", "links"}
    assert [d["date"] for d in thread["decisions"]] == ["2026-03-04", "2026-10-08"]
    assert all(set(d) == DECISION_KEYS for d in thread["decisions"])
    settled = thread["decisions"][-1]
    assert settled["text"].startswith("Planen godkändes") and settled["heading"] == "Kommunikationsplan 2027"
    (link,) = thread["links"]
    assert {"from", "to", "relation", "reason"} <= set(link) and link["score"] > 0 and link["evidence"]
    assert (link["from"], link["to"], link["relation"]) == (task["id"], settled["id"], "besvarar")
    assert "till höstens möte" in link["reason"] and "kommunikationsplan" in link["reason"]
    code, out, _ = run(app, "decisions", "--thread", settled["id"])
    assert code == 0 and out.index("2026-03-04") < out.index("2026-10-08") and "Besvarar uppdraget" in out


def test_thread_across_bodies(app: typer.Typer) -> None:
    task = _decision(app, "uppdrog åt beredningsgruppen att ta fram en rutin för bevakning")
    code, out, _ = run(app, "decisions", "--thread", task["id"], "--json")
    thread = json.loads(out)["thread"]
    assert [d["body"] for d in thread["decisions"]] == ["styrgrupp", "beredningsgrupp", "styrgrupp"]
    # the report back and the decision that settles the matter both answer the assignment
    assert [(lk["from"], lk["relation"]) for lk in thread["links"]] == [(task["id"], "återrapporterar"),
                                                                        (task["id"], "besvarar")]


def test_open_assignments(app: typer.Typer) -> None:
    code, out, _ = run(app, "decisions", "--open", "--today", "2026-11-29", "--json")
    assert code == 0
    found = json.loads(out)["open"]
    assert all({"due", "due_text", "overdue", "status"} <= set(o) and o["kind"] == "uppdrag" for o in found)
    texts = {o["text"]: o for o in found}
    mall = next(o for t, o in texts.items() if "mall för slutrapporter" in t)
    assert mall["overdue"] and mall["status"] == "försenat" and mall["due"] == "2026-06-15"
    extern = next(o for t, o in texts.items() if "extern utvärdering" in t)
    assert not extern["overdue"] and extern["status"] == "öppet"
    # Answered assignments are not open.
    assert not any("kommunikationsplan" in t or "bevakning av regleringsbrev" in t for t in texts)
    code, out, _ = run(app, "decisions", "--open", "--body", "styrgrupp", "--today", "2026-11-29")
    assert code == 0 and "FÖRSENAT" in out and "slutrapporter" in out


def test_eval_commands(app: typer.Typer) -> None:
    code, out, _ = run(app, "eval", "decisions", "--json", "--no-questions")
    data = json.loads(out)
    assert code == 0 and data["recall"] >= 0.95 and data["precision"] >= 0.95
    dev = data["threads"]["development"]
    assert dev["gold"] >= 15 and dev["with_reason"] == 1.0 and dev["precision"] >= 0.8 and dev["recall"] >= 0.75
    code, out, _ = run(app, "eval", "decisions", "--no-questions")
    assert code == 0 and "thread precision" in out
    code, out, _ = run(app, "eval", "status")
    assert code == 0 and "parsed exactly" in out
