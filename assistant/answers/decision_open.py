"""The register's sentences: one decision as written, cited to its minutes paragraph; an open
assignment with its deadline ("försenat" when passed); and the follow-up list of open assignments."""

from __future__ import annotations

from datetime import date as Date

from ingest.dates import long_date

from ..records.continuation import continuation
from ..records.decisions import TABLED, Decision
from ..records.meeting import body_name
from ..records.pairs import due_of
from ..records.threads import concerns, open_assignments
from .base import Answer, Citation

ENGINE_NAME = "beslutsregister"
MAX_DECISIONS = 10


def _paragraph(d: Decision) -> str:
    p = (d.paragraph or "").strip()
    return f"punkt {p}" if p.isdigit() else p


def decision_sentence(d: Decision, n: int) -> str:
    """One sentence: when, who, which paragraph, and the decision quoted as written, with the
    sentences after it that state what is to apply (:func:`continuation`)."""
    who = body_name(d.body)
    where = f" ({_paragraph(d)})" if d.paragraph else ""
    quote = " ".join(t for t in (d.text.strip(), continuation(d)) if t).rstrip(",;.")
    if d.kind == "uppdrag":
        lead = f"Den {long_date(d.date)} gav {who} ett uppdrag{where}"
    elif d.kind == "ställningstagande":
        lead = f"Den {long_date(d.date)} tog {who} ställning{where}"
    elif d.kind == TABLED:
        lead = f"Ärendet bordlades den {long_date(d.date)} av {who}{where}"
    else:
        lead = f"Den {long_date(d.date)} beslutade {who}{where}"
    return f"{lead}: ”{quote}” [{n}]."


def open_sentence(d: Decision, n: int, today: Date) -> str:
    due, due_text = due_of(d)
    where = f" ({_paragraph(d)})" if d.paragraph else ""
    line = f"Uppdraget den {long_date(d.date)}{where} är öppet: inget senare beslut har redovisat det"
    if due:
        overdue = due < today.isoformat()[: len(due)]
        line += f"; tidsfrist {due_text or long_date(due)}" + (" – försenat" if overdue else "")
    return f"{line} [{n}]."


def open_answer(question: str, pool: list[Decision], body: str, today: Date, *, overdue: bool = False) -> Answer | None:
    """The follow-up list: assignments (given by ``body``, or to it) that no later decision answers,
    earliest deadline first, each with its deadline and cited; with ``overdue`` (the question asks
    which have passed their deadline) only those, when there are any."""
    found = [o for o in open_assignments(pool, today) if concerns(o, body)]
    if overdue and any(o.overdue for o in found):
        found = [o for o in found if o.overdue]
    if not found:
        return None
    lines, citations = [], []
    for n, o in enumerate(found[:MAX_DECISIONS], start=1):
        d = o.decision
        lines.append(decision_sentence(d, n))
        lines.append(open_sentence(d, n, today))
        citations.append(Citation(n=n, doc_id=d.doc_id, title=d.title, source=d.source, section=d.section,
                                  page=d.page, text=d.passage or d.text, date=d.date))
    return Answer(question, "\n".join(lines), True, ENGINE_NAME, citations=citations)
