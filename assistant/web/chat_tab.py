"""The *Fråga* tab: a chat whose every answer sentence cites its source, the cited passage shown on
request. Its handlers are mixed into the app's state (``web/app.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gradio as gr

from ingest.store import SearchFilter

from ..access.policy import restrict
from ..answers.base import Citation
from ..answers.chat import condense
from ..answers.decision_answers import with_decisions
from .indexing import answer_notice
from .render import answer_markdown, citation_label, esc, passage_markdown

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..access.audit import AuditLog
    from .gate import Gate

CHAT_EMPTY = ("**Ställ en fråga om MSV KLL**: hur samverkan är organiserad, vem som beslutar vad eller vad "
              "ett begrepp betyder. Svaret bygger bara på kunskapsbasens dokument och varje påstående har en "
              "källhänvisning [n]; står det inte i dokumenten säger svaret det. Välj en citering under samtalet "
              "för att läsa stycket den kommer från.")


class ChatHandlers:
    """Fråga's handlers; the app's state gives them its knowledge base, lock, engine, gate and audit log."""

    kb: KnowledgeBase
    lock: Any
    engine: Any
    gate: Gate
    audit: AuditLog
    indexing: Any

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


def build_chat_tab(st: ChatHandlers, tabs: gr.Tabs, examples: list[gr.Button]) -> None:
    """The tab, inside the app's ``tabs``; each of Kom igång's ``examples`` is asked here when clicked."""
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
