"""The data directory holds restricted text, so it is private: folders 0700, files 0600. Entry
points make every file the process creates so (:func:`private_umask`, which also covers what
libraries such as Qdrant and SQLite create), folders are created private here, and
:func:`exposed` finds what another account on the machine could read, for a warning at start."""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
OTHERS = stat.S_IRWXG | stat.S_IRWXO


def private_umask() -> None:
    """New files 0600 and folders 0700 in this process (an entry point's choice, never a library's)."""
    os.umask(PRIVATE_UMASK)


def make_private_dir(path: Path) -> Path:
    """``path`` and any missing parents below it, created 0700; an existing folder is left as it
    is (its owner may have reasons; :func:`exposed` reports it)."""
    path = Path(path)
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)  # mkdir's mode passes through the umask
    return path


def make_private_file(path: Path) -> None:
    if path.exists():
        path.chmod(0o600)


def exposed(root: Path, limit: int = 20_000) -> list[tuple[Path, int]]:
    """Entries under ``root`` (itself included) with any group or other permission, with their
    modes; at most ``limit`` entries are looked at."""
    root = Path(root)
    if not root.exists():
        return []
    found: list[tuple[Path, int]] = []
    seen = 0
    top = root.lstat().st_mode
    if top & OTHERS:
        found.append((root, stat.S_IMODE(top)))
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            seen += 1
            if seen > limit:
                return found
            p = Path(folder) / name
            try:
                mode = p.lstat().st_mode
            except OSError:
                continue
            if mode & OTHERS and not stat.S_ISLNK(mode):
                found.append((p, stat.S_IMODE(mode)))
    return found
