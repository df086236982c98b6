"""The ``msv`` command line: one subcommand per job, each a thin shell over a library call."""


def main() -> None:
    """The ``msv`` entry point: local-first library defaults first, then the commands."""
    from ingest.offline import local_first_defaults

    local_first_defaults()  # before any library that reads them is imported
    from .main import run

    run()
