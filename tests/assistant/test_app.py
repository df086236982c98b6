"""The Gradio app launched in-process on 127.0.0.1 with a free port, driven by gradio_client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from testkit import free_port

from assistant.settings import Settings
from assistant.web.app import build_app, launch


@pytest.fixture(scope="module")
def app_url(kb) -> Iterator[str]:
    demo = build_app(kb, Settings(llm_backend="none", data_dir=kb.config.data_dir))
    url = launch(demo, "127.0.0.1", free_port(), block=False)
    yield url
    demo.close()


def test_search_and_ask_through_the_api(app_url: str) -> None:
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    md = client.predict("beredningsgrupp", 5, "", "", "", "", api_name="/search")
    assert "träffar" in md and "slutrapport" in md
    messages, *_ = client.predict("Vad gör beredningsgruppen?", [], api_name="/ask")
    answer = messages[-1]["content"]
    text = answer if isinstance(answer, str) else "".join(part.get("text", "") for part in answer)
    assert "\\[1\\]" in text
    assert "Källor" in text


def test_escapes_document_markup() -> None:
    from assistant.web.app import esc

    assert esc("<script>alert(1)</script> *x*") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*x\\*"
