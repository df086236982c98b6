"""The app's door: who is asking (the signed-in user behind a ``gr.Request``, or the local user
when the app started without a users file), the sign-in defences the guard applies, Gradio's
private temp folder and safe staging of uploaded files, and the administrators' user tab."""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from ..access.audit import AuditLog
from ..access.login import Sessions, Throttle
from ..access.policy import LOCAL_USER, AccessError, User, grantable_groups, visible_groups
from ..access.users import UserStore, users_path

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

UPLOAD_DIR = "uploads"
# Loaders whose document id comes from the file's own path: a sidecar (.meta.toml) or a JSONL
# corpus could name another document's id and overwrite it, so the app does not take them.
UPLOAD_SUFFIXES = (".pdf", ".docx", ".pptx", ".html", ".htm", ".md", ".markdown", ".txt", ".eml")
UPLOAD_FORMATS = "PDF, Word (.docx), PowerPoint (.pptx), HTML, Markdown, text (.txt) och e-post (.eml)"
# HTML, not Markdown: Gradio's Markdown opens every link in a new tab, and "Logga ut" must not.
LOCAL_NOTICE = ("<p><strong>Lokalt läge: ingen inloggning.</strong> Alla dokument visas; lägg till användare med "
                "<code>msv users add</code> för att kräva inloggning.</p>")


class Gate:
    """Fixed at start: with no users file the app runs in local mode (no sign-in), otherwise every
    request must carry a signed-in user who still exists in the file."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.audit = AuditLog.from_settings(settings)
        self.users = UserStore.from_settings(settings)
        self.local = self.users.local_mode
        self.sessions = Sessions(self.users, settings.session_hours * 3600)
        self.throttle = Throttle(settings.login_max_failures, settings.login_window_minutes * 60,
                                 settings.login_delay_seconds)
        self.uploads = Uploads()
        self.upload_root = gradio_temp_dir(settings.gradio_temp)

    @property
    def auth(self) -> Any:
        """The ``launch(auth=...)`` callable, or None in local mode."""
        return None if self.local else self.users.auth

    def user(self, request: gr.Request | None) -> User:
        if self.local:
            if not self.users.local_mode:
                raise gr.Error("Användare har lagts till sedan appen startade; starta om appen för att kräva inloggning.")
            return LOCAL_USER
        name = getattr(request, "username", None) if request is not None else None
        user = self.users.get(name) if name else None
        if user is None:
            self.audit.record(name or "", "refused", what="begäran utan giltig inloggning")
            raise gr.Error("Inloggning krävs: logga in igen.")
        return user

    def from_upload(self, user: User, path: Path) -> bool:
        """Whether ``path`` is a file ``user`` uploaded to Gradio's temp folder (never a
        server-side path, another user's upload or one of the app's own outputs)."""
        p = Path(path)
        if p.is_symlink() or not p.is_file():
            return False
        real = p.resolve()
        return real.is_relative_to(self.upload_root.resolve()) and self.uploads.owns(user.name, real)

    def header(self, request: gr.Request | None) -> str:
        user = self.user(request)
        if user.local:
            return LOCAL_NOTICE
        agency = f", {user.agency}" if user.agency else ""
        return (f"<p>Inloggad som <strong>{html.escape(user.name)}</strong>{html.escape(agency)} — ser dokument för: "
                f"{html.escape(', '.join(visible_groups(user)))}. <a href=\"/logout\">Logga ut</a></p>")


class Uploads:
    """Which user uploaded which file to Gradio's temp folder (noted by the guard from Gradio's
    upload route), so a handler accepts only the caller's own uploads as input."""

    MAX_PER_USER = 1000

    def __init__(self) -> None:
        self._by_user: dict[str, dict[Path, None]] = {}
        self._lock = threading.Lock()

    def record(self, user: str, paths: Sequence[Path]) -> None:
        with self._lock:
            mine = self._by_user.setdefault(user, {})
            for p in paths:
                mine[Path(p).resolve()] = None
            while len(mine) > self.MAX_PER_USER:
                del mine[next(iter(mine))]

    def owns(self, user: str, path: Path) -> bool:
        try:
            real = Path(path).resolve()
        except (OSError, ValueError):
            return False
        with self._lock:
            return real in self._by_user.get(user, {})


def gradio_temp_dir(default: Path) -> Path:
    """Gradio's upload cache, private (0700): ``default`` unless the entry point already chose
    one (GRADIO_TEMP_DIR is read by Gradio per process, when the app is built)."""
    folder = Path(os.environ.setdefault("GRADIO_TEMP_DIR", str(default)))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    return folder


_GATES: dict[Path, Gate] = {}


def gate_for(settings: Settings, *, fresh: bool = False) -> Gate:
    """One gate per users file, so every tab of an app agrees on the mode fixed when the app was
    built (``build_app`` asks for a fresh one; the tabs it builds get that same one)."""
    path = users_path(settings).resolve()
    if fresh or path not in _GATES:
        _GATES[path] = Gate(settings)
    return _GATES[path]


def _md(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]()#+!|~<>&])", r"\\\1", text)


# -- uploads --------------------------------------------------------------------------------------

