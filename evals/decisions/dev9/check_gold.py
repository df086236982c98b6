"""Self-check of the dev9 gold against the minutes in this folder.

Run:  /work/main/.venv/bin/python evals/decisions/dev9/check_gold.py
Checks: every gold text is found (after whitespace normalisation) in the text extracted from its file
(pypdf for PDF, python-docx for DOCX incl. tables, the raw file for Markdown); every paragraph label
occurs in its file; every link end, open assignment and question reference is a gold decision; every
fact is a substring of the gold text of the expected latest decision (or, for open assignments, of the
assignment's gold text). Prints counts; exits 1 on any failure.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(path):
    if path.endswith(".md"):
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    if path.endswith(".docx"):
        import docx
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        return "\n".join(parts)
    if path.endswith(".pdf"):
        import pypdf
        return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(path).pages)
    raise ValueError(path)


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main():
    errors = []
    dec = load("gold_decisions.jsonl")
    threads = load("gold_threads.jsonl")
    qs = load("questions.jsonl")
    texts = {}
    for d in dec:
        if d["file"] not in texts:
            texts[d["file"]] = norm(extract(os.path.join(HERE, d["file"])))
        t = texts[d["file"]]
        if norm(d["text"]) not in t:
            errors.append(f"text not found: {d['file']} {d['paragraph']}: {d['text'][:60]}")
        if d["paragraph"] not in t:
            errors.append(f"label not found: {d['file']} {d['paragraph']}")
        if not d["file"].startswith(d["date"]) or f"_{d['body']}_" not in d["file"]:
            errors.append(f"date/body do not match file name: {d['file']}")
        if "FIKTIVT EXEMPEL" not in t:
            errors.append(f"not marked FIKTIVT EXEMPEL: {d['file']}")
    files = sorted(f for f in os.listdir(HERE) if f.startswith("2035-"))
    for fn in files:
        if fn not in texts:
            errors.append(f"file without gold decisions: {fn}")
    by_ref = collections.defaultdict(list)
    for d in dec:
        by_ref[(d["file"], d["paragraph"])].append(d)

    rels = collections.Counter()
    for th in threads:
        for a, pa, b, pb, rel in th["links"]:
            rels[rel] += 1
            for ref in ((a, pa), (b, pb)):
                if ref not in by_ref:
                    errors.append(f"link end not a gold decision: {ref} ({th['matter']})")
            if a[:10] > b[:10]:
                errors.append(f"link goes backwards in time: {a} -> {b}")
        if th["open"]:
            ref = tuple(th["assignment"])
            if not any(d["kind"] == "uppdrag" for d in by_ref.get(ref, [])):
                errors.append(f"open assignment not a gold uppdrag: {ref}")
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", th.get("deadline", "")):
                errors.append(f"open matter without deadline: {th['matter']}")

    kinds = collections.Counter()
    for q in qs:
        for ref in q["earlier"]:
            if tuple(ref) not in by_ref:
                errors.append(f"{q['id']}: earlier ref not a gold decision: {ref}")
        if q["expected_latest"] is not None:
            ref = (q["expected_latest"]["file"], q["expected_latest"]["paragraph"])
            if ref not in by_ref:
                errors.append(f"{q['id']}: expected_latest not a gold decision: {ref}")
            pool = " ".join(d["text"] for d in by_ref.get(ref, []))
            kinds["latest"] += 1
        elif q["earlier"]:
            pool = " ".join(d["text"] for r in q["earlier"] for d in by_ref.get(tuple(r), []) if d["kind"] == "uppdrag")
            kinds["open"] += 1
        else:
            pool = ""
            kinds["unanswerable"] += 1
            if q["facts"]:
                errors.append(f"{q['id']}: unanswerable question with facts")
        for fact in q["facts"]:
            if fact not in pool:
                errors.append(f"{q['id']}: fact not in gold text: {fact}")

    ids = [q["id"] for q in qs]
    if ids != [f"d9q{i:02d}" for i in range(1, len(qs) + 1)]:
        errors.append("question ids not d9q01.. in order")

    ext = collections.Counter(f.rsplit(".", 1)[1] for f in files)
    print(f"files: {len(files)} ({', '.join(f'{v} {k}' for k, v in sorted(ext.items()))})")
    print(f"gold decisions: {len(dec)} — " + ", ".join(f"{k} {v}" for k, v in collections.Counter(d['kind'] for d in dec).most_common()))
    print("by body: " + ", ".join(f"{k} {v}" for k, v in collections.Counter(d['body'] for d in dec).most_common()))
    n_open = sum(1 for t in threads if t["open"])
    print(f"threads: {len(threads)} matters, {sum(rels.values())} links (" + ", ".join(f"{k} {v}" for k, v in rels.most_common()) + f"); open {n_open}")
    print(f"questions: {len(qs)} — expected latest {kinds['latest']}, open {kinds['open']}, unanswerable {kinds['unanswerable']}")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
