"""Change tracking over loopback: items keep versions, a changed page or feed item becomes one
"Ändrat" entry with a word-level diff, markup alone is no change, and an ändringsbeslut is tied
to the regleringsbrev it amends."""

from __future__ import annotations

import html
import sqlite3
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

import feedparser
import pytest
from scanner_fixtures import FEEDS, TEST_POLICY, rss_feed

from scanners.amendments import AMENDMENT, REGLERINGSBREV, UPPDRAG, classify, what_it_changes
from scanners.diff import diff_versions
from scanners.digest import build_digest
from scanners.fetch import Fetcher
from scanners.items import Entry
from scanners.relevance import load_scorer, load_topics
from scanners.render import render_atom, render_html, render_markdown
from scanners.run import scan
from scanners.sources import SourceConfig
from scanners.store import ScanStore, now_utc
from scanners.to_kb import HISTORY, to_document

RSS = "application/rss+xml; charset=utf-8"
WHEN = datetime(2026, 5, 20, 9, 0, tzinfo=timezone.utc)
BODY = ("Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att utöka antalet platser i "
        "yrkeshögskolan med {n} platser under 2026. Utbildningarna ska möta arbetsmarknadens "
        "behov av kompetens i hela landet. Uppdraget ska redovisas senast den {d} till "
        "Utbildningsdepartementet.")


def article(title: str, body: str, chrome: str = "") -> str:
    """An agency article page; `chrome` varies the markup around the same text."""
    return (f"<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>{title}</title>"
            f"</head><body><header class='{chrome}'><nav><a href='/'>Start</a></nav></header>"
            f"<main><article class='{chrome}'><h1>{title}</h1><p>{body}</p>"
            "<p>Myndigheten för yrkeshögskolan analyserar behovet av yrkeshögskoleutbildningar "
            "och beslutar om vilka utbildningar som ingår i yrkeshögskolan.</p>"
            "</article></main></body></html>")


def list_page(links: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in links)
    return f"<html><head><meta charset='utf-8'></head><body><main><ul>{items}</ul></main></body></html>"


def src(id: str, kind: str, url: str, **kw) -> SourceConfig:  # type: ignore[no-untyped-def]
    return SourceConfig(id=id, name=kw.pop("name", id), kind=kind, url=url, **kw)


@pytest.fixture
def site(server):  # type: ignore[no-untyped-def]
    """A page source with three articles (one to change, one unchanged, one whose markup
    changes) and a feed of two items (one to change)."""
    pages = {
        "/myh/nyheter/2026/fler-platser-i-yrkeshogskolan/": ("Fler platser i yrkeshögskolan",
                                                            BODY.format(n="3 000", d="1 mars 2027")),
        "/myh/nyheter/2026/ny-ansokningsomgang-for-yrkeshogskolan/": (
            "Ny ansökningsomgång för yrkeshögskolan", BODY.format(n="1 200", d="1 maj 2027")),
        "/myh/nyheter/2026/statistik-om-yrkeshogskolan-i-regionerna/": (
            "Statistik om yrkeshögskolan i regionerna", BODY.format(n="800", d="1 juni 2027")),
    }
    for path, (title, body) in pages.items():
        etag = '"same"' if "ansokningsomgang" in path else None
        server.add(path, article(title, body), etag=etag)
    server.add("/myh/nyheter/", list_page([(p, t) for p, (t, _) in pages.items()]))
    feed = [("Uppdrag om validering inom vuxenutbildningen", server.url("/reg/validering/"),
             "Regeringen ger Skolverket i uppdrag att stärka valideringen inom komvux med 40 "
             "miljoner kronor.", WHEN),
            ("Uppdrag om kompetensförsörjning i regionerna", server.url("/reg/regioner/"),
             "Regeringen ger Tillväxtverket i uppdrag att stödja regionernas "
             "kompetensförsörjningsarbete.", WHEN)]
    server.add("/reg/feed.xml", rss_feed(feed), RSS)
    return server, pages, feed


