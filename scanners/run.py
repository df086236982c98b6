"""One scan over many sources: a result per source (ok, unchanged, error, skipped), never an
aborted batch, each source within its time budget."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from scanners.errors import ScanError
from scanners.fetch import Fetcher, time_budget
from scanners.kinds import build_source
from scanners.sources import Poll, Source, SourceConfig, SourceState
from scanners.store import ScanStore, StoredItem, now_utc

log = logging.getLogger(__name__)

Status = Literal["ok", "unchanged", "error", "skipped"]
DEFAULT_SOURCE_BUDGET = 120.0


class ItemScorer(Protocol):
    """What the runner needs from relevance scoring (see scanners.relevance.RelevanceScorer)."""

    def score_item(self, item: StoredItem, source_topics: list[str]) -> Any: ...


@dataclass
class SourceResult:
    """Outcome of one source in one scan."""

    id: str
    status: Status
    new_items: int = 0
    error: str | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)  # new and changed
    changed_items: int = 0


@dataclass
class ScanReport:
    run_id: int
    started: datetime
    results: list[SourceResult]

    @property
    def new_items(self) -> int:
        return sum(r.new_items for r in self.results)

    @property
    def changed_items(self) -> int:
        return sum(r.changed_items for r in self.results)

    @property
    def errors(self) -> list[SourceResult]:
        return [r for r in self.results if r.status == "error"]

    def by_id(self, source_id: str) -> SourceResult:
        return next(r for r in self.results if r.id == source_id)

    def to_json(self) -> dict[str, Any]:
        """The `msv scan --json` contract (fields are only ever added)."""
        return {"sources": [{"id": r.id, "status": r.status, "new_items": r.new_items,
                             "error": r.error, "changed_items": r.changed_items,
                             "warnings": r.warnings, "seconds": r.seconds}
                            for r in self.results],
                "new_items": self.new_items, "changed_items": self.changed_items,
                "run_id": self.run_id}

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "started": self.started.isoformat(),
                "results": [asdict(r) for r in self.results]}


@dataclass(frozen=True)
class Budget:
    """Time limits: seconds per source (a source's own ``budget`` wins) and for the whole scan."""

    source: float = DEFAULT_SOURCE_BUDGET
    scan: float | None = None


def scan(sources: Iterable[SourceConfig | Source], db: str | Path | ScanStore, fetcher: Fetcher,
         scorer: ItemScorer | None = None, workers: int = 4,
         progress: Callable[[SourceResult], None] | None = None, budget: Budget = Budget(),
         trigger: str = "manual", slot: datetime | None = None,
         force: bool = False) -> ScanReport:
    """Poll every source through `fetcher`, store new items and new versions of changed ones,
    score them, record the run.

    Sources are polled concurrently (the fetcher paces each host), each within its time budget;
    storing happens here, one source at a time, as polls complete. A source that fails is
    reported and the rest go on; one that failed repeatedly, or whose server asked us to wait,
    rests (status ``skipped``) unless `force`.
    """
    store = db if isinstance(db, ScanStore) else ScanStore(db)
    try:
        built = [s if not isinstance(s, SourceConfig) else build_source(s) for s in sources]
        started = now_utc()
        run_id = store.start_run(started, trigger, slot)
        scan_deadline = time.monotonic() + budget.scan if budget.scan else None
        results: dict[str, SourceResult] = {}

        def done(src: Source, result: SourceResult) -> None:
            results[src.config.id] = result
            log.info("source %s: %s, %d new, %d changed%s", result.id, result.status,
                     result.new_items, result.changed_items,
                     f" ({result.error})" if result.error else "")
            if progress:
                progress(result)

        polled = []
        for src in built:
            until = None if force else store.resting(src.config.id)
            if until is None:
                polled.append(src)
            else:
                done(src, SourceResult(src.config.id, "skipped", warnings=[
                    f"vilar efter fel till {until.isoformat(timespec='minutes')}"]))
        with ThreadPoolExecutor(max_workers=max(1, workers),
                                thread_name_prefix="scan") as pool:
            futures = {pool.submit(_poll, src, store, fetcher, budget.source, scan_deadline): src
                       for src in polled}
            for future in as_completed(futures):
                src = futures[future]
                result = _record(src, store, *future.result())
                if scorer is not None and result.item_ids:
                    _score(store, scorer, result, src.config.topics)
                done(src, result)
        ordered = [results[s.config.id] for s in built]
        store.finish_run(run_id, [(r.id, r.status, r.new_items, r.error, r.seconds, r.warnings,
                                   r.changed_items) for r in ordered])
        return ScanReport(run_id, started, ordered)
    finally:
        if not isinstance(db, ScanStore):
            store.close()


PollOutcome = tuple[Poll | None, ScanError | None, float, str | None]


def _poll(src: Source, store: ScanStore, fetcher: Fetcher, source_budget: float,
          scan_deadline: float | None) -> PollOutcome:
    t0 = time.monotonic()
    cfg = src.config
    if scan_deadline is not None and t0 >= scan_deadline:
        return None, None, 0.0, "tidsgränsen för hela körningen nåddes innan källan hämtades"
    seconds = cfg.budget or source_budget
    deadline = t0 + seconds if scan_deadline is None else min(t0 + seconds, scan_deadline)
    validators, content_hash = store.source_state(cfg.id)
    due = (store.due_for_recheck(cfg.id, now_utc() - timedelta(days=cfg.recheck_days),
                                 cfg.recheck_max) if cfg.recheck_days else [])
    state = SourceState(validators, content_hash, store.knows, due, deadline,
                        round(deadline - t0, 1))
    try:
        with time_budget(deadline):
            return src.poll(fetcher, state), None, time.monotonic() - t0, None
    except ScanError as e:
        return None, e, time.monotonic() - t0, None
    except Exception as e:  # noqa: BLE001 - a source's bug must not end the batch
        log.exception("source %s: unexpected failure", cfg.id)
        wrapped = ScanError(f"{cfg.url}: unexpected {type(e).__name__}: {e}")
        wrapped.__cause__ = e
        return None, wrapped, time.monotonic() - t0, None


def _record(src: Source, store: ScanStore, poll: Poll | None, error: ScanError | None,
            seconds: float, skipped: str | None) -> SourceResult:
    cfg = src.config
    if skipped:
        return SourceResult(cfg.id, "skipped", warnings=[skipped])
    if poll is None:
        message = str(error)
        wait = getattr(error, "retry_after", None)
        store.record_failure(cfg.id, cfg.name, cfg.kind, cfg.url, message,
                             retry_after=now_utc() + timedelta(seconds=wait) if wait else None)
        return SourceResult(cfg.id, "error", error=message, seconds=round(seconds, 3))
    new_ids: list[int] = []
    changed_ids: list[int] = []
    for entry in poll.entries:
        status, item_id = store.add_entry(cfg.id, cfg.agency, entry)
        if status == "new":
            new_ids.append(item_id)
        elif status == "updated" and item_id not in changed_ids:
            changed_ids.append(item_id)
    store.mark_checked(poll.checked)
    store.record_success(cfg.id, cfg.name, cfg.kind, cfg.url, poll.status, poll.validators,
                         poll.content_hash)
    return SourceResult(cfg.id, poll.status, len(new_ids), None, round(seconds, 3),
                        poll.warnings, new_ids + changed_ids, len(changed_ids))


def _score(store: ScanStore, scorer: ItemScorer, result: SourceResult, topics: list[str]) -> None:
    for item in store.items(ids=result.item_ids):
        try:
            rel = scorer.score_item(item, topics)
        except ScanError as e:
            result.warnings.append(f"scoring item {item.id}: {e}")
            continue
        store.set_score(item.id, rel.score, rel.topics, rel.reason)


def score_pending(store: ScanStore, scorer: ItemScorer,
                  source_topics: dict[str, list[str]] | None = None) -> int:
    """Score items that have no score yet (e.g. stored before topics changed)."""
    items = store.items(unscored=True)
    for item in items:
        rel = scorer.score_item(item, (source_topics or {}).get(item.source_id, []))
        store.set_score(item.id, rel.score, rel.topics, rel.reason)
    return len(items)
