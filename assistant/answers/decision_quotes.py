"""Which decision an answer of the ordinary engine speaks of: the one it quotes, or the one in the
minutes passage it cites when it quotes that passage's discussion rather than its decision."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.swedish import normalize

from ..records.decisions import DECISION_KINDS, Decision
from .base import Answer


def _words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", normalize(text)))


def quoted_decision(answer: Answer, pool: list[Decision]) -> Decision | None:
    """The first decision an answer's sentences quote from the passage they cite (nearly all of the
    decision's words in one sentence that cites its minutes), in the answer's order."""
    by_doc: dict[str, list[Decision]] = {}
    for d in pool:
        by_doc.setdefault(d.doc_id, []).append(d)
    cited = {c.n: c for c in answer.citations}
    for line in re.split(r"(?<=\])\s+|\n", answer.answer):
        words = _words_of(line)
        for n in (int(x) for x in re.findall(r"\[(\d+)\]", line)):
            c = cited.get(n)
            for d in by_doc.get(c.doc_id, []) if c is not None else []:
                want = _words_of(d.text)
                if want and len(want & words) >= 0.9 * len(want):
                    return d
    return None


def cited_paragraph(answer: Answer, pool: list[Decision], score: Callable[[Decision], float]) -> Decision | None:
    """When the answer quotes a paragraph's discussion rather than its decision ("rutinen för hur
    skrivelser expedieras … har inte uppdaterats" beside the decision on a new routine): the
    decision in the passage its first citation quotes that ``score`` (the share of the question's
    words it has) rates highest, if above 0."""
    if not answer.citations:
        return None
    c = answer.citations[0]
    text = normalize(c.text or "")
    near = [d for d in pool if d.doc_id == c.doc_id and d.kind in DECISION_KINDS and normalize(d.text) in text]
    scored = [(score(d), n, d) for n, d in enumerate(near)]
    best = max(scored, key=lambda x: (x[0], -x[1]), default=None)
    return best[2] if best is not None and best[0] > 0 else None
