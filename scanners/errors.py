"""Errors raised by the horizon scanner, rooted in the project's exception tree."""

from __future__ import annotations

try:  # the project's root; scanners may import ingest, never the other way round
    from ingest.errors import ConfigError as _ConfigRoot
    from ingest.errors import MsvError as _Root
except ImportError:  # pragma: no cover - only while ingest is absent
    _Root = Exception  # type: ignore[misc,assignment]
    _ConfigRoot = Exception  # type: ignore[misc,assignment]


class ScanError(_Root):  # type: ignore[valid-type,misc]
    """Root of every error the scanner raises on purpose."""


class FetchError(ScanError):
    """An HTTP fetch failed; names the URL and a short reason."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class RobotsDisallowed(FetchError):
    """robots.txt forbids fetching the URL for our user agent."""


class TooLarge(FetchError):
    """The body (after decompression) exceeded the size limit."""


class ParseError(ScanError):
    """A fetched document could not be parsed (invalid XML, unreadable encoding, no links)."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class ScanConfigError(ScanError, _ConfigRoot):  # type: ignore[valid-type,misc]
    """A sources or topics file has a value we cannot use; names the file and the field."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
