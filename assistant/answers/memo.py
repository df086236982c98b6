"""Briefing memo (PM) drafts in MSV's fixed structure — Rubrik, Sammanfattning (at most three
sentences), Bakgrund, Aktuellt läge, Överväganden, Förslag och nästa steg, Horisontella
perspektiv, Källor — with every statement cited, no sentence twice, the sections the documents
could not fill named, and export to Markdown and Word (real heading styles, numbered references)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.glossary import load_glossary
from ingest.swedish import tokenize

from ..records.export import shown_source
from .base import Answer, Citation
from .verify import split_cited, strip_marks

if TYPE_CHECKING:
    from ingest.store import SearchFilter

    from .base import Engine

# The house structure: each section is drafted from answers to its own questions about the topic.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Bakgrund", ("{topic}", "Varför är {topic} viktigt?", "Vad innebär {topic}?")),
    ("Aktuellt läge", ("Vad har gjorts om {topic}?", "Hur ser läget ut för {topic}?")),
    ("Överväganden", ("Vilka bedömningar och utmaningar finns om {topic}?", "Vilka förslag finns om {topic}?")),
    ("Förslag och nästa steg", ("Vilka rekommendationer finns om {topic}?", "Vilka är nästa steg för {topic}?")),
)
PERSPECTIVES = ("jämställdhet", "tillgänglighet", "icke-diskriminering", "miljömässig hållbarhet")
SUMMARY_MAX = 3
SECTION_MAX = 4
MIN_WORDS = 6
NEAR_DUPLICATE = 0.6  # word overlap (Jaccard) above which a sentence says what another already said
EMPTY = "Underlaget säger inget om detta."


@dataclass
class Memo:
    topic: str
    sections: dict[str, list[str]] = field(default_factory=dict)  # heading → cited sentences
    sources: list[Citation] = field(default_factory=list)  # numbered 1..n

    @property
    def title(self) -> str:
        return f"PM: {self.topic[:1].upper()}{self.topic[1:]}"

    @property
    def unfilled(self) -> list[str]:
        """The sections the documents could not fill (said in the memo itself)."""
        return [h for h, sentences in self.sections.items() if not sentences]

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "topic": self.topic, "sections": self.sections, "unfilled": self.unfilled,
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

    def cite(self, sentence: str, cites: list[Citation]) -> str:
        """``sentence`` with memo-wide numbers for its passages."""
        return f"{sentence} " + "".join(f"[{self.number(c)}]" for c in cites)

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


@dataclass
class _Candidate:
    text: str  # the sentence without markers
    cites: list[Citation]
    rank: int  # its place among its section's answers (lower is more relevant)
    words: frozenset[str]


def _topic_forms(topic: str) -> list[frozenset[str]]:
    """The topic's words, and those of its other names in the glossary ("RUA" for "regionalt
    utvecklingsansvariga")."""
    forms = [frozenset(tokenize(topic, compounds=False, prefixes=False))]
    low = topic.lower()
    for short, longs in load_glossary().items():
        if short.lower() in low.split() or any(x.lower() in low for x in longs):
            forms += [frozenset(tokenize(x, compounds=False, prefixes=False)) for x in (short, *longs)]
    return [f for f in forms if f]


def _about(forms: list[frozenset[str]], c: Citation) -> bool:
    """Whether a cited passage (with its heading and title) is about the memo's topic: it has at
    least half of the words of one of the topic's names."""
    have = set(tokenize(f"{c.title} {c.section} {c.text}"))
    return any(len(f & have) * 2 >= len(f) for f in forms)


