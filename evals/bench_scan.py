"""Benchmark: scan 100 unchanged feed sources on loopback; prints time and requests per source.

Run: .venv/bin/python evals/bench_scan.py [N]
All sources share one loopback host, so per-host pacing is set to 0 here; robots.txt is
fetched once per host and scan (shown separately).
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanners.fetch import Fetcher, FetchPolicy  # noqa: E402
from scanners.run import scan  # noqa: E402
from scanners.sources import SourceConfig  # noqa: E402

FEED = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>F{n}</title>"
        "<link>http://127.0.0.1/</link><description>d</description>" + "".join(
            f"<item><title>Nyhet {{n}}-{i} om yrkeshögskolan</title>"
            f"<link>http://127.0.0.1/n/{{n}}/{i}</link><description>Text {i}.</description>"
            f"<pubDate>{format_datetime(datetime(2026, 5, 1, tzinfo=timezone.utc))}</pubDate>"
            f"</item>" for i in range(20)) + "</channel></rss>")


def main(n: int = 100) -> None:
    log: list[tuple[str, int]] = []

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/robots.txt":
                body, status = b"User-agent: *\nAllow: /\n", 200
            else:
                k = self.path.strip("/").split("/")[-1].split(".")[0]
                etag = f'"{k}-v1"'
                if self.headers.get("If-None-Match") == etag:
                    log.append((self.path, 304))
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, status = FEED.replace("{n}", k).encode(), 200
            log.append((self.path, status))
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml")
            if self.path != "/robots.txt":
                key = self.path.strip("/").split("/")[-1].split(".")[0]
                self.send_header("ETag", f'"{key}-v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    sources = [SourceConfig(id=f"s{i}", name=f"Källa {i}", kind="rss",
                            url=f"{base}/feeds/{i}.xml") for i in range(n)]
    policy = FetchPolicy(min_interval=0.0)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scan.sqlite"
        with Fetcher(policy) as f:
            t0 = time.perf_counter()
            first = scan(sources, db, f)
            cold = time.perf_counter() - t0
        log.clear()
        with Fetcher(policy) as f:  # a fresh process would start like this
            t0 = time.perf_counter()
            second = scan(sources, db, f)
            warm = time.perf_counter() - t0
    httpd.shutdown()
    feeds = [p for p, _ in log if p != "/robots.txt"]
    print(f"sources                  {n}")
    print(f"first scan               {cold:.2f} s, {first.new_items} new items")
    print(f"unchanged scan           {warm:.2f} s "
          f"({sum(r.status == 'unchanged' for r in second.results)} unchanged)")
    print(f"requests per source      {len(feeds) / n:.2f} "
          f"({sum(1 for _, s in log if s == 304)} answered 304)")
    print(f"robots.txt requests      {sum(1 for p, _ in log if p == '/robots.txt')}")
    print(f"within 5 s               {'yes' if warm <= 5 else 'NO'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
