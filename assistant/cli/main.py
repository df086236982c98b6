"""The ``msv`` command: the knowledge-base commands (ingest, search, stats, remove), the others
added from their rooms (assist, scan, records, users) and plug-ins such as ``msv eval``."""

from __future__ import annotations

import logging
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ingest.errors import IngestError, MsvError
from ingest.kb import KnowledgeBase
from ingest.metadata import Overrides, validate_access, validate_kind
from ingest.offline import local_first_defaults
from ingest.pipeline import IngestSummary
from ingest.private import exposed, private_umask
from ingest.store import SearchFilter

from ..access.audit import AuditLog
from ..access.policy import LOCAL_USER, access_of
from ..settings import Settings
from . import assist, audit, records, scan, users
from .common import USER_HELP, csv_values, emit, err, fail, kb_config, reader, resolve_user
from .swedish import SwedishGroup

log = logging.getLogger(__name__)
PLUGIN_GROUP = "msv.commands"

app = typer.Typer(cls=SwedishGroup, add_completion=False, no_args_is_help=True, help="MSV Kunskapsbas: sök, svar och omvärldsbevakning.")


class State:
    settings: Settings


state = State()


@app.callback()
def _main(
    data_dir: Annotated[Optional[Path], typer.Option("--data-dir", help="Kunskapsbasens mapp (env MSV_DATA_DIR).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Visa loggmeddelanden.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    overrides = {"data_dir": data_dir} if data_dir else {}
    try:
        state.settings = Settings(**overrides)
    except Exception as e:  # pydantic's ValidationError names the field and the value
        fail(f"ogiltig inställning: {e}", 1)
    warn_if_exposed(Path(state.settings.data_dir))


def warn_if_exposed(data_dir: Path) -> None:
    """One line when another account on this machine could read the knowledge base."""
    found = exposed(data_dir)
    if found:
        path, mode = found[0]
        more = f" och {len(found) - 1} till" if len(found) > 1 else ""
        err.print(f"[yellow]varning:[/yellow] {path}{more} kan läsas av andra konton på datorn (rättigheter "
                  f"{mode:04o}); kör chmod -R go= {data_dir}", highlight=False, soft_wrap=True)


def open_kb() -> KnowledgeBase:
    try:
        return KnowledgeBase(kb_config(state.settings))
    except MsvError as e:
        fail(str(e), 1)


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Filer eller mappar att läsa in.")],
    kind: Annotated[Optional[str], typer.Option(help="Dokumenttyp, t.ex. rapport, protokoll.")] = None,
    agency: Annotated[Optional[str], typer.Option(help="Myndighet, t.ex. MYH.")] = None,
    access: Annotated[Optional[str], typer.Option(help="Åtkomstgrupper, kommaseparerade (standard: alla).")] = None,
    prune: Annotated[bool, typer.Option(help="Ta bort dokument vars filer försvunnit ur mapparna.")] = False,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Låt en fil ersätta ett dokument med samma doc_id från en annan fil.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    """Läs in dokument i kunskapsbasen (oförändrade hoppas över)."""
    try:  # a bad flag is a usage error (exit 1), not a failure of every file
        overrides = Overrides(kind=validate_kind(kind, "--kind") if kind else None, agency=agency,
                              access=tuple(validate_access(csv_values(access), "--access", state.settings.groups))
                              if access else None)
    except IngestError as e:
        fail(str(e), 1)
    summary = IngestSummary()
    with open_kb() as kb:
        try:
            if as_json or not sys.stderr.isatty():
                for r in kb.ingest(paths, overrides, prune=prune, replace=replace):
                    summary.add(r)
                    if r.status == "failed" and not as_json:
                        err.print(f"[red]misslyckades:[/red] {r.path}: {r.error}", highlight=False, soft_wrap=True)
            else:
                from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

                with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                              console=err, transient=True) as bar:
                    task = bar.add_task("Läser in …")
                    for r in kb.ingest(paths, overrides, prune=prune, replace=replace):
                        summary.add(r)
                        done = summary.added + summary.updated + summary.unchanged + len(summary.failed)
                        bar.update(task, description=f"Läser in … {done} dokument, {summary.chunks} nya avsnitt")
                        if r.status == "failed":
                            err.print(f"[red]misslyckades:[/red] {r.path}: {r.error}", highlight=False, soft_wrap=True)
        except MsvError as e:
            fail(str(e), 1)
    AuditLog.from_settings(state.settings).record(
        LOCAL_USER, "ingest", " ".join(str(p) for p in paths), (), added=summary.added, updated=summary.updated,
        removed=summary.removed, failed=len(summary.failed), access=list(overrides.access or []))
    if as_json:
        emit(summary.as_dict())
    else:
        err.print(
            f"Klart: {summary.added} nya, {summary.updated} uppdaterade, {summary.unchanged} oförändrade, "
            f"{summary.removed} borttagna, {summary.chunks} avsnitt, {len(summary.failed)} misslyckade.",
            highlight=False,
        )
    if summary.failed:
        raise typer.Exit(2)


def _search_filter(kind: Optional[str], agency: Optional[str], since: Optional[str], until: Optional[str]) -> SearchFilter:
    from ingest.metadata import parse_date

    dates = []
    for name, value in (("--since", since), ("--until", until)):
        if value and not (parse_date(value) or value.isdigit() and len(value) == 4):
            fail(f"{name} {value!r} är inget datum; skriv ÅÅÅÅ-MM-DD", 1)
        dates.append(value if not value or value.isdigit() else parse_date(value))  # "1 maj 2025" → 2025-05-01
    return SearchFilter(kinds=csv_values(kind), agencies=csv_values(agency), since=dates[0] or "", until=dates[1] or "")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Sökfråga, eller - för en fråga per rad från stdin.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Antal träffar.")] = 10,
    kind: Annotated[Optional[str], typer.Option(help="Bara dessa dokumenttyper (kommaseparerade).")] = None,
    agency: Annotated[Optional[str], typer.Option(help="Bara dessa myndigheter (kommaseparerade).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Från och med datum, ÅÅÅÅ-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Till och med datum, ÅÅÅÅ-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
    user_name: Annotated[Optional[str], typer.Option("--user", help=USER_HELP)] = None,
) -> None:
    """Sök i kunskapsbasen (hybrid: semantisk + svensk BM25)."""
    user, flt = reader(state.settings, user_name, _search_filter(kind, agency, since, until))
    audit = AuditLog.from_settings(state.settings)
    with open_kb() as kb:
        queries = (line.strip() for line in sys.stdin) if query == "-" else iter([query])
        for q in queries:
            if not q:
                continue
            hits = kb.search(q, k, flt)
            audit.record(user, "search", q, (h.doc_id for h in hits))
            if as_json or query == "-":
                emit({"query": q, "hits": [_hit_json(h) for h in hits]})
            else:
                _print_hits(q, hits)


def _hit_json(h) -> dict[str, object]:  # noqa: ANN001
    d = h.as_dict()
    return {key: d[key] for key in ("rank", "score", "doc_id", "title", "source", "kind", "agency", "date",
                                    "section", "page", "text")}


def _print_hits(query: str, hits: list) -> None:  # type: ignore[type-arg]
    out = Console()
    if not hits:
        out.print(f"Inga träffar för ”{query}”.")
        return
    for h in hits:
        where = ", ".join(x for x in (h.section, f"s. {h.page}" if h.page else "") if x)
        out.print(f"[bold]{h.rank}. {h.title}[/bold] ({h.kind}, {h.agency or '–'}, {h.date or 'odaterad'})", highlight=False)
        if where:
            out.print(f"   {where}", highlight=False)
        out.print(f"   {h.source}", style="dim", highlight=False)
        snippet = h.text.replace("\n", " ")
        out.print(f"   {snippet[:400]}{'…' if len(snippet) > 400 else ''}\n", highlight=False)


@app.command("stats")
def stats_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
    user_name: Annotated[Optional[str], typer.Option("--user", help=USER_HELP)] = None,
) -> None:
    """Visa vad kunskapsbasen innehåller (med --user: det användaren får läsa)."""
    user = resolve_user(state.settings, user_name)
    with open_kb() as kb:
        stats = kb.stats(access_of(user))
    AuditLog.from_settings(state.settings).record(user, "stats")
    if as_json:
        emit(stats)
        return
    out = Console()
    out.print(f"{stats['documents']} dokument, {stats['chunks']} avsnitt i {stats['data_dir']} ({stats['backend']}).")
    for key, label in (("kinds", "Typer"), ("agencies", "Myndigheter")):
        counts = stats[key]
        if counts:
            out.print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), highlight=False)  # type: ignore[union-attr]


