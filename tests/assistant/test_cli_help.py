"""`msv --help` and every command's help in Swedish: Typer's frame (usage line, panel titles, the help
option, defaults, required values) has no English word left; exit code 0 as before."""

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
