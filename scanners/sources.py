"""Source configuration (the TOML sources file) and the Source protocol every kind of source
implements (the kinds themselves are looked up in ``scanners.kinds``)."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scanners.errors import ScanConfigError
from scanners.fetch import Fetcher, FetchResult, Validators
from scanners.items import Entry

log = logging.getLogger(__name__)

DEFAULT_SOURCES_FILE = Path(__file__).with_name("sources.toml")


class SourceConfig(BaseModel):
    """One `[[source]]` table of a sources file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Stable identifier")
    name: str = Field(description="Human-readable name shown in digests")
    kind: Literal["rss", "atom", "page"] = Field(description="How the source is read")
    url: str = Field(description="Feed URL or news list page URL")
    agency: str | None = Field(None, description="Publishing agency or organisation")
    region: str | None = Field(None, description="Region, for regional actors")
    topics: list[str] = Field(default_factory=list, description="Default watch topic ids")
    verified: bool = Field(False, description="URL checked against the live site")
    enabled: bool = Field(True, description="False skips the source")
    notes: str = Field("", description="Free text: where the URL comes from")
    # feed options
    keywords_any: list[str] = Field(
        default_factory=list,
        description="Keep only entries whose media:keywords or categories name one of these")
    # page options
    link_selector: str | None = Field(
        None, description="CSS-like selector for article links on the list page "
                          "(tag, .class, #id, [attr], [attr*=x], descendant); else heuristics")
    link_pattern: str | None = Field(None, description="Regex an article URL must match")
    max_articles: int = Field(20, ge=1, le=200, description="Articles fetched per scan")
    fetch_articles: bool = Field(
        False, description="Feeds: also fetch each new entry's page for its full text")

    @field_validator("url")
    @classmethod
    def _absolute(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("url must be absolute http(s)")
        return v


@dataclass
class SourceState:
    """What a source remembers between scans, handed to it by the scan runner."""

    validators: Validators = field(default_factory=Validators)
    content_hash: str | None = None
    known_urls: Callable[[str], bool] = lambda _url: False


@dataclass
class Poll:
    """What one poll of a source found."""

    status: Literal["ok", "unchanged"]
    entries: list[Entry] = field(default_factory=list)
    validators: Validators = field(default_factory=Validators)
    content_hash: str | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def not_modified(cls, state: SourceState) -> Poll:
        """The server said 304: nothing new, and the state stays as it was."""
        return cls("unchanged", validators=state.validators, content_hash=state.content_hash)


class Source(Protocol):
    """A place we watch. Every fetch goes through the shared Fetcher."""

    config: SourceConfig

    def poll(self, fetcher: Fetcher, state: SourceState) -> Poll:
        """Fetch what is new since `state`; raise a ScanError when the source is broken."""
        ...


class IndexSource:
    """Base of the built-in kinds: a configured source whose one index document (the feed, the
    list page) is fetched conditionally; :meth:`read` is called only when it has changed."""

    accept = "*/*"

    def __init__(self, config: SourceConfig) -> None:
        self.config = config

    def poll(self, fetcher: Fetcher, state: SourceState) -> Poll:
        index = fetcher.get(self.config.url, state.validators, accept=self.accept)
        if index.not_modified:
            return Poll.not_modified(state)
        return self.read(index, fetcher, state)

    def read(self, index: FetchResult, fetcher: Fetcher, state: SourceState) -> Poll:
        """What is new in a changed index document (articles it links are fetched with ``fetcher``)."""
        raise NotImplementedError


def load_sources(path: str | Path | None = None, only: list[str] | None = None,
                 include_disabled: bool = False) -> list[SourceConfig]:
    """Read a sources file (TOML, `[[source]]` tables); `only` picks ids."""
    path = Path(path) if path else DEFAULT_SOURCES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ScanConfigError(str(path), "sources file not found") from e
    except tomllib.TOMLDecodeError as e:
        raise ScanConfigError(str(path), f"invalid TOML: {e}") from e
    tables = data.get("source")
    if not isinstance(tables, list):
        raise ScanConfigError(str(path), "expected an array of tables [[source]]")
    configs: list[SourceConfig] = []
    seen: set[str] = set()
    for i, table in enumerate(tables):
        try:
            cfg = SourceConfig.model_validate(table)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            ident = table.get("id", f"#{i + 1}") if isinstance(table, dict) else f"#{i + 1}"
            raise ScanConfigError(str(path),
                                  f"source {ident}: {where}: {first['msg']}") from e
        if cfg.id in seen:
            raise ScanConfigError(str(path), f"duplicate source id {cfg.id!r}")
        seen.add(cfg.id)
        configs.append(cfg)
    if only:
        missing = sorted(set(only) - seen)
        if missing:
            raise ScanConfigError(str(path), f"no source with id {', '.join(missing)}; "
                                             f"known: {', '.join(sorted(seen))}")
        configs = [c for c in configs if c.id in only]
    elif not include_disabled:
        configs = [c for c in configs if c.enabled]
    return configs
