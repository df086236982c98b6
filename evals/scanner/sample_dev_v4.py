"""Sampling rule of the scanner development marks, v4 (see HELDOUT.md, "v4").

Pure standard library. Rebuilds the v1 pool, shuffle and strata (``sample_heldout_v2``), keeps in
the shuffled order the records with (year, month) < (2025, 7) whose URL is in none of the label
files, and takes the first ``EDU`` records of the edu stratum and the first ``REST`` of the rest.
Writes one JSON line per page (url, title, kind, year, month, stratum, text cut at 2,500
characters) for the labellers, shuffled with ``random.Random(11)``.

Usage: python -m evals.scanner.sample_dev_v4 [corpus.jsonl.gz] > pages.jsonl
"""
import json
import random
import sys
from pathlib import Path

from evals.scanner.sample_heldout_v2 import first_records, stratum

HERE = Path(__file__).parent
EDU, REST = 360, 60
LABEL_FILES = ("labels.jsonl", "labels_dev_v3.jsonl", "labels_heldout.jsonl")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/regeringen.jsonl.gz"
    pool = first_records(corpus, lambda r: 2023 <= int(r["year"]) <= 2026)
    random.Random(20261129).shuffle(pool)
    labelled = set()
    for name in LABEL_FILES:
        with open(HERE / name, encoding="utf-8") as f:
            labelled |= {json.loads(row)["url"] for row in f if row.strip()}
    take = {"edu": EDU, "rest": REST, "core": 10**6}
    out = []
    for r in pool:
        k = stratum(r)
        if (int(r["year"]), int(r["month"])) >= (2025, 7) or r["url"] in labelled or take[k] <= 0:
            continue
        take[k] -= 1
        out.append({"url": r["url"], "title": r.get("title") or "", "kind": r.get("kind"),
                    "year": int(r["year"]), "month": int(r["month"]), "stratum": k,
                    "text": (r.get("text") or "")[:2500]})
    random.Random(11).shuffle(out)
    print("# " + ", ".join(f"{k} {sum(o['stratum'] == k for o in out)}" for k in ("core", "edu", "rest")),
          file=sys.stderr)
    for o in out:
        print(json.dumps(o, ensure_ascii=False))


if __name__ == "__main__":
    main()
