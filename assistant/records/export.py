"""Export a filtered list of decisions: CSV (UTF-8 with BOM, so Excel reads åäö) and Word."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from .decisions import Decision

COLUMNS = [("date", "Datum"), ("body", "Organ"), ("paragraph", "Paragraf"), ("kind", "Typ"), ("text", "Beslut"),
           ("responsible", "Ansvarig"), ("deadline", "Senast"), ("title", "Dokument"), ("section", "Avsnitt"),
           ("page", "Sida"), ("source", "Källa"), ("id", "Id")]


def shown_source(source: str) -> str:
    """A source as a memo's reader may see it: a web address whole, a file by its name alone (a memo or an
    export is read outside the server; the folder it was read from says nothing to its reader)."""
    if re.match(r"https?://", source or ""):
        return source
    return re.split(r"[\\/]", source or "")[-1]


def to_csv(decisions: Sequence[Decision], path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([label for _, label in COLUMNS])
        for d in decisions:
            w.writerow([shown_source(d.source) if key == "source" else "" if getattr(d, key) is None else getattr(d, key)
                        for key, _ in COLUMNS])
    return path


def to_docx(decisions: Sequence[Decision], path: Path, title: str = "Beslutsregister") -> Path:
    from docx import Document

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.language = "sv-SE"
    doc.add_heading(title, level=0)
    doc.add_paragraph(f"{len(decisions)} beslut, nyast först eller efter relevans.")
    for d in decisions:
        doc.add_heading(f"{d.date or 'odaterat'} {d.body} {d.paragraph}".strip(), level=2)
        doc.add_paragraph(d.text)
        facts = [f"Typ: {d.kind}"]
        if d.responsible:
            facts.append(f"Ansvarig: {d.responsible}")
        if d.deadline:
            facts.append(f"Senast: {d.deadline}")
        doc.add_paragraph("; ".join(facts))
        where = ", ".join(x for x in (d.section, f"s. {d.page}" if d.page else "") if x)
        doc.add_paragraph(f"Källa: {d.title}{' – ' + where if where else ''} ({shown_source(d.source)})", style="Intense Quote")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
