"""Loopback HTTP servers and golden data for the scanner tests (127.0.0.1 only).

A uniquely named helper module (not conftest) so test files can import it without clashing
with other packages' conftest modules.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import random
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scanners.fetch import Fetcher, FetchPolicy

# shared/ lies beside the repository (also in CI's fresh clone); MSV_SHARED_DIR overrides.
SHARED = next((p for p in (Path(os.environ.get("MSV_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared"),
                           Path("/work/shared")) if p.exists()), Path(__file__).resolve().parents[3] / "shared")
FEEDS = SHARED / "feeds"
CORPUS = SHARED / "corpus" / "regeringen.jsonl.gz"

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1:<free port> with a route table and a request log."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Handler] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        server = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None and self.path == "/robots.txt":
                    route = Route(b"User-agent: *\nDisallow: /private/\n",
                                  headers={"Content-Type": "text/plain"})
                if route is None:
                    route = Route(b"not found", 404)
                try:
                    if callable(route):
                        route(self)
                    else:
                        server._static(self, route)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _H)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8",
            status: int = 200, etag: str | None = None, **headers: str) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        hdrs = {"Content-Type": content_type, **{k.replace("_", "-"): v
                                                 for k, v in headers.items()}}
        self.routes[path] = Route(body, status, hdrs, etag)
        return self.url(path)

    def handle(self, path: str, fn: Handler) -> str:
        self.routes[path] = fn
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.log if p == path]

    @staticmethod
    def _static(h: BaseHTTPRequestHandler, route: Route) -> None:
        if route.etag and h.headers.get("If-None-Match") == route.etag:
            h.send_response(304)
            h.send_header("ETag", route.etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        body = route.body
        h.send_response(route.status)
        for k, v in route.headers.items():
            h.send_header(k, v)
        if route.etag:
            h.send_header("ETag", route.etag)
        if "gzip" in h.headers.get("Accept-Encoding", "") and route.headers.get("X-Gzip"):
            body = gzip.compress(body)
            h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class SilentServer:
    """Accepts TCP connections and never answers: the client's timeouts must end the wait."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.conns: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
                self.conns.append(conn)
            except OSError:
                continue

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def close(self) -> None:
        self._stop = True
        for c in self.conns:
            c.close()
        self.sock.close()


# -- hostile handlers -------------------------------------------------------------------------

def trickle_body(h: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte every 0.1 s, for at most 30 s."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.end_headers()
    h.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel>")
    end = time.monotonic() + 30
    while time.monotonic() < end:
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(0.1)


def trickle_headers(h: BaseHTTPRequestHandler) -> None:
    """A status line, then one header byte every 0.1 s, for at most 30 s."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    end = time.monotonic() + 30
    while time.monotonic() < end:
        h.wfile.write(b"a")
        h.wfile.flush()
        time.sleep(0.1)


def huge_body(h: BaseHTTPRequestHandler) -> None:
    """100 MB of XML-ish bytes, no Content-Length: only the streaming limit can stop it."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<!-- padding -->" * 4096
    for _ in range(100 * 1024 * 1024 // len(chunk)):
        h.wfile.write(chunk)
    h.close_connection = True


_BOMB: list[bytes] = []


def gzip_bomb_bytes() -> bytes:
    """64 MB of zeros gzip-compressed to about 64 kB (built once per session)."""
    if not _BOMB:
        z = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = b"\0" * (1024 * 1024)
        parts = [z.compress(block) for _ in range(64)]
        parts.append(z.flush())
        _BOMB.append(b"".join(parts))
    return _BOMB[0]


def gzip_bomb(h: BaseHTTPRequestHandler) -> None:
    body = gzip_bomb_bytes()  # warmed by the test module before the request
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def redirect_to(target: str) -> Handler:
    def fn(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return fn


# -- golden data from shared/ -----------------------------------------------------------------

_CORPUS: list[dict] = []


def corpus_records() -> list[dict]:
    """The regeringen corpus, read once per test session from shared/ (never copied)."""
    if not _CORPUS:
        if not CORPUS.exists():
            pytest.skip(f"corpus not found at {CORPUS}")
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            _CORPUS.extend(json.loads(line) for line in f)
    return _CORPUS


def pick_records(n: int, seed: int = 7, kind: str = "pressmeddelanden",
                 must: str | None = None) -> list[dict]:
    recs = [r for r in corpus_records() if r["kind"] == kind
            and (must is None or must in r["title"].lower())]
    return random.Random(seed).sample(recs, min(n, len(recs)))


def markdown_to_html(title: str, text: str) -> str:
    """A plausible agency article page: site chrome around the record's Markdown body."""
    body = []
    for para in text.split("\n\n"):
        para = para.strip()
        if not para:
            continue
        if para.startswith("#"):
            level = min(len(para) - len(para.lstrip("#")), 3)
            body.append(f"<h{level}>{html.escape(para.lstrip('# '))}</h{level}>")
        else:
            body.append(f"<p>{html.escape(para)}</p>")
    return (f"<!doctype html><html lang='sv'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title)}</title></head><body>"
            f"<header><nav><a href='/'>Start</a> <a href='/om-oss/kontakta-oss-har-pa-sidan/'>"
            f"Kontakta oss här på sidan</a></nav></header>"
            f"<main><article>{''.join(body)}</article></main>"
            f"<footer><a href='/om-webbplatsen/tillganglighet-for-alla/'>Tillgänglighet för alla"
            f"</a></footer></body></html>")


def rss_feed(items: list[tuple[str, str, str, datetime]], title: str = "Test") -> str:
    """RSS 2.0 with (title, link, description, date) items."""
    parts = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
             f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link>"
             f"<description>test</description>"]
    for t, link, desc, when in items:
        parts.append(f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
                     f"<guid>{html.escape(link)}</guid><description>{html.escape(desc)}"
                     f"</description><pubDate>{format_datetime(when)}</pubDate></item>")
    parts.append("</channel></rss>")
    return "".join(parts)


def record_path(rec: dict) -> str:
    return "/" + rec["url"].split("regeringen.se/", 1)[1]


def record_date(rec: dict) -> datetime:
    return datetime(rec["year"], rec["month"], 15, 9, 0, tzinfo=timezone.utc)


def lead(rec: dict) -> str:
    paras = [p for p in rec["text"].split("\n\n") if p.strip() and not p.startswith("#")]
    return paras[0] if paras else rec["title"]


# -- fixtures ---------------------------------------------------------------------------------

TEST_POLICY = FetchPolicy(connect_timeout=1.0, read_timeout=1.0, deadline=2.5,
                          max_bytes=1_000_000, max_redirects=4, min_interval=0.0)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    s = SilentServer()
    yield s
    s.close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(TEST_POLICY) as f:
        yield f


def make_app(data_dir: Path):  # type: ignore[no-untyped-def]
    """The `msv scan` commands as a Typer app over a data folder (for CliRunner)."""
    import typer

    from assistant.cli.scan import add_commands
    from assistant.settings import Settings

    app = typer.Typer()
    add_commands(app, lambda: Settings(data_dir=data_dir))

    @app.command("noop")
    def _noop() -> None:  # typer needs two commands to keep subcommand names
        pass

    return app
