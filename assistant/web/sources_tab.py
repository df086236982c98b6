"""The *Källor* tab: the documents the reader may read (a file's name linked for download, never a
server path), uploads labelled with the uploader's own groups, and removal. Its handlers are mixed
into the app's state (``web/app.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from ingest.errors import MsvError
from ingest.metadata import Overrides

from ..access.policy import access_of, upload_groups, validate_groups
from .gate import UPLOAD_FORMATS, stage_uploads, upload_folder
from .render import esc, source_link

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..access.audit import AuditLog
    from ..settings import Settings
    from .gate import Gate
    from .sources import SourceFiles


class SourcesHandlers:
    """Källor's handlers; the app's state gives them its knowledge base, lock, settings, gate, audit log
    and source files."""

    kb: KnowledgeBase
    lock: Any
    settings: Settings
    gate: Gate
    audit: AuditLog
    sources: SourceFiles

    def documents(self, request: gr.Request = None) -> list[list[Any]]:  # type: ignore[assignment]
        user = self.gate.user(request)
        with self.lock:
            docs = self.kb.documents(access=access_of(user))
        self.audit.record(user, "documents", "", (d.doc_id for d in docs))
        files = self.sources.openable(docs)  # Källa: the file's name, a link for its readers; never a path
        return [[d.doc_id, d.title, d.kind, d.agency, d.date, d.chunks, source_link(d.source, d.doc_id if d.doc_id in files else "")]
                for d in docs]

    def doc_choices(self, request: gr.Request = None) -> Any:  # type: ignore[assignment]
        return gr.update(choices=[(f"{row[1]} ({row[0]})", row[0]) for row in self.documents(request)], value=None)

    def access_choices(self, request: gr.Request = None) -> Any:  # type: ignore[assignment]
        user = self.gate.user(request)
        groups = upload_groups(user, self.settings.groups)
        return gr.update(choices=list(groups), value=["extern"] if user.is_extern else ["alla"])

    def upload(self, files: Sequence[Any] | None, access: Sequence[str] | None = None,
               request: gr.Request = None):  # type: ignore[assignment]
        """The user's own uploads (nothing else: no server-side path, no earlier output) are copied
        under safe names into their upload folder and labelled with groups they belong to; only
        their own results are reported."""
        user = self.gate.user(request)
        if not files:
            return "Välj minst en fil.", self.documents(request), self.doc_choices(request)
        allowed = upload_groups(user, self.settings.groups)
        try:
            labels = validate_groups(list(access or []) or (["extern"] if user.is_extern else ["alla"]),
                                     self.settings.groups, "åtkomst")
        except MsvError as e:
            self.audit.record(user, "refused", what="upload", reason=str(e))
            return f"Fel: {esc(str(e))}", self.documents(request), self.doc_choices(request)
        if not set(labels) <= set(allowed):
            self.audit.record(user, "refused", what="upload", access=list(labels))
            return (f"Fel: du kan bara dela med dina egna grupper ({esc(', '.join(allowed))}).",
                    self.documents(request), self.doc_choices(request))
        staged = stage_uploads(files, upload_folder(self.settings.data_dir, user),
                               max_bytes=self.settings.upload_max_mb * 1024 * 1024,
                               max_files=self.settings.upload_max_files,
                               accept=lambda p: self.gate.from_upload(user, p))
        if staged.rejected:
            self.audit.record(user, "refused", what="upload", reason="; ".join(staged.rejected))
        lines = [f"- {esc(r)}" for r in staged.rejected]
        shown: list[str] = []
        # Not under self.lock: the knowledge base parses (in a worker, time-limited) and embeds
        # outside it and takes it only for the store write.
        for r in self.kb.ingest(staged.paths, Overrides(access=labels)):
            name = Path(r.path).name
            label = {"added": "inläst", "updated": "uppdaterad", "unchanged": "oförändrad",
                     "failed": "misslyckades"}.get(r.status, r.status)
            detail = f": {r.error}" if r.error else f" ({r.chunks} avsnitt)" if r.chunks else ""
            lines.append(f"- {esc(name)} — {label}{esc(detail)}")
            shown.append(r.doc_id)
        self.audit.record(user, "upload", ", ".join(p.name for p in staged.paths), shown, access=list(labels))
        return "\n".join(lines), self.documents(request), self.doc_choices(request)

    def remove(self, doc_id: str | None, request: gr.Request = None):  # type: ignore[assignment]
        """A document the user can see, and (with users) only the secretariat or the uploader."""
        user = self.gate.user(request)
        if not doc_id:
            return "Välj ett dokument att ta bort.", self.documents(request), self.doc_choices(request)
        doc = next((d for d in self.kb.documents(access=access_of(user)) if d.doc_id == doc_id), None)
        own = upload_folder(self.settings.data_dir, user).resolve()
        if doc is None or not (user.is_secretariat or Path(doc.source).resolve().parent == own):
            self.audit.record(user, "refused", doc_id, what="remove")
            return "Inget togs bort.", self.documents(request), self.doc_choices(request)
        with self.lock:
            removed = self.kb.remove(doc_id)
        self.audit.record(user, "remove", doc_id, (r.doc_id for r in removed))
        msg = "\n".join(f"Borttaget: {esc(r.title)} ({r.chunks} avsnitt)" for r in removed) or "Inget togs bort."
        return msg, self.documents(request), self.doc_choices(request)


def build_sources_tab(st: SourcesHandlers, demo: gr.Blocks, groups: Sequence[str]) -> None:
    """The tab; ``groups`` are all configured groups, narrowed to the reader's own on load."""
    with gr.Tab("Källor", id="kallor"):
        gr.Markdown("## Källor i kunskapsbasen")
        table = gr.Dataframe(headers=["Id", "Titel", "Typ", "Myndighet", "Datum", "Avsnitt", "Källa"],
                             datatype=["str"] * 6 + ["markdown"], label="Dokument", interactive=False, wrap=True,
                             column_widths=["13%", "27%", "14%", "8%", "9%", "7%", "22%"], elem_id="documents", buttons=[])
        demo.load(st.documents, None, table)
        gr.Markdown(f"### Lägg till dokument\nVälj först vilka som får läsa dokumenten, sedan filerna; de läses in "
                    f"direkt. Format: {UPLOAD_FORMATS}.")
        # All configured groups, so a direct API call may name any (the handler then allows
        # only the caller's own); the page narrows the list to them on load.
        upload_access = gr.CheckboxGroup(choices=list(groups), label="Vilka får läsa dokumenten (grupper)",
                                         elem_id="upload-access")
        demo.load(st.access_choices, None, upload_access)
        # A button, not gr.File: Gradio's file list names its download links only by size.
        upload_btn = gr.UploadButton("Välj filer och läs in", file_count="multiple", variant="primary",
                                     elem_id="upload")
        upload_result = gr.Markdown(elem_id="upload-result")
        gr.Markdown("### Ta bort dokument")
        doc = gr.Dropdown(label="Dokument att ta bort", choices=[], elem_id="remove-doc")
        remove_btn = gr.Button("Ta bort", variant="stop", elem_id="remove")
        remove_result = gr.Markdown()
        upload_btn.upload(st.upload, [upload_btn, upload_access], [upload_result, table, doc])
        remove_btn.click(st.remove, doc, [remove_result, table, doc])
        demo.load(st.doc_choices, None, doc)
