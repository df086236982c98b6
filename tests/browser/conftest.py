"""The app in a real headless Chromium (Debian's, never Playwright's own browser download): one knowledge base
from corpus/, one scan database filled from a loopback RSS feed, the app on 127.0.0.1:<free port>."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_fixtures import CHROMIUM, CHROMIUM_ARGS, FEED_SAMPLE, XSS_ITEM, XSS_SOURCE, Tab, open_tab
from testkit import REPORT, free_port

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.search import SearchParams

EXPECT_TIMEOUT_MS = 30_000  # a PM draft runs several searches; generous on slow CI machines
CHANGING_LIST = ("<html><head><meta charset='utf-8'></head><body><main><ul><li>"
                 "<a href='/myh/fler-platser-i-yrkeshogskolan.html'>Fler platser i yrkeshögskolan</a>"
                 "</li></ul></main></body></html>")
CHANGING_ARTICLE = ("<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>Fler platser i "
                    "yrkeshögskolan</title></head><body><main><article><h1>Fler platser i yrkeshögskolan</h1>"
                    "<p>Myndigheten för yrkeshögskolan får i uppdrag att utöka yrkeshögskolan med {n} platser "
                    "under 2026 för att möta kompetensbehovet i hela landet.</p><p>Utbildningarna ska svara "
                    "mot arbetsmarknadens behov av kvalificerad arbetskraft.</p></article></main></body></html>")



# -- knowledge base and scan database -------------------------------------------------------------

@pytest.fixture(scope="session")
def browser_embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser-data")


@pytest.fixture(scope="session")
def browser_kb(data_dir: Path, browser_embedder: Embedder) -> Iterator[KnowledgeBase]:
    # As in tests/assistant: plain hits until sentence windows run on the edge store.
    params = SearchParams(window=0) if hasattr(SearchParams(), "window") else SearchParams()
    base = KnowledgeBase(KbConfig(data_dir=data_dir, search=params), embedder=browser_embedder)
    summary = base.ingest_all([REPORT])
    assert summary.added == 1 and not summary.failed
    yield base
    base.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def static_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A plain http.server on 127.0.0.1 serving a temp folder: (base URL, folder)."""
    root = tmp_path_factory.mktemp("www")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def scan_db(data_dir: Path, static_server: tuple[str, Path]) -> Path:
    """<data_dir>/scan.sqlite, scanned through the real fetcher from the sample feed plus one
    hostile item."""
    from assistant.settings import Settings
    from scanners.fetch import Fetcher, FetchPolicy
    from scanners.relevance import load_scorer
    from scanners.run import scan
    from scanners.sources import load_sources

    base, root = static_server
    feed = FEED_SAMPLE.read_text(encoding="utf-8").replace("</channel>", XSS_ITEM + "</channel>")
    (root / "udep.xml").write_text(feed, encoding="utf-8")
    sources = root.parent / "browser-sources.toml"
    sources.write_text(f"[[source]]\nid = 'udep'\nname = '{XSS_SOURCE}'\nkind = 'rss'\n"
                       f"url = '{base}/udep.xml'\ntopics = ['styrning_medlemsmyndigheter']\n"
                       "[[source]]\nid = 'saknas'\nname = 'Saknat flöde'\nkind = 'rss'\n"
                       f"url = '{base}/saknas.xml'\n", encoding="utf-8")
    # An agency page whose article changes between two scans: the digest's "Ändrat" entry.
    (root / "myh").mkdir()
    (root / "myh" / "index.html").write_text(CHANGING_LIST, encoding="utf-8")
    article = root / "myh" / "fler-platser-i-yrkeshogskolan.html"
    article.write_text(CHANGING_ARTICLE.format(n="3 000"), encoding="utf-8")
    sources.write_text(sources.read_text(encoding="utf-8") + "[[source]]\nid = 'myh'\nname = 'MYH'\n"
                       f"kind = 'page'\nurl = '{base}/myh/'\nrecheck_days = 1e-9\n", encoding="utf-8")
    db = Settings(data_dir=data_dir).scan_db
    with Fetcher(FetchPolicy()) as fetcher:
        report = scan(load_sources(sources), db, fetcher, scorer=load_scorer())
        article.write_text(CHANGING_ARTICLE.format(n="5 000"), encoding="utf-8")
        later = article.stat().st_mtime + 10  # a Last-Modified the server cannot call unchanged
        os.utime(article, (later, later))
        again = scan(load_sources(sources, only=["myh"]), db, fetcher, scorer=load_scorer())
    assert report.by_id("udep").new_items == 6, report.to_json()
    assert report.by_id("saknas").status == "error"
    assert again.by_id("myh").changed_items == 1, again.to_json()
    return db


@pytest.fixture(scope="session")
def app_url(browser_kb: KnowledgeBase, data_dir: Path, scan_db: Path) -> Iterator[str]:
    from assistant.settings import Settings
    from assistant.web.app import build_app, launch
    from assistant.web.digest_tab import build_digest_tab
    from assistant.web.records_tabs import build_decisions_tab, build_status_tab

    # The tabs `msv serve` shows; the knowledge base holds no minutes and no status reports.
    demo = build_app(browser_kb, Settings(llm_backend="none", data_dir=data_dir),
                     [build_digest_tab, build_decisions_tab, build_status_tab])
    url = launch(demo, "127.0.0.1", free_port(), block=False)
    yield url
    demo.close()


# -- the browser ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")  # closed before other suites' modules run in the same session
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: install Debian's chromium (make chromium)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield b
    b.close()
    pw.stop()




@pytest.fixture
def tab(browser) -> Iterator[Tab]:  # type: ignore[no-untyped-def]
    """A fresh page; afterwards, no request may have left 127.0.0.1 and no dialog opened."""
    with open_tab(browser, accept_downloads=True) as t:
        yield t
