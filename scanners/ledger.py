"""The scanner database's book-keeping: each source's state and health (validators, failures,
back-off), the runs with their per-source results and warnings, and the readers' marks. A base of
``ScanStore``; it shares the store's connection and lock."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from scanners.errors import ScanError
from scanners.fetch import Validators
from scanners.schema import iso, now_utc, parse_dt

BACKOFF_BASE = timedelta(minutes=30)
BACKOFF_MAX = timedelta(days=7)


def backoff(failures: int, base: timedelta = BACKOFF_BASE,
            cap: timedelta = BACKOFF_MAX) -> timedelta:
    """How long a source rests after `failures` failures in a row: none after the first (the next
    scan tries again), then 30 min doubling to at most a week."""
    if failures <= 1:
        return timedelta(0)
    return min(cap, base * 2 ** (failures - 2))


@dataclass
class SourceHealth:
    id: str
    name: str
    last_status: str | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    retry_after: datetime | None = None  # the server asked us to wait until then
    # from the source's latest run
    warnings: list[str] = field(default_factory=list)
    seconds: float | None = None

    @property
    def resting_until(self) -> datetime | None:
        """Until when the source is left alone: the later of its back-off and Retry-After."""
        times = [t for t in (self.retry_after,
                             self.last_error_at + backoff(self.consecutive_failures)
                             if self.last_error_at and self.consecutive_failures > 1 else None)
                 if t is not None]
        return max(times) if times else None

    def to_json(self) -> dict[str, Any]:
        rest = self.resting_until
        return {"id": self.id, "name": self.name, "status": self.last_status,
                "last_success": iso(self.last_success), "last_error": self.last_error,
                "last_error_at": iso(self.last_error_at),
                "consecutive_failures": self.consecutive_failures,
                "resting_until": iso(rest) if rest and rest > now_utc() else None,
                "warnings": self.warnings, "seconds": self.seconds}


class Ledger:
    """Source state, runs and marks; subclasses open ``_db`` and set ``_lock``."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    def _x(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, args)

    # -- source state -------------------------------------------------------------------------

    def source_state(self, source_id: str) -> tuple[Validators, str | None]:
        row = self._x("SELECT etag, last_modified, content_hash FROM sources WHERE id=?",
                      (source_id,)).fetchone()
        if row is None:
            return Validators(), None
        return Validators(row["etag"], row["last_modified"]), row["content_hash"]

    def _ensure_source(self, source_id: str, name: str, kind: str, url: str) -> None:
        self._x("INSERT INTO sources(id, name, kind, url) VALUES (?,?,?,?) ON CONFLICT(id) DO "
                "UPDATE SET name=excluded.name, kind=excluded.kind, url=excluded.url, "
                "etag=CASE WHEN sources.url=excluded.url THEN sources.etag END, "
                "last_modified=CASE WHEN sources.url=excluded.url THEN sources.last_modified END,"
                " content_hash=CASE WHEN sources.url=excluded.url THEN sources.content_hash END",
                (source_id, name, kind, url))

    def record_success(self, source_id: str, name: str, kind: str, url: str, status: str,
                       validators: Validators, content_hash: str | None,
                       when: datetime | None = None) -> None:
        with self._lock, self._db:
            self._ensure_source(source_id, name, kind, url)
            self._x("UPDATE sources SET etag=?, last_modified=?, content_hash=?, last_status=?, "
                    "last_success=?, consecutive_failures=0, retry_after=NULL WHERE id=?",
                    (validators.etag, validators.last_modified, content_hash, status,
                     iso(when or now_utc()), source_id))

    def record_failure(self, source_id: str, name: str, kind: str, url: str, error: str,
                       when: datetime | None = None,
                       retry_after: datetime | None = None) -> None:
        with self._lock, self._db:
            self._ensure_source(source_id, name, kind, url)
            self._x("UPDATE sources SET last_status='error', last_error=?, last_error_at=?, "
                    "retry_after=?, consecutive_failures=consecutive_failures+1 WHERE id=?",
                    (error, iso(when or now_utc()), iso(retry_after), source_id))

    def source_health(self) -> list[SourceHealth]:
        latest = self.latest_results()
        rows = self._x("SELECT * FROM sources ORDER BY id").fetchall()
        out = []
        for r in rows:
            last = latest.get(r["id"], {})
            out.append(SourceHealth(
                r["id"], r["name"], r["last_status"], parse_dt(r["last_success"]),
                r["last_error"], parse_dt(r["last_error_at"]), r["consecutive_failures"],
                parse_dt(r["retry_after"]), last.get("warnings", []), last.get("seconds")))
        return out

    def resting(self, source_id: str, now: datetime | None = None) -> datetime | None:
        """The time until which a failing source is left alone, or None when it may be polled."""
        health = next((h for h in self.source_health() if h.id == source_id), None)
        until = health.resting_until if health else None
        return until if until and until > (now or now_utc()) else None

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, when: datetime | None = None, trigger: str = "manual",
                  slot: datetime | None = None) -> int:
        with self._lock, self._db:
            return int(self._x("INSERT INTO runs(started_at, trigger, slot) VALUES (?,?,?)",
                               (iso(when or now_utc()), trigger, iso(slot))).lastrowid or 0)

    def has_run_for_slot(self, slot: datetime) -> bool:
        """Whether a scheduled run for this scheduled time has already started (in any process)."""
        return self._x("SELECT 1 FROM runs WHERE trigger='schedule' AND slot=?",
                       (iso(slot),)).fetchone() is not None

    def finish_run(self, run_id: int, results: list[tuple[Any, ...]],
                   when: datetime | None = None) -> None:
        """`results`: (source id, status, new items, error, seconds[, warnings, changed items])
        per source."""
        rows = [(run_id, r[0], r[1], r[2], r[3], r[4],
                 json.dumps(r[5] if len(r) > 5 else [], ensure_ascii=False),
                 r[6] if len(r) > 6 else 0) for r in results]
        counts = {s: sum(1 for r in results if r[1] == s) for s in ("ok", "unchanged", "error")}
        with self._lock, self._db:
            self._db.executemany("INSERT INTO run_results(run_id, source_id, status, new_items, "
                                 "error, seconds, warnings, changed_items) "
                                 "VALUES (?,?,?,?,?,?,?,?)", rows)
            self._x("UPDATE runs SET finished_at=?, ok=?, unchanged=?, errors=?, new_items=? "
                    "WHERE id=?", (iso(when or now_utc()), counts["ok"], counts["unchanged"],
                                   counts["error"], sum(r[2] for r in results), run_id))

    def last_runs(self, n: int = 10) -> list[dict[str, Any]]:
        rows = self._x("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (n,)).fetchall()
        return [dict(r) for r in rows]

    def latest_results(self) -> dict[str, dict[str, Any]]:
        """Each source's result in the latest run that polled it: status, seconds, warnings."""
        rows = self._x("SELECT r.* FROM run_results r JOIN (SELECT source_id, MAX(run_id) AS m "
                       "FROM run_results GROUP BY source_id) l ON r.source_id=l.source_id "
                       "AND r.run_id=l.m").fetchall()
        return {r["source_id"]: {**dict(r), "warnings": json.loads(r["warnings"] or "[]")}
                for r in rows}

    # -- marks --------------------------------------------------------------------------------

    def mark(self, item_id: int, relevant: bool, user: str | None = None,
             note: str | None = None, when: datetime | None = None) -> None:
        """Record a reader's judgement of an item (latest mark wins)."""
        with self._lock, self._db:
            if self._x("SELECT 1 FROM items WHERE id=?", (item_id,)).fetchone() is None:
                raise ScanError(f"no scanned item with id {item_id}")
            self._x("INSERT INTO feedback(item_id, relevant, user, note, at) VALUES (?,?,?,?,?)",
                    (item_id, int(relevant), user, note, iso(when or now_utc())))

    def marks(self, group: str | None = None) -> dict[int, bool]:
        """Item id → relevant, the latest mark winning; only `group`'s marks when given (a
        mark's user is the group that made it: styrgruppen, sekretariatet, an arbetsgrupp)."""
        rows = self._x("SELECT item_id, relevant FROM feedback" + (" WHERE user=?" if group else "")
                       + " ORDER BY id", (group,) if group else ()).fetchall()
        return {r["item_id"]: bool(r["relevant"]) for r in rows}
