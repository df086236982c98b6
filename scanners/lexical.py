"""Swedish words for the scanner, from the knowledge base's own analyser (``ingest.swedish``):
the tokenizers relevance scoring and story clustering use, and elliptic compounds spelled out."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.swedish import split_compound, tokenize

Tokenizer = Callable[[str], list[str]]


def relevance_words(text: str) -> list[str]:
    """Stemmed words with their prefix tokens, as search sees them. Compound parts are left out:
    relevance matches terms as word sequences and handles compounds itself (a term may begin a
    compound, never end one)."""
    return tokenize(text, compounds=False)


def story_words(text: str) -> list[str]:
    """Stemmed words only, in order: the shingles that tell two reports of one story apart."""
    return tokenize(text, compounds=False, prefixes=False)


_ELLIPTIC = re.compile(r"\b(\w{3,})- (och|eller|samt) (\w{6,})", re.UNICODE)
_COMMON_HEADS = ("utbildningarna", "utbildningar", "utbildningen", "utbildning", "politiken",
                 "politik", "försörjningen", "försörjning", "marknaden", "marknad", "området",
                 "verksamhet", "insatser", "frågor", "stöd")


def _head(word: str) -> str | None:
    common = next((h for h in _COMMON_HEADS if word.lower().endswith(h) and word.lower() != h),
                  None)
    if common:
        return word[len(word) - len(common):]
    parts = split_compound(word.lower())
    return word[len(word) - len(parts[-1]):] if len(parts) >= 2 else None


def expand_elliptic(text: str) -> str:
    """Spell out Swedish elliptic compounds so both halves are words of their own:
    "forsknings- och innovationspolitiken" → "forskningspolitiken och innovationspolitiken"."""
    def repl(m: re.Match[str]) -> str:
        head = _head(m.group(3))
        if not head:
            return m.group(0)
        return f"{m.group(1)}{head} {m.group(2)} {m.group(3)}"

    return _ELLIPTIC.sub(repl, text) if "- " in text else text