@app.command("remove")
def remove_cmd(
    target: Annotated[str, typer.Argument(help="Dokument-id, eller sökväg till en fil eller mapp.")],
    as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
) -> None:
    """Ta bort ett dokument (eller alla från en fil eller mapp) ur kunskapsbasen."""
    with open_kb() as kb:
        removed = kb.remove(target)
    AuditLog.from_settings(state.settings).record(LOCAL_USER, "remove", target, (r.doc_id for r in removed))
    if as_json:
        emit({"removed": [{"doc_id": r.doc_id, "title": r.title, "source": r.source, "chunks": r.chunks} for r in removed]})
    elif removed:
        for r in removed:
            err.print(f"Borttaget: {r.doc_id} {r.title} ({r.chunks} avsnitt)", highlight=False)
    if not removed:
        fail(f"hittade inget dokument med id eller sökväg {target!r}; se msv stats", 1)


def _settings() -> Settings:
    return state.settings


scan.add_commands(app, _settings, lambda settings: KnowledgeBase(kb_config(settings)))
assist.add_commands(app, _settings, lambda: open_kb())
users.add_commands(app, _settings)
audit.add_commands(app, _settings)
records.add_commands(app, _settings, lambda: open_kb())


def add_plugins(app: typer.Typer) -> None:
    """Commands from other installed packages (entry point group ``msv.commands``), such as
    ``msv eval`` from the project's evaluations: each entry point is a function
    ``add_commands(app, get_settings, open_kb)``. A plug-in that fails to load is reported, not fatal."""
    for ep in entry_points(group=PLUGIN_GROUP):
        try:
            ep.load()(app, _settings, lambda: open_kb())
        except Exception as e:  # noqa: BLE001 - someone else's code; the built-in commands still work
            log.warning("tillägget %s kunde inte laddas: %s", ep.name, e)


add_plugins(app)


def main() -> None:
    """The ``msv`` entry point: local-first library defaults (set before any library that reads
    them is imported; this module imports none at load time), then the commands."""
    local_first_defaults()
    private_umask()  # everything this process writes holds, or may hold, restricted text
    try:
        app()
    except MsvError as e:
        err.print(f"[red]fel:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(1)

