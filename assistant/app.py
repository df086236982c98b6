"""The Gradio app (``msv serve``): Swedish UI with the tabs Fråga (chat with clickable
citations), Sök, PM-utkast and Källor. One process owns the store; other tabs (the horizon-scan
digest) join through ``extra_tabs``. Nothing is fetched from outside: system fonts, no analytics."""

from __future__ import annotations

import html
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from ingest.errors import MsvError
from ingest.store import SearchFilter

from .answer import Answer, Citation, engine_for
from .chat import condense
from .memo import draft_memo, to_docx, to_markdown

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from .settings import Settings

log = logging.getLogger(__name__)

# A builder adds one gr.Tab inside the app's gr.Tabs (called with the kb and settings).
TabBuilder = Callable[["KnowledgeBase", "Settings"], None]

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Consolas", "Liberation Mono", "monospace"]
CSS = """
:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
.passage blockquote { white-space: pre-wrap; }
"""


def theme() -> gr.themes.Base:
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)


def esc(text: object) -> str:
    """Document text shown as Markdown: HTML escaped and Markdown syntax neutralised."""
    s = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", s)


def esc_answer(text: str) -> str:
    """An answer keeps its [n] markers readable (escaped brackets render as plain [n])."""
    return "  \n".join(esc(line) for line in text.splitlines())


def where(c: Citation) -> str:
    return ", ".join(x for x in (c.section, f"s. {c.page}" if c.page else "") if x)


def citation_label(c: Citation) -> str:
    return f"[{c.n}] {c.title}" + (f" — {where(c)}" if where(c) else "")


def passage_markdown(c: Citation) -> str:
    lines = [f"### [{c.n}] {esc(c.title)}", "",
             f"**Avsnitt:** {esc(c.section or '–')}  ", f"**Sida:** {c.page if c.page else '–'}  ",
             f"**Källa:** {esc(c.source)}  "]
    if c.agency or c.date:
        lines.append(f"**Myndighet och datum:** {esc(c.agency or '–')}, {esc(c.date or 'odaterat')}  ")
    lines += ["", "\n".join("> " + esc(t) for t in c.text.splitlines() if t.strip())]
    return "\n".join(lines)


def answer_markdown(a: Answer) -> str:
    parts = []
    if a.notice:
        parts.append(f"*{esc(a.notice)}*\n")
    parts.append(esc_answer(a.answer))
    cites = a.citations if a.grounded else a.related
    if cites:
        parts.append("\n**Källor:**" if a.grounded else "\n**Närliggande källor:**")
        parts += [f"- {esc(citation_label(c))}" for c in cites]
    if a.removed_sentences:
        parts.append("\n*Borttaget eftersom källorna inte stöder det:* " + esc("; ".join(a.removed_sentences)))
    return "\n".join(parts)


