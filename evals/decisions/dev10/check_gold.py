"""Self-check of the dev10 gold against the minutes.

Every gold decision text is found (whitespace normalised) in the text extracted from its file
(pypdf for PDF, python-docx for DOCX, the raw file for Markdown), in document order; every label
occurs in its file; body and date agree with the file name; every link end, open assignment and
question reference is a gold decision; links run from the earlier to the later meeting; every
fact is a substring of the gold text of the expected latest decision (or, for an open question,
of the open assignment it lists). Prints the counts.

Run:  python check_gold.py
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

import docx
import pypdf

HERE = Path(__file__).resolve().parent
KINDS = {"beslut", "procedur", "uppdrag", "ställningstagande"}
RELATIONS = {"besvarar", "återrapporterar", "ändrar", "förlänger", "upphäver"}


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
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def main():
    errors = []
    gold = load("gold_decisions.jsonl")
    threads = load("gold_threads.jsonl")
    questions = load("questions.jsonl")

    texts, pos = {}, {}
    by_ref = {}
    for g in gold:
        f = g["file"]
        if f not in texts:
            if not (HERE / f).exists():
                errors.append(f"missing file {f}")
                continue
            texts[f] = norm(extract(HERE / f))
            pos[f] = 0
            if "FIKTIVT EXEMPEL" not in texts[f]:
                errors.append(f"{f}: no FIKTIVT EXEMPEL mark")
        t = texts[f]
        i = t.find(norm(g["text"]), pos[f])
        if i < 0:
            where = "out of order" if norm(g["text"]) in t else "not found"
            errors.append(f"{f} {g['paragraph']}: text {where}: {g['text'][:60]}")
        else:
            pos[f] = i + 1
        if g["paragraph"] not in t:
            errors.append(f"{f}: label {g['paragraph']!r} does not occur")
        if g["date"] != f[:10] or g["body"] != f.split("_")[1]:
            errors.append(f"{f} {g['paragraph']}: body/date disagree with the file name")
        if g["kind"] not in KINDS:
            errors.append(f"{f} {g['paragraph']}: unknown kind {g['kind']}")
        by_ref.setdefault((f, g["paragraph"]), []).append(g)

    files_on_disk = sorted(p.name for p in HERE.iterdir() if p.suffix in {".md", ".docx", ".pdf"} and p.name[:4].isdigit())
    for f in files_on_disk:
        if f not in texts:
            errors.append(f"{f}: no gold decision")

    relations = Counter()
    open_refs = set()
    for t in threads:
        for a, pa, b, pb, rel in t["links"]:
            relations[rel] += 1
            if rel not in RELATIONS:
                errors.append(f"{t['matter']}: unknown relation {rel}")
            for ref in ((a, pa), (b, pb)):
                if ref not in by_ref:
                    errors.append(f"{t['matter']}: link end {ref} is not a gold decision")
            if a[:10] >= b[:10]:
                errors.append(f"{t['matter']}: link {a} -> {b} does not run forward in time")
        if t["open"]:
            ref = tuple(t["assignment"])
            open_refs.add(ref)
            if ref not in by_ref or not any(g["kind"] == "uppdrag" for g in by_ref[ref]):
                errors.append(f"{t['matter']}: open assignment {ref} is not a gold uppdrag")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.get("deadline", "")):
                errors.append(f"{t['matter']}: bad deadline")

    ids = [q["id"] for q in questions]
    if ids != [f"d10q{i:02d}" for i in range(1, len(ids) + 1)]:
        errors.append("question ids are not d10q01.. in order")
    n_latest = n_open = n_unans = 0
    for q in questions:
        dates = [ref[0][:10] for ref in q["earlier"]]
        if dates != sorted(dates):
            errors.append(f"{q['id']}: earlier steps are not in date order")
        for ref in q["earlier"]:
            if tuple(ref) not in by_ref:
                errors.append(f"{q['id']}: earlier {ref} is not a gold decision")
        if q.get("unanswerable"):
            n_unans += 1
            if q["expected_latest"] is not None or q["earlier"] or q["facts"]:
                errors.append(f"{q['id']}: unanswerable question with references or facts")
            continue
        if q["expected_latest"] is None:
            n_open += 1
            pool = [g["text"] for ref in q["earlier"] if tuple(ref) in open_refs for g in by_ref[tuple(ref)]
                    if g["kind"] == "uppdrag"]
            if not pool:
                errors.append(f"{q['id']}: open question lists no open assignment")
        else:
            n_latest += 1
            ref = (q["expected_latest"]["file"], q["expected_latest"]["paragraph"])
            if ref not in by_ref:
                errors.append(f"{q['id']}: expected_latest {ref} is not a gold decision")
                continue
            pool = [g["text"] for g in by_ref[ref]]
        if not q["facts"]:
            errors.append(f"{q['id']}: no facts")
        for fact in q["facts"]:
            if not any(norm(fact) in norm(t) for t in pool):
                errors.append(f"{q['id']}: fact not in gold text: {fact}")

    kinds = Counter(g["kind"] for g in gold)
    bodies = Counter(g["body"] for g in gold)
    fmts = Counter(Path(f).suffix for f in texts)
    print(f"files: {len(texts)} ({', '.join(f'{k} {v}' for k, v in sorted(fmts.items()))})")
    print(f"decisions: {len(gold)} - " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print("by body: " + ", ".join(f"{k} {v}" for k, v in bodies.most_common()))
    print(f"threads: {len(threads)} matters, {sum(relations.values())} links - "
          + ", ".join(f"{k} {v}" for k, v in relations.most_common())
          + f"; open {sum(1 for t in threads if t['open'])}")
    print(f"questions: {len(questions)} - expected latest {n_latest}, open {n_open}, unanswerable {n_unans}")
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors:
            print(" -", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
