"""Digests of what the scanner found: one entry per story, new or changed in the period, grouped
by watch topic and ranked; rendered by ``scanners.render`` as Markdown, HTML and Atom."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from scanners.amendments import describe_target, what_it_changes
from scanners.diff import TextDiff, diff_versions
from scanners.items import extractive_summary, sentences
from scanners.lexical import relevance_words
from scanners.relevance import DEFAULT_THRESHOLD, Topic
from scanners.store import ScanStore, StoredItem, now_utc

OTHER = "ovrigt"
OTHER_NAME = "Övrigt"
FEED_ID = "urn:msv-kunskapsbas:omvarldsbevakning"
# Where a story is told first-hand: the government's own page before an agency's copy of it.
PRIMARY_HOSTS = ("regeringen.se", "riksdagen.se")


def plural(n: int, one: str, many: str) -> str:
    """'1 nyhet', '2 nyheter', '0 nyheter'."""
    return f"{n} {one if n == 1 else many}"


@dataclass
class VersionRef:
    version: int
    seen: datetime
    url: str

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "seen": self.seen.isoformat(), "url": self.url}


@dataclass
class ChangeNote:
    """An item whose content changed: the diff between its previous and current version."""

    item_id: int
    version: int
    changed_at: datetime
    diff: TextDiff
    versions: list[VersionRef]  # oldest first

    @property
    def previous(self) -> VersionRef:
        return self.versions[-2]

    def to_json(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "version": self.version,
                "changed_at": self.changed_at.isoformat(), "diff": self.diff.to_json(),
                "versions": [v.to_json() for v in self.versions]}


@dataclass
class AmendNote:
    """An ändringsbeslut: what it amends (linked when that document is among the items) and what
    it changes, in its own words."""

    target: str  # the amended document's title, or a description when it is not known
    url: str | None
    what: str

    def to_json(self) -> dict[str, Any]:
        return {"target": self.target, "url": self.url, "what": self.what}


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
    group: str = OTHER  # the watch topic the entry is listed under
    key: str = ""  # the story's stable identity (its first item's canonical URL)
    new: bool = True  # first seen in the period (else only changed)
    change: ChangeNote | None = None
    amends: AmendNote | None = None
    notes: list[dict[str, str]] = field(default_factory=list)  # added by the app: decisions …

    @property
    def entry_id(self) -> str:
        """The Atom id: stable for a story, new for each version of a changed one."""
        base = f"{FEED_ID}:item:{hashlib.sha1(self.key.encode()).hexdigest()[:20]}"
        return base + (f":v{self.change.version}" if self.change else "")

    @property
    def updated(self) -> datetime:
        return self.change.changed_at if self.change else self.first_seen

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "source": self.source,
                "sources": self.sources,
                "published": self.published.isoformat() if self.published else None,
                "topics": self.topics, "score": round(self.score, 4), "reason": self.reason,
                "summary": self.summary, "item_id": self.id, "group": self.group,
                "new": self.new, "change": self.change.to_json() if self.change else None,
                "amends": self.amends.to_json() if self.amends else None, "notes": self.notes}


@dataclass
class Digest:
    since: datetime
    generated: datetime
    items: list[DigestItem]  # ranked by score
    topic_names: dict[str, str] = field(default_factory=dict)
    left_out: int = 0  # stories under the relevance threshold
    threshold: float = DEFAULT_THRESHOLD

    @property
    def left_out_note(self) -> str:
        """What the reader is not shown, and how to see it ('' when nothing was left out)."""
        if not self.left_out:
            return ""
        return (f"{plural(self.left_out, 'nyhet', 'nyheter')} under relevansgränsen "
                f"{self.threshold:.2f} visas inte; se dem med msv digest --min-score 0 "
                "eller med Visa alla i Omvärldsbevakningen.")

    def groups(self) -> list[tuple[str, list[DigestItem]]]:
        """(topic name, items) with the strongest group first; each item in one group."""
        by_topic: dict[str, list[DigestItem]] = {}
        for item in self.items:
            by_topic.setdefault(item.group, []).append(item)
        ordered = sorted(by_topic.items(), key=lambda kv: -kv[1][0].score)
        return [(self.topic_names.get(k, OTHER_NAME), v) for k, v in ordered]

    @property
    def changed(self) -> int:
        return sum(1 for i in self.items if i.change)

    def to_json(self) -> dict[str, Any]:
        """The `msv digest --json` contract (fields are only ever added)."""
        return {"since": self.since.isoformat(), "items": [i.to_json() for i in self.items],
                "left_out": self.left_out, "threshold": self.threshold}


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

        raise ScanConfigError("--since", f"{value!r} är ingen tidpunkt; skriv t.ex. 7d (dagar), 24h (timmar), "
                                         "2w (veckor) eller 2026-05-01") from e
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def build_digest(store: ScanStore, since: datetime, topics: list[Topic] | None = None,
                 min_score: float = DEFAULT_THRESHOLD, limit: int = 100) -> Digest:
    """One entry per story cluster first seen, or changed, since `since`, ranked by score.

    The secretariat's marks win over the score: an item marked not relevant is left out, one
    marked relevant is kept whatever its score.
    """
    names = {t.id: t.name for t in topics or []}
    source_names = store.source_names()
    marks = store.marks()
    clusters: dict[int, list[StoredItem]] = {}
    for item in store.items(since=since, changed=True):
        clusters.setdefault(item.cluster_id, []).append(item)
    out: list[DigestItem] = []
    left_out = 0
    for members in clusters.values():
        if any(marks.get(m.id) is False for m in members):
            continue
        score = max(m.score or 0.0 for m in members)
        if score < min_score and not any(marks.get(m.id) for m in members):
            left_out += 1
            continue
        members.sort(key=_primary_order)
        lead, first = members[0], min(members, key=lambda m: (m.first_seen, m.id))
        scored = max(members, key=lambda m: (m.score or 0.0, -m.id))
        sources: list[str] = []
        carried = [(sid, url) for m in members for sid, url in zip(m.sources, m.urls or [m.url] * len(m.sources))]
        for sid, _ in sorted(carried, key=lambda p: not _is_primary(p[1])):  # the original first
            name = source_names.get(sid, sid)
            if name not in sources:
                sources.append(name)
        changed = [m for m in members if m.changed_at and m.changed_at >= since]
        amends = _amend_note(store, lead) if lead.amends_key else None
        out.append(DigestItem(
            id=lead.id, title=lead.title, url=primary_url(members), source=sources[0] if sources else "",
            sources=sources, published=lead.published, first_seen=first.first_seen,
            topics=scored.topics, score=score,
            reason=scored.reason.get("text", "") if scored.reason else "",
            summary=amends.what if amends else summary(lead.title, lead.text),
            why=_why(scored, names), group=group_topic(scored, [lead.agency, lead.subject]),
            key=first.canonical_url, new=first.first_seen >= since,
            change=_change_note(store, max(changed, key=lambda m: m.changed_at or since))
            if changed else None,
            amends=amends))
    out.sort(key=lambda i: (-i.score, i.title))
    return Digest(since, now_utc(), out[:limit], names, left_out + max(0, len(out) - limit), min_score)


def _is_primary(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in PRIMARY_HOSTS)


def _primary_order(item: StoredItem) -> tuple[int, datetime, int]:
    return (0 if any(map(_is_primary, [item.url, *item.urls])) else 1,
            item.published or item.first_seen, item.id)


def primary_url(members: list[StoredItem]) -> str:
    """The link for a story: the government's own page when any source carried one (an
    agency's copy of the same text is one item with two addresses), else the lead's."""
    urls = [u for m in members for u in [m.url, *m.urls]]
    return next((u for u in urls if _is_primary(u)), members[0].url)


def _repeats(title: str, sentence: str) -> bool:
    """Whether a sentence says little beyond the title (the title itself, or the title with a
    word or two around it)."""
    t = {w.casefold() for w in _words(title)}
    s = [w.casefold() for w in _words(sentence)]
    if not s:
        return True
    inside = sum(1 for w in s if w in t) / len(s)
    return inside >= 0.8 or (bool(t) and t <= set(s) and len(s) <= len(t) + 3)


def _words(text: str) -> list[str]:
    return [w for w in text.replace("–", " ").split() if any(c.isalnum() for c in w)]


def summary(title: str, text: str) -> str:
    """The lead of the text without sentences that repeat the title; empty rather than the
    title again."""
    head = title.strip().casefold()
    kept = []
    for s in sentences(text):
        if head and s.casefold().startswith(head):  # a heading run into the first paragraph
            s = s[len(head):].lstrip(" :–-")
        if s and not _repeats(title, s):
            kept.append(s)
    return extractive_summary(title, "\n\n".join(kept))


def group_topic(item: StoredItem, agencies: list[str | None]) -> str:
    """The watch topic to list an item under, from what it says rather than whom it names: a
    topic matched only by words inside the name of the agency it is from or for (a
    regleringsbrev to Myndigheten för yrkeshögskolan) gives way to one matched by the rest. The
    title speaks first (a regleringsbrev is about steering, whatever the letter goes on to
    fund), then the text; without either, the best-scoring topic."""
    reasons = (item.reason or {}).get("topics", [])
    topics = list(dict.fromkeys([*item.topics, *(t.get("id", "") for t in reasons)]))
    if not topics:
        return OTHER
    terms = {t.get("id"): t.get("terms", []) for t in reasons}
    for part in (item.title, item.text):
        for name in (a for a in agencies if a):
            part = part.replace(name, " ").replace(name.casefold(), " ")
        words = relevance_words(part)
        for topic in topics:
            if any(_occurs(term, words) for term in terms.get(topic, [])):
                return topic
    return topics[0]


def _occurs(term: str, words: list[str]) -> bool:
    stems = relevance_words(term)
    n = len(stems)
    return n > 0 and any(all(words[i + j] == s or (len(s) >= 5 and words[i + j].startswith(s))
                             for j, s in enumerate(stems)) for i in range(len(words) - n + 1))


def _change_note(store: ScanStore, item: StoredItem) -> ChangeNote | None:
    versions = store.versions(item.id)
    if len(versions) < 2:
        return None
    old, new = versions[-2], versions[-1]
    return ChangeNote(item.id, new.version, item.changed_at or new.seen_at,
                      diff_versions(old.title, old.text, new.title, new.text),
                      [VersionRef(v.version, v.seen_at, v.url) for v in versions])


def _amend_note(store: ScanStore, item: StoredItem) -> AmendNote:
    what = what_it_changes(item.title, item.text)
    if item.amends:
        target = store.item(item.amends)
        return AmendNote(target.title, target.url, what)
    return AmendNote(describe_target(item.amends_key or "", item.subject), None, what)


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
