"""Helpers every test suite shares: a free loopback port, the founding report, the session
knowledge base behind a context manager that does not close it, and the ``msv`` command tree."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from ingest.kb import KnowledgeBase
from ingest.search import Hit

ROOT = Path(__file__).resolve().parents[1]
# The founding report (with its sidecar beside it): the one document the suites index. corpus/
# also holds the starter corpus of government pages, which only `msv serve` indexes on first start.
REPORT = ROOT / "corpus" / "forstudier-samverkansplattform-slutrapport.txt"


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


def command_paths(group: Any, groups: bool = False, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of a Click group's tree as its words (``("users", "add")``); with ``groups``
    the groups too, the root as ``()``."""
    paths: list[tuple[str, ...]] = [prefix] if groups else []
    for name, command in sorted(group.commands.items()):
        if getattr(command, "commands", None):
            paths += command_paths(command, groups, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


def hand_hit(text: str, title: str, doc: str = "d1", kind: str = "pressmeddelande") -> Hit:
    """A retrieved passage written by hand, for the answer engine's ``answer_from_hits``."""
    return Hit(rank=1, score=1.0, doc_id=doc, title=title, source=f"https://example.org/{doc}", kind=kind,
               agency="", date="2025-03-01", section="", page=None, text=text)
