"""`msv serve` wiring: the Omvärldsbevakning tab is on by default and the scan job is scheduled
(daily 06:00 Europe/Stockholm) without fetching anything at start-up."""

from __future__ import annotations

import http.server
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import typer
from typer.testing import CliRunner

from assistant.cli.assist import add_commands, start_scan_schedule
from assistant.settings import Settings
from assistant.web.digest_tab import build_digest_tab
from scanners.schedule import JOB_ID
from scanners.store import ScanStore


class _Kb:
    """The session knowledge base behind a close() that leaves it open."""

    def __init__(self, kb) -> None:  # type: ignore[no-untyped-def]
        self.kb = kb

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.kb, name)

    def close(self) -> None:
        pass


def test_serve_adds_the_tab_and_schedules_without_fetching(browser_kb, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    import assistant.web.app

    seen: dict[str, object] = {}

    def fake_serve(kb, settings, *, host, port, on_ready, extra_tabs, kb_lock, allow_open, indexing):  # type: ignore[no-untyped-def]
        time.sleep(0.5)  # a start-up scan would have begun by now
        seen.update(extra_tabs=list(extra_tabs), jobs=(tmp_path / "scan-jobs.sqlite").exists(), kb_lock=kb_lock,
                    allow_open=allow_open, indexing=indexing,
                    scan_db=(tmp_path / "scan.sqlite").exists())

    monkeypatch.setattr(assistant.web.app, "serve", fake_serve)
    app = typer.Typer()
    add_commands(app, lambda: Settings(data_dir=tmp_path), lambda: _Kb(browser_kb))
    result = CliRunner().invoke(app, ["serve", "--port", "9"])
    assert result.exit_code == 0, result.output
    assert build_digest_tab in seen["extra_tabs"]
    assert {t.__name__ for t in seen["extra_tabs"]} >= {"build_decisions_tab", "build_status_tab"}
    assert seen["jobs"] is True  # the persistent job store exists: the job is scheduled
    assert seen["kb_lock"] is not None  # the app and the scheduled scan share one lock on the KB
    assert seen["allow_open"] is False  # no open app unless asked for
    assert seen["indexing"] is None  # a knowledge base that holds documents is not indexed again
    assert "06:00" in result.output
    if seen["scan_db"]:  # nothing scanned: no run recorded
        with ScanStore(tmp_path / "scan.sqlite") as store:
            assert store.last_runs() == []


def test_scheduler_fetches_nothing_at_start(tmp_path: Path, static_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    base, root = static_server
    (root / "wiring.xml").write_text("<rss version='2.0'><channel><title>t</title></channel></rss>")
    sources = tmp_path / "sources.toml"
    sources.write_text(f"[[source]]\nid = 'w'\nname = 'W'\nkind = 'rss'\nurl = '{base}/wiring.xml'\n")
    hits: list[str] = []
    original = http.server.SimpleHTTPRequestHandler.do_GET

    def counting(self):  # type: ignore[no-untyped-def]
        hits.append(self.path)
        return original(self)

    monkeypatch.setattr(http.server.SimpleHTTPRequestHandler, "do_GET", counting)
    scheduler = start_scan_schedule(Settings(data_dir=tmp_path, scan_sources=sources))
    assert scheduler is not None
    try:
        job = scheduler.get_job(JOB_ID)
        local = job.next_run_time.astimezone(ZoneInfo("Europe/Stockholm"))
        assert (local.hour, local.minute) == (6, 0)
        time.sleep(1.0)
    finally:
        scheduler.shutdown(wait=False)
    assert hits == []  # only on schedule, never at start-up
    assert start_scan_schedule(Settings(data_dir=tmp_path, scan_enabled=False)) is None
