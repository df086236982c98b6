"""The project's exception tree: one root, specific children that name what went wrong."""

from __future__ import annotations


class MsvError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(MsvError):
    """A setting or argument has a value we cannot use."""


class IngestError(MsvError):
    """A file or record could not be ingested; names the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StoreError(MsvError):
    """The vector store failed or is unusable."""


class StoreLockedError(StoreError):
    """Another process holds the store's folder."""
