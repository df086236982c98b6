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


# -- English questions over Swedish documents -------------------------------------------------------
_EN_MARKERS = frozenset("the what who which how does is are was were of and to in for".split())


@lru_cache(maxsize=1)
def _english() -> tuple[tuple[tuple[str, str], ...], dict[str, str], frozenset[str]]:
    """(phrases longest first, single words, stopwords) from ``data/english.toml``."""
    raw = tomllib.loads(resources.files("ingest").joinpath("data/english.toml").read_text("utf-8"))
    terms = {k.lower(): v.lower() for k, v in raw.get("terms", {}).items()}
    phrases = tuple(sorted(((k, v) for k, v in terms.items() if " " in k), key=lambda kv: (-len(kv[0].split()), -len(kv[0]))))
    words = {k: v for k, v in terms.items() if " " not in k}
    stop = frozenset(raw.get("stopwords", {}).get("words", "").split())
    return phrases, words, stop


def is_english(text: str) -> bool:
    """At least two English function words ("what is", "who are the")."""
    return len(set(re.findall(r"[a-z]+", text.lower())) & _EN_MARKERS) >= 2


def to_swedish(text: str, drop: frozenset[str] = frozenset()) -> str:
    """The domain's English words and phrases of ``text`` in Swedish (phrases first, a plural -s
    allowed); English function words and words in ``drop`` go, anything else (names, Swedish words)
    stays as it is."""
    phrases, words, stop = _english()
    low = text.lower()
    for en, sv in phrases:
        if en.split()[0] in low:
            low = re.sub(rf"(?<![\w-]){re.escape(en)}s?(?![\w-])", sv, low)
    out = []
    for w in re.findall(r"[\wåäöé:'-]+", low):
        w = w.strip("'")
        if not w or w in drop or w in stop or w.removesuffix("'s") in stop:
            continue
        w = w.removesuffix("'s")
        out.append(words.get(w) or (words.get(w[:-1]) if w.endswith("s") and len(w) > 3 else None) or w)
    return " ".join(out)


@lru_cache(maxsize=1)
def load_english_words() -> frozenset[str]:
    """Every English word of the domain vocabulary and its stopwords (lower-cased)."""
    phrases, words, stop = _english()
    return frozenset(w for en, _ in phrases for w in en.split()) | frozenset(words) | stop
