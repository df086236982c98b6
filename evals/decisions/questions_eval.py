"""Score the working groups' decision questions: each is asked over a knowledge base holding the
minutes, through the engine ``msv ask`` uses (the register first, the extractive engine, then the
register by the question's content words when that engine finds nothing); an answer counts when
the register gave it. The answer is checked against the question's gold, read from its fields:

- ``expected_latest`` ({file, paragraph}): the answer leads with that decision, cited ([1] is a
  passage of that file and the first sentence names that paragraph);
- ``earlier`` ([[file, paragraph], …]): each earlier step is cited somewhere after the lead (anywhere when
  there is no ``expected_latest``: an open assignment's question has no lead);
- ``facts`` ([str, …]): each fact is said in the answer (its words, stemmed, in the answer).

A question is right when it is answered, leads with the latest decision and says every fact;
the earlier steps are counted separately. A question marked ``"unanswerable": true`` (the minutes
hold no decision on it) is right when the register does not answer it; it counts in ``right``
and ``refused_unanswerable``, not in the other shares. Cases are never printed for the held-out set."""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import asdict, dataclass
from datetime import date as Date
from pathlib import Path

from assistant.answers.decision_answers import with_decisions
from assistant.answers.decision_open import ENGINE_NAME
from assistant.answers.registry import get_engine
from ingest.loaders import is_supported
from ingest.swedish import normalize, tokenize

HERE = Path(__file__).resolve().parent
DEV_QUESTIONS = HERE / "questions.jsonl"
TARGET = 0.9


@dataclass
class QuestionScore:
    questions: int
    answered: float
    latest_first: float
    facts: float
    earlier_named: float
    right: float
    failures: list[str]
    unanswerable: int = 0  # questions the register should not answer
    refused_unanswerable: float = 1.0  # share of those it did not answer

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def lines(self, label: str) -> list[str]:
        return [f"{label}: questions {self.questions}",
                f"  answered from the register   {self.answered:.3f}",
                f"  latest decision first, cited {self.latest_first:.3f}",
                f"  facts said                   {self.facts:.3f}",
                f"  earlier steps named          {self.earlier_named:.3f}",
                f"  right (latest + all facts)   {self.right:.3f}   (target ≥ {TARGET})"] + (
                [f"  unanswerable left unanswered {self.refused_unanswerable:.3f}   ({self.unanswerable} questions)"]
                if self.unanswerable else [])


def _para(value: object) -> str:
    """"§ 4 b" → "4b", "Ärende 2" → "2", "punkt 3" → "3"."""
    m = re.search(r"\d+(?:\s?[a-z](?![a-zåäö]))?", str(value or "").lower())
    return m.group().replace(" ", "") if m else ""


def _cites(answer: object, file: str, paragraph: str, *, first: bool | None) -> bool:
    """The answer cites ``file`` and names ``paragraph`` in a sentence citing it (only [1] when ``first``; any
    citation but [1] when ``first`` is False; any citation at all when it is None)."""
    cites = answer.citations if first is None else answer.citations[:1] if first else answer.citations[1:]  # type: ignore[attr-defined]
    lines = answer.answer.splitlines()  # type: ignore[attr-defined]
    for c in cites:
        if Path(c.source).name != Path(file).name:
            continue
        said = [ln for ln in lines if f"[{c.n}]" in ln]
        if any(_para(p) == _para(paragraph) for ln in said for p in re.findall(r"\((?:§|punkt)\s*\d+(?:\s?[a-z])?\)", ln)):
            return True
        if not _para(paragraph):
            return True
    return False


def fact_said(fact: str, text: str) -> bool:
    """The fact's words (stemmed, compounds split) are all in the text, or its normalised form is."""
    if normalize(fact) in normalize(text):
        return True
    want = set(tokenize(fact, prefixes=False, compounds=False))
    have = set(tokenize(text, prefixes=False))
    return bool(want) and len(want & have) / len(want) >= 0.8


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_answers(rows: list[dict], answers: list[object | None], *, show: bool) -> QuestionScore:
    n = len(rows)
    answered = latest = facts_total = facts_hit = right = 0
    earlier_total = earlier_hit = 0
    failures: list[str] = []
    unanswerable = [(r, a) for r, a in zip(rows, answers, strict=True) if r.get("unanswerable")]
    refused = sum(1 for _, a in unanswerable if a is None)
    for row, a in unanswerable:
        if a is not None and show:
            failures.append(f"{row.get('id')}: besvarad fast ingen beslut finns: {a.answer[:200]}")  # type: ignore[attr-defined]
    pairs = [(r, a) for r, a in zip(rows, answers, strict=True) if not r.get("unanswerable")]
    m = len(pairs)
    for row, a in pairs:
        facts = [str(f) for f in row.get("facts") or []]
        earlier = [e for e in row.get("earlier") or [] if isinstance(e, list | tuple) and e]
        exp = row.get("expected_latest") or {}
        facts_total += len(facts)
        earlier_total += len(earlier)
        if a is None:
            failures.append(f"{row.get('id')}: inte besvarad") if show else None
            continue
        answered += 1
        lead = _cites(a, str(exp.get("file", "")), str(exp.get("paragraph", "")), first=True) if exp else True
        said = [f for f in facts if fact_said(f, a.answer)]  # type: ignore[attr-defined]
        # Earlier steps come after the lead; a question with no latest decision (an open assignment) has no lead,
        # so its steps count wherever they are cited.
        named = [e for e in earlier if _cites(a, str(e[0]), str(e[1]) if len(e) > 1 else "", first=False if exp else None)]
        latest += lead
        facts_hit += len(said)
        earlier_hit += len(named)
        ok = lead and len(said) == len(facts)
        right += ok
        if show and not ok:
            failures.append(f"{row.get('id')}: lead {lead}, facts {len(said)}/{len(facts)}: {a.answer[:300]}")  # type: ignore[attr-defined]
    return QuestionScore(
        questions=n, answered=answered / m if m else 0.0, latest_first=latest / m if m else 0.0,
        facts=facts_hit / facts_total if facts_total else 1.0,
        earlier_named=earlier_hit / earlier_total if earlier_total else 1.0,
        right=(right + refused) / n if n else 0.0, failures=failures,
        unanswerable=len(unanswerable), refused_unanswerable=refused / len(unanswerable) if unanswerable else 1.0)


def evaluate_questions(questions: Path, files: list[Path], *, show: bool = False, today: Date | None = None) -> QuestionScore:
    """Ingest ``files`` into a throwaway knowledge base, ask every question, score the answers."""
    from ingest.embed import Embedder
    from ingest.kb import KbConfig, KnowledgeBase

    rows = _read(questions)
    with tempfile.TemporaryDirectory(prefix="msv-decq-") as tmp:
        kb = KnowledgeBase(KbConfig(data_dir=Path(tmp) / "kb"), embedder=Embedder())
        try:
            kb.ingest_all([f for f in files if is_supported(f)])
            engine = with_decisions(kb, get_engine("extractive", kb), today=today)  # the path `msv ask` takes
            answers = [_from_register(engine.answer(str(r.get("question", "")))) for r in rows]
        finally:
            kb.close()
    return score_answers(rows, answers, show=show)


def _from_register(answer: object) -> object | None:
    """The answer when the register gave it (directly, or after the ordinary engine found nothing)."""
    return answer if getattr(answer, "engine", "") == ENGINE_NAME else None


def minutes_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".md", ".pdf", ".docx")
                  and p.name.lower() != "readme.md")
