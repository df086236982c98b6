"""The assistant's CLI commands, added to a typer app the way assistant/cli/main.py mounts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.assist import add_commands
from assistant.settings import Settings


@pytest.fixture(scope="module")
def app(shared_kb) -> typer.Typer:
    app = typer.Typer()
    add_commands(app, lambda: Settings(llm_backend="none"), lambda: shared_kb)
    return app


def test_ask_json(app: typer.Typer) -> None:
    r = CliRunner().invoke(app, ["ask", "Vad gör beredningsgruppen?", "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["grounded"] is True and d["engine"] == "extractive" and d["citations"]
    assert "[1]" in d["answer"] and d["removed_sentences"] == []


def test_ask_reads_questions_from_stdin(app: typer.Typer) -> None:
    r = CliRunner().invoke(app, ["ask", "-"], input="Vad gör beredningsgruppen?\n\nVad heter styrgruppsordförandens hund?\n")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["grounded"] for row in rows] == [True, False]
    assert rows[1]["answer"] == "Det framgår inte av underlaget."


def test_memo_markdown_and_docx(app: typer.Typer, tmp_path: Path) -> None:
    from docx import Document

    md, docx_path = tmp_path / "pm.md", tmp_path / "pm.docx"
    r = CliRunner().invoke(app, ["memo", "arbetsordning för MSV KLL", "--out", str(md)])
    assert r.exit_code == 0, r.output
    text = md.read_text(encoding="utf-8")
    for heading in ("Sammanfattning", "Bakgrund", "Aktuellt läge", "Överväganden", "Horisontella perspektiv", "Källor"):
        assert f"## {heading}" in text
    assert "1. Förstudier för utveckling av samverkansplattform" in text and "[1]" in text
    r = CliRunner().invoke(app, ["memo", "arbetsordning för MSV KLL", "--out", str(docx_path), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["sources"]
    doc = Document(str(docx_path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert {"Sammanfattning", "Bakgrund", "Horisontella perspektiv", "Källor"} <= set(headings)
    assert any(p.style.name == "Title" for p in doc.paragraphs)
    refs = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert refs and "slutrapport" in refs[0] and "MYH" in refs[0]


def test_memo_rejects_unknown_format(app: typer.Typer, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["memo", "x", "--out", str(tmp_path / "pm.pdf")])
    assert r.exit_code == 1
