"""A whole scan over loopback: real feed samples, corpus-generated feeds and pages, and hostile
servers that must each end as that source's error while the others complete."""

from __future__ import annotations

import time

import pytest
from scanner_fixtures import (
    FEEDS,
    TEST_POLICY,
    gzip_bomb,
    gzip_bomb_bytes,
    huge_body,
    lead,
    markdown_to_html,
    pick_records,
    record_date,
    record_path,
    redirect_to,
    rss_feed,
    trickle_body,
)

from scanners.fetch import Fetcher
from scanners.relevance import load_scorer
from scanners.run import scan
from scanners.sources import SourceConfig
from scanners.store import ScanStore

RSS = "application/rss+xml; charset=utf-8"


def src(id: str, kind: str, url: str, **kw) -> SourceConfig:  # type: ignore[no-untyped-def]
    return SourceConfig(id=id, name=kw.pop("name", id), kind=kind, url=url, **kw)


def build_site(server) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Feeds, list pages and articles; returns facts the tests check against."""
    gzip_bomb_bytes()
    server.add("/feeds/udep.xml", (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml")
               .read_bytes(), RSS, etag='"udep-1"')
    server.add("/feeds/statskontoret.xml", (FEEDS / "statskontoret-regleringsbrev-rss-sample.xml")
               .read_bytes(), RSS, Last_Modified="Tue, 09 Jun 2026 07:15:00 GMT")
    records = pick_records(12, seed=11)
    items = []
    for rec in records:
        path = record_path(rec)
        server.add(path, markdown_to_html(rec["title"], rec["text"]))
        items.append((rec["title"], server.url(path), lead(rec), record_date(rec)))
    server.add("/feeds/press.xml", rss_feed(items, "Pressmeddelanden"), RSS, etag='"p1"',
               X_Gzip="1")
    # An agency list page: five articles, one of them the same story as the first press item.
    agency = [records[0]] + pick_records(4, seed=12)
    links = []
    for i, rec in enumerate(agency):
        path = f"/myh/nyheter/2026/nyhet-nummer-{i}-{rec['url'].rstrip('/').rsplit('/', 1)[1]}/"
        server.add(path, markdown_to_html(rec["title"], rec["text"]))
        links.append(f"<li><a href='{path}'>{rec['title']}</a></li>")
    server.add("/myh/nyheter/", "<html><head><meta charset='utf-8'></head><body><header><nav>"
               "<a href='/om-oss/kontakta-oss-har-pa-sidan/'>Kontakta oss här på sidan</a>"
               "</nav></header><main><h1>Nyheter</h1><ul>" + "".join(links)
               + "</ul></main></body></html>")
    # hostile ones
    server.add("/feeds/500.xml", "boom", "text/plain", status=500)
    server.handle("/feeds/loop.xml", redirect_to("/feeds/loop.xml"))
    server.handle("/feeds/trickle.xml", trickle_body)
    server.handle("/feeds/huge.xml", huge_body)
    server.handle("/feeds/bomb.xml", gzip_bomb)
    server.add("/feeds/invalid.xml", "<?xml version='1.0'?><rss version='2.0'><channel>"
               "<title>x</title><item><title>Trasig <b>post</title></item></channel>", RSS)
    server.add("/feeds/latin1.xml", ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'>"
                                     "<channel><title>Nyheter för vuxenutbildning</title>"
                                     "</channel></rss>").encode("latin-1"), RSS)
    server.add("/private/feed.xml", rss_feed(items[:2]), RSS)
    return {"records": records, "agency": agency}


GOOD = ["udep", "statskontoret", "press", "myh"]
# (source id, path, substring of the recorded error)
HOSTILE = [
    ("http-404", "/feeds/missing.xml", "HTTP 404"),
    ("http-500", "/feeds/500.xml", "HTTP 500"),
    ("redirect-loop", "/feeds/loop.xml", "redirects"),
    ("trickle", "/feeds/trickle.xml", "deadline"),
    ("huge", "/feeds/huge.xml", "exceeds"),
    ("gzip-bomb", "/feeds/bomb.xml", "decompressed"),
    ("invalid-xml", "/feeds/invalid.xml", "invalid feed XML"),
    ("wrong-encoding", "/feeds/latin1.xml", "not valid utf-8"),
    ("robots", "/private/feed.xml", "robots.txt"),
]


def all_sources(server, silent) -> list[SourceConfig]:  # type: ignore[no-untyped-def]
    sources = [
        src("udep", "rss", server.url("/feeds/udep.xml"), topics=["hogskola"]),
        src("statskontoret", "rss", server.url("/feeds/statskontoret.xml"),
            keywords_any=["Utbildningsdepartementet", "Myndigheten för yrkeshögskolan"]),
        src("press", "rss", server.url("/feeds/press.xml"), name="Regeringen press"),
        src("myh", "page", server.url("/myh/nyheter/"), name="MYH nyheter", agency="MYH"),
    ]
    sources += [src(i, "rss", server.url(p)) for i, p, _ in HOSTILE]
    sources.append(src("silent", "rss", silent.base + "/feed.xml"))
    return sources


def test_scan_records_each_hostile_source_as_error_and_completes_the_rest(
        server, silent, tmp_path) -> None:  # type: ignore[no-untyped-def]
    facts = build_site(server)
    db = tmp_path / "scan.sqlite"
    sources = all_sources(server, silent)
    t0 = time.monotonic()
    with Fetcher(TEST_POLICY) as fetcher:
        report = scan(sources, db, fetcher, scorer=load_scorer(), workers=8)
    elapsed = time.monotonic() - t0
    assert elapsed < 15, f"scan took {elapsed:.1f}s"
    print({r.id: r.seconds for r in report.results})

    for sid in GOOD:
        assert report.by_id(sid).status == "ok", report.by_id(sid)
    assert report.by_id("udep").new_items == 5
    assert report.by_id("statskontoret").new_items == 1  # only the Utbildningsdepartementet one
    assert report.by_id("press").new_items == 12
    assert report.by_id("myh").new_items == 5  # one is the press story: new item, same cluster
    for sid, _, reason in HOSTILE:
        result = report.by_id(sid)
        assert result.status == "error", result
        assert reason in (result.error or ""), (sid, result.error)
    assert report.by_id("silent").status == "error"
    assert report.to_json()["new_items"] == report.new_items

    with ScanStore(db) as store:
        items = store.items()
        health = {h.id: h for h in store.source_health()}
        # the same story from the government and the agency shares one cluster
        shared = [i for i in items if i.title == facts["records"][0]["title"]]
        assert len(shared) == 2 and shared[0].cluster_id == shared[1].cluster_id
        assert all(i.score is not None for i in items)
    assert health["http-500"].consecutive_failures == 1
    assert health["press"].last_success is not None


def test_second_scan_is_conditional_and_unchanged(server, silent, tmp_path) -> None:  # type: ignore[no-untyped-def]
    build_site(server)
    db = tmp_path / "scan.sqlite"
    good = [s for s in all_sources(server, silent) if s.id in GOOD]
    bad = [s for s in all_sources(server, silent) if s.id == "http-500"]
    with Fetcher(TEST_POLICY) as fetcher:
        scan(good + bad, db, fetcher)
        before = len(server.log)
        second = scan(good + bad, db, fetcher)
    assert [r.status for r in second.results] == ["unchanged"] * 4 + ["error"]
    assert second.new_items == 0
    requests = [p for p, _ in server.log[before:]]
    assert sorted(requests) == sorted(["/feeds/udep.xml", "/feeds/statskontoret.xml",
                                       "/feeds/press.xml", "/myh/nyheter/", "/feeds/500.xml"])
    hits = server.hits("/feeds/udep.xml")
    assert hits[-1].get("if-none-match") == '"udep-1"'
    assert server.hits("/feeds/statskontoret.xml")[-1].get("if-modified-since")
    with ScanStore(db) as store:
        health = {h.id: h for h in store.source_health()}
        assert health["http-500"].consecutive_failures == 2
        assert store.last_runs(1)[0]["errors"] == 1


def test_page_source_refetches_only_new_articles(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    build_site(server)
    db = tmp_path / "scan.sqlite"
    cfg = src("myh", "page", server.url("/myh/nyheter/"))
    with Fetcher(TEST_POLICY) as fetcher:
        first = scan([cfg], db, fetcher)
        rec = pick_records(1, seed=99)[0]
        server.add("/myh/nyheter/2026/helt-ny-nyhet-om-yrkeshogskolan/",
                   markdown_to_html(rec["title"], rec["text"]))
        page = server.routes["/myh/nyheter/"]
        page.body = page.body.replace(  # type: ignore[union-attr]
            b"<ul>", b"<ul><li><a href='/myh/nyheter/2026/helt-ny-nyhet-om-yrkeshogskolan/'>"
                     b"Helt ny nyhet om yrkeshogskolan</a></li>")
        before = len(server.log)
        second = scan([cfg], db, fetcher)
    assert first.by_id("myh").new_items == 5
    assert second.by_id("myh").status == "ok" and second.by_id("myh").new_items == 1
    assert [p for p, _ in server.log[before:]] == [
        "/myh/nyheter/", "/myh/nyheter/2026/helt-ny-nyhet-om-yrkeshogskolan/"]


@pytest.mark.parametrize("workers", [1, 4])
def test_one_source_failing_in_code_does_not_stop_the_batch(server, tmp_path, workers) -> None:  # type: ignore[no-untyped-def]
    build_site(server)

    class Broken:
        config = src("broken", "rss", server.url("/feeds/udep.xml"))

        def poll(self, fetcher, state):  # type: ignore[no-untyped-def]
            raise RuntimeError("bug in a plugin source")

    good = src("udep", "rss", server.url("/feeds/udep.xml"))
    with Fetcher(TEST_POLICY) as fetcher:
        report = scan([Broken(), good], tmp_path / "s.sqlite", fetcher, workers=workers)
    assert report.by_id("broken").status == "error"
    assert "RuntimeError" in (report.by_id("broken").error or "")
    assert report.by_id("udep").status == "ok"
