"""*Kör bevakningen nu*: the scan the schedule would make (same sources, manners, budgets and
knowledge-base enrichment), started from the Omvärldsbevakning tab in the background; and when
the schedule runs next."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from scanners.digest import plural
from scanners.errors import ScanError
from scanners.fetch import user_agent
from scanners.job import Enrichment, ScanJob, kb_enrichment
from scanners.lock import ScanBusy
from scanners.run import Budget, ScanReport
from scanners.schedule import trigger

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)


def next_run_text(settings: Settings, now: datetime | None = None) -> str:
    """When the scheduled scan runs next, in words, from the schedule in the settings."""
    if not settings.scan_enabled:
        return "Den schemalagda bevakningen är avstängd (inställningen scan_enabled)."
    try:
        tz = ZoneInfo(settings.scan_timezone)
        nxt = trigger(settings.scan_schedule, settings.scan_timezone).get_next_fire_time(
            None, now or datetime.now(tz))
    except (ScanError, ValueError, KeyError) as e:
        return f"Schemat kunde inte läsas: {e}"
    if nxt is None:
        return "Ingen fler schemalagd körning."
    return f"Nästa schemalagda körning: {nxt.astimezone(tz):%Y-%m-%d %H:%M} ({settings.scan_timezone})."


def report_text(report: ScanReport) -> str:
    return (f"Bevakningen är klar: {plural(len(report.results), 'källa', 'källor')}, "
            f"{plural(report.new_items, 'ny nyhet', 'nya nyheter')}, "
            f"{plural(report.changed_items, 'ändrad', 'ändrade')}, {len(report.errors)} fel.")


class ScanNow:
    """One background scan at a time; the data directory's scan lock keeps it from running
    beside a scheduled one (or one in another process)."""

    def __init__(self, job: ScanJob | None, enrichment: Enrichment | None = None, problem: str = "") -> None:
        self.job = job
        self.enrichment = enrichment
        self.problem = problem  # why no scan can be made (a bad setting), shown instead
        self.message = ""
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, kb: Any, settings: Settings, lock: Any = None) -> ScanNow:
        try:
            agent = user_agent(settings.scan_contact)
        except ScanError as e:
            return cls(None, problem=f"{e}; rätta MSV_SCAN_CONTACT")
        job = ScanJob(Path(settings.scan_db), settings.scan_sources, None, agent,
                      Budget(settings.scan_source_budget, settings.scan_budget))
        enrichment = kb_enrichment(kb, lock, ingest=True) if kb is not None and settings.scan_ingest else None
        return cls(job, enrichment)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> str:
        if self.job is None:
            return f"Bevakningen kan inte köras: {self.problem}"
        with self._lock:
            if self.running:
                return "En bevakning pågår redan; sammanställningen uppdateras när den är klar."
            self.message = "Bevakningen körs …"
            self._thread = threading.Thread(target=self._run, name="kor-bevakningen-nu", daemon=True)
            self._thread.start()
        return self.message

    def wait(self, timeout: float) -> str:
        """The outcome once the scan ends, or that it still runs after ``timeout`` seconds."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        if self.running:
            return "Bevakningen pågår fortfarande; tryck Uppdatera om en stund."
        return self.message

    def _run(self) -> None:
        assert self.job is not None
        try:
            report = self.job.run(trigger="manual", enrichment=self.enrichment)
            self.message = report_text(report) if report is not None else "Bevakningen gjordes redan."
        except ScanBusy as e:
            self.message = f"En annan bevakning pågår redan: {e}"
        except ScanError as e:
            self.message = f"Bevakningen misslyckades: {e}"
        except Exception as e:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("scan from the app failed")
            self.message = f"Bevakningen misslyckades: {e}"
