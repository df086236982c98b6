"""The security suite's fixtures (defined in security_fixtures.py, which the tests import by name)."""

from security_fixtures import cli_app, embedder, world  # noqa: F401
