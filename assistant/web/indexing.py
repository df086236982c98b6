"""The first-start indexing as the app shows it: a line in the header ("Indexerar 120 av 480
dokument"), refreshed by a timer until the indexing ends, and a notice on answers given meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gradio as gr

if TYPE_CHECKING:
    from ingest.background import BackgroundIngest

REFRESH_SECONDS = 2.0


def status_text(indexing: BackgroundIngest | None) -> str:
    """The header line: progress while indexing, how it ended afterwards, "" without an indexing."""
    if indexing is None:
        return ""
    p = indexing.progress()
    if p.running:
        return (f"**{p.text}.** Du kan fråga och söka redan nu; svaren bygger på det som hittills lästs in.")
    return f"{p.text}."


def answer_notice(indexing: BackgroundIngest | None) -> str:
    """What an answer given during the indexing says about its ground, "" once it has ended."""
    if indexing is None or not indexing.running:
        return ""
    p = indexing.progress()
    return (f"Kunskapsbasen indexeras fortfarande ({p.done} av {p.total} dokument): svaret bygger på det som "
            "hittills lästs in.")


def add_status(demo: gr.Blocks, indexing: BackgroundIngest | None) -> gr.Markdown | None:
    """The header line and its timer (inside ``demo``'s Blocks context); None without an indexing."""
    if indexing is None:
        return None
    line = gr.Markdown(status_text(indexing), elem_id="indexing")
    timer = gr.Timer(REFRESH_SECONDS)

    def tick() -> tuple[str, Any]:
        text = status_text(indexing)
        return text, gr.Timer(active=indexing.running)

    timer.tick(tick, None, [line, timer], show_progress="hidden")
    demo.load(tick, None, [line, timer], show_progress="hidden")
    return line
