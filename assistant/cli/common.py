"""What every ``msv`` command shares: one-line errors, JSON output, the knowledge base's
configuration from the settings, and the user a command acts as (``--user``)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from ingest.archives import ArchiveLimits
from ingest.kb import KbConfig
from ingest.rerank import DEFAULT_AUTHORITY
from ingest.sandbox import ParseLimits
from ingest.search import SearchParams

from ..access.audit import AuditLog
from ..access.policy import AccessError, User, restrict
from ..access.users import UserStore

if TYPE_CHECKING:
    from ingest.store import SearchFilter

    from ..settings import Settings

err = Console(stderr=True)

USER_HELP = "Agera som denna användare (ser bara det användarens grupper får läsa)."


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr naming what is wrong and how to fix it, then exit ``code``."""
    err.print(f"[red]fel:[/red] {message}", highlight=False, soft_wrap=True)  # one line, never wrapped
    raise typer.Exit(code)


def emit(obj: object) -> None:
    """One JSON document on stdout (the ``--json`` contract)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def csv_values(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


def search_params(settings: Settings) -> SearchParams:
    """Search parameters: the fused defaults with the deployment's authority prior and dense search."""
    kinds = {**DEFAULT_AUTHORITY, **settings.rank_authority_kinds}
    return SearchParams(rank_authority=settings.rank_authority, authority=tuple(sorted(kinds.items())),
                        rerank_depth=SearchParams().rerank_depth if settings.rank_second_stage else 0,
                        dense_search=settings.search_dense)


def kb_config(settings: Settings) -> KbConfig:
    return KbConfig(
        data_dir=settings.data_dir, embed_model=settings.embed_model, embed_precision=settings.embed_precision,
        qdrant_url=settings.qdrant_url,
        qdrant_api_key=settings.qdrant_api_key, collection=settings.qdrant_collection,
        chunk_chars=settings.chunk_chars, max_bytes=settings.max_file_mb * 1024 * 1024,
        batch_chunks=settings.batch_chunks, groups=tuple(settings.groups), search=search_params(settings),
        parse=ParseLimits(ArchiveLimits(settings.max_unpacked_mb * 1024 * 1024, settings.max_unpack_ratio),
                          settings.parse_timeout),
    )


def resolve_user(settings: Settings, name: str | None) -> User:
    """The user a command acts as; an unknown name exits 1 with a one-line message. Without
    ``--user`` the command runs as the local operator, who sees everything."""
    try:
        return UserStore.from_settings(settings).resolve(name)
    except AccessError as e:
        AuditLog.from_settings(settings).record(name or "", "refused", what="--user", reason=str(e))
        fail(str(e))


def reader(settings: Settings, user_name: str | None, flt: SearchFilter | None = None) -> tuple[User, SearchFilter]:
    """The user a read command acts as and ``flt`` (default: everything) limited to what they may read."""
    from ingest.store import SearchFilter

    user = resolve_user(settings, user_name)
    return user, restrict(flt or SearchFilter(), user)
