"""The one HTTP fetcher every source uses: polite, conditional, bounded in time and size."""

from __future__ import annotations

import contextvars
import logging
import re
import threading
import time
import urllib.robotparser
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from scanners.errors import FetchError, RobotsDisallowed, TooLarge

log = logging.getLogger(__name__)

USER_AGENT = "MSV-Kunskapsbas/0.1 (+omvärldsbevakning)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

# Deadline (time.monotonic()) of the request running in this thread; socket reads are clamped to it
# so that neither a trickling body nor trickling headers can outlive the per-request budget.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("_DEADLINE", default=None)


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners for fetching; one instance is shared by all sources of a scan."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    min_interval: float = 1.0
    max_crawl_delay: float = 30.0
    robots: bool = True
    robots_ttl: float = 3600.0
    robots_max_bytes: int = 500_000
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Validators:
    """HTTP cache validators remembered from the previous successful fetch."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass
class FetchResult:
    """A completed fetch: either a bounded body (status 200) or 'not modified' (304)."""

    url: str
    final_url: str
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"').lower()
        return None


class _DeadlineStream(httpcore.NetworkStream):
    """Wraps a socket stream so every read waits at most until the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        deadline = _DEADLINE.get()
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise httpcore.ReadTimeout("deadline exceeded")
            timeout = remaining if timeout is None else min(timeout, remaining)
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        deadline = _DEADLINE.get()
        if deadline is not None:
            remaining = max(0.001, deadline - time.monotonic())
            timeout = remaining if timeout is None else min(timeout, remaining)
        stream = super().connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream)


def _transport() -> httpx.HTTPTransport:
    """httpx's own transport with our deadline-aware network backend underneath."""
    transport = httpx.HTTPTransport()
    # httpx exposes no hook for the network backend; swap the pool it built for an equal one.
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=httpx.create_ssl_context(),
        max_connections=20, max_keepalive_connections=10, keepalive_expiry=5.0,
        network_backend=_DeadlineBackend(),
    )
    return transport


class _Decoder:
    """Content-Encoding decoder that never produces more than the remaining byte budget."""

    def __init__(self, url: str, encoding: str) -> None:
        self.url = url
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")

    def feed(self, chunk: bytes, budget: int) -> bytes:
        """Decode `chunk`; output longer than `budget` means the body is too large."""
        if self._z is None:
            return chunk
        out = bytearray()
        data = chunk
        while data:
            try:
                piece = self._z.decompress(data, budget - len(out) + 1)
            except zlib.error as e:
                raise FetchError(self.url, f"corrupt compressed body: {e}") from e
            out += piece
            if len(out) > budget:
                return bytes(out)  # caller raises TooLarge; no need to inflate further
            data = self._z.unconsumed_tail
        return bytes(out)


