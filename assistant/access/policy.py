"""Who may read what: the collaboration's groups, a user's visible groups and the search filter
that enforces them in the store query. Without a users file the program runs in local
single-user mode, where everything is visible (and the UI says so)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ingest.documents import EXTERNAL_GROUP, PUBLIC_GROUP
from ingest.errors import MsvError
from ingest.metadata import access_problem
from ingest.store import SearchFilter

if TYPE_CHECKING:
    from scanners.digest import Digest

ALLA = PUBLIC_GROUP
EXTERN = EXTERNAL_GROUP
SEKRETARIAT = "sekretariat"
LOCAL_NAME = "lokal"


class AccessError(MsvError):
    """A user or group that does not exist, or an action the user may not take."""


def validate_groups(groups: Sequence[str], known: Sequence[str], where: str = "--groups") -> tuple[str, ...]:
    """Lower-cased, deduplicated, sorted groups from the configured list ``known``; anything else
    is an error naming it and the valid ones."""
    clean = sorted({g.strip().lower() for g in groups if g.strip()})
    problem = access_problem(clean, known)
    if problem:
        raise AccessError(f"{where}: {problem} (listan ändras med inställningen groups)")
    return tuple(clean)


@dataclass(frozen=True)
class User:
    name: str
    groups: tuple[str, ...] = ()
    agency: str = ""
    local: bool = False  # local single-user mode, or the operator at the command line: everything visible
    admin: bool = False  # manages users in the app (set only with ``msv users add --admin``)

    @property
    def is_extern(self) -> bool:
        return EXTERN in self.groups

    @property
    def is_admin(self) -> bool:
        """May manage users: an administrator, or the local operator."""
        return self.local or self.admin

    @property
    def is_secretariat(self) -> bool:
        """May remove others' uploads and mark scan items: the secretariat, or the local operator."""
        return self.local or SEKRETARIAT in self.groups


LOCAL_USER = User(LOCAL_NAME, (), "", local=True)


def visible_groups(user: User) -> tuple[str, ...]:
    """The access labels whose documents ``user`` may read: their groups, plus ``alla`` for every
    member of the collaboration. External actors see only what is shared with ``extern`` (or with a
    working group they were invited to), never ``alla`` documents."""
    groups = set(user.groups)
    if user.is_extern:
        groups.discard(ALLA)
    else:
        groups.add(ALLA)
    return tuple(sorted(groups))


def access_of(user: User) -> tuple[str, ...] | None:
    """What goes into ``SearchFilter.access``: None (no restriction) only in local mode."""
    return None if user.local else visible_groups(user)


def restrict(flt: SearchFilter, user: User) -> SearchFilter:
    """``flt`` limited to what ``user`` may read. An access list already in ``flt`` can only
    narrow it (intersection), never widen it."""
    allowed = access_of(user)
    if allowed is None:
        return flt
    if flt.access is not None:
        allowed = tuple(g for g in allowed if g in set(flt.access))
    return replace(flt, access=allowed)


def can_read(user: User, labels: list[str] | tuple[str, ...]) -> bool:
    allowed = access_of(user)
    return allowed is None or bool(set(labels) & set(allowed))


def can_run_scan(user: User) -> bool:
    """Whether ``user`` may start the horizon scan from the app ("Kör bevakningen nu"): the
    secretariat, who runs the scanning, or the local operator. Others wait for the schedule."""
    return user.is_secretariat


def upload_groups(user: User, known: Sequence[str]) -> tuple[str, ...]:
    """The labels a user may give a document they upload: their own visible groups (all of the
    configured ones for the local operator)."""
    return tuple(known) if user.local else tuple(g for g in visible_groups(user) if g in known)


def grantable_groups(admin: User, known: Sequence[str], extra: Sequence[str] = ()) -> tuple[str, ...]:
    """The groups ``admin`` may give a user in the app: the groups they read themselves, plus
    ``extra`` (the setting admin_grant_groups). The local operator may grant any configured group."""
    if admin.local:
        return tuple(known)
    own = set(visible_groups(admin)) | set(extra)
    return tuple(g for g in known if g in own)


# Horizon-scan items come from public sources: they carry the label ``alla`` (and keep it when
# ingested into the knowledge base as ``omvärld``), so external actors do not see the digest.
DIGEST_ACCESS = (ALLA,)


def visible_digest(digest: Digest, user: User) -> Digest:
    """The digest as ``user`` may see it: whole, or empty when ``alla`` is not theirs."""
    return digest if can_read(user, DIGEST_ACCESS) else replace(digest, items=[])
