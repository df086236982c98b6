"""The app's first tab, *Kom igång*: the generated overview of how MSV KLL works (web/guide.py),
shown with its citations to each reader who may read the reports it cites, and example questions
that run in the chat when clicked (wired by ``chat_tab.build_chat_tab``, which owns the chat)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import gradio as gr

from ..access.policy import User
from .guide import EXAMPLES, Guide, GuideStore
from .render import citation_label, esc, esc_answer

if TYPE_CHECKING:
    from .gate import Gate

INTRO = ("## Kom igång\nMyndighetssamverkan för kompetensförsörjning och livslångt lärande (MSV KLL) i korthet: "
         "vad samverkan är, dess organ och hur de arbetar tillsammans. Varje påstående är kunskapsbasens svar på en "
         "allmän fråga, med källhänvisning till stycket det kommer från.")
EMPTY = ("Översikten tas fram ur samverkans egna rapporter när de finns i kunskapsbasen. Läs in grundrapporten "
         "under Källor, eller ställ en fråga under Fråga.")
HIDDEN = "Översikten bygger på dokument som inte delats med dig."


def guide_markdown(guide: Guide, may_read: Callable[[Sequence[str]], bool]) -> str:
    """The sections the reader may read, each answer with its numbered sources."""
    sections = [s for s in guide.sections if may_read(s.doc_ids)]
    if not guide.sections:
        return EMPTY
    if not sections:
        return HIDDEN
    count = sum(s.statements for s in sections)
    out = [f"*{count} citerade påståenden, framtagna av svarsmotorn ur samverkans rapporter "
           f"({esc(guide.generated[:10])}).*", ""]
    for s in sections:
        out += [f"### {esc(s.heading)}", f"*Fråga:* {esc(s.question)}", "", esc_answer(s.answer), "",
                "**Källor:**"]
        out += [f"- {esc(citation_label(c))}" for c in s.citations]
        out.append("")
    return "\n".join(out)


def build_guide_tab(store: GuideStore, gate: Gate, may_read: Callable[[User, Sequence[str]], bool],
                    demo: gr.Blocks) -> list[gr.Button]:
    """Add the *Kom igång* tab; returns the example buttons (a button's value is its question)."""

    def show(request: gr.Request) -> str:
        user = gate.user(request)
        guide = store.current()
        text = guide_markdown(guide, lambda ids: may_read(user, ids))
        shown = [d for s in guide.sections if may_read(user, s.doc_ids) for d in s.doc_ids]
        gate.audit.record(user, "guide", "Kom igång", shown)
        return text

    with gr.Tab("Kom igång", id="kom-igang"):
        gr.Markdown(INTRO)
        overview = gr.Markdown("Översikten hämtas …", elem_id="guide")
        gr.Markdown("### Prova att fråga\nVälj en fråga; den ställs under Fråga och svaret visas där med källor.")
        with gr.Column(elem_classes=["guide-examples"], elem_id="guide-examples"):
            buttons = [gr.Button(q, size="sm", elem_classes=["guide-example"]) for q in EXAMPLES]
    demo.load(show, None, overview)
    return buttons
