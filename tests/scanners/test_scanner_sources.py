"""Sources files, feed parsing of the real samples, and page link extraction."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from scanner_fixtures import FEEDS

from scanners.errors import ParseError, ScanConfigError
from scanners.feeds import parse_feed
from scanners.fetch import FetchResult
from scanners.pages import extract_links, selector_to_xpath
from scanners.sources import load_sources

XML = {"content-type": "application/rss+xml; charset=utf-8"}


def result(body: bytes, headers: dict[str, str] | None = None) -> FetchResult:
    return FetchResult("http://127.0.0.1/f", "http://127.0.0.1/f", 200, body, headers or XML)


def test_shipped_sources_are_valid_and_cover_the_issue() -> None:
    sources = load_sources()
    ids = {s.id for s in sources}
    assert {"regeringen-uppdrag-u", "statskontoret-regleringsbrev", "scb-statistiknyheter",
            "eu-presscorner", "myh-nyheter", "oecd-skills-news"} <= ids
    kinds = {s.kind for s in sources}
    assert kinds == {"rss", "atom", "page"}
    sample_url = (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml").read_text()
    verified = next(s for s in sources if s.id == "regeringen-uppdrag-u")
    assert verified.verified and verified.url.replace("&", "&amp;") in sample_url
    for s in sources:
        assert s.url.startswith("https://")
        if s.id.startswith("regeringen-"):
            q = parse_qs(urlsplit(s.url).query)
            assert q["preFilteredCategories"][0] in {"1342", "1334"}
            assert q["filteredContentCategories"][0] in {"1294", "1284", "1291", "2727"}
        if s.kind == "page":
            assert not s.verified


BAD_FILES = [
    ("[[source]]\nid = 'x'\nname = 'X'\nkind = 'ftp'\nurl = 'https://x.se'\n", "kind"),
    ("[[source]]\nid = 'x'\nname = 'X'\nkind = 'rss'\nurl = 'x.se'\n", "url"),
    ("[[source]]\nid = 'x'\nname = 'X'\nkind = 'rss'\nurl = 'https://x.se'\nfoo = 1\n", "foo"),
    ("[[source]]\nid = 'x'\nname = 'X'\nkind = 'rss'\nurl = 'https://x.se'\n" * 2, "duplicate"),
    ("source = 1\n", "array of tables"),
    ("[[source]\n", "invalid TOML"),
]


@pytest.mark.parametrize(("text", "needle"), BAD_FILES)
def test_bad_sources_file_names_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text)
    with pytest.raises(ScanConfigError) as info:
        load_sources(path)
    assert needle in str(info.value) and str(path) in str(info.value)


def test_unknown_source_id_lists_the_known_ones() -> None:
    with pytest.raises(ScanConfigError, match="no source with id nope"):
        load_sources(only=["nope"])


def test_regeringen_sample_parses() -> None:
    entries = parse_feed(result((FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml")
                                .read_bytes()))
    assert len(entries) == 5
    first = entries[0]
    assert first.title.startswith("Uppdrag till Vetenskapsrådet")
    assert first.url.startswith("https://www.regeringen.se/regeringsuppdrag/2026/05/")
    assert first.published and first.published.year == 2026
    assert "Utbildningsdepartementet" in first.keywords
    assert "Vetenskapsrådet" in first.text


KEYWORD_FILTERS = [([], 4), (["Utbildningsdepartementet"], 1), (["socialdepartementet"], 2),
                   (["Myndigheten för yrkeshögskolan"], 0)]


@pytest.mark.parametrize(("keywords", "count"), KEYWORD_FILTERS)
def test_statskontoret_filter_on_media_keywords(keywords: list[str], count: int) -> None:
    body = (FEEDS / "statskontoret-regleringsbrev-rss-sample.xml").read_bytes()
    assert len(parse_feed(result(body), keywords)) == count


def test_agency_keyword_in_media_keywords_is_kept() -> None:
    body = (FEEDS / "statskontoret-regleringsbrev-rss-sample.xml").read_bytes().replace(
        b"<media:keywords>Utbildningsdepartementet,2026",
        "<media:keywords>Myndigheten för yrkeshögskolan,Utbildningsdepartementet,2026".encode())
    entries = parse_feed(result(body), ["Myndigheten för yrkeshögskolan"])
    assert len(entries) == 1 and "Myndigheten för yrkeshögskolan" in entries[0].keywords


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>SCB</title><id>urn:x</id><updated>2026-05-01T08:00:00Z</updated>
<entry><title>Sysselsättningen ökar</title><id>urn:1</id><link href="/nyhet/1"/>
<updated>2026-05-01T08:00:00Z</updated><summary>Antalet sysselsatta ökade.</summary></entry>
</feed>""".encode("utf-8")

BROKEN = [
    (b"<rss><channel><item><title>x</b></item></channel>", XML, "invalid feed XML"),
    ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>å</title>"
     "</channel></rss>".encode("latin-1"), XML, "not valid utf-8"),
    (b"<html><body>no feed</body></html>", {"content-type": "text/html"}, "not an RSS"),
]


def test_atom_parses_with_relative_links() -> None:
    entries = parse_feed(result(ATOM, {"content-type": "application/atom+xml"}))
    assert entries[0].url == "http://127.0.0.1/nyhet/1"
    assert entries[0].title == "Sysselsättningen ökar"


@pytest.mark.parametrize(("body", "headers", "needle"), BROKEN)
def test_broken_feeds_are_parse_errors(body: bytes, headers: dict[str, str], needle: str) -> None:
    with pytest.raises(ParseError, match=needle):
        parse_feed(result(body, headers))


LIST_PAGE = """<html><body>
<header><nav><a href="/om-oss/kontakta-oss-har-pa-sidan/">Kontakta oss här på sidan</a></nav></header>
<main><ul class="news">
<li class="item"><a href="/nyheter/2026/ny-utlysning-for-yrkeshogskolan/">Ny utlysning för yrkeshögskolan</a></li>
<li class="item"><a href="/nyheter/2026/ny-utlysning-for-yrkeshogskolan/#kommentarer">Samma igen med ankare</a></li>
<li class="item"><a href="https://annan.se/nyheter/extern-lank-till-annan-sajt/">Extern länk till annan sajt</a></li>
<li class="item"><a href="/nyheter/rapport.pdf">Rapporten som pdf-fil att ladda ned</a></li>
<li class="item"><a href="/kalender/seminarium-om-validering-i-regionen/">Seminarium om validering i regionen</a></li>
</ul><a href="/nyheter/">Alla nyheter</a></main></body></html>"""

LINK_CASES = [
    (None, None, ["/nyheter/2026/ny-utlysning-for-yrkeshogskolan/",
                  "/kalender/seminarium-om-validering-i-regionen/"]),
    ("ul.news li.item", r"/nyheter/\d{4}/", ["/nyheter/2026/ny-utlysning-for-yrkeshogskolan/"]),
    ("a[href*=kalender]", None, ["/kalender/seminarium-om-validering-i-regionen/"]),
]


@pytest.mark.parametrize(("selector", "pattern", "paths"), LINK_CASES)
def test_extract_links(selector: str | None, pattern: str | None, paths: list[str]) -> None:
    links = extract_links(LIST_PAGE, "https://myh.se/nyheter/", selector, pattern)
    assert [urlsplit(u).path for u, _ in links] == paths


def test_selector_translation() -> None:
    assert selector_to_xpath("div#main a.x") == (
        "//div[@id='main']//a[contains(concat(' ', normalize-space(@class), ' '), ' x ')]")