class AppState:
    """What the handlers share: the knowledge base (one lock for the store) and the engine."""

    def __init__(self, kb: KnowledgeBase, settings: Settings) -> None:
        self.kb = kb
        self.settings = settings
        self.lock = threading.RLock()
        self.engine = engine_for(kb, settings)
        self.files = Path(tempfile.mkdtemp(prefix="msv-app-"))

    # -- Fråga ---------------------------------------------------------------------------------
    def ask(self, question: str, messages: list[dict[str, Any]], history: list[tuple[str, str]]):
        question = (question or "").strip()
        if not question:
            return messages, history, gr.update(), [], "", ""
        llm = getattr(self.engine, "llm", None)
        standalone = condense(question, history, llm)
        with self.lock:
            a = self.engine.answer(standalone)
        a.question = question
        md = answer_markdown(a)
        if standalone != question:
            md = f"*Tolkad som:* {esc(standalone)}\n\n" + md
        messages = messages + [{"role": "user", "content": esc(question)}, {"role": "assistant", "content": md}]
        history = history + [(question, a.answer)]
        cites = a.citations if a.grounded else a.related
        choices = [citation_label(c) for c in cites]
        return (messages, history, gr.update(choices=choices, value=None, visible=bool(choices)),
                [c.__dict__ for c in cites], "", "")

    @staticmethod
    def show_citation(choice: str | None, cites: list[dict[str, Any]]) -> str:
        if not choice:
            return ""
        n = int(choice[1:choice.index("]")])
        c = next((Citation(**d) for d in cites if d["n"] == n), None)
        return passage_markdown(c) if c else ""

    # -- Sök -----------------------------------------------------------------------------------
    def search(self, query: str, k: float, kind: str, agency: str, since: str, until: str) -> str:
        if not (query or "").strip():
            return "Skriv en sökfråga."
        flt = SearchFilter(kinds=(kind,) if kind else (), agencies=(agency,) if agency else (),
                           since=(since or "").strip(), until=(until or "").strip())
        with self.lock:
            hits = self.kb.search(query, int(k), flt)
        if not hits:
            return f"Inga träffar för ”{esc(query)}”."
        out = [f"{len(hits)} träffar för ”{esc(query)}”:", ""]
        for h in hits:
            meta = ", ".join(x for x in (h.kind, h.agency, h.date or "odaterat") if x)
            loc = ", ".join(x for x in (h.section, f"s. {h.page}" if h.page else "") if x)
            out += [f"### {h.rank}. {esc(h.title)}", f"*{esc(meta)}*" + (f" · {esc(loc)}" if loc else ""),
                    f"Källa: {esc(h.source)}", "", esc(h.text[:600]) + ("…" if len(h.text) > 600 else ""), ""]
        return "\n".join(out)

    # -- PM-utkast -----------------------------------------------------------------------------
    def memo(self, topic: str):
        topic = (topic or "").strip()
        if not topic:
            return "Skriv ett ämne för PM:et.", None, None
        with self.lock:
            memo = draft_memo(topic, self.engine)
        stem = re.sub(r"[^\wåäöÅÄÖ-]+", "-", topic).strip("-")[:60] or "pm"
        folder = Path(tempfile.mkdtemp(dir=self.files))
        md_text = to_markdown(memo)
        md_path = folder / f"PM-{stem}.md"
        md_path.write_text(md_text, encoding="utf-8")
        docx_path = to_docx(memo, folder / f"PM-{stem}.docx")
        return md_text, str(docx_path), str(md_path)

    # -- Källor --------------------------------------------------------------------------------
    def documents(self) -> list[list[Any]]:
        with self.lock:
            docs = self.kb.documents()
        return [[d.doc_id, d.title, d.kind, d.agency, d.date, d.chunks, d.source] for d in docs]

    def doc_choices(self) -> Any:
        return gr.update(choices=[(f"{row[1]} ({row[0]})", row[0]) for row in self.documents()], value=None)

    def upload(self, files: Sequence[Any] | None):
        if not files:
            return "Välj minst en fil.", self.documents(), self.doc_choices()
        paths = [Path(f if isinstance(f, str) else getattr(f, "name", f)) for f in files]
        lines = []
        with self.lock:
            for r in self.kb.ingest(paths):
                name = Path(r.path).name
                label = {"added": "inläst", "updated": "uppdaterad", "unchanged": "oförändrad",
                         "failed": "misslyckades"}.get(r.status, r.status)
                detail = f": {r.error}" if r.error else f" ({r.chunks} avsnitt)" if r.chunks else ""
                lines.append(f"- {esc(name)} — {label}{esc(detail)}")
        return "\n".join(lines), self.documents(), self.doc_choices()

    def remove(self, doc_id: str | None):
        if not doc_id:
            return "Välj ett dokument att ta bort.", self.documents(), self.doc_choices()
        with self.lock:
            removed = self.kb.remove(doc_id)
        msg = "\n".join(f"Borttaget: {esc(r.title)} ({r.chunks} avsnitt)" for r in removed) or "Inget togs bort."
        return msg, self.documents(), self.doc_choices()


