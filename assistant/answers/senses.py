"""An English question read in the sense the retrieved passages use: of an English word's Swedish
senses (the general word list's, then the dictionary's, in their order), the first that a retrieved
passage says is taken, so "appoint" reads as the verb the passages use for an appointment."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest.glossary import to_swedish
from ingest.swedish import tokenize

from .question import Term, tokens_of

if TYPE_CHECKING:
    from ingest.search import Hit


def said_by(hits: list[Hit]) -> Callable[[str], bool]:
    """Whether a Swedish word (its stem, or a compound's head, as a question term matches) stands in
    one of ``hits`` (text, section or title)."""
    have = frozenset(tokens_of(" ".join(f"{h.title} {h.section} {h.text}" for h in hits)))

    def said(word: str) -> bool:
        toks = tokenize(word)
        return bool(toks) and Term(toks[0], tuple(toks[1:])).match(have) >= 0.8

    return said


def passage_translation(hits: list[Hit]) -> Callable[[str], str]:
    """``to_swedish`` with each word's sense chosen by the retrieved passages (``said_by``)."""
    said = said_by(hits)
    return lambda text: to_swedish(text, prefer=said)
