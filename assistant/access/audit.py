"""The audit log: one JSON line per search, question, memo, digest, download or upload — who,
what, and which documents were shown — appended to ``<data_dir>/audit.jsonl``, so the
collaboration can account for how information was handled."""

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
           "remove", "users")


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
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)

    def entries(self) -> list[dict[str, object]]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]
