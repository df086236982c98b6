"""Self-check of the dev12 gold against the minutes (run from anywhere).

Every gold text is found (whitespace normalised, in document order) in the text extracted with
pypdf / python-docx / the raw Markdown; every label occurs in its file; body and date agree with the
file name; every link end, open assignment and question reference is a gold decision; links run
forward in time; each question's `earlier` steps are in date order; every fact is a substring of the
expected latest decision's gold text (or, for open questions, of the open assignment's). Prints counts.
"""
import collections
import json
import pathlib
import re
import sys

import docx
import pypdf

HERE = pathlib.Path(__file__).resolve().parent


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(path):
    if path.suffix == ".pdf":
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


def load(name):
    return [json.loads(l) for l in (HERE / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def main():
    errors = []
    decisions = load("gold_decisions.jsonl")
    threads = load("gold_threads.jsonl")
    questions = load("questions.jsonl")
    files = sorted(p for p in HERE.iterdir() if p.suffix in (".md", ".pdf", ".docx") and p.name[:4].isdigit())
    texts = {p.name: norm(extract(p)) for p in files}
    for name, t in texts.items():
        if "FIKTIVT EXEMPEL" not in t:
            errors.append(f"{name}: no FIKTIVT EXEMPEL")
    pos = collections.defaultdict(int)
    keys = {}
    for d in decisions:
        f = d["file"]
        if f not in texts:
            errors.append(f"missing file {f}")
            continue
        m = re.match(r"(\d{4}-\d{2}-\d{2})_(.+)_(protokoll|minnesanteckningar)\.(md|pdf|docx)$", f)
        if not m or m.group(1) != d["date"] or m.group(2) != d["body"]:
            errors.append(f"{f}: body/date disagree with file name")
        i = texts[f].find(norm(d["text"]), pos[f])
        if i < 0:
            errors.append(f"{f} {d['paragraph']}: text not found in order: {d['text'][:60]}")
        else:
            pos[f] = i + len(norm(d["text"]))
        if d["paragraph"] not in texts[f]:
            errors.append(f"{f}: label {d['paragraph']!r} not in file")
        if d["kind"] not in ("beslut", "uppdrag", "procedur", "ställningstagande"):
            errors.append(f"{f} {d['paragraph']}: kind {d['kind']}")
        keys.setdefault((f, d["paragraph"]), d)
    links = collections.Counter()
    for t in threads:
        for a, pa, b, pb, rel in t["links"]:
            links[rel] += 1
            for k in ((a, pa), (b, pb)):
                if k not in keys:
                    errors.append(f"link end not gold: {k}")
            if a[:10] >= b[:10]:
                errors.append(f"link not forward: {a} -> {b}")
        if t["open"]:
            k = tuple(t["assignment"])
            if k not in keys or keys[k]["kind"] != "uppdrag":
                errors.append(f"open assignment not a gold uppdrag: {k}")
            if not re.match(r"\d{4}-\d{2}-\d{2}$", t.get("deadline", "")):
                errors.append(f"open matter without deadline: {t['matter']}")
    open_assign = {tuple(t["assignment"]) for t in threads if t["open"]}
    kinds = collections.Counter()
    for q in questions:
        steps = [tuple(e) for e in q["earlier"]]
        for k in steps:
            if k not in keys:
                errors.append(f"{q['id']}: earlier not gold: {k}")
        if [k[0][:10] for k in steps] != sorted(k[0][:10] for k in steps):
            errors.append(f"{q['id']}: earlier not in date order")
        if q.get("unanswerable"):
            kinds["unanswerable"] += 1
            if q["expected_latest"] is not None or q["earlier"] or q["facts"]:
                errors.append(f"{q['id']}: unanswerable with content")
            continue
        if q["expected_latest"] is None:
            kinds["open"] += 1
            if not steps or steps[-1] not in open_assign:
                errors.append(f"{q['id']}: open question does not end with an open assignment")
                continue
            src = keys[steps[-1]]["text"]
        else:
            kinds["latest"] += 1
            k = (q["expected_latest"]["file"], q["expected_latest"]["paragraph"])
            if k not in keys:
                errors.append(f"{q['id']}: expected_latest not gold: {k}")
                continue
            if steps and steps[-1][0][:10] > k[0][:10]:
                errors.append(f"{q['id']}: earlier step after the latest")
            src = keys[k]["text"]
        for fact in q["facts"]:
            if fact not in src:
                errors.append(f"{q['id']}: fact not in gold text: {fact}")
    by_kind = collections.Counter(d["kind"] for d in decisions)
    by_body = collections.Counter(d["body"] for d in decisions)
    ext = collections.Counter(p.suffix for p in files)
    print(f"files: {len(files)} {dict(ext)}")
    print(f"decisions: {len(decisions)} {dict(by_kind)}")
    print(f"by body: {dict(by_body)}")
    print(f"matters: {len(threads)}, links: {sum(links.values())} {dict(links)}, "
          f"open: {sum(t['open'] for t in threads)}")
    print(f"questions: {len(questions)} {dict(kinds)}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