def test_changed_page_and_feed_item_make_one_aendrat_entry_each(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, pages, feed = site
    db = tmp_path / "scan.sqlite"
    sources = [src("myh", "page", server.url("/myh/nyheter/"), name="MYH", agency="MYH",
                   recheck_days=1e-9),
               src("reg", "rss", server.url("/reg/feed.xml"), name="Regeringen")]
    with Fetcher(TEST_POLICY) as fetcher, ScanStore(db) as store:
        first = scan(sources, store, fetcher, scorer=load_scorer())
        assert first.new_items == 5
        between = now_utc()
        # Between the scans: the article's number, date and title change; another article
        # only changes its markup; the feed item's amount changes.
        path = "/myh/nyheter/2026/fler-platser-i-yrkeshogskolan/"
        server.add(path, article("Ännu fler platser i yrkeshögskolan",
                                 BODY.format(n="5 000", d="1 april 2027")))
        stats = "/myh/nyheter/2026/statistik-om-yrkeshogskolan-i-regionerna/"
        server.add(stats, article(pages[stats][0], pages[stats][1], chrome="ny-design"))
        feed[0] = (feed[0][0], feed[0][1], feed[0][2].replace("40 miljoner", "55 miljoner"),
                   feed[0][3])
        server.add("/reg/feed.xml", rss_feed(feed), RSS)
        second = scan(sources, store, fetcher, scorer=load_scorer())
        digest = build_digest(store, between, load_topics(), min_score=0.0)
        page_item = next(i for i in store.items() if i.url.endswith(path))
        versions = store.versions(page_item.id)

    assert second.new_items == 0
    assert second.by_id("myh").changed_items == 1 and second.by_id("reg").changed_items == 1
    # the unchanged article was asked conditionally and answered 304
    assert server.hits("/myh/nyheter/2026/ny-ansokningsomgang-for-yrkeshogskolan/")[-1][
        "if-none-match"] == '"same"'
    assert [v.version for v in versions] == [1, 2]
    assert "3 000" in versions[0].text and "5 000" in versions[1].text  # nothing is lost

    assert len(digest.items) == 2 and all(i.change and not i.new for i in digest.items)
    by_title = {i.title: i for i in digest.items}
    changed_page = by_title["Ännu fler platser i yrkeshögskolan"].change
    assert changed_page is not None
    assert changed_page.diff.title == ("Fler platser i yrkeshögskolan",
                                       "Ännu fler platser i yrkeshögskolan")
    pairs = [(c.old, c.new) for c in changed_page.diff.changes]
    assert pairs[:2] == [("3 000", "5 000"), ("mars", "april")]  # numbers and dates first
    assert [v.version for v in changed_page.versions] == [1, 2]
    feed_change = by_title["Uppdrag om validering inom vuxenutbildningen"].change
    assert feed_change is not None
    assert [(c.old, c.new) for c in feed_change.diff.changes] == [("40", "55")]

    md = render_markdown(digest)
    assert "**Ändrat:** version 2" in md and "«3 000» → «5 000»" in md
    assert "2 nyheter, varav 2 ändrade" in md and "Förra versionen" in md
    assert "«3 000» → «5 000»" in render_html(digest)
    atom = feedparser.parse(render_atom(digest))
    assert not atom.bozo and all(e.title.startswith("Ändrat: ") for e in atom.entries)
    assert all(e.id.endswith(":v2") for e in atom.entries)


def test_unchanged_items_make_no_entry_and_rescan_is_idempotent(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server, _, _ = site
    db = tmp_path / "scan.sqlite"
    sources = [src("myh", "page", server.url("/myh/nyheter/"), recheck_days=1e-9),
               src("reg", "rss", server.url("/reg/feed.xml"))]
    with Fetcher(TEST_POLICY) as fetcher, ScanStore(db) as store:
        scan(sources, store, fetcher, scorer=load_scorer())
        between = now_utc()
        again = scan(sources, store, fetcher, scorer=load_scorer())
        assert again.new_items == 0 and again.changed_items == 0
        assert build_digest(store, between, min_score=0.0).items == []
        assert all(len(store.versions(i.id)) == 1 for i in store.items())


DIFFS = [
    # (old, new, expected (old, new) pairs in the order shown)
    ("Anslaget är 3 000 kronor och gäller till 2026-12-31 för alla.",
     "Anslaget är 5 000 kronor och gäller till 2027-06-30 för alla.",
     [("3 000", "5 000"), ("2026-12-31", "2027-06-30")]),
    ("Uppdraget gäller Skolverket och ska redovisas i maj.",
     "Uppdraget gäller Skolverket och UHR och ska redovisas i juni 2027.",
     [("maj", "juni 2027"), ("", "UHR och")]),
    ("Samma text.", "samma   TEXT.", []),
]


@pytest.mark.parametrize(("old", "new", "pairs"), DIFFS)
def test_word_diff_puts_numbers_first(old: str, new: str, pairs: list[tuple[str, str]]) -> None:
    diff = diff_versions("T", old, "T", new)
    assert [(c.old, c.new) for c in diff.changes] == pairs
    assert diff.title is None


STATSKONTORET_ITEM = """<item><guid isPermaLink="false">ESV-{id}</guid>
<link>{base}/statsliggaren/regleringsbrev/?rbid={id}</link>
<category>Statsliggaren</category>{cats}<category>2026</category>
<title>{title}</title><description>{desc}</description><pubDate>{date}</pubDate>
<media:keywords>Myndigheten för yrkeshögskolan,Utbildningsdepartementet,2026</media:keywords>
</item>"""


def statskontoret_feed(base: str, items: list[tuple[int, str, str, str]]) -> str:
    """Statsliggaren's feed shape, taken from the captured sample, with items of our own."""
    sample = (FEEDS / "statskontoret-regleringsbrev-rss-sample.xml").read_text(encoding="utf-8")
    head = sample[:sample.index("<item>")]
    body = "".join(STATSKONTORET_ITEM.format(
        id=i, base=base, cats=cats, title=html.escape(t), desc=html.escape(d),
        date=format_datetime(WHEN)) for i, cats, t, d in items)
    return head + body + "</channel></rss>"


LETTER = (26100, "<category>Regleringsbrev</category>",
          "Regleringsbrev för budgetåret 2026 avseende Myndigheten för yrkeshögskolan",
          "Myndigheten för yrkeshögskolan")
AMENDMENT_ITEM = (26400, "<category>Regleringsbrev</category><category>Ändringsbeslut</category>",
                  "Ändringsbeslut Myndigheten för yrkeshögskolan (beslutsdatum 2026-05-12)",
                  "Myndigheten för yrkeshögskolan")
AMENDMENT_TEXT = ("Regeringen beslutar att regleringsbrevet för budgetåret 2026 avseende "
                  "Myndigheten för yrkeshögskolan ska ändras på följande sätt. Anslaget 1:13 "
                  "Statligt stöd till yrkeshögskoleutbildning ökas med 150 000 000 kronor för "
                  "att utbilda fler inom bristyrken. Myndigheten ska redovisa hur medlen använts "
                  "senast den 1 mars 2027.")


@pytest.mark.parametrize("letter_first", [True, False])
def test_aendringsbeslut_is_linked_to_its_letter(server, tmp_path: Path, letter_first: bool) -> None:  # type: ignore[no-untyped-def]
    base = server.base
    server.add("/statsliggaren/regleringsbrev/?rbid=26100", article(
        LETTER[2], "Myndigheten för yrkeshögskolan ska under 2026 bevilja statsbidrag till "
                   "yrkeshögskoleutbildningar."))
    server.add("/statsliggaren/regleringsbrev/?rbid=26400", article(LETTER[3], AMENDMENT_TEXT))
    cfg = src("statskontoret", "rss", server.url("/feed.xml"), fetch_articles=True,
              keywords_any=["Myndigheten för yrkeshögskolan"])
    first, second = (LETTER, AMENDMENT_ITEM) if letter_first else (AMENDMENT_ITEM, LETTER)
    db = tmp_path / "scan.sqlite"
    with Fetcher(TEST_POLICY) as fetcher, ScanStore(db) as store:
        server.add("/feed.xml", statskontoret_feed(base, [first]), RSS)
        scan([cfg], store, fetcher, scorer=load_scorer())
        server.add("/feed.xml", statskontoret_feed(base, [second, first]), RSS)
        scan([cfg], store, fetcher, scorer=load_scorer())
        items = {i.title: i for i in store.items()}
        digest = build_digest(store, WHEN.replace(year=2020), load_topics(), min_score=0.0)
    letter, amendment = items[LETTER[2]], items[AMENDMENT_ITEM[2]]
    assert (letter.doc_kind, amendment.doc_kind) == (REGLERINGSBREV, AMENDMENT)
    assert amendment.amends == letter.id
    entry = next(i for i in digest.items if i.title == AMENDMENT_ITEM[2])
    assert entry.amends is not None and entry.amends.target == LETTER[2]
    assert entry.amends.url and entry.amends.url.endswith("rbid=26100")
    assert "150 000 000 kronor" in entry.amends.what and entry.summary == entry.amends.what
    md = render_markdown(digest)
    assert f"**Ändrar:** [{LETTER[2]}]" in md and "**Vad som ändras:** Anslaget 1:13" in md
    # the letter is a regleringsbrev, listed with the steering documents, not under the
    # topic its addressee's name happens to match
    letter_entry = next(i for i in digest.items if i.title == LETTER[2])
    assert letter_entry.group == "styrning_medlemsmyndigheter"


CLASSIFY = [
    # real titles and keywords from the shared samples and corpus
    ("Ändringsbeslut Anslag 2:63 och 2:65 Utbildningsdepartementet (beslutsdatum 2026-05-12)",
     ["Utbildningsdepartementet", "2026", "Statsliggaren", "Anslagsbrev", "Ändringsbeslut", "2026"],
     AMENDMENT, "anslagsbrev|utbildningsdepartementet|2026"),
    ("Regleringsbrev för budgetåret 2018 avseende Bolagsverket inom utgiftsområde 24 Näringsliv",
     [], REGLERINGSBREV, None),
    ("Ändring av regleringsbrev för budgetåret 2020 avseende Myndigheten för tillväxtpolitiska "
     "utvärderingar och analyser", [], AMENDMENT,
     "regleringsbrev|myndigheten för tillväxtpolitiska utvärderingar och analyser|2020"),
    ("Ändring av uppdraget till Statens skolverk att förbereda införandet av en tioårig "
     "grundskola och ta fram förslag på nya läroplaner", ["Utbildningsdepartementet"], AMENDMENT,
     "regeringsuppdrag|till statens skolverk att förbereda införandet av en tioårig grundskola "
     "och ta fram förslag på nya läroplaner"),
    ("Ny ambassadör i Guatemala", [], None, None),
]


@pytest.mark.parametrize(("title", "keywords", "kind", "amends"), CLASSIFY)
def test_classify(title: str, keywords: list[str], kind: str | None, amends: str | None) -> None:
    info = classify(title, keywords)
    assert (info.kind, info.amends_key) == (kind, amends)


def test_assignment_amendment_finds_the_assignment() -> None:
    original = classify("Uppdrag till Statens skolverk att förbereda införandet av en tioårig "
                        "grundskola och ta fram förslag på nya läroplaner", [])
    sample = FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml"
    parsed = feedparser.parse(sample.read_bytes())
    amendment = next(e for e in parsed.entries if e.title.startswith("Ändring av uppdraget"))
    info = classify(amendment.title, [])
    assert original.kind == UPPDRAG and info.amends_key == original.key
    assert "enligt följande" in amendment.description  # the feed says only that much …
    text = amendment.description + " Uppdraget ska i stället redovisas senast den 1 juni 2027."
    assert what_it_changes(amendment.title, text) == ("Uppdraget ska i stället redovisas "
                                                      "senast den 1 juni 2027.")


def test_history_reaches_the_knowledge_base_document(tmp_path: Path) -> None:
    with ScanStore(tmp_path / "s.sqlite") as store:
        _, item_id = store.add_entry("x", "MYH", Entry("https://myh.se/a", "Platser",
                                                        WHEN, BODY.format(n="3 000", d="maj")))
        status, same = store.add_entry("x", "MYH", Entry("https://myh.se/a", "Platser", WHEN,
                                                         BODY.format(n="5 000", d="maj")))
        item, versions = store.item(item_id), store.versions(item_id)
    assert (status, same, item.version) == ("updated", item_id, 2)
    doc = to_document(item, "MYH", versions)
    history = [b.text for b in doc.blocks if b.section == HISTORY]
    assert len(history) == 1 and "«3 000» → «5 000»" in history[0]
    assert any("5 000" in b.text for b in doc.blocks if b.section != HISTORY)
    assert doc.extra["version"] == "2"


OLD_SCHEMA = """
CREATE TABLE items (id INTEGER PRIMARY KEY, canonical_url TEXT UNIQUE NOT NULL, url TEXT NOT NULL,
    title TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL, published TEXT,
    first_seen TEXT NOT NULL, updated_at TEXT NOT NULL, source_id TEXT NOT NULL, agency TEXT,
    cluster_id INTEGER, signature TEXT, score REAL, topics TEXT, reason TEXT,
    ingested INTEGER NOT NULL DEFAULT 0);
INSERT INTO items VALUES (1, 'https://x.se/a', 'https://x.se/a', 'Gammal', 'Gammal text', 'h',
    NULL, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 's', NULL, 1, NULL, NULL,
    NULL, NULL, 0);
"""


def test_a_database_from_before_versions_keeps_its_items(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    with ScanStore(path) as store:
        [item] = store.items()
        assert (item.title, item.version) == ("Gammal", 1)
        assert [v.text for v in store.versions(1)] == ["Gammal text"]


def test_an_amendment_of_a_letter_not_yet_seen_names_it(tmp_path: Path) -> None:
    keywords = ["Myndigheten för yrkeshögskolan", "Utbildningsdepartementet", "2026", "Statsliggaren",
                "Regleringsbrev", "Ändringsbeslut"]
    with ScanStore(tmp_path / "s.sqlite") as store:
        _, item_id = store.add_entry("statskontoret", "Statskontoret", Entry(
            "https://www.statskontoret.se/statsliggaren/regleringsbrev/?rbid=26400", AMENDMENT_ITEM[2],
            WHEN, AMENDMENT_TEXT, keywords=keywords))
        store.set_score(item_id, 0.9, [], {})
        [entry] = build_digest(store, WHEN.replace(year=2020), min_score=0.0).items
    assert entry.amends is not None and entry.amends.url is None
    assert entry.amends.target == "regleringsbrevet för 2026 (Myndigheten för yrkeshögskolan)"
    assert "**Ändrar:** regleringsbrevet för 2026 (Myndigheten för yrkeshögskolan)" in render_markdown(
        build_digest_with(entry))


def build_digest_with(entry):  # type: ignore[no-untyped-def]
    from scanners.digest import Digest

    return Digest(WHEN, WHEN, [entry])
