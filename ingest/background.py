"""Indexing the bundled corpus in the background: the app serves at once while a thread reads the
files in, and anyone may ask how far it has come ("120 av 480 dokument"). Searches meanwhile see
what is written so far; the store is safe to search while the thread writes (see store.py)."""

from __future__ import annotations

import gzip
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .loaders import is_supported
from .pipeline import IngestSummary, ItemResult

if TYPE_CHECKING:
    from .kb import KnowledgeBase

log = logging.getLogger(__name__)

# The catalog's note of a first-start indexing: "pending" while it runs (a run stopped half-way
# resumes at the next start), "done" after it.
CORPUS_KEY = "bundled_corpus"
# Files in the corpus folder that describe it rather than belong to it.
NOT_DOCUMENTS = ("readme.md", "readme.txt", "readme")


def bundled_paths(folder: Path) -> list[Path]:
    """The documents of a bundled corpus folder: supported files at any depth, not hidden, not
    sidecars and not the folder's README."""
    if not folder.is_dir():
        return [folder] if folder.is_file() else []
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if (path.is_file() and not any(p.startswith(".") for p in rel) and is_supported(path)
                and not path.name.endswith(".meta.toml") and path.name.lower() not in NOT_DOCUMENTS):
            out.append(path)
    return out


def count_documents(paths: Iterable[Path]) -> int:
    """How many documents ``paths`` hold: a JSONL file one per non-empty line, any other file one."""
    total = 0
    for path in paths:
        name = path.name.lower()
        if name.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            try:
                with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError, UnicodeDecodeError):
                total += 1  # the loader reports what is wrong with it
        else:
            total += 1
    return total


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    running: bool
    summary: IngestSummary
    error: str = ""
    stopped: bool = False  # ended by stop() before every document was read

    @property
    def complete(self) -> bool:
        return not self.running and not self.error and not self.stopped

    @property
    def text(self) -> str:
        """The progress in a Swedish sentence for a header or a log line."""
        if self.running:
            return f"Indexerar {self.done} av {self.total} dokument"
        if self.error:
            return f"Indexeringen avbröts efter {self.done} av {self.total} dokument: {self.error}"
        return f"Indexeringen klar: {self.done} av {self.total} dokument"


class BackgroundIngest:
    """Ingest ``paths`` into ``kb`` in a daemon thread. ``on_item`` is called (in that thread) after
    each document, ``on_done`` once at the end. :meth:`stop` ends it between two documents;
    what was not written is read in at the next start (the catalog marks it pending)."""

    def __init__(self, kb: KnowledgeBase, paths: Iterable[Path], *,
                 on_item: Callable[[Progress, ItemResult], None] | None = None,
                 on_done: Callable[[Progress], None] | None = None) -> None:
        self.kb = kb
        self.paths = list(paths)
        self.total = count_documents(self.paths)
        self.done = 0
        self.summary = IngestSummary()
        self.error = ""
        self.stopped = False
        self.on_item = on_item
        self.on_done = on_done
        self._stop = threading.Event()
        self._ended = False  # the work is over (on_done may still be running)
        self._finished = threading.Event()  # over, on_done included
        self._thread = threading.Thread(target=self._run, name="msv-index", daemon=True)

    def start(self) -> BackgroundIngest:
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        """Started or about to be, and not yet ended."""
        return not self._ended

    def progress(self) -> Progress:
        return Progress(min(self.done, self.total), self.total, self.running, self.summary, self.error, self.stopped)

    def wait(self, timeout: float | None = None) -> bool:
        """True when the indexing has ended (within ``timeout`` seconds)."""
        return self._finished.wait(timeout)

    def stop(self, timeout: float = 120) -> None:
        """Stop between two documents and wait (up to ``timeout`` seconds; 0: not at all, as from
        ``on_item``) for the batch being written to finish."""
        self._stop.set()
        if self._thread.is_alive():
            if timeout and threading.current_thread() is not self._thread:
                self._thread.join(timeout)
        elif self._thread.ident is None:  # never started: it has ended all the same
            self.stopped = self._ended = True
            self._finished.set()

    def _run(self) -> None:
        try:
            for r in self.kb.ingest(self.paths):
                self.summary.add(r)
                if r.status != "removed":
                    self.done += 1
                if self.on_item is not None:
                    self.on_item(self.progress(), r)
                if self._stop.is_set():
                    self.stopped = True
                    break
        except Exception as e:  # the app keeps serving what is indexed; the error is shown
            log.exception("indexeringen av den medföljande korpusen avbröts")
            self.error = f"{type(e).__name__}: {e}"
        finally:
            self._ended = True
            try:
                if self.on_done is not None:
                    self.on_done(self.progress())
            finally:
                self._finished.set()


def index_bundled_corpus(kb: KnowledgeBase, folder: Path, *,
                         on_item: Callable[[Progress, ItemResult], None] | None = None,
                         on_done: Callable[[Progress], None] | None = None,
                         start: bool = True) -> BackgroundIngest | None:
    """Index the bundled corpus in the background when the knowledge base is empty, or a
    first-start indexing was stopped before it ended; None when there is nothing to do. With
    ``start=False`` the caller starts it (the app starts it once it listens)."""
    state = kb.catalog.get_meta(CORPUS_KEY)
    if not (kb.is_empty() or state == "pending"):
        return None
    paths = bundled_paths(folder)
    if not paths:
        return None
    kb.catalog.set_meta(CORPUS_KEY, "pending")

    def finished(p: Progress) -> None:
        if p.complete:
            with kb.lock:
                kb.catalog.set_meta(CORPUS_KEY, "done")
        if on_done is not None:
            on_done(p)

    job = BackgroundIngest(kb, paths, on_item=on_item, on_done=finished)
    return job.start() if start else job
