"""Status from lägesbedömningar: the traffic-light verdict (grön/gul/röd) per activity, read from
the template's table (DOCX or Markdown) or from "Status: Grön" lines under an activity heading,
and what changed since a working group's previous report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from ingest.documents import Block

from .meeting import meeting_body, meeting_date, period_key, period_of

COLOURS = ("grön", "gul", "röd")
_COLOUR = {"grön": "grön", "grönt": "grön", "gröna": "grön", "green": "grön",
           "gul": "gul", "gult": "gul", "gula": "gul", "yellow": "gul",
           "röd": "röd", "rött": "röd", "röda": "röd", "red": "röd"}
_STATUS_LINE = re.compile(r"^\W*(?:status|bedömning|statusbedömning)\s*:\s*(?P<colour>\w+)\b[\s.,;:–-]*(?P<rest>.*)$",
                          re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^\W*(?:kommentar|motivering|kommentarer)\s*:\s*(?P<text>.*)$", re.IGNORECASE)
_ACTIVITY_LINE = re.compile(r"^\W*aktivitet(?:\s+\d+)?\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s|:\-–]+$")
_GENERIC_SECTIONS = re.compile(r"^(?:aktiviteter|status|lägesbedömning|tabell|samlad bedömning)$", re.IGNORECASE)


@dataclass(frozen=True)
class ActivityStatus:
    activity: str
    status: str
    comment: str
    section: str = ""
    page: int | None = None


@dataclass
class StatusReport:
    doc_id: str
    group: str
    period: str
    date: str
    source: str
    title: str
    activities: list[ActivityStatus] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"group": self.group, "period": self.period, "date": self.date, "source": self.source,
                "title": self.title, "doc_id": self.doc_id,
                "activities": [{"activity": a.activity, "status": a.status, "comment": a.comment}
                               for a in self.activities]}

    def counts(self) -> dict[str, int]:
        return {c: sum(1 for a in self.activities if a.status == c) for c in COLOURS}


def colour(word: str) -> str | None:
    """"Grön", "gult", "Röd" → grön, gul, röd; anything else → None."""
    return _COLOUR.get(word.strip().strip("*_.:").lower())


def _cells(text: str) -> list[str] | None:
    """A table row as the loaders give it: "a | b | c" (DOCX) or "| a | b | c |" (Markdown)."""
    if "|" not in text:
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells if len(cells) >= 2 else None


def _column(header: list[str], *names: str) -> int | None:
    for i, h in enumerate(header):
        if any(n in h.lower() for n in names):
            return i
    return None


def parse_status(blocks: Sequence[Block]) -> list[ActivityStatus]:
    """Every activity's status in one report, in document order."""
    out: list[ActivityStatus] = []
    cols: tuple[int, int, int | None] | None = None  # activity, status, comment
    pending: ActivityStatus | None = None  # a Status line waiting for its Kommentar line
    named: str = ""  # from an "Aktivitet: X" line
    for block in blocks:
        text = block.text.strip()
        cells = _cells(text)
        if cells is not None:
            if _SEPARATOR.match(text):
                continue
            st = _column(cells, "status", "bedömning", "färg")
            act = _column(cells, "aktivitet", "insats", "delmål", "område")
            if st is not None and colour(cells[st]) is None:
                cols = (act if act is not None else 0, st, _column(cells, "kommentar", "motivering", "åtgärd"))
                continue
            if cols is None:  # no header seen: the first cell holding a colour is the status
                st = next((i for i, c in enumerate(cells) if colour(c)), None)
                if st is None or st == 0:
                    continue
                cols = (0, st, st + 1 if st + 1 < len(cells) else None)
            a, s, c = cols
            if max(a, s) < len(cells) and (value := colour(cells[s])):
                comment = cells[c] if c is not None and c < len(cells) else ""
                out.append(ActivityStatus(cells[a], value, comment, block.section, block.page))
            continue
        if m := _ACTIVITY_LINE.match(text):
            named = m.group("name")
            continue
        if m := _STATUS_LINE.match(text):
            value = colour(m.group("colour"))
            if value is None:
                continue
            name = named or (block.section if not _GENERIC_SECTIONS.match(block.section or "") else "")
            if not name:
                continue
            pending = ActivityStatus(name, value, m.group("rest").strip(), block.section, block.page)
            out.append(pending)
            named = ""
            continue
        if pending is not None and (m := _COMMENT_LINE.match(text)) and not pending.comment:
            out[-1] = ActivityStatus(pending.activity, pending.status, m.group("text").strip(), pending.section,
                                     pending.page)
            pending = None
            continue
        pending = None
    return out


def extract_report(blocks: Sequence[Block], *, doc_id: str, title: str, source: str, date: str = "") -> StatusReport:
    when = meeting_date(title, blocks, date)
    return StatusReport(doc_id=doc_id, group=meeting_body(title, blocks, source), period=period_of(title, blocks, when),
                        date=when, source=source, title=title, activities=parse_status(blocks))


def changes(previous: StatusReport | None, current: StatusReport) -> list[dict[str, str | None]]:
    """Activities whose colour differs from the group's previous report (new and dropped ones too)."""
    if previous is None:
        return []
    before = {a.activity.lower(): a for a in previous.activities}
    now = {a.activity.lower(): a for a in current.activities}
    out: list[dict[str, str | None]] = []
    for key, a in now.items():
        old = before.get(key)
        if old is None or old.status != a.status:
            out.append({"activity": a.activity, "previous": old.status if old else None, "current": a.status})
    for key, old in before.items():
        if key not in now:
            out.append({"activity": old.activity, "previous": old.status, "current": None})
    return out


def summarize(reports: Sequence[StatusReport]) -> list[dict[str, object]]:
    """Per group and period: counts by colour and what changed since the group's previous period."""
    by_group: dict[str, list[StatusReport]] = {}
    for r in reports:
        by_group.setdefault(r.group, []).append(r)
    out: list[dict[str, object]] = []
    for group in sorted(by_group):
        ordered = sorted(by_group[group], key=lambda r: (period_key(r.period), r.date))
        for i, r in enumerate(ordered):
            out.append({"group": group, "period": r.period, **r.counts(),
                        "changed_since_previous": changes(ordered[i - 1] if i else None, r)})
    return out


__all__ = ["COLOURS", "ActivityStatus", "StatusReport", "asdict", "changes", "colour", "extract_report",
           "parse_status", "summarize"]
