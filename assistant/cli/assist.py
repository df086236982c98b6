"""The assistant's commands — ``ask``, ``memo`` and ``serve`` — added to the ``msv`` app by
:func:`add_commands`; each is a thin shell over the library."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from ingest.errors import MsvError

from ..access.audit import AuditLog
from ..access.users import UserStore
from .common import USER_HELP, emit, err, fail, reader

if TYPE_CHECKING:
    from ingest.background import BackgroundIngest, Progress
    from ingest.kb import KnowledgeBase
    from ingest.pipeline import ItemResult

    from ..settings import Settings

log = logging.getLogger(__name__)


def print_answer(ans: dict[str, object]) -> None:
    out = Console()
    if ans.get("notice"):
        err.print(str(ans["notice"]), style="yellow", highlight=False)
    out.print(str(ans["answer"]), highlight=False, markup=False)
    cites = ans["citations"] if ans["grounded"] else ans.get("related", [])
    if cites:
        out.print("\nKällor:" if ans["grounded"] else "\nNärliggande källor:", highlight=False)
    for c in cites:  # type: ignore[union-attr]
        where = ", ".join(x for x in (c["section"], f"s. {c['page']}" if c["page"] else "") if x)
        out.print(f"[{c['n']}] {c['title']}{' — ' + where if where else ''} ({c['source']})", highlight=False,
                  markup=False)
    for s in ans.get("removed_sentences") or []:  # type: ignore[union-attr]
        err.print(f"borttagen (saknar stöd): {s}", style="dim", highlight=False, markup=False)


def start_indexing(kb: KnowledgeBase, settings: Settings, *, start: bool = True) -> BackgroundIngest | None:
    """Index the bundled corpus in the background when the store is empty (what ``make run`` relies
    on), with a progress bar on a terminal and a line per tenth otherwise; None when there is nothing
    to index. ``start=False``: the caller starts it."""
    from ingest.background import index_bundled_corpus

    if not settings.corpus_dir.exists():
        return None
    bar: Any = None
    task: Any = None
    step = [0]

    def on_item(p: Progress, r: ItemResult) -> None:
        nonlocal bar, task
        if r.status == "failed":
            err.print(f"[red]misslyckades:[/red] {r.path}: {r.error}", highlight=False, soft_wrap=True)
        if err.is_terminal:
            if bar is None:
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

                bar = Progress(TextColumn("Indexerar"), BarColumn(), MofNCompleteColumn(), TextColumn("dokument"),
                               TimeRemainingColumn(), console=err)
                task = bar.add_task("", total=p.total)
                bar.start()
            bar.update(task, completed=p.done)
        elif p.done * 10 // max(p.total, 1) > step[0]:
            step[0] = p.done * 10 // max(p.total, 1)
            err.print(f"{p.text} …", highlight=False)

    def on_done(p: Progress) -> None:
        if bar is not None:
            bar.stop()
        s = p.summary
        err.print(f"{p.text} ({s.added} nya, {s.unchanged} oförändrade, {s.chunks} avsnitt, "
                  f"{len(s.failed)} misslyckade).", highlight=False)

    job = index_bundled_corpus(kb, settings.corpus_dir, on_item=on_item, on_done=on_done, start=start)
    if job is not None:
        err.print(f"Kunskapsbasen är tom; indexerar {settings.corpus_dir} ({job.total} dokument) i bakgrunden. "
                  "Appen svarar under tiden från det som hunnit läsas in.", highlight=False)
    return job


def start_scan_schedule(settings: Settings, kb: KnowledgeBase | None = None, kb_lock: Any = None) -> Any | None:
    """Start the background scan job (nothing is fetched now, except a run missed while the app
    was stopped); returns the scheduler to shut down, or None when ``scan_enabled`` is off. With
    ``scan_ingest`` and a knowledge base, scheduled scans use it as ``msv scan --ingest`` does."""
    if not settings.scan_enabled:
        return None
    from scanners.schedule import JOB_ID, start_scheduler

    from .scan import kb_enrichment, scan_job
    from .scan_status import jobs_path

    job = scan_job(settings)
    enrichment = kb_enrichment(kb, kb_lock, ingest=True) if kb is not None and settings.scan_ingest else None
    scheduler = start_scheduler(job.db_path, jobs_path(settings), sources_path=job.sources_path,
                                cron=settings.scan_schedule, timezone=settings.scan_timezone,
                                user_agent=job.user_agent, budget=job.budget, enrichment=enrichment)
    nxt = scheduler.get_job(JOB_ID).next_run_time
    err.print(f"Omvärldsbevakning schemalagd ({settings.scan_schedule}, {settings.scan_timezone}); "
              f"nästa körning {nxt:%Y-%m-%d %H:%M}.", highlight=False)
    return scheduler


def serve_notice(settings: Settings, host: str | None, *, insecure: bool = False) -> str:
    """Where the app listens and whether it asks for sign-in, said plainly at every start."""
    from ..web.exposure import OPEN_APP_WARNING, is_loopback

    host = host or settings.host
    where = ("Lyssnar bara på den här datorn." if is_loopback(host)
             else f"OBS: lyssnar på {host} och kan nås från nätverket.")
    users = UserStore.from_settings(settings)
    login = ("Lokalt läge: ingen inloggning, alla dokument visas (lägg till användare med msv users add)."
             if users.local_mode else f"Inloggning krävs (användare i {users.path}).")
    danger = f"\n{OPEN_APP_WARNING.format(host=host)}" if insecure and users.local_mode and not is_loopback(host) else ""
    return f"{where} {login}{danger}"


def add_commands(app: typer.Typer, get_settings: Callable[[], Settings], open_kb: Callable[[], KnowledgeBase]) -> None:
    """Add ``ask``, ``memo`` and ``serve`` to ``app``; ``open_kb()`` opens the knowledge base (a context manager)."""

    @app.command("ask")
    def ask_cmd(
        question: Annotated[str, typer.Argument(help="Frågan, eller - för en fråga per rad från stdin.")],
        as_json: Annotated[bool, typer.Option("--json", help="Skriv svaret som JSON.")] = False,
        user_name: Annotated[str | None, typer.Option("--user", help=USER_HELP)] = None,
    ) -> None:
        """Besvara en fråga med citat ur kunskapsbasen (eller säg att underlaget inte räcker)."""
        from ..answers.decision_answers import with_decisions
        from ..answers.registry import engine_for

        settings = get_settings()
        user, flt = reader(settings, user_name)
        audit = AuditLog.from_settings(settings)
        with open_kb() as kb:
            try:
                engine = with_decisions(kb, engine_for(kb, settings))  # decision questions: the register
            except MsvError as e:
                fail(str(e))
            questions = (line.strip() for line in sys.stdin) if question == "-" else iter([question])
            for q in questions:
                if not q:
                    continue
                answer = engine.answer(q, flt=flt)
                audit.record(user, "ask", q, (c.doc_id for c in answer.citations + answer.related))
                ans = answer.as_dict()
                if as_json or question == "-":
                    emit(ans)
                else:
                    print_answer(ans)

    @app.command("memo")
    def memo_cmd(
        topic: Annotated[str, typer.Argument(help="PM:ets ämne, t.ex. \"arbetsordning för MSV KLL\".")],
        out: Annotated[Path | None, typer.Option("--out", help="Spara som FIL.docx eller FIL.md.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv PM:et som JSON.")] = False,
        user_name: Annotated[str | None, typer.Option("--user", help=USER_HELP)] = None,
    ) -> None:
        """Skriv ett PM-utkast (Rubrik, Sammanfattning, Bakgrund, … Källor) där varje påstående är citerat."""
        from ..answers.memo import draft_memo, export, to_markdown
        from ..answers.registry import engine_for

        if out is not None and out.suffix.lower() not in (".docx", ".md", ".markdown"):
            fail(f"--out {out}: okänt format; använd .docx eller .md")
        settings = get_settings()
        user, flt = reader(settings, user_name)
        audit = AuditLog.from_settings(settings)
        with open_kb() as kb:
            memo = draft_memo(topic, engine_for(kb, settings), flt=flt)
        audit.record(user, "memo", topic, (c.doc_id for c in memo.sources))
        if out is not None:
            export(memo, out)
            err.print(f"Sparat: {out}", highlight=False)
        if as_json:
            emit(memo.as_dict())
        elif out is None:
            Console().print(to_markdown(memo), highlight=False, markup=False)

    @app.command("serve")
    def serve_cmd(
        host: Annotated[str | None, typer.Option(help="Adress att lyssna på (standard 127.0.0.1).")] = None,
        port: Annotated[int | None, typer.Option(help="Port (standard 7860).")] = None,
        insecure_no_login: Annotated[bool, typer.Option(
            "--insecure-no-login", help="Tillåt en adress utanför den här datorn utan användare: alla på nätverket "
            "kan då läsa alla dokument.")] = False,
    ) -> None:
        """Starta webbappen (Fråga, Sök, PM-utkast, Källor, Omvärldsbevakning) och den schemalagda bevakningen."""
        settings = get_settings()
        where = host or settings.host
        # Gradio's upload cache lives in the data directory, private; Gradio reads this per process.
        temp = Path(os.environ.setdefault("GRADIO_TEMP_DIR", str(settings.gradio_temp)))
        from ..web.app import serve
        from ..web.digest_tab import build_digest_tab
        from ..web.exposure import OpenAppError, open_app_refusal
        from ..web.records_tabs import build_decisions_tab, build_status_tab

        refusal = open_app_refusal(where, UserStore.from_settings(settings), insecure_no_login)
        if refusal:  # before the knowledge base and the model are loaded
            fail(refusal)
        if not temp.resolve().is_relative_to(Path(settings.data_dir).resolve()):
            err.print(f"[yellow]varning:[/yellow] GRADIO_TEMP_DIR={temp} ligger utanför datamappen; uppladdningar "
                      "hamnar där (ta bort variabeln)", highlight=False, soft_wrap=True)
        kb = open_kb()
        kb_lock = getattr(kb, "lock", None) or threading.RLock()  # the app and the scheduled scan share it
        scheduler = None
        indexing = None
        try:
            indexing = start_indexing(kb, settings, start=False)  # once the app listens
            try:
                scheduler = start_scan_schedule(settings, kb, kb_lock)
            except MsvError as e:
                fail(f"{e}; rätta scan_schedule/scan_timezone (MSV_SCAN_SCHEDULE) eller sätt MSV_SCAN_ENABLED=false")
            try:
                def ready(url: str) -> None:
                    Console().print(f"MSV Kunskapsbas körs på {url}\n"
                                    f"{serve_notice(settings, host, insecure=insecure_no_login)}", highlight=False)
                    if indexing is not None:
                        indexing.start()

                serve(kb, settings, host=where, port=port or settings.port, kb_lock=kb_lock, on_ready=ready,
                      extra_tabs=[build_digest_tab, build_decisions_tab, build_status_tab], allow_open=insecure_no_login,
                      indexing=indexing)
            except OpenAppError as e:
                fail(str(e))
        finally:
            if indexing is not None:
                indexing.stop()
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            kb.close()
