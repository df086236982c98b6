"""The ``msv`` command line: one subcommand per job, each a thin shell over a library call."""


def main() -> None:
    """The ``msv`` entry point: local-first library defaults first, then the commands."""
    from ingest.offline import local_first_defaults
    from ingest.private import private_umask

    local_first_defaults()  # before any library that reads them is imported
    private_umask()  # everything this process writes holds, or may hold, restricted text
    from .main import run

    run()
