"""`msv` usage errors in Swedish for every command: the usage line, the help hint and the message,
exit code 2 as before; and the translation table itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from testkit import command_paths
from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.cli.swedish import message

ENGLISH = ("Usage", "Error", "Try ", "No such", "Missing", "Invalid", "Input should", "Got unexpected",
           "requires", "Possible")


COMMANDS = command_paths(typer.main.get_command(app))


@pytest.fixture
def msv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MSV_CONFIG", "/nonexistent/msv.toml")
    data = tmp_path / "data"

    def run(*args: str):
        return CliRunner().invoke(app, ["--data-dir", str(data), *args], prog_name="msv")
    return run


def _swedish(output: str) -> None:
    assert "fel: " in output, output
    for word in ENGLISH:
        assert word not in output, output


def test_the_tree_has_the_commands_of_the_readme() -> None:
    assert {("search",), ("ingest",), ("users", "add"), ("decisions",), ("eval", "answers")} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_unknown_option_is_reported_in_swedish_by_every_command(msv, command: tuple[str, ...]) -> None:
    r = msv(*command, "--finns-inte")
    assert r.exit_code == 2, r.output
    _swedish(r.output)
    assert "okänd flagga --finns-inte" in r.output
    assert f"Användning: msv {' '.join(command)} [FLAGGOR]" in r.output
    assert f"Skriv 'msv {' '.join(command)} --help' för hjälp." in r.output


@pytest.mark.parametrize(("args", "expected"), [
    (["--finns-inte"], "okänd flagga --finns-inte"),
    (["finns-inte"], "okänt kommando 'finns-inte'"),
    (["search"], "argumentet 'FRÅGA' saknas"),
    (["ingest"], "argumentet 'SÖKVÄG' saknas"),
    (["search", "x", "-k", "många"], "ogiltigt värde för '-k': ska vara ett heltal"),
    (["search", "x", "-k", "0"], "ogiltigt värde för '-k': ska vara minst 1"),
    (["search", "x", "-k", "500"], "ogiltigt värde för '-k': ska vara högst 100"),
    (["search", "x", "--jsn"], "okänd flagga --jsn (menade du --json"),
    (["search", "x", "--since"], "flaggan '--since' behöver ett värde"),
    (["search", "x", "-k"], "flaggan '-k' behöver ett värde"),
    (["stats", "--json=ja"], "flaggan '--json' tar inget värde"),
    (["stats", "a", "b"], "för många argument: a b"),
    (["users", "add"], "argumentet 'NAMN' saknas"),
])
def test_usage_errors_read_in_swedish(msv, args: list[str], expected: str) -> None:
    r = msv(*args)
    assert r.exit_code == 2, r.output
    _swedish(r.output)
    assert f"fel: {expected}" in r.output


def test_commands_own_exit_codes_are_kept(msv, tmp_path: Path) -> None:
    """A command's own typer.Exit passes through the Swedish group unchanged."""
    r = msv("remove", "finns-inte")
    assert r.exit_code == 1 and "hittade inget dokument" in r.output
    assert msv("users", "list", "--json").exit_code == 0
    assert msv("--help").exit_code == 0


def test_the_installed_command_prints_swedish(tmp_path: Path) -> None:
    """The real entry point in its own process, as a user runs it."""
    env = {**os.environ, "MSV_DATA_DIR": str(tmp_path / "data"), "MSV_CONFIG": "/nonexistent/msv.toml"}
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "--finns-inte", "x"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 2
    assert r.stderr.splitlines()[-3:] == ["Användning: msv search [FLAGGOR] FRÅGA",
                                          "Skriv 'msv search --help' för hjälp.", "fel: okänd flagga --finns-inte"]


@pytest.mark.parametrize(("english", "swedish"), [
    ("Missing option '--groups'.", "flaggan '--groups' saknas"),
    ("Invalid value for '--since': Input should be a valid date", "ogiltigt värde för '--since': ska vara ett datum (ÅÅÅÅ-MM-DD)"),
    ("Invalid value for 'FIL': Path 'x.jsonl' does not exist.", "ogiltigt värde för 'FIL': 'x.jsonl' finns inte"),
    ("Option '--pair' requires 2 arguments.", "flaggan '--pair' behöver 2 värden"),
    ("Something no table knows.", "Something no table knows."),
])
def test_the_translation_table(english: str, swedish: str) -> None:
    assert message(english) == swedish


@pytest.mark.parametrize(("args", "command"), [
    (["search", "x", "--since"], "search"),  # Click's parser raises these without a context
    (["users", "add", "--groups"], "users add"),
    (["stats", "--json=ja"], "stats"),
])
def test_an_error_raised_without_a_context_has_usage_line_and_hint(msv, args: list[str], command: str) -> None:
    r = msv(*args)
    assert r.exit_code == 2, r.output
    assert f"Användning: msv {command} [FLAGGOR]" in r.output
    assert f"Skriv 'msv {command} --help' för hjälp." in r.output
    assert r.output.strip().splitlines()[-1].startswith("fel: flaggan '--")


def test_the_usage_line_names_the_arguments_in_swedish() -> None:
    group = typer.main.get_command(app)
    with group.make_context("msv", ["--help"], resilient_parsing=True) as ctx:
        assert ctx.get_usage() == "Användning: msv [FLAGGOR] KOMMANDO [ARGUMENT]..."
    for name, arguments in (("search", "FRÅGA"), ("decisions", "[FRÅGA]"), ("ingest", "SÖKVÄG...")):
        with group.commands[name].make_context(f"msv {name}", [], resilient_parsing=True) as ctx:
            assert ctx.get_usage() == f"Användning: msv {name} [FLAGGOR] {arguments}"
