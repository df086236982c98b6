"""Briefing memo (PM) drafts in MSV's fixed structure — Rubrik, Sammanfattning, Bakgrund,
Aktuellt läge, Överväganden, Horisontella perspektiv, Källor — with every statement cited, and
export to Markdown and Word (real heading styles, numbered references)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.swedish import tokenize

from .base import Answer, Citation
from .verify import split_cited, strip_marks

if TYPE_CHECKING:
    from ingest.store import SearchFilter

    from .base import Engine

SECTIONS = (
    ("Bakgrund", "{topic}"),
    ("Aktuellt läge", "Vad har gjorts om {topic}?"),
    ("Överväganden", "Vilka förslag och bedömningar finns om {topic}?"),
)
PERSPECTIVES = ("jämställdhet", "tillgänglighet", "icke-diskriminering", "miljömässig hållbarhet")


@dataclass
class Memo:
    topic: str
    sections: dict[str, list[str]] = field(default_factory=dict)  # heading → cited sentences
    sources: list[Citation] = field(default_factory=list)  # numbered 1..n

    @property
    def title(self) -> str:
        return f"PM: {self.topic[:1].upper()}{self.topic[1:]}"

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "topic": self.topic, "sections": self.sections,
                "sources": [{**c.as_dict(), "agency": c.agency, "date": c.date} for c in self.sources]}


class _Numbering:
    def __init__(self) -> None:
        self.sources: list[Citation] = []
        self._index: dict[tuple[str, str], int] = {}

    def number(self, c: Citation) -> int:
        key = (c.doc_id, c.text)
        if key not in self._index:
            n = len(self.sources) + 1
            self._index[key] = n
            self.sources.append(Citation(n, c.doc_id, c.title, c.source, c.section, c.page, c.text,
                                         c.kind, c.agency, c.date))
        return self._index[key]

    def renumber(self, answer: Answer, seen: set[str], *, must_contain: str = "") -> list[str]:
        """The answer's cited sentences with memo-wide numbers; repeats and (optionally) sentences
        without a required word are left out."""
        out = []
        need = set(tokenize(must_contain))
        for sentence, ns in split_cited(answer.answer):
            plain = strip_marks(sentence)
            if plain in seen or not ns:
                continue
            if need and not need & set(tokenize(plain)):
                continue
            cites = [answer.citation(n) for n in ns]
            marks = "".join(f"[{self.number(c)}]" for c in cites if c is not None)
            seen.add(plain)
            out.append(f"{plain} {marks}")
        return out


def draft_memo(topic: str, engine: Engine, *, flt: SearchFilter | None = None) -> Memo:
    """``flt`` (with the reader's access groups) restricts every search behind the memo."""
    memo = Memo(topic.strip())
    numbering = _Numbering()
    seen: set[str] = set()
    for heading, query in SECTIONS:
        answer = engine.answer(query.format(topic=memo.topic), flt=flt)
        memo.sections[heading] = numbering.renumber(answer, seen) if answer.grounded else []
    perspectives = []
    lenient = _lenient(engine)
    for p in PERSPECTIVES:
        said: list[str] = []
        for query in (f"{p} {memo.topic}", f"Vad innebär {p} i MSV KLL?"):
            answer = lenient.answer(query, flt=flt)
            said = numbering.renumber(answer, set(seen), must_contain=p.split()[-1]) if answer.grounded else []
            if said:
                break
        perspectives.append(f"{p.capitalize()}: " + " ".join(said) if said
                            else f"{p.capitalize()}: underlaget säger inget om {p} i denna fråga.")
    memo.sections["Horisontella perspektiv"] = perspectives
    summary = [s[0] for s in (memo.sections[h] for h, _ in SECTIONS) if s]
    memo.sections = {"Sammanfattning": summary or ["Underlaget innehåller inget om ämnet."], **memo.sections}
    memo.sources = numbering.sources
    return memo


def _lenient(engine: Engine) -> Engine:
    """For the perspectives the sources seldom tie to the topic: the extractive engine with a lower
    coverage bar (each kept sentence must still name the perspective)."""
    from .extractive import ExtractiveEngine

    if isinstance(engine, ExtractiveEngine):
        return ExtractiveEngine(engine.kb, min_coverage=0.25)
    return engine


def source_line(c: Citation) -> str:
    where = ", ".join(x for x in (c.section, f"s. {c.page}" if c.page else "") if x)
    parts = [c.title or c.doc_id, c.agency, c.date, where, c.source]
    return " — ".join(p for p in parts if p)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_{}<>#|])", r"\\\1", text)


def to_markdown(memo: Memo) -> str:
    lines = [f"# {_md_escape(memo.title)}", ""]
    for heading, sentences in memo.sections.items():
        lines += [f"## {heading}", ""]
        if heading == "Horisontella perspektiv":
            lines += [f"- {_md_escape(s)}" for s in sentences]
        elif sentences:
            lines.append(" ".join(_md_escape(s) for s in sentences))
        else:
            lines.append("Underlaget säger inget om detta.")
        lines.append("")
    lines += ["## Källor", ""]
    lines += [f"{c.n}. {_md_escape(source_line(c))}" for c in memo.sources]
    return "\n".join(lines).rstrip() + "\n"


def to_docx(memo: Memo, path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.core_properties.title = memo.title
    doc.core_properties.language = "sv-SE"
    doc.add_heading(memo.title, level=0)
    for heading, sentences in memo.sections.items():
        doc.add_heading(heading, level=1)
        if heading == "Horisontella perspektiv":
            for s in sentences:
                doc.add_paragraph(s, style="List Bullet")
        else:
            doc.add_paragraph(" ".join(sentences) if sentences else "Underlaget säger inget om detta.")
    doc.add_heading("Källor", level=1)
    for c in memo.sources:
        doc.add_paragraph(source_line(c), style="List Number")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def export(memo: Memo, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return to_docx(memo, path)
    if path.suffix.lower() in (".md", ".markdown"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_markdown(memo), encoding="utf-8")
        return path
    from ingest.errors import ConfigError

    raise ConfigError(f"okänt filformat {path.suffix!r} för {path}; använd .docx eller .md")
