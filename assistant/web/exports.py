"""Exports belong to their maker: memo and decision files are written to a private folder per
user in the data directory (never Gradio's shared cache) and handed out only by the app's
download route (web/guard.py), which checks the session and that the reader may still read every
document the export was made from. Old exports are deleted when new ones are made."""

from __future__ import annotations

import json
import logging
import re
import secrets
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..access.policy import User
from .gate import safe_name

log = logging.getLogger(__name__)

EXPORT_DIR = "exports"
ROUTE = "msv/export"  # relative, so the links also work behind a reverse proxy's path prefix
MANIFEST = "export.json"
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


@dataclass(frozen=True)
class Export:
    token: str
    owner: str
    files: tuple[str, ...]  # plain file names in the export's folder
    doc_ids: tuple[str, ...]  # the documents whose text went into it

    def link(self, name: str) -> str:
        return f"{ROUTE}/{self.token}/{quote(name)}"

    def markdown(self, labels: Sequence[str]) -> str:
        """One download link per file, labelled in order."""
        return "  \n".join(f"[{label}]({self.link(name)})" for label, name in zip(labels, self.files, strict=True))


class ExportStore:
    def __init__(self, root: Path, *, max_age: float = 12 * 3600) -> None:
        self.root = Path(root)
        self.max_age = max_age

    def save(self, user: User, doc_ids: Sequence[str], write: Callable[[Path], Sequence[Path]]) -> Export:
        """``write(folder)`` writes the files into a fresh private folder of ``user`` and returns them."""
        self.purge()
        token = secrets.token_urlsafe(24)
        folder = self.root / safe_name(user.name) / token
        folder.mkdir(mode=0o700, parents=True)
        for p in (self.root, folder.parent):
            p.chmod(0o700)
        written = [Path(p) for p in write(folder)]
        for p in written:
            if p.resolve().parent != folder.resolve():
                raise ValueError(f"{p} ligger utanför exportmappen")
            p.chmod(0o600)
        export = Export(token, user.name, tuple(p.name for p in written), tuple(dict.fromkeys(doc_ids)))
        manifest = folder / MANIFEST
        manifest.write_text(json.dumps({"owner": export.owner, "files": list(export.files),
                                        "doc_ids": list(export.doc_ids), "created": time.time()}), encoding="utf-8")
        manifest.chmod(0o600)
        return export

    def find(self, user: User, token: str, name: str) -> tuple[Export, Path] | None:
        """The export and file ``name`` when ``user`` made it; None for anything else (another
        user's, expired, unknown: the caller answers all of them the same way)."""
        if not TOKEN.fullmatch(token or ""):
            return None
        folder = self.root / safe_name(user.name) / token
        try:
            meta = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if meta.get("owner") != user.name or name not in meta.get("files", []) or self._expired(meta):
            return None
        path = folder / name
        if path.is_symlink() or not path.is_file():
            return None
        return Export(token, user.name, tuple(meta["files"]), tuple(meta.get("doc_ids", []))), path

    def _expired(self, meta: dict[str, object]) -> bool:
        return time.time() - float(meta.get("created", 0)) > self.max_age  # type: ignore[arg-type]

    def purge(self) -> None:
        """Delete exports older than ``max_age`` (they hold restricted text)."""
        if not self.root.exists():
            return
        for manifest in self.root.glob(f"*/*/{MANIFEST}"):
            try:
                if self._expired(json.loads(manifest.read_text(encoding="utf-8"))):
                    shutil.rmtree(manifest.parent)
            except (OSError, ValueError) as e:
                log.warning("gammal export kunde inte tas bort: %s (%s)", manifest.parent, e)


def export_store(data_dir: Path, max_age: float = 12 * 3600) -> ExportStore:
    return ExportStore(Path(data_dir) / EXPORT_DIR, max_age=max_age)
