"""A digest as Markdown, e-mail-safe HTML and Atom 1.0: new stories, and changed ones marked
"Ändrat" with what changed and where each version is."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime, timezone

from scanners.digest import FEED_ID, Digest, DigestItem, plural

ATOM_NS = "http://www.w3.org/2005/Atom"
TITLE = "Omvärldsbevakning för MSV"


def _date(dt: datetime | None) -> str:
    return dt.date().isoformat() if dt else "okänt datum"


def _safe_href(url: str | None) -> str:
    return url if url and url.startswith(("http://", "https://")) else "#"


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def _md_link(text: str, url: str | None) -> str:
    """A link where the address is a web address; plain text otherwise (a file path)."""
    if url and url.startswith(("http://", "https://")):
        return f"[{_md_escape(text)}](<{url}>)"
    return _md_escape(text)


def _html_link(text: str, url: str | None) -> str:
    if url and url.startswith(("http://", "https://")):
        return f"<a href=\"{html.escape(url)}\" style=\"color:#0b5394\">{html.escape(text)}</a>"
    return html.escape(text)


def headline(digest: Digest) -> str:
    """'3 nyheter, varav 1 ändrad' — Swedish numerals and plurals."""
    n = len(digest.items)
    changed = digest.changed
    return plural(n, "nyhet", "nyheter") + (f", varav {changed} {'ändrad' if changed == 1 else 'ändrade'}"
                                             if changed else "")


def label(it: DigestItem) -> str:
    """What kind of entry this is for the reader: new, changed, or both."""
    if it.change and it.new:
        return "Ny, ändrad sedan publiceringen"
    return "Ändrat" if it.change else "Ny"


def change_lines(it: DigestItem) -> list[tuple[str, str, str | None]]:
    """(label, text, link) lines for a changed item or an ändringsbeslut, shared by the
    renderers and the app."""
    lines: list[tuple[str, str, str | None]] = []
    if it.amends:
        lines.append(("Ändrar", it.amends.target, it.amends.url))
        if it.amends.what:
            lines.append(("Vad som ändras", it.amends.what, None))
    if it.change:
        c = it.change
        lines.append(("Ändrat", f"version {c.version} ({_date(c.changed_at)}): {c.diff.text()}",
                      None))
        prev = c.previous
        lines.append(("Nuvarande version", f"version {c.version}, {_date(c.changed_at)}", it.url))
        lines.append(("Förra versionen", f"version {prev.version}, sedd {_date(prev.seen)}; "
                                         f"sparad i bevakningen (msv scan --history {c.item_id})",
                      prev.url if prev.url != it.url else None))
    return lines


def render_markdown(digest: Digest) -> str:
    lines = [f"# {TITLE} – {_date(digest.since)} till {_date(digest.generated)}", "",
             f"{headline(digest)}, grupperade efter bevakningsområde och rangordnade.", ""]
    if not digest.items:
        lines.append("Inga nya relevanta nyheter under perioden.")
    if digest.left_out:
        lines += [f"*{_md_escape(digest.left_out_note)}*", ""]
    for name, items in digest.groups():
        lines += [f"## {_md_escape(name)}", ""]
        for it in items:
            lines += [f"### [{_md_escape(it.title)}](<{_safe_href(it.url)}>)", "",
                      f"*{label(it)} · {_md_escape(', '.join(it.sources))} · {_date(it.published)}"
                      f" · relevans {it.score:.2f}*", ""]
            lines += entry_body(it, _md_escape, _md_link)
    return "\n".join(lines).rstrip() + "\n"


def entry_body(it: DigestItem, escape: Callable[[str], str],
               link: Callable[[str, str | None], str]) -> list[str]:
    """The Markdown lines under an entry's heading — summary, what changed, decisions it
    touches, why it matters — with the caller's escaping (the digest file and the app differ)."""
    lines = [escape(it.summary), ""] if it.summary else []
    for key, text, url in change_lines(it):
        lines += [f"**{escape(key)}:** {link(text, url)}", ""]
    for note in it.notes:
        lines += [f"**{escape(note['label'])}** {link(note['text'], note.get('url'))}"
                  + (f": {escape(note['detail'])}" if note.get("detail") else ""), ""]
    if it.why:
        lines += [f"**Varför det spelar roll:** {escape(it.why)}", ""]
    return lines


