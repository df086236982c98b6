"""Scheduled scans: an APScheduler background job in APScheduler's own SQLAlchemy job store,
by default daily at 06:00 Europe/Stockholm.

Several processes may share one data directory (two `msv serve`): each scheduled time is scanned
once, because the job runs under the directory's scan lock and records the time it stands for.
A run missed while no process was up is made once when one starts (coalesced, however late).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from filelock import FileLock

from scanners.errors import ScanConfigError
from scanners.fetch import USER_AGENT
from scanners.job import Enrichment, ScanJob
from scanners.run import DEFAULT_SOURCE_BUDGET, Budget
from scanners.schema import now_utc

log = logging.getLogger(__name__)

JOB_ID = "msv-scan"
DEFAULT_CRON = "0 6 * * *"
DEFAULT_TIMEZONE = "Europe/Stockholm"
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}

# The knowledge base of the process the scheduler runs in, by scan database: a persisted job
# holds only plain values, so what cannot be pickled is looked up here when the job runs.
_ENRICHMENT: dict[str, Enrichment] = {}


def trigger(cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE) -> CronTrigger:
    """A crontab line in `timezone` (six fields: seconds first). Write weekdays as names
    (mon-fri): APScheduler 3 counts numeric weekdays from Monday = 0, unlike classic cron."""
    fields = cron.split()
    try:
        if len(fields) == 6:
            second, minute, hour, day, month, dow = fields
            return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month,
                               day_of_week=dow, timezone=timezone)
        return CronTrigger.from_crontab(cron, timezone=timezone)
    except (ValueError, KeyError, TypeError) as e:
        raise ScanConfigError("schedule", f"invalid cron {cron!r} or timezone {timezone!r}: "
                                          f"{e}") from e


def previous_fire_time(trig: CronTrigger, now: datetime) -> datetime | None:
    """The latest scheduled time at or before `now`: the slot a run made now stands for."""
    step = timedelta(minutes=2)
    while step <= timedelta(days=800):
        t = trig.get_next_fire_time(None, now - step)
        if t is not None and t <= now:
            while True:
                nxt = trig.get_next_fire_time(t, t + timedelta(microseconds=1))
                if nxt is None or nxt > now:
                    return t
                t = nxt
        step *= 2
    return None


def run_scheduled_scan(db_path: str, sources_path: str | None = None,
                       topics_path: str | None = None, cron: str | None = None,
                       timezone: str = DEFAULT_TIMEZONE, user_agent: str = USER_AGENT,
                       source_budget: float = DEFAULT_SOURCE_BUDGET,
                       scan_budget: float | None = None) -> dict[str, Any] | None:
    """The job body (referenced by name so the job store can persist it). Waits for a scan in
    progress, then scans unless another process has already made this scheduled time."""
    slot = previous_fire_time(trigger(cron, timezone), now_utc()) if cron else None
    job = ScanJob(Path(db_path), Path(sources_path) if sources_path else None,
                  Path(topics_path) if topics_path else None, user_agent,
                  Budget(source_budget, scan_budget))
    report = job.run(trigger="schedule", slot=slot,
                     enrichment=_ENRICHMENT.get(str(Path(db_path).resolve())),
                     wait=(scan_budget or 3600.0) + 60)
    if report is None:
        return None
    log.info("scheduled scan: %d sources, %d new items, %d changed, %d errors",
             len(report.results), report.new_items, report.changed_items, len(report.errors))
    return report.to_json()


def job_store(jobs_path: str | Path) -> SQLAlchemyJobStore:
    return SQLAlchemyJobStore(url=f"sqlite:///{Path(jobs_path).resolve()}")


def start_scheduler(db_path: str | Path, jobs_path: str | Path,
                    sources_path: str | Path | None = None,
                    topics_path: str | Path | None = None, cron: str = DEFAULT_CRON,
                    timezone: str = DEFAULT_TIMEZONE, *, user_agent: str = USER_AGENT,
                    budget: Budget = Budget(),
                    enrichment: Enrichment | None = None) -> BackgroundScheduler:
    """Start a background scheduler that scans on `cron` (in `timezone`); returns it so the
    app can `shutdown()` it. The job lives in `jobs_path`; restarting replaces its schedule but
    keeps a missed run, which is then made once."""
    trig = trigger(cron, timezone)
    if enrichment is not None:
        _ENRICHMENT[str(Path(db_path).resolve())] = enrichment
    Path(jobs_path).parent.mkdir(parents=True, exist_ok=True)
    scheduler = BackgroundScheduler(jobstores={"default": job_store(jobs_path)},
                                    job_defaults=JOB_DEFAULTS, timezone=timezone)
    # Two processes starting at once would both create the job store's table (and both read a
    # missed run): opening the store and placing the job is one step across processes.
    with FileLock(f"{Path(jobs_path).resolve()}.start.lock", mode=0o600):
        scheduler.start(paused=True)  # open the store, run nothing until the job is in place
        stored = scheduler.get_job(JOB_ID)
        missed = (stored.next_run_time if stored is not None and stored.next_run_time is not None
                  and stored.next_run_time <= now_utc() else None)
        scheduler.add_job(
            "scanners.schedule:run_scheduled_scan", trigger=trig, id=JOB_ID,
            name="Omvärldsbevakning", replace_existing=True,
            kwargs={"db_path": str(db_path),
                    "sources_path": str(sources_path) if sources_path else None,
                    "topics_path": str(topics_path) if topics_path else None,
                    "cron": cron, "timezone": timezone, "user_agent": user_agent,
                    "source_budget": budget.source, "scan_budget": budget.scan},
            **({"next_run_time": missed} if missed else {}))
    scheduler.resume()
    log.info("scan scheduled (%s, %s); next run %s%s", cron, timezone,
             scheduler.get_job(JOB_ID).next_run_time, " (a missed run, now)" if missed else "")
    return scheduler


def next_run(jobs_path: str | Path, timezone: str = DEFAULT_TIMEZONE) -> datetime | None:
    """When the scheduled scan runs next, read from the job store without starting anything."""
    if not Path(jobs_path).exists():
        return None
    store = job_store(jobs_path)
    store.start(BackgroundScheduler(timezone=timezone), "default")
    try:
        return store.get_next_run_time()
    finally:
        store.shutdown()
