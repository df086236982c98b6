"""The users file (TOML): name, groups, agency, role and an argon2 password hash per user. No file
means local single-user mode; a file, even an empty one, means sign-in is required. Every change
goes through here, checked against who makes it and recorded in the audit log."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import threading
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from filelock import FileLock

from ingest.private import make_private_dir

from ..settings import DEFAULT_GROUPS
from .audit import AuditLog
from .policy import LOCAL_USER, AccessError, User, grantable_groups, validate_groups

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

USERS_FILE = "users.toml"
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
MIN_PASSWORD = 8
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong password;
    made on first use (hashing takes most of a second, which importing the module should not)."""
    return _HASHER.hash("msv-ingen-sådan-användare")


def users_path(settings: Settings) -> Path:
    users_file = getattr(settings, "users_file", None)  # stand-in settings in tests may lack it
    return Path(users_file) if users_file else Path(settings.data_dir) / USERS_FILE


def validate_name(name: str) -> str:
    clean = name.strip().lower()
    if not NAME.fullmatch(clean):
        raise AccessError(f"ogiltigt användarnamn {name!r}; använd a–z, 0–9, punkt, _ eller - (högst 64 tecken)")
    return clean


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)  # JSON's escapes are valid TOML basic strings


class UserStore:
    """Reads the file whenever it changed (another process, e.g. ``msv users add``, may have
    changed it) and writes it atomically under a lock, readable by its owner only. ``groups`` are
    the valid groups, ``grant_extra`` what an app administrator may grant beyond their own."""

    def __init__(self, path: Path, *, groups: Sequence[str] = DEFAULT_GROUPS, grant_extra: Sequence[str] = (),
                 audit: AuditLog | None = None) -> None:
        self.path = Path(path)
        self.groups = tuple(groups)
        self.grant_extra = tuple(grant_extra)
        self.audit = audit
        self._lock = FileLock(str(self.path) + ".lock", timeout=10, mode=0o600)
        self._cache: tuple[tuple[int, int, int], dict[str, dict[str, object]]] | None = None
        self._cache_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> UserStore:
        return cls(users_path(settings), groups=settings.groups, grant_extra=settings.admin_grant_groups,
                   audit=AuditLog.from_settings(settings))

    @property
    def local_mode(self) -> bool:
        return not self.path.exists()

    def _read(self) -> dict[str, dict[str, object]]:
        """The users, parsed again only when the file changed (every request of the app asks)."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return {}
        key = (st.st_mtime_ns, st.st_size, st.st_ino)
        with self._cache_lock:
            if self._cache is not None and self._cache[0] == key:
                return {n: dict(e) for n, e in self._cache[1].items()}
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise AccessError(f"ogiltig användarfil {self.path}: {e}") from e
        users = data.get("users", {})
        users = users if isinstance(users, dict) else {}
        with self._cache_lock:
            self._cache = (key, users)
        return {n: dict(e) for n, e in users.items()}

    def _write(self, users: dict[str, dict[str, object]]) -> None:
        lines = ["# MSV Kunskapsbas: användare (hanteras med msv users; lösenord lagras som argon2-hashar)", ""]
        for name in sorted(users):
            u = users[name]
            lines += [f"[users.{_toml_str(name)}]",
                      f"groups = [{', '.join(_toml_str(str(g)) for g in u.get('groups', []))}]",  # type: ignore[union-attr]
                      f"agency = {_toml_str(str(u.get('agency', '')))}"]
            if u.get("admin"):
                lines.append("admin = true")
            lines += [f"password = {_toml_str(str(u['password']))}", ""]
        make_private_dir(self.path.parent)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        os.replace(tmp, self.path)

    @staticmethod
    def _user(name: str, entry: dict[str, object]) -> User:
        groups = entry.get("groups", [])
        return User(name, tuple(str(g) for g in groups) if isinstance(groups, list) else (),
                    str(entry.get("agency", "")), admin=entry.get("admin") is True)

    def _record(self, by: User, act: str, target: str, **extra: object) -> None:
        if self.audit is not None:
            self.audit.record(by, "users", target, act=act, **extra)

    def _refuse(self, by: User, act: str, target: str, why: str) -> AccessError:
        if self.audit is not None:
            self.audit.record(by, "refused", target, what=f"users {act}", reason=why)
        return AccessError(why)

    # -- read ------------------------------------------------------------------------------------
    def list(self) -> list[User]:
        return [self._user(n, e) for n, e in sorted(self._read().items())]

    def get(self, name: str) -> User | None:
        entry = self._read().get(name.strip().lower())
        return self._user(name.strip().lower(), entry) if entry is not None else None

    def resolve(self, name: str | None) -> User:
        """The user a command acts as: ``None`` is the local operator (no restriction); a name
        must exist in the users file."""
        if name is None:
            return LOCAL_USER
        user = self.get(name)
        if user is None:
            where = "ingen användarfil finns" if self.local_mode else f"finns inte i {self.path}"
            raise AccessError(f"okänd användare {name!r} ({where}); lägg till med msv users add")
        return user

    def verify(self, name: str, password: str) -> User | None:
        """The user when the password matches its argon2 hash; None otherwise."""
        entry = self._read().get((name or "").strip().lower())
        stored = str(entry.get("password", "")) if entry else _dummy_hash()
        try:
            _HASHER.verify(stored, password or "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        return self._user(name.strip().lower(), entry) if entry else None

    def auth(self, name: str, password: str) -> bool:
        """Gradio's ``launch(auth=...)`` callable."""
        return self.verify(name, password) is not None

    def stamp(self, name: str) -> str | None:
        """A fingerprint of the user's password hash (None for no such user): a session started
        under one stamp ends when the password changes or the user is removed."""
        entry = self._read().get((name or "").strip().lower())
        if entry is None:
            return None
        return hashlib.sha256(str(entry.get("password", "")).encode()).hexdigest()[:16]

    # -- write -----------------------------------------------------------------------------------
    def add(self, name: str, password: str, groups: Sequence[str], agency: str = "", *, admin: bool = False,
            by: User = LOCAL_USER) -> User:
        """Add a user on behalf of ``by``: an administrator, who in the app may grant only the
        groups of :func:`grantable_groups` and never the administrator role."""
        name = validate_name(name)
        self._check_admin(by, "add", name)
        clean = validate_groups(groups, self.groups)
        if not clean:
            raise AccessError("--groups: ange minst en grupp, t.ex. alla eller styrgrupp")
        if not by.local:
            allowed = grantable_groups(by, self.groups, self.grant_extra)
            if not set(clean) <= set(allowed) or admin:
                raise self._refuse(by, "add", name, f"du får bara ge grupperna {', '.join(allowed)} "
                                   "(administratörer utses med msv users add --admin)")
        _check_password(password)
        with self._lock:
            users = self._read()
            if name in users:
                raise AccessError(f"användaren {name!r} finns redan; ta bort den först eller byt lösenord med msv users passwd")
            users[name] = {"groups": list(clean), "agency": agency.strip(), "password": _HASHER.hash(password),
                           "admin": admin}
            self._write(users)
        self._record(by, "add", name, groups=list(clean), agency=agency.strip(), admin=admin)
        return User(name, clean, agency.strip(), admin=admin)

    def remove(self, name: str, *, by: User = LOCAL_USER) -> None:
        """Removing the last user keeps the (empty) file: sign-in stays required. In the app an
        administrator may remove only users they could have added, never themselves."""
        name = name.strip().lower()
        self._check_admin(by, "remove", name)
        with self._lock:
            users = self._read()
            if name not in users:
                raise AccessError(f"okänd användare {name!r}; se msv users list")
            if not by.local:
                target = self._user(name, users[name])
                allowed = grantable_groups(by, self.groups, self.grant_extra)
                if name == by.name or target.admin or not set(target.groups) <= set(allowed):
                    raise self._refuse(by, "remove", name, f"du får inte ta bort {name!r} (bara användare med "
                                       f"grupperna {', '.join(allowed)}, inte administratörer eller dig själv)")
            del users[name]
            self._write(users)
        self._record(by, "remove", name)

    def passwd(self, name: str, password: str, *, by: User = LOCAL_USER) -> None:
        name = name.strip().lower()
        self._check_admin(by, "passwd", name)
        _check_password(password)
        with self._lock:
            users = self._read()
            if name not in users:
                raise AccessError(f"okänd användare {name!r}; se msv users list")
            users[name]["password"] = _HASHER.hash(password)
            self._write(users)
        self._record(by, "passwd", name)

    def _check_admin(self, by: User, act: str, target: str) -> None:
        if not by.is_admin:
            raise self._refuse(by, act, target, "bara administratörer kan hantera användare")


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccessError(f"lösenordet är för kort; minst {MIN_PASSWORD} tecken")
