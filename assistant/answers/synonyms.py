"""A general Swedish thesaurus for questions asked in other words than the documents': Debian's
``mythes-sv`` (Folkets synonymlexikon in LibreOffice's MyThes format, ISO-8859-1), read as a table
from a word's stem to its one-word synonyms' stems. The engine takes the table as an argument; the
entry point reads it when the package is installed, and without it the engine does as before."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from .question import tokens_of

log = logging.getLogger(__name__)

THESAURUS = Path("/usr/share/mythes/th_sv_SE_v2.dat")  # Debian package mythes-sv
Synonyms = dict[str, frozenset[str]]


def parse_mythes(lines: list[str]) -> Synonyms:
    """``word|n`` followed by n lines ``(pos)|syn|syn …``: stem → one-word synonyms' stems, both ways."""
    table: dict[str, set[str]] = {}
    head: str | None = None
    for line in lines:
        fields = line.rstrip("\n").split("|")
        if len(fields) == 2 and fields[1].strip().isdigit() and not line.startswith(("(", "|")):
            word = word_stems(fields[0])
            head = word[0] if len(word) == 1 else None
            continue
        if head is None:
            continue
        for syn in fields[1:]:
            stems = word_stems(syn)
            if len(stems) == 1 and stems[0] != head:
                table.setdefault(head, set()).add(stems[0])
                table.setdefault(stems[0], set()).add(head)
    return {k: frozenset(v) for k, v in table.items()}


def word_stems(text: str) -> list[str]:
    """The word stems of ``text`` (the index's prefix tokens, "~…", left out)."""
    return [t for t in tokens_of(text.strip(), compounds=False) if not t.startswith("~")]


@lru_cache(maxsize=2)
def load_thesaurus(path: Path = THESAURUS) -> Synonyms:
    """The table from ``path``; empty (with a note in the log) when it is not installed or unreadable."""
    try:
        lines = path.read_text(encoding="iso-8859-1").splitlines()
    except OSError as e:
        log.info("ingen synonymordlista (%s): %s", path, e)
        return {}
    lines = lines[1:] if lines and not lines[0].count("|") else lines  # the first line names the encoding
    return parse_mythes(lines)
