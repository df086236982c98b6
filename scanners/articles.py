"""One article page fetched through the shared fetcher and reduced to its title, date and main
text with trafilatura: what page sources and feeds with ``fetch_articles`` both use."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from scanners.fetch import Fetcher, Validators, decode_text
from scanners.items import Entry

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"


def fetch_article(fetcher: Fetcher, url: str, fallback_title: str = "",
                  validators: Validators | None = None) -> Entry | None:
    """Fetch one article page and extract its title, date and main text with trafilatura;
    None when `validators` were given and the server says the page has not changed (304)."""
    import trafilatura

    page = fetcher.get(url, validators, accept=HTML_ACCEPT)
    if page.not_modified:
        return None
    html = decode_text(page)
    raw = trafilatura.extract(html, url=page.final_url, output_format="json",
                              with_metadata=True, include_comments=False,
                              include_tables=False, favor_precision=True,
                              # dateparser's locale search costs seconds per page; markup
                              # dates (meta, time elements, URLs) are enough for news.
                              date_extraction_params={"extensive_search": False,
                                                      "original_date": True})
    data = json.loads(raw) if raw else {}
    title = data.get("title") or fallback_title or _html_title(html) or url
    return Entry(url=url, title=title, published=_parse_date(data.get("date")),
                 text=data.get("text") or "", fetched=True, validators=page.validators)


def _html_title(html: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S"):
        try:
            dt = datetime.strptime(value[:25], fmt)
        except ValueError:
            continue
        return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    return None