def _candidates(engine: Engine, queries: tuple[str, ...], topic: str, flt: SearchFilter | None) -> list[_Candidate]:
    """Cited sentences answering a section's questions, from passages about the topic."""
    about = _topic_forms(topic)
    out: list[_Candidate] = []
    for query in queries:
        answer = engine.answer(query.format(topic=topic), flt=flt)
        if not answer.grounded:
            continue
        for sentence, ns in split_cited(answer.answer):
            cites = [c for c in (answer.citation(n) for n in ns) if c is not None]
            plain = strip_marks(sentence)
            # a bare list item is no statement for prose; a passage about something else is no source
            if cites and len(plain.split()) >= MIN_WORDS and all(_about(about, c) for c in cites):
                out.append(_Candidate(plain, cites, len(out), frozenset(tokenize(plain, prefixes=False))))
    return out


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _pick(pool: list[_Candidate], taken: list[_Candidate], limit: int) -> list[_Candidate]:
    """Maximal marginal relevance: the most relevant candidates that repeat nothing already in the
    memo (no sentence twice, no near-duplicate)."""
    chosen: list[_Candidate] = []
    for c in sorted(pool, key=lambda c: c.rank):
        if len(chosen) >= limit:
            break
        if any(c.text == t.text or _similar(c.words, t.words) > NEAR_DUPLICATE for t in taken + chosen):
            continue
        chosen.append(c)
    return chosen


def draft_memo(topic: str, engine: Engine, *, flt: SearchFilter | None = None) -> Memo:
    """A PM in the house structure. Each section is drafted from its own questions; the summary
    takes the strongest distinct statements, and no sentence appears twice in the memo. ``flt``
    (with the reader's access groups) restricts every search behind it."""
    memo = Memo(topic.strip())
    numbering = _Numbering()
    pools = {heading: _candidates(engine, queries, memo.topic, flt) for heading, queries in SECTIONS}
    taken: list[_Candidate] = []
    leads = [pool[0] for pool in pools.values() if pool]  # each section's strongest statement
    summary = _pick(leads, taken, SUMMARY_MAX)
    taken += summary
    drafted: dict[str, list[_Candidate]] = {}
    for heading, _ in SECTIONS:
        drafted[heading] = _pick(pools[heading], taken, SECTION_MAX)
        taken += drafted[heading]
    memo.sections["Sammanfattning"] = [numbering.cite(c.text, c.cites) for c in summary]
    for heading, chosen in drafted.items():
        memo.sections[heading] = [numbering.cite(c.text, c.cites) for c in chosen]
    memo.sections["Horisontella perspektiv"] = _perspectives(memo.topic, engine, numbering, {c.text for c in taken}, flt)
    memo.sources = numbering.sources
    return memo


def _perspectives(topic: str, engine: Engine, numbering: _Numbering, seen: set[str],
                  flt: SearchFilter | None) -> list[str]:
    """One line per horizontal perspective: what the documents say of it here, or that they say nothing."""
    lines = []
    lenient = _lenient(engine)
    for p in PERSPECTIVES:
        said: list[str] = []
        for query in (f"{p} {topic}", f"Vad innebär {p} i MSV KLL?"):
            answer = lenient.answer(query, flt=flt)
            said = numbering.renumber(answer, seen, must_contain=p.split()[-1]) if answer.grounded else []
            if said:
                break
        lines.append(f"{p.capitalize()}: " + " ".join(said) if said
                     else f"{p.capitalize()}: underlaget säger inget om {p} i denna fråga.")
    return lines


def _lenient(engine: Engine) -> Engine:
    """For the perspectives the sources seldom tie to the topic: the extractive engine with a lower
    coverage bar (each kept sentence must still name the perspective)."""
    from .extractive import ExtractiveEngine

    if isinstance(engine, ExtractiveEngine):
        return ExtractiveEngine(engine.kb, min_coverage=0.25)
    return engine


def source_line(c: Citation) -> str:
    where = ", ".join(x for x in (c.section, f"s. {c.page}" if c.page else "") if x)
    parts = [c.title or c.doc_id, c.agency, c.date, where, shown_source(c.source)]
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
            lines.append(EMPTY)
        lines.append("")
    if memo.unfilled:
        lines += [f"*Underlaget räckte inte till avsnitten: {', '.join(memo.unfilled)}.*", ""]
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
            doc.add_paragraph(" ".join(sentences) if sentences else EMPTY)
    if memo.unfilled:
        doc.add_paragraph(f"Underlaget räckte inte till avsnitten: {', '.join(memo.unfilled)}.", style="Intense Quote")
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
