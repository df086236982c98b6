"""The app's outer wall: an ASGI middleware in front of Gradio. It signs people in with a back-off
per user and per address, audits every attempt and sets strict cookies; checks the session on
every request (an expired or revoked one is stripped, so Gradio sees a signed-out visitor); hands
out exports only to their maker while they may still read the sources; and lets Gradio's file
route serve nothing but the requesting user's own uploads."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request, cookie_parser
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse

from ..access.policy import LOCAL_USER, User
from .exports import ROUTE, ExportStore
from .gate import Gate
from .page import swedish_page
from .sources import ROUTE as SOURCE_ROUTE

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "access-token-"  # Gradio's session cookies: access-token-<id> and access-token-unsecure-<id>
LOGIN_BODY_MAX = 64 * 1024
GRADIO_FILE_ROUTES = ("/gradio_api/file=", "/gradio_api/file/")
GRADIO_UPLOAD = "/gradio_api/upload"
NOT_FOUND = "Filen finns inte eller tillhör någon annan."


class Guard:
    def __init__(self, app: ASGIApp, *, gate: Gate, exports: ExportStore,
                 may_read: Callable[[User, Sequence[str]], bool],
                 source_file: Callable[[User, str], Path | None] = lambda user, doc_id: None) -> None:
        self.app = app
        self.gate = gate
        self.exports = exports
        self.may_read = may_read
        self.source_file = source_file

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        scope, name = self._session(scope)
        path, method = scope["path"], scope.get("method", "GET")
        if scope["type"] == "http":
            if method == "POST" and path.rstrip("/") == "/login" and not self.gate.local:
                await self._login(scope, receive, send)
                return
            if path.startswith(f"/{ROUTE}/"):
                await self._download(scope, receive, send, name)
                return
            if path.startswith(f"/{SOURCE_ROUTE}/"):
                await self._source(scope, receive, send, name)
                return
            if path.startswith(GRADIO_FILE_ROUTES) and not self._own_upload(name, path):
                await PlainTextResponse(NOT_FOUND, status_code=404)(scope, receive, send)
                return
            if method == "POST" and path.rstrip("/") == GRADIO_UPLOAD and name is not None:
                await self.app(scope, receive, self._recording_uploads(send, name))
                return
            if path.rstrip("/") == "/logout" and name is not None and not self.gate.local:
                self.gate.sessions.end_user(name)
                self.gate.audit.record(name, "logout", address=_address(scope))
            if method == "GET":  # Gradio's page (app or sign-in) declares Swedish
                send = swedish_page(send)
        await self.app(scope, receive, send)

    # -- sessions --------------------------------------------------------------------------------
    def _session(self, scope: Scope) -> tuple[Scope, str | None]:
        """The signed-in user's name (the local user's without a users file) and the scope with
        every session cookie that is no longer valid removed."""
        if self.gate.local:
            return scope, LOCAL_USER.name
        headers = list(scope.get("headers") or [])
        raw = "; ".join(v.decode("latin-1") for k, v in headers if k == b"cookie")
        cookies = cookie_parser(raw) if raw else {}
        tokens = {k: v for k, v in cookies.items() if k.startswith(TOKEN_COOKIE)}
        if not tokens:
            return scope, None
        name, stale = None, []
        for cookie, token in tokens.items():
            user = self.gate.sessions.user(token)
            if user is None:
                stale.append(cookie)
            else:
                name = user
        if stale:
            kept = "; ".join(f"{k}={v}" for k, v in cookies.items() if k not in stale)
            headers = [(k, v) for k, v in headers if k != b"cookie"] + ([(b"cookie", kept.encode("latin-1"))] if kept else [])
            scope = dict(scope, headers=headers)
        return scope, name

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(receive, LOGIN_BODY_MAX)
        if body is None:
            await PlainTextResponse("För stor inloggningsbegäran.", status_code=413)(scope, receive, send)
            return
        form = await Request(scope, _replay(body)).form()
        name = str(form.get("username") or "").strip().lower()[:100]
        address = _address(scope)
        keys = (f"user:{name}", f"addr:{address}")
        wait = self.gate.throttle.wait(*keys)
        if wait > 0:
            self.gate.audit.record(name, "login_refused", address=address, wait_seconds=math.ceil(wait))
            await JSONResponse({"detail": f"För många misslyckade inloggningar. Försök igen om {math.ceil(wait)} "
                                          "sekunder."}, status_code=429,
                               headers={"Retry-After": str(math.ceil(wait))})(scope, receive, send)
            return
        secure = scope.get("scheme") == "https"
        lifetime = int(self.gate.sessions.lifetime)

        async def send_checked(message: Message) -> None:
            if message["type"] == "http.response.start":
                ok = message["status"] == 200
                headers = []
                for k, v in message.get("headers", []):
                    if k.lower() == b"set-cookie" and v.startswith(TOKEN_COOKIE.encode()):
                        cookie, token = _token_of(v.decode("latin-1"))
                        if ok and token:
                            self.gate.sessions.start(token, name)
                            v = _strict_cookie(cookie, token, secure, lifetime).encode("latin-1")
                    headers.append((k, v))
                message["headers"] = headers
                if ok:
                    self.gate.throttle.succeeded(*keys)
                    self.gate.audit.record(name, "login", address=address)
                else:
                    self.gate.throttle.failed(*keys)
                    self.gate.audit.record(name, "login_failed", address=address)
            await send(message)

        await self.app(scope, _replay(body), send_checked)

    # -- files -----------------------------------------------------------------------------------
    async def _download(self, scope: Scope, receive: Receive, send: Send, name: str | None) -> None:
        token, _, file = scope["path"][len(ROUTE) + 2:].partition("/")
        file = unquote(file)
        user = self._user(name)
        found = self.exports.find(user, token, file) if user is not None else None
        if found is None or not self.may_read(user, found[0].doc_ids):  # type: ignore[arg-type]
            self.gate.audit.record(name or "", "refused", file, what="download", address=_address(scope))
            await PlainTextResponse(NOT_FOUND, status_code=404)(scope, receive, send)
            return
        export, path = found
        self.gate.audit.record(user, "download", file, export.doc_ids)  # type: ignore[arg-type]
        response = FileResponse(path, filename=file, headers={"Cache-Control": "private, no-store"})
        await response(scope, receive, send)

    async def _source(self, scope: Scope, receive: Receive, send: Send, name: str | None) -> None:
        """A cited document's file to a user who may read it (looked up by id, never by path), as a
        download the browser cannot run (an uploaded HTML file must not execute on this origin)."""
        doc_id = unquote(scope["path"][len(SOURCE_ROUTE) + 2:])
        user = self._user(name)
        path = self.source_file(user, doc_id) if user is not None else None
        if path is None:
            self.gate.audit.record(name or "", "refused", doc_id, what="source file", address=_address(scope))
            await PlainTextResponse(NOT_FOUND, status_code=404)(scope, receive, send)
            return
        self.gate.audit.record(user, "source_file", path.name, [doc_id])  # type: ignore[arg-type]
        headers = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff",
                   "Content-Security-Policy": "sandbox"}
        await FileResponse(path, filename=path.name, headers=headers)(scope, receive, send)

    def _user(self, name: str | None) -> User | None:
        if name is None:
            return None
        return LOCAL_USER if self.gate.local else self.gate.users.get(name)

    def _own_upload(self, name: str | None, path: str) -> bool:
        prefix = next(p for p in GRADIO_FILE_ROUTES if path.startswith(p))
        target = path[len(prefix):]
        ok = name is not None and self.gate.uploads.owns(name, Path(target))
        if not ok:
            self.gate.audit.record(name or "", "refused", target, what="gradio file")
        return ok

    def _recording_uploads(self, send: Send, name: str) -> Send:
        """``send`` that notes the temp files Gradio's upload route answers with as ``name``'s."""
        status: list[int] = []
        chunks: list[bytes] = []

        async def recording(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            elif message["type"] == "http.response.body" and status == [200]:
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    try:
                        paths = json.loads(b"".join(chunks))
                    except ValueError:
                        paths = []
                    self.gate.uploads.record(name, [Path(p) for p in paths if isinstance(p, str)])
            await send(message)

        return recording


def _address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else ""


def _token_of(set_cookie: str) -> tuple[str, str]:
    jar: SimpleCookie = SimpleCookie()
    jar.load(set_cookie)
    for morsel in jar.values():
        return morsel.key, morsel.value
    return "", ""


def _strict_cookie(name: str, token: str, secure: bool, max_age: int) -> str:
    """Readable by no script, sent on no cross-site request, over HTTPS only when served so."""
    return (f"{name}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict"
            + ("; Secure" if secure else ""))


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body"):
            return body


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
