"""Sampling rule of the scanner development marks, v5 (see HELDOUT.md, "v5").

Pure standard library. The pages *before* the v1 pool's years (``year`` < 2023, first record of
each URL, in file order), shuffled with ``random.Random(20261130)``, sorted into the v1 strata
(``sample_heldout_v2.stratum``); takes every ``core`` page and the first ``EDU`` of the edu stratum.
Older than every held-out page, so the time split holds. Writes one JSON line per page (url, title,
kind, year, month, text cut at 2,500 characters) for the labellers.

Usage: python -m evals.scanner.sample_dev_v5 [corpus.jsonl.gz] > pages.jsonl
"""
import json
import random
import sys

from evals.scanner.sample_heldout_v2 import first_records, stratum

EDU = 60


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/regeringen.jsonl.gz"
    pool = first_records(corpus, lambda r: int(r["year"]) < 2023)
    random.Random(20261130).shuffle(pool)
    take = {"core": 10**6, "edu": EDU, "rest": 0}
    out = []
    for r in pool:
        k = stratum(r)
        if take[k] <= 0:
            continue
        take[k] -= 1
        out.append({"url": r["url"], "title": r.get("title") or "", "kind": r.get("kind"),
                    "year": int(r["year"]), "month": int(r["month"]), "text": (r.get("text") or "")[:2500]})
    print(f"# pool {len(pool)}; core {sum(1 for r in pool if stratum(r) == 'core')}, taken {len(out)}",
          file=sys.stderr)
    for o in out:
        print(json.dumps(o, ensure_ascii=False))


if __name__ == "__main__":
    main()
