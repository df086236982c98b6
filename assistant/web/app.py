"""The Gradio app (``msv serve``): Swedish UI with the tabs Fråga (chat with clickable
citations), Sök, PM-utkast and Källor. One process owns the store; other tabs (the horizon-scan
digest, decisions, status) join through ``extra_tabs``. Nothing is fetched from outside: system
fonts, no analytics."""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from starlette.middleware import Middleware

from ingest.errors import MsvError
from ingest.metadata import Overrides
from ingest.store import SearchFilter

from ..access.policy import User, access_of, restrict, upload_groups, validate_groups
from ..answers.base import Citation
from ..answers.chat import condense
from ..answers.decision_answers import with_decisions
from ..answers.memo import draft_memo, to_docx, to_markdown
from ..answers.registry import engine_for
from .exports import export_store
from .exposure import OPEN_APP_WARNING, OpenAppError, is_loopback, open_app_refusal
from .gate import UPLOAD_FORMATS, build_users_tab, gate_for, stage_uploads, upload_folder
from .guard import Guard
from .guide import GUIDE_FILE, GuideStore
from .guide_tab import build_guide_tab
from .indexing import add_status, answer_notice
from .page import CSS, theme
from .render import answer_markdown, citation_label, esc, passage_markdown, source_link
from .sources import SourceFiles

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..settings import Settings

log = logging.getLogger(__name__)

CHAT_EMPTY = ("**Ställ en fråga om MSV KLL**: hur samverkan är organiserad, vem som beslutar vad eller vad "
              "ett begrepp betyder. Svaret bygger bara på kunskapsbasens dokument och varje påstående har en "
              "källhänvisning [n]; står det inte i dokumenten säger svaret det. Välj en citering under samtalet "
              "för att läsa stycket den kommer från.")

# A builder adds one gr.Tab inside the app's gr.Tabs (called with the kb and settings).
TabBuilder = Callable[["KnowledgeBase", "Settings"], None]

