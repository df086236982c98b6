"""Query expansion with the domain glossary (MSV, KLL, MYH, UKÄ, RUA …): a query using an
abbreviation also searches its expansion, and the other way round."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=4)
def load_glossary(path: str | None = None) -> dict[str, list[str]]:
    raw = Path(path).read_text("utf-8") if path else resources.files("ingest").joinpath(
        "data/glossary.toml").read_text("utf-8")
    return {k: list(v) for k, v in tomllib.loads(raw).get("terms", {}).items()}


def expand_query(query: str, glossary: dict[str, list[str]] | None = None) -> str:
    """The query with the other forms of any glossary term it contains appended."""
    glossary = load_glossary() if glossary is None else glossary
    lower = query.lower()
    extra: list[str] = []
    for short, longs in glossary.items():
        if re.search(rf"(?<![\wÅÄÖåäö]){re.escape(short)}(?![\wÅÄÖåäö])", query):
            extra.extend(longs)
        elif any(long.lower() in lower for long in longs):
            extra.append(short)
    extra = [e for e in dict.fromkeys(extra) if e.lower() not in lower]
    return f"{query} {' '.join(extra)}" if extra else query
