"""Source configuration (the TOML sources file) and the Source protocol every kind of source
implements (the kinds themselves are looked up in ``scanners.kinds``)."""

from __future__ import annotations

import logging
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scanners.articles import fetch_article
from scanners.errors import ScanConfigError, ScanError
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
    verified: bool = Field(False, description="URL checked against the live site: only with a "
                                             "captured sample that the tests parse")
    sample: str | None = Field(None, description="File under scanners/samples/ holding a captured "
                                                 "response of this URL")
    captured: date | None = Field(None, description="When the sample was captured")
    enabled: bool = Field(True, description="False skips the source")
    notes: str = Field("", description="Free text: where the URL comes from")
    budget: float | None = Field(None, gt=0, description="Seconds this source may take per scan; "
                                                         "default: the scan's per-source budget")
    recheck_days: float = Field(
        7.0, ge=0, description="Articles fetched from this source are fetched again (conditional "
                               "GET) after this many days to catch changes; 0 = never")
    recheck_max: int = Field(5, ge=0, le=100, description="Articles re-checked per scan")
    # feed options
    keywords_any: list[str] = Field(
        default_factory=list,
        description="Keep only entries whose media:keywords or categories name one of these")
    keywords_all: list[list[str]] = Field(
        default_factory=list,
        description="Also keep entries whose keywords and categories include every word of one "
                    "of these groups (e.g. [\"Anslagsbrev\", \"Utbildningsdepartementet\"])")
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
    # Articles seen before and due for a conditional re-fetch: (URL, their cache validators).
    due: list[tuple[str, Validators]] = field(default_factory=list)
    deadline: float | None = None  # time.monotonic() by which the source must be done
    budget: float | None = None  # the seconds that deadline stands for, for messages

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def budget_warning(self, left: int) -> str:
        return (f"tidsgränsen {self.budget or 0:g} s för källan nåddes; {left} "
                f"{'artikel väntar' if left == 1 else 'artiklar väntar'} till nästa körning")


@dataclass
class Poll:
    """What one poll of a source found."""

    status: Literal["ok", "unchanged"]
    entries: list[Entry] = field(default_factory=list)
    validators: Validators = field(default_factory=Validators)
    content_hash: str | None = None
    warnings: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # re-checked article URLs (changed or not)

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
        poll = Poll.not_modified(state) if index.not_modified else self.read(index, fetcher, state)
        recheck(fetcher, state, poll)
        return poll

    def read(self, index: FetchResult, fetcher: Fetcher, state: SourceState) -> Poll:
        """What is new in a changed index document (articles it links are fetched with ``fetcher``)."""
        raise NotImplementedError

    def probe(self, index: FetchResult) -> int:
        """How many entries (feed items, article links) the index document holds: what
        `msv scan --check` reports, without fetching any article."""
        raise NotImplementedError


def recheck(fetcher: Fetcher, state: SourceState, poll: Poll) -> None:
    """Fetch articles seen before again, conditionally: a 304 costs the site nothing, and a
    changed page comes back as an entry whose new content the store keeps as a new version."""
    for i, (url, validators) in enumerate(state.due):
        if state.out_of_time():
            poll.warnings.append(state.budget_warning(len(state.due) - i))
            return
        try:
            entry = fetch_article(fetcher, url, validators=validators)
        except ScanError as e:
            poll.warnings.append(f"re-check: {e}")
            continue
        poll.checked.append(url)
        if entry is not None:
            poll.entries.append(entry)
            poll.status = "ok"


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
