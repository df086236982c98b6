"""Self-check of the dev17 gold against the minutes. Run: /work/main/.venv/bin/python check_gold.py

- every gold text is found (whitespace normalised, in document order per file) in the text extracted from its
  file (pypdf for PDF, python-docx paragraphs and table cells for DOCX, the raw Markdown);
- every paragraph label occurs in its file; body and date agree with the file name;
- every link end, open assignment and question reference is a gold decision; links run forward in time;
- each question's `earlier` steps are in date order and precede the expected latest decision;
- every fact is a substring of the expected latest decision's gold text (or, for open questions, of the
  open assignment's, the last `earlier` step).
Prints the counts.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

import docx
import pypdf

HERE = Path(__file__).resolve().parent
FAIL = []


def fail(msg):
    FAIL.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(path):
    if path.suffix == ".pdf":
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    return path.read_text(encoding="utf-8")


def load(name):
    return [json.loads(l) for l in (HERE / name).read_text(encoding="utf-8").splitlines() if l.strip()]


decisions = load("gold_decisions.jsonl")
threads = load("gold_threads.jsonl")
questions = load("questions.jsonl")

texts = {}
pos = Counter()
for d in decisions:
    f = d["file"]
    if f not in texts:
        if not (HERE / f).exists():
            fail(f"missing file {f}")
            continue
        texts[f] = norm(extract(HERE / f))
        if "FIKTIVT EXEMPEL" not in texts[f]:
            fail(f"{f}: not marked FIKTIVT EXEMPEL")
    t = texts[f]
    i = t.find(norm(d["text"]), pos[f])
    if i < 0:
        fail(f"{f} {d['paragraph']}: text not found in order: {d['text'][:60]}")
    else:
        pos[f] = i + 1
    if norm(d["paragraph"]) not in t:
        fail(f"{f}: label {d['paragraph']!r} not in file")
    stem = Path(f).stem.split("_")
    if d["date"] != stem[0] or d["body"] != stem[1]:
        fail(f"{f}: body/date disagree with file name")
    if d["kind"] not in {"beslut", "procedur", "uppdrag", "ställningstagande"}:
        fail(f"{f} {d['paragraph']}: kind {d['kind']}")

files = sorted(p.name for p in HERE.iterdir() if p.suffix in {".md", ".pdf", ".docx"} and p.name[:2] == "20")
for f in files:
    if f not in texts:
        fail(f"{f}: no gold decision")

by_ref = {}
for d in decisions:
    by_ref.setdefault((d["file"], d["paragraph"]), []).append(d)
date_of = {k: v[0]["date"] for k, v in by_ref.items()}


def ref(f, p, where):
    if (f, p) not in by_ref:
        fail(f"{where}: ({f}, {p}) is not a gold decision")
        return False
    return True


rel = Counter()
nlinks = 0
for t in threads:
    for a, pa, b, pb, r in t["links"]:
        nlinks += 1
        rel[r] += 1
        if ref(a, pa, t["matter"]) and ref(b, pb, t["matter"]):
            if date_of[(a, pa)] >= date_of[(b, pb)]:
                fail(f"{t['matter']}: link does not run forward {a} {pa} -> {b} {pb}")
        if r not in {"besvarar", "återrapporterar", "ändrar", "förlänger", "upphäver"}:
            fail(f"{t['matter']}: relation {r}")
    if t["open"]:
        ref(*t["assignment"], t["matter"])
        if not any(d["kind"] == "uppdrag" for d in by_ref.get(tuple(t["assignment"]), [])):
            fail(f"{t['matter']}: open assignment is not an uppdrag")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", t.get("deadline", "")):
            fail(f"{t['matter']}: deadline")

ids = set()
kinds = Counter()
for q in questions:
    if q["id"] in ids:
        fail(f"duplicate id {q['id']}")
    ids.add(q["id"])
    for e in q["earlier"]:
        ref(*e, q["id"])
    dates = [date_of.get(tuple(e), "") for e in q["earlier"]]
    if dates != sorted(dates):
        fail(f"{q['id']}: earlier not in date order")
    if q.get("unanswerable"):
        kinds["unanswerable"] += 1
        if q["expected_latest"] or q["earlier"] or q["facts"]:
            fail(f"{q['id']}: unanswerable with references")
        continue
    if q["expected_latest"]:
        kinds["latest"] += 1
        key = (q["expected_latest"]["file"], q["expected_latest"]["paragraph"])
        if not ref(*key, q["id"]):
            continue
        if dates and dates[-1] > date_of[key]:
            fail(f"{q['id']}: earlier step after the latest")
    else:
        kinds["open"] += 1
        key = tuple(q["earlier"][-1])
        if not any(t["open"] and tuple(t["assignment"]) == key for t in threads):
            fail(f"{q['id']}: last earlier step is not an open assignment")
    golds = [d["text"] for d in by_ref.get(key, [])]
    for fact in q["facts"]:
        if not any(fact in g for g in golds):
            fail(f"{q['id']}: fact not in gold text: {fact}")
    if not q["facts"]:
        fail(f"{q['id']}: no facts")

print(f"files: {len(files)} ({Counter(Path(f).suffix for f in files)})")
print(f"decisions: {len(decisions)}; kinds {dict(Counter(d['kind'] for d in decisions))}")
print(f"  by body {dict(Counter(d['body'] for d in decisions))}")
print(f"threads: {len(threads)} matters, {nlinks} links {dict(rel)}; open {sum(t['open'] for t in threads)}; "
      f"across meetings {sum(1 for t in threads if t['links'])}")
print(f"questions: {len(questions)} {dict(kinds)}")
if FAIL:
    print("\n".join("FAIL " + m for m in FAIL))
    sys.exit(1)
print("OK")
