"""Bounded and honest: a time budget per source and per scan with visible warnings, back-off
from the failure count, Retry-After honoured, and an ASCII User-Agent naming a contact."""

from __future__ import annotations

import time

import pytest
from scanner_fixtures import TEST_POLICY, markdown_to_html, pick_records

from scanners.errors import FetchError, ScanConfigError
from scanners.fetch import Fetcher, FetchPolicy, retry_after_seconds, user_agent
from scanners.run import Budget, scan
from scanners.sources import SourceConfig
from scanners.store import ScanStore

ARTICLE_DELAY = 0.6


def slow_article(html: str):  # type: ignore[no-untyped-def]
    def handler(h) -> None:  # type: ignore[no-untyped-def]
        time.sleep(ARTICLE_DELAY)
        body = html.encode("utf-8")
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return handler


def slow_site(server) -> list[SourceConfig]:  # type: ignore[no-untyped-def]
    """A list page of ten slow articles and a quick feed beside it."""
    links = []
    for i, rec in enumerate(pick_records(10, seed=21)):
        path = f"/slow/nyheter/2026/nyhet-{i}-om-kompetensforsorjning-i-landet/"
        server.handle(path, slow_article(markdown_to_html(rec["title"], rec["text"])))
        links.append(f"<li><a href='{path}'>{rec['title']}</a></li>")
    server.add("/slow/nyheter/", "<html><body><main><ul>" + "".join(links) + "</ul></main></body></html>")
    server.add("/quick.xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>q</title><item>"
               "<title>Snabb nyhet om yrkeshögskolan</title><link>http://127.0.0.1/q/1</link>"
               "<description>Fler platser i yrkeshögskolan.</description></item></channel></rss>",
               "application/rss+xml")
    return [SourceConfig(id="slow", name="Långsam", kind="page", url=server.url("/slow/nyheter/")),
            SourceConfig(id="quick", name="Snabb", kind="rss", url=server.url("/quick.xml"))]


def test_a_source_with_ten_slow_articles_stops_at_its_budget_and_the_scan_goes_on(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = slow_site(server)
    db = tmp_path / "scan.sqlite"
    with Fetcher(TEST_POLICY) as fetcher:
        first = scan(sources, db, fetcher, workers=2, budget=Budget(source=2.0))
        slow = first.by_id("slow")
        assert slow.status == "ok" and 0 < slow.new_items < 10
        assert any("tidsgränsen 2 s för källan nåddes" in w and "väntar till nästa körning" in w
                   for w in slow.warnings), slow.warnings
        assert first.by_id("quick").status == "ok" and first.by_id("quick").new_items == 1
        json_row = next(s for s in first.to_json()["sources"] if s["id"] == "slow")
        assert json_row["warnings"] == slow.warnings  # visible in --json …
        with ScanStore(db) as store:  # … and in the status table
            assert {h.id: h for h in store.source_health()}["slow"].warnings == slow.warnings
        # the next scans take up what was left; an article is fetched again only when a budget
        # cut its first fetch short (at most one per scan)
        total, scans = slow.new_items, 1
        while total < 10 and scans < 12:
            total += scan(sources[:1], db, fetcher, budget=Budget(source=2.0)).by_id("slow").new_items
            scans += 1
    assert total == 10
    hits = [len(server.hits(f"/slow/nyheter/2026/nyhet-{i}-om-kompetensforsorjning-i-landet/"))
            for i in range(10)]
    assert sum(hits) <= 10 + scans


def test_a_scan_budget_skips_sources_not_yet_started(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = slow_site(server)
    with Fetcher(TEST_POLICY) as fetcher:
        report = scan(sources, tmp_path / "scan.sqlite", fetcher, workers=1,
                      budget=Budget(source=30.0, scan=1.5))
    slow, quick = report.by_id("slow"), report.by_id("quick")
    assert slow.status == "ok" and any("tidsgränsen" in w for w in slow.warnings)
    assert quick.status == "skipped" and "hela körningen" in quick.warnings[0]


def test_back_off_grows_with_failures_and_force_polls_anyway(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server.add("/down.xml", "oops", "text/plain", status=500)
    cfg = SourceConfig(id="down", name="Nere", kind="rss", url=server.url("/down.xml"))
    db = tmp_path / "scan.sqlite"
    with Fetcher(TEST_POLICY) as fetcher:
        statuses = [scan([cfg], db, fetcher).by_id("down").status for _ in range(2)]
        rested = scan([cfg], db, fetcher).by_id("down")
        asked = len(server.hits("/down.xml"))
        forced = scan([cfg], db, fetcher, force=True).by_id("down")
    assert statuses == ["error", "error"]  # the first failure is tried again at once
    assert rested.status == "skipped" and rested.warnings[0].startswith("vilar efter fel till")
    assert asked == 2 and len(server.hits("/down.xml")) == 3 and forced.status == "error"


def test_retry_after_rests_the_source_until_then(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server.add("/busy.xml", "busy", "text/plain", status=503, Retry_After="3600")
    cfg = SourceConfig(id="busy", name="Upptagen", kind="rss", url=server.url("/busy.xml"))
    db = tmp_path / "scan.sqlite"
    with Fetcher(TEST_POLICY) as fetcher:
        first = scan([cfg], db, fetcher).by_id("busy")
        second = scan([cfg], db, fetcher).by_id("busy")
    assert first.status == "error" and "Retry-After 3600 s" in (first.error or "")
    assert second.status == "skipped"  # after one failure, because the server asked
    assert len(server.hits("/busy.xml")) == 1


def test_a_short_retry_after_is_waited_for_once(server) -> None:  # type: ignore[no-untyped-def]
    answers = iter([503, 200, 503, 503])

    def flaky(h) -> None:  # type: ignore[no-untyped-def]
        status = next(answers)
        body = b"<rss version='2.0'><channel><title>t</title></channel></rss>" if status == 200 else b"x"
        h.send_response(status)
        if status == 503:
            h.send_header("Retry-After", "1")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    server.handle("/flaky.xml", flaky)
    with Fetcher(FetchPolicy(min_interval=0.0, deadline=10.0)) as fetcher:
        assert fetcher.get(server.url("/flaky.xml")).status == 200
        with pytest.raises(FetchError) as info:  # a second 503 in a row is not retried again
            fetcher.get(server.url("/flaky.xml"))
    assert info.value.retry_after == 1.0 and len(server.hits("/flaky.xml")) == 4


RETRY_AFTER = [("120", 120.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("snart", None), (None, None)]


@pytest.mark.parametrize(("value", "seconds"), RETRY_AFTER)
def test_retry_after_values(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value) == seconds


def test_user_agent_is_ascii_and_names_the_contact(server) -> None:  # type: ignore[no-untyped-def]
    server.add("/f.xml", "<rss version='2.0'><channel><title>t</title></channel></rss>", "application/rss+xml")
    agent = user_agent("omvarld@myh.se")
    assert agent.isascii() and agent.endswith("+omvarld@myh.se)")
    with Fetcher(FetchPolicy(user_agent=agent, min_interval=0.0)) as fetcher:
        fetcher.get(server.url("/f.xml"))
    assert {h["user-agent"] for _, h in server.log} == {agent}


@pytest.mark.parametrize("contact", ["omvärld@myh.se", "x (y)", "a\nb"])
def test_a_contact_that_cannot_go_in_a_header_is_refused(contact: str) -> None:
    with pytest.raises(ScanConfigError, match="scan_contact"):
        user_agent(contact)
