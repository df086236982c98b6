"""What `msv scan` shows besides a scan: the schedule and each source's state (``--status``),
which sources answer (``--check``) and an item's versions (``--history``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from scanners.check import check_sources
from scanners.diff import diff_versions
from scanners.digest import plural
from scanners.errors import ScanError
from scanners.fetch import Fetcher, FetchPolicy
from scanners.job import ScanJob
from scanners.run import SourceResult
from scanners.schedule import next_run
from scanners.sources import SourceConfig, load_sources
from scanners.store import ScanStore

from .common import emit, err, fail

BAD_INPUT = 2  # exit code for a bad sources or topics file, option or a missing scan database
STATUS_SV = {"ok": "ok", "unchanged": "oförändrad", "error": "fel", "skipped": "hoppades över"}


def progress_line(r: SourceResult) -> str:
    """'ok, 2 nya, 1 ändrad, 1 varning – …' for one source of a running scan."""
    parts = [STATUS_SV.get(r.status, r.status), plural(r.new_items, "ny", "nya")]
    if r.changed_items:
        parts.append(plural(r.changed_items, "ändrad", "ändrade"))
    if r.warnings:
        parts.append(plural(len(r.warnings), "varning", "varningar"))
    detail = r.error or "; ".join(r.warnings[:3])
    return ", ".join(parts) + (f" – {detail}" if detail else "")


def jobs_path(settings: Any) -> Path:
    return Path(settings.scan_db).with_name("scan-jobs.sqlite")


def status_data(settings: Any, sources: Path | None = None) -> dict[str, Any]:
    """The `msv scan --status --json` contract."""
    try:
        configs = load_sources(sources or settings.scan_sources, include_disabled=True)
    except ScanError as e:
        fail(str(e), BAD_INPUT)
    nxt = next_run(jobs_path(settings), settings.scan_timezone) if settings.scan_enabled else None
    lock = ScanJob(Path(settings.scan_db)).lock
    out: dict[str, Any] = {
        "schedule": {"enabled": settings.scan_enabled, "cron": settings.scan_schedule,
                     "timezone": settings.scan_timezone, "next_run": nxt.isoformat() if nxt else None},
        "running": lock.holder() if lock.held() else None, "last_run": None, "sources": []}
    health = {}
    if Path(settings.scan_db).exists():
        with ScanStore(settings.scan_db) as store:
            runs = store.last_runs(1)
            out["last_run"] = runs[0] if runs else None
            health = {h.id: h.to_json() for h in store.source_health()}
    for cfg in configs:
        row = health.pop(cfg.id, None) or {"id": cfg.id, "name": cfg.name, "status": None,
                                           "consecutive_failures": 0, "warnings": []}
        out["sources"].append({**row, "enabled": cfg.enabled, "verified": cfg.verified})
    out["sources"] += [{**row, "enabled": None, "verified": None} for row in health.values()]
    return out


def show_status(settings: Any, sources: Path | None, as_json: bool) -> None:
    data = status_data(settings, sources)
    if as_json:
        emit(data)
        return
    tz = ZoneInfo(settings.scan_timezone)
    sched = data["schedule"]
    out = Console(width=None if sys.stdout.isatty() else 160)  # a piped table keeps its columns
    when = _local(sched["next_run"], tz) if sched["next_run"] else "–"
    out.print(f"Schema: {sched['cron']} ({sched['timezone']})"
              + (f"; nästa körning {when}" if sched["enabled"] else "; av (scan_enabled = false)"), highlight=False)
    last = data["last_run"]
    if last:
        out.print(f"Senaste körning: {_local(last['started_at'], tz)} ({last.get('trigger') or 'manual'}): "
                  f"{plural(last.get('new_items') or 0, 'ny nyhet', 'nya nyheter')}, {last.get('errors') or 0} fel",
                  highlight=False)
    else:
        out.print("Ingen körning ännu.", highlight=False)
    if data["running"]:
        r = data["running"]
        out.print(f"Pågår nu: pid {r.get('pid')} ({r.get('trigger')}) sedan {_local(r.get('since'), tz)}", highlight=False)
    table = Table("Källa", "Status", "Senast lyckad", "Fel i följd", "Vilar till", "Tid (s)", "Varningar och fel")
    for s in data["sources"]:
        status = STATUS_SV.get(s.get("status") or "", "inte körd ännu")
        if s.get("enabled") is False:
            status = "avstängd"
        notes = "; ".join([*(s.get("warnings") or []), *([s["last_error"]] if s.get("status") == "error" else [])])
        table.add_row(s.get("name") or s["id"], status, _local(s.get("last_success"), tz),
                      str(s.get("consecutive_failures") or 0), _local(s.get("resting_until"), tz),
                      f"{s['seconds']:.1f}" if s.get("seconds") is not None else "–", notes or "–")
    out.print(table)


def show_check(job: ScanJob, configs: list[SourceConfig], as_json: bool) -> None:
    """Fetch each source once; exit 1 when any of them does not answer and parse."""
    with Fetcher(job.policy or FetchPolicy(user_agent=job.user_agent)) as fetcher:
        results = check_sources(configs, fetcher)
    if as_json:
        emit({"sources": [r.to_json() for r in results]})
    else:
        for r in results:
            mark = "verifierad" if r.verified else "ej verifierad"
            line = (f"svarar, {plural(r.entries, 'post', 'poster')}" if r.ok else f"FEL – {r.error}")
            err.print(f"  {r.id} ({mark}): {line}", highlight=False, markup=False)
        ok = sum(r.ok for r in results)
        err.print(f"{ok} av {plural(len(results), 'källa', 'källor')} svarar och går att läsa.", highlight=False)
    if any(not r.ok for r in results):
        raise typer.Exit(1)


def show_history(settings: Any, item_id: int, as_json: bool) -> None:
    """Every stored version of one item with what changed from the one before."""
    if not Path(settings.scan_db).exists():
        fail(f"ingen bevakningsdatabas i {settings.scan_db}; kör först: msv scan", BAD_INPUT)
    with ScanStore(settings.scan_db) as store:
        try:
            item, versions = store.item(item_id), store.versions(item_id)
        except ScanError as e:
            fail(str(e), BAD_INPUT)
    rows = []
    for i, v in enumerate(versions):
        diff = diff_versions(versions[i - 1].title, versions[i - 1].text, v.title, v.text) if i else None
        rows.append({"version": v.version, "seen": v.seen_at.isoformat(), "title": v.title, "url": v.url,
                     "text": v.text, "diff": diff.to_json() if diff else None})
    if as_json:
        emit({"item_id": item.id, "title": item.title, "url": item.url, "versions": rows})
        return
    out = Console()
    out.print(f"{item.title} (nr {item.id}) – {plural(len(rows), 'version', 'versioner')}", highlight=False, markup=False)
    for r in reversed(rows):
        out.print(f"\nVersion {r['version']}, sedd {r['seen'][:16].replace('T', ' ')}: {r['url']}", highlight=False,
                  markup=False)
        if r["diff"]:
            out.print(f"Ändrat: {r['diff']['text']}", highlight=False, markup=False)


def _local(value: str | None, tz: ZoneInfo) -> str:
    if not value:
        return "–"
    from datetime import datetime

    return datetime.fromisoformat(value).astimezone(tz).strftime("%Y-%m-%d %H:%M")
