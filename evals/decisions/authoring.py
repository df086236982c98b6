# ruff: noqa: E501  (the sample minutes are prose, one sentence a line)
"""The authoring model of the fictional sample minutes: meetings, numbered items, paragraphs
and the labelled parts (decisions, procedural lines, traps) the labels are written from."""

from __future__ import annotations

from dataclasses import dataclass, field


# -- authoring model -----------------------------------------------------------------------------
@dataclass
class D:
    """A decision sentence. ``label`` is written before it ("Beslut:") but is not part of its text."""

    text: str
    kind: str = "beslut"
    responsible: str = ""
    deadline: str = ""
    label: str = ""


@dataclass
class Proc:
    """A procedural line: not a decision (or marked procedur)."""

    text: str


@dataclass
class Trap:
    """Looks a little like a decision but is not one (a proposal, a reminder of an old decision)."""

    text: str


@dataclass
class Bullets:
    """An intro line ("Beslut:") followed by one bullet per decision."""

    intro: str
    items: list[D]


Part = str | D | Proc | Trap
Para = list[Part] | Bullets


@dataclass
class Item:
    number: int
    heading: str
    paras: list[Para]
    inline: bool = False  # heading written into the first paragraph, not as a heading


@dataclass
class Meeting:
    file: str
    title: str
    body: str
    date: str
    date_text: str
    items: list[Item]
    numbering: str = "§"  # "§" or "punkt"
    header: list[str] = field(default_factory=list)
    attendees: list[tuple[str, str]] = field(default_factory=list)

    def paragraph(self, item: Item) -> str:
        return f"§ {item.number}" if self.numbering == "§" else f"punkt {item.number}"

    def heading_text(self, item: Item) -> str:
        return f"§ {item.number} {item.heading}" if self.numbering == "§" else f"{item.number}. {item.heading}"


def part_text(p: Part) -> str:
    if isinstance(p, D):
        return f"{p.label} {p.text}".strip()
    return p if isinstance(p, str) else p.text


def para_text(para: list[Part]) -> str:
    return " ".join(part_text(p) for p in para)


ATT = [("Anna Lindqvist", "MYH, ordförande"), ("Per Ekström", "Skolverket"), ("Maria Sandberg", "Arbetsförmedlingen"),
       ("Johan Nyberg", "UHR"), ("Karin Holm", "Tillväxtverket"), ("Lena Virtanen", "sekretariatet, MYH")]
