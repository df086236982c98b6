"""`msv --help` and every command's help in Swedish: Typer's frame (usage line, panel titles, the help
option, defaults, required values) has no English word left; exit code 0 as before."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from testkit import command_paths
from typer.testing import CliRunner

from assistant.cli.main import app

ENGLISH_FRAME = ("Usage", "Options", "Arguments", "Commands", "Show this message", "default:", "required",
                 "[OPTIONS]", "COMMAND", "[ARGS]", "env var", "deprecated")

TREE = command_paths(typer.main.get_command(app), groups=True)


def _no_english(output: str) -> None:
    for word in ENGLISH_FRAME:
        assert word not in output, f"{word!r} in:\n{output}"


@pytest.fixture
def msv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MSV_CONFIG", "/nonexistent/msv.toml")
    monkeypatch.setenv("MSV_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "200")  # rich's width: no help text wrapped within a phrase

    def run(*args: str):
        return CliRunner().invoke(app, list(args), prog_name="msv")
    return run


def test_the_tree_has_groups_and_commands() -> None:
    assert {(), ("users",), ("eval",), ("search",), ("users", "add"), ("eval", "answers")} <= set(TREE)


@pytest.mark.parametrize("command", TREE, ids=lambda c: " ".join(c) or "msv")
def test_every_help_page_is_swedish(msv, command: tuple[str, ...]) -> None:
    r = msv(*command, "--help")
    assert r.exit_code == 0, r.output
    _no_english(r.output)
    assert f"Användning: {' '.join(('msv', *command))} [FLAGGOR]" in r.output
    assert "Flaggor" in r.output and "Visa den här hjälpen och avsluta." in r.output


def test_a_page_has_every_part_in_swedish(msv) -> None:
    r = msv("search", "--help")
    assert "Användning: msv search [FLAGGOR] FRÅGA" in r.output
    for words in ("─ Argument ─", "─ Flaggor ─", "FRÅGA", "[krävs]", "[standard: 10]"):
        assert words in r.output, r.output
    assert "query" not in r.output  # the argument's name in the code
    groups = msv("users", "--help")
    assert "Användning: msv users [FLAGGOR] KOMMANDO [ARGUMENT]..." in groups.output
    assert "─ Kommandon ─" in groups.output


def test_a_group_without_arguments_shows_its_help_in_swedish(msv) -> None:
    r = msv("users")  # no_args_is_help: the help, exit 2 (Click's convention for a missing command)
    _no_english(r.output)
    assert "Användning: msv users [FLAGGOR] KOMMANDO [ARGUMENT]..." in r.output


def _installed(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "MSV_DATA_DIR": str(tmp_path / "data"), "MSV_CONFIG": "/nonexistent/msv.toml", **env}
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                          env=environ, timeout=120)


@pytest.mark.parametrize("args", [["--help"], ["users", "add", "--help"]])
def test_the_installed_command_shows_swedish_help(tmp_path: Path, args: list[str]) -> None:
    """The real entry point in its own process, as a user runs it."""
    r = _installed(args, tmp_path)
    assert r.returncode == 0, r.stderr
    _no_english(r.stdout)
    assert "Användning: msv" in r.stdout and "Visa den här hjälpen och avsluta." in r.stdout


def test_help_without_rich_is_swedish_too(tmp_path: Path) -> None:
    """Typer prints Click's plain help when rich is turned off (TYPER_USE_RICH=0)."""
    r = _installed(["search", "--help"], tmp_path, TYPER_USE_RICH="0")
    assert r.returncode == 0, r.stderr
    _no_english(r.stdout)
    for words in ("Användning: msv search [FLAGGOR] FRÅGA", "Argument:", "Flaggor:", "[krävs]", "[standard: 10;"):
        assert words in r.stdout, r.stdout


# Typer's own notation for a value's type ("<str>", "<int range>", "<list[Path]>", "<bool>").
TYPER_TYPE = re.compile(r"<(?:str|int|float|bool|path|file|dir|datetime|list\[[^\]]*\])(?: range)?>")


@pytest.mark.parametrize("command", TREE, ids=lambda c: " ".join(c) or "msv")
def test_no_help_page_shows_typers_type_notation(msv, command: tuple[str, ...]) -> None:
    r = msv(*command, "--help")
    assert r.exit_code == 0, r.output
    assert not TYPER_TYPE.search(r.output), r.output


def _row(output: str, name: str) -> str:
    """The help row of an option or argument, from its name to the start of its help text."""
    line = next(line for line in output.splitlines()
                if line.startswith("│") and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line))
    return re.sub(r"\s+", " ", line.strip("│ "))


@pytest.mark.parametrize(("command", "name", "shown"), [
    (("search",), "-k", "-k HELTAL [1<=x<=100] Antal träffar."),  # a number, its range beside it
    (("search",), "--kind", "--kind TEXT Bara"),
    (("search",), "FRÅGA", "* FRÅGA TEXT Sökfråga"),  # an argument: its Swedish name and type
    (("ingest",), "SÖKVÄG", "* SÖKVÄG SÖKVÄG... Filer"),  # several values
    (("digest",), "--min-score", "--min-score TAL Lägsta"),
    (("digest",), "--out", "--out SÖKVÄG Skriv"),
    (("scan",), "--source", "--source TEXT... Bevaka"),  # a repeatable option
    # a flag takes no value: its name and help alone
    (("search",), "--json", "--json Skriv resultatet som JSON."),
    (("search",), "--help", "--help Visa den här hjälpen och avsluta."),
    (("ingest",), "--prune", "--prune --no-prune Ta bort"),
])
def test_a_values_type_is_said_in_swedish_and_a_flag_has_none(msv, command: tuple[str, ...], name: str,
                                                                shown: str) -> None:
    r = msv(*command, "--help")
    assert _row(r.output, name).startswith(shown), r.output


def test_plain_help_says_the_types_in_swedish_too(tmp_path: Path) -> None:
    r = _installed(["digest", "--help"], tmp_path, TYPER_USE_RICH="0")
    assert r.returncode == 0, r.stderr
    assert not TYPER_TYPE.search(r.stdout), r.stdout
    for words in ("--out SÖKVÄG", "--min-score TAL", "--since TEXT"):
        assert words in r.stdout, r.stdout
    assert re.search(r"^\s+--json\s+Maskinläsbar", r.stdout, re.M), r.stdout


@pytest.mark.parametrize(("label", "swedish"), [
    ("<str>", "TEXT"), ("<int>", "HELTAL"), ("<int range>", "HELTAL"), ("<float range>", "TAL"),
    ("<path>", "SÖKVÄG"), ("<file>", "FIL"), ("<dir>", "MAPP"), ("<list[Path]>", "SÖKVÄG..."),
    ("<list[int]>", "HELTAL..."), ("<%Y-%m-%d>", "DATUM"), ("<md|html|atom>", "md|html|atom"), ("<uuid>", "UUID"),
])
def test_typers_type_labels_in_swedish(label: str, swedish: str) -> None:
    from assistant.cli.swedish import swedish_type

    assert swedish_type(label) == swedish


def test_the_swedish_options_still_read_their_values(msv) -> None:
    """Only how a type is shown changes: a value is still converted and checked, a flag still set."""
    r = msv("search", "-k", "0", "fråga")
    assert r.exit_code == 2 and "ska vara minst 1" in r.output
    r = msv("digest", "--min-score", "hög")
    assert r.exit_code == 2 and "ska vara ett tal" in r.output
