"""Action lists written as tables ("| Åtgärd | Ansvarig | Klart |"): each row under such a header
is a task given at the meeting, with who does it and by when. The loaders give a table row as
one block whose cells are separated by "|" (Markdown and Word alike)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WHAT = re.compile(r"^(?:åtgärd\w*|uppgift\w*|aktivitet\w*|uppdrag\w*|att\s+göra|vad|beslut\w*|ärende\w*)\b", re.IGNORECASE)
_WHO = re.compile(r"^(?:ansvarig\w*|ansvar|vem|utförare)\b", re.IGNORECASE)
_WHEN = re.compile(r"^(?:klart?(?:\s+\w+)?|senast|deadline|när|tidpunkt|tidsplan|datum|tid|slutdatum|färdigt)\b",
                   re.IGNORECASE)
_RULE = re.compile(r"^[\s|:+-]*$")


def cells(text: str) -> list[str] | None:
    """The cells of a table row ("| a | b |" or "a | b"), or None when ``text`` is no row."""
    if text.count("|") < 1 or _RULE.match(text):
        return None
    parts = [c.strip() for c in text.strip().strip("|").split("|")]
    return parts if len(parts) >= 2 else None


def is_rule(text: str) -> bool:
    """The Markdown line under a table's header ("|---|---|")."""
    return "-" in text and bool(_RULE.match(text))


@dataclass(frozen=True)
class ActionColumns:
    what: int
    who: int
    when: int  # -1 when the table has no deadline column
    decisions: bool  # the first column lists decisions ("Beslut"), not tasks

    @classmethod
    def of(cls, header: list[str]) -> ActionColumns | None:
        """The columns of an action list's header, or None when the header is no such list's."""
        what = next((i for i, c in enumerate(header) if _WHAT.match(c)), -1)
        who = next((i for i, c in enumerate(header) if _WHO.match(c)), -1)
        when = next((i for i, c in enumerate(header) if _WHEN.match(c)), -1)
        if what < 0 or (who < 0 and when < 0):
            return None
        return cls(what, who, when, bool(re.match(r"beslut", header[what], re.IGNORECASE)))

    def row(self, row: list[str]) -> tuple[str, str, str] | None:
        """(what, who, when) of one row, or None for a row without a task."""
        def at(i: int) -> str:
            return row[i].strip() if 0 <= i < len(row) else ""

        what = at(self.what)
        if len(what) < 4:
            return None
        return what, at(self.who), at(self.when)
