"""`msv decisions` and `msv status`: thin shells over the decision register and the status
overview in assistant.records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from ingest.errors import MsvError

from ..access.audit import AuditLog
from ..access.policy import access_of
from ..records import (
    DECISION_KINDS,
    KINDS,
    date_bound,
    decisions_json,
    find_decisions,
    status_overview,
)
from .common import USER_HELP, emit, err, fail, resolve_user

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

KIND_SV = {"beslut": "Beslut", "uppdrag": "Uppdrag", "ställningstagande": "Ställningstagande", "procedur": "Procedur"}


def _kinds(kind: str | None, procedural: bool) -> tuple[str, ...]:
    if not kind:
        return DECISION_KINDS + (("procedur",) if procedural else ())
    wanted = tuple(k.strip().lower() for k in kind.split(",") if k.strip())
    bad = [k for k in wanted if k not in KINDS]
    if bad:
        fail(f"--kind {','.join(bad)!s} finns inte; använd någon av: {', '.join(KINDS)}")
    return wanted


def add_commands(app: typer.Typer, get_settings: Callable[[], Any], open_kb: Callable[[], KnowledgeBase]) -> None:
    """Add `decisions` and `status` to `app`; `open_kb()` opens the knowledge base (a context manager)."""

    @app.command("decisions")
    def decisions_cmd(
        query: Annotated[str | None, typer.Argument(help="Sökord; utan sökord listas besluten nyast först.")] = None,
        body: Annotated[str | None, typer.Option(
            "--body", help="Bara beslut från detta organ: styrgrupp, gd-grupp, beredningsgrupp, arbetsgrupp-<namn>.")] = None,
        since: Annotated[str | None, typer.Option(help="Från och med datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ).")] = None,
        until: Annotated[str | None, typer.Option(help="Till och med datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ).")] = None,
        kind: Annotated[str | None, typer.Option(
            help="Bara dessa typer (kommaseparerade): beslut, uppdrag, ställningstagande, procedur.")] = None,
        procedural: Annotated[bool, typer.Option(
            "--procedur", help="Ta med procedurpunkter (dagordning, justering, bordläggning).")] = False,
        limit: Annotated[int, typer.Option("--limit", "-k", min=0, help="Högst så många beslut (0 = alla).")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
        user_name: Annotated[str | None, typer.Option("--user", help=USER_HELP)] = None,
    ) -> None:
        """Beslutsregistret: beslut, uppdrag och ställningstaganden ur protokoll och minnesanteckningar."""
        settings = get_settings()
        user = resolve_user(settings, user_name)
        try:
            date_bound(since or "")
            date_bound(until or "", end=True)
        except ValueError as e:
            fail(f"--since/--until: {e}")
        kinds = _kinds(kind, procedural)
        with open_kb() as kb:
            try:
                found = find_decisions(kb, query or "", body=body or "", since=since or "", until=until or "",
                                       kinds=kinds, limit=limit or None, access=access_of(user))
            except MsvError as e:
                fail(str(e))
        AuditLog.from_settings(settings).record(user, "decisions", query or "", (d.doc_id for d in found),
                                                body=body or "", since=since or "", until=until or "")
        if as_json:
            emit(decisions_json(found))
            return
        out = Console()
        if not found:
            out.print("Inga beslut hittades" + (f" för ”{query}”." if query else "."), highlight=False)
            return
        for d in found:
            head = d.section if d.section.startswith(d.paragraph) else ", ".join(x for x in (d.paragraph, d.section) if x)
            where = ", ".join(x for x in (head, f"s. {d.page}" if d.page else "") if x)
            out.print(f"[bold]{d.date or 'odaterat'} {d.body or '–'} {where}[/bold] ({KIND_SV.get(d.kind, d.kind)})",
                      highlight=False)
            out.print(f"   {d.text}", highlight=False, markup=False)
            extra = "; ".join(x for x in (f"ansvarig: {d.responsible}" if d.responsible else "",
                                          f"senast: {d.deadline}" if d.deadline else "") if x)
            if extra:
                out.print(f"   {extra}", highlight=False, markup=False)
            out.print(f"   {d.title} – {d.source}\n", style="dim", highlight=False, markup=False)
        err.print(f"{len(found)} beslut.", highlight=False)

    @app.command("status")
    def status_cmd(
        group: Annotated[str | None, typer.Option(
            "--group", help="Bara denna arbetsgrupp (t.ex. validering eller arbetsgrupp-validering).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
        user_name: Annotated[str | None, typer.Option("--user", help=USER_HELP)] = None,
    ) -> None:
        """Lägesbild: arbetsgruppernas lägesbedömningar (grön/gul/röd) och vad som ändrats sedan förra."""
        settings = get_settings()
        user = resolve_user(settings, user_name)
        with open_kb() as kb:
            try:
                overview = status_overview(kb, group=group or "", access=access_of(user))
            except MsvError as e:
                fail(str(e))
        AuditLog.from_settings(settings).record(user, "status", group or "", (r["doc_id"] for r in overview["reports"]))
        if as_json:
            emit(overview)
            return
        out = Console()
        if not overview["reports"]:
            out.print("Inga lägesbedömningar hittades" + (f" för {group}." if group else "."), highlight=False)
            return
        for s in overview["summary"]:
            out.print(f"[bold]{s['group']} {s['period']}[/bold]: {s['grön']} gröna, {s['gul']} gula, {s['röd']} röda",
                      highlight=False)
            for c in s["changed_since_previous"]:  # type: ignore[union-attr]
                out.print(f"   ändrat: {c['activity']}: {c['previous'] or 'ny'} → {c['current'] or 'borttagen'}",
                          highlight=False, markup=False)
        for r in overview["reports"]:
            for a in r["activities"]:  # type: ignore[union-attr]
                if a["status"] != "grön":
                    out.print(f"{r['group']} {r['period']}: {a['activity']} – {a['status'].upper()}: {a['comment']}",
                              highlight=False, markup=False)
