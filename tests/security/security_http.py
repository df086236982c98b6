"""The app as an attacker meets it: a real server on 127.0.0.1, signed-in HTTP clients and calls to
any Gradio endpoint by name (the REST ``/gradio_api/call`` API, which takes any JSON the caller
likes, file references included)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import httpx
from security_fixtures import PASSWORD, World
from testkit import free_port

from assistant.settings import Settings
from assistant.web.app import build_app, launch


class CallError(Exception):
    """The endpoint answered with an error event (a refusal, or a gr.Error)."""


@contextmanager
def running_app(world: World, settings: Settings | None = None, tabs: Sequence[Any] = ()) -> Iterator[str]:
    """The app over the security world's knowledge base on 127.0.0.1:<free port>; yields its URL."""
    demo = build_app(world.kb, settings or world.settings, tabs)
    url = launch(demo, "127.0.0.1", free_port(), block=False)
    try:
        yield url
    finally:
        demo.close()


def sign_in(url: str, user: str, password: str = PASSWORD, **headers: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=60, headers=headers)
    r = client.post("login", data={"username": user, "password": password})
    assert r.status_code == 200, (user, r.status_code, r.text)
    return client


def anonymous(url: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=60)


def call(client: httpx.Client, api: str, *data: Any) -> list[Any]:
    """Run endpoint ``api`` with ``data``; its outputs, or CallError with what it said."""
    r = client.post(f"gradio_api/call/{api}", json={"data": list(data)})
    if r.status_code != 200:
        raise CallError(f"{r.status_code} {r.text}")
    event_id = r.json()["event_id"]
    stream = client.get(f"gradio_api/call/{api}/{event_id}").text
    events = re.findall(r"event: (\w+)\ndata: (.*)", stream)
    for kind, payload in events:
        if kind == "complete":
            return json.loads(payload)
        if kind == "error":
            try:
                raise CallError(json.loads(payload).get("error") or payload)
            except (ValueError, AttributeError):
                raise CallError(payload) from None
    raise CallError(stream)


def upload(client: httpx.Client, name: str, content: bytes) -> str:
    """Upload a file the way the browser does; the temp path Gradio answers with."""
    r = client.post("gradio_api/upload", files={"files": (name, content)})
    assert r.status_code == 200, r.text
    return r.json()[0]


def file_ref(path: str, name: str | None = None) -> dict[str, Any]:
    """What a client sends to name a file: any path it likes."""
    return {"path": path, "orig_name": name or path.rsplit("/", 1)[-1], "meta": {"_type": "gradio.FileData"}}


def links(markdown: str) -> list[str]:
    return re.findall(r"\((msv/export/[^)\s]+)\)", markdown)
