"""Scanned items: the entry a source yields, URL canonicalisation and content hashing."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MAX_TEXT_CHARS = 20_000

if TYPE_CHECKING:
    from scanners.fetch import Validators

_TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_hsenc", "_hsmi",
    "igshid", "ref", "ref_src", "cmpid", "sc_cid",
})
_WS = re.compile(r"\s+")


@dataclass
class Entry:
    """One thing a source found: a feed entry or an article linked from a list page."""

    url: str
    title: str
    published: datetime | None = None
    text: str = ""
    guid: str | None = None
    keywords: list[str] = field(default_factory=list)
    # Set when the text came from the article page itself (not a feed's description): such an
    # item is re-checked later with these cache validators, on the source's slower cadence.
    fetched: bool = False
    validators: Validators | None = None

    def __post_init__(self) -> None:
        self.title = clean_text(self.title)
        self.text = bound_text(self.text)

    @property
    def canonical_url(self) -> str:
        return canonical_url(self.url)

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.text)


def canonical_url(url: str) -> str:
    """An identity key for a URL: same page, same key, whatever the tracking or cosmetics.

    Lower-cases scheme and host, treats http and https and a leading ``www.`` as one, drops
    default ports, fragments, tracking parameters and a trailing slash, and sorts the query.
    The key is for deduplication only; the original URL is what we link to.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def clean_text(text: str | None) -> str:
    """Normalise Unicode (NFC) and collapse whitespace."""
    if not text:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def bound_text(text: str | None, limit: int = MAX_TEXT_CHARS) -> str:
    """NFC text with paragraph breaks kept, cut at `limit` characters on a word boundary."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    paragraphs = [_WS.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    text = "\n\n".join(p for p in paragraphs if p)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text


def content_hash(title: str, text: str) -> str:
    """Hash of the normalised title and text; equal hashes mean the same content."""
    norm = clean_text(f"{title}\n{text}").casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ0-9\"'«])")


def sentences(text: str) -> list[str]:
    """Split prose into sentences, skipping Markdown headings and bullet debris."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text or ""):
        para = para.strip()
        if not para or para.startswith("#") or para.startswith("|"):
            continue
        para = re.sub(r"^[-*•]\s+", "", para)
        para = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", para)  # Markdown links to their text
        para = para.replace("**", "").replace("__", "")
        out.extend(s.strip() for s in _SENTENCE.split(para) if s.strip())
    return out


def extractive_summary(title: str, text: str, max_sentences: int = 3,
                       max_chars: int = 450) -> str:
    """The lead: first two or three sentences of the text that do not repeat the title."""
    picked: list[str] = []
    size = 0
    norm_title = clean_text(title).casefold().rstrip(".")
    for sent in sentences(text):
        if clean_text(sent).casefold().rstrip(".") == norm_title or len(sent) < 25:
            continue
        if picked and size + len(sent) > max_chars:
            break
        picked.append(sent)
        size += len(sent) + 1
        if len(picked) >= max_sentences:
            break
    summary = " ".join(picked)
    if len(summary) > max_chars:
        summary = summary[:max_chars].rsplit(" ", 1)[0] + " …"
    return summary


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment (feed descriptions), paragraphs kept as blank lines."""
    if not fragment:
        return ""
    if "<" not in fragment:
        return bound_text(fragment)
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return bound_text(re.sub(r"<[^>]+>", " ", fragment))
    for el in root.iter("p", "br", "li", "h1", "h2", "h3", "h4", "div"):
        el.tail = "\n\n" + (el.tail or "")
    return bound_text(root.text_content())
