"""The test session is an entry point: local-first library defaults (offline model hub, no
telemetry) are set before any test module imports a library that reads them, and files are
created private, as ``msv`` creates them."""

from ingest.offline import local_first_defaults
from ingest.private import private_umask

local_first_defaults()
private_umask()
