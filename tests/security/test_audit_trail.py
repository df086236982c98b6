"""Every read path, administration act and refusal leaves a line in audit.jsonl (who, what, when,
which documents by id, never a password), in the app and at the command line, and `msv audit`
reads it back by user and time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from security_fixtures import PASSWORD, World
from security_http import CallError, call, file_ref, links, running_app, sign_in, upload
from typer.testing import CliRunner

from assistant.access.audit import AuditLog
from assistant.access.users import UserStore
from assistant.cli import audit as cli_audit
from assistant.web.digest_tab import build_digest_tab
from assistant.web.records_tabs import build_decisions_tab, build_status_tab

APP_READS = {"search", "ask", "memo", "documents", "stats", "decisions", "status", "digest", "download", "upload",
             "refused", "login", "logout"}


@pytest.fixture(scope="module")
def vera(world: World) -> Iterator[str]:
    """A reader of the steering group's documents, and everything she does in the app."""
    store = UserStore.from_settings(world.settings)
    store.add("vera", PASSWORD, ["styrgrupp"])
    with running_app(world, tabs=[build_digest_tab, build_decisions_tab, build_status_tab]) as url:
        c = sign_in(url, "vera")
        call(c, "search", "Kvastfenix", 5, "", "", "", "")
        call(c, "ask", "Vad beslutade styrgruppen om Kvastfenix?", [], [])
        _, downloads = call(c, "memo", "Kvastfenix")
        assert c.get(links(downloads)[0]).status_code == 200
        assert c.get("msv/export/" + "x" * 32 + "/PM.md").status_code == 404
        call(c, "documents")
        call(c, "filter_choices")
        call(c, "decisions", "Kvastfenix", "", "", "")
        call(c, "status", "")
        call(c, "digest", "30d", "", "", False)
        call(c, "upload", [file_ref(upload(c, "veras.md", b"# Veras\n\nAnteckning."), "veras.md")], ["styrgrupp"])
        with pytest.raises(CallError):
            call(c, "users_add", "x", "alla", "", "lösenord-123")
        c.get("logout")
    yield "vera"
    store.remove("vera")
    for d in world.kb.documents():  # her upload would change the other modules' counts
        if "/uploads/vera/" in d.source:
            world.kb.remove(d.doc_id)


def test_every_app_path_is_in_the_log(world: World, vera: str) -> None:
    entries = AuditLog.from_settings(world.settings).entries(user=vera)
    assert APP_READS <= {e["action"] for e in entries}
    styr = world.doc_ids["styr"]
    for action in ("search", "ask", "memo", "documents", "decisions", "download"):
        shown = [e for e in entries if e["action"] == action]
        assert any(styr in e["doc_ids"] for e in shown), (action, shown)
    assert all(e["ts"] and e["user"] == vera for e in entries)
    text = (world.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert PASSWORD not in text and "lösenord-123" not in text


def test_cli_reads_are_in_the_log(world: World, cli_app: Any) -> None:
    for args in (["decisions", "Kvastfenix", "--json"], ["status", "--json"], ["stats", "--json"],
                 ["digest", "--since", "30d", "--json"], ["search", "Kvastfenix", "--json"]):
        assert CliRunner().invoke(cli_app, [*args, "--user", "anna"]).exit_code == 0
    assert CliRunner().invoke(cli_app, ["search", "x", "--user", "mallory"]).exit_code == 1
    log = AuditLog.from_settings(world.settings)
    mine = log.entries(user="anna")
    assert {"decisions", "status", "stats", "digest", "search"} <= {e["action"] for e in mine}
    decisions = [e for e in mine if e["action"] == "decisions"]
    assert world.doc_ids["styr"] in decisions[-1]["doc_ids"]
    assert [e for e in log.entries(user="mallory") if e["action"] == "refused"]


def _audit_app(world: World) -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _main() -> None:
        pass

    cli_audit.add_commands(app, lambda: world.settings)
    return app


def test_msv_audit_filters_by_user_and_time(world: World, vera: str) -> None:
    app = _audit_app(world)
    r = CliRunner().invoke(app, ["audit", "--user", vera, "--json"])
    assert r.exit_code == 0, r.output
    entries = json.loads(r.stdout)["entries"]
    assert entries and {e["user"] for e in entries} == {vera} and APP_READS <= {e["action"] for e in entries}
    recent = json.loads(CliRunner().invoke(app, ["audit", "--user", vera, "--since", "1h", "--json"]).stdout)
    assert len(recent["entries"]) == len(entries)
    assert json.loads(CliRunner().invoke(app, ["audit", "--since", "2999-01-01", "--json"]).stdout) == {"entries": []}
    human = CliRunner().invoke(app, ["audit", "--user", vera])
    assert "memo Kvastfenix" in human.stdout and f"{len(entries)} rader" in human.stderr
    bad = CliRunner().invoke(app, ["audit", "--since", "igår"])
    assert bad.exit_code == 1 and "--since 'igår'" in bad.output and len(bad.output.strip().splitlines()) == 1
    assert AuditLog.from_settings(world.settings).entries()[-1]["action"] == "audit"  # reading it is audited too


def test_a_damaged_line_does_not_hide_the_rest(tmp_path) -> None:  # type: ignore[no-untyped-def]
    log = AuditLog(tmp_path / "audit.jsonl")
    log.record("a", "search", "x")
    with log.path.open("a", encoding="utf-8") as f:
        f.write("{inte json\n")
    log.record("b", "search", "y")
    assert [e["user"] for e in log.entries()] == ["a", "b"]
    assert log.path.stat().st_mode & 0o077 == 0
