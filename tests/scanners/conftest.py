"""Fixtures for the scanner tests; helpers live in scanner_fixtures."""

from scanner_fixtures import fetcher, server, silent  # noqa: F401
