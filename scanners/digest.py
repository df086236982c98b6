"""Digests of what the scanner found: grouped by watch topic, ranked; Markdown, HTML, Atom."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from scanners.items import extractive_summary
from scanners.relevance import DEFAULT_THRESHOLD, Topic
from scanners.store import ScanStore, StoredItem, now_utc

OTHER = "ovrigt"
OTHER_NAME = "Övrigt"
ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass
class DigestItem:
    id: int
    title: str
    url: str
    source: str
    sources: list[str]
    published: datetime | None
    first_seen: datetime
    topics: list[str]
    score: float
    reason: str
    summary: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "source": self.source,
                "sources": self.sources,
                "published": self.published.isoformat() if self.published else None,
                "topics": self.topics, "score": round(self.score, 4), "reason": self.reason,
                "summary": self.summary}


@dataclass
class Digest:
    since: datetime
    generated: datetime
    items: list[DigestItem]  # ranked by score
    topic_names: dict[str, str] = field(default_factory=dict)

    def groups(self) -> list[tuple[str, list[DigestItem]]]:
        """(topic name, items) with the strongest group first; each item in one group."""
        by_topic: dict[str, list[DigestItem]] = {}
        for item in self.items:
            by_topic.setdefault(item.topics[0] if item.topics else OTHER, []).append(item)
        ordered = sorted(by_topic.items(), key=lambda kv: -kv[1][0].score)
        return [(self.topic_names.get(k, OTHER_NAME), v) for k, v in ordered]

    def to_json(self) -> dict[str, Any]:
        """The `msv digest --json` contract."""
        return {"since": self.since.isoformat(), "items": [i.to_json() for i in self.items]}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """'7d', '24h', '2w' or an ISO date → the UTC instant it means."""
    now = now or now_utc()
    value = value.strip().lower()
    units = {"h": "hours", "d": "days", "w": "weeks"}
    if value[-1:] in units and value[:-1].isdigit():
        return now - timedelta(**{units[value[-1]]: int(value[:-1])})
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as e:
        from scanners.errors import ScanConfigError

        raise ScanConfigError("--since", f"{value!r} is not like 7d, 24h, 2w or 2026-05-01") from e
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def build_digest(store: ScanStore, since: datetime, topics: list[Topic] | None = None,
                 min_score: float = DEFAULT_THRESHOLD, limit: int = 100) -> Digest:
    """One entry per story cluster first seen since `since`, ranked by score.

    The secretariat's marks win over the score: an item marked not relevant is left out, one
    marked relevant is kept whatever its score.
    """
    names = {t.id: t.name for t in topics or []}
    source_names = store.source_names()
    marks = store.marks()
    clusters: dict[int, list[StoredItem]] = {}
    for item in store.items(since=since):
        clusters.setdefault(item.cluster_id, []).append(item)
    out: list[DigestItem] = []
    for members in clusters.values():
        members.sort(key=lambda i: (-(i.score or 0.0), i.id))
        lead = members[0]
        if any(marks.get(m.id) is False for m in members):
            continue
        score = lead.score or 0.0
        if score < min_score and not any(marks.get(m.id) for m in members):
            continue
        sources: list[str] = []
        for m in members:
            for sid in m.sources:
                name = source_names.get(sid, sid)
                if name not in sources:
                    sources.append(name)
        reason = lead.reason.get("text", "") if lead.reason else ""
        out.append(DigestItem(
            id=lead.id, title=lead.title, url=lead.url, source=sources[0] if sources else "",
            sources=sources, published=lead.published, first_seen=lead.first_seen,
            topics=lead.topics, score=score, reason=reason,
            summary=extractive_summary(lead.title, lead.text) or lead.title,
            why=_why(lead, names)))
    out.sort(key=lambda i: (-i.score, i.title))
    return Digest(since, now_utc(), out[:limit], names)


def _why(item: StoredItem, names: dict[str, str]) -> str:
    topics = (item.reason or {}).get("topics", [])
    parts = []
    if topics:
        t = topics[0]
        terms = ", ".join(t.get("terms", [])[:3])
        parts.append(f"Berör {t.get('name', names.get(t.get('id', ''), ''))}"
                     + (f" ({terms})" if terms else ""))
    kb = (item.reason or {}).get("kb", [])
    if kb:
        h = kb[0]
        where = h.get("title", "")
        if h.get("section"):
            where += f", avsnitt {h['section']}"
        parts.append(f"knyter an till {where} i kunskapsbasen")
    return "; ".join(parts) + "." if parts else ""


def _date(dt: datetime | None) -> str:
    return dt.date().isoformat() if dt else "okänt datum"


def _safe_href(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else "#"


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def render_markdown(digest: Digest) -> str:
    lines = [f"# Omvärldsbevakning för MSV – {_date(digest.since)} till {_date(digest.generated)}",
             "", f"{len(digest.items)} nyheter, grupperade efter bevakningsområde och rangordnade.",
             ""]
    if not digest.items:
        lines.append("Inga nya relevanta nyheter under perioden.")
    for name, items in digest.groups():
        lines += [f"## {_md_escape(name)}", ""]
        for it in items:
            lines += [f"### [{_md_escape(it.title)}](<{_safe_href(it.url)}>)", "",
                      f"*{_md_escape(', '.join(it.sources))} · {_date(it.published)} · "
                      f"relevans {it.score:.2f}*", "", _md_escape(it.summary), ""]
            if it.why:
                lines += [f"**Varför det spelar roll:** {_md_escape(it.why)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def render_html(digest: Digest) -> str:
    """E-mail-safe HTML: inline styles, no scripts or external resources, all text escaped."""
    e = html.escape
    body = ["<h1 style=\"font-size:22px;margin:0 0 8px\">Omvärldsbevakning för MSV</h1>",
            f"<p style=\"color:#444;margin:0 0 16px\">{e(_date(digest.since))} – "
            f"{e(_date(digest.generated))}: {len(digest.items)} nyheter</p>"]
    if not digest.items:
        body.append("<p>Inga nya relevanta nyheter under perioden.</p>")
    for name, items in digest.groups():
        body.append(f"<h2 style=\"font-size:18px;border-bottom:1px solid #ccc;"
                    f"margin:24px 0 8px\">{e(name)}</h2>")
        for it in items:
            body.append(
                "<div style=\"margin:0 0 16px\">"
                f"<h3 style=\"font-size:16px;margin:0 0 4px\"><a href=\"{e(_safe_href(it.url))}\""
                f" style=\"color:#0b5394\">{e(it.title)}</a></h3>"
                f"<p style=\"color:#555;font-size:13px;margin:0 0 4px\">"
                f"{e(', '.join(it.sources))} · {e(_date(it.published))} · "
                f"relevans {it.score:.2f}</p>"
                f"<p style=\"margin:0 0 4px\">{e(it.summary)}</p>"
                + (f"<p style=\"margin:0;font-size:14px\"><strong>Varför det spelar roll:"
                   f"</strong> {e(it.why)}</p>" if it.why else "")
                + "</div>")
    return ("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>Omvärldsbevakning för MSV</title></head>"
            "<body style=\"font-family:Arial,Helvetica,sans-serif;color:#111;max-width:720px;"
            "margin:0 auto;padding:16px;line-height:1.45\"><main>"
            + "".join(body) + "</main></body></html>\n")


def render_atom(digest: Digest, feed_id: str = "urn:msv-kunskapsbas:omvarldsbevakning",
                self_url: str | None = None) -> str:
    """A valid Atom 1.0 feed of the digest, one entry per item."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None,
            **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "sv"})
    sub(feed, "id", feed_id)
    sub(feed, "title", "Omvärldsbevakning för MSV")
    sub(feed, "updated", _atom_time(digest.generated))
    author = sub(feed, "author")
    sub(author, "name", "MSV Kunskapsbas")
    if self_url:
        sub(feed, "link", rel="self", href=self_url)
    for it in digest.items:
        entry = sub(feed, "entry")
        sub(entry, "id", it.url if it.url.startswith(("http://", "https://"))
            else f"{feed_id}:item:{it.id}")
        sub(entry, "title", it.title)
        sub(entry, "link", rel="alternate", href=_safe_href(it.url))
        sub(entry, "updated", _atom_time(it.first_seen))
        if it.published:
            sub(entry, "published", _atom_time(it.published))
        for source in it.sources:
            sub(sub(entry, "author"), "name", source)
        for topic in it.topics:
            sub(entry, "category", term=topic, label=digest.topic_names.get(topic, topic))
        text = it.summary + (f"\n\nVarför det spelar roll: {it.why}" if it.why else "")
        sub(entry, "summary", text, type="text")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + ET.tostring(feed, encoding="unicode") + "\n")


def _atom_time(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


RENDERERS = {"md": render_markdown, "html": render_html, "atom": render_atom}
