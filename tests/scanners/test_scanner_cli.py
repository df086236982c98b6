"""`msv scan` and `msv digest` through typer, with the exact JSON contracts of the issue."""

from __future__ import annotations

import json
import os
from pathlib import Path

import feedparser
from scanner_fixtures import FEEDS, lead, make_app, markdown_to_html, pick_records, record_date, rss_feed
from typer.testing import CliRunner

from scanners.job import ScanJob
from scanners.store import ScanStore

RSS = "application/rss+xml; charset=utf-8"
# The first fields of a digest item, then the ones added since (the contract only grows).
ITEM_FIELDS = {"title", "url", "source", "sources", "published", "topics", "score", "reason", "summary",
               "item_id", "group", "new", "change", "amends", "notes"}
SOURCE_FIELDS = {"id", "status", "new_items", "error", "changed_items", "warnings", "seconds"}


def sources_file(tmp_path: Path, server) -> Path:  # type: ignore[no-untyped-def]
    recs = pick_records(6, seed=3, must="yrkes") + pick_records(4, seed=4)
    items = []
    for rec in recs:
        path = "/a" + rec["url"].split("regeringen.se", 1)[1]
        server.add(path, markdown_to_html(rec["title"], rec["text"]))
        items.append((rec["title"], server.url(path), lead(rec), record_date(rec)))
    server.add("/press.xml", rss_feed(items), RSS)
    server.add("/udep.xml", (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml")
               .read_bytes(), RSS)
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
id = "press"
name = "Pressmeddelanden"
kind = "rss"
url = "{server.url('/press.xml')}"

[[source]]
id = "udep"
name = "Regeringsuppdrag U"
kind = "rss"
url = "{server.url('/udep.xml')}"

[[source]]
id = "gone"
name = "Borta"
kind = "rss"
url = "{server.url('/gone.xml')}"
""", encoding="utf-8")
    return path


def test_scan_and_digest_json_contracts(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    app = make_app(tmp_path / "data")
    src = sources_file(tmp_path, server)
    res = runner.invoke(app, ["scan", "--sources", str(src), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    # The contract only grows: the first fields stay as they were, new ones are added.
    assert set(out) == {"sources", "new_items", "changed_items", "run_id"}
    assert [set(s) for s in out["sources"]] == [SOURCE_FIELDS] * 3
    by_id = {s["id"]: s for s in out["sources"]}
    assert {k: by_id["press"][k] for k in ("id", "status", "new_items", "error", "changed_items",
                                           "warnings")} == {
        "id": "press", "status": "ok", "new_items": 10, "error": None, "changed_items": 0,
        "warnings": []}
    assert by_id["gone"]["status"] == "error" and "404" in by_id["gone"]["error"]
    assert out["new_items"] == 15

    res = runner.invoke(app, ["scan", "--sources", str(src), "--source", "udep", "--json"])
    [udep] = json.loads(res.stdout)["sources"]
    assert (udep["id"], udep["status"], udep["new_items"], udep["error"]) == (
        "udep", "unchanged", 0, None)

    res = runner.invoke(app, ["digest", "--since", "7d", "--json", "--min-score", "0"])
    assert res.exit_code == 0, res.output
    digest = json.loads(res.stdout)
    assert set(digest) == {"since", "items", "left_out", "threshold"}
    scores = [i["score"] for i in digest["items"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 15
    assert set(digest["items"][0]) == ITEM_FIELDS

    atom = tmp_path / "d.atom"
    res = runner.invoke(app, ["digest", "--format", "atom", "--out", str(atom)])
    assert res.exit_code == 0 and not feedparser.parse(atom.read_bytes()).bozo
    res = runner.invoke(app, ["digest", "--format", "html"])
    assert res.stdout.startswith("<!DOCTYPE html>")


def test_cli_errors_are_one_line_with_non_zero_exit(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    app = make_app(tmp_path / "data")
    res = runner.invoke(app, ["digest"])
    assert res.exit_code == 2 and "msv scan" in res.output
    src = sources_file(tmp_path, server)
    res = runner.invoke(app, ["scan", "--sources", str(src), "--source", "nope"])
    assert res.exit_code == 2 and "nope" in res.output
    res = runner.invoke(app, ["digest", "--format", "pdf"])
    assert res.exit_code == 2 and "md, html eller atom" in res.output


def test_status_history_and_check(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    app = make_app(tmp_path / "data")
    src = sources_file(tmp_path, server)
    assert runner.invoke(app, ["scan", "--sources", str(src), "--json"]).exit_code == 0
    # the government edits one of its feed items: a new version, shown by --history
    body = server.routes["/udep.xml"].body.replace(b"nationell st\xc3\xb6dfunktion", b"regional st\xc3\xb6dfunktion")
    server.add("/udep.xml", body, RSS)
    res = runner.invoke(app, ["scan", "--sources", str(src), "--json"])
    by_id = {s["id"]: s for s in json.loads(res.stdout)["sources"]}
    assert by_id["udep"]["changed_items"] == 1 and by_id["udep"]["new_items"] == 0

    res = runner.invoke(app, ["scan", "--sources", str(src), "--status", "--json"])
    assert res.exit_code == 0, res.output
    status = json.loads(res.stdout)
    assert set(status) == {"schedule", "running", "last_run", "sources"}
    assert status["schedule"]["cron"] == "0 6 * * *" and status["running"] is None
    assert status["last_run"]["new_items"] == 0 and status["last_run"]["trigger"] == "manual"
    rows = {s["id"]: s for s in status["sources"]}
    assert rows["gone"]["status"] == "error" and rows["gone"]["consecutive_failures"] == 2
    assert rows["gone"]["resting_until"] is not None  # two failures in a row: it rests a while
    assert rows["press"]["warnings"] == [] and rows["press"]["verified"] is False
    text = runner.invoke(app, ["scan", "--sources", str(src), "--status"]).output
    assert "Senaste körning" in text and "Borta" in text and "Vilar till" in text

    with ScanStore(tmp_path / "data" / "scan.sqlite") as store:
        item = next(i for i in store.items() if "regional" in i.title)
    res = runner.invoke(app, ["scan", "--history", str(item.id), "--json"])
    history = json.loads(res.stdout)
    assert [v["version"] for v in history["versions"]] == [1, 2]
    assert history["versions"][1]["diff"]["title"] is not None
    res = runner.invoke(app, ["scan", "--history", "9999"])
    assert res.exit_code == 2 and "9999" in res.output

    res = runner.invoke(app, ["scan", "--sources", str(src), "--check", "--json"])
    assert res.exit_code == 1  # one source does not answer
    checks = {c["id"]: c for c in json.loads(res.stdout)["sources"]}
    assert checks["udep"]["ok"] and checks["udep"]["entries"] == 5
    assert not checks["gone"]["ok"] and "404" in checks["gone"]["error"]


def test_a_second_scan_waits_for_none_and_says_who_holds_the_lock(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    app = make_app(tmp_path / "data")
    src = sources_file(tmp_path, server)
    with ScanJob(tmp_path / "data" / "scan.sqlite").lock.hold("schedule"):
        res = runner.invoke(app, ["scan", "--sources", str(src)])
    assert res.exit_code == 1
    assert "en annan bevakning körs redan" in res.output and f"pid {os.getpid()}" in res.output
    assert runner.invoke(app, ["scan", "--sources", str(src), "--json"]).exit_code == 0


def test_ingest_adds_new_items_and_replaces_changed_ones_with_their_history(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    from ingest.kb import KnowledgeBase

    runner = CliRunner()
    app = make_app(tmp_path / "data")
    src = sources_file(tmp_path, server)
    res = runner.invoke(app, ["scan", "--sources", str(src), "--source", "udep", "--ingest", "--min-score", "0",
                              "--json"])
    assert res.exit_code == 0, res.output
    assert [d["status"] for d in json.loads(res.stdout)["ingested"]] == ["added"] * 5
    body = server.routes["/udep.xml"].body.replace(b"nationell st\xc3\xb6dfunktion", b"regional st\xc3\xb6dfunktion")
    server.add("/udep.xml", body, RSS)
    res = runner.invoke(app, ["scan", "--sources", str(src), "--source", "udep", "--ingest", "--min-score", "0",
                              "--json"])
    [changed] = json.loads(res.stdout)["ingested"]
    assert changed["status"] == "updated" and "regional" in changed["title"]
    with KnowledgeBase.open(tmp_path / "data") as kb:
        hits = kb.search("Ändringshistorik nationell stödfunktion regional", 3)
        assert any(h.doc_id == changed["doc_id"] and "«nationell» → «regional»" in h.text for h in hits)
        assert len(kb.documents()) == 5  # the same document, replaced: the KB keeps the current version
