"""The *Beslut* tab's list a page at a time: the first ``PAGE`` decisions of a search, "Visa fler"
adds the next, and the count says which of how many are shown. The search and its filters, the
pick list's numbers and the CSV and Word exports always cover every decision found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gradio as gr

from ..records import Decision
from .render import esc, shorten

PAGE = 50


def listing(found: Sequence[Decision], shown: int, ranked: bool) -> str:
    """The first ``shown`` of ``found`` as a numbered Markdown list under a count."""
    n = min(shown, len(found))
    head = f"**{len(found)} beslut** " + ("efter relevans." if ranked else "nyast först.")
    if len(found) > PAGE:
        head += f" Visar 1–{n} av {len(found)}."
    lines = [head, ""]
    for i, d in enumerate(found[:n], 1):
        meta = ", ".join(x for x in (d.paragraph, d.kind,
                                     f"ansvarig: {d.responsible}" if d.responsible else "",
                                     f"senast {d.deadline}" if d.deadline else "") if x)
        lines.append(f"{i}. **{esc(d.date or 'odaterat')} – {esc(d.body)}** ({esc(meta)}): {esc(d.text)}")
    return "\n".join(lines)


def choices(found: Sequence[Decision], shown: int) -> list[tuple[str, str]]:
    """The pick list for the decisions shown, numbered as the list is."""
    return [(f"{i}. {d.date} {d.body} {d.paragraph}: {shorten(d.text)}", d.id) for i, d in enumerate(found[:shown], 1)]


def more_button(found: Sequence[Decision], shown: int) -> Any:
    """"Visa fler" while decisions are left, saying how many the next click adds."""
    left = len(found) - shown
    return gr.update(visible=left > 0, value=f"Visa fler ({min(PAGE, left)} till)" if left > 0 else "Visa fler")


def first_page(found: Sequence[Decision], ranked: bool) -> dict[str, Any]:
    """The session's list state after a search."""
    return {"found": list(found), "ranked": ranked, "shown": PAGE}


def next_page(state: dict[str, Any] | None) -> tuple[str, Any, Any, dict[str, Any] | None]:
    """The list, pick list and button with the next ``PAGE`` decisions added."""
    if not state or not state.get("found"):
        return gr.update(), gr.update(), gr.update(visible=False), state
    state = {**state, "shown": state["shown"] + PAGE}
    found, shown = state["found"], state["shown"]
    return (listing(found, shown, state["ranked"]), gr.update(choices=choices(found, shown)),
            more_button(found, shown), state)
