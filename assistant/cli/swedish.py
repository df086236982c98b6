"""Typer's usage errors in Swedish: the usage line, the hint and the message of every ``msv``
usage error (unknown option or command, missing or bad value), exit code unchanged (2).

Typer bundles its own copy of Click whose messages are plain English strings (not gettext), and
converts values with pydantic, so the translation is done where the error is shown: the app's
group runs Typer's main without its own error printing and prints a caught usage error itself."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from typer import Abort
from typer._click.exceptions import ClickException  # Typer's own copy of Click; the class has no public name
from typer.core import TyperGroup

# The arguments' names on the usage line and in "argument … saknas" (the code's names are English).
ARGUMENT_NAMES = {"query": "FRÅGA", "question": "FRÅGA", "paths": "SÖKVÄG", "target": "DOKUMENT-ID|SÖKVÄG",
                  "topic": "ÄMNE", "name": "NAMN", "action": "ÅTGÄRD", "item": "NR", "file": "FIL",
                  "files": "FIL"}

_PARAM = r"(?P<param>'[^']*'(?: / '[^']*')*)"

# The values' own messages (pydantic's and Typer's path checks), first match wins.
VALUE_MESSAGES: list[tuple[str, str]] = [
    (r"Input should be a valid integer, got a number with a fractional part", "ska vara ett heltal"),
    (r"Input should be a valid integer.*", "ska vara ett heltal"),
    (r"Input should be a valid number.*", "ska vara ett tal"),
    (r"Input should be a valid boolean.*", "ska vara sant eller falskt (true/false)"),
    (r"Input should be a valid date.*", "ska vara ett datum (ÅÅÅÅ-MM-DD)"),
    (r"Input should be greater than or equal to (?P<n>\S+)", r"ska vara minst {n}"),
    (r"Input should be greater than (?P<n>\S+)", r"ska vara större än {n}"),
    (r"Input should be less than or equal to (?P<n>\S+)", r"ska vara högst {n}"),
    (r"Input should be less than (?P<n>\S+)", r"ska vara mindre än {n}"),
    (r"Input should be (?P<choices>'.*')", r"ska vara {choices}"),
    (r"(?:Value error, )?(?P<v>'.*') is not one of (?P<choices>.*?)\.?", r"{v} är inte ett av {choices}"),
    (r"(?:File|Directory|Path) (?P<v>'.*') does not exist\.", r"{v} finns inte"),
    (r"(?:File|Directory|Path) (?P<v>'.*') is a file\.", r"{v} är en fil, inte en mapp"),
    (r"(?:File|Directory|Path) (?P<v>'.*') is a directory\.", r"{v} är en mapp, inte en fil"),
    (r"(?:File|Directory|Path) (?P<v>'.*') is not readable\.", r"{v} går inte att läsa"),
    (r"(?:File|Directory|Path) (?P<v>'.*') is not writable\.", r"{v} går inte att skriva till"),
    (r"Value (?P<v>'.*') is not a valid (?P<t>\S+)\.", r"{v} är inget giltigt värde ({t})"),
]

# Whole usage messages; {value} is the value's own message, translated by VALUE_MESSAGES.
USAGE_MESSAGES: list[tuple[str, str]] = [
    (r"No such option: (?P<opt>\S+) \(Possible options: (?P<alts>.*)\)", r"okänd flagga {opt} (menade du {alts}?)"),
    (r"No such option: (?P<opt>\S+)", r"okänd flagga {opt}"),
    (r"No such command (?P<cmd>'.*')\.", r"okänt kommando {cmd}"),
    (r"Missing command\.", "ange ett kommando"),
    (rf"Missing argument {_PARAM}\.(?: (?P<more>.*))?", r"argumentet {param} saknas"),
    (rf"Missing option {_PARAM}\.(?: (?P<more>.*))?", r"flaggan {param} saknas"),
    (rf"Missing parameter {_PARAM}\.(?: (?P<more>.*))?", r"värdet {param} saknas"),
    (r"Option (?P<opt>'[^']*') requires an argument\.", r"flaggan {opt} behöver ett värde"),
    (r"Option (?P<opt>'[^']*') requires (?P<n>\d+) arguments\.", r"flaggan {opt} behöver {n} värden"),
    (r"Option (?P<opt>'[^']*') does not take a value\.", r"flaggan {opt} tar inget värde"),
    (r"Argument (?P<arg>'[^']*') takes (?P<n>\d+) values\.", r"argumentet {arg} tar {n} värden"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", r"för många argument: {args}"),
    (rf"Invalid value for {_PARAM}: (?P<value>.*)", "ogiltigt värde för {param}: {value}"),
    (r"Invalid value: (?P<value>.*)", "ogiltigt värde: {value}"),
    (r"Could not open file (?P<v>'.*'): (?P<why>.*)", r"kunde inte öppna filen {v}: {why}"),
]

_VALUES = [(re.compile(p, re.S), r) for p, r in VALUE_MESSAGES]
_USAGE = [(re.compile(p, re.S), r) for p, r in USAGE_MESSAGES]


def _names(text: str) -> str:
    """Argument names in quotes said as the usage line says them."""
    return re.sub(r"'(\w+)'", lambda m: f"'{ARGUMENT_NAMES.get(m[1], m[1])}'", text)


def _fill(pattern: re.Pattern[str], template: str, text: str) -> str | None:
    m = pattern.fullmatch(text.strip())
    if not m:
        return None
    parts = {k: v or "" for k, v in m.groupdict().items()}
    if "param" in parts:
        parts["param"] = _names(parts["param"])
    if "value" in parts:
        parts["value"] = value_message(parts["value"])
    return template.format(**parts)


def value_message(text: str) -> str:
    """A value's own message (pydantic's, a path check's) in Swedish, or as it was."""
    return next((out for p, t in _VALUES if (out := _fill(p, t, text)) is not None), text)


