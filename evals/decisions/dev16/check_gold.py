"""Self-check of the dev16 gold (run with /work/main/.venv/bin/python check_gold.py)."""
import collections
import json
import re
import sys
from pathlib import Path

import docx
import pypdf

HERE = Path(__file__).resolve().parent


def load(name):
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def extract(path):
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def norm(s):
    s = re.sub(r"-\s+", "-", s)  # a hyphen at a PDF line break
    return re.sub(r"\s+", " ", s).strip()


errors = []
dec = load("gold_decisions.jsonl")
threads = load("gold_threads.jsonl")
questions = load("questions.jsonl")

texts, pos = {}, collections.defaultdict(int)
for d in dec:
    f = HERE / d["file"]
    if not f.exists():
        errors.append(f"missing file {d['file']}")
        continue
    if d["file"] not in texts:
        texts[d["file"]] = norm(extract(f))
        if "FIKTIVT EXEMPEL" not in texts[d["file"]]:
            errors.append(f"{d['file']}: no FIKTIVT EXEMPEL")
    t = texts[d["file"]]
    i = t.find(norm(d["text"]), pos[d["file"]])
    if i < 0:
        errors.append(f"{d['file']} {d['paragraph']}: text not found in order: {d['text'][:60]}")
    else:
        pos[d["file"]] = i + 1
    if norm(d["paragraph"]) not in t:
        errors.append(f"{d['file']}: label {d['paragraph']} not in file")
    stem = d["file"].split("_")
    if d["date"] != stem[0] or d["body"] != stem[1]:
        errors.append(f"{d['file']}: body/date mismatch")
    if d["kind"] not in {"beslut", "uppdrag", "procedur", "ställningstagande"}:
        errors.append(f"bad kind {d['kind']}")

by_ref = collections.defaultdict(list)
for d in dec:
    by_ref[(d["file"], d["paragraph"])].append(d)

relations = collections.Counter()
for m in threads:
    for a_f, a_p, b_f, b_p, rel in m["links"]:
        relations[rel] += 1
        for ref in ((a_f, a_p), (b_f, b_p)):
            if ref not in by_ref:
                errors.append(f"link end not gold: {ref}")
        if a_f[:10] >= b_f[:10]:
            errors.append(f"link not forward in time: {a_f} -> {b_f}")
    if m["open"]:
        ref = tuple(m["assignment"])
        if ref not in by_ref or not any(d["kind"] == "uppdrag" for d in by_ref[ref]):
            errors.append(f"open assignment not a gold uppdrag: {ref}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.get("deadline", "")):
            errors.append(f"bad deadline in {m['matter']}")

for q in questions:
    refs = [tuple(e) for e in q["earlier"]]
    if q["expected_latest"]:
        refs.append((q["expected_latest"]["file"], q["expected_latest"]["paragraph"]))
    for ref in refs:
        if ref not in by_ref:
            errors.append(f"{q['id']}: reference not gold: {ref}")
    dates = [r[0][:10] for r in refs]
    if dates != sorted(dates):
        errors.append(f"{q['id']}: steps not in date order")
    if q.get("unanswerable"):
        if q["expected_latest"] or q["earlier"] or q["facts"]:
            errors.append(f"{q['id']}: unanswerable with references")
        continue
    target = refs[-1] if refs else None
    pool = " ".join(norm(d["text"]) for d in by_ref.get(target, []))
    for fact in q["facts"]:
        if norm(fact) not in pool:
            errors.append(f"{q['id']}: fact not in gold text: {fact}")
    if not q["facts"]:
        errors.append(f"{q['id']}: no facts")

files = sorted(p.name for p in HERE.glob("2042-*"))
kinds = collections.Counter(d["kind"] for d in dec)
bodies = collections.Counter(d["body"] for d in dec)
print("files:", len(files), collections.Counter(Path(f).suffix for f in files))
print("decisions:", len(dec), dict(kinds), dict(bodies))
print("matters:", len(threads), "links:", sum(relations.values()), dict(relations),
      "open:", sum(m["open"] for m in threads))
print("questions:", len(questions), "with latest:", sum(bool(q["expected_latest"]) for q in questions),
      "open:", sum(not q["expected_latest"] and not q.get("unanswerable") for q in questions),
      "unanswerable:", sum(bool(q.get("unanswerable")) for q in questions))
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
