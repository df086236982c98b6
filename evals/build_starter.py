"""Build corpus/starter/regeringen-urval.jsonl.gz, the public starter corpus bundled beside the
founding report, from the government pages in ../shared/corpus/regeringen.jsonl.gz.

The rule (also written down in corpus/README.md): a regeringsuppdrag or press release dated
2019–2026, with text, is chosen when it concerns one of the member agencies of MSV KLL (AGENCIES,
the ten named in the founding report) or the collaboration's field (TOPICS: skills supply, adult
education, validation, lifelong learning …): it names the agency or the field in its title, or at
least twice in its text. Each chosen
page keeps url, title, text, kind, date (year and month) and gets ``agency``: the first member agency
its title names, else the one its text names most often, else "" (a page about the field that names
none), and ``agencies``: every member agency it names. Lines are sorted by date, then url, and the
gzip stream carries no time stamp, so the same input gives the same bytes.

Run: python evals/build_starter.py [--source ../shared/corpus/regeringen.jsonl.gz] [--out corpus/starter/regeringen-urval.jsonl.gz]"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpus" / "regeringen.jsonl.gz"
OUT = ROOT / "corpus" / "starter" / "regeringen-urval.jsonl.gz"

YEARS = (2019, 2026)
KINDS = {"regeringsuppdrag": "regeringsuppdrag", "pressmeddelanden": "pressmeddelande"}

# The member agencies named in the founding report (corpus/forstudier-…-slutrapport.txt), each as
# the label stored in ``agency`` and the names it is written with (whole words, case kept).
AGENCIES: dict[str, tuple[str, ...]] = {
    "Arbetsförmedlingen": ("Arbetsförmedlingen",),
    "MYH": ("Myndigheten för yrkeshögskolan", "MYH"),
    "Skolverket": ("Skolverket", "Statens skolverk"),
    "ESF-rådet": ("ESF-rådet", "Rådet för Europeiska socialfonden i Sverige"),
    "Tillväxtverket": ("Tillväxtverket",),
    "UHR": ("Universitets- och högskolerådet", "UHR"),
    "UKÄ": ("Universitetskanslersämbetet", "UKÄ"),
    "Folkbildningsrådet": ("Folkbildningsrådet",),
    "Vinnova": ("Vinnova",),
    "SCB": ("Statistiska centralbyrån", "SCB"),
}

# The collaboration's field, as word stems (lower case, matched at a word start).
TOPICS = (
    "kompetensförsörjning", "kompetensbehov", "kompetensutveckling", "kompetenslyft", "vuxenutbildning",
    "komvux", "yrkesvux", "validering", "livslångt lärande", "yrkeshögskol", "folkhögskol", "folkbildning",
    "yrkesutbildning", "lärlingsutbildning", "studie- och yrkesvägledning", "omställningsstudiestöd",
    "arbetsmarknadsutbildning",
)
MIN_MENTIONS = 2  # in the text, when the title names neither an agency nor the field

_AGENCY_RE = {label: re.compile(r"(?<![\wÅÄÖåäö-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\wÅÄÖåäö-])")
              for label, names in AGENCIES.items()}
_TOPIC_RE = re.compile(r"(?<![\wåäö])(?:" + "|".join(re.escape(t) for t in TOPICS) + ")", re.IGNORECASE)


def agencies_in(text: str) -> list[tuple[str, int, int]]:
    """(label, mentions, first position) for each member agency ``text`` names."""
    found = []
    for label, pattern in _AGENCY_RE.items():
        hits = [m.start() for m in pattern.finditer(text)]
        if hits:
            found.append((label, len(hits), hits[0]))
    return found


def primary_agency(title: str, text: str) -> str:
    in_title = sorted(agencies_in(title), key=lambda a: a[2])
    if in_title:
        return in_title[0][0]
    in_text = sorted(agencies_in(text), key=lambda a: (-a[1], a[2]))
    return in_text[0][0] if in_text else ""


def chosen(rec: dict) -> bool:
    """The rule: in the years, of the kinds, and naming a member agency or the field."""
    if rec.get("kind") not in KINDS or not YEARS[0] <= int(rec.get("year") or 0) <= YEARS[1]:
        return False
    title, text = str(rec.get("title") or ""), str(rec.get("text") or "")
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return False  # a heading and nothing else: nothing to index
    if agencies_in(title) or _TOPIC_RE.search(title):
        return True
    return (sum(n for _, n, _ in agencies_in(text)) >= MIN_MENTIONS
            or len(_TOPIC_RE.findall(text)) >= MIN_MENTIONS)


def select(records: Iterable[dict]) -> list[dict]:
    """The chosen records as the starter corpus writes them, in their stable order."""
    out = []
    for rec in records:
        if not chosen(rec):
            continue
        title, text = str(rec.get("title") or ""), str(rec["text"])
        out.append({
            "url": rec["url"], "title": title, "kind": KINDS[rec["kind"]],
            "date": f"{int(rec['year']):04d}-{int(rec.get('month') or 1):02d}",
            "agency": primary_agency(title, text),
            "agencies": sorted(a for a, _, _ in agencies_in(f"{title}\n{text}")),
            "text": text,
        })
    out.sort(key=lambda r: (r["date"], r["url"]))
    return out


def read(source: Path) -> Iterator[dict]:
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def write(records: list[dict], out: Path) -> None:
    """JSON lines, gzip without a time stamp or file name: the same records give the same bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    out.write_bytes(buf.getvalue())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    records = select(read(args.source))
    write(records, args.out)
    kinds: dict[str, int] = {}
    for r in records:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(records)} dokument ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"{sum(len(r['text']) for r in records) / 1e6:.1f} M tecken -> {args.out} ({args.out.stat().st_size} byte)")


if __name__ == "__main__":
    main()
