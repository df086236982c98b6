"""Self-check of dev15's gold against its minutes. Run with the project's venv: python check_gold.py

- every gold text is found (whitespace normalised, in document order within each file) in the text extracted
  from its file (pypdf for PDF, python-docx paragraphs and table cells in body order for DOCX, raw Markdown);
- every paragraph label occurs in its file; body and date agree with the file name;
- every link end, open assignment and question reference is a gold decision; links run forward in time;
- each question's `earlier` steps are in date order and precede its expected latest decision;
- every fact is a substring of the gold text of the expected latest decision (or of the open assignment).
Prints the counts.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(path):
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    if path.suffix == ".docx":
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(str(path))
        out = []
        for el in d.element.body.iterchildren():
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(el, d).text)
            elif tag == "tbl":
                for row in Table(el, d).rows:
                    out.extend(c.text for c in row.cells)
        return "\n".join(out)
    raise ValueError(path)


def load(name):
    return [json.loads(l) for l in (HERE / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def main():
    errors = []
    gold = load("gold_decisions.jsonl")
    threads = load("gold_threads.jsonl")
    questions = load("questions.jsonl")
    texts = {}
    files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".md", ".pdf", ".docx") and p.name[:2] == "20")
    for f in files:
        texts[f] = norm(extract(HERE / f))
        if "FIKTIVT EXEMPEL" not in texts[f]:
            errors.append(f"{f}: not marked FIKTIVT EXEMPEL")
    pos = {}
    keys = set()
    by_key = {}
    for g in gold:
        f = g["file"]
        if f not in texts:
            errors.append(f"missing file {f}")
            continue
        m = re.match(r"(\d{4}-\d{2}-\d{2})_(.+?)_(protokoll|minnesanteckningar)\.", f)
        if not m or m.group(1) != g["date"] or m.group(2) != g["body"]:
            errors.append(f"{f}: body/date {g['body']} {g['date']} disagree with file name")
        if g["kind"] not in ("beslut", "procedur", "uppdrag", "ställningstagande"):
            errors.append(f"{f} {g['paragraph']}: kind {g['kind']}")
        t = texts[f]
        i = t.find(norm(g["text"]), pos.get(f, 0))
        if i < 0:
            errors.append(f"{f} {g['paragraph']}: text not found in order: {g['text'][:60]}")
        else:
            pos[f] = i + 1
        if norm(g["paragraph"]) not in t:
            errors.append(f"{f}: label {g['paragraph']!r} not in file")
        key = (f, g["paragraph"])
        keys.add(key)
        by_key.setdefault(key, []).append(g)

    def date(ref):
        return ref[0][:10]

    rel = Counter()
    for t in threads:
        for a, pa, b, pb, r in t["links"]:
            rel[r] += 1
            for k in ((a, pa), (b, pb)):
                if k not in keys:
                    errors.append(f"thread {t['matter'][:40]}: link end {k} not a gold decision")
            if not a[:10] < b[:10]:
                errors.append(f"thread {t['matter'][:40]}: link {a} -> {b} not forward in time")
        if t.get("open"):
            k = tuple(t["assignment"])
            if k not in keys or not any(g["kind"] == "uppdrag" for g in by_key.get(k, [])):
                errors.append(f"open assignment {k} not a gold uppdrag")
    for q in questions:
        refs = list(q["earlier"])
        exp = q["expected_latest"]
        if exp:
            refs.append([exp["file"], exp["paragraph"]])
        for k in refs:
            if tuple(k) not in keys:
                errors.append(f"{q['id']}: reference {k} not a gold decision")
        dates = [date(k) for k in refs]
        if dates != sorted(dates):
            errors.append(f"{q['id']}: steps not in date order")
        if exp:
            src = [g["text"] for g in by_key.get((exp["file"], exp["paragraph"]), [])]
        elif q["earlier"]:
            last = tuple(q["earlier"][-1])
            src = [g["text"] for g in by_key.get(last, []) if g["kind"] == "uppdrag"]
            if not any(t.get("open") and tuple(t["assignment"]) == last for t in threads):
                errors.append(f"{q['id']}: last earlier step {last} is not an open assignment")
        else:
            src = []
            if not q.get("unanswerable") or q["facts"]:
                errors.append(f"{q['id']}: no reference but not marked unanswerable")
        for fact in q["facts"]:
            if not any(fact in s for s in src):
                errors.append(f"{q['id']}: fact {fact!r} not in gold text")

    kinds = Counter(g["kind"] for g in gold)
    bodies = Counter(g["body"] for g in gold)
    exts = Counter(Path(f).suffix for f in files)
    n_open_q = sum(1 for q in questions if q["expected_latest"] is None and q["earlier"])
    n_unans = sum(1 for q in questions if q.get("unanswerable"))
    print(f"files: {len(files)} {dict(exts)}")
    print(f"decisions: {len(gold)} {dict(kinds)}")
    print(f"by body: {dict(bodies)}")
    print(f"threads: {len(threads)} matters, {sum(rel.values())} links {dict(rel)}, "
          f"{sum(1 for t in threads if len({l[0] for l in t['links']} | {l[2] for l in t['links']}) > 1)} across meetings, "
          f"{sum(1 for t in threads if t.get('open'))} open")
    print(f"questions: {len(questions)} ({len(questions) - n_open_q - n_unans} with a latest decision, "
          f"{n_open_q} open, {n_unans} unanswerable)")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
