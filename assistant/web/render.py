"""Text for the screen: document text escaped for Markdown, answers with their [n] markers,
citation labels and the passage a citation points to."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..answers.base import Answer, Citation
from .sources import source_href


def esc(text: object) -> str:
    """Document text shown as Markdown: HTML escaped and Markdown syntax neutralised."""
    s = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", s)


WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`\\]+")


def source_link(source: object, doc_id: str = "") -> str:
    """A document's source as Markdown: a web address as a link that opens it as written (escaping
    would put backslashes into the address); a file (given the document's id) as its name linked to
    the route that serves it to its readers; anything else (a file not to be linked, a record of a
    JSONL file) by its last part only, so that no server path is ever shown."""
    s = str(source)
    if WEB_ADDRESS.fullmatch(s):
        return f"<{s}>"
    name = esc(Path(s).name or s)
    if doc_id and Path(s).is_file():
        return f"[{name}]({source_href(doc_id)})"
    return name


def shorten(text: str, limit: int = 60) -> str:
    """``text`` within ``limit`` characters, cut after a whole word and marked with "…" when cut
    (a single word longer than the limit is cut inside it)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    words = head if text[limit].isspace() else head.rsplit(" ", 1)[0] if " " in head else head[:limit - 1]
    return words.rstrip(" ,;:.–-") + "…"


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
             f"**Källa:** {source_link(c.source, c.doc_id)}  "]
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
