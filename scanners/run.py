"""One scan over many sources: a result per source (ok, unchanged, error), never an aborted
batch."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from scanners.errors import ScanError
from scanners.fetch import Fetcher
from scanners.kinds import build_source
from scanners.sources import Poll, Source, SourceConfig, SourceState
from scanners.store import ScanStore, StoredItem, now_utc

log = logging.getLogger(__name__)

Status = Literal["ok", "unchanged", "error"]


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
    item_ids: list[int] = field(default_factory=list)


@dataclass
class ScanReport:
    run_id: int
    started: datetime
    results: list[SourceResult]

    @property
    def new_items(self) -> int:
        return sum(r.new_items for r in self.results)

    @property
    def errors(self) -> list[SourceResult]:
        return [r for r in self.results if r.status == "error"]

    def by_id(self, source_id: str) -> SourceResult:
        return next(r for r in self.results if r.id == source_id)

    def to_json(self) -> dict[str, Any]:
        """The `msv scan --json` contract."""
        return {"sources": [{"id": r.id, "status": r.status, "new_items": r.new_items,
                             "error": r.error} for r in self.results],
                "new_items": self.new_items}

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "started": self.started.isoformat(),
                "results": [asdict(r) for r in self.results]}


def scan(sources: Iterable[SourceConfig | Source], db: str | Path | ScanStore, fetcher: Fetcher,
         scorer: ItemScorer | None = None, workers: int = 4,
         progress: Callable[[SourceResult], None] | None = None) -> ScanReport:
    """Poll every source through `fetcher`, store new items, score them, record the run.

    Sources are polled concurrently (the fetcher paces each host); storing happens here, one
    source at a time, as polls complete. A source that fails is reported and the rest go on.
    """
    store = db if isinstance(db, ScanStore) else ScanStore(db)
    try:
        built = [s if not isinstance(s, SourceConfig) else build_source(s) for s in sources]
        started = now_utc()
        run_id = store.start_run(started)
        results: dict[str, SourceResult] = {}
        with ThreadPoolExecutor(max_workers=max(1, workers),
                                thread_name_prefix="scan") as pool:
            futures = {pool.submit(_poll, src, store, fetcher): src for src in built}
            for future in as_completed(futures):
                src = futures[future]
                poll, error, seconds = future.result()
                result = _record(src, store, poll, error, seconds)
                if scorer is not None and result.item_ids:
                    _score(store, scorer, result, src.config.topics)
                results[src.config.id] = result
                log.info("source %s: %s, %d new%s", result.id, result.status,
                         result.new_items, f" ({result.error})" if result.error else "")
                if progress:
                    progress(result)
        ordered = [results[s.config.id] for s in built]
        store.finish_run(run_id, [(r.id, r.status, r.new_items, r.error, r.seconds)
                                  for r in ordered])
        return ScanReport(run_id, started, ordered)
    finally:
        if not isinstance(db, ScanStore):
            store.close()


def _poll(src: Source, store: ScanStore, fetcher: Fetcher) -> tuple[Poll | None, ScanError | None,
                                                                  float]:
    t0 = time.monotonic()
    validators, content_hash = store.source_state(src.config.id)
    state = SourceState(validators, content_hash, store.knows)
    try:
        return src.poll(fetcher, state), None, time.monotonic() - t0
    except ScanError as e:
        return None, e, time.monotonic() - t0
    except Exception as e:  # noqa: BLE001 - a source's bug must not end the batch
        log.exception("source %s: unexpected failure", src.config.id)
        wrapped = ScanError(f"{src.config.url}: unexpected {type(e).__name__}: {e}")
        wrapped.__cause__ = e
        return None, wrapped, time.monotonic() - t0


def _record(src: Source, store: ScanStore, poll: Poll | None, error: ScanError | None,
            seconds: float) -> SourceResult:
    cfg = src.config
    if poll is None:
        message = str(error)
        store.record_failure(cfg.id, cfg.name, cfg.kind, cfg.url, message)
        return SourceResult(cfg.id, "error", error=message, seconds=round(seconds, 3))
    new_ids: list[int] = []
    changed_ids: list[int] = []
    for entry in poll.entries:
        status, item_id = store.add_entry(cfg.id, cfg.agency, entry)
        if status == "new":
            new_ids.append(item_id)
        elif status == "updated":
            changed_ids.append(item_id)
    store.record_success(cfg.id, cfg.name, cfg.kind, cfg.url, poll.status, poll.validators,
                         poll.content_hash)
    return SourceResult(cfg.id, poll.status, len(new_ids), None, round(seconds, 3),
                        poll.warnings, new_ids + changed_ids)


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
