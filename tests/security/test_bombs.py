"""Bounded parsing: a 25 MB DOCX whose few kilobytes of XML unpack to 24 MB (the bomb of the
adversarial pass, padded with an incompressible picture), its PPTX twin, and an honest archive that
is simply too large are refused from the zip directory as clear per-file errors while the rest of
the batch goes in; a parse that runs over its time limit is killed; and while a bomb is being
examined another user's search completes, because the parse does not hold the store."""

from __future__ import annotations

import os
import shutil
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
from security_fixtures import World
from security_http import call, file_ref, running_app, sign_in, upload

from ingest.archives import ArchiveLimits, check_archive
from ingest.errors import IngestError
from ingest.kb import KbConfig, KnowledgeBase
from ingest.sandbox import ParseLimits, Parser

MB = 1024 * 1024
PARAGRAPH = "<w:p><w:r><w:t>Zipbomben upprepar samma mening om och om igen.</w:t></w:r></w:p>"


def _office(path: Path, kind: str) -> Path:
    """A small, valid DOCX or PPTX made by its own library."""
    if kind == "docx":
        d = docx.Document()
        d.add_paragraph("Ett vanligt dokument om validering av reell kompetens.")
        d.save(str(path))
    else:
        from pptx import Presentation

        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = "Validering"
        slide.placeholders[1].text = "En vanlig bild om validering."
        prs.save(str(path))
    return path


