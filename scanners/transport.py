"""Socket-level guards under httpx: every read and connect of a request waits at most until the
request's deadline, and a compressed body is never inflated past the byte budget."""

from __future__ import annotations

import contextvars
import time
import zlib
from typing import Any

import httpcore
import httpx

from scanners.errors import FetchError

# Deadline (time.monotonic()) of the request running in this thread; socket reads are clamped to it
# so that neither a trickling body nor trickling headers can outlive the per-request budget.
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("DEADLINE", default=None)
class _DeadlineStream(httpcore.NetworkStream):
    """Wraps a socket stream so every read waits at most until the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        deadline = DEADLINE.get()
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
        deadline = DEADLINE.get()
        if deadline is not None:
            remaining = max(0.001, deadline - time.monotonic())
            timeout = remaining if timeout is None else min(timeout, remaining)
        stream = super().connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream)


def deadline_transport() -> httpx.HTTPTransport:
    """httpx's own transport with our deadline-aware network backend underneath."""
    transport = httpx.HTTPTransport()
    # httpx exposes no hook for the network backend; swap the pool it built for an equal one.
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=httpx.create_ssl_context(),
        max_connections=20, max_keepalive_connections=10, keepalive_expiry=5.0,
        network_backend=_DeadlineBackend(),
    )
    return transport


class Decoder:
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


