"""A scan as a job: the sources file, the topics, the fetcher's manners and the time budgets in
one value, run under the data directory's scan lock by `msv scan` and by the scheduler alike;
the knowledge base joins through an optional enrichment the caller supplies."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ingest.documents import PUBLIC_GROUP
from ingest.store import SearchFilter
from scanners.fetch import USER_AGENT, Fetcher, FetchPolicy
from scanners.learned import LearnedScorer, train_from_store
from scanners.lock import ScanLock
from scanners.relevance import KB_THRESHOLD, Embed, KbSearch, load_scorer
from scanners.run import Budget, ScanReport, SourceResult, scan
from scanners.sources import load_sources
from scanners.store import ScanStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Enrichment:
    """What the knowledge base adds to a scan: passages for relevance reasons, and a step after
    the scan (adding high-relevance items to it). Built by the application, which owns the KB."""

    kb_search: KbSearch | None = None
    after: Callable[[ScanStore, ScanReport], None] | None = None


def lazy_embedder(model: str = "") -> Embed:
    """The knowledge base's embedding model, loaded when the first English item needs it."""
    held: dict[str, Any] = {}

    def embed(texts: list[str]) -> Any:
        if "model" not in held:
            from ingest.embed import Embedder

            held["model"] = Embedder(model) if model else Embedder()
        return held["model"].embed(texts)

    return embed


@dataclass(frozen=True)
class ScanJob:
    db_path: Path
    sources_path: Path | None = None
    topics_path: Path | None = None
    user_agent: str = USER_AGENT
    budget: Budget = field(default_factory=Budget)
    workers: int = 4
    policy: FetchPolicy | None = None  # default: FetchPolicy with `user_agent`
    corpus: Path | None = None  # the bundled documents the cold start compares with
    marks_group: str | None = None  # whose marks train the model (None: everyone's)
    embed_model: str = ""  # the embedding model for English items (default: the KB's default)

    @property
    def lock(self) -> ScanLock:
        """The data directory's scan lock, beside the scan database."""
        return ScanLock(Path(self.db_path).with_name("scan.lock"))

    def run(self, *, only: list[str] | None = None, trigger: str = "manual",
            slot: datetime | None = None, force: bool = False,
            enrichment: Enrichment | None = None,
            progress: Callable[[SourceResult], None] | None = None,
            wait: float = 0.0) -> ScanReport | None:
        """Scan once under the lock (ScanBusy when another scan holds it after `wait` seconds).
        A scheduled run (`slot` given) that another process has already made returns None."""
        configs = load_sources(self.sources_path, only=only)
        kwargs = {"corpus": self.corpus} if self.corpus else {}
        cold = load_scorer(self.topics_path,
                           kb_search=enrichment.kb_search if enrichment else None,
                           embed=lazy_embedder(self.embed_model), **kwargs)
        policy = self.policy or FetchPolicy(user_agent=self.user_agent)
        with self.lock.hold(trigger, wait), ScanStore(self.db_path) as store:
            if slot is not None and store.has_run_for_slot(slot):
                log.info("scheduled scan for %s already made by another process", slot)
                return None
            # Word rarity from the news seen so far; the model retrained from the marks so far.
            cold.observe([(i.title, i.text) for i in store.items()])
            scorer = LearnedScorer(cold, train_from_store(store, self.marks_group))
            with Fetcher(policy) as fetcher:
                report = scan(configs, store, fetcher, scorer=scorer, workers=self.workers,
                              progress=progress, budget=self.budget, trigger=trigger, slot=slot,
                              force=force or bool(only))
            if enrichment is not None and enrichment.after is not None:
                try:
                    enrichment.after(store, report)
                except Exception:  # noqa: BLE001 - the scan is stored; the KB step is extra
                    log.exception("after-scan step failed; the scan itself is stored")
        return report


def public_kb_search(kb: Any) -> Callable[[str, int], Any]:
    """KB search for relevance reasons, over documents everyone may read: a digest is shown to
    every signed-in user, so it must not name a restricted document."""
    flt = SearchFilter(access=(PUBLIC_GROUP,))
    return lambda query, k: kb.search(query, k, flt)


def kb_enrichment(kb: Any, lock: Any = None, ingest: bool = False, min_score: float = KB_THRESHOLD,
                  results: list[dict[str, Any]] | None = None) -> Enrichment:
    """What the knowledge base adds to a scan: reasons from public passages and, with `ingest`,
    the new and changed items scoring at least `min_score` added to it (results appended to
    `results`). `lock` serialises the KB with the app's own use of it."""
    guard = lock if lock is not None else contextlib.nullcontext()
    search = public_kb_search(kb)

    def kb_search(query: str, k: int) -> Any:
        with guard:
            return search(query, k)

    def after(store: ScanStore, report: ScanReport) -> None:
        from scanners.to_kb import add_to_knowledge_base

        ids = [i for r in report.results for i in r.item_ids]
        if not ids:
            return
        with guard:
            done = [{"doc_id": r.doc_id, "title": r.title, "status": r.status, "error": getattr(r, "error", "") or None}
                    for r in add_to_knowledge_base(kb, store, ids, min_score)]
        if results is not None:
            results.extend(done)

    return Enrichment(kb_search, after if ingest else None)