def render_html(digest: Digest) -> str:
    """E-mail-safe HTML: inline styles, no scripts or external resources, all text escaped."""
    e = html.escape
    body = [f"<h1 style=\"font-size:22px;margin:0 0 8px\">{TITLE}</h1>",
            f"<p style=\"color:#444;margin:0 0 16px\">{e(_date(digest.since))} – "
            f"{e(_date(digest.generated))}: {e(headline(digest))}</p>"]
    if not digest.items:
        body.append("<p>Inga nya relevanta nyheter under perioden.</p>")
    if digest.left_out:
        body.append(f"<p style=\"color:#444;font-size:14px\">{e(digest.left_out_note)}</p>")
    for name, items in digest.groups():
        body.append(f"<h2 style=\"font-size:18px;border-bottom:1px solid #ccc;"
                    f"margin:24px 0 8px\">{e(name)}</h2>")
        for it in items:
            extra = []
            for key, text, link in change_lines(it):
                extra.append(f"<p style=\"margin:0 0 4px;font-size:14px\"><strong>{e(key)}:"
                             f"</strong> {_html_link(text, link)}</p>")
            extra += [f"<p style=\"margin:0 0 4px;font-size:14px\"><strong>{e(n['label'])}"
                      f"</strong> {_html_link(n['text'], n.get('url'))}"
                      + (f": {e(n['detail'])}" if n.get("detail") else "") + "</p>" for n in it.notes]
            body.append(
                "<div style=\"margin:0 0 16px\">"
                f"<h3 style=\"font-size:16px;margin:0 0 4px\"><a href=\"{e(_safe_href(it.url))}\""
                f" style=\"color:#0b5394\">{e(it.title)}</a></h3>"
                f"<p style=\"color:#555;font-size:13px;margin:0 0 4px\">{e(label(it))} · "
                f"{e(', '.join(it.sources))} · {e(_date(it.published))} · "
                f"relevans {it.score:.2f}</p>"
                + (f"<p style=\"margin:0 0 4px\">{e(it.summary)}</p>" if it.summary else "")
                + "".join(extra)
                + (f"<p style=\"margin:0;font-size:14px\"><strong>Varför det spelar roll:"
                   f"</strong> {e(it.why)}</p>" if it.why else "")
                + "</div>")
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{TITLE}</title></head>"
            "<body style=\"font-family:Arial,Helvetica,sans-serif;color:#111;max-width:720px;"
            "margin:0 auto;padding:16px;line-height:1.45\"><main>"
            + "".join(body) + "</main></body></html>\n")


def render_atom(digest: Digest, feed_id: str = FEED_ID, self_url: str | None = None) -> str:
    """A valid Atom 1.0 feed of the digest: a self link (the feed's id when no address is
    given), one entry per story with an id that stays the same across renders and changes with
    each new version of a changed story."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None,
            **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "sv"})
    sub(feed, "id", feed_id)
    sub(feed, "title", TITLE)
    sub(feed, "updated", _atom_time(digest.generated))
    sub(sub(feed, "author"), "name", "MSV Kunskapsbas")
    sub(feed, "link", rel="self", href=self_url or feed_id, type="application/atom+xml")
    for it in digest.items:
        entry = sub(feed, "entry")
        sub(entry, "id", it.entry_id)
        sub(entry, "title", ("Ändrat: " if it.change and not it.new else "") + it.title)
        sub(entry, "link", rel="alternate", href=_safe_href(it.url))
        for key, text, link in change_lines(it):
            if link and link != it.url:
                sub(entry, "link", rel="related", href=_safe_href(link), title=f"{key}: {text}")
        sub(entry, "updated", _atom_time(it.updated))
        if it.published:
            sub(entry, "published", _atom_time(it.published))
        for source in it.sources:
            sub(sub(entry, "author"), "name", source)
        for topic in it.topics:
            sub(entry, "category", term=topic, label=digest.topic_names.get(topic, topic))
        parts = [it.summary] if it.summary else []
        parts += [f"{key}: {text}" for key, text, _ in change_lines(it)]
        parts += [f"{n['label']} {n['text']}" + (f": {n['detail']}" if n.get("detail") else "")
                  for n in it.notes]
        if it.why:
            parts.append(f"Varför det spelar roll: {it.why}")
        if parts:
            sub(entry, "summary", "\n\n".join(parts), type="text")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + ET.tostring(feed, encoding="unicode") + "\n")


def _atom_time(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


RENDERERS = {"md": render_markdown, "html": render_html, "atom": render_atom}
