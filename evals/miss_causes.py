"""Why answerable development questions miss their gold facts, counted per cause: where each missed fact
sits in the ten passages the extractive engine reads, and why the answer left it out (the answer was
full, another sentence won, a gate refused it, retrieval did not bring it).

    python evals/miss_causes.py [--skip answers_dev12] [--files A.jsonl B.jsonl …] [--rows FILE]

Development sets only (every `answers*.jsonl` but the held-out one); ``--skip`` leaves out a set kept
for aggregates only; ``--files`` reads only those sets and builds the index for them alone, as
``msv eval answers FILES --heldout ''`` does, so that the answers are the ones that run scored. Run from
the repository root with the eval cache of ``msv eval answers``. The figures of 2026-11-30 are in
evals/README.md (Answers, sessions 13 and 16); the script writes nothing but ``--rows``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answers.candidates import content_nouns, rank_units  # noqa: E402
from assistant.answers.compose import sentence  # noqa: E402
from assistant.answers.extractive import ANSWER_CHARS, EXTRA_SCORE, LEAD_CANDIDATES, MIN_OWN, ExtractiveEngine  # noqa: E402
from assistant.answers.question import QuestionInfo, analyse, split_question  # noqa: E402
from assistant.answers.subject import Entity, subjects, unnamed_per_hit  # noqa: E402
from assistant.answers.synonyms import load_thesaurus  # noqa: E402
from assistant.answers.units import Unit, passage_units  # noqa: E402
from evals.fit_answerability import dev_questions  # noqa: E402
from evals.retrieval import eval_kb, norm  # noqa: E402
from ingest.glossary import is_english, to_swedish  # noqa: E402
from ingest.search import Hit  # noqa: E402


@dataclass(frozen=True)
class Place:
    """Where a fact sits: ``where`` is "unit" (a sentence or list item of passage ``hit``, ``unit``),
    "heading" (only its title or section), "split" (over two units), "other document" or "absent"."""

    where: str
    hit: int | None = None
    unit: Unit | None = None


def locate(fact: str, hits: list[Hit], gold: str) -> Place:
    """The first passage of the gold document that holds ``fact``, and the unit holding it."""
    f = norm(fact)
    is_gold = [gold in (h.doc_id, h.source) for h in hits]
    for i, h in enumerate(hits):
        if is_gold[i] and f in norm(h.text):
            unit = next((u for u in passage_units(i, h.text) if f in norm(u.text)), None)
            return Place("unit", i, unit) if unit is not None else Place("split", i)
    if any(g and f in norm(f"{h.title} {h.section}") for g, h in zip(is_gold, hits)):
        return Place("heading")
    return Place("other document") if any(f in norm(h.text) for h in hits) else Place("absent")


def chosen_units(answer: str, ranked: list[Unit]) -> list[Unit]:
    """The ranked units an answer is made of, in the answer's order (the first is its lead)."""
    found = [(answer.find(sentence(u.text)), u) for u in ranked if sentence(u.text) in answer]
    return [u for _, u in sorted(found, key=lambda x: x[0])]


def gates_failed(engine: ExtractiveEngine, info: QuestionInfo, u: Unit, unnamed: frozenset[str],
                 about: tuple[Entity, ...]) -> tuple[str, ...]:
    """Every gate that refuses ``u`` as a lead (empty when it answers): the subject check, the soft
    gates by name, and "a hard check" for the kind's own checks (time, list, year, cue …)."""
    if engine.answerable(info, u, unnamed, about):
        return ()
    out = ["subject"] if unnamed else []
    if u.coverage + u.synonym_gain < engine.min_coverage:
        out.append("coverage")
    if u.own < MIN_OWN:
        out.append("own share")
    if u.missing > len(content_nouns(info)) // 3:
        out.append("missing nouns")
    out += [name for name, failed in (("role", u.role_missing), ("matter", u.matter_missing),
                                      ("unheard", bool(u.unheard))) if failed]
    if not engine.answerable(info, u, frozenset(), about, soft=False) and not (u.matter_missing or u.unheard):
        out.append("a hard check")
    return tuple(out)


def answered_cause(place: Place, chosen: list[Unit], ranked: list[Unit], gates: tuple[str, ...]) -> tuple[str, str]:
    """(where the missed fact sits against the answer's sentences, why it was left out)."""
    if place.unit is None:
        return place.where, place.where
    u = twin(place.unit, ranked) or place.unit
    lead = chosen[0]
    if place.hit == lead.hit:
        step = place.unit.pos - lead.pos
        where = ("a list item of the lead's passage" if place.unit.is_item else "1 after the lead" if step == 1
                 else "2-3 after the lead" if 1 < step <= 3 else "1-2 before the lead" if -2 <= step < 0
                 else "farther in the lead's passage")
    elif any(c.hit == place.hit for c in chosen):
        where = "a further sentence's passage"
    else:
        where = "another gold passage, " + ("refused by " + "+".join(gates) if gates else "passes the gates")
    full = sum(len(c.text) for c in chosen) + len(u.text) > ANSWER_CHARS
    low = u.p < EXTRA_SCORE * lead.p or u.coverage < 0.4
    why = "answer full" + (" and below the lead's share" if low else "") if full else (
        "below the lead's share" if low else "other")
    return where, why


def twin(unit: Unit, ranked: list[Unit]) -> Unit | None:
    """The ranked copy of a unit (overlapping passages repeat a sentence; the first copy is ranked)."""
    return next((v for v in ranked if v.text == unit.text), None)


def refused_cause(rank: int | None, gates: tuple[str, ...], place: Place) -> str:
    """A false refusal by its best-ranked fact-bearing gold unit and the gates that refuse it."""
    if place.unit is None:
        return place.where
    if rank is None:
        return "not ranked (the question not understood)"
    if rank >= LEAD_CANDIDATES:
        return "ranks 6+"
    return f"among the five, one gate: {gates[0]}" if len(gates) == 1 else "among the five, several gates"


