"""The test session is an entry point: local-first library defaults (offline model hub, no
telemetry) are set before any test module imports a library that reads them."""

from ingest.offline import local_first_defaults

local_first_defaults()
