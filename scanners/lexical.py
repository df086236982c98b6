"""Swedish word handling for the scanner: stemmed tokens, with or without the ingest analyser."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

Tokenizer = Callable[[str], list[str]]

_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+(?:[-:][0-9A-Za-zÅÄÖåäöÉéÜü]+)*")

STOPWORDS = frozenset("""
alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina
ditt du där efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom
hur här i icke ingen inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket
ni nu när någon något några och om oss på samma sedan sig sin sina sitta sjäv skulle som så sådan
till under upp ut utan vad var vara varför varit varje vars vart vem vi vid vilka vilken vill
än är över också ska även nya ny nytt sina får fått genom två tre år bland enligt
""".split())


@functools.lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("swedish")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Swedish stem of one lower-cased word."""
    return _stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words, hyphenated compounds split into their parts as well."""
    out: list[str] = []
    for m in _WORD.finditer(text or ""):
        w = m.group(0).lower()
        if "-" in w or ":" in w:
            out.extend(p for p in re.split(r"[-:]", w) if p)
        else:
            out.append(w)
    return out


def fallback_tokenize(text: str) -> list[str]:
    """Stemmed Swedish tokens without stopwords (snowball), used when ingest has no analyser."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def default_tokenizer() -> Tokenizer:
    """The knowledge base's Swedish analyser if installed (same stems and stopwords as search),
    else ours. Compound parts are left out: relevance matches terms as word sequences and
    handles compounds itself (a term may begin a compound, never end one)."""
    try:
        from ingest.swedish import tokenize
    except ImportError:
        return fallback_tokenize

    def whole_words(text: str) -> list[str]:
        return tokenize(text, compounds=False)

    return whole_words


_ELLIPTIC = re.compile(r"\b(\w{3,})- (och|eller|samt) (\w{6,})", re.UNICODE)
_COMMON_HEADS = ("utbildningarna", "utbildningar", "utbildningen", "utbildning", "politiken",
                 "politik", "försörjningen", "försörjning", "marknaden", "marknad", "området",
                 "verksamhet", "insatser", "frågor", "stöd")


def _head(word: str) -> str | None:
    try:
        from ingest.swedish import split_compound
    except ImportError:
        split_compound = None
    common = next((h for h in _COMMON_HEADS if word.lower().endswith(h) and word.lower() != h),
                  None)
    if common or split_compound is None:
        return word[len(word) - len(common):] if common else None
    parts = split_compound(word.lower())
    return word[len(word) - len(parts[-1]):] if len(parts) >= 2 else None


def expand_elliptic(text: str) -> str:
    """Spell out Swedish elliptic compounds so both halves are words of their own:
    "arbetsmarknads- och integrationspolitiken" → "arbetsmarknadspolitiken och
    integrationspolitiken"."""
    def repl(m: re.Match[str]) -> str:
        head = _head(m.group(3))
        if not head:
            return m.group(0)
        return f"{m.group(1)}{head} {m.group(2)} {m.group(3)}"

    return _ELLIPTIC.sub(repl, text) if "- " in text else text