def message(text: str) -> str:
    """A usage error's message in Swedish (an unknown message is left as it is)."""
    return next((out for p, t in _USAGE if (out := _fill(p, t, text)) is not None), text.strip())


def usage(line: str) -> str:
    """The usage line: "Användning: msv search [FLAGGOR] FRÅGA"."""
    line = line.replace("Usage:", "Användning:", 1).replace("[OPTIONS]", "[FLAGGOR]")
    line = line.replace("COMMAND [ARGS]...", "KOMMANDO [ARGUMENT]...")
    return re.sub(r"\{(\w+)\}", lambda m: ARGUMENT_NAMES.get(m[1], m[1].upper()),
                  re.sub(r"\[(\w+)\]", lambda m: f"[{ARGUMENT_NAMES.get(m[1], m[1])}]", line))


def show(error: Any, console: Console) -> None:
    """Usage line, help hint and one line "fel: …", as the commands' own errors read."""
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        console.print(usage(ctx.get_usage()), highlight=False, soft_wrap=True)
        if ctx.command.get_help_option(ctx) is not None:
            console.print(f"Skriv '{escape(ctx.command_path)} {ctx.help_option_names[0]}' för hjälp.",
                          style="dim", highlight=False, soft_wrap=True)
    console.print(f"[red]fel:[/red] {escape(message(error.format_message()))}", highlight=False, soft_wrap=True)


class SwedishGroup(TyperGroup):
    """The ``msv`` group: Typer's main, with its usage errors printed in Swedish."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name or "msv", complete_var, standalone_mode=False, **extra)
        except ClickException as e:
            if type(e).__name__ != "NoArgsIsHelpError":  # the help is already printed
                show(e, Console(stderr=True))
            sys.exit(e.exit_code)
        except Abort:
            Console(stderr=True).print("[red]Avbrutet.[/red]")
            sys.exit(1)
        # Typer returns an Exit's code here; a command that returns normally ends with 0.
        sys.exit(code if type(code) is int else 0)
