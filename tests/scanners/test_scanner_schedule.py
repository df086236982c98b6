"""The scheduled scan: cron in Europe/Stockholm, persisted in a SQLite job store."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from scanner_fixtures import FEEDS

from scanners.errors import ScanConfigError
from scanners.schedule import JOB_ID, SQLiteJobStore, run_scheduled_scan, start_scheduler
from scanners.store import ScanStore


def test_job_is_scheduled_daily_at_six_and_persisted(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.sqlite"
    scheduler = start_scheduler(tmp_path / "scan.sqlite", jobs)
    try:
        job = scheduler.get_job(JOB_ID)
        local = job.next_run_time.astimezone(ZoneInfo("Europe/Stockholm"))
        assert (local.hour, local.minute) == (6, 0)
    finally:
        scheduler.shutdown(wait=False)
    store = SQLiteJobStore(jobs)
    store.start(scheduler, "default")
    try:
        assert [j.id for j in store.get_all_jobs()] == [JOB_ID]
    finally:
        store.shutdown()
    again = start_scheduler(tmp_path / "scan.sqlite", jobs, cron="30 7 * * mon")
    try:
        local = again.get_job(JOB_ID).next_run_time.astimezone(ZoneInfo("Europe/Stockholm"))
        assert (local.weekday(), local.hour, local.minute) == (0, 7, 30)
        assert len(again.get_jobs()) == 1
    finally:
        again.shutdown(wait=False)


def test_bad_cron_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ScanConfigError, match="cron"):
        start_scheduler(tmp_path / "s.sqlite", tmp_path / "j.sqlite", cron="varje morgon")


def test_job_body_scans(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    server.add("/udep.xml", (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml")
               .read_bytes(), "application/rss+xml")
    sources = tmp_path / "s.toml"
    sources.write_text(f"[[source]]\nid = 'udep'\nname = 'U'\nkind = 'rss'\n"
                       f"url = '{server.url('/udep.xml')}'\n")
    out = run_scheduled_scan(str(tmp_path / "scan.sqlite"), str(sources))
    assert out["new_items"] == 5
    with ScanStore(tmp_path / "scan.sqlite") as s:
        assert len(s.items()) == 5 and s.items()[0].score is not None
