"""Digests in Markdown, e-mail-safe HTML and Atom (parsed back with feedparser)."""

from __future__ import annotations

import html.parser
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest

from scanners.digest import build_digest, parse_since, summary
from scanners.fetch import Validators
from scanners.items import Entry
from scanners.relevance import load_scorer, load_topics
from scanners.render import render_atom, render_html, render_markdown
from scanners.store import ScanStore

NOW = datetime.now(timezone.utc)
ITEM_FIELDS = {"title", "url", "source", "sources", "published", "topics", "score", "reason", "summary",
               "item_id", "group", "new", "change", "amends", "notes"}
ENTRIES = [
    ("gov", "Regeringen", "https://regeringen.se/a/", "Uppdrag om yrkeshögskolan",
     "Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att utöka yrkeshögskoleutbildningar."
     " Uppdraget ska redovisas i maj. Fler platser behövs i hela landet."),
    ("myh", "MYH", "https://myh.se/nyheter/uppdrag/", "Uppdrag om yrkeshögskolan",
     "MYH har fått uppdraget att utöka yrkeshögskoleutbildningar i hela landet."),
    ("gov", "Regeringen", "https://regeringen.se/b/", "Validering <script>alert(1)</script> & mer",
     "Validering av reell kompetens inom komvux ska stärkas. Det gäller särskilt yrkesvux."),
    ("gov", "Regeringen", "https://regeringen.se/c/", "Ny ambassadör i Guatemala",
     "Regeringen har utsett en ny ambassadör."),
]


@pytest.fixture
def store(tmp_path: Path) -> ScanStore:
    s = ScanStore(tmp_path / "scan.sqlite")
    scorer = load_scorer()
    for sid, name, url, title, text in ENTRIES:
        s.record_success(sid, name, "rss", "https://x/" + sid, "ok", Validators(), None)
        _, item_id = s.add_entry(sid, name, Entry(url, title, NOW - timedelta(days=1), text))
        rel = scorer.score(title, text)
        s.set_score(item_id, rel.score, rel.topics, rel.reason)
    yield s
    s.close()


def test_digest_groups_clusters_ranks_and_filters(store: ScanStore) -> None:
    digest = build_digest(store, NOW - timedelta(days=7), load_topics())
    titles = [i.title for i in digest.items]
    assert "Ny ambassadör i Guatemala" not in titles
    assert titles.count("Uppdrag om yrkeshögskolan") == 1  # one story, two sources
    story = next(i for i in digest.items if i.title == "Uppdrag om yrkeshögskolan")
    assert story.sources == ["Regeringen", "MYH"]
    assert [i.score for i in digest.items] == sorted((i.score for i in digest.items), reverse=True)
    data = digest.to_json()
    assert set(data) == {"since", "items", "left_out", "threshold"}
    assert set(data["items"][0]) == ITEM_FIELDS
    assert story.summary.startswith("Regeringen ger Myndigheten")
    assert story.why.startswith("Berör")


def test_marks_override_scores(store: ScanStore) -> None:
    items = {i.title: i.id for i in store.items()}
    store.mark(items["Ny ambassadör i Guatemala"], True, user="sekretariatet")
    store.mark(items["Validering <script>alert(1)</script> & mer"], False)
    titles = [i.title for i in build_digest(store, NOW - timedelta(days=7)).items]
    assert "Ny ambassadör i Guatemala" in titles
    assert not any("Validering" in t for t in titles)


def test_markdown(store: ScanStore) -> None:
    md = render_markdown(build_digest(store, NOW - timedelta(days=7), load_topics()))
    assert md.startswith("# Omvärldsbevakning för MSV")
    assert "## Yrkeshögskola" in md
    assert "(<https://regeringen.se/a/>)" in md
    assert "<script>" not in md


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_html_is_escaped_and_email_safe(store: ScanStore) -> None:
    out = render_html(build_digest(store, NOW - timedelta(days=7), load_topics()))
    parser = _Collect()
    parser.feed(out)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;" in out
    assert all(h.startswith("https://") for h in parser.hrefs)
    assert '<html lang="sv">' in out


