"""The *PM-utkast* tab: a memo draft on a topic in the fixed memo structure, every claim cited, with
Word and Markdown downloads from the user's own exports. Its handler is mixed into the app's state
(``web/app.py``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from ingest.store import SearchFilter

from ..access.policy import restrict
from ..answers.memo import draft_memo, to_docx, to_markdown

if TYPE_CHECKING:
    from ..access.audit import AuditLog
    from .exports import ExportStore
    from .gate import Gate


class MemoHandlers:
    """PM-utkast's handler; the app's state gives it its lock, engine, gate, audit log and exports."""

    lock: Any
    engine: Any
    gate: Gate
    audit: AuditLog
    exports: ExportStore

    def memo(self, topic: str, request: gr.Request = None):  # type: ignore[assignment]
        """The draft, and download links to its Word and Markdown files in the user's own exports."""
        topic = (topic or "").strip()
        if not topic:
            return "Skriv ett ämne för PM:et.", ""
        user = self.gate.user(request)
        with self.lock:
            memo = draft_memo(topic, self.engine, flt=restrict(SearchFilter(), user))
        doc_ids = [c.doc_id for c in memo.sources]
        self.audit.record(user, "memo", topic, doc_ids)
        stem = re.sub(r"[^\wåäöÅÄÖ-]+", "-", topic).strip("-")[:60] or "pm"
        md_text = to_markdown(memo)

        def write(folder: Path) -> list[Path]:
            md_path = folder / f"PM-{stem}.md"
            md_path.write_text(md_text, encoding="utf-8")
            return [to_docx(memo, folder / f"PM-{stem}.docx"), md_path]

        export = self.exports.save(user, doc_ids, write)
        return md_text, export.markdown(["Ladda ner Word (.docx)", "Ladda ner Markdown (.md)"])


def build_memo_tab(st: MemoHandlers) -> None:
    with gr.Tab("PM-utkast", id="pm"):
        gr.Markdown("## PM-utkast\nSkriv ett ämne; utkastet följer PM-mallen och varje påstående är citerat.")
        topic = gr.Textbox(label="Ämne för PM:et", placeholder="T.ex. arbetsordning för MSV KLL",
                           elem_id="topic")
        memo_btn = gr.Button("Skriv utkast", variant="primary", elem_id="draft")
        memo_md = gr.Markdown(elem_id="memo")
        downloads = gr.Markdown(elem_id="memo-downloads")
        topic.submit(st.memo, topic, [memo_md, downloads])
        memo_btn.click(st.memo, topic, [memo_md, downloads])
