"""File loaders: one function per file type, chosen from a suffix map.

Each loader turns one file into Documents made of Blocks (paragraphs with section and page).
Failures raise IngestError naming the file and why, in Swedish, so the user can fix them."""

from __future__ import annotations

import email
import email.policy
import gzip
import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .documents import Block, Document, stable_id
from .errors import IngestError
from .swedish import is_heading, reflow

log = logging.getLogger(__name__)

# A loader yields Documents; a multi-document file (JSONL) yields an IngestError for a bad
# record in its place and carries on with the next one.
Loader = Callable[[Path], Iterator["Document | IngestError"]]

_HEADING_MD = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")


def read_text(path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(str(path), "filen är tom")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise IngestError(str(path), "binärfil, inte text (byt filändelse eller konvertera till text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        log.warning("%s: inte UTF-8, läst som Windows-1252", path)
        return text


def _doc(path: Path, blocks: list[Block], title: str = "") -> Document:
    blocks = [b for b in blocks if b.text.strip()]
    if not blocks:
        raise IngestError(str(path), "ingen text kunde extraheras ur filen")
    source = str(path.resolve())
    return Document(doc_id=stable_id(source), source=source, blocks=blocks, title=title)


def _markdown_blocks(text: str, page: int | None = None) -> tuple[list[Block], str]:
    """Paragraphs under their nearest Markdown heading; also returns the first heading."""
    blocks: list[Block] = []
    section, title = "", ""
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block(" ".join(para), section, page))
            para.clear()

    for line in text.splitlines():
        m = _HEADING_MD.match(line.strip())
        if m:
            flush()
            section = m.group(2).strip()
            title = title or section
        elif not line.strip():
            flush()
        elif line.lstrip().startswith(("- ", "* ", "• ", "|")) and para:
            flush()
            para.append(line.strip())
        else:
            para.append(line.strip())
    flush()
    return blocks, title


_PAGE_HEAD = re.compile(r"^ (\S.*)$")


def _pdf_text_blocks(text: str) -> list[Block]:
    """Text extracted from a PDF: pages start with a form feed or with an indented heading line."""
    lines = text.replace("\r\n", "\n").split("\n")
    pages: list[tuple[str, list[str]]] = []
    heading, body = "", []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _PAGE_HEAD.match(line) if not line.startswith("  ") else None
        if "\f" in line or m:
            if body or heading:
                pages.append((heading, body))
            heading, body = "", []
            line = line.replace("\f", "")
            if m:
                heading = m.group(1).strip()
                nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
                # A heading wrapped over two lines ("1. Utvecklad administrativ" / "kapacitet").
                if line.endswith(" ") and nxt and len(nxt) < 40 and not nxt.endswith("."):
                    heading = f"{heading} {nxt}"
                    i += 1
                i += 1
                continue
        body.append(line)
        i += 1
    pages.append((heading, body))
    blocks: list[Block] = []
    for n, (head, body_lines) in enumerate(pages, start=1):
        paras = [p.strip() for p in reflow("\n".join(body_lines)).split("\n\n") if p.strip() and not p.strip().isdigit()]
        blocks.extend(_with_subheadings(paras, reflow(head), n))
    return blocks


def _with_subheadings(paras: list[str], head: str, page: int) -> Iterator[Block]:
    """A page's paragraphs as blocks. A lone heading line travels as the section of the paragraphs
    under it ("3. Kommunikation – Kommunikation är avgörande …"), never inside a sentence; a run of
    heading-like lines is a list and stays one block, a line per item."""
    sub = ""
    i = 0
    while i < len(paras):
        run = i
        while run < len(paras) and is_heading(paras[run]):
            run += 1
        if run - i == 1 and run < len(paras):
            sub = paras[i]
        elif run > i:
            yield Block("\n".join(paras[i:run]), " – ".join(x for x in (head, sub) if x), page)
        if run < len(paras):
            yield Block(paras[run], " – ".join(x for x in (head, sub) if x), page)
        i = run + 1


def load_text(path: Path) -> Iterator[Document]:
    text = read_text(path)
    if "\f" in text or sum(1 for ln in text.splitlines() if _PAGE_HEAD.match(ln)) >= 3:
        blocks = _pdf_text_blocks(text)
        title = ""
    else:
        blocks, title = _markdown_blocks(reflow(text).replace("\n\n", "\n\n"))
    yield _doc(path, blocks, title or path.stem.replace("_", " "))


def load_markdown(path: Path) -> Iterator[Document]:
    text = read_text(path)
    blocks, title = _markdown_blocks(text)
    yield _doc(path, blocks, title or path.stem)


def _html_to_markdown(html: str, source: str) -> tuple[str, str]:
    import trafilatura

    text = trafilatura.extract(
        html, output_format="markdown", include_comments=False, include_tables=True, favor_recall=True
    )
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else "") or ""
    return text or "", title