def bomb(path: Path, kind: str = "docx", *, xml_mb: int = 24, padding_mb: int = 24) -> Path:
    """A valid archive whose main XML part is ``xml_mb`` MB of one repeated paragraph (a few tens
    of kilobytes packed), padded with ``padding_mb`` MB of random bytes stored as a picture."""
    plain = _office(path.with_name("plain-" + path.name), kind)
    part, closing = ("word/document.xml", b"</w:body>") if kind == "docx" else ("ppt/slides/slide1.xml", b"</p:cSld>")
    filler = (PARAGRAPH.encode() if kind == "docx" else b"<!-- upprepad text -->") * (xml_mb * MB // len(PARAGRAPH))
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = data.replace(closing, filler + closing, 1)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        media = "word/media/image1.png" if kind == "docx" else "ppt/media/image1.png"
        out.writestr(media, os.urandom(padding_mb * MB), compress_type=zipfile.ZIP_STORED)
    plain.unlink()
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bombs")
    return {"docx": bomb(root / "zipbomb.docx"), "pptx": bomb(root / "zipbomb.pptx", "pptx")}


def test_the_bomb_is_what_the_pass_found(bombs: dict[str, Path]) -> None:
    with zipfile.ZipFile(bombs["docx"]) as z:
        xml = z.getinfo("word/document.xml")
    assert 24 * MB <= bombs["docx"].stat().st_size <= 25 * MB  # 25 MB compressed, the upload limit
    assert xml.file_size >= 23 * MB and xml.compress_size < 200 * 1024  # 24 MB of XML in a few kB


@pytest.mark.parametrize("kind", ["docx", "pptx"])
def test_bombs_end_as_clear_per_file_errors(world: World, bombs: dict[str, Path], tmp_path: Path, kind: str) -> None:
    good = tmp_path / "bra.txt"
    good.write_text("Ett vanligt dokument om ljungpiparnas validering.", encoding="utf-8")
    with KnowledgeBase(KbConfig(data_dir=tmp_path / "data"), embedder=world.kb.embedder) as kb:
        results = {Path(r.path).name: r for r in kb.ingest([bombs[kind], good])}
        assert results["bra.txt"].status == "added"
        failed = results[bombs[kind].name]
        assert failed.status == "failed" and "gånger när den packas upp" in failed.error
        assert "MSV_MAX_UNPACK_RATIO" in failed.error and "zip-bomb" in failed.error
        assert [d.source for d in kb.documents()] == [str(good.resolve())]


def test_an_honest_archive_over_the_unpacked_limit(tmp_path: Path) -> None:
    normal = _office(tmp_path / "stor.docx", "docx")
    with pytest.raises(IngestError, match="packas upp till"):
        check_archive(normal, ArchiveLimits(max_unpacked=10 * 1024))
    check_archive(normal)  # within the defaults
    not_zip = tmp_path / "inte-en-zip.docx"
    not_zip.write_bytes(b"ingen zip alls")
    check_archive(not_zip)  # left to the loader, which says what is wrong with it


def test_ordinary_office_files_still_parse_in_the_worker(tmp_path: Path) -> None:
    for kind in ("docx", "pptx"):
        (doc,) = Parser()(_office(tmp_path / f"vanlig.{kind}", kind))
        assert "validering" in doc.text.lower()  # type: ignore[union-attr]


def test_a_parse_over_its_time_limit_is_killed(tmp_path: Path) -> None:
    import multiprocessing

    slow = _office(tmp_path / "vanlig.docx", "docx")
    before = {p.pid for p in multiprocessing.active_children()}
    parser = Parser(ParseLimits(timeout=0.001))
    with pytest.raises(IngestError, match="tog mer än 0.001 s och avbröts"):
        list(parser(slow))
    assert not parser._idle  # the overrun worker was not kept
    assert {p.pid for p in multiprocessing.active_children()} <= before  # and is gone
    (doc,) = Parser()(slow)  # the next file gets a fresh worker
    assert "validering" in doc.text  # type: ignore[union-attr]


def test_search_completes_while_a_bomb_is_examined(world: World, bombs: dict[str, Path], tmp_path: Path) -> None:
    """bob uploads the bomb through the app; while it is being examined (held there by the test),
    anna's search completes and the store's lock is free; then the bomb ends as bob's per-file error."""
    examining, release = threading.Event(), threading.Event()
    real = world.kb.ingestor.parse

    class HeldWhileExamined:
        def __call__(self, path: Path):  # noqa: ANN204
            if path.name.endswith("zipbomb.docx"):
                examining.set()
                assert release.wait(120)
            return real(path)

    bomb_copy = tmp_path / "zipbomb.docx"
    shutil.copyfile(bombs["docx"], bomb_copy)
    world.kb.ingestor.parse = HeldWhileExamined()  # type: ignore[assignment]
    try:
        with running_app(world) as url:
            bob, anna = sign_in(url, "bob"), sign_in(url, "anna")
            path = upload(bob, "zipbomb.docx", bomb_copy.read_bytes())
            outcome: dict[str, object] = {}

            def upload_bomb() -> None:
                outcome["message"] = call(bob, "upload", [file_ref(path, "zipbomb.docx")], ["alla"])[0]
                outcome["ended"] = time.monotonic()

            def search() -> None:
                outcome["hits"] = call(anna, "search", "Kvastfenix", 5, "", "", "", "")[0]
                outcome["searched"] = time.monotonic()

            uploader = threading.Thread(target=upload_bomb)
            uploader.start()
            assert examining.wait(120), "the bomb never reached the parser"
            searcher = threading.Thread(target=search)
            searcher.start()
            searcher.join(timeout=120)
            assert not searcher.is_alive(), "the search waited for the bomb"
            assert world.kb.lock.acquire(timeout=10), "the store is held while the bomb is examined"
            world.kb.lock.release()
            assert "ended" not in outcome  # the bomb is still being examined
            release.set()
            uploader.join(timeout=300)
    finally:
        release.set()
        world.kb.ingestor.parse = real  # type: ignore[assignment]
    assert "4,2 miljoner kronor" in str(outcome["hits"])
    assert outcome["searched"] < outcome["ended"]  # type: ignore[operator]
    message = str(outcome["message"])
    assert "zipbomb.docx — misslyckades" in message and "gånger när den packas upp" in message
    assert not any(d.source.endswith("zipbomb.docx") for d in world.kb.documents())
