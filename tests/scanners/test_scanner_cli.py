"""`msv scan` and `msv digest` through typer, with the exact JSON contracts of the issue."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import typer
from scanner_fixtures import FEEDS, lead, markdown_to_html, pick_records, record_date, rss_feed
from typer.testing import CliRunner

from assistant.cli.scan import add_commands
from assistant.settings import Settings

RSS = "application/rss+xml; charset=utf-8"


def make_app(data_dir: Path) -> typer.Typer:
    app = typer.Typer()
    add_commands(app, lambda: Settings(data_dir=data_dir))

    @app.command("noop")
    def _noop() -> None:  # typer needs two commands to keep subcommand names
        pass

    return app


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
    assert set(out) == {"sources", "new_items"}
    assert [set(s) for s in out["sources"]] == [{"id", "status", "new_items", "error"}] * 3
    by_id = {s["id"]: s for s in out["sources"]}
    assert by_id["press"] == {"id": "press", "status": "ok", "new_items": 10, "error": None}
    assert by_id["gone"]["status"] == "error" and "404" in by_id["gone"]["error"]
    assert out["new_items"] == 15

    res = runner.invoke(app, ["scan", "--sources", str(src), "--source", "udep", "--json"])
    assert json.loads(res.stdout)["sources"] == [
        {"id": "udep", "status": "unchanged", "new_items": 0, "error": None}]

    res = runner.invoke(app, ["digest", "--since", "7d", "--json", "--min-score", "0"])
    assert res.exit_code == 0, res.output
    digest = json.loads(res.stdout)
    assert set(digest) == {"since", "items"}
    scores = [i["score"] for i in digest["items"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 15
    assert set(digest["items"][0]) == {"title", "url", "source", "sources", "published",
                                       "topics", "score", "reason", "summary"}

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
