"""The kinds of source a sources file may name (``kind = "rss"`` …): the built-in feed and page
readers register here the same way an outside kind would."""

from __future__ import annotations

from collections.abc import Callable

from scanners.errors import ScanConfigError
from scanners.feeds import FeedSource
from scanners.pages import PageSource
from scanners.sources import Source, SourceConfig

SourceFactory = Callable[[SourceConfig], Source]
_KINDS: dict[str, SourceFactory] = {}


def register_kind(kind: str, factory: SourceFactory) -> None:
    """Make `kind` available in sources files; built-in kinds register the same way."""
    _KINDS[kind] = factory


def build_source(config: SourceConfig) -> Source:
    try:
        return _KINDS[config.kind](config)
    except KeyError as e:
        raise ScanConfigError(config.id, f"unknown source kind {config.kind!r}") from e


register_kind("rss", FeedSource)
register_kind("atom", FeedSource)
register_kind("page", PageSource)
