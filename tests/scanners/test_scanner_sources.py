"""Sources files, feed parsing of the real samples, and page link extraction."""

from __future__ import annotations

import json
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


SAMPLES = Path(__file__).resolve().parents[2] / "scanners" / "samples"
README = Path(__file__).resolve().parents[2] / "README.md"
TAXONOMY = json.loads((SAMPLES / "regeringen-taxonomy-codes.json").read_text(encoding="utf-8"))
# content types and departments the regeringen.se feeds may filter on, by taxonomy name
CONTENT_TYPES = {"Regeringsuppdrag", "Pressmeddelande", "Proposition", "Kommittédirektiv",
                 "Statens offentliga utredningar", "Lagrådsremiss"}
FILTERS = {"Utbildningsdepartementet", "Arbetsmarknadsdepartementet",
           "Klimat- och näringslivsdepartementet", "En STEM-strategi för Sverige"}


def test_shipped_sources_are_valid_and_cover_the_issue() -> None:
    sources = load_sources(include_disabled=True)
    ids = {s.id for s in sources}
    assert {"regeringen-uppdrag-u", "statskontoret-regleringsbrev", "scb-statistiknyheter",
            "eu-presscorner", "myh-nyheter", "oecd-skills-news", "regeringen-propositioner-u",
            "regeringen-dir-u", "regeringen-sou-a", "regeringen-lagradsremisser-u",
            "riksdagen-betankanden-ubu", "cedefop-news", "eurlex-kompetens"} <= ids
    kinds = {s.kind for s in sources}
    assert kinds == {"rss", "atom", "page"}
    sample_url = (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml").read_text()
    verified = next(s for s in sources if s.id == "regeringen-uppdrag-u")
    assert verified.verified and verified.url.replace("&", "&amp;") in sample_url
    for s in sources:
        assert s.url.startswith("https://")
        if s.id.startswith("regeringen-"):  # the verified pattern, with codes from the taxonomy
            q = parse_qs(urlsplit(s.url).query)
            assert urlsplit(s.url).path == urlsplit(verified.url).path
            assert TAXONOMY[q["preFilteredCategories"][0]] in CONTENT_TYPES
            assert TAXONOMY[q["filteredContentCategories"][0]] in FILTERS
        if s.kind == "page":
            assert not s.verified
    assert {s.id for s in sources if not s.enabled} == {"vgr-nyheter", "oecd-skills-news", "eurlex-kompetens"}


def test_every_verified_source_has_a_captured_sample_that_parses() -> None:
    verified = [s for s in load_sources(include_disabled=True) if s.verified]
    assert len(verified) == 2
    for s in verified:
        assert s.sample and s.captured, s.id
        body = (SAMPLES / s.sample).read_bytes()
        entries = parse_feed(result(body), s.keywords_any, s.keywords_all)
        assert entries, f"{s.id}: the sample yields nothing through the source's own filters"
        host = urlsplit(s.url).hostname
        assert all(urlsplit(e.url).hostname == host for e in entries)  # the site the URL names
        # a capture is no older than the newest item it holds
        newest = max(e.published for e in parse_feed(result(body)) if e.published)
        assert s.captured >= newest.date()
    assert all(s.sample is None for s in load_sources(include_disabled=True) if not s.verified)


def test_statskontoret_keeps_the_anslagsbrev_of_the_members_departments() -> None:
    cfg = next(s for s in load_sources() if s.id == "statskontoret-regleringsbrev")
    body = (SAMPLES / "statskontoret-regleringsbrev-rss-sample.xml").read_bytes()
    entries = parse_feed(result(body), cfg.keywords_any, cfg.keywords_all)
    assert [e.title for e in entries] == [
        "Ändringsbeslut Anslag 2:63 och 2:65 Utbildningsdepartementet (beslutsdatum 2026-05-12)"]


def test_readme_lists_every_source_with_its_status() -> None:
    readme = README.read_text(encoding="utf-8")
    for s in load_sources(include_disabled=True):
        status = (f"verifierad (prov {s.captured})" if s.verified
                  else "avstängd" if not s.enabled else "ej verifierad")
        assert f"| `{s.id}` | {s.name} | {s.kind} | {status} |" in readme, s.id


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


PRESS_LIST = """<html><body><main><h1>Pressmeddelanden</h1><ul>
<li><a href="/om-oss/press/pressmeddelanden?id=ABC123">Fler arbetssökande tar del av yrkesutbildning</a></li>
<li><a href="/om-oss/press/pressmeddelanden?id=DEF456">Arbetsförmedlingens prognos för arbetsmarknaden</a></li>
<li><a href="/om-oss/press/pressmeddelanden?page=2">Visa fler pressmeddelanden</a></li>
</ul></main></body></html>"""


@pytest.mark.parametrize("pattern", [None, r"pressmeddelanden\?id="])
def test_press_releases_addressed_by_id_are_followed(pattern: str | None) -> None:
    links = extract_links(PRESS_LIST, "https://arbetsformedlingen.se/om-oss/press/pressmeddelanden",
                          None, pattern)
    assert [parse_qs(urlsplit(u).query) for u, _ in links] == [{"id": ["ABC123"]}, {"id": ["DEF456"]}]