class AppState:
    """What the handlers share: the knowledge base (one lock for the store) and the engine."""

    def __init__(self, kb: KnowledgeBase, settings: Settings, lock: Any = None, indexing: Any = None) -> None:
        self.kb = kb
        self.indexing = indexing  # the first-start indexing running in the background, if any
        self.settings = settings
        # The store's own write lock (a search waits at most for one store write, never for a parse),
        # shared with the scheduled scan when it is given.
        self.lock = lock or getattr(kb, "lock", None) or threading.RLock()
        self.engine = engine_for(kb, settings)
        self.gate = gate_for(settings, fresh=True)
        self.audit = self.gate.audit
        self.exports = export_store(settings.data_dir, settings.session_hours * 3600)
        self.sources = SourceFiles(kb, self.lock)
        self.guide = GuideStore(Path(settings.data_dir) / GUIDE_FILE, kb, self.engine, self.lock)

    def may_read(self, user: User, doc_ids: Sequence[str]) -> bool:
        """Whether ``user`` may still read every one of ``doc_ids`` (a removed document counts as not)."""
        with self.lock:
            readable = {d.doc_id for d in self.kb.documents(access=access_of(user))}
        return set(doc_ids) <= readable

    # -- Fråga ---------------------------------------------------------------------------------
    @staticmethod
    def pose(question: str, messages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str, str]:
        """The page's first step: the user's question in the chat at once (the answer takes seconds),
        the box emptied, and the question kept for ``reply``."""
        question = (question or "").strip()
        if not question:
            return messages, "", ""
        return messages + [{"role": "user", "content": esc(question)}], "", question

    def reply(self, question: str, messages: list[dict[str, Any]], history: list[tuple[str, str]],
              request: gr.Request = None):  # type: ignore[assignment]
        """The answer to ``question``, whose message ``pose`` already put last in ``messages``."""
        question = (question or "").strip()
        if not question:
            return messages, history, gr.update(), [], ""
        user = self.gate.user(request)
        llm = getattr(self.engine, "llm", None)
        standalone = condense(question, history, llm)
        with self.lock:
            a = with_decisions(self.kb, self.engine).answer(standalone, flt=restrict(SearchFilter(), user))
        self.audit.record(user, "ask", standalone, (c.doc_id for c in a.citations + a.related))
        a.question = question
        a.notice = a.notice or answer_notice(self.indexing)
        md = answer_markdown(a)
        if standalone != question:
            md = f"*Tolkad som:* {esc(standalone)}\n\n" + md
        messages = messages + [{"role": "assistant", "content": md}]
        history = history + [(question, a.answer)]
        cites = a.citations if a.grounded else a.related
        choices = [citation_label(c) for c in cites]
        return (messages, history, gr.update(choices=choices, value=None, visible=bool(choices)),
                [c.__dict__ for c in cites], "")

    def ask(self, question: str, messages: list[dict[str, Any]], history: list[tuple[str, str]],
            request: gr.Request = None):  # type: ignore[assignment]
        """Both steps at once (for callers without a page): chat, history, citation list, citations,
        passage and the emptied question box."""
        if not (question or "").strip():
            return messages, history, gr.update(), [], "", ""
        shown, cleared, question = self.pose(question, messages)
        return (*self.reply(question, shown, history, request), cleared)

    def pose_example(self, question: str, messages: list[dict[str, Any]]):
        """A *Kom igång* example: the chat tab opens with the question in it; ``reply`` answers."""
        return (gr.Tabs(selected="fraga"), *self.pose(question, messages))

    @staticmethod
    def show_citation(choice: str | None, cites: list[dict[str, Any]]) -> str:
        if not choice:
            return ""
        n = int(choice[1:choice.index("]")])
        c = next((Citation(**d) for d in cites if d["n"] == n), None)
        return passage_markdown(c) if c else ""

    # -- Sök -----------------------------------------------------------------------------------
    def search(self, query: str, k: float, kind: str, agency: str, since: str, until: str,
               request: gr.Request = None) -> str:  # type: ignore[assignment]
        if not (query or "").strip():
            return "Skriv en sökfråga."
        user = self.gate.user(request)
        flt = SearchFilter(kinds=(kind,) if kind else (), agencies=(agency,) if agency else (),
                           since=(since or "").strip(), until=(until or "").strip())
        with self.lock:
            hits = self.kb.search(query, max(1, min(50, int(k or 10))), restrict(flt, user))
        self.audit.record(user, "search", query, (h.doc_id for h in hits))
        if not hits:
            return f"Inga träffar för ”{esc(query)}”."
        out = [f"{len(hits)} träffar för ”{esc(query)}”:", ""]
        for h in hits:
            meta = ", ".join(x for x in (h.kind, h.agency, h.date or "odaterat") if x)
            loc = ", ".join(x for x in (h.section, f"s. {h.page}" if h.page else "") if x)
            out += [f"### {h.rank}. {esc(h.title)}", f"*{esc(meta)}*" + (f" · {esc(loc)}" if loc else ""),
                    f"Källa: {source_link(h.source, h.doc_id)}", "", esc(h.text[:600]) + ("…" if len(h.text) > 600 else ""), ""]
        return "\n".join(out)

    # -- PM-utkast -----------------------------------------------------------------------------
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

    # -- Källor --------------------------------------------------------------------------------
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

    def filter_choices(self, request: gr.Request = None) -> tuple[Any, Any]:  # type: ignore[assignment]
        user = self.gate.user(request)
        with self.lock:
            stats = self.kb.stats(access_of(user))
        self.audit.record(user, "stats", "filterval")
        kinds = sorted(stats.get("kinds") or {})  # type: ignore[call-overload]
        agencies = sorted(stats.get("agencies") or {})  # type: ignore[call-overload]
        return gr.update(choices=[""] + kinds), gr.update(choices=[""] + agencies)

    def header(self, request: gr.Request = None) -> str:  # type: ignore[assignment]
        return self.gate.header(request)

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