def load_html(path: Path) -> Iterator[Document]:
    html = read_text(path)
    text, title = _html_to_markdown(html, str(path))
    blocks, first_heading = _markdown_blocks(text)
    yield _doc(path, blocks, title or first_heading or path.stem)


def load_pdf(path: Path) -> Iterator[Document]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise IngestError(str(path), "PDF:en är lösenordsskyddad; spara en olåst kopia")
        blocks: list[Block] = []
        for n, page in enumerate(reader.pages, start=1):
            raw = page.extract_text() or ""
            page_blocks, _ = _markdown_blocks(reflow(raw), page=n)
            blocks.extend(page_blocks)
        title = (reader.metadata.title if reader.metadata and reader.metadata.title else "") or ""
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise IngestError(str(path), f"trasig eller ogiltig PDF ({e})") from e
    if not any(b.text.strip() for b in blocks):
        raise IngestError(str(path), "PDF:en saknar textlager (skannad?); kör OCR först")
    yield _doc(path, blocks, title or path.stem)


def _open_office(path: Path, opener: Callable[[str], object], what: str) -> object:
    import zipfile

    try:
        return opener(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise IngestError(str(path), f"trasig eller ogiltig {what}-fil ({type(e).__name__})") from e
    except Exception as e:  # python-docx/pptx raise their own package errors
        raise IngestError(str(path), f"kunde inte öppna {what}-filen ({e})") from e


def load_docx(path: Path) -> Iterator[Document]:
    import docx
    import docx.table

    d = _open_office(path, docx.Document, "Word")
    blocks: list[Block] = []
    section, title = "", ""
    for item in d.iter_inner_content():  # type: ignore[attr-defined]  # paragraphs and tables in document order
        if isinstance(item, docx.table.Table):  # a table's rows stay under the heading they stand under
            for row in item.rows:
                cells = [c.text.strip() for c in row.cells]
                if any(cells):
                    blocks.append(Block(" | ".join(cells), section or "Tabell"))
            continue
        text = item.text.strip()
        if not text:
            continue
        style = (item.style.name if item.style is not None else "") or ""
        if style.startswith("Heading") or style.startswith("Rubrik") or style == "Title":
            section = text
            title = title or text
        elif style.startswith(("List", "Liststycke", "Punktlista", "Numrerad lista")):
            blocks.append(Block(f"- {text}", section))  # a list item stays one, as in Markdown
        else:
            blocks.append(Block(text, section))
    core_title = d.core_properties.title or ""  # type: ignore[attr-defined]
    yield _doc(path, blocks, core_title or title or path.stem)


def load_pptx(path: Path) -> Iterator[Document]:
    from pptx import Presentation

    prs = _open_office(path, Presentation, "PowerPoint")
    blocks: list[Block] = []
    deck_title = ""
    for n, slide in enumerate(prs.slides, start=1):  # type: ignore[attr-defined]
        heading = ""
        if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
            heading = slide.shapes.title.text_frame.text.strip()
            deck_title = deck_title or heading
        for shape in slide.shapes:
            if not shape.has_text_frame or shape == slide.shapes.title:
                continue
            for para in shape.text_frame.paragraphs:
                text = "".join(r.text for r in para.runs).strip()
                if text:
                    blocks.append(Block(text, heading, n))
    yield _doc(path, blocks, deck_title or path.stem)


def load_eml(path: Path) -> Iterator[Document]:
    raw = path.read_bytes()
    if not raw.strip():
        raise IngestError(str(path), "filen är tom")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    subject = str(msg.get("subject", "") or "")
    body = msg.get_body(preferencelist=("plain", "html"))  # type: ignore[attr-defined]
    if body is None:
        raise IngestError(str(path), "e-postmeddelandet har ingen textdel")
    content = body.get_content()
    if body.get_content_type() == "text/html":
        content, _ = _html_to_markdown(content, str(path))
    blocks, _ = _markdown_blocks(reflow(content), page=None)
    doc = _doc(path, blocks, subject or path.stem)
    doc.date = _email_date(msg.get("date"))
    sender = str(msg.get("from", "") or "")
    if sender:
        doc.extra["from"] = sender
    yield doc


def _email_date(value: object) -> str:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(str(value)).date().isoformat() if value else ""
    except (TypeError, ValueError):
        return ""


_JSONL_KINDS = {"pressmeddelanden": "pressmeddelande", "regeringsuppdrag": "regeringsuppdrag"}


def load_jsonl(path: Path) -> Iterator[Document | IngestError]:
    """One document per line with ``text`` and any of title, url, kind, agency, date (or year, month).

    A bad line yields an IngestError for that line only (``file.jsonl:LINE``); iteration goes on."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        fh = opener(path, "rt", encoding="utf-8")  # type: ignore[operator]
        lines = iter(fh)
    except OSError as e:
        raise IngestError(str(path), f"kan inte läsas ({e.strerror or e})") from e
    with fh:
        n = 0
        while True:
            try:
                line = next(lines)
            except StopIteration:
                break
            except (OSError, EOFError, UnicodeDecodeError) as e:
                yield IngestError(f"{path}:{n + 1}", f"filen är trasig efter rad {n} ({e})")
                return
            n += 1
            if not line.strip():
                continue
            try:
                yield _jsonl_record(path, n, line)
            except IngestError as e:
                yield e


def _jsonl_record(path: Path, n: int, line: str) -> Document:
    where = f"{path.resolve()}:{n}"  # the source of a record without url: stable however the path was given
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise IngestError(where, f"ogiltig JSON ({e.msg})") from e
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise IngestError(where, "raden saknar fältet \"text\"")
    url = str(rec.get("url") or "")
    source = url or where
    blocks, heading = _markdown_blocks(rec["text"])
    if not blocks:
        raise IngestError(where, "ingen text")
    date = str(rec.get("date") or "")
    if not date and rec.get("year"):
        date = f"{int(rec['year']):04d}-{int(rec.get('month') or 1):02d}"
    kind = str(rec.get("kind") or "")
    return Document(
        doc_id=str(rec.get("doc_id") or stable_id(source)),
        source=source,
        blocks=blocks,
        title=str(rec.get("title") or heading or ""),
        kind=_JSONL_KINDS.get(kind, kind),
        agency=str(rec.get("agency") or ""),
        date=date,
        url=url,
    )


LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".text": load_text,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".pptx": load_pptx,
    ".eml": load_eml,
    ".jsonl": load_jsonl,
    ".jsonl.gz": load_jsonl,
}


def loader_for(path: Path) -> Loader:
    name = path.name.lower()
    for suffix in sorted(LOADERS, key=len, reverse=True):
        if name.endswith(suffix):
            return LOADERS[suffix]
    supported = ", ".join(sorted(LOADERS))
    raise IngestError(str(path), f"filtypen {path.suffix or '(ingen)'} stöds inte; stöds: {supported}")


def is_supported(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in LOADERS)
