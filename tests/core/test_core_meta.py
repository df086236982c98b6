"""Keeping the house honest: every setting is documented, every CLI command is in the README."""

from __future__ import annotations

import pytest
import typer
from core_fixtures import REPO

from assistant.cli.main import app
from assistant.settings import Settings


def _commands(group: object, prefix: str = "") -> list[str]:
    """Leaf command paths ("ingest", "eval retrieval"); groups are anything with subcommands."""
    out: list[str] = []
    for name, cmd in sorted(group.commands.items()):  # type: ignore[attr-defined]
        if getattr(cmd, "commands", None):
            out.extend(_commands(cmd, f"{prefix}{name} "))
        else:
            out.append(f"{prefix}{name}")
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_cli_has_the_contract_commands() -> None:
    assert {"ingest", "search", "stats", "remove", "eval retrieval"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_has_a_description(name: str) -> None:
    description = Settings.model_fields[name].description or ""
    assert len(description.split()) >= 3, f"MSV_{name.upper()} saknar beskrivning"


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if f"msv {c}" not in readme]
    assert missing == []
