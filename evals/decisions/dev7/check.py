"""Self-check of the dev7 gold: texts found in extracted text, links and question refs exist, facts present.

Run: python check.py   (needs pypdf and python-docx)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def extract(name):
    path = os.path.join(HERE, name)
    if name.endswith(".pdf"):
        import pypdf
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    if name.endswith(".docx"):
        import docx
        return "\n".join(p.text for p in docx.Document(path).paragraphs)
    with open(path, encoding="utf-8") as f:
        return f.read()


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    errors = []
    dec = load("gold_decisions.jsonl")
    thr = load("gold_threads.jsonl")
    qs = load("questions.jsonl")
    texts = {}
    for d in dec:
        if d["file"] not in texts:
            texts[d["file"]] = norm(extract(d["file"]))
        t = texts[d["file"]]
        if norm(d["text"]) not in t:
            errors.append("text not found: %s %s %r" % (d["file"], d["paragraph"], d["text"][:60]))
        label = d["paragraph"]
        probe = label
        m = re.match(r"§ (\d+) ([a-z])$", label)
        if m:
            probe = "%s %s" % (m.group(1), m.group(2))
        if not re.search(r"(^|\W)" + re.escape(probe) + r"(\W|$)", t):
            errors.append("label not found: %s %s" % (d["file"], label))
        if "FIKTIVT EXEMPEL" not in t:
            errors.append("not marked FIKTIVT EXEMPEL: " + d["file"])
        if d["date"] != d["file"][:10] or d["body"] != d["file"].split("_")[1]:
            errors.append("date/body mismatch: " + d["file"])
    keys = {(d["file"], d["paragraph"]) for d in dec}
    for m in thr:
        for a, pa, b, pb, rel in m["links"]:
            for k in ((a, pa), (b, pb)):
                if k not in keys:
                    errors.append("link end not a gold decision: %s %s" % k)
            if rel not in {"besvarar", "återrapporterar", "ändrar", "förlänger", "upphäver"}:
                errors.append("bad relation " + rel)
            if a[:10] >= b[:10]:
                errors.append("link not forward in time: %s -> %s" % (a, b))
        if m["open"] and tuple(m["assignment"]) not in keys:
            errors.append("open assignment not in gold: %s" % m["assignment"])
    by_key = {}
    for d in dec:
        by_key.setdefault((d["file"], d["paragraph"]), []).append(d["text"])
    for q in qs:
        el = q["expected_latest"]
        for e in q["earlier"]:
            if tuple(e) not in keys:
                errors.append("%s earlier ref missing %s" % (q["id"], e))
        if el:
            src = by_key.get((el["file"], el["paragraph"]))
            if not src:
                errors.append("%s expected_latest missing" % q["id"])
                continue
        elif not q.get("unanswerable"):
            src = [t for e in q["earlier"] for t in by_key[tuple(e)]]
        else:
            src = []
        for fact in q["facts"]:
            if not any(norm(fact) in norm(s) for s in src):
                errors.append("%s fact not in source: %r" % (q["id"], fact))
    kinds = {}
    for d in dec:
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
    print("decisions", len(dec), kinds)
    print("matters", len(thr), "links", sum(len(m["links"]) for m in thr),
          "open", sum(m["open"] for m in thr))
    print("questions", len(qs), "open-assignment", sum(1 for q in qs if q["expected_latest"] is None and not q.get("unanswerable")),
          "unanswerable", sum(1 for q in qs if q.get("unanswerable")))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
