"""Sampling rule of the scanner held-out labels, v2 extension (see HELDOUT.md).

Pure standard library. Re-implements the v1 rule from HELDOUT.md (pool, shuffle seed,
STRIP/CORE/EDU strata), then continues each stratum's shuffled order with records whose
(year, month) >= (2025, 7) that are not among the v1 labels, taking the first
120 core (only 83 exist: all taken), 40 edu and 240 rest. Prints the selected urls (stratum<TAB>url), in order.

Usage: python sample_heldout_v2.py [corpus.jsonl.gz] [labels_heldout.jsonl]
"""
import gzip
import json
import random
import re
import sys

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/regeringen.jsonl.gz"
LABELS = sys.argv[2] if len(sys.argv) > 2 else "evals/scanner/labels_heldout.jsonl"
V1 = {"core": 156, "edu": 52, "rest": 312}
V2 = {"core": 120, "edu": 40, "rest": 240}  # core has only 83: all of them are taken
V1_LINES = 520

STRIP = re.compile(r'(utbildnings|arbetsmarknads|skol|gymnasie|högskole|integrations)[- och a-zåäö,]*minist(er|ern|rar|rarna)'
                   r'|(utbildnings|arbetsmarknads)departement\w*', re.I)
CORE = re.compile(r'kompetensförsörjning|kompetensutveckling|kompetenslyft|kompetensbrist|arbetskraft|matchning'
                  r'|komvux|vuxenutbildning|yrkeshögskol|yrkesutbildning|yrkesvux|folkhögskol|folkbildning|studieförbund|\bsfi\b'
                  r'|validering|yrkesvägledning|livslångt lärande|omställningsstöd|arbetsmarknadsutbildning|arbetsförmedling'
                  r'|\bESF|socialfond|högskolerådet|universitetskanslersämbetet|tillväxtverket|utbildningsplatser|äldreomsorgslyft', re.I)
EDU = re.compile(r'utbildning|arbetsmarknad|arbetslös|högskol|universitet|lärosäte|vägledning'
                 r'|\bskola|\bskolan|\bskolor|grundskol|gymnasie|förskol|\belev|\bstudent|lärare', re.I)


def stratum(rec):
    t = STRIP.sub(" ", (rec.get("title") or "") + "\n" + (rec.get("text") or ""))
    return "core" if CORE.search(t) else "edu" if EDU.search(t) else "rest"


def first_records(corpus, keep):
    """The records of ``corpus`` that ``keep`` accepts, in file order, the first of each url."""
    pool, seen = [], set()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not keep(r) or r["url"] in seen:
                continue
            seen.add(r["url"])
            pool.append(r)
    return pool


def main():
    pool = first_records(CORPUS, lambda r: 2023 <= int(r["year"]) <= 2026)
    random.Random(20261129).shuffle(pool)
    strata = {"core": [], "edu": [], "rest": []}
    for r in pool:
        strata[stratum(r)].append(r)
    # Only the v1 labels (the first 520 lines) define "already labelled"; the v2 lines appended
    # after them are the output of this script, so reading them would change the selection.
    with open(LABELS, encoding="utf-8") as f:
        lines = [row for row in f if row.strip()][:V1_LINES]
    labelled = {json.loads(row)["url"] for row in lines}
    print(f"# pool {len(pool)}; " + ", ".join(f"{k} {len(v)}" for k, v in strata.items()), file=sys.stderr)
    for k, recs in strata.items():
        v1 = {r["url"] for r in recs[:V1[k]]}
        # check: the v1 draw is the first V1[k] of each stratum
        print(f"# {k}: v1 draw reproduced {len(v1 & labelled)}/{V1[k]}", file=sys.stderr)
        # continue after the v1 draw; the v1 draw's own heldout items are already labelled
        cand = [r for r in recs[V1[k]:]
                if (int(r["year"]), int(r["month"])) >= (2025, 7) and r["url"] not in labelled]
        print(f"# {k}: {len(cand)} unlabelled heldout-period records available, taking {min(V2[k], len(cand))}",
              file=sys.stderr)
        for r in cand[:V2[k]]:
            print(f"{k}\t{r['url']}")


if __name__ == "__main__":
    main()
