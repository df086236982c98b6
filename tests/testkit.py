"""Helpers every test suite shares: a free loopback port and the session knowledge base behind a
context manager that does not close it."""

from __future__ import annotations

import socket
from typing import Any

from ingest.kb import KnowledgeBase


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SharedKb:
    """The session knowledge base behind a context manager that does not close it (the CLI's
    ``with open_kb() as kb`` would otherwise close the shared store)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __enter__(self) -> KnowledgeBase:
        return self.kb

    def __exit__(self, *exc: object) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.kb, name)

    def close(self) -> None:
        pass
