"""`msv scan` and `msv digest`: thin shells over scanners.run and scanners.digest."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from scanners.digest import RENDERERS, build_digest, parse_since
from scanners.errors import ScanError
from scanners.fetch import Fetcher, FetchPolicy
from scanners.relevance import DEFAULT_THRESHOLD, RelevanceScorer, load_scorer, load_topics
from scanners.run import SourceResult, scan
from scanners.sources import load_sources
from scanners.store import ScanStore

from ..access.audit import AuditLog
from ..access.policy import LOCAL_USER, visible_digest
from .common import USER_HELP, emit, err, fail, resolve_user

log = logging.getLogger(__name__)

STATUS_SV = {"ok": "ok", "unchanged": "oförändrad", "error": "fel"}
BAD_INPUT = 2  # exit code for a bad sources or topics file, option or a missing scan database


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
        sources: Annotated[Optional[Path], typer.Option(
            "--sources", help="Källfil (TOML, [[source]]); standard: den medföljande.")] = None,
        source: Annotated[Optional[list[str]], typer.Option(
            "--source", help="Bevaka bara källan med detta id (kan upprepas).")] = None,
        topics: Annotated[Optional[Path], typer.Option(
            "--topics", help="Bevakningsområden (TOML); standard: de medföljande.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Maskinläsbar utdata.")] = False,
        ingest: Annotated[bool, typer.Option(
            "--ingest", help="Lägg in högrelevanta nya nyheter i kunskapsbasen (typ omvärld).")
        ] = False,
        min_score: Annotated[float, typer.Option(
            "--min-score", help="Relevansgräns för --ingest.")] = DEFAULT_THRESHOLD,
    ) -> None:
        """Bevaka källorna en gång: hämta nytt, ta bort dubbletter, bedöm relevans."""
        settings = get_settings()
        try:
            configs = load_sources(sources, only=source or None)
        except ScanError as e:
            fail(str(e), BAD_INPUT)
        db = settings.scan_db
        # The knowledge base adds "berör: …" to each item's reason (hybrid search over it); a
        # store held by a running `msv serve` only means the scan goes on without it.
        try:
            kb = open_kb(settings)
        except Exception as e:  # noqa: BLE001 - an enrichment, never a blocker
            kb = None
            err.print(f"[yellow]varning:[/yellow] relevansen bedöms utan kunskapsbasen: {e}", highlight=False)
        try:
            scorer = load_scorer(topics, kb_search=public_kb_search(kb) if kb is not None else None)
        except ScanError as e:
            if kb is not None:
                kb.close()
            fail(str(e), BAD_INPUT)

        def progress(r: SourceResult) -> None:
            if not as_json:
                extra = f" – {r.error}" if r.error else ""
                err.print(f"  {r.id}: {STATUS_SV[r.status]}, {r.new_items} nya{extra}",
                          highlight=False, markup=False)

        try:
            with Fetcher(FetchPolicy()) as fetcher, ScanStore(db) as store:
                report = scan(configs, store, fetcher, scorer=scorer, progress=progress)
                ingested: list[dict[str, Any]] = []
                if ingest:
                    ingested = _ingest(settings, (lambda _s: kb) if kb is not None else open_kb, store,
                                       [i for r in report.results for i in r.item_ids], min_score,
                                       close=kb is None)
        finally:
            if kb is not None:
                kb.close()
        if ingest:
            AuditLog.from_settings(settings).record(LOCAL_USER, "ingest", "msv scan --ingest",
                                                    (str(i.get("doc_id", "")) for i in ingested))
        if as_json:
            out = report.to_json()
            if ingest:
                out["ingested"] = ingested
            emit(out)
        else:
            errors = len(report.errors)
            err.print(f"{len(report.results)} källor, {report.new_items} nya nyheter, "
                      f"{errors} fel" + (f", {len(ingested)} till kunskapsbasen" if ingest
                                         else ""), highlight=False)
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
        min_score: Annotated[float, typer.Option(
            "--min-score", help="Lägsta relevans för att tas med.")] = DEFAULT_THRESHOLD,
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
            digest = visible_digest(build_digest(store, start, topic_list, min_score=min_score), user)
        AuditLog.from_settings(settings).record(user, "digest", since, (i.url for i in digest.items))
        if as_json:
            emit(digest.to_json())
            return
        text = RENDERERS[fmt](digest)
        if out:
            out.write_text(text, encoding="utf-8")
            err.print(f"{len(digest.items)} nyheter skrivna till {out}", highlight=False)
        else:
            sys.stdout.write(text)


def _score_missing(store: ScanStore, scorer: RelevanceScorer) -> None:
    from scanners.run import score_pending

    n = score_pending(store, scorer)
    if n:
        log.info("scored %d items that had no score", n)


def public_kb_search(kb: Any) -> Callable[[str, int], Any]:
    """KB search for relevance reasons, over documents everyone may read: a digest is shown to
    every signed-in user, so it must not name a restricted document."""
    from ingest.store import SearchFilter

    flt = SearchFilter(access=("alla",))
    return lambda query, k: kb.search(query, k, flt)


def _ingest(settings: Any, open_kb: Callable[[Any], Any], store: ScanStore, item_ids: list[int],
            min_score: float, close: bool = True) -> list[dict[str, Any]]:
    from scanners.to_kb import add_to_knowledge_base

    if not item_ids:
        return []
    try:
        kb = open_kb(settings)
    except Exception as e:  # noqa: BLE001 - reported, the scan itself has succeeded
        err.print(f"[yellow]varning:[/yellow] kunskapsbasen kunde inte öppnas: {e}",
                  highlight=False)
        return []
    try:
        return [{"doc_id": r.doc_id, "title": r.title, "status": r.status,
                 "error": getattr(r, "error", "") or None}
                for r in add_to_knowledge_base(kb, store, item_ids, min_score)]
    finally:
        if close:
            kb.close()
