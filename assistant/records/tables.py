"""Tables in minutes. Action lists ("| Åtgärd | Ansvarig | Klart |"): each row under such a header
is a task given at the meeting, with who does it and by when. Decision tables ("| Ärende | Förslag
| Beslut |"): each row is a decision on the matter its first column names ("3 b Mötesplan 2027"),
often in a few words ("Godkändes."). The loaders give a table row as one block whose cells are
separated by "|" (Markdown and Word alike)."""

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


_ITEM = re.compile(r"^(?:ärende\w*|fråga\w*|punkt\w*|rubrik|beslutsärende\w*)$", re.IGNORECASE)
# a column of item numbers ("| § | Ärende |", "| Paragraf | Ärende |")
_NUMBER = re.compile(r"^(?:§|§§|paragraf\w*|nr\.?|nummer|#|punkt|p\.?)$", re.IGNORECASE)
_DECIDED = re.compile(r"^(?:beslut|beslutet|beslutades|fattat\s+beslut)$", re.IGNORECASE)
# "2 a Mötesplan", "§ 4 b. Budget", "b) Budget", "3. Budget": the item's number and letter
_ITEM_NUMBER = re.compile(r"^\W*(?:§\s*)?(?P<n>\d{1,2})?\s*(?P<s>[a-z](?![\wåäö]))?\s*[.):–-]?(?:\s+(?=\S)|\s*$)")


# An item that only names a body ("Arbetsgruppen för fjällturism", "Beredningsgruppen"): whom the row is about.
_WHOM = re.compile(r"(?:styrgruppen|gd-gruppen|beredningsgruppen|arbetsgrupp(?:en)?(?:\s+för)?(?:\s+[\wåäöÅÄÖ-]+){1,3})",
                   re.IGNORECASE)


@dataclass(frozen=True)
class DecisionColumns:
    item: int
    decision: int
    number: int = -1  # the column of the items' numbers, when it is apart from the item's name

    @classmethod
    def of(cls, header: list[str]) -> DecisionColumns | None:
        """The columns of a decision table's header (an item column and a decision column), or None."""
        heads = [c.strip() for c in header]
        decision = next((i for i, c in enumerate(heads) if _DECIDED.match(c)), -1)
        # the first item column, a number column too ("| Punkt | Ärende | Beslut |": the rows' numbers
        # "§ 7 a" give their sub-items; taking "Ärende" for the matter instead was measured, not kept)
        items = [i for i, c in enumerate(heads) if i != decision and _ITEM.match(c)]
        item = items[0] if items else -1
        number = next((i for i, c in enumerate(heads) if i not in (item, decision) and _NUMBER.match(c)), -1)
        if item < 0 and number >= 0:  # numbered rows that name what they decide on some other way ("| § | Arbetsgrupp | Beslut |")
            item = next((i for i in range(len(heads)) if i not in (number, decision)), -1)
        return cls(item, decision, number) if item >= 0 and decision >= 0 else None

    def row(self, row: list[str], paragraph: str) -> tuple[str, str, str] | None:
        """(decision, matter, paragraph) of one row, or None for a row without a decision: the
        paragraph is the row's sub-item ("§ 2 a" under "§ 2" for "2 a …")."""
        decided = row[self.decision].strip() if self.decision < len(row) else ""
        item = row[self.item].strip() if self.item < len(row) else ""
        if 0 <= self.number < len(row) and row[self.number].strip():
            item = f"{row[self.number].strip()} {item}"  # "| 21 a | Processledarmöten |" is item "21 a Processledarmöten"
        if len(decided) < 4:
            return None
        m = _ITEM_NUMBER.match(item)
        if not m or not (m.group("n") or m.group("s")):
            return decided, item, paragraph
        matter = item[m.end():].strip()
        matter = "" if _WHOM.fullmatch(matter) else matter  # the row names whom it concerns: the heading's matter
        number = re.sub(r"^(?:§|punkt)\s*", "", paragraph)
        if m.group("s") and (not m.group("n") or m.group("n") == number) and paragraph:
            return decided, matter, f"{paragraph} {m.group('s')}"
        if m.group("n") and not paragraph:
            return decided, matter, f"punkt {m.group('n')}" + (f" {m.group('s')}" if m.group("s") else "")
        return decided, matter, paragraph
