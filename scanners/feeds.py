"""RSS and Atom sources: feedparser on bytes from the shared fetcher, optional keyword filter."""

from __future__ import annotations

import calendar
import hashlib
import io
import logging
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

import feedparser

from scanners.articles import fetch_article
from scanners.errors import ParseError, ScanError
from scanners.fetch import Fetcher, FetchResult, decode_text
from scanners.items import Entry, canonical_url, html_to_text
from scanners.sources import IndexSource, Poll, SourceState

log = logging.getLogger(__name__)

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
               "text/xml;q=0.8, */*;q=0.5")
# feedparser reports these as bozo although the document itself is well-formed XML.
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


class FeedSource(IndexSource):
    """An RSS 2.0 or Atom feed."""

    accept = FEED_ACCEPT

    def read(self, result: FetchResult, fetcher: Fetcher, state: SourceState) -> Poll:
        cfg = self.config
        body_hash = hashlib.sha256(result.content).hexdigest()
        if body_hash == state.content_hash:
            return Poll("unchanged", validators=result.validators, content_hash=body_hash)
        entries = parse_feed(result, cfg.keywords_any, cfg.keywords_all)
        if not cfg.fetch_articles:
            # The feed's own text is the content: a known entry whose description changed comes
            # back here and the store keeps the new text as a new version.
            return Poll("ok", entries, result.validators, body_hash)
        # The stored text of a known entry is its article page; comparing it with the feed's
        # description would see a change every time. Known pages are re-checked on their own
        # cadence instead (``recheck``).
        fresh = [e for e in entries if not state.known_urls(canonical_url(e.url))]
        warnings: list[str] = []
        for i, entry in enumerate(fresh):
            if state.out_of_time():
                warnings.append(state.budget_warning(len(fresh) - i))
                fresh = fresh[:i]
                break
            try:
                full = fetch_article(fetcher, entry.url, entry.title)
            except ScanError as e:
                warnings.append(str(e))
                continue
            if full is not None and len(full.text) > len(entry.text):
                fresh[i] = Entry(entry.url, entry.title, entry.published or full.published,
                                 full.text, entry.guid, entry.keywords, True, full.validators)
        # After a failed or skipped article, keep the old hash so the next scan tries again.
        return Poll("ok", fresh, result.validators,
                    state.content_hash if warnings else body_hash, warnings)

    def probe(self, index: FetchResult) -> int:
        return len(parse_feed(index, self.config.keywords_any, self.config.keywords_all))


def parse_feed(result: FetchResult, keywords_any: list[str] | None = None,
               keywords_all: list[list[str]] | None = None) -> list[Entry]:
    """Entries of a fetched RSS/Atom document; invalid XML or encoding is a ParseError.

    With `keywords_any` or `keywords_all`, an entry is kept when its keywords and categories
    name one of `keywords_any` or include every word of one group of `keywords_all`."""
    decode_text(result)  # a body that lies about its encoding is rejected, not guessed at
    headers = {"content-type": result.headers.get("content-type", "application/xml"),
               "content-location": result.final_url}
    parsed = feedparser.parse(io.BytesIO(result.content), response_headers=headers,
                              sanitize_html=True, resolve_relative_uris=True)
    if parsed.bozo and not isinstance(parsed.bozo_exception, _BENIGN):
        raise ParseError(result.final_url, f"invalid feed XML: {parsed.bozo_exception}")
    if not parsed.version:
        raise ParseError(result.final_url, "not an RSS or Atom feed")
    wanted = {k.strip().casefold() for k in keywords_any or [] if k.strip()}
    groups = [{k.strip().casefold() for k in g if k.strip()} for g in keywords_all or []]
    groups = [g for g in groups if g]
    entries: list[Entry] = []
    for raw in parsed.entries:
        link = _link(raw, result.final_url)
        if not link:
            continue
        keywords = _keywords(raw)
        have = {k.casefold() for k in keywords}
        if (wanted or groups) and not (wanted & have or any(g <= have for g in groups)):
            continue
        entries.append(Entry(
            url=link,
            title=raw.get("title") or link,
            published=_datetime(raw.get("published_parsed") or raw.get("updated_parsed")),
            text=_text(raw),
            guid=raw.get("id"),
            keywords=keywords,
        ))
    return entries


def _link(raw: Any, base: str) -> str | None:
    link = raw.get("link")
    if not link:
        for candidate in raw.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    return urljoin(base, link) if link else None


def _keywords(raw: Any) -> list[str]:
    words = [k.strip() for k in (raw.get("media_keywords") or "").split(",") if k.strip()]
    words += [t.get("term", "").strip() for t in raw.get("tags", []) if t.get("term")]
    return words


def _text(raw: Any) -> str:
    contents = raw.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = raw.get("summary", "")
    return html_to_text(best if len(best) > len(summary) else summary)


def _datetime(struct: Any) -> datetime | None:
    if not struct:
        return None
    return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc)
