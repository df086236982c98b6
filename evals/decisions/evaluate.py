"""Score decision extraction and status parsing against the labels in this folder.

The labelled set is the fictional minutes and lägesbedömningar in ``tests/data/records`` (written
by its ``make_samples.py``). Files are read with the ingest loaders and metadata inference, as
``msv ingest`` would; no embedding model is needed."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.records.blocks import load_file
from assistant.records.decisions import (
    DECISION_KINDS,
    Decision,
    DocMeta,
    extract_decisions,
)
from assistant.records.status import extract_report
from evals.decisions.samples import DATA, ensure_samples
from ingest.swedish import normalize

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.jsonl"
STATUS_GOLD = HERE / "status_gold.jsonl"
# The acceptance targets.
TARGETS = {"precision": 0.9, "recall": 0.9, "body_date": 0.95}


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", normalize(text)))


def same_text(gold: str, found: str) -> bool:
    """One is contained in the other (a heading run into PDF text), or they share most words."""
    g, f = " ".join(re.findall(r"\w+", normalize(gold))), " ".join(re.findall(r"\w+", normalize(found)))
    if g and (g in f or f in g) and min(len(g), len(f)) >= 0.5 * max(len(g), len(f)):
        return True
    gw, fw = _words(gold), _words(found)
    return bool(gw and fw) and len(gw & fw) / len(gw | fw) >= 0.7


def _body_key(body: object) -> str:
    """A body as labelled: a label spelled as in a file name ("arbetsgrupp-vagledning") is the
    body the minutes name ("arbetsgrupp-vägledning")."""
    text = unicodedata.normalize("NFKD", str(body or "").strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@dataclass
class DecisionScore:
    gold: int
    extracted: int
    matched: int
    precision: float
    recall: float
    body: float
    date: float
    body_date: float
    paragraph: float
    kind: float
    responsible: float
    deadline: float
    procedural: int
    procedural_as_decision: int
    procedural_marked: int
    traps_as_decision: int
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    labelled: dict[str, int] = field(default_factory=dict)  # pairs whose gold gives the attribute

    def _share(self, attr: str) -> str:
        if self.labelled.get(attr, 1) == 0:
            return "n/a     (not labelled in this set)"
        return f"{getattr(self, attr):.3f}"

    def passes(self) -> bool:
        return (self.precision >= TARGETS["precision"] and self.recall >= TARGETS["recall"]
                and self.body_date >= TARGETS["body_date"])

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def lines(self) -> list[str]:
        return [f"labelled decisions       {self.gold} (found {self.extracted}, matched {self.matched})",
                f"precision                {self.precision:.3f}   (target ≥ {TARGETS['precision']})",
                f"recall                   {self.recall:.3f}   (target ≥ {TARGETS['recall']})",
                (f"body and date right      {self.body_date:.3f}   (target ≥ {TARGETS['body_date']}; "
                 f"body {self.body:.3f}, date {self.date:.3f})"),
                f"paragraph right          {self.paragraph:.3f}",
                f"kind right               {self.kind:.3f}",
                f"responsible right        {self._share('responsible')}",
                f"deadline right           {self._share('deadline')}",
                (f"procedural lines         {self.procedural} ({self.procedural_marked} marked procedur, "
                 f"{self.procedural_as_decision} taken as decisions)"),
                f"traps taken as decisions {self.traps_as_decision}"]


def extract_file(path: Path) -> list[Decision]:
    doc = load_file(path)
    return extract_decisions(doc.blocks, DocMeta(doc.doc_id, doc.title, doc.source, doc.date))


def evaluate_decisions(gold_path: Path = GOLD, data_dir: Path = DATA) -> DecisionScore:
    if data_dir == DATA:
        ensure_samples()
    gold = _read(gold_path)
    by_file: dict[str, list[Decision]] = {}
    for name in sorted({g["file"] for g in gold}):
        by_file[name] = extract_file(data_dir / name)
    decisions = [g for g in gold if g["kind"] in DECISION_KINDS]
    found_decisions = {name: [d for d in ds if d.kind in DECISION_KINDS] for name, ds in by_file.items()}
    used: set[str] = set()
    pairs: list[tuple[dict, Decision]] = []
    missed: list[str] = []
    for g in decisions:
        match = next((d for d in found_decisions[g["file"]] if d.id not in used and same_text(g["text"], d.text)), None)
        if match is None:
            missed.append(f"{g['file']} {g['paragraph']}: {g['text']}")
            continue
        used.add(match.id)
        pairs.append((g, match))
    spurious = [f"{name} {d.paragraph}: {d.text}" for name, ds in found_decisions.items() for d in ds if d.id not in used]
    n_found = sum(len(ds) for ds in found_decisions.values())
    mismatches: list[str] = []

    def share(attr: str, norm=lambda v: (v or "").strip().lower()) -> float:
        ok = 0
        # a set whose gold leaves an attribute out (the dev sets give no responsible or deadline) does
        # not label it: those pairs are not scored on it (all of them would count as wrong otherwise)
        scored = [(g, d) for g, d in pairs if attr in g]
        labelled[attr] = len(scored)
        for g, d in scored:
            if norm(g.get(attr, "")) == norm(getattr(d, attr)):
                ok += 1
            else:
                mismatches.append(f"{attr}: {g['file']} {g['paragraph']}: gold {g.get(attr)!r}, found {getattr(d, attr)!r}")
        return ok / len(scored) if scored else 0.0

    labelled: dict[str, int] = {}
    body, date, kind = share("body", _body_key), share("date"), share("kind")
    para = share("paragraph", lambda v: re.sub(r"\s+", " ", re.sub(r"^(?:§|punkt|ärende|p\.)\s*", "",
                                                                (v or "").strip().lower())).rstrip("."))
    resp, dl = share("responsible"), share("deadline")
    body_date = sum(1 for g, d in pairs if _body_key(g["body"]) == _body_key(d.body) and g["date"] == d.date) / len(pairs) if pairs else 0.0
    procs = [g for g in gold if g["kind"] == "procedur"]
    traps = [g for g in gold if g["kind"] == "inget"]

    def found_as(g: dict, kinds: tuple[str, ...]) -> bool:
        return any(d.kind in kinds and same_text(g["text"], d.text) for d in by_file[g["file"]])

    return DecisionScore(
        gold=len(decisions), extracted=n_found, matched=len(pairs),
        precision=len(pairs) / n_found if n_found else 0.0, recall=len(pairs) / len(decisions) if decisions else 0.0,
        body=body, date=date, body_date=body_date, paragraph=para, kind=kind, responsible=resp, deadline=dl,
        procedural=len(procs), procedural_as_decision=sum(found_as(g, DECISION_KINDS) for g in procs),
        procedural_marked=sum(found_as(g, ("procedur", "bordlagd")) for g in procs),
        traps_as_decision=sum(found_as(g, DECISION_KINDS) for g in traps),
        missed=missed, spurious=spurious, mismatches=mismatches, labelled=labelled,
    )


@dataclass
class StatusScore:
    activities: int
    exact: int
    status_right: int
    extra: int
    reports: int
    reports_right: int
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.exact / self.activities if self.activities else 0.0

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "accuracy": self.accuracy}

    def lines(self) -> list[str]:
        return [f"labelled activities      {self.activities} in {self.reports} reports",
                f"parsed exactly           {self.exact} ({self.accuracy:.3f}; status alone {self.status_right})",
                f"extra activities         {self.extra}",
                f"group/period/date right  {self.reports_right} of {self.reports} reports"]


def evaluate_status(gold_path: Path = STATUS_GOLD, data_dir: Path = DATA) -> StatusScore:
    if data_dir == DATA:
        ensure_samples()
    gold = _read(gold_path)
    files = sorted({g["file"] for g in gold})
    score = StatusScore(activities=len(gold), exact=0, status_right=0, extra=0, reports=len(files), reports_right=0)
    for name in files:
        doc = load_file(data_dir / name)
        report = extract_report(doc.blocks, doc_id=doc.doc_id, title=doc.title, source=doc.source, date=doc.date)
        rows = [g for g in gold if g["file"] == name]
        head = rows[0]
        if (report.group, report.period, report.date) == (head["group"], head["period"], head["date"]):
            score.reports_right += 1
        else:
            score.errors.append(f"{name}: {report.group}/{report.period}/{report.date}")
        parsed = {a.activity: a for a in report.activities}
        for g in rows:
            a = parsed.pop(g["activity"], None)
            if a is not None and a.status == g["status"]:
                score.status_right += 1
                if a.comment == g["comment"]:
                    score.exact += 1
                    continue
            score.errors.append(f"{name}: {g['activity']}: {a}")
        score.extra += len(parsed)
    return score
