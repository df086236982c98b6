"""Typer's frame in Swedish: every ``msv`` help page (usage line, panel titles, the help option,
"[standard: …]", "[krävs]", the value types: TEXT, HELTAL, none beside a flag) and usage error
(usage line, hint and message; exit code unchanged, 2).

Typer bundles its own copy of Click whose messages are plain English strings (not gettext), and
converts values with pydantic, so the translation is done where the words are made: the ``msv``
group gives every command of its tree a Swedish context (usage line, help option, an error's
command), sets the titles of Typer's rich help, runs Typer's main without its own error printing
and prints a caught usage error itself."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from typer import Abort, Context, rich_utils
from typer._click.core import Command  # Typer's own copy of Click; these classes have no public name
from typer._click.exceptions import ClickException, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperGroup, TyperOption

# The arguments' names in help and errors (the code's names are English); another is said in capitals.
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


def _fill(pattern: re.Pattern[str], template: str, text: str) -> str | None:
    m = pattern.fullmatch(text.strip())
    if not m:
        return None
    parts = {k: v or "" for k, v in m.groupdict().items()}
    if "value" in parts:
        parts["value"] = value_message(parts["value"])
    return template.format(**parts)


def value_message(text: str) -> str:
    """A value's own message (pydantic's, a path check's) in Swedish, or as it was."""
    return next((out for p, t in _VALUES if (out := _fill(p, t, text)) is not None), text)


def message(text: str) -> str:
    """A usage error's message in Swedish (an unknown message is left as it is)."""
    return next((out for p, t in _USAGE if (out := _fill(p, t, text)) is not None), text.strip())


# The words of Typer's rich help (module constants read when a page is printed).
RICH_HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argument", "OPTIONS_PANEL_TITLE": "Flaggor", "COMMANDS_PANEL_TITLE": "Kommandon",
    "DEFAULT_STRING": "[standard: {}]", "REQUIRED_LONG_STRING": "[krävs]", "ENVVAR_STRING": "[miljövariabel: {}]",
    "DEPRECATED_STRING": "(utgår) ", "ERRORS_PANEL_TITLE": "Fel", "ABORTED_TEXT": "Avbrutet.",
    "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
}
# The same words where Typer prints help without rich (TYPER_USE_RICH=0).
HEADINGS = {"Arguments": "Argument", "Options": "Flaggor", "Commands": "Kommandon"}
# (Click's "[default: 10; 1<=x<=100]": each part follows "[" or "; ")
PLAIN_EXTRAS = [(r"(?<=[\[; ])default: ", "standard: "), (r"(?<=[\[; ])env var: ", "miljövariabel: "),
                (r"(?<=[\[; ])required\]", "krävs]")]
HELP_OPTION = "Visa den här hjälpen och avsluta."
USAGE_PREFIX = "Användning: "
OPTIONS_METAVAR = "[FLAGGOR]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."


class SwedishFormatter(HelpFormatter):
    """Click's formatter with a Swedish usage line and headings (the usage line is the same with rich)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # Typer writes a required argument as {NAME}; Click's and our own habit is NAME alone.
        super().write_usage(prog, re.sub(r"\{([^{}]+)\}", r"\1", args), USAGE_PREFIX if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _plain_extras(text)) for term, text in rows], col_max, col_spacing)


def _plain_extras(text: str) -> str:
    for pattern, swedish in PLAIN_EXTRAS:
        text = re.sub(pattern, swedish, text)
    return text


# The value types Typer names in a help page's type column ("<str>", "<int range>", "<list[Path]>"),
# said as Click says a value (in capitals) and in Swedish; a list's element type is followed by "...".
TYPE_NAMES = {"str": "TEXT", "int": "HELTAL", "float": "TAL", "bool": "true|false", "path": "SÖKVÄG",
              "Path": "SÖKVÄG", "file": "FIL", "dir": "MAPP", "datetime": "DATUM", "UUID": "UUID"}


def swedish_type(label: str) -> str:
    """Typer's type label in Swedish: "<int range>" → "HELTAL" (the range is shown beside it),
    "<list[Path]>" → "SÖKVÄG...", a choice's values ("md|html|atom") as they are."""
    inner = label.strip().removeprefix("<").removesuffix(">")
    if m := re.fullmatch(r"list\[(.+)\]", inner):
        return f"{swedish_type(m.group(1))}..."
    inner = inner.removesuffix(" range")
    if "%" in inner:  # a date's formats ("%Y-%m-%d")
        return "DATUM"
    return TYPE_NAMES.get(inner) or (inner if "|" in inner else inner.upper())


class SwedishOption(TyperOption):
    """An ``msv`` option: its value's type in Swedish, and none beside a flag (it takes no value)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag or self.count:
            return None
        return swedish_type(self.display_type(ctx)) + ("..." if self.nargs != 1 else "")


class SwedishArgument(TyperArgument):
    """An ``msv`` argument: its value's type in Swedish beside its Swedish name."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return swedish_type(self.display_type(ctx))


def swedish_param(param: Any) -> None:
    """Typer's own option or argument made the Swedish one (same object, same values: only how its
    type is shown changes); Typer builds its parameters itself and has no hook for their class."""
    if type(param) is TyperOption:
        param.__class__ = SwedishOption
    elif type(param) is TyperArgument:
        param.__class__ = SwedishArgument


class SwedishContext(Context):
    """Every ``msv`` command's context: Swedish help formatter and help option, and a usage error raised
    without a context (Click's parser raises "requires an argument" so) given this one, as Click does
    for errors from a command's own code, so that it is shown with its usage line and hint."""

    formatter_class = SwedishFormatter

    def __init__(self, command: Command, *args: Any, **kwargs: Any) -> None:
        super().__init__(command, *args, **kwargs)
        option = command.get_help_option(self)
        if option is not None:
            option.help = HELP_OPTION
            swedish_param(option)

    def __exit__(self, exc_type: Any, exc_value: Any, tb: Any) -> Any:
        if isinstance(exc_value, UsageError) and exc_value.ctx is None:
            exc_value.ctx, exc_value.cmd = self, self.command
        return super().__exit__(exc_type, exc_value, tb)


def swedish_tree(command: Command) -> None:
    """A command and all below it: Swedish contexts, usage words and argument names."""
    command.context_class = SwedishContext
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            swedish_tree(sub)
    for param in command.params:
        if isinstance(param, TyperArgument) and param.metavar is None and param.name:
            param.metavar = ARGUMENT_NAMES.get(param.name, param.name.upper())
        swedish_param(param)


def swedish_rich_help() -> None:
    """Typer's rich help words in Swedish (module constants: Typer reads them when it prints)."""
    for name, words in RICH_HELP_WORDS.items():
        setattr(rich_utils, name, words)


def show(error: Any, console: Console) -> None:
    """Usage line, help hint and one line "fel: …", as the commands' own errors read."""
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        console.print(escape(ctx.get_usage()), highlight=False, soft_wrap=True)
        if ctx.command.get_help_option(ctx) is not None:
            console.print(f"Skriv '{escape(ctx.command_path)} {ctx.help_option_names[0]}' för hjälp.",
                          style="dim", highlight=False, soft_wrap=True)
    console.print(f"[red]fel:[/red] {escape(message(error.format_message()))}", highlight=False, soft_wrap=True)


class SwedishGroup(TyperGroup):
    """The ``msv`` group: its tree's help in Swedish, and Typer's main with usage errors printed in Swedish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # Typer passes the tree's commands, already built
        swedish_tree(self)
        swedish_rich_help()

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
