"""The users file (TOML): name, groups, agency and an argon2 password hash per user. No file
means local single-user mode; a file, even an empty one, means sign-in is required."""

from __future__ import annotations

import json
import logging
import os
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from filelock import FileLock

from .policy import LOCAL_USER, AccessError, User, validate_groups

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

USERS_FILE = "users.toml"
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
MIN_PASSWORD = 8
_HASHER = PasswordHasher()
# Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("msv-ingen-sådan-användare")


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
    """Reads the file on every call (another process, e.g. ``msv users add``, may have changed it)
    and writes it atomically under a lock, readable by its owner only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(self.path) + ".lock", timeout=10)

    @classmethod
    def from_settings(cls, settings: Settings) -> UserStore:
        return cls(users_path(settings))

    @property
    def local_mode(self) -> bool:
        return not self.path.exists()

    def _read(self) -> dict[str, dict[str, object]]:
        if not self.path.exists():
            return {}
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise AccessError(f"ogiltig användarfil {self.path}: {e}") from e
        users = data.get("users", {})
        return users if isinstance(users, dict) else {}

    def _write(self, users: dict[str, dict[str, object]]) -> None:
        lines = ["# MSV Kunskapsbas: användare (hanteras med msv users; lösenord lagras som argon2-hashar)", ""]
        for name in sorted(users):
            u = users[name]
            lines += [f"[users.{_toml_str(name)}]",
                      f"groups = [{', '.join(_toml_str(str(g)) for g in u.get('groups', []))}]",  # type: ignore[union-attr]
                      f"agency = {_toml_str(str(u.get('agency', '')))}",
                      f"password = {_toml_str(str(u['password']))}", ""]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        os.replace(tmp, self.path)

    @staticmethod
    def _user(name: str, entry: dict[str, object]) -> User:
        groups = entry.get("groups", [])
        return User(name, tuple(str(g) for g in groups) if isinstance(groups, list) else (),
                    str(entry.get("agency", "")))

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
        stored = str(entry.get("password", "")) if entry else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password or "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        return self._user(name.strip().lower(), entry) if entry else None

    def auth(self, name: str, password: str) -> bool:
        """Gradio's ``launch(auth=...)`` callable."""
        ok = self.verify(name, password) is not None
        if not ok:
            log.warning("misslyckad inloggning för %r", name)
        return ok

    # -- write -----------------------------------------------------------------------------------
    def add(self, name: str, password: str, groups: tuple[str, ...] | list[str], agency: str = "") -> User:
        name = validate_name(name)
        clean = validate_groups(groups)
        if not clean:
            raise AccessError("--groups: ange minst en grupp, t.ex. alla eller styrgrupp")
        _check_password(password)
        with self._lock:
            users = self._read()
            if name in users:
                raise AccessError(f"användaren {name!r} finns redan; ta bort den först eller byt lösenord med msv users passwd")
            users[name] = {"groups": list(clean), "agency": agency.strip(), "password": _HASHER.hash(password)}
            self._write(users)
        return User(name, clean, agency.strip())

    def remove(self, name: str) -> None:
        """Removing the last user keeps the (empty) file: sign-in stays required."""
        name = name.strip().lower()
        with self._lock:
            users = self._read()
            if name not in users:
                raise AccessError(f"okänd användare {name!r}; se msv users list")
            del users[name]
            self._write(users)

    def passwd(self, name: str, password: str) -> None:
        name = name.strip().lower()
        _check_password(password)
        with self._lock:
            users = self._read()
            if name not in users:
                raise AccessError(f"okänd användare {name!r}; se msv users list")
            users[name]["password"] = _HASHER.hash(password)
            self._write(users)


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccessError(f"lösenordet är för kort; minst {MIN_PASSWORD} tecken")
