"""Build ingest/data/sv_lexicon.txt.gz, the word list used to split Swedish compounds.

Words that occur at least MIN_COUNT times in the government corpus and the bundled report.
Run: python evals/build_lexicon.py [../shared/corpus/regeringen.jsonl.gz]"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

MIN_COUNT = 8
WORD = re.compile(r"[a-zåäöé]{3,}")


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/regeringen.jsonl.gz")
    counts: collections.Counter[str] = collections.Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            counts.update(WORD.findall(json.loads(line)["text"].lower()))
    for path in Path("corpus").glob("*.txt"):
        counts.update(WORD.findall(path.read_text(encoding="utf-8").lower()))
    words = sorted(w for w, c in counts.items() if c >= MIN_COUNT and len(w) <= 24)
    out = Path("ingest/data/sv_lexicon.txt.gz")
    out.write_bytes(gzip.compress("\n".join(words).encode("utf-8"), mtime=0))
    print(f"{len(words)} words -> {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
