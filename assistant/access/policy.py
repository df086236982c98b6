"""Who may read what: the collaboration's groups, a user's visible groups and the search filter
that enforces them in the store query. Without a users file the program runs in local
single-user mode, where everything is visible (and the UI says so)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ingest.errors import MsvError
from ingest.store import SearchFilter

if TYPE_CHECKING:
    from scanners.digest import Digest

ALLA = "alla"
EXTERN = "extern"
SEKRETARIAT = "sekretariat"
FIXED_GROUPS = (ALLA, "gd-grupp", "styrgrupp", "beredningsgrupp", SEKRETARIAT, EXTERN)
WORKING_GROUP = re.compile(r"arbetsgrupp-[a-zåäö0-9][a-zåäö0-9_-]{0,40}")
LOCAL_NAME = "lokal"


class AccessError(MsvError):
    """A user or group that does not exist, or an action the user may not take."""


def is_group(name: str) -> bool:
    return name in FIXED_GROUPS or bool(WORKING_GROUP.fullmatch(name))


def validate_groups(groups: tuple[str, ...] | list[str], where: str = "--groups") -> tuple[str, ...]:
    """Lower-cased, deduplicated, sorted known groups; anything else is an error naming it."""
    clean = sorted({g.strip().lower() for g in groups if g.strip()})
    bad = [g for g in clean if not is_group(g)]
    if bad:
        raise AccessError(f"{where}: okänd grupp {', '.join(bad)}; använd {', '.join(FIXED_GROUPS)} "
                          "eller arbetsgrupp-<namn>")
    if EXTERN in clean and ALLA in clean:
        raise AccessError(f"{where}: extern kan inte kombineras med alla (externa ser bara det som delats med extern)")
    return tuple(clean)


@dataclass(frozen=True)
class User:
    name: str
    groups: tuple[str, ...] = ()
    agency: str = ""
    local: bool = False  # local single-user mode: no users file, everything visible

    @property
    def is_extern(self) -> bool:
        return EXTERN in self.groups

    @property
    def is_admin(self) -> bool:
        """May manage users in the app: the secretariat, or the local single user."""
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


def upload_groups(user: User) -> tuple[str, ...]:
    """The labels a user may give a document they upload: their own visible groups."""
    return FIXED_GROUPS if user.local else visible_groups(user)


# Horizon-scan items come from public sources: they carry the label ``alla`` (and keep it when
# ingested into the knowledge base as ``omvärld``), so external actors do not see the digest.
DIGEST_ACCESS = (ALLA,)


def visible_digest(digest: Digest, user: User) -> Digest:
    """The digest as ``user`` may see it: whole, or empty when ``alla`` is not theirs."""
    return digest if can_read(user, DIGEST_ACCESS) else replace(digest, items=[])
