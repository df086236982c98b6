"""The one HTTP fetcher every source uses: polite, conditional, bounded in time and size."""

from __future__ import annotations

import contextlib
import contextvars
import logging
import re
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from scanners.errors import FetchError, RobotsDisallowed, ScanConfigError, TooLarge
from scanners.transport import DEADLINE, Decoder, deadline_transport

log = logging.getLogger(__name__)

PRODUCT = "MSV-Kunskapsbas/0.2"
USER_AGENT = f"{PRODUCT} (omvarldsbevakning)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 503})
_UA_SAFE = re.compile(r"^[\x20-\x7e]*$")


def user_agent(contact: str = "") -> str:
    """The User-Agent we announce: ASCII only (header values are Latin-1 on the wire, and "ä"
    would arrive garbled) with a contact address (e-mail or URL) a site owner can write to."""
    contact = contact.strip()
    if not _UA_SAFE.match(contact) or any(c in contact for c in "()"):
        raise ScanConfigError("scan_contact", f"{contact!r} must be plain ASCII without "
                                              "parentheses, e.g. omvarld@myh.se or https://…")
    return f"{PRODUCT} (omvarldsbevakning; +{contact})" if contact else USER_AGENT

# Deadline of the whole task this thread works on (a source's time budget): no request starts,
# waits or reads past it, whoever makes the request.
_BUDGET: contextvars.ContextVar[float | None] = contextvars.ContextVar("_BUDGET", default=None)


@contextlib.contextmanager
def time_budget(deadline: float | None) -> Iterator[None]:
    """Within the block, every fetch in this thread ends by `deadline` (time.monotonic())."""
    token = _BUDGET.set(deadline)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (delta-seconds or an HTTP date) as seconds from now."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


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
    retry_wait_max: float = 10.0  # a 429/503 asking for at most this wait is retried once


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


class Fetcher:
    """Shared HTTP client: robots.txt, per-host pacing, conditional GET, limits, redirects."""

    def __init__(self, policy: FetchPolicy | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        if not _UA_SAFE.match(p.user_agent):
            raise ScanConfigError("user_agent", f"{p.user_agent!r} is not plain ASCII")
        self._client = httpx.Client(
            transport=transport or deadline_transport(),
            follow_redirects=False,
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            headers={"User-Agent": p.user_agent, "Accept-Encoding": "gzip, deflate"},
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
        """GET `url` within the policy and the thread's time budget; raises FetchError (never an
        httpx error)."""
        deadline = time.monotonic() + self.policy.deadline
        budget = _BUDGET.get()
        if budget is not None:
            if budget - time.monotonic() <= 0:
                raise FetchError(url, "time budget of the source used up")
            deadline = min(deadline, budget)
        token = DEADLINE.set(deadline)
        try:
            return self._get(url, validators, accept, deadline)
        finally:
            DEADLINE.reset(token)

    # -- internals ----------------------------------------------------------------------------

    def _get(self, url: str, validators: Validators | None, accept: str,
             deadline: float) -> FetchResult:
        current = url
        retried = False
        hops = 0
        while hops <= self.policy.max_redirects:
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
                hops += 1
                continue
            if status == 304:
                return FetchResult(url, current, 304, b"", resp_headers)
            if status in RETRY_STATUSES:
                wait = retry_after_seconds(resp_headers.get("retry-after"))
                # A short pause the server asks for is honoured once, if the deadline allows;
                # a longer one is kept for the scan runner, which rests the source until then.
                if (not retried and wait is not None and wait <= self.policy.retry_wait_max
                        and time.monotonic() + wait < deadline):
                    retried = True
                    time.sleep(wait)
                    continue
                raise FetchError(current, f"HTTP {status}" + (
                    f", Retry-After {wait:g} s" if wait is not None else ""), retry_after=wait)
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
        self._pace(host, url)
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
        decoder = Decoder(url, headers.get("content-encoding", ""))
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

    def _pace(self, host: str, url: str) -> None:
        """Wait until this host may be asked again; hold the host's lock while waiting."""
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            interval = max(self.policy.min_interval, self._crawl_delay(host))
            wait = self._last_request.get(host, 0.0) + interval - time.monotonic()
            budget = _BUDGET.get()
            if wait > 0 and budget is not None and time.monotonic() + wait >= budget:
                raise FetchError(url, "time budget of the source used up (waiting for the host)")
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
        deadline = DEADLINE.get() or (time.monotonic() + self.policy.deadline)
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