def build_app(kb: KnowledgeBase, settings: Settings, extra_tabs: Sequence[TabBuilder] = (),
              kb_lock: Any = None, indexing: Any = None) -> gr.Blocks:
    """The app; `kb_lock` serialises the knowledge base with others using it (the scheduled scan);
    `indexing` is a first-start indexing under way (its progress is shown in the header)."""
    st = AppState(kb, settings, kb_lock, indexing)
    # Filter choices come from what the signed-in user may read (an agency name is information too).
    kinds = sorted((kb.stats().get("kinds") or {}).keys()) if st.gate.local else []  # type: ignore[union-attr]
    agencies = sorted((kb.stats().get("agencies") or {}).keys()) if st.gate.local else []  # type: ignore[union-attr]
    # Uploads wait in Gradio's (private) cache only until they are read in: cleared hourly after a day.
    with gr.Blocks(title="MSV Kunskapsbas", analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        gr.Markdown("# MSV Kunskapsbas\nSvar, sök och PM-utkast ur myndighetssamverkans dokument. "
                    "Varje påstående har en källhänvisning.")
        who = gr.HTML(elem_id="who")
        demo.load(st.header, None, who)
        add_status(demo, indexing)
        with gr.Tabs() as tabs:
            examples = build_guide_tab(st.guide, st.gate, st.may_read, demo)
            with gr.Tab("Fråga", id="fraga"):
                gr.Markdown("## Fråga")
                chatbot = gr.Chatbot(label="Samtal", height=420, elem_id="chat", buttons=[], feedback_options=None,
                                     placeholder=CHAT_EMPTY)
                with gr.Row():
                    question = gr.Textbox(label="Din fråga", placeholder="T.ex. Vad gör beredningsgruppen?",
                                          scale=5, elem_id="question")
                    ask_btn = gr.Button("Fråga", variant="primary", scale=1, elem_id="ask")
                clear_btn = gr.Button("Nytt samtal", size="sm")
                cite = gr.Radio(label="Visa källa (välj en citering)", choices=[], visible=False, elem_id="cite")
                passage = gr.Markdown(elem_id="passage", elem_classes=["passage"])
                history = gr.State([])
                cites = gr.State([])
                pending = gr.State("")
                # Two chained steps: the question shows in the chat at once, the answer when it is ready.
                posed, answer = [chatbot, question, pending], [chatbot, history, cite, cites, passage]
                question.submit(st.pose, [question, chatbot], posed).then(st.reply, [pending, chatbot, history], answer)
                ask_btn.click(st.pose, [question, chatbot], posed).then(st.reply, [pending, chatbot, history], answer)
                # The API's /ask (both steps in one call) stays as it was; the page never shows this button.
                gr.Button(visible=False).click(st.ask, [question, chatbot, history], [*answer, question], api_name="ask")
                cite.change(st.show_citation, [cite, cites], passage)
                clear_btn.click(lambda: ([], [], gr.update(choices=[], visible=False), [], ""), None,
                                [chatbot, history, cite, cites, passage])
                for example in examples:
                    example.click(st.pose_example, [example, chatbot], [tabs, *posed]).then(
                        st.reply, [pending, chatbot, history], answer)
            with gr.Tab("Sök", id="sok"):
                gr.Markdown("## Sök i kunskapsbasen")
                with gr.Row():
                    query = gr.Textbox(label="Sökfråga", scale=4, elem_id="search-query")
                    k = gr.Number(10, minimum=1, maximum=50, step=1, precision=0, label="Antal träffar", scale=1)
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
                demo.load(st.filter_choices, None, [kind, agency])
            with gr.Tab("PM-utkast", id="pm"):
                gr.Markdown("## PM-utkast\nSkriv ett ämne; utkastet följer PM-mallen och varje påstående är citerat.")
                topic = gr.Textbox(label="Ämne för PM:et", placeholder="T.ex. arbetsordning för MSV KLL",
                                   elem_id="topic")
                memo_btn = gr.Button("Skriv utkast", variant="primary", elem_id="draft")
                memo_md = gr.Markdown(elem_id="memo")
                downloads = gr.Markdown(elem_id="memo-downloads")
                topic.submit(st.memo, topic, [memo_md, downloads])
                memo_btn.click(st.memo, topic, [memo_md, downloads])
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
                upload_access = gr.CheckboxGroup(choices=list(settings.groups), label="Vilka får läsa dokumenten (grupper)",
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
            for build in extra_tabs:
                build(kb, settings)
            build_users_tab(st.gate, demo)
    demo.msv_state = st  # type: ignore[attr-defined]  # tests reach the engine through this
    return demo


def launch(demo: gr.Blocks, host: str, port: int, *, block: bool = True, allow_open: bool = False) -> str:
    """With a users file, sign-in is required (argon2-verified, behind the guard's back-off); uploads
    are capped in size. Without one, the app listens only on loopback unless ``allow_open``."""
    st: AppState | None = getattr(demo, "msv_state", None)
    auth = st.gate.auth if st is not None else None
    if st is not None and st.gate.local and not is_loopback(host):
        refusal = open_app_refusal(host, st.gate.users, allow_open)
        if refusal:
            raise OpenAppError(refusal)
        log.warning(OPEN_APP_WARNING.format(host=host))
    max_size = f"{st.settings.upload_max_mb}mb" if st is not None else None
    middleware = [] if st is None else [Middleware(Guard, gate=st.gate, exports=st.exports, may_read=st.may_read,
                                                         source_file=st.sources.readable_file)]
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=True, share=False,
                theme=theme(), css=CSS, footer_links=[], show_error=True, inbrowser=False,
                auth=auth, auth_message="MSV Kunskapsbas: logga in med ditt användarnamn och lösenord.",
                max_file_size=max_size, app_kwargs={"middleware": middleware})
    return f"http://{host}:{port}/"


def serve(kb: KnowledgeBase, settings: Settings, *, host: str, port: int, kb_lock: Any = None,
          on_ready: Callable[[str], None] = lambda url: None, extra_tabs: Sequence[TabBuilder] = (),
          allow_open: bool = False, indexing: Any = None) -> None:
    demo = build_app(kb, settings, extra_tabs, kb_lock, indexing)
    url = launch(demo, host, port, block=False, allow_open=allow_open)
    demo.msv_state.guide.refresh_in_background()  # type: ignore[attr-defined]  # Kom igång, off the start path
    on_ready(url)
    try:
        demo.block_thread()
    finally:
        demo.close()


__all__ = ["MsvError", "build_app", "launch", "serve"]
