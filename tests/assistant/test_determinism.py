"""Same question, same answer: a batch of questions asked in two separate processes over one
unchanged knowledge base gives identical answers, citations and search results."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from testkit import REPORT

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [
    "Vad gör sekretariatet?",
    "Vilka myndigheter ingår i samverkan?",
    "Hur ofta görs en lägesbedömning?",
    "Vad är en arbetsordning?",
    "Vilka alternativ för finansiering finns?",
    "Varför behövs ett regionalt perspektiv?",
    "Who leads the collaboration?",
    "Vad heter styrgruppens ordförande?",
]


def msv(data: Path, *args: str, stdin: str = "") -> str:
    env = {**os.environ, "MSV_CONFIG": "/nonexistent/msv.toml"}
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "--data-dir", str(data), *args], input=stdin,
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_batch_asked_twice_in_two_processes_is_answered_the_same(tmp_path: Path) -> None:
    data = tmp_path / "kb"
    msv(data, "ingest", str(REPORT), "--json")
    batch = "\n".join(QUESTIONS) + "\n"
    first, second = msv(data, "ask", "-", stdin=batch), msv(data, "ask", "-", stdin=batch)
    assert len(first.splitlines()) == len(QUESTIONS)
    assert first == second
    hits_first, hits_second = msv(data, "search", "-", stdin=batch), msv(data, "search", "-", stdin=batch)
    assert hits_first and hits_first == hits_second
