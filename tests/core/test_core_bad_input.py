"""Bad input through `msv ingest --json`: each bad file either goes in or gives a `failed`
entry naming it with a Swedish reason; the good files of the same batch go in; what was stored
before the batch is unharmed."""

from __future__ import annotations

import gzip
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import core_fixtures as g
import pytest

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

BEFORE_MARKER = "ostrivalk"  # in the document stored before every batch
GOOD_MARKER = "pelnigrof"  # in the good file of every batch


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name
    return make


def _text(name: str, text: str, encoding: str) -> Callable[[Path], Path]:
    return _bytes(name, text.encode(encoding))


def _with_sidecar(name: str, sidecar: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_text("Minnesanteckningar från mötet om tworbelnax i arbetsgruppen.", encoding="utf-8")
        (folder / f"{name}.meta.toml").write_text(sidecar, encoding="utf-8")
        return folder / name
    return make


def _huge(folder: Path) -> Path:
    path = folder / "jattestor.txt"
    path.write_text("Ett mycket långt dokument om samverkan. " * 52_000, encoding="utf-8")  # ~2 MB
    return path


def _directory(folder: Path) -> Path:
    (folder / "mapp.txt").mkdir()
    return folder / "mapp.txt"


def _broken_symlink(folder: Path) -> Path:
    (folder / "lanken.txt").symlink_to(folder / "finns-inte-langre.txt")
    return folder / "lanken.txt"


def _truncated_gz(folder: Path) -> Path:
    """Six records of incompressible text, cut off in the fourth: the first three go in."""
    noise = [" ".join(f"{(i * 7 + j * 13) ** 3 % 99991:x}" for j in range(60)) for i in range(6)]
    lines = [json.dumps({"title": f"Post {i}", "text": f"Post {i} om {'sprondelvik' if i == 0 else 'samverkan'}. {noise[i]}"})
             for i in range(6)]
    data = gzip.compress("\n".join(lines).encode("utf-8"))
    (folder / "avklippt.jsonl.gz").write_bytes(data[: len(data) * 3 // 5])
    return folder / "avklippt.jsonl.gz"


def _jsonl_bad_lines(folder: Path) -> Path:
    path = folder / "blandat.jsonl"
    path.write_text(
        json.dumps({"title": "Första", "text": "Första posten handlar om gnaxelbrott."}) + "\n"
        + '{"title": "Trasig", "text": "saknar slut\n'
        + json.dumps({"title": "Utan text", "url": "https://example.se/utan-text"}) + "\n"
        + json.dumps({"title": "Fjärde", "text": "Fjärde posten handlar om fjompelix."}) + "\n",
        encoding="utf-8",
    )
    return path


def _pdf_without_text(folder: Path) -> Path:
    return g.write_pdf_without_text(folder / "skannad.pdf")


def _encrypted_pdf(folder: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica")
    pdf.cell(0, 10, "Hemligt innehall")
    pdf.set_encryption(owner_password="agare", user_password="hemligt")
    pdf.output(str(folder / "last.pdf"))
    return folder / "last.pdf"


def _zip_not_docx(folder: Path) -> Path:
    with zipfile.ZipFile(folder / "inte-word.docx", "w") as z:
        z.writestr("hej.txt", "hej")
    return folder / "inte-word.docx"


def _eml_without_body(folder: Path) -> Path:
    (folder / "tomt.eml").write_bytes(b"Subject: Tomt\r\nFrom: a@example.se\r\n\r\n")
    return folder / "tomt.eml"


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]
    reasons: tuple[str, ...] = ()  # fragments of the failure reasons; () = the file must go in
    find: tuple[str, ...] = ()  # markers from the bad input that must still be searchable
    added: int = 0  # documents the bad input itself adds
    decoded: str = ""  # text the hit for its first marker must show (a decoding check)
    env: dict[str, str] = field(default_factory=dict)


RANDOM = bytes((i * 7919 + 13) % 251 for i in range(4000))  # deterministic junk, some NULs

CASES = [
    Case("corrupt-pdf", _bytes("trasig.pdf", b"%PDF-1.4\n" + RANDOM), ("PDF",)),
    Case("empty-txt", _bytes("tom.txt", b""), ("tom",)),
    Case("whitespace-md", _bytes("blank.md", b"  \n\n\t\n"), ("tom",)),
    Case("zero-byte-docx", _bytes("noll.docx", b""), ("tom",)),
    Case("binary-as-txt", _bytes("binar.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + RANDOM), ("binär",)),
    Case("utf16-bom", _text("utf16.txt", "Välkommen till mötet om vrolmsnäck i Växjö.", "utf-16"), find=("vrolmsnäck",), added=1,
         decoded="mötet om vrolmsnäck i Växjö"),
    Case("windows-1252", _text("ansi.txt", "Årets möte i Växjö handlade om kruppelsmik och lärande.", "cp1252"),
         find=("kruppelsmik",), added=1, decoded="Årets möte i Växjö"),
    Case("huge-file", _huge, ("för stor",), env={"MSV_MAX_FILE_MB": "1"}),
    Case("png", _bytes("bild.png", b"\x89PNG\r\n\x1a\n" + RANDOM), ("stöds inte",)),
    Case("unknown-suffix", _bytes("data.xyz", b"lite text"), ("stöds inte",)),
    Case("nonexistent", lambda folder: folder / "saknas.txt", ("finns inte",)),
    Case("directory-named-txt", _directory, ("mapp",)),
    Case("broken-symlink", _broken_symlink, ("länk",)),
    Case("truncated-jsonl-gz", _truncated_gz, ("trasig",), find=("sprondelvik",), added=3),
    Case("jsonl-bad-lines", _jsonl_bad_lines, ("ogiltig JSON", '"text"'), find=("gnaxelbrott", "fjompelix"),
         added=2),
    Case("corrupt-docx", _bytes("trasig.docx", RANDOM), ("Word",)),
    Case("zip-not-docx", _zip_not_docx, ("Word",)),
    Case("corrupt-pptx", _bytes("trasig.pptx", RANDOM), ("PowerPoint",)),
    Case("pdf-without-text", _pdf_without_text, ("textlager",)),
    Case("encrypted-pdf", _encrypted_pdf, ("lösenord",)),
    Case("html-without-text", _bytes("tom.html", b"<html><head><script>var x = 1;</script></head><body></body></html>"),
         ("ingen text",)),
    Case("eml-without-body", _eml_without_body, ("ingen text",)),
    Case("invalid-sidecar", _with_sidecar("sidovagn.txt", 'title = "ej avslutad\n'), ("TOML",)),
    Case("sidecar-unknown-key", _with_sidecar("nyckel.txt", 'rubrik = "Fel nyckel"\n'), ("okända nycklar",)),
    Case("sidecar-unknown-kind", _with_sidecar("sort.txt", 'kind = "dikt"\n'), ("okänd kind",)),
    Case("sidecar-bad-access", _with_sidecar("atkomst.txt", 'access = ["styr grupp!"]\n'), ("åtkomstgrupp",)),
]


@pytest.fixture(scope="module")
def stored_before(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """A data folder holding one document; every case starts from a copy of it."""
    data = tmp_path_factory.mktemp("before") / "data"
    doc = tmp_path_factory.mktemp("before-docs") / "befintlig.txt"
    doc.write_text(f"Ett dokument som redan fanns, om {BEFORE_MARKER} och samverkan.", encoding="utf-8")
    with KnowledgeBase(KbConfig(data_dir=data), embedder=embedder) as kb:
        assert kb.ingest_all([doc]).added == 1
    return data


@pytest.fixture
def batch(tmp_path: Path, stored_before: Path) -> Iterator[tuple[Path, Path]]:
    """(data folder with the earlier document, input folder with the good file)."""
    data = tmp_path / "data"
    shutil.copytree(stored_before, data)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bra.txt").write_text(f"Ett bra dokument om {GOOD_MARKER} och livslångt lärande.", encoding="utf-8")
    yield data, inbox


def _top_source(kb: KnowledgeBase, marker: str) -> str:
    hits = kb.search(marker, k=3)
    return hits[0].source if hits and marker in hits[0].text else ""


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_case(case: Case, batch: tuple[Path, Path], cli_for, make_kb) -> None:
    data, inbox = batch
    bad = case.make(inbox)
    env: dict[str, str | None] = {"MSV_MAX_FILE_MB": None, **case.env}

    result = cli_for(data)("ingest", str(bad), str(inbox / "bra.txt"), "--json", env=env)

    out = result.json()
    assert set(out) >= {"added", "updated", "unchanged", "chunks", "failed"}
    if case.reasons:
        assert result.exit_code == 2, result.stderr
        assert out["failed"], "ett fel skulle ha rapporterats"
        for f in out["failed"]:
            assert bad.name in f["path"]
            assert f["error"].strip() and "Traceback" not in f["error"]
        errors = " | ".join(f["error"] for f in out["failed"]).lower()
        for reason in case.reasons:
            assert reason.lower() in errors
    else:
        assert result.exit_code == 0, out
        assert out["failed"] == []
    assert out["added"] == 1 + case.added

    kb = make_kb(data)
    assert _top_source(kb, BEFORE_MARKER).endswith("befintlig.txt")
    assert _top_source(kb, GOOD_MARKER).endswith("bra.txt")
    for marker in case.find:
        assert bad.name in _top_source(kb, marker)
    if case.decoded:
        assert case.decoded in kb.search(case.find[0], k=1)[0].text
    stats = kb.stats()
    assert stats["points"] == stats["chunks"]
    assert stats["documents"] == 1 + out["added"]


def test_whole_table_in_one_batch(tmp_path: Path, stored_before: Path, cli_for, make_kb) -> None:
    """All bad inputs in one run: every bad file is reported, nothing else is lost."""
    data = tmp_path / "data"
    shutil.copytree(stored_before, data)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bra.txt").write_text(f"Ett bra dokument om {GOOD_MARKER}.", encoding="utf-8")
    bad = [case.make(inbox) for case in CASES]

    result = cli_for(data)("ingest", *map(str, bad), str(inbox / "bra.txt"), "--json", env={"MSV_MAX_FILE_MB": "1"})

    assert result.exit_code == 2
    out = result.json()
    failed_paths = " ".join(f["path"] for f in out["failed"])
    for case, path in zip(CASES, bad):
        assert (path.name in failed_paths) == bool(case.reasons), case.id
    kb = make_kb(data)
    for marker in (BEFORE_MARKER, GOOD_MARKER) + tuple(m for c in CASES for m in c.find):
        assert _top_source(kb, marker), marker
