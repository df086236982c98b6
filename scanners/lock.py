"""One scan at a time per data directory, across processes: an OS file lock that the kernel
releases when its holder exits or crashes (so a dead process cannot keep it), with the holder's
pid and start time written beside it for the message another process shows."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock

from scanners.errors import ScanError
from scanners.schema import iso, now_utc


class ScanBusy(ScanError):
    """Another process (or thread) is scanning with the same data directory."""

    def __init__(self, path: Path, holder: dict[str, Any] | None) -> None:
        self.holder = holder or {}
        who = (f" (pid {self.holder.get('pid')}, {self.holder.get('trigger', '')} sedan "
               f"{self.holder.get('since', '?')})" if holder else "")
        super().__init__(f"{path}: en annan bevakning körs redan{who}; försök igen när den är klar")


class ScanLock:
    """``with ScanLock(path).hold("manual"):`` scans; raises ScanBusy after `wait` seconds."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.info = self.path.with_name(self.path.name + ".json")

    @contextlib.contextmanager
    def hold(self, trigger: str = "manual", wait: float = 0.0) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(self.path), timeout=wait)
        try:
            lock.acquire()
        except filelock.Timeout as e:
            raise ScanBusy(self.path, self.holder()) from e
        try:
            self.info.write_text(json.dumps({"pid": os.getpid(), "trigger": trigger,
                                             "since": iso(now_utc())}), encoding="utf-8")
            yield
        finally:
            with contextlib.suppress(OSError):
                self.info.unlink()
            lock.release()

    def held(self) -> bool:
        """Whether someone holds the lock now (tried without waiting, released at once)."""
        lock = filelock.FileLock(str(self.path), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            return True
        lock.release()
        return False

    def holder(self) -> dict[str, Any] | None:
        """Who holds the lock, as its holder wrote it (None when nobody does)."""
        try:
            return json.loads(self.info.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
