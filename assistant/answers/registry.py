"""Engine lookup: the built-in engines (extractive, LLM) register here the same way an outside
engine would, and :func:`engine_for` picks the one the settings ask for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest.errors import ConfigError

from .extractive import ExtractiveEngine
from .llm import LlmEngine
from .synonyms import load_thesaurus

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..settings import Settings
    from .base import Engine

EngineFactory = Callable[["KnowledgeBase", "Settings | None"], "Engine"]
_ENGINES: dict[str, EngineFactory] = {}


def register_engine(name: str, factory: EngineFactory) -> None:
    _ENGINES[name] = factory


def engine_names() -> list[str]:
    return sorted(_ENGINES)


def get_engine(name: str, kb: KnowledgeBase, settings: Settings | None = None) -> Engine:
    try:
        factory = _ENGINES[name]
    except KeyError:
        raise ConfigError(f"okänd svarsmotor {name!r}; välj en av {', '.join(sorted(_ENGINES))}") from None
    return factory(kb, settings)


def engine_for(kb: KnowledgeBase, settings: Settings) -> Engine:
    """The engine the settings ask for: extractive unless an LLM backend is configured."""
    return get_engine("extractive" if settings.llm_backend == "none" else "llm", kb, settings)


# The thesaurus is read here, once, when installed (Debian mythes-sv); the engine takes it as an argument.
register_engine("extractive", lambda kb, s: ExtractiveEngine(kb, synonyms=load_thesaurus()))
register_engine("llm", lambda kb, s: LlmEngine.from_settings(kb, s))
