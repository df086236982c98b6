"""The Gradio app (``msv serve``): Swedish UI with the tabs Kom igång, Fråga (chat with clickable
citations), Sök, PM-utkast and Källor, each built in its own module. One process owns the store; other
tabs (the horizon-scan digest, decisions, status) join through ``extra_tabs``. Nothing is fetched from
outside: system fonts, no analytics."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from starlette.middleware import Middleware

from ingest.errors import MsvError

from ..access.policy import User, access_of
from ..answers.registry import engine_for
from .chat_tab import ChatHandlers, build_chat_tab
from .exports import export_store
from .exposure import OPEN_APP_WARNING, OpenAppError, is_loopback, open_app_refusal
from .gate import build_users_tab, gate_for
from .guard import Guard
from .guide import GUIDE_FILE, GuideStore
from .guide_tab import build_guide_tab
from .indexing import add_status
from .memo_tab import MemoHandlers, build_memo_tab
from .page import CSS, theme
from .render import esc
from .search_tab import SearchHandlers, build_search_tab
from .sources import SourceFiles
from .sources_tab import SourcesHandlers, build_sources_tab

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..settings import Settings

log = logging.getLogger(__name__)

# A builder adds one gr.Tab inside the app's gr.Tabs (called with the kb and settings).
TabBuilder = Callable[["KnowledgeBase", "Settings"], None]


class AppState(ChatHandlers, SearchHandlers, MemoHandlers, SourcesHandlers):
    """What the handlers share: the knowledge base (one lock for the store) and the engine. Each tab's
    handlers come from that tab's module."""

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

    def header(self, request: gr.Request = None) -> str:  # type: ignore[assignment]
        return self.gate.header(request)


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
            build_chat_tab(st, tabs, examples)
            build_search_tab(st, demo, kinds, agencies)
            build_memo_tab(st)
            build_sources_tab(st, demo, settings.groups)
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


__all__ = ["AppState", "MsvError", "build_app", "esc", "launch", "serve"]
