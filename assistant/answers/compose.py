"""How an extractive answer is written out: the chosen sentences in reading order, each marked
with its passage's number, list items as bullets, and a line for each part of the question the
documents do not answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Answer, Citation
from .units import Unit, passage_units

if TYPE_CHECKING:
    from ingest.search import Hit


def unanswered_line(part: str) -> str:
    """Says which part of a question the documents leave open, in the refusal's words."""
    return f"Det framgår inte av underlaget: ”{part.strip().rstrip('?').strip()}?”"


def compose(question: str, chosen: list[Unit], items: list[Unit], hits: list[Hit], engine: str,
            unanswered: tuple[str, ...] = ()) -> Answer:
    numbers: dict[int, int] = {}

    def mark(u: Unit) -> str:
        if u.hit not in numbers:
            numbers[u.hit] = len(numbers) + 1
        return f"[{numbers[u.hit]}]"

    # Keep passage order within a passage so the answer reads as the source does; a sentence
    # that leans on the one before it ("Dessa är ...") brings that one along.
    chosen = [chosen[0]] + sorted(chosen[1:], key=lambda u: (u.hit, u.pos))
    units = {(u.hit, u.pos): u for h in {c.hit for c in chosen} for u in passage_units(h, hits[h].text)}
    ordered: list[Unit] = []
    for u in chosen:
        before = units.get((u.hit, u.pos - 1))
        if u.anaphoric and before is not None and before.text not in {o.text for o in ordered + chosen}:
            ordered.append(before)
        ordered.append(u)
    lines = [f"{sentence(u.text)} {mark(u)}" for u in ordered]
    lead = " ".join(lines)
    seen = {u.text for u in ordered}
    bullets = [f"- {sentence(u.text)} {mark(u)}" for u in items if u.text not in seen]
    text = lead + ("\n" + "\n".join(bullets) if bullets else "")
    if unanswered:
        text += "\n" + " ".join(unanswered_line(p) for p in unanswered)
    citations = [Citation.from_hit(n, hits[i]) for i, n in sorted(numbers.items(), key=lambda x: x[1])]
    return Answer(question, text, True, engine, citations=citations)


def sentence(text: str) -> str:
    """End a unit with punctuation so the marker follows a finished sentence."""
    text = text.rstrip()
    return text if text[-1:] in ".!?:;)”\"" else text + "."
