"""Self-check of the dev8 gold files against the minutes' extracted text.

Run: python check_gold.py   (needs python-docx and pypdf)
"""
import collections
import json
import os
import re
import sys

import docx
import pypdf

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(fn):
    p = os.path.join(HERE, fn)
    if fn.endswith(".md"):
        return open(p, encoding="utf-8").read()
    if fn.endswith(".docx"):
        d = docx.Document(p)
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    return "\n".join(pg.extract_text() for pg in pypdf.PdfReader(p).pages)


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    errors = []
    files = sorted(f for f in os.listdir(HERE) if re.match(r"\d{4}-\d\d-\d\d_.*\.(md|docx|pdf)$", f))
    texts = {f: norm(extract(f)) for f in files}
    for f, t in texts.items():
        if "FIKTIVT EXEMPEL" not in t:
            errors.append(f"{f}: no FIKTIVT EXEMPEL mark")
    dec = load("gold_decisions.jsonl")
    by = collections.defaultdict(list)
    for d in dec:
        if d["file"] not in texts:
            errors.append(f"unknown file {d['file']}")
            continue
        if norm(d["text"]) not in texts[d["file"]]:
            errors.append(f"text not found: {d['file']} {d['paragraph']}: {d['text'][:60]}")
        lab = d["paragraph"]
        if not (re.fullmatch(r"\d+", lab) or lab in texts[d["file"]]):
            errors.append(f"label not in text: {d['file']} {lab}")
        if d["kind"] not in {"beslut", "uppdrag", "procedur", "ställningstagande"}:
            errors.append(f"bad kind {d}")
        if d["date"] != d["file"][:10]:
            errors.append(f"bad date {d}")
        by[(d["file"], d["paragraph"])].append(d)
    threads = load("gold_threads.jsonl")
    rels = collections.Counter()
    for t in threads:
        for a, pa, b, pb, rel in t["links"]:
            rels[rel] += 1
            for k in ((a, pa), (b, pb)):
                if k not in by:
                    errors.append(f"link end not a gold decision: {k}")
            if a[:10] >= b[:10]:
                errors.append(f"link not forward in time: {a} -> {b}")
        if t["open"]:
            k = tuple(t["assignment"])
            if k not in by or not any(d["kind"] == "uppdrag" for d in by[k]):
                errors.append(f"open assignment not an uppdrag: {k}")
    qs = load("questions.jsonl")
    for q in qs:
        for e in q["earlier"]:
            if tuple(e) not in by:
                errors.append(f"{q['id']}: earlier not a gold decision {e}")
        if q["expected_latest"]:
            k = (q["expected_latest"]["file"], q["expected_latest"]["paragraph"])
            pool = " ".join(d["text"] for d in by.get(k, []))
            if not pool:
                errors.append(f"{q['id']}: expected_latest not a gold decision {k}")
        else:
            pool = " ".join(d["text"] for e in q["earlier"] for d in by.get(tuple(e), []))
        for fact in q["facts"]:
            if fact not in pool:
                errors.append(f"{q['id']}: fact not in gold text: {fact}")
    ext = collections.Counter(f.rsplit(".", 1)[1] for f in files)
    kinds = collections.Counter(d["kind"] for d in dec)
    print(f"files {len(files)} {dict(ext)}")
    print(f"decisions {len(dec)} {dict(kinds)}")
    print(f"threads {len(threads)} (open {sum(t['open'] for t in threads)}), links {sum(rels.values())} {dict(rels)}")
    print(f"questions {len(qs)} (open {sum(1 for q in qs if q['expected_latest'] is None and not q.get('unanswerable'))},"
          f" unanswerable {sum(1 for q in qs if q.get('unanswerable'))})")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
