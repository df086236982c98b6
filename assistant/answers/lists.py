"""Lists in an extractive answer: the bullet items that follow a lead sentence ("… följande
funktioner behövs:"), and which retrieved list answers a question asking for one ("Vilka rutiner …")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .question import QuestionInfo, tokens_of
from .units import Unit, passage_units

if TYPE_CHECKING:
    from ingest.search import Hit

MAX_ITEMS = 8
MAX_ITEM_GAP = 3  # description sentences allowed between two list items
LIST_LEADS = 10  # list questions look for a lead among this many best sentences


def items_after(lead: Unit, passage: list[Unit]) -> list[Unit]:
    """The list items that follow ``lead`` in its passage (``passage_units`` of it); items may be
    separated by up to ``MAX_ITEM_GAP`` description sentences, and the first must come right after."""
    items: list[Unit] = []
    gap = 0
    for u in passage:
        if u.pos <= lead.pos:
            continue
        if u.is_item:
            items.append(u)
            gap = 0
            continue
        gap += 1
        if (not items and u.pos > lead.pos + 1) or gap > MAX_ITEM_GAP:
            break
    return items


def list_items(info: QuestionInfo, chosen: list[Unit], units: list[Unit], hits: list[Hit],
               min_coverage: float) -> list[Unit]:
    """For list questions (or a lead ending in a colon): the bullet items that follow a lead among
    the best units (``units``, best first); that lead joins ``chosen``. A question naming what it
    lists ("Vilka rutiner …") is answered by the first list, in that order, whose lead or items say
    that word ("Rutin för …"), before a better-ranked list of something else."""
    passages: dict[int, list[Unit]] = {}

    def block(lead: Unit) -> list[Unit]:
        if lead.hit not in passages:
            passages[lead.hit] = passage_units(lead.hit, hits[lead.hit].text)
        return items_after(lead, passages[lead.hit]) if lead.coverage >= min_coverage else []

    if info.kind == "list":
        leads = units[:LIST_LEADS]
        if info.counted:
            naming = next((u for u in units if _names_what_is_listed(info, u, block(u)[:MAX_ITEMS])), None)
            leads = [naming] if naming is not None else leads
    elif chosen[0].text.endswith(":"):
        leads = [chosen[0]]
    else:
        return []
    for lead in leads:
        items = block(lead)
        if len(items) >= 2:
            if lead.text not in {c.text for c in chosen}:
                chosen.append(lead)
            return items[:MAX_ITEMS]
    return []


def _names_what_is_listed(info: QuestionInfo, lead: Unit, items: list[Unit]) -> bool:
    """Whether a list of two or more items names, as a word of its own, the noun the question
    lists ("rutiner"; a compound that only begins with it — "funktionsbrevlåda" — does not)."""
    if len(items) < 2:
        return False
    words = frozenset(tokens_of(" ".join([lead.text] + [i.text for i in items]), compounds=False))
    return bool(info.counted & words)
