"""Errors raised by the horizon scanner, rooted in the project's exception tree."""

from __future__ import annotations

from ingest.errors import ConfigError, MsvError


class ScanError(MsvError):
    """Root of every error the scanner raises on purpose."""


class UrlError(ScanError):
    """Something went wrong with one URL; the message names it and a short reason."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class FetchError(UrlError):
    """An HTTP fetch failed; `retry_after` (seconds) when the server said when to come back."""

    def __init__(self, url: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(url, reason)
        self.retry_after = retry_after


class RobotsDisallowed(FetchError):
    """robots.txt forbids fetching the URL for our user agent."""


class TooLarge(FetchError):
    """The body (after decompression) exceeded the size limit."""


class ParseError(UrlError):
    """A fetched document could not be parsed (invalid XML, unreadable encoding, no links)."""


class ScanConfigError(ScanError, ConfigError):
    """A sources or topics file has a value we cannot use; names the file and the field."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
