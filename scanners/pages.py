"""Page sources: news list pages without a feed; links found on the page, text via trafilatura."""

from __future__ import annotations

import hashlib
import logging
import re
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

import lxml.html

from scanners.articles import HTML_ACCEPT, fetch_article
from scanners.errors import ParseError, ScanError
from scanners.fetch import Fetcher, FetchResult, decode_text
from scanners.items import Entry, canonical_url
from scanners.sources import IndexSource, Poll, SourceState

log = logging.getLogger(__name__)

_SKIP_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".zip", ".doc", ".docx",
                  ".xls", ".xlsx", ".ppt", ".pptx", ".mp3", ".mp4", ".ics", ".xml", ".rss")
_CHROME = {"nav", "header", "footer", "aside", "form"}
_ID_PARAM = re.compile(r"(?:^|[a-z_])id$", re.I)


class PageSource(IndexSource):
    """A news list page: new article links are fetched and extracted with trafilatura."""

    accept = HTML_ACCEPT

    def read(self, page: FetchResult, fetcher: Fetcher, state: SourceState) -> Poll:
        cfg = self.config
        html = decode_text(page)
        links = extract_links(html, page.final_url, cfg.link_selector, cfg.link_pattern)
        if not links:
            raise ParseError(page.final_url, "no article links found on the list page")
        # Hash the set of article links, not the HTML: list pages carry tokens and clocks.
        digest = hashlib.sha256("\n".join(sorted(u for u, _ in links)).encode()).hexdigest()
        if digest == state.content_hash:
            return Poll("unchanged", validators=page.validators, content_hash=digest)
        entries: list[Entry] = []
        warnings: list[str] = []
        fresh = [(u, a) for u, a in links[: cfg.max_articles]
                 if not state.known_urls(canonical_url(u))]
        for i, (url, anchor) in enumerate(fresh):
            if state.out_of_time():
                warnings.append(state.budget_warning(len(fresh) - i))
                break
            try:
                entry = fetch_article(fetcher, url, anchor)
            except ScanError as e:
                log.warning("source %s: article %s skipped: %s", cfg.id, url, e)
                warnings.append(str(e))
                continue
            if entry is not None:
                entries.append(entry)
        # After a failed or skipped article, keep the old hash so the next scan retries what is
        # missing.
        return Poll("ok", entries, page.validators,
                    state.content_hash if warnings else digest, warnings)

    def probe(self, index: FetchResult) -> int:
        cfg = self.config
        links = extract_links(decode_text(index), index.final_url, cfg.link_selector,
                              cfg.link_pattern)
        if not links:
            raise ParseError(index.final_url, "no article links found on the list page")
        return len(links)


def extract_links(html: str, base_url: str, selector: str | None = None,
                  pattern: str | None = None) -> list[tuple[str, str]]:
    """Article links on a list page, in page order: (absolute URL, anchor text)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as e:
        raise ParseError(base_url, f"unparseable HTML: {e}") from e
    if selector:
        anchors = []
        for el in root.xpath(selector_to_xpath(selector)):
            anchors.extend([el] if el.tag == "a" else el.xpath(".//a[@href]"))
    else:
        anchors = root.xpath("//a[@href]")
    regex = re.compile(pattern) if pattern else None
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for a in anchors:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urldefrag(urljoin(base_url, href))[0]
        text = re.sub(r"\s+", " ", a.text_content()).strip()
        if regex and not regex.search(url):
            continue
        if not selector and not regex and not _looks_like_article(a, url, text, base_url):
            continue
        key = canonical_url(url)
        if key in seen or key == canonical_url(base_url):
            continue
        seen.add(key)
        out.append((url, text))
    return out


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _looks_like_article(a: lxml.html.HtmlElement, url: str, text: str, base_url: str) -> bool:
    """Same-host heuristics: deeper than the list page or a slug, with a title-like text."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or _host(url) != _host(base_url):
        return False
    path = parts.path.lower()
    if path.endswith(_SKIP_SUFFIXES):
        return False
    if any(anc.tag in _CHROME for anc in a.iterancestors()):
        return False
    list_path = urlsplit(base_url).path.rstrip("/")
    under_list = bool(list_path) and path.startswith(list_path + "/") and len(path) > len(
        list_path) + 1
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    sluggy = slug.count("-") >= 2
    # Some sites (Arbetsförmedlingen) address each press release as the list page plus an id:
    # ``pressmeddelanden?id=…``; paging links (``?page=2``) carry no id.
    by_id = (path.rstrip("/") == list_path.lower()
             and any(_ID_PARAM.search(k) for k, _ in parse_qsl(parts.query)))
    return len(text) >= 12 and (under_list or sluggy or by_id)


_COMPOUND = re.compile(r"([a-zA-Z][\w-]*)?((?:[.#][\w-]+|\[[^\]]+\])*)")
_ATTR = re.compile(r"\[\s*([\w-]+)\s*(?:([*^$]?=)\s*[\"']?([^\"'\]]*)[\"']?)?\s*\]")


def selector_to_xpath(selector: str) -> str:
    """Translate a small CSS subset (tag, .class, #id, [attr], [attr=|*=|^=|$=v], descendant
    combinator, comma lists) to XPath."""
    return " | ".join(_one_selector(s.strip()) for s in selector.split(",") if s.strip())


def _one_selector(selector: str) -> str:
    steps: list[str] = []
    for compound in selector.split():
        m = _COMPOUND.fullmatch(compound)
        if not m:
            raise ParseError(selector, f"unsupported selector part {compound!r}")
        tag = m.group(1) or "*"
        preds: list[str] = []
        for token in re.findall(r"[.#][\w-]+|\[[^\]]+\]", m.group(2) or ""):
            if token[0] == ".":
                preds.append("contains(concat(' ', normalize-space(@class), ' '), "
                             f"' {token[1:]} ')")
            elif token[0] == "#":
                preds.append(f"@id='{token[1:]}'")
            else:
                am = _ATTR.fullmatch(token)
                if not am:
                    raise ParseError(selector, f"unsupported attribute test {token!r}")
                name, op, value = am.groups()
                preds.append({None: f"@{name}", "=": f"@{name}='{value}'",
                              "*=": f"contains(@{name}, '{value}')",
                              "^=": f"starts-with(@{name}, '{value}')",
                              "$=": f"substring(@{name}, string-length(@{name}) - "
                                    f"{len(value or '')} + 1)='{value}'"}[op])
        steps.append(tag + "".join(f"[{p}]" for p in preds))
    return "//" + "//".join(steps)