# The one-line causes of the table in evals/README.md, from a row's place and why it was left out.
CAUSES = ("refused (a false refusal)", "not retrieved", "only in another document", "only in a heading or title",
          "split over two units", "another passage led", "a list item not given (other items were)", "a table row not taken",
          "in the lead's passage: cut by the length", "in the lead's passage: not taken")


def cause(row: dict[str, Any]) -> str:
    """The row's cause in the brief's terms: where the missed fact was, against what the answer took."""
    if row["refused"]:
        return CAUSES[0]
    where = row["where"]
    if where in ("absent", "other document", "heading", "split"):
        return CAUSES[{"absent": 1, "other document": 2, "heading": 3, "split": 4}[where]]
    if where.startswith("another gold passage") or where == "a further sentence's passage":
        return CAUSES[5]
    if row.get("list_given"):
        return CAUSES[6]
    if row.get("table_row"):
        return CAUSES[7]
    return CAUSES[8] if row["why"].startswith("answer full") else CAUSES[9]


def table_row(unit: Unit) -> bool:
    """A unit read from a table: three or more cells of figures or short words, or a row of a text table
    ("Samordnare | 1,0")."""
    text = unit.text
    return "|" in text or "\t" in text or len(re.findall(r"(?<!\S)\d[\d,.%]*(?!\S)", text)) >= 3 and len(text.split()) <= 14


def measure(kb: Any, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per missed fact of an answerable question: its set, outcome, place and cause."""
    engine = ExtractiveEngine(kb, synonyms=load_thesaurus())  # as the registry builds it
    rows = []
    for q in questions:
        if not q["answerable"]:
            continue
        r = engine.answer(q["question"])
        missed = [f for f in q["facts"] if not r.grounded or norm(f) not in norm(r.answer)]
        if not missed:
            continue
        hits = kb.search(q["question"], engine.k)[: engine.k]
        english = is_english(q["question"])
        info = analyse(split_question(q["question"])[0], english=english)
        ranked = rank_units(info, hits, synonyms=engine.synonyms, model=engine.model, embedder=engine.embedder)
        about = subjects(info.text, english=english, translated=to_swedish(info.text) if english else "")
        unnamed = unnamed_per_hit(about, hits)
        chosen = chosen_units(r.answer, ranked) if r.grounded else []
        for f in missed:
            place = locate(f, hits, q["doc"])
            u = twin(place.unit, ranked) if place.unit is not None else None
            gates = gates_failed(engine, info, u, unnamed[u.hit], about) if u is not None else ()
            rank = ranked.index(u) if u is not None else None
            if chosen:
                where, why = answered_cause(place, chosen, ranked, gates)
            else:
                where, why = refused_cause(rank, gates, place), "refused"
            # a list the answer gave some items of (as bullets or sentences), without this one
            given = r.grounded and place.unit is not None and place.unit.is_item and any(
                sentence(v.text) in r.answer for v in passage_units(place.hit, hits[place.hit].text)
                if v.is_item and v.pos != place.unit.pos)
            row = {"id": q["id"], "set": q["set"], "fact": f, "refused": not r.grounded, "where": where,
                   "why": why, "gates": list(gates), "rank": rank, "list_given": bool(given),
                   "table_row": bool(place.unit is not None and table_row(place.unit))}
            rows.append(dict(row, cause=cause(row)))
    return rows


def best_per_question(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per question, the row of its best-ranked missed fact (an unranked one only when none is ranked)."""
    best: dict[str, dict[str, Any]] = {}
    for r in rows:
        b = best.get(r["id"])
        if b is None or r["rank"] is not None and (b["rank"] is None or r["rank"] < b["rank"]):
            best[r["id"]] = r
    return list(best.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regeringen", type=Path, default=ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--skip", action="append", default=[], help="a development set to leave out (its stem)")
    ap.add_argument("--files", type=Path, nargs="*", default=[], help="only these development sets (JSONL)")
    ap.add_argument("--rows", type=Path, help="write the rows here as JSON")
    args = ap.parse_args()
    if any("heldout" in f.name for f in args.files):
        ap.error("the held-out half is never read case by case")
    wanted = {f.stem for f in args.files}
    questions = [q for q in dev_questions() if not wanted or q["set"] in wanted]
    # the knowledge base is built for every development set, as `msv eval answers --heldout ''` builds it
    with eval_kb(questions, corpus_dir=args.corpus, regeringen=args.regeringen, name="answers",
                 log=lambda s: print(s, file=sys.stderr)) as kb:
        rows = measure(kb, [q for q in questions if q["set"] not in args.skip])
    if args.rows:
        args.rows.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    for refused in (False, True):
        part = [r for r in rows if r["refused"] is refused]
        print(f"{'refused' if refused else 'answered'}: {len(part)} facts missed in {len({r['id'] for r in part})} questions")
        for key in ("where", "why") if not refused else ("where",):
            for cause, n in Counter(r[key] for r in part).most_common():
                print(f"  {n:4d}  {cause}")
    print("missed facts by cause (per set):")
    sets = sorted({r["set"] for r in rows})
    for c in CAUSES:
        per = Counter(r["set"] for r in rows if r["cause"] == c)
        print(f"  {sum(per.values()):4d}  {c:42} " + " ".join(f"{s}:{per[s]}" for s in sets if per[s]))
    print("false refusals by their best-ranked fact-bearing gold unit:")
    for cause, n in Counter(r["where"] for r in best_per_question([r for r in rows if r["refused"]])).most_common():
        print(f"  {n:4d}  {cause}")


if __name__ == "__main__":
    main()
