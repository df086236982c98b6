"""The ``msv`` command line: one subcommand per job, each a thin shell over a library call."""
