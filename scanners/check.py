"""`msv scan --check`: each source's feed or list page fetched once and parsed, nothing stored,
so an operator with network sees which configured addresses answer and read as expected."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from scanners.errors import ScanError
from scanners.fetch import Fetcher
from scanners.kinds import build_source
from scanners.sources import IndexSource, SourceConfig


@dataclass
class CheckResult:
    id: str
    url: str
    verified: bool
    ok: bool
    entries: int = 0
    error: str | None = None
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "verified": self.verified, "ok": self.ok,
                "entries": self.entries, "error": self.error, "seconds": self.seconds}


def check_source(config: SourceConfig, fetcher: Fetcher) -> CheckResult:
    """Fetch the source's index document (unconditionally) and count what it holds."""
    t0 = time.monotonic()
    source = build_source(config)
    result = CheckResult(config.id, config.url, config.verified, False)
    try:
        if not isinstance(source, IndexSource):
            raise ScanError(f"{config.id}: kind {config.kind!r} cannot be checked without a scan")
        source_index = fetcher.get(config.url, accept=source.accept)
        result.entries = source.probe(source_index)
        result.ok = result.entries > 0
        if not result.ok:
            result.error = "answers, but holds no entries (check keywords_any / link_pattern)"
    except ScanError as e:
        result.error = str(e)
    result.seconds = round(time.monotonic() - t0, 3)
    return result


def check_sources(configs: list[SourceConfig], fetcher: Fetcher) -> list[CheckResult]:
    return [check_source(c, fetcher) for c in configs]
