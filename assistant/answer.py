"""Answer engines: the shared result type, the engine interface and the registry through which
built-in engines (extractive, LLM) are found — the same way an outside engine would register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ingest.errors import ConfigError

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase
    from ingest.search import Hit
    from ingest.store import SearchFilter

    from .settings import Settings

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


EngineFactory = Callable[["KnowledgeBase", "Settings | None"], Engine]
_ENGINES: dict[str, EngineFactory] = {}


def register_engine(name: str, factory: EngineFactory) -> None:
    _ENGINES[name] = factory


def engine_names() -> list[str]:
    _builtins()
    return sorted(_ENGINES)


def get_engine(name: str, kb: KnowledgeBase, settings: Settings | None = None) -> Engine:
    _builtins()
    try:
        factory = _ENGINES[name]
    except KeyError:
        raise ConfigError(f"okänd svarsmotor {name!r}; välj en av {', '.join(sorted(_ENGINES))}") from None
    return factory(kb, settings)


def engine_for(kb: KnowledgeBase, settings: Settings) -> Engine:
    """The engine the settings ask for: extractive unless an LLM backend is configured."""
    return get_engine("extractive" if settings.llm_backend == "none" else "llm", kb, settings)


def _builtins() -> None:
    if "extractive" in _ENGINES:
        return
    from .extractive import ExtractiveEngine
    from .llm import LlmEngine

    register_engine("extractive", lambda kb, s: ExtractiveEngine(kb))
    register_engine("llm", lambda kb, s: LlmEngine.from_settings(kb, s))
