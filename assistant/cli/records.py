"""`msv decisions` and `msv status`: thin shells over the decision register and the status
overview in assistant.records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from ingest.errors import MsvError

from ..access.audit import AuditLog
from ..access.policy import access_of
from ..records import (
    DECISION_KINDS,
    KINDS,
    TABLED,
    OpenAssignment,
    Thread,
    date_bound,
    decisions_json,
    find_decisions,
    find_open,
    find_thread,
    status_overview,
)
from ..records.meeting import BODIES, matches_body
from ..records.pairs import RELATION_SV
from .common import USER_HELP, emit, err, fail, resolve_user

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase



def _kinds(kind: str | None, procedural: bool) -> tuple[str, ...]:
    if not kind:
        return DECISION_KINDS + ((TABLED, "procedur") if procedural else ())
    wanted = tuple(k.strip().lower() for k in kind.split(",") if k.strip())
    bad = [k for k in wanted if k not in KINDS]
    if bad:
        fail(f"--kind {','.join(bad)!s} finns inte; använd någon av: {', '.join(KINDS)}")
    return wanted


def _check_body(kb: KnowledgeBase, body: str | None, access: tuple[str, ...] | None) -> None:
    """Exit with the bodies the register knows when ``body`` is none of them (by whom or to whom a
    decision was given), so that a misspelt body is not taken for a body without decisions."""
    if not body:
        return
    known = {b for d in find_decisions(kb, kinds=KINDS, access=access) for b in (d.body, d.recipient) if b}
    if known and not any(matches_body(b, body) for b in (*known, *BODIES)):  # a standing body with no decisions yet is no typo
        fail(f"--body {body!r}: inget organ i beslutsregistret heter så; använd något av: {', '.join(sorted(known))}")


def add_commands(app: typer.Typer, get_settings: Callable[[], Any], open_kb: Callable[[], KnowledgeBase]) -> None:
    """Add `decisions` and `status` to `app`; `open_kb()` opens the knowledge base (a context manager)."""

    @app.command("decisions")
    def decisions_cmd(
        query: Annotated[str | None, typer.Argument(help="Sökord; utan sökord listas besluten nyast först.")] = None,
        body: Annotated[str | None, typer.Option(
            "--body", help="Bara beslut från detta organ (med --open: uppdrag givna av eller till det): "
                           "styrgrupp, gd-grupp, beredningsgrupp, arbetsgrupp-<namn>.")] = None,
        since: Annotated[str | None, typer.Option(help="Från och med datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ).")] = None,
        until: Annotated[str | None, typer.Option(help="Till och med datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ).")] = None,
        kind: Annotated[str | None, typer.Option(
            help="Bara dessa typer (kommaseparerade): beslut, uppdrag, ställningstagande, bordlagd, procedur.")] = None,
        procedural: Annotated[bool, typer.Option(
            "--procedur", help="Ta med procedurpunkter (dagordning, justering) och bordlagda ärenden.")] = False,
        limit: Annotated[int, typer.Option("--limit", "-k", min=0, help="Högst så många beslut (0 = alla).")] = 0,
        thread: Annotated[str | None, typer.Option(
            "--thread", help="Visa ärendets hela kedja av beslut (beslutets id, från --json) som tidslinje.")] = None,
        open_only: Annotated[bool, typer.Option(
            "--open", help="Öppna uppdrag: givna uppdrag som inget senare beslut besvarar, med tidsfrist.")] = False,
        today: Annotated[str | None, typer.Option(
            help="Dagens datum för --open (ÅÅÅÅ-MM-DD); ett uppdrag efter sin tidsfrist är försenat.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
        user_name: Annotated[str | None, typer.Option("--user", help=USER_HELP)] = None,
    ) -> None:
        """Beslutsregistret: beslut, uppdrag och ställningstaganden ur protokoll och minnesanteckningar."""
        settings = get_settings()
        user = resolve_user(settings, user_name)
        if thread is not None:
            with open_kb() as kb:
                found_thread = find_thread(kb, thread.strip(), access=access_of(user))
            if found_thread is None:
                fail(f"--thread {thread!r}: inget beslut med det id:t; hämta id:t med msv decisions --json")
            _print_thread(found_thread, as_json)
            return
        if open_only:
            try:
                day = Date.fromisoformat(today) if today else Date.today()
            except ValueError:
                fail(f"--today {today!r} är inget datum; skriv ÅÅÅÅ-MM-DD")
            with open_kb() as kb:
                found_open = find_open(kb, body=body or "", access=access_of(user), today=day)
                if not found_open:
                    _check_body(kb, body, access_of(user))
                _print_open(found_open, as_json)
            return
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
            if not found:
                _check_body(kb, body, access_of(user))
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
            out.print(f"[bold]{d.date or 'odaterat'} {d.body or '–'} {where}[/bold] ({d.kind.capitalize()})",
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
                known = sorted({str(r["group"]) for r in status_overview(kb, access=access_of(user))["reports"]}
                               if group and not overview["reports"] else ())
            except MsvError as e:
                fail(str(e))
            if known:
                fail(f"--group {group!r}: inga lägesbedömningar från den gruppen; grupper med lägesbedömningar: "
                     f"{', '.join(known)}")
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


def _print_thread(thread: Thread, as_json: bool) -> None:
    if as_json:
        emit({"thread": thread.as_dict()})
        return
    out = Console()
    out.print(f"[bold]Ärende: {thread.matter or '–'}[/bold] ({len(thread.decisions)} beslut, äldst först)", highlight=False)
    why = {link.later: link for link in thread.links}
    for d in thread.decisions:
        out.print(f"[bold]{d.date or 'odaterat'} {d.body or '–'} {d.paragraph}[/bold] ({d.kind.capitalize()}) "
                  f"id {d.id}", highlight=False)
        out.print(f"   {d.text}", highlight=False, markup=False)
        if link := why.get(d.id):
            out.print(f"   {RELATION_SV.get(link.relation, link.relation)}: {link.reason}", highlight=False, markup=False)


def _print_open(found: list[OpenAssignment], as_json: bool) -> None:
    if as_json:
        emit({"open": [o.as_dict() for o in found]})
        return
    out = Console()
    if not found:
        out.print("Inga öppna uppdrag.", highlight=False)
        return
    for o in found:
        d = o.decision
        due = f"senast {o.due_text or o.due}" if o.due else "ingen tidsfrist angiven"
        flag = " – FÖRSENAT" if o.overdue else ""
        out.print(f"[bold]{d.body or '–'}[/bold] {d.date} {d.paragraph}: {due}{flag}", highlight=False)
        out.print(f"   {d.text}", highlight=False, markup=False)
        out.print(f"   ansvarig: {d.responsible or '–'}; id {d.id}", style="dim", highlight=False, markup=False)
    err.print(f"{len(found)} öppna uppdrag, {sum(o.overdue for o in found)} försenade.", highlight=False)
