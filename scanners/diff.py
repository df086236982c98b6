"""What changed between two versions of an item, word by word, for a reader in a hurry: the
changed spans with a few words of context, numbers, amounts and dates first."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

# A date, a number written with thousands spaces ("3 000", "1 250 000"), other numbers,
# paragraph signs and words; punctuation stands alone.
_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,:]\d+)*"
                    r"|§|[\w%-]+|[^\w\s]")
_NO_SPACE_BEFORE = set(",.;:!?)%»”")
_MONTHS = re.compile(r"\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
                     r"november|december)\b", re.I)
CONTEXT_WORDS = 3
SPAN_WORDS = 12


def tokens(text: str) -> list[str]:
    return [re.sub(r"[\u00a0\u202f]", " ", t) for t in _TOKEN.findall(text or "")]


def join(words: list[str]) -> str:
    out = ""
    for w in words:
        out += w if not out or w in _NO_SPACE_BEFORE or out.endswith(("(", "«", "“")) else " " + w
    return out


def _clip(words: list[str], n: int = SPAN_WORDS) -> str:
    return join(words) if len(words) <= n else join(words[:n]) + " …"


@dataclass(frozen=True)
class Change:
    """One changed span: what stood there, what stands there now, and the words around it."""

    old: str
    new: str
    before: str = ""
    after: str = ""

    @property
    def numeric(self) -> bool:
        """A number, an amount or a date ("maj" → "juni" moves a date too)."""
        changed = self.old + " " + self.new
        return any(c.isdigit() for c in changed) or bool(_MONTHS.search(changed))

    def text(self) -> str:
        """Plain Swedish: 'utökas med «3 000» → «5 000» platser'."""
        if self.old and self.new:
            core = f"«{self.old}» → «{self.new}»"
        elif self.new:
            core = f"nytt: «{self.new}»"
        else:
            core = f"struket: «{self.old}»"
        return " ".join(p for p in (self.before, core, self.after) if p)

    def to_json(self) -> dict[str, str]:
        return {"old": self.old, "new": self.new, "before": self.before, "after": self.after}


@dataclass
class TextDiff:
    """The changes between two versions; `more` counts the changed spans not listed."""

    title: tuple[str, str] | None = None
    changes: list[Change] = field(default_factory=list)
    more: int = 0

    @property
    def empty(self) -> bool:
        return self.title is None and not self.changes

    def text(self) -> str:
        """One line: the title change, then the listed changes, then how many more."""
        parts = []
        if self.title:
            parts.append(f"rubriken «{self.title[0]}» → «{self.title[1]}»")
        parts += [c.text() for c in self.changes]
        if self.more:
            parts.append(f"och {self.more} {'ändring' if self.more == 1 else 'ändringar'} till")
        return "; ".join(parts) if parts else "ändringar i formuleringen"

    def to_json(self) -> dict[str, Any]:
        return {"title": list(self.title) if self.title else None,
                "changes": [c.to_json() for c in self.changes], "more": self.more,
                "text": self.text()}


def word_changes(old: str, new: str) -> list[Change]:
    """Every changed span between two texts, in text order; case alone is no change."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [t.casefold() for t in a], [t.casefold() for t in b],
                                      autojunk=False)
    out: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        out.append(Change(_clip(a[i1:i2]), _clip(b[j1:j2]),
                          join(b[max(0, j1 - CONTEXT_WORDS):j1]),
                          join(b[j2:j2 + CONTEXT_WORDS])))
    return out


def diff_versions(old_title: str, old_text: str, new_title: str, new_text: str,
                  limit: int = 5) -> TextDiff:
    """The reader's diff: a changed title, then at most `limit` changed spans of the text with
    numbers, amounts and dates first (in text order within each group)."""
    title = None
    if old_title.casefold().split() != new_title.casefold().split():
        title = (old_title, new_title)
    # A page's text often starts with its heading: that change is the title's, shown once.
    changes = word_changes(_without_heading(old_title, old_text),
                           _without_heading(new_title, new_text))
    ranked = [c for c in changes if c.numeric] + [c for c in changes if not c.numeric]
    return TextDiff(title, ranked[:limit], max(0, len(ranked) - limit))


def _without_heading(title: str, text: str) -> str:
    first, _, rest = text.lstrip().partition("\n")
    return rest if first.strip("# ").casefold() == title.strip().casefold() else text
