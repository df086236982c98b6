"""What every answer engine shares: the answer and citation types, the engine interface and the
refusal sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ingest.search import Hit
    from ingest.store import SearchFilter

REFUSAL = "Det framgår inte av underlaget."


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    source: str
    section: str
    page: int | None
    text: str
    kind: str = ""
    agency: str = ""
    date: str = ""

    @classmethod
    def from_hit(cls, n: int, h: Hit) -> Citation:
        return cls(n=n, doc_id=h.doc_id, title=h.title, source=h.source, section=h.section, page=h.page,
                   text=h.text, kind=h.kind, agency=h.agency, date=h.date)

    def as_dict(self) -> dict[str, object]:
        """The CLI contract's citation fields."""
        return {k: getattr(self, k) for k in ("n", "doc_id", "title", "source", "section", "page", "text")}


@dataclass
class Answer:
    question: str
    answer: str
    grounded: bool
    engine: str
    citations: list[Citation] = field(default_factory=list)
    removed_sentences: list[str] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)  # "Närliggande källor" when refusing
    notice: str = ""  # e.g. why the LLM fell back to the extractive engine
    query: str = ""  # the standalone query actually searched (after condensing)

    def as_dict(self) -> dict[str, object]:
        """The JSON contract of ``msv ask --json`` (plus related sources and a notice when set)."""
        d: dict[str, object] = {
            "question": self.question, "answer": self.answer, "grounded": self.grounded, "engine": self.engine,
            "citations": [c.as_dict() for c in self.citations], "removed_sentences": list(self.removed_sentences),
        }
        if self.related:
            d["related"] = [c.as_dict() for c in self.related]
        if self.notice:
            d["notice"] = self.notice
        return d

    def citation(self, n: int) -> Citation | None:
        return next((c for c in self.citations if c.n == n), None)


class Engine(Protocol):
    """Answers one standalone question from the knowledge base."""

    name: str

    def answer(self, question: str, *, flt: SearchFilter | None = None) -> Answer: ...
