#!/usr/bin/env python3
"""Self-check of the dev13 gold (blind set of minutes with decision threads).

Checks: every gold text is found (whitespace normalised, in document order) in the text extracted from its
file (pypdf / python-docx / raw Markdown); every label occurs in its file; body and date agree with the file
name; every link end, open assignment and question reference is a gold decision; links run forward in time;
open assignments are uppdrag; question `earlier` steps are in date order; every fact is a substring of the
expected latest decision's gold text (or of the open assignment's). Prints counts. Exit 1 on any failure.
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
        import pypdf
        return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)
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
                    out.append(" | ".join(c.text for c in row.cells))
        return "\n".join(out)
    raise ValueError(path)


def load(name):
    return [json.loads(l) for l in (HERE / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def main():
    errors = []
    decs = load("gold_decisions.jsonl")
    threads = load("gold_threads.jsonl")
    questions = load("questions.jsonl")
    texts = {}
    pos = {}
    index = {}
    for d in decs:
        f = d["file"]
        if f not in texts:
            texts[f] = norm(extract(HERE / f))
            pos[f] = 0
        m = re.match(r"(\d{4}-\d{2}-\d{2})_([a-z-]+)_", f)
        if not m or m.group(1) != d["date"] or m.group(2) != d["body"]:
            errors.append(f"body/date mismatch: {d}")
        t = norm(d["text"])
        i = texts[f].find(t, pos[f])
        if i < 0:
            errors.append(f"text not found (in order) in {f}: {t[:70]}")
        else:
            pos[f] = i + len(t)
        if d["paragraph"] not in texts[f]:
            errors.append(f"label not in file {f}: {d['paragraph']}")
        if d["kind"] not in ("beslut", "procedur", "uppdrag", "ställningstagande"):
            errors.append(f"bad kind: {d}")
        index.setdefault((f, d["paragraph"]), []).append(d)
    files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".md", ".pdf", ".docx") and p.name[:2] == "20")
    if sorted(texts) != files:
        errors.append(f"files without gold or gold without file: {set(files) ^ set(texts)}")
    for f in files:
        if "FIKTIVT EXEMPEL" not in texts.get(f, norm(extract(HERE / f))):
            errors.append(f"not marked FIKTIVT EXEMPEL: {f}")

    rel = Counter()
    for t in threads:
        for a, pa, b, pb, r in t["links"]:
            rel[r] += 1
            for ref in ((a, pa), (b, pb)):
                if ref not in index:
                    errors.append(f"link end not a gold decision: {ref}")
            if a[:10] >= b[:10]:
                errors.append(f"link not forward in time: {a} -> {b}")
        if t.get("open"):
            ref = tuple(t["assignment"])
            if not any(d["kind"] == "uppdrag" for d in index.get(ref, [])):
                errors.append(f"open assignment not a gold uppdrag: {ref}")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.get("deadline", "")):
                errors.append(f"open matter without deadline: {t['matter']}")

    kinds = Counter()
    for q in questions:
        refs = [tuple(e) for e in q["earlier"]]
        latest = q["expected_latest"]
        if latest:
            refs.append((latest["file"], latest["paragraph"]))
        for ref in refs:
            if ref not in index:
                errors.append(f"{q['id']}: reference not a gold decision: {ref}")
        dates = [e[0][:10] for e in q["earlier"]]
        if dates != sorted(dates):
            errors.append(f"{q['id']}: earlier not in date order")
        if latest:
            kinds["latest"] += 1
            pool = [d["text"] for d in index.get((latest["file"], latest["paragraph"]), [])]
            if dates and dates[-1] > latest["file"][:10]:
                errors.append(f"{q['id']}: an earlier step is later than the expected latest")
        elif q.get("unanswerable"):
            kinds["unanswerable"] += 1
            pool = []
            if q["earlier"] or q["facts"]:
                errors.append(f"{q['id']}: unanswerable with steps or facts")
        else:
            kinds["open"] += 1
            last = tuple(q["earlier"][-1])
            pool = [d["text"] for d in index.get(last, []) if d["kind"] == "uppdrag"]
            if not pool:
                errors.append(f"{q['id']}: open question does not end with an uppdrag")
        for fact in q["facts"]:
            if not any(fact in p for p in pool):
                errors.append(f"{q['id']}: fact not in gold text: {fact}")

    ext = Counter(Path(f).suffix for f in files)
    print(f"files: {len(files)} ({dict(ext)})")
    print(f"decisions: {len(decs)}; kinds {dict(Counter(d['kind'] for d in decs))}")
    print(f"by body: {dict(Counter(d['body'] for d in decs))}")
    print(f"matters: {len(threads)}, links: {sum(rel.values())} {dict(rel)}, "
          f"across meetings: {sum(1 for t in threads if t['links'])}, open: {sum(1 for t in threads if t.get('open'))}")
    print(f"questions: {len(questions)} {dict(kinds)}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
