"""Private on disk: the real ``msv`` (its own processes, its own model load) ingests, adds a user,
serves the app to a signed-in user who searches, uploads, drafts a memo and downloads it; then
``stat`` of every file and folder it created shows no group or world bits. A data directory that
is found wider than that is named in a warning."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from security_http import call, file_ref, links, upload
from testkit import free_port

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "privat-lösenord-1"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MSV_", "GRADIO_TEMP_DIR"))}
    env.update(HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", MSV_CONFIG="/nonexistent/msv.toml",
               MSV_LLM_BACKEND="none", PYTHONPATH=str(REPO))
    return env


def msv(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "--data-dir", str(data), *args], cwd=REPO,
                          env=_env(), input=stdin, capture_output=True, text=True, timeout=300, check=False)


def _wide(root: Path) -> list[str]:
    out = []
    for p in [root, *root.rglob("*")]:
        mode = p.lstat().st_mode
        if not stat.S_ISLNK(mode) and mode & 0o077:
            out.append(f"{p.relative_to(root.parent)} {stat.S_IMODE(mode):04o}")
    return out


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("private")
    os.chmod(root, 0o755)  # a parent anyone may enter: what protects the data is the data directory itself
    data, docs = root / "data", root / "docs"
    docs.mkdir()
    (docs / "styrgrupp.md").write_text("# Styrgruppens protokoll\n\nStyrgruppen beslutade om Pärlugglan.",
                                       encoding="utf-8")
    assert msv(data, "ingest", str(docs), "--access", "styrgrupp").returncode == 0
    r = msv(data, "users", "add", "anna", "--groups", "styrgrupp", "--password-stdin", stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "assistant.cli", "--data-dir", str(data), "serve",
                               "--port", str(port)], cwd=REPO, env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "config", timeout=2).status_code in (200, 401):
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("msv serve did not start")
        client = httpx.Client(base_url=url, timeout=60)
        assert client.post("login", data={"username": "anna", "password": PASSWORD}).status_code == 200
        assert "Pärlugglan" in call(client, "search", "Pärlugglan", 5, "", "", "", "")[0]
        path = upload(client, "annas-anteckning.md", "# Anteckning\n\nOm Pärlugglan.".encode())
        assert "inläst" in call(client, "upload", [file_ref(path, "annas-anteckning.md")], ["styrgrupp"])[0]
        _, downloads = call(client, "memo", "Pärlugglan")
        assert client.get(links(downloads)[0]).status_code == 200
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return data


def test_every_file_the_app_creates_is_private(served: Path) -> None:
    names = {p.name for p in served.rglob("*")}
    # What was exercised is there: the store, the catalog, the users file, the audit log, an
    # upload, an export and Gradio's cache (inside the data directory).
    assert {"registry.sqlite", "users.toml", "audit.jsonl", "annas-anteckning.md", "gradio-tmp", "exports",
            "qdrant"} <= names, sorted(names)
    assert _wide(served) == []


def test_msv_warns_when_the_data_directory_is_wider(served: Path) -> None:
    assert "varning" not in msv(served, "stats").stderr
    os.chmod(served, 0o755)
    os.chmod(served / "registry.sqlite", 0o644)
    try:
        r = msv(served, "stats")
        assert r.returncode == 0
        warning = [line for line in r.stderr.splitlines() if "varning" in line]
        assert len(warning) == 1 and str(served) in warning[0] and "0755" in warning[0]
        assert "och 1 till" in warning[0] and f"chmod -R go= {served}" in warning[0]
    finally:
        os.chmod(served, 0o700)
        os.chmod(served / "registry.sqlite", 0o600)
