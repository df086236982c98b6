"""Bounded-parsing benchmark: what the zip-bomb check and the parse worker cost, and what a bomb
costs other users. Prints: the time to refuse the 25 MB bomb of the adversarial pass (24 MB of XML
packed into a few kB, padded with a random picture), the parse time of an ordinary DOCX in the
worker process against in-process, and search latency p50/p95 alone and while the bomb and a
batch of ordinary files are ingested on another thread (target: a search never waits for a parse).
Run: python evals/bench_bomb.py [--searches 40]"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.offline import local_first_defaults  # noqa: E402

local_first_defaults()

import docx  # noqa: E402

from ingest.kb import KbConfig, KnowledgeBase  # noqa: E402
from ingest.loaders import load_docx  # noqa: E402
from ingest.sandbox import Parser  # noqa: E402

MB = 1024 * 1024
PARAGRAPH = b"<w:p><w:r><w:t>Zipbomben upprepar samma mening om och om igen.</w:t></w:r></w:p>"


def make_docx(path: Path, text: str) -> Path:
    d = docx.Document()
    for i in range(20):
        d.add_paragraph(f"{text} Stycke {i} om validering, vägledning och kompetensförsörjning.")
    d.save(str(path))
    return path


def make_bomb(path: Path) -> Path:
    plain = make_docx(path.with_name("plain.docx"), "Bomb")
    import os

    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", PARAGRAPH * (24 * MB // len(PARAGRAPH)) + b"</w:body>", 1)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        out.writestr("word/media/image1.png", os.urandom(24 * MB), compress_type=zipfile.ZIP_STORED)
    return path


def ms(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"p50 {statistics.median(xs) * 1000:.0f} ms, p95 {xs[int(0.95 * (len(xs) - 1))] * 1000:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--searches", type=int, default=40)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="msv-bench-bomb-"))
    bomb = make_bomb(root / "zipbomb.docx")
    ordinary = [make_docx(root / f"vanlig-{i}.docx", f"Dokument {i}.") for i in range(10)]

    parser = Parser()
    t = time.perf_counter()
    try:
        list(parser(bomb))
    except Exception as e:  # noqa: BLE001 - the refusal is the point
        refused = time.perf_counter() - t
        print(f"bomb ({bomb.stat().st_size / MB:.1f} MB) refused in {refused * 1000:.0f} ms "
              f"(first worker start included): {e}")
    worker = []
    for p in ordinary:
        t = time.perf_counter()
        list(parser(p))
        worker.append(time.perf_counter() - t)
    inline = []
    for p in ordinary:
        t = time.perf_counter()
        list(load_docx(p))
        inline.append(time.perf_counter() - t)
    print(f"ordinary DOCX: worker {ms(worker)}; in-process {ms(inline)}")

    with KnowledgeBase(KbConfig(data_dir=root / "data")) as kb:
        kb.ingest_all(ordinary[:2])
        alone = []
        for _ in range(args.searches):
            t = time.perf_counter()
            with kb.lock:  # as the app does
                kb.search("validering och vägledning", 10)
            alone.append(time.perf_counter() - t)
        done = threading.Event()

        def ingest() -> None:
            kb.ingest_all([bomb, *ordinary[2:]])
            done.set()

        busy = []
        threading.Thread(target=ingest).start()
        while not done.is_set() or len(busy) < args.searches:
            t = time.perf_counter()
            with kb.lock:
                kb.search("validering och vägledning", 10)
            busy.append(time.perf_counter() - t)
        print(f"search alone: {ms(alone)}; during the bomb and 8 ingests: {ms(busy)} ({len(busy)} searches)")


if __name__ == "__main__":
    main()
