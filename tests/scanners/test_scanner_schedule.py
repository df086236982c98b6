"""The scheduled scan: cron in Europe/Stockholm in APScheduler's own job store, one scan at a
time per data directory across processes (a lock a crashed holder cannot keep), each scheduled
time scanned once, a missed run caught up once at start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from scanner_fixtures import FEEDS

from scanners.errors import ScanConfigError
from scanners.lock import ScanBusy, ScanLock
from scanners.schedule import JOB_ID, job_store, next_run, previous_fire_time, run_scheduled_scan, start_scheduler, trigger
from scanners.store import ScanStore, now_utc

RSS = "application/rss+xml"


def feed_sources(tmp_path: Path, server, delay: float = 0.0) -> Path:  # type: ignore[no-untyped-def]
    body = (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml").read_bytes()
    if delay:
        def slow(h) -> None:  # type: ignore[no-untyped-def]
            time.sleep(delay)  # long enough for two processes' runs to overlap
            h.send_response(200)
            h.send_header("Content-Type", RSS)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        server.handle("/udep.xml", slow)
    else:
        server.add("/udep.xml", body, RSS)
    sources = tmp_path / "s.toml"
    sources.write_text(f"[[source]]\nid = 'udep'\nname = 'U'\nkind = 'rss'\n"
                       f"url = '{server.url('/udep.xml')}'\n")
    return sources


def wait_for(condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Poll until `condition()` holds; a generous bound, never a timed assertion."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"condition not met within {seconds:g} s")
        time.sleep(0.1)


def scheduled_runs(db: Path) -> list[dict]:
    if not db.exists():
        return []
    with ScanStore(db) as store:
        return [r for r in store.last_runs(1000) if r["trigger"] == "schedule"]


def test_job_is_scheduled_daily_at_six_and_persisted(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.sqlite"
    scheduler = start_scheduler(tmp_path / "scan.sqlite", jobs)
    try:
        planned = scheduler.get_job(JOB_ID).next_run_time
        local = planned.astimezone(ZoneInfo("Europe/Stockholm"))
        assert (local.hour, local.minute) == (6, 0)
    finally:
        scheduler.shutdown(wait=False)
    assert next_run(jobs) == planned  # read back from APScheduler's own store, nothing started
    again = start_scheduler(tmp_path / "scan.sqlite", jobs, cron="30 7 * * mon")
    try:
        local = again.get_job(JOB_ID).next_run_time.astimezone(ZoneInfo("Europe/Stockholm"))
        assert (local.weekday(), local.hour, local.minute) == (0, 7, 30)
        assert len(again.get_jobs()) == 1
    finally:
        again.shutdown(wait=False)


@pytest.mark.parametrize("cron", ["varje morgon", "0 25 * * *", "1 2 3"])
def test_bad_cron_is_a_config_error(tmp_path: Path, cron: str) -> None:
    with pytest.raises(ScanConfigError, match="cron"):
        start_scheduler(tmp_path / "s.sqlite", tmp_path / "j.sqlite", cron=cron)


def test_previous_fire_time_is_the_slot_a_run_stands_for() -> None:
    now = now_utc().replace(microsecond=0)
    daily = trigger("0 6 * * *", "UTC")
    slot = previous_fire_time(daily, now)
    assert slot is not None and slot <= now < slot + timedelta(days=1)
    assert (slot.hour, slot.minute) == (6, 0)
    every_two = previous_fire_time(trigger("*/2 * * * * *", "UTC"), now)
    assert every_two is not None and now - every_two < timedelta(seconds=2)


def test_job_body_scans(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    out = run_scheduled_scan(str(tmp_path / "scan.sqlite"), str(feed_sources(tmp_path, server)))
    assert out is not None and out["new_items"] == 5
    with ScanStore(tmp_path / "scan.sqlite") as s:
        assert len(s.items()) == 5 and s.items()[0].score is not None


def test_a_missed_run_is_caught_up_once_at_start(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    db, jobs = tmp_path / "scan.sqlite", tmp_path / "jobs.sqlite"
    sources = feed_sources(tmp_path, server)
    scheduler = start_scheduler(db, jobs, sources, cron="0 6 * * *")
    scheduler.shutdown(wait=False)
    # While "stopped", 06:00 passed twice: the stored job still points at the first of them.
    store = job_store(jobs)
    store.start(scheduler, "default")
    job = store.lookup_job(JOB_ID)
    job.next_run_time = job.next_run_time - timedelta(days=2)
    store.update_job(job)
    store.shutdown()

    restarted = start_scheduler(db, jobs, sources, cron="0 6 * * *")
    try:
        wait_for(lambda: len(scheduled_runs(db)) >= 1 and scheduled_runs(db)[0]["finished_at"])
        time.sleep(1.0)  # room for a second (wrong) catch-up run to show itself
        upcoming = restarted.get_job(JOB_ID).next_run_time
    finally:
        restarted.shutdown(wait=True)
    runs = scheduled_runs(db)
    assert len(runs) == 1 and runs[0]["new_items"] == 5  # once, however many were missed
    assert upcoming > now_utc()


CHILD = textwrap.dedent("""
    import sys, time
    from scanners.schedule import start_scheduler
    db, jobs, sources, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    scheduler = start_scheduler(db, jobs, sources, cron="*/2 * * * * *", timezone="UTC")
    print("started", flush=True)
    time.sleep(seconds)
    scheduler.shutdown(wait=True)
""")


def test_two_processes_scan_each_scheduled_time_once(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    """Two app processes on one data directory, a scan every other second that takes half a
    second: every scheduled time appears once in the runs, never twice."""
    db, jobs = tmp_path / "scan.sqlite", tmp_path / "jobs.sqlite"
    sources = feed_sources(tmp_path, server, delay=0.5)
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(jobs), str(sources), "16"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    try:
        for p in procs:
            out, errors = p.communicate(timeout=120)
            assert p.returncode == 0, errors
            assert "started" in out
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    runs = scheduled_runs(db)
    slots = [r["slot"] for r in runs]
    assert len(runs) >= 2, runs
    assert len(slots) == len(set(slots)), sorted(slots)
    assert all(r["finished_at"] for r in runs)


HOLDER = textwrap.dedent("""
    import sys, time
    from scanners.lock import ScanLock
    with ScanLock(sys.argv[1]).hold("schedule"):
        print("held", flush=True)
        time.sleep(120)
""")


def test_a_crashed_holder_cannot_keep_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "scan.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        lock = ScanLock(path)
        assert lock.held()
        with pytest.raises(ScanBusy, match=f"pid {holder.pid}"):
            with lock.hold():
                pass
        os.kill(holder.pid, signal.SIGKILL)  # a crash: no clean-up code runs
        holder.wait(timeout=30)
        with lock.hold("manual"):
            assert lock.held() and lock.holder()["pid"] == os.getpid()  # type: ignore[index]
        assert not lock.held()
    finally:
        if holder.poll() is None:
            holder.kill()
