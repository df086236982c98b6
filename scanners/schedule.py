"""Scheduled scans: an APScheduler background job kept in a small SQLite job store (no
SQLAlchemy), by default daily at 06:00 Europe/Stockholm."""

from __future__ import annotations

import logging
import pickle
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from apscheduler.job import Job
from apscheduler.jobstores.base import BaseJobStore, ConflictingIdError, JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.util import datetime_to_utc_timestamp, utc_timestamp_to_datetime

from scanners.errors import ScanConfigError

log = logging.getLogger(__name__)

JOB_ID = "msv-scan"
DEFAULT_CRON = "0 6 * * *"
DEFAULT_TIMEZONE = "Europe/Stockholm"


class SQLiteJobStore(BaseJobStore):  # type: ignore[misc]
    """APScheduler 3 job store in one SQLite table; jobs survive restarts of the app."""

    def __init__(self, path: str | Path, pickle_protocol: int = pickle.HIGHEST_PROTOCOL) -> None:
        super().__init__()
        self.path = Path(path)
        self.pickle_protocol = pickle_protocol
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None

    def start(self, scheduler: Any, alias: str) -> None:
        super().start(scheduler, alias)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        with self._lock, self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS apscheduler_jobs (id TEXT PRIMARY KEY,"
                             " next_run_time REAL, job_state BLOB NOT NULL)")
            self._db.execute("CREATE INDEX IF NOT EXISTS apscheduler_next "
                             "ON apscheduler_jobs(next_run_time)")

    def _x(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        assert self._db is not None, "job store not started"
        with self._lock, self._db:
            return self._db.execute(sql, args)

    def lookup_job(self, job_id: str) -> Job | None:
        row = self._x("SELECT job_state FROM apscheduler_jobs WHERE id=?", (job_id,)).fetchone()
        return self._reconstitute(row[0]) if row else None

    def get_due_jobs(self, now: datetime) -> list[Job]:
        return self._jobs("WHERE next_run_time <= ?", (datetime_to_utc_timestamp(now),))

    def get_next_run_time(self) -> datetime | None:
        row = self._x("SELECT next_run_time FROM apscheduler_jobs WHERE next_run_time IS NOT "
                      "NULL ORDER BY next_run_time LIMIT 1").fetchone()
        return utc_timestamp_to_datetime(row[0]) if row else None

    def get_all_jobs(self) -> list[Job]:
        jobs = self._jobs()
        self._fix_paused_jobs_sorting(jobs)
        return jobs

    def add_job(self, job: Job) -> None:
        try:
            self._x("INSERT INTO apscheduler_jobs VALUES (?,?,?)",
                    (job.id, datetime_to_utc_timestamp(job.next_run_time),
                     pickle.dumps(job.__getstate__(), self.pickle_protocol)))
        except sqlite3.IntegrityError as e:
            raise ConflictingIdError(job.id) from e

    def update_job(self, job: Job) -> None:
        cur = self._x("UPDATE apscheduler_jobs SET next_run_time=?, job_state=? WHERE id=?",
                      (datetime_to_utc_timestamp(job.next_run_time),
                       pickle.dumps(job.__getstate__(), self.pickle_protocol), job.id))
        if cur.rowcount == 0:
            raise JobLookupError(job.id)

    def remove_job(self, job_id: str) -> None:
        if self._x("DELETE FROM apscheduler_jobs WHERE id=?", (job_id,)).rowcount == 0:
            raise JobLookupError(job_id)

    def remove_all_jobs(self) -> None:
        self._x("DELETE FROM apscheduler_jobs")

    def shutdown(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _reconstitute(self, blob: bytes) -> Job:
        state = pickle.loads(blob)  # noqa: S301 - our own file, written by this class
        state["jobstore"] = self
        job = Job.__new__(Job)
        job.__setstate__(state)
        job._scheduler = self._scheduler  # noqa: SLF001 - as APScheduler's own stores do
        job._jobstore_alias = self._alias  # noqa: SLF001
        return job

    def _jobs(self, where: str = "", args: tuple[Any, ...] = ()) -> list[Job]:
        jobs, broken = [], []
        for job_id, blob in self._x(f"SELECT id, job_state FROM apscheduler_jobs {where} "
                                    "ORDER BY next_run_time", args).fetchall():
            try:
                jobs.append(self._reconstitute(blob))
            except Exception:  # noqa: BLE001 - a job from an older code version
                log.exception("scheduled job %s cannot be restored; removing it", job_id)
                broken.append(job_id)
        for job_id in broken:
            self._x("DELETE FROM apscheduler_jobs WHERE id=?", (job_id,))
        return jobs


def run_scheduled_scan(db_path: str, sources_path: str | None = None,
                       topics_path: str | None = None) -> dict[str, Any]:
    """The job body (referenced by name so the job store can persist it)."""
    from scanners.fetch import Fetcher, FetchPolicy
    from scanners.relevance import load_scorer
    from scanners.run import scan
    from scanners.sources import load_sources

    configs = load_sources(sources_path)
    with Fetcher(FetchPolicy()) as fetcher:
        report = scan(configs, db_path, fetcher, scorer=load_scorer(topics_path))
    log.info("scheduled scan: %d sources, %d new items, %d errors", len(report.results),
             report.new_items, len(report.errors))
    return report.to_json()


def trigger(cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE) -> CronTrigger:
    """A crontab line in `timezone`. Write weekdays as names (mon-fri): APScheduler 3 counts
    numeric weekdays from Monday = 0, unlike classic cron."""
    try:
        return CronTrigger.from_crontab(cron, timezone=timezone)
    except (ValueError, KeyError) as e:
        raise ScanConfigError("schedule", f"invalid cron {cron!r} or timezone {timezone!r}: "
                                          f"{e}") from e


def start_scheduler(db_path: str | Path, jobs_path: str | Path,
                    sources_path: str | Path | None = None,
                    topics_path: str | Path | None = None, cron: str = DEFAULT_CRON,
                    timezone: str = DEFAULT_TIMEZONE) -> BackgroundScheduler:
    """Start a background scheduler that scans on `cron` (in `timezone`); returns it so the
    app can `shutdown()` it. The job lives in `jobs_path`; restarting replaces its schedule."""
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLiteJobStore(jobs_path)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone=timezone)
    scheduler.add_job(
        "scanners.schedule:run_scheduled_scan", trigger=trigger(cron, timezone), id=JOB_ID,
        name="Omvärldsbevakning", replace_existing=True,
        kwargs={"db_path": str(db_path),
                "sources_path": str(sources_path) if sources_path else None,
                "topics_path": str(topics_path) if topics_path else None})
    scheduler.start()
    log.info("scan scheduled (%s, %s); next run %s", cron, timezone,
             scheduler.get_job(JOB_ID).next_run_time)
    return scheduler
