"""The shared fetcher over real loopback HTTP: one golden file through every transport case."""

from __future__ import annotations

import time

import pytest
from scanner_fixtures import (
    FEEDS,
    TEST_POLICY,
    gzip_bomb,
    gzip_bomb_bytes,
    huge_body,
    redirect_to,
    trickle_body,
    trickle_headers,
)

from scanners.errors import FetchError, RobotsDisallowed, ScanError, TooLarge
from scanners.fetch import USER_AGENT, Fetcher, FetchPolicy, Validators

GOLDEN = (FEEDS / "regeringen-regeringsuppdrag-udep-rss-sample.xml").read_bytes()
RSS = "application/rss+xml; charset=utf-8"


def setup_routes(server) -> None:  # type: ignore[no-untyped-def]
    gzip_bomb_bytes()  # build before any request so the server answers at once
    server.add("/plain.xml", GOLDEN, RSS)
    server.add("/gzip.xml", GOLDEN, RSS, X_Gzip="1")
    server.add("/etag.xml", GOLDEN, RSS, etag='"v1"')
    server.add("/lm.xml", GOLDEN, RSS, Last_Modified="Mon, 25 May 2026 07:59:15 GMT")
    server.add("/500.xml", b"oops", "text/plain", status=500)
    server.handle("/redirect.xml", redirect_to("/plain.xml"))
    server.handle("/loop-a", redirect_to("/loop-b"))
    server.handle("/loop-b", redirect_to("/loop-a"))
    server.handle("/trickle.xml", trickle_body)
    server.handle("/trickle-headers.xml", trickle_headers)
    server.handle("/huge.xml", huge_body)
    server.handle("/bomb.xml", gzip_bomb)
    server.add("/declared-huge.xml", GOLDEN, RSS, X_Pad="1")
    server.add("/private/feed.xml", GOLDEN, RSS)


# (path, expected error class or None, substring of the reason, time bound in seconds)
CASES = [
    ("/plain.xml", None, "", 5),
    ("/gzip.xml", None, "", 5),
    ("/redirect.xml", None, "", 5),
    ("/missing.xml", FetchError, "HTTP 404", 2),
    ("/500.xml", FetchError, "HTTP 500", 2),
    ("/loop-a", FetchError, "redirects", 2),
    ("/trickle.xml", FetchError, "deadline", TEST_POLICY.deadline + 3),
    ("/trickle-headers.xml", FetchError, "deadline", TEST_POLICY.deadline + 3),
    ("/huge.xml", TooLarge, "exceeds", 5),
    ("/bomb.xml", TooLarge, "decompressed", 5),
    ("/private/feed.xml", RobotsDisallowed, "robots.txt", 2),
]


@pytest.mark.parametrize(("path", "error", "reason", "bound"), CASES,
                         ids=[c[0] for c in CASES])
def test_fetch_cases(server, fetcher, path, error, reason, bound) -> None:  # type: ignore[no-untyped-def]
    setup_routes(server)
    t0 = time.monotonic()
    if error is None:
        result = fetcher.get(server.url(path))
        assert result.status == 200
        assert result.content == GOLDEN
    else:
        with pytest.raises(error) as info:
            fetcher.get(server.url(path))
        assert reason in info.value.reason
        assert isinstance(info.value, ScanError)
        assert info.value.url.startswith(server.base)
    assert time.monotonic() - t0 < bound


def test_conditional_get_sends_validators_and_handles_304(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    setup_routes(server)
    first = fetcher.get(server.url("/etag.xml"))
    assert first.validators == Validators('"v1"', None)
    second = fetcher.get(server.url("/etag.xml"), first.validators)
    assert second.not_modified and second.content == b""
    assert server.hits("/etag.xml")[-1]["if-none-match"] == '"v1"'

    lm = fetcher.get(server.url("/lm.xml"))
    fetcher.get(server.url("/lm.xml"), lm.validators)
    assert server.hits("/lm.xml")[-1]["if-modified-since"] == "Mon, 25 May 2026 07:59:15 GMT"


def test_user_agent_and_robots_fetched_once_per_host(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    setup_routes(server)
    for _ in range(3):
        fetcher.get(server.url("/plain.xml"))
    assert len(server.hits("/robots.txt")) == 1
    on_the_wire = USER_AGENT.encode("utf-8").decode("latin-1")  # http.server reads latin-1
    assert all(h["user-agent"] == on_the_wire for _, h in server.log)
    assert "gzip" in server.hits("/plain.xml")[0]["accept-encoding"]


def test_silent_server_times_out(silent) -> None:  # type: ignore[no-untyped-def]
    t0 = time.monotonic()
    with Fetcher(TEST_POLICY) as f, pytest.raises(FetchError) as info:
        f.get(silent.base + "/feed.xml")
    assert "timeout" in info.value.reason or "deadline" in info.value.reason
    assert time.monotonic() - t0 < TEST_POLICY.deadline + 1


def test_refused_connection_is_a_fetch_error() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with Fetcher(FetchPolicy(robots=False, min_interval=0)) as f, pytest.raises(FetchError):
        f.get(f"http://127.0.0.1:{port}/feed.xml")


def test_pacing_spaces_requests_to_one_host(server) -> None:  # type: ignore[no-untyped-def]
    setup_routes(server)
    policy = FetchPolicy(min_interval=0.3, robots=False)
    with Fetcher(policy) as f:
        t0 = time.monotonic()
        for _ in range(3):
            f.get(server.url("/plain.xml"))
        assert time.monotonic() - t0 >= 0.6


@pytest.mark.parametrize("url", ["ftp://example.org/x", "/relative", "file:///etc/passwd"])
def test_only_http_urls(fetcher, url) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FetchError):
        fetcher.get(url)
