#!/usr/bin/env python3
"""Self-check of the dev14 gold against the minutes (run from anywhere)."""
import collections, json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def extract(path):
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.extend(c.text for c in r.cells)
        return "\n".join(parts)
    from pypdf import PdfReader
    return "\n".join(pg.extract_text() or "" for pg in PdfReader(str(path)).pages)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load(name):
    return [json.loads(l) for l in (HERE / name).read_text(encoding="utf-8").splitlines() if l.strip()]


errors = []
dec = load("gold_decisions.jsonl")
thr = load("gold_threads.jsonl")
qs = load("questions.jsonl")
texts = {}
for p in sorted(HERE.iterdir()):
    if p.suffix in (".md", ".docx", ".pdf") and p.name != "README.md":
        texts[p.name] = norm(extract(p))
if len(texts) != 12:
    errors.append(f"expected 12 minutes, found {len(texts)}")
for t in texts.values():
    if "FIKTIVT EXEMPEL" not in t:
        errors.append("a file lacks FIKTIVT EXEMPEL")

pos = collections.defaultdict(int)
keys = collections.defaultdict(list)
for d in dec:
    f = d["file"]
    if f not in texts:
        errors.append(f"unknown file {f}"); continue
    if d["date"] != f[:10] or d["body"] != f.split("_")[1]:
        errors.append(f"body/date mismatch {f} {d['paragraph']}")
    if d["kind"] not in ("beslut", "uppdrag", "procedur", "ställningstagande"):
        errors.append(f"bad kind {d}")
    i = texts[f].find(norm(d["text"]), pos[f])
    if i < 0:
        errors.append(f"text not found (in order) in {f}: {d['text'][:60]}")
    else:
        pos[f] = i + 1
    if d["paragraph"] not in texts[f]:
        errors.append(f"label {d['paragraph']} not in {f}")
    keys[(f, d["paragraph"])].append(d)


def ref(f, p, where):
    if (f, p) not in keys:
        errors.append(f"{where}: {f} {p} is not a gold decision")
        return None
    return keys[(f, p)]


rels = collections.Counter()
for t in thr:
    for a, pa, b, pb, rel in t["links"]:
        ref(a, pa, t["matter"]); ref(b, pb, t["matter"]); rels[rel] += 1
        if a[:10] >= b[:10]:
            errors.append(f"link not forward in time: {a} {pa} -> {b} {pb}")
    if t["open"]:
        ref(*t["assignment"], t["matter"])
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.get("deadline", "")):
            errors.append(f"open matter without deadline: {t['matter']}")
for q in qs:
    steps = [tuple(e) for e in q["earlier"]]
    for e in steps:
        ref(*e, q["id"])
    if [s[0][:10] for s in steps] != sorted(s[0][:10] for s in steps):
        errors.append(f"{q['id']}: earlier not in date order")
    if q["expected_latest"]:
        ds = ref(q["expected_latest"]["file"], q["expected_latest"]["paragraph"], q["id"]) or []
    elif q.get("unanswerable"):
        ds = []
        if q["earlier"] or q["facts"]:
            errors.append(f"{q['id']}: unanswerable with steps or facts")
    else:
        ds = [d for d in (ref(*steps[-1], q["id"]) or []) if d["kind"] == "uppdrag"] if steps else []
        if not any(t["open"] and tuple(t["assignment"]) == steps[-1] for t in thr):
            errors.append(f"{q['id']}: last step is not an open assignment")
    for fact in q["facts"]:
        if not any(fact in d["text"] for d in ds):
            errors.append(f"{q['id']}: fact not in gold text: {fact}")

kinds = collections.Counter(d["kind"] for d in dec)
bodies = collections.Counter(d["body"] for d in dec)
print(f"decisions {len(dec)}: {dict(kinds)}; by body {dict(bodies)}")
print(f"matters {len(thr)}, links {sum(rels.values())}: {dict(rels)}; open {sum(t['open'] for t in thr)}")
print(f"questions {len(qs)}: with expected latest {sum(bool(q['expected_latest']) for q in qs)}, "
      f"open {sum(not q['expected_latest'] and not q.get('unanswerable') for q in qs)}, "
      f"unanswerable {sum(bool(q.get('unanswerable')) for q in qs)}")
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