class Fetcher:
    """Shared HTTP client: robots.txt, per-host pacing, conditional GET, limits, redirects."""

    def __init__(self, policy: FetchPolicy | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        self._client = httpx.Client(
            transport=transport or _transport(),
            follow_redirects=False,
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            # The product name has an "ä": header values go on the wire as UTF-8 bytes.
            headers={"User-Agent": p.user_agent.encode("utf-8"),
                     "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, float, str]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self.requests = 0  # count of HTTP requests sent, robots.txt included

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public -------------------------------------------------------------------------------

    def get(self, url: str, validators: Validators | None = None,
            accept: str = "*/*") -> FetchResult:
        """GET `url` within the policy; raises FetchError (never an httpx error)."""
        deadline = time.monotonic() + self.policy.deadline
        token = _DEADLINE.set(deadline)
        try:
            return self._get(url, validators, accept, deadline)
        finally:
            _DEADLINE.reset(token)

    # -- internals ----------------------------------------------------------------------------

    def _get(self, url: str, validators: Validators | None, accept: str,
             deadline: float) -> FetchResult:
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            self._check_url(current)
            if self.policy.robots:
                self._check_robots(current)
            headers = {"Accept": accept}
            if validators:
                headers.update(validators.headers())
            status, resp_headers, body = self._request(current, headers, deadline,
                                                       self.policy.max_bytes)
            if status in REDIRECT_STATUSES:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(current, f"HTTP {status} without Location")
                current = urljoin(current, location)
                continue
            if status == 304:
                return FetchResult(url, current, 304, b"", resp_headers)
            if status != 200:
                raise FetchError(current, f"HTTP {status}")
            return FetchResult(url, current, 200, body, resp_headers)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    @staticmethod
    def _check_url(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "only absolute http(s) URLs can be fetched")

    def _request(self, url: str, headers: dict[str, str], deadline: float,
                 max_bytes: int) -> tuple[int, dict[str, str], bytes]:
        """One request with pacing; reads the body only for 200, bounded by max_bytes."""
        host = urlsplit(url).netloc.lower()
        self._pace(host)
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                with self._lock:
                    self.requests += 1
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status_code != 200:
                    return resp.status_code, resp_headers, b""
                declared = resp_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise TooLarge(url, f"Content-Length {declared} exceeds {max_bytes} bytes")
                body = self._read_body(url, resp, resp_headers, deadline, max_bytes)
                return 200, resp_headers, body
        except FetchError:
            raise
        except httpx.TimeoutException as e:
            reason = "deadline exceeded" if time.monotonic() >= deadline else "timeout"
            raise FetchError(url, f"{reason} ({type(e).__name__})") from e
        except httpx.TooManyRedirects as e:  # pragma: no cover - redirects are manual
            raise FetchError(url, "too many redirects") from e
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as e:
            raise FetchError(url, f"{type(e).__name__}: {e}") from e

    def _read_body(self, url: str, resp: httpx.Response, headers: dict[str, str],
                   deadline: float, max_bytes: int) -> bytes:
        decoder = _Decoder(url, headers.get("content-encoding", ""))
        body = bytearray()
        raw_total = 0
        for chunk in resp.iter_raw(64 * 1024):
            raw_total += len(chunk)
            if raw_total > max_bytes:
                raise TooLarge(url, f"body exceeds {max_bytes} bytes")
            body += decoder.feed(chunk, max_bytes - len(body))
            if len(body) > max_bytes:
                raise TooLarge(url, f"decompressed body exceeds {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(url, f"deadline exceeded ({self.policy.deadline:g} s)")
        return bytes(body)

    def _pace(self, host: str) -> None:
        """Wait until this host may be asked again; hold the host's lock while waiting."""
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            interval = max(self.policy.min_interval, self._crawl_delay(host))
            wait = self._last_request.get(host, 0.0) + interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request[host] = time.monotonic()

    def _crawl_delay(self, host: str) -> float:
        for origin, (parser, _, _) in list(self._robots.items()):
            if parser is not None and urlsplit(origin).netloc == host:
                delay = parser.crawl_delay(self.policy.user_agent)
                if delay:
                    return min(float(delay), self.policy.max_crawl_delay)
        return 0.0

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per origin, however many threads ask
            cached = self._robots.get(origin)
            if cached is None or time.monotonic() - cached[1] > self.policy.robots_ttl:
                cached = self._load_robots(origin)
                self._robots[origin] = cached
        parser, _, problem = cached
        if parser is None:
            raise RobotsDisallowed(url, f"robots.txt unavailable ({problem}); not fetching")
        if not parser.can_fetch(self.policy.user_agent, url):
            raise RobotsDisallowed(url, "disallowed by robots.txt")

    def _load_robots(self, origin: str) -> tuple[urllib.robotparser.RobotFileParser | None,
                                                 float, str]:
        """Fetch and parse robots.txt following RFC 9309: 4xx allows all, 5xx/errors deny."""
        url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(url)
        current = url
        deadline = _DEADLINE.get() or (time.monotonic() + self.policy.deadline)
        try:
            for _ in range(self.policy.max_redirects + 1):
                status, headers, body = self._request(current, {"Accept": "text/plain"},
                                                      deadline, self.policy.robots_max_bytes)
                if status in REDIRECT_STATUSES and headers.get("location"):
                    current = urljoin(current, headers["location"])
                    continue
                break
            else:
                status = 404  # a redirect loop on robots.txt counts as unavailable
        except FetchError as e:
            log.info("robots.txt for %s unreachable: %s", origin, e.reason)
            return None, time.monotonic(), e.reason
        if status == 200:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500:
            parser.allow_all = True
        else:
            return None, time.monotonic(), f"HTTP {status}"
        return parser, time.monotonic(), ""


def declared_charset(result: FetchResult) -> str | None:
    """Charset from the Content-Type header, else from an XML declaration or HTML meta tag."""
    if result.charset:
        return result.charset
    head = result.content[:2048].decode("ascii", errors="replace")
    m = re.search(r"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", head, re.I)
    if m:
        return m.group(1).lower()
    return None


def decode_text(result: FetchResult) -> str:
    """Decode the body strictly in its declared charset (default UTF-8).

    A body that is not valid in the encoding it declares is an error we report instead of
    guessing: a silently mis-decoded feed would put garbled text into digests.
    """
    from scanners.errors import ParseError

    charset = declared_charset(result) or "utf-8"
    try:
        return result.content.decode(charset)
    except LookupError as e:
        raise ParseError(result.final_url, f"unknown declared encoding {charset!r}") from e
    except UnicodeDecodeError as e:
        raise ParseError(result.final_url,
                         f"body is not valid {charset} as declared (byte {e.start})") from e
