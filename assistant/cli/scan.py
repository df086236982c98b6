"""`msv scan` and `msv digest`: thin shells over scanners.run and scanners.digest."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from scanners.digest import build_digest, parse_since, plural
from scanners.errors import ScanError
from scanners.fetch import user_agent
from scanners.job import ScanJob, kb_enrichment, public_kb_search  # noqa: F401  (used by `serve`)
from scanners.lock import ScanBusy
from scanners.relevance import KB_THRESHOLD, RelevanceScorer, load_scorer, load_topics
from scanners.render import RENDERERS, render_atom
from scanners.run import Budget, SourceResult
from scanners.sources import load_sources
from scanners.store import ScanStore

from ..access.audit import AuditLog
from ..access.policy import LOCAL_USER, visible_digest
from ..records.scan_links import link_decisions, public_decisions
from .common import USER_HELP, emit, err, fail, resolve_user
from .scan_marks import explain_item, mark_item
from .scan_status import BAD_INPUT, progress_line, show_check, show_history, show_status

log = logging.getLogger(__name__)



def _default_open_kb(settings: Any) -> Any:
    from ingest.kb import KnowledgeBase

    kwargs = {"embed_model": settings.embed_model} if getattr(settings, "embed_model", "") else {}
    return KnowledgeBase.open(settings.data_dir, **kwargs)


def add_commands(app: typer.Typer, get_settings: Callable[[], Any],
                 open_kb: Callable[[Any], Any] | None = None) -> None:
    """Add `scan` and `digest` to `app`. `get_settings()` gives the settings (`scan_db` is the
    scanner's database); `open_kb(settings)` opens the knowledge base for --ingest."""
    open_kb = open_kb or _default_open_kb

    @app.command("scan")
    def scan_cmd(
        action: Annotated[Optional[str], typer.Argument(
            help="mark: markera nyheten NR som relevant eller inte (lär relevansbedömningen).")] = None,
        item: Annotated[Optional[int], typer.Argument(help="Nyhetens nummer (för mark).")] = None,
        relevant: Annotated[Optional[bool], typer.Option(
            "--relevant/--not-relevant", help="Med mark: relevant eller inte relevant.")] = None,
        group: Annotated[str, typer.Option(
            "--group", help="Gruppen som markerar (styrgruppen, sekretariatet, en arbetsgrupp).")] = "sekretariatet",
        explain: Annotated[Optional[int], typer.Option(
            "--explain", help="Visa vad som vägde tyngst i relevansbedömningen av nyheten med detta nummer.")] = None,
        sources: Annotated[Optional[Path], typer.Option(
            "--sources", help="Källfil (TOML, [[source]]); standard: scan_sources eller den medföljande.")] = None,
        source: Annotated[Optional[list[str]], typer.Option(
            "--source", help="Bevaka bara källan med detta id (kan upprepas; hämtas även om den vilar).")] = None,
        topics: Annotated[Optional[Path], typer.Option(
            "--topics", help="Bevakningsområden (TOML); standard: de medföljande.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Maskinläsbar utdata.")] = False,
        ingest: Annotated[bool, typer.Option(
            "--ingest", help="Lägg in högrelevanta nya och ändrade nyheter i kunskapsbasen (typ omvärld).")
        ] = False,
        min_score: Annotated[float, typer.Option(
            "--min-score", help="Relevansgräns för --ingest.")] = KB_THRESHOLD,
        force: Annotated[bool, typer.Option(
            "--force", help="Hämta även källor som vilar efter upprepade fel eller Retry-After.")] = False,
        status: Annotated[bool, typer.Option(
            "--status", help="Visa schemat (nästa och senaste körning) och varje källas läge; hämtar inget.")] = False,
        check: Annotated[bool, typer.Option(
            "--check", help="Hämta varje källas flöde eller listsida en gång och visa vilka som svarar och "
                            "går att läsa; sparar inget.")] = False,
        history: Annotated[Optional[int], typer.Option(
            "--history", help="Visa alla sparade versioner av nyheten med detta nummer och vad som ändrats.")] = None,
    ) -> None:
        """Bevaka källorna en gång: hämta nytt och ändrat, ta bort dubbletter, bedöm relevans."""
        settings = get_settings()
        if action is not None:
            if action != "mark" or item is None or relevant is None:
                fail(f"okänt kommando {action!r}; skriv: msv scan mark NUMMER --relevant eller --not-relevant",
                     BAD_INPUT)
            return mark_item(settings, item, bool(relevant), group, as_json)
        if explain is not None:
            return explain_item(settings, explain, group, as_json)
        if status:
            return show_status(settings, sources, as_json)
        if history is not None:
            return show_history(settings, history, as_json)
        job = scan_job(settings, sources, topics)
        try:
            configs = load_sources(job.sources_path, only=source or None)
            load_topics(topics)
        except ScanError as e:
            fail(str(e), BAD_INPUT)
        if check:
            return show_check(job, configs, as_json)
        # The knowledge base adds "berör: …" to each item's reason (hybrid search over it); a
        # store held by a running `msv serve` only means the scan goes on without it.
        try:
            kb = open_kb(settings)
        except Exception as e:  # noqa: BLE001 - an enrichment, never a blocker
            kb = None
            err.print(f"[yellow]varning:[/yellow] relevansen bedöms utan kunskapsbasen: {e}", highlight=False)
        ingested: list[dict[str, Any]] = []

        def progress(r: SourceResult) -> None:
            if not as_json:
                err.print(f"  {r.id}: {progress_line(r)}", highlight=False, markup=False)

        try:
            enrichment = kb_enrichment(kb, ingest=ingest, min_score=min_score, results=ingested) if kb else None
            report = job.run(only=source or None, force=force, enrichment=enrichment, progress=progress)
        except ScanBusy as e:
            fail(str(e))
        except ScanError as e:
            fail(str(e), BAD_INPUT)
        finally:
            if kb is not None:
                kb.close()
        assert report is not None  # only a scheduled run is ever skipped
        if ingest:
            AuditLog.from_settings(settings).record(LOCAL_USER, "ingest", "msv scan --ingest",
                                                    (str(i.get("doc_id", "")) for i in ingested))
        if as_json:
            out = report.to_json()
            if ingest:
                out["ingested"] = ingested
            emit(out)
        else:
            err.print(f"{plural(len(report.results), 'källa', 'källor')}, "
                      f"{plural(report.new_items, 'ny nyhet', 'nya nyheter')}, "
                      f"{plural(report.changed_items, 'ändrad', 'ändrade')}, {len(report.errors)} fel"
                      + (f", {len(ingested)} till kunskapsbasen" if ingest else ""), highlight=False)
            if ingest and kb is None:
                err.print("[yellow]varning:[/yellow] inget lades in: kunskapsbasen kunde inte öppnas", highlight=False)
        if report.results and len(report.errors) == len(report.results):
            raise typer.Exit(1)

    @app.command("digest")
    def digest_cmd(
        since: Annotated[str, typer.Option("--since", help="Period: 7d, 24h, 2w eller datum.")
                         ] = "7d",
        fmt: Annotated[str, typer.Option("--format", help="md, html eller atom.")] = "md",
        out: Annotated[Optional[Path], typer.Option("--out", help="Skriv till fil.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Maskinläsbar utdata.")] = False,
        topics: Annotated[Optional[Path], typer.Option(
            "--topics", help="Fil med bevakningsområden (TOML).")] = None,
        min_score: Annotated[Optional[float], typer.Option(
            "--min-score", help="Lägsta relevans (kalibrerad sannolikhet) för att tas med; standard: "
                                "scan_threshold.")] = None,
        user_name: Annotated[Optional[str], typer.Option("--user", help=USER_HELP)] = None,
    ) -> None:
        """Sammanställ omvärldsbevakningen: grupperad per bevakningsområde och rangordnad."""
        if fmt not in RENDERERS:
            fail(f"--format {fmt!r} finns inte; välj md, html eller atom", BAD_INPUT)
        settings = get_settings()
        user = resolve_user(settings, user_name)
        try:
            start = parse_since(since)
            topic_list = load_topics(topics)
        except ScanError as e:
            fail(str(e), BAD_INPUT)
        db = settings.scan_db
        if not db.exists():
            fail(f"ingen bevakningsdatabas i {db}; kör först: msv scan", BAD_INPUT)
        with ScanStore(db) as store:
            _score_missing(store, load_scorer(topics))
            digest = build_digest(store, start, topic_list,
                                  min_score=settings.scan_threshold if min_score is None else min_score)
        # entries that touch a decision in the register say so
        digest = visible_digest(link_decisions(digest, public_decisions(settings.data_dir)), user)
        AuditLog.from_settings(settings).record(user, "digest", since, (i.url for i in digest.items))
        if as_json:
            emit(digest.to_json())
            return
        if fmt == "atom":  # rel="self": where the feed is published, else the file written
            text = render_atom(digest, self_url=settings.scan_feed_url
                               or (out.resolve().as_uri() if out else None))
        else:
            text = RENDERERS[fmt](digest)
        if out:
            out.write_text(text, encoding="utf-8")
            err.print(f"{plural(len(digest.items), 'nyhet', 'nyheter')} skrivna till {out}", highlight=False)
        else:
            sys.stdout.write(text)


def _score_missing(store: ScanStore, scorer: RelevanceScorer) -> None:
    from scanners.run import score_pending

    n = score_pending(store, scorer)
    if n:
        log.info("scored %d items that had no score", n)


def scan_job(settings: Any, sources: Path | None = None, topics: Path | None = None) -> ScanJob:
    """A scan as the settings describe it: sources file, User-Agent with the contact, budgets."""
    try:
        agent = user_agent(settings.scan_contact)
    except ScanError as e:
        fail(f"{e}; rätta MSV_SCAN_CONTACT", BAD_INPUT)
    corpus = Path(settings.corpus_dir)
    return ScanJob(Path(settings.scan_db), sources or settings.scan_sources, topics, agent,
                   Budget(settings.scan_source_budget, settings.scan_budget),
                   corpus=corpus if corpus.is_dir() else None,
                   embed_model=getattr(settings, "embed_model", "") or "")
