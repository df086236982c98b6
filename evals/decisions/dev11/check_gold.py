#!/usr/bin/env python3
"""Self-check of dev11's gold against the minutes (run with the project's venv: pypdf, python-docx).

- every gold text is found (whitespace normalised, in document order per file) in the text extracted
  from its file: pypdf for PDF, python-docx (paragraphs and table cells, in body order) for DOCX, the raw
  file for Markdown; every paragraph label occurs in its file; body and date agree with the file name;
- every link end, open assignment and question reference is a gold decision; links run forward in time;
  each question's `earlier` steps are in date order;
- every fact is a substring of the gold text of the expected latest decision (or of the open assignment).
Prints the counts.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(fn):
    path = os.path.join(HERE, fn)
    if fn.endswith(".md"):
        return open(path, encoding="utf-8").read()
    if fn.endswith(".pdf"):
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
    if fn.endswith(".docx"):
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(path)
        out = []
        for el in d.element.body.iterchildren():
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(el, d).text)
            elif tag == "tbl":
                for row in Table(el, d).rows:
                    out.append(" ".join(c.text for c in row.cells))
        return "\n".join(out)
    raise ValueError(fn)


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def main():
    errors = []
    dec = load("gold_decisions.jsonl")
    thr = load("gold_threads.jsonl")
    qs = load("questions.jsonl")
    texts = {}
    pos = collections.defaultdict(int)
    by_label = collections.defaultdict(list)
    for d in dec:
        fn = d["file"]
        if fn not in texts:
            texts[fn] = norm(extract(fn))
        t = texts[fn]
        i = t.find(norm(d["text"]), pos[fn])
        if i < 0:
            errors.append(f"text not found (in order) in {fn}: {d['text'][:70]}")
        else:
            pos[fn] = i + len(norm(d["text"]))
        if d["paragraph"] not in t:
            errors.append(f"label {d['paragraph']!r} not in {fn}")
        if d["date"] != fn[:10] or d["body"] != fn.split("_")[1]:
            errors.append(f"body/date mismatch: {d}")
        if "FIKTIVT EXEMPEL" not in t:
            errors.append(f"no FIKTIVT EXEMPEL in {fn}")
        if d["kind"] not in ("beslut", "uppdrag", "procedur", "ställningstagande"):
            errors.append(f"bad kind {d['kind']}")
        by_label[(fn, d["paragraph"])].append(d)
    files = sorted(f for f in os.listdir(HERE) if re.match(r"\d{4}-\d\d-\d\d_", f))
    if sorted(texts) != files:
        errors.append(f"files without gold or gold without files: {set(files) ^ set(texts)}")

    def ref(fn, p, where):
        if (fn, p) not in by_label:
            errors.append(f"{where}: not a gold decision: {fn} {p}")
            return False
        return True

    rel = collections.Counter()
    n_links = 0
    for t in thr:
        for a, pa, b, pb, r in t["links"]:
            n_links += 1
            rel[r] += 1
            ref(a, pa, t["matter"]) and ref(b, pb, t["matter"])
            if a[:10] >= b[:10]:
                errors.append(f"link not forward in time: {a} {pa} -> {b} {pb}")
        if t["open"]:
            fn, p = t["assignment"]
            if ref(fn, p, "open assignment") and not any(d["kind"] == "uppdrag" for d in by_label[(fn, p)]):
                errors.append(f"open assignment is no uppdrag: {fn} {p}")
            if not re.match(r"\d{4}-\d\d-\d\d$", t.get("deadline", "")):
                errors.append(f"bad deadline {t}")
    open_asg = {tuple(t["assignment"]) for t in thr if t["open"]}

    kinds = collections.Counter()
    for q in qs:
        qid = q["id"]
        for fn, p in q["earlier"]:
            ref(fn, p, qid)
        dates = [fn[:10] for fn, _ in q["earlier"]]
        if dates != sorted(dates):
            errors.append(f"{qid}: earlier not in date order")
        if q.get("unanswerable"):
            kinds["unanswerable"] += 1
            if q["expected_latest"] or q["earlier"] or q["facts"]:
                errors.append(f"{qid}: unanswerable with content")
            continue
        if q["expected_latest"]:
            kinds["latest"] += 1
            key = (q["expected_latest"]["file"], q["expected_latest"]["paragraph"])
            if not ref(*key, qid):
                continue
            gold = " ".join(d["text"] for d in by_label[key])
        else:
            kinds["open"] += 1
            key = tuple(q["earlier"][-1]) if q["earlier"] else None
            if key not in open_asg:
                errors.append(f"{qid}: earlier does not end with an open assignment")
                continue
            gold = " ".join(d["text"] for d in by_label[key] if d["kind"] == "uppdrag")
        for f in q["facts"]:
            if f not in gold:
                errors.append(f"{qid}: fact not in gold text: {f}")
        if not q["facts"]:
            errors.append(f"{qid}: no facts")

    c_kind = collections.Counter(d["kind"] for d in dec)
    c_body = collections.Counter(d["body"] for d in dec)
    ext = collections.Counter(f.rsplit(".", 1)[1] for f in files)
    print(f"files: {len(files)} ({dict(ext)})")
    print(f"decisions: {len(dec)} {dict(c_kind)}")
    print(f"by body: {dict(c_body)}")
    print(f"matters: {len(thr)}, links: {n_links} {dict(rel)}, open: {len(open_asg)}, "
          f"across meetings: {sum(1 for t in thr if t['links'])}")
    print(f"questions: {len(qs)} {dict(kinds)}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