def test_atom_parses_back_with_feedparser(store: ScanStore) -> None:
    digest = build_digest(store, NOW - timedelta(days=7), load_topics())
    parsed = feedparser.parse(render_atom(digest, self_url="https://msv.example/digest.atom"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == [i.title for i in digest.items]
    entry = parsed.entries[0]
    assert entry.link.startswith("https://") and entry.summary and entry.updated_parsed
    assert entry.tags[0].term in {"yrkeshogskola", "vuxenutbildning_validering"}


def test_empty_digest_renders(tmp_path: Path) -> None:
    with ScanStore(tmp_path / "empty.sqlite") as s:
        digest = build_digest(s, NOW - timedelta(days=7))
    assert "Inga nya relevanta nyheter" in render_markdown(digest)
    assert not feedparser.parse(render_atom(digest)).bozo


SINCE = [("7d", timedelta(days=7)), ("24h", timedelta(hours=24)), ("2w", timedelta(weeks=2))]


@pytest.mark.parametrize(("value", "delta"), SINCE)
def test_parse_since(value: str, delta: timedelta) -> None:
    assert parse_since(value, NOW) == NOW - delta


def test_parse_since_date_and_error() -> None:
    assert parse_since("2026-05-01").year == 2026
    with pytest.raises(Exception, match="'förra veckan' är ingen tidpunkt; skriv t.ex. 7d"):
        parse_since("förra veckan")


def test_cluster_links_the_government_original_before_an_agency_copy(tmp_path: Path) -> None:
    text = ("Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att utöka antalet platser i "
            "yrkeshögskolan. Uppdraget ska redovisas i maj. Fler platser behövs i hela landet.")
    with ScanStore(tmp_path / "s.sqlite") as s:
        scorer = load_scorer()
        for sid, url in (("myh", "https://www.myh.se/nyheter/uppdrag-om-platser/"),
                         ("gov", "https://www.regeringen.se/pressmeddelanden/2026/05/uppdrag/")):
            s.record_success(sid, sid.upper(), "rss", "https://x/" + sid, "ok", Validators(), None)
            _, item_id = s.add_entry(sid, sid.upper(), Entry(url, "Uppdrag om fler platser i yrkeshögskolan",
                                                             NOW - timedelta(days=1), text))
            rel = scorer.score("Uppdrag om fler platser i yrkeshögskolan", text)
            s.set_score(item_id, rel.score, rel.topics, rel.reason)
        [story] = build_digest(s, NOW - timedelta(days=7), load_topics()).items
    assert story.url.startswith("https://www.regeringen.se/") and story.sources == ["GOV", "MYH"]
    assert story.key == "https://myh.se/nyheter/uppdrag-om-platser"  # the story's identity stays


SUMMARIES = [
    # (title, text, expected summary)
    ("Uppdrag om yrkeshögskolan", "Uppdrag om yrkeshögskolan", ""),
    ("Uppdrag om yrkeshögskolan", "Uppdrag om yrkeshögskolan. Regeringen ger MYH i uppdrag att utöka "
     "antalet platser.", "Regeringen ger MYH i uppdrag att utöka antalet platser."),
    ("Fler platser i yrkeshögskolan", "Fler platser i yrkeshögskolan Regeringen ger MYH i uppdrag att "
     "utöka antalet platser i hela landet.", "Regeringen ger MYH i uppdrag att utöka antalet platser i hela "
     "landet."),
    ("Anslag 1:14", "Anslag 1:14", ""),
]


@pytest.mark.parametrize(("title", "text", "expected"), SUMMARIES)
def test_summaries_never_repeat_the_title(title: str, text: str, expected: str) -> None:
    assert summary(title, text) == expected


def test_swedish_plurals_self_link_and_stable_entry_ids(store: ScanStore) -> None:
    digest = build_digest(store, NOW - timedelta(days=7), load_topics())
    one = replace(digest, items=digest.items[:1])
    assert "1 nyhet," in render_markdown(one) and "1 nyheter" not in render_markdown(one)
    assert ": 1 nyhet</p>" in render_html(one)
    assert f"{len(digest.items)} nyheter," in render_markdown(digest)
    first = feedparser.parse(render_atom(digest, self_url="https://msv.example/digest.atom"))
    again = feedparser.parse(render_atom(build_digest(store, NOW - timedelta(days=7), load_topics())))
    assert [lnk.href for lnk in first.feed.links if lnk.rel == "self"] == ["https://msv.example/digest.atom"]
    assert any(lnk.rel == "self" for lnk in again.feed.links)  # a self link even without an address
    assert [e.id for e in first.entries] == [e.id for e in again.entries]
    assert len({e.id for e in first.entries}) == len(first.entries)
