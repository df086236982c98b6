"""The *Sök* tab: the hybrid search with its filters (document type, agency, dates), offered only
the values the signed-in reader may read. Its handlers are mixed into the app's state (``web/app.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gradio as gr

from ingest.store import SearchFilter

from ..access.policy import access_of, restrict
from .render import esc, source_link

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..access.audit import AuditLog
    from .gate import Gate


class SearchHandlers:
    """Sök's handlers; the app's state gives them its knowledge base, lock, gate and audit log."""

    kb: KnowledgeBase
    lock: Any
    gate: Gate
    audit: AuditLog

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

    def filter_choices(self, request: gr.Request = None) -> tuple[Any, Any]:  # type: ignore[assignment]
        user = self.gate.user(request)
        with self.lock:
            stats = self.kb.stats(access_of(user))
        self.audit.record(user, "stats", "filterval")
        kinds = sorted(stats.get("kinds") or {})  # type: ignore[call-overload]
        agencies = sorted(stats.get("agencies") or {})  # type: ignore[call-overload]
        return gr.update(choices=[""] + kinds), gr.update(choices=[""] + agencies)


def build_search_tab(st: SearchHandlers, demo: gr.Blocks, kinds: list[str], agencies: list[str]) -> None:
    """The tab; ``kinds`` and ``agencies`` are the filters' first choices, replaced by the reader's own on load."""
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
