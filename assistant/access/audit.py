"""The audit log: one JSON line per read (search, question, memo, digest, decisions, status,
stats, sources list, download), per administration act (uploads, removals, users) and per
refusal or sign-in — who, what, when, and which documents were shown, by id; never a password —
appended to ``<data_dir>/audit.jsonl``, so the collaboration can account for how information was
handled. ``msv audit`` reads it back."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..settings import Settings
    from .policy import User

log = logging.getLogger(__name__)

AUDIT_FILE = "audit.jsonl"
ACTIONS = ("search", "ask", "memo", "digest", "download", "upload", "decisions", "status", "stats", "documents",
           "remove", "ingest", "mark", "users", "login", "login_failed", "login_refused", "logout", "refused", "audit")


class AuditLog:
    def __init__(self, path: Path, *, enabled: bool = True) -> None:
        self.path = Path(path)
        self.enabled = enabled
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> AuditLog:
        return cls(Path(settings.data_dir) / AUDIT_FILE, enabled=getattr(settings, "audit_enabled", True))

    def record(self, user: User | str, action: str, query: str = "", doc_ids: Iterable[str] = (),
               **extra: object) -> None:
        """Append one entry. A failure to write is logged loudly and raised: an unaccountable
        read must not pass silently."""
        if not self.enabled:
            return
        name = user if isinstance(user, str) else user.name
        entry = {"ts": datetime.now(UTC).isoformat(timespec="seconds"), "user": name, "action": action,
                 "query": query, "doc_ids": list(dict.fromkeys(doc_ids)), **extra}
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)

    def entries(self, *, user: str | None = None, since: datetime | None = None) -> list[dict[str, object]]:
        """The entries, oldest first, of one user (by name) and from a point in time when given.
        A damaged line is skipped with a warning: the rest of the log stays readable."""
        if not self.path.exists():
            return []
        out: list[dict[str, object]] = []
        for n, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                log.warning("%s:%d: trasig rad i granskningsloggen hoppas över", self.path, n)
                continue
            if user is not None and entry.get("user") != user:
                continue
            if since is not None and _when(entry) < since:
                continue
            out.append(entry)
        return out


def _when(entry: dict[str, object]) -> datetime:
    try:
        ts = datetime.fromisoformat(str(entry.get("ts", "")))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)
