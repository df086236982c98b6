"""The ``msv`` command: one subcommand per job, each a thin shell over a library call."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

import ingest  # noqa: F401  (sets the offline and no-telemetry defaults before anything loads)
from ingest.errors import ConfigError, IngestError, MsvError
from ingest.kb import KbConfig, KnowledgeBase
from ingest.metadata import Overrides, validate_access, validate_kind
from ingest.pipeline import IngestSummary
from ingest.store import SearchFilter

from . import cli_assist, cli_records, cli_scan, cli_users
from .access import access_of, restrict
from .audit import AuditLog
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="MSV Kunskapsbas: sök, svar och omvärldsbevakning.")
eval_app = typer.Typer(no_args_is_help=True, help="Mät kvalitet (träffsäkerhet, svar).")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)


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


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]fel:[/red] {message}", highlight=False, soft_wrap=True)  # one line, never wrapped
    raise typer.Exit(code)


def kb_config(settings: Settings) -> KbConfig:
    return KbConfig(
        data_dir=settings.data_dir, embed_model=settings.embed_model, qdrant_url=settings.qdrant_url,
        qdrant_api_key=settings.qdrant_api_key, collection=settings.qdrant_collection,
        chunk_chars=settings.chunk_chars, max_bytes=settings.max_file_mb * 1024 * 1024,
        batch_chunks=settings.batch_chunks,
    )


def open_kb() -> KnowledgeBase:
    try:
        return KnowledgeBase(kb_config(state.settings))
    except MsvError as e:
        fail(str(e), 1)
        raise  # unreachable


def emit(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _csv(value: Optional[str]) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Filer eller mappar att läsa in.")],
    kind: Annotated[Optional[str], typer.Option(help="Dokumenttyp, t.ex. rapport, protokoll.")] = None,
    agency: Annotated[Optional[str], typer.Option(help="Myndighet, t.ex. MYH.")] = None,
    access: Annotated[Optional[str], typer.Option(help="Åtkomstgrupper, kommaseparerade (standard: alla).")] = None,
    prune: Annotated[bool, typer.Option(help="Ta bort dokument vars filer försvunnit ur mapparna.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    """Läs in dokument i kunskapsbasen (oförändrade hoppas över)."""
    try:  # a bad flag is a usage error (exit 1), not a failure of every file
        overrides = Overrides(kind=validate_kind(kind, "--kind") if kind else None, agency=agency,
                              access=tuple(validate_access(_csv(access), "--access")) if access else None)
    except IngestError as e:
        fail(str(e), 1)
    summary = IngestSummary()
    with open_kb() as kb:
        try:
            if as_json or not sys.stderr.isatty():
                for r in kb.ingest(paths, overrides, prune=prune):
                    summary.add(r)
                    if r.status == "failed" and not as_json:
                        err.print(f"[red]misslyckades:[/red] {r.path}: {r.error}", highlight=False, soft_wrap=True)
            else:
                from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

                with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                              console=err, transient=True) as bar:
                    task = bar.add_task("Läser in …")
                    for r in kb.ingest(paths, overrides, prune=prune):
                        summary.add(r)
                        done = summary.added + summary.updated + summary.unchanged + len(summary.failed)
                        bar.update(task, description=f"Läser in … {done} dokument, {summary.chunks} nya avsnitt")
                        if r.status == "failed":
                            err.print(f"[red]misslyckades:[/red] {r.path}: {r.error}", highlight=False, soft_wrap=True)
        except MsvError as e:
            fail(str(e), 1)
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
    return SearchFilter(kinds=_csv(kind), agencies=_csv(agency), since=dates[0] or "", until=dates[1] or "")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Sökfråga, eller - för en fråga per rad från stdin.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Antal träffar.")] = 10,
    kind: Annotated[Optional[str], typer.Option(help="Bara dessa dokumenttyper (kommaseparerade).")] = None,
    agency: Annotated[Optional[str], typer.Option(help="Bara dessa myndigheter (kommaseparerade).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Från och med datum, ÅÅÅÅ-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Till och med datum, ÅÅÅÅ-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
    user_name: Annotated[Optional[str], typer.Option("--user", help=cli_users.USER_HELP)] = None,
) -> None:
    """Sök i kunskapsbasen (hybrid: semantisk + svensk BM25)."""
    user = cli_users.resolve_user(state.settings, user_name)
    flt = restrict(_search_filter(kind, agency, since, until), user)
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
    user_name: Annotated[Optional[str], typer.Option("--user", help=cli_users.USER_HELP)] = None,
) -> None:
    """Visa vad kunskapsbasen innehåller (med --user: det användaren får läsa)."""
    user = cli_users.resolve_user(state.settings, user_name)
    with open_kb() as kb:
        stats = kb.stats(access_of(user))
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
    if as_json:
        emit({"removed": [{"doc_id": r.doc_id, "title": r.title, "source": r.source, "chunks": r.chunks} for r in removed]})
    elif removed:
        for r in removed:
            err.print(f"Borttaget: {r.doc_id} {r.title} ({r.chunks} avsnitt)", highlight=False)
    if not removed:
        fail(f"hittade inget dokument med id eller sökväg {target!r}; se msv stats", 1)


@eval_app.command("retrieval")
def eval_retrieval_cmd(
    file: Annotated[Path, typer.Argument(help="Frågefil (JSONL), t.ex. evals/questions/retrieval.jsonl.")],
    regeringen: Annotated[Path, typer.Option(help="Regeringens korpus (JSONL.gz).")] = Path("../shared/corpus/regeringen.jsonl.gz"),
    sample: Annotated[int, typer.Option(help="Antal regeringsdokument utöver frågornas (0 = alla).")] = 2000,
    baseline: Annotated[bool, typer.Option(help="Mät också en naiv llama-index-baslinje.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
) -> None:
    """Träffsäkerhet: hit@1, hit@5, MRR@10 och tecken per träff, mot en naiv baslinje."""
    from evals.retrieval import run_retrieval_eval

    try:
        report = run_retrieval_eval(file, corpus_dir=state.settings.corpus_dir, regeringen=regeringen,
                                    sample=sample, baseline=baseline, embed_model=state.settings.embed_model,
                                    chunk_chars=state.settings.chunk_chars, log=err.print)
    except (MsvError, OSError) as e:
        fail(str(e), 1)
        return
    if as_json:
        emit(report)
    else:
        from evals.retrieval import format_report

        Console().print(format_report(report), highlight=False)


@eval_app.command("scanner")
def eval_scanner_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
) -> None:
    """Omvärldsbevakningens precision och täckning på den märkta mängden pressmeddelanden."""
    from dataclasses import asdict

    from evals.scanner.evaluate import evaluate

    score = evaluate()
    if as_json:
        emit(asdict(score))
    else:
        Console().print("\n".join(score.lines()), highlight=False)


cli_scan.register(app, lambda: state.settings, lambda settings: KnowledgeBase(kb_config(settings)))
cli_assist.register(app, lambda: state.settings, open_kb)
cli_users.register(app, lambda: state.settings)
eval_app.command("answers")(cli_assist.eval_answers_cmd)
cli_records.register(app, lambda: state.settings, open_kb)
eval_app.command("decisions")(cli_records.eval_decisions_cmd)
eval_app.command("status")(cli_records.eval_status_cmd)


def main() -> None:
    try:
        app()
    except ConfigError as e:
        err.print(f"[red]fel:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except MsvError as e:
        err.print(f"[red]fel:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
