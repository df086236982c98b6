"""Helpers for the core tests: golden files written on demand (one small document per file
type, each with a unique nonsense marker word that only its own document matches lexically) and
`msv` run as a real process.

A uniquely named helper module (not conftest) so test files can import it without clashing
with other packages' conftest modules."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def write_txt(path: Path, marker: str) -> Path:
    path.write_text(
        "Stockholm den 14 maj 2025\n\n"
        f"Myndigheterna har gemensamt gått igenom frågan om {marker} och kommit fram till att\n"
        "arbetet bör fortsätta under nästa år med samma inriktning.\n",
        encoding="utf-8",
    )
    return path


def write_md(path: Path, marker: str) -> Path:
    path.write_text(
        "# Minnesanteckningar från arbetsgruppen\n\n"
        "## Närvarande\n\nRepresentanter för fem myndigheter deltog.\n\n"
        f"## Beslut om {marker}\n\nGruppen beslutade att {marker} ska utredas vidare till hösten.\n",
        encoding="utf-8",
    )
    return path


def write_html(path: Path, marker: str) -> Path:
    path.write_text(
        "<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>Nyheter om samverkan</title></head>"
        "<body><nav>Meny Hem Kontakt</nav><article><h1>Nyheter om samverkan</h1>"
        "<p>Samverkan mellan myndigheter har utvecklats under året och fler aktörer deltar nu i arbetet.</p>"
        "<h2>Nytt arbetssätt</h2>"
        f"<p>Ett nytt arbetssätt kallat {marker} prövas under våren i tre regioner med goda resultat.</p>"
        "</article><footer>Sidfot</footer></body></html>",
        encoding="utf-8",
    )
    return path


def write_pdf(path: Path, markers: tuple[str, str], title: str = "") -> Path:
    """Two pages, one marker on each."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    if title:
        pdf.set_title(title)
    for n, marker in enumerate(markers, start=1):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"Sidan {n} i rapporten beskriver {marker} och hur det påverkar kompetensförsörjningen.")
    pdf.output(str(path))
    return path


def write_pdf_without_text(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path


def write_docx(path: Path, marker: str, title: str) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = title
    d.add_heading("Bakgrund", level=1)
    d.add_paragraph("Uppdraget gavs av regeringen och omfattar flera myndigheter.")
    d.add_heading("Förslag till åtgärder", level=1)
    d.add_paragraph(f"Vi föreslår att {marker} införs stegvis med början nästa år.")
    d.save(str(path))
    return path


def write_pptx(path: Path, marker: str) -> Path:
    """Three slides; the marker is on slide 2, titled "Mål för året"."""
    from pptx import Presentation

    prs = Presentation()
    slides = [("Arbetsplan 2025", "Översikt av årets arbete"), ("Mål för året", f"Vi ska genomföra {marker} i alla län"),
              ("Avslutning", "Frågor och diskussion")]
    for heading, body in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = heading
        slide.placeholders[1].text = body
    prs.save(str(path))
    return path


def write_eml(path: Path, marker: str, subject: str) -> Path:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "kansliet@example.se"
    msg["To"] = "gruppen@example.se"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 03 Jun 2025 09:30:00 +0200"
    msg.set_content(f"Hej!\n\nInför mötet vill vi påminna om att {marker} står på dagordningen.\n\nVänliga hälsningar\nKansliet\n")
    path.write_bytes(bytes(msg))
    return path


def jsonl_records(markers: tuple[str, str], url: str) -> list[dict[str, object]]:
    """Two records: full metadata with a date, and year/month instead of a date."""
    return [
        {"title": "Regeringen ger uppdrag om validering", "url": url, "kind": "regeringsuppdrag",
         "agency": "Utbildningsdepartementet", "date": "2024-03-15",
         "text": f"Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att utveckla {markers[0]} i hela landet."},
        {"title": "Pressmeddelande om vuxenutbildning", "kind": "pressmeddelanden", "agency": "Regeringen",
         "year": 2023, "month": 4,
         "text": f"Satsningen på {markers[1]} i vuxenutbildningen förlängs enligt regeringen."},
    ]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path


# A small corpus with varied metadata (set by sidecars) for filter and backend tests.
FILTER_CORPUS = {
    "a.txt": ("rapport", "MYH", "2023-05-10",
              "Rapporten om samverkan beskriver hur validering av yrkeskunnande kan göras enklare för vuxna."),
    "b.txt": ("protokoll", "UHR", "2024-02-01",
              "Protokoll från mötet om samverkan: gruppen beslutade att ta fram en gemensam lägesbild."),
    "c.txt": ("promemoria", "MYH", "2025-01-15",
              "Promemorian om samverkan föreslår en ny modell för finansiering av yrkeshögskolan."),
    "d.txt": ("rapport", "Skolverket", "2025-06-30",
              "Skolverkets rapport om samverkan visar att vuxenutbildningen behöver fler lärare i regionerna."),
}


def write_filter_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (kind, agency, date, text) in FILTER_CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.toml").write_text(
            f'kind = "{kind}"\nagency = "{agency}"\ndate = "{date}"\n', encoding="utf-8")
    return folder


def msv_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSV_")}
    env.update(HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", MSV_CONFIG="/nonexistent/msv.toml", **extra)
    return env


def msv_command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "--data-dir", str(data_dir), *args]


def run_msv(data_dir: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300
            ) -> subprocess.CompletedProcess[str]:
    """`msv` as a real process (its own model load), as a user or another tool runs it."""
    return subprocess.run(msv_command(data_dir, *args), cwd=REPO, env=env or msv_env(), capture_output=True,
                          text=True, timeout=timeout, check=False)


@contextmanager
def both_backends(root: Path, embedder: Any, docs: list[Any]) -> Iterator[dict[str, Any]]:
    """The same documents in the embedded Edge store and in a local Qdrant (the server store's
    code path), each ingested whole; closed afterwards."""
    from ingest.kb import KbConfig, KnowledgeBase

    edge = KnowledgeBase(KbConfig(data_dir=root / "edge"), embedder=embedder)
    server = KnowledgeBase(KbConfig(data_dir=root / "server-data", qdrant_path=str(root / "qdrant")), embedder=embedder)
    try:
        for kb in (edge, server):
            assert all(r.status == "added" for r in kb.ingest_documents(docs))
        yield {"edge": edge, "server": server}
    finally:
        edge.close()
        server.close()
