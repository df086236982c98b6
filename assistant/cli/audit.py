"""`msv audit`: reads the audit log back (who did what, when, which documents were shown), as a
thin shell over assistant.access.audit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

from scanners.digest import parse_since
from scanners.errors import ScanError

from ..access.audit import AuditLog
from ..access.policy import LOCAL_USER
from .common import emit, err, fail


def add_commands(app: typer.Typer, get_settings: Callable[[], Any]) -> None:
    """Add `audit` to `app`."""

    @app.command("audit")
    def audit_cmd(
        user: Annotated[str | None, typer.Option("--user", help="Bara denna användares rader.")] = None,
        since: Annotated[str | None, typer.Option("--since", help="Från: 7d, 24h, 2w eller ett datum ÅÅÅÅ-MM-DD.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv raderna som JSON.")] = False,
    ) -> None:
        """Granskningsloggen: vem som sökt, läst, laddat ner, loggat in eller ändrat vad, och när."""
        settings = get_settings()
        try:
            start = parse_since(since) if since else None
        except (ScanError, ValueError):
            fail(f"--since {since!r} är ingen tidpunkt; skriv t.ex. 7d, 24h, 2w eller 2026-05-01")
        log = AuditLog.from_settings(settings)
        entries = log.entries(user=user.strip().lower() if user else None, since=start)
        log.record(LOCAL_USER, "audit", " ".join(x for x in (user or "", since or "") if x))
        if as_json:
            emit({"entries": entries})
            return
        out = Console()
        for e in entries:
            ids = e.get("doc_ids") or []
            shown = f" · {len(ids)} dokument: {', '.join(map(str, ids[:5]))}{' …' if len(ids) > 5 else ''}" if ids else ""
            what = f" {e['query']}" if e.get("query") else ""
            out.print(f"{e.get('ts', '')}\t{e.get('user', '') or '–'}\t{e.get('action', '')}{what}{shown}",
                      highlight=False, markup=False)
        err.print(f"{len(entries)} rader i {log.path}.", highlight=False)