def safe_name(name: str) -> str:
    """A file name that stays a plain name inside the upload folder: no directories, no leading
    dots, only word characters, spaces, dots and dashes, at most 120 characters."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    base = re.sub(r"[^\w .-]+", "_", base, flags=re.UNICODE).strip(" .")
    base = re.sub(r"\.{2,}", ".", base)
    if len(base) > 120:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[: 110] + dot + suffix[:9]) if dot else base[:120]
    return base or "fil"


@dataclass
class Staged:
    paths: list[Path]
    rejected: list[str]  # one Swedish line per refused file


def stage_uploads(files: Sequence[Any], folder: Path, *, max_bytes: int, max_files: int,
                  accept: Callable[[Path], bool] | None = None) -> Staged:
    """Copy uploaded temp files into ``folder`` under safe names, refusing files ``accept`` turns
    down (anything but the caller's own uploads), unknown types, files over ``max_bytes`` and more
    than ``max_files`` files."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    root = folder.resolve()
    staged = Staged([], [])
    items = list(files)
    if len(items) > max_files:
        staged.rejected.append(f"för många filer ({len(items)}); högst {max_files} åt gången")
        return staged
    for f in items:
        src = Path(f if isinstance(f, str) else getattr(f, "name", f))
        shown = getattr(f, "orig_name", None) or src.name
        name = safe_name(shown)
        if accept is not None and not accept(src):
            staged.rejected.append(f"{name}: inte en fil du laddat upp; välj filen på din egen dator")
            continue
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            staged.rejected.append(f"{name}: filtypen tas inte emot här; tillåtna: {', '.join(UPLOAD_SUFFIXES)}")
            continue
        try:
            size = src.stat().st_size
        except OSError:
            staged.rejected.append(f"{name}: filen kunde inte läsas")
            continue
        if size > max_bytes:
            staged.rejected.append(f"{name}: för stor ({size // (1024 * 1024)} MB); högst {max_bytes // (1024 * 1024)} MB")
            continue
        dest = (root / name).resolve()
        if dest.parent != root:  # cannot happen after safe_name; checked anyway
            staged.rejected.append(f"{name}: ogiltigt filnamn")
            continue
        shutil.copyfile(src, dest)
        dest.chmod(0o600)
        staged.paths.append(dest)
    return staged


def upload_folder(data_dir: Path, user: User) -> Path:
    """Each user's uploads in their own folder: a same-named file from someone else is another
    document (another path, another id) and never replaces theirs."""
    return Path(data_dir) / UPLOAD_DIR / safe_name(user.name)


# -- user administration (administrators) ----------------------------------------------------------

def build_users_tab(gate: Gate, demo: gr.Blocks) -> None:
    """The *Användare* tab: shown only to signed-in administrators; every handler checks that
    again on the server, and the users file checks which groups the administrator may grant."""

    def admin(request: gr.Request) -> User:
        user = gate.user(request)
        if gate.local or not user.is_admin:
            gate.audit.record(user, "refused", what="användaradministration")
            raise gr.Error("Bara administratörer kan hantera användare.")
        return user

    def rows(request: gr.Request) -> list[list[str]]:
        admin(request)
        return [[u.name, ", ".join(u.groups), u.agency] for u in gate.users.list()]

    def add(name: str, groups: str, agency: str, password: str, request: gr.Request):
        me = admin(request)
        try:
            u = gate.users.add(name or "", password or "", (groups or "").split(","), agency or "", by=me)
            msg = f"Tillagd: {_md(u.name)} ({_md(', '.join(u.groups))})"
        except AccessError as e:
            msg = f"Fel: {_md(str(e))}"
        return msg, rows(request), ""

    def remove(name: str, request: gr.Request):
        me = admin(request)
        try:
            gate.users.remove(name or "", by=me)
            gate.sessions.end_user((name or "").strip().lower())
            msg = f"Borttagen: {_md(name)}"
        except AccessError as e:
            msg = f"Fel: {_md(str(e))}"
        return msg, rows(request)

    with gr.Tab("Användare", id="anvandare", visible=False) as tab:
        gr.Markdown("## Användare\nBara administratörer ser denna flik. Lösenord lagras som argon2-hashar.")
        grants = gr.Markdown(elem_id="user-grants")
        table = gr.Dataframe(headers=["Namn", "Grupper", "Myndighet"], interactive=False, elem_id="users", buttons=[])
        with gr.Row():
            name = gr.Textbox(label="Användarnamn", elem_id="user-name")
            groups = gr.Textbox(label="Grupper (kommaseparerade)", placeholder="alla, styrgrupp", elem_id="user-groups")
            agency = gr.Textbox(label="Myndighet", elem_id="user-agency")
            password = gr.Textbox(label="Lösenord (minst 8 tecken)", type="password", elem_id="user-password")
        add_btn = gr.Button("Lägg till användare", variant="primary", elem_id="user-add")
        remove_name = gr.Textbox(label="Användare att ta bort", elem_id="user-remove-name")
        remove_btn = gr.Button("Ta bort användare", variant="stop", elem_id="user-remove")
        result = gr.Markdown(elem_id="user-result")
        add_btn.click(add, [name, groups, agency, password], [result, table, password], api_name="users_add")
        remove_btn.click(remove, remove_name, [result, table], api_name="users_remove")

    def on_load(request: gr.Request):
        user = gate.user(request)
        show = not gate.local and user.is_admin
        if not show:
            return gr.update(visible=False), [], ""
        allowed = grantable_groups(user, gate.users.groups, gate.users.grant_extra)
        return (gr.update(visible=True), [[u.name, ", ".join(u.groups), u.agency] for u in gate.users.list()],
                f"Du kan ge grupperna: {_md(', '.join(allowed))}.")

    demo.load(on_load, None, [tab, table, grants])
