"""Parsing untrusted files under a time limit, in a worker process: a hostile or broken file can
cost its own parse at most ``timeout`` seconds, then its worker is killed and the file ends as
one clear per-file error; it never holds the caller's lock, memory or interpreter. Archives are
checked for bombs first (archives.py). Plain text and JSONL, which stream and cannot unpack, are
read inline."""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .archives import ArchiveLimits, check_archive
from .documents import Document
from .errors import IngestError
from .loaders import loader_for

log = logging.getLogger(__name__)

ARCHIVES = (".docx", ".pptx")
# Formats parsed in the worker: they unpack, decompress streams (PDF) or build large trees (HTML, e-mail).
ISOLATED = (*ARCHIVES, ".pdf", ".html", ".htm", ".eml")
# Imported once by the fork server, so each worker starts in milliseconds.
PRELOAD = ["ingest.loaders", "docx", "pptx", "pypdf", "trafilatura"]


@dataclass(frozen=True)
class ParseLimits:
    archive: ArchiveLimits = field(default_factory=ArchiveLimits)
    timeout: float = 120.0  # seconds per file


_context_lock = threading.Lock()
_context: multiprocessing.context.BaseContext | None = None


def _worker_context() -> multiprocessing.context.BaseContext:
    """A fork server started from a clean interpreter (never a fork of this process, whose
    threads may hold locks), with the loaders preloaded."""
    global _context
    with _context_lock:
        if _context is None:
            try:
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(PRELOAD)
            except ValueError:  # no fork server on this platform
                ctx = multiprocessing.get_context("spawn")
            _context = ctx
        return _context


def _serve(conn: Connection) -> None:
    """The worker: say it is ready, then parse one file per request until told to stop."""
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        conn.send(_parse(*request))


def _parse(path: str, limits: ArchiveLimits) -> tuple[object, ...]:
    """Check, load, and return the documents (or the error) as a picklable message."""
    p = Path(path)
    try:
        if p.name.lower().endswith(ARCHIVES):
            check_archive(p, limits)
        return ("ok", list(loader_for(p)(p)))
    except IngestError as e:
        return ("error", e.path, e.reason)
    except MemoryError:
        return ("error", path, "för stor att tolka (minnet tog slut); dela upp filen")
    except Exception as e:  # noqa: BLE001 - a loader library's own failure: this file fails
        return ("error", path, f"kunde inte tolkas ({type(e).__name__}: {e})")


# A worker that dies while starting: a broken installation, or a script that reads files at its top level
# (a worker imports the script's module again before it is ready, and would read them once more).
NOT_STARTED = ("tolkningsprocessen startade inte; kontrollera installationen, och att ett skript som läser in filer "
               "gör det under `if __name__ == \"__main__\":`")


class _Worker:
    """One worker process and its pipe. Started once and reused (starting one imports the
    loaders); killed when a parse overruns, and then replaced."""

    START_TIMEOUT = 120.0
    MAX_USES = 100  # a long-lived parser's memory is returned now and then

    def __init__(self) -> None:
        ctx = _worker_context()
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True, name="msv-parse")
        try:
            self.process.start()
        except RuntimeError:  # started from a worker that is itself still starting (see below)
            self.conn.close()
            child.close()
            raise IngestError("msv-parse", NOT_STARTED) from None
        child.close()
        self.uses = 0
        try:
            ready = self.conn.poll(self.START_TIMEOUT) and self.conn.recv() == "ready"
        except (EOFError, OSError):  # the worker died while starting
            ready = False
        if not ready:
            self.kill()
            raise IngestError("msv-parse", NOT_STARTED)

    def parse(self, path: Path, limits: ParseLimits) -> tuple[object, ...]:
        self.uses += 1
        self.conn.send((str(path), limits.archive))
        if not self.conn.poll(limits.timeout):
            self.kill()
            raise IngestError(str(path), f"tolkningen tog mer än {limits.timeout:g} s och avbröts; filen är "
                                         "trasig, onormalt komplex eller en bomb (dela upp den eller höj "
                                         "MSV_PARSE_TIMEOUT)")
        try:
            return self.conn.recv()
        except EOFError:
            self.kill()
            raise IngestError(str(path), "tolkningen avbröts oväntat (minnet kan ha tagit slut); "
                                         "dela upp filen") from None

    @property
    def usable(self) -> bool:
        return self.process.is_alive() and self.uses < self.MAX_USES

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class Parser:
    """Turns one file into its documents (or per-record errors), under ``limits``. Safe to call
    from several threads: each call borrows a worker of its own."""

    KEEP_IDLE = 2

    def __init__(self, limits: ParseLimits = ParseLimits()) -> None:
        self.limits = limits
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()

    def __call__(self, path: Path) -> Iterator[Document | IngestError]:
        if not path.name.lower().endswith(ISOLATED):
            yield from loader_for(path)(path)
            return
        yield from self._isolated(path)

    def _isolated(self, path: Path) -> list[Document | IngestError]:
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        try:
            worker = worker or _Worker()
        except IngestError as e:
            raise IngestError(str(path), e.reason) from e
        message = worker.parse(path, self.limits)  # an overrun kills the worker and raises
        with self._lock:
            if worker.usable and len(self._idle) < self.KEEP_IDLE:
                self._idle.append(worker)
                worker = None
        if worker is not None:
            worker.stop()
        if message[0] == "error":
            raise IngestError(str(message[1]), str(message[2]))
        return message[1]  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the idle workers (they are daemons, so they also end with this process)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for w in idle:
            w.stop()