def build_app(kb: KnowledgeBase, settings: Settings, extra_tabs: Sequence[TabBuilder] = ()) -> gr.Blocks:
    st = AppState(kb, settings)
    kinds = sorted((kb.stats().get("kinds") or {}).keys())  # type: ignore[union-attr]
    agencies = sorted((kb.stats().get("agencies") or {}).keys())  # type: ignore[union-attr]
    with gr.Blocks(title="MSV Kunskapsbas", analytics_enabled=False) as demo:
        gr.Markdown("# MSV Kunskapsbas\nSvar, sök och PM-utkast ur myndighetssamverkans dokument. "
                    "Varje påstående har en källhänvisning.")
        with gr.Tabs():
            with gr.Tab("Fråga", id="fraga"):
                gr.Markdown("## Fråga")
                chatbot = gr.Chatbot(label="Samtal", height=420, elem_id="chat")
                with gr.Row():
                    question = gr.Textbox(label="Din fråga", placeholder="T.ex. Vad gör beredningsgruppen?",
                                          scale=5, elem_id="question", autofocus=True)
                    ask_btn = gr.Button("Fråga", variant="primary", scale=1, elem_id="ask")
                clear_btn = gr.Button("Nytt samtal", size="sm")
                cite = gr.Radio(label="Visa källa (välj en citering)", choices=[], visible=False, elem_id="cite")
                passage = gr.Markdown(elem_id="passage", elem_classes=["passage"])
                history = gr.State([])
                cites = gr.State([])
                outs = [chatbot, history, cite, cites, passage, question]
                question.submit(st.ask, [question, chatbot, history], outs)
                ask_btn.click(st.ask, [question, chatbot, history], outs)
                cite.change(st.show_citation, [cite, cites], passage)
                clear_btn.click(lambda: ([], [], gr.update(choices=[], visible=False), [], ""), None,
                                [chatbot, history, cite, cites, passage])
            with gr.Tab("Sök", id="sok"):
                gr.Markdown("## Sök i kunskapsbasen")
                with gr.Row():
                    query = gr.Textbox(label="Sökfråga", scale=4, elem_id="search-query")
                    k = gr.Slider(1, 50, value=10, step=1, label="Antal träffar", scale=1)
                with gr.Row():
                    kind = gr.Dropdown([""] + kinds, value="", label="Dokumenttyp", allow_custom_value=True)
                    agency = gr.Dropdown([""] + agencies, value="", label="Myndighet", allow_custom_value=True)
                    since = gr.Textbox(label="Från och med (ÅÅÅÅ-MM-DD)")
                    until = gr.Textbox(label="Till och med (ÅÅÅÅ-MM-DD)")
                search_btn = gr.Button("Sök", variant="primary", elem_id="search")
                results = gr.Markdown(elem_id="results")
                args = [query, k, kind, agency, since, until]
                query.submit(st.search, args, results)
                search_btn.click(st.search, args, results)
            with gr.Tab("PM-utkast", id="pm"):
                gr.Markdown("## PM-utkast\nSkriv ett ämne; utkastet följer PM-mallen och varje påstående är citerat.")
                topic = gr.Textbox(label="Ämne för PM:et", placeholder="T.ex. arbetsordning för MSV KLL",
                                   elem_id="topic")
                memo_btn = gr.Button("Skriv utkast", variant="primary", elem_id="draft")
                memo_md = gr.Markdown(elem_id="memo")
                with gr.Row():
                    docx_file = gr.File(label="Ladda ner Word (.docx)", elem_id="docx")
                    md_file = gr.File(label="Ladda ner Markdown (.md)", elem_id="md")
                topic.submit(st.memo, topic, [memo_md, docx_file, md_file])
                memo_btn.click(st.memo, topic, [memo_md, docx_file, md_file])
            with gr.Tab("Källor", id="kallor"):
                gr.Markdown("## Källor i kunskapsbasen")
                table = gr.Dataframe(value=st.documents, headers=["Id", "Titel", "Typ", "Myndighet", "Datum",
                                                                  "Avsnitt", "Källa"],
                                     label="Dokument", interactive=False, elem_id="documents")
                gr.Markdown("### Lägg till dokument")
                uploads = gr.File(label="Filer att läsa in (PDF, DOCX, PPTX, HTML, Markdown, TXT, e-post)",
                                  file_count="multiple", elem_id="upload")
                upload_btn = gr.Button("Läs in", variant="primary", elem_id="ingest")
                upload_result = gr.Markdown(elem_id="upload-result")
                gr.Markdown("### Ta bort dokument")
                doc = gr.Dropdown(label="Dokument att ta bort", choices=[], elem_id="remove-doc")
                remove_btn = gr.Button("Ta bort", variant="stop", elem_id="remove")
                remove_result = gr.Markdown()
                upload_btn.click(st.upload, uploads, [upload_result, table, doc])
                remove_btn.click(st.remove, doc, [remove_result, table, doc])
                demo.load(st.doc_choices, None, doc)
            for build in extra_tabs:
                build(kb, settings)
    demo.msv_state = st  # type: ignore[attr-defined]  # tests reach the engine through this
    return demo


def launch(demo: gr.Blocks, host: str, port: int, *, block: bool = True) -> str:
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=True, share=False,
                theme=theme(), css=CSS, footer_links=[], show_error=True, inbrowser=False)
    return f"http://{host}:{port}/"


def serve(kb: KnowledgeBase, settings: Settings, *, host: str, port: int,
          on_ready: Callable[[str], None] = lambda url: None, extra_tabs: Sequence[TabBuilder] = ()) -> None:
    demo = build_app(kb, settings, extra_tabs)
    url = launch(demo, host, port, block=False)
    on_ready(url)
    try:
        demo.block_thread()
    finally:
        demo.close()


__all__ = ["MsvError", "build_app", "launch", "serve"]
