"""What a candidate sentence must say of the question's own matter to answer it: not a sibling of
the body asked about, the thing a time or frequency question times (beyond who does it), the whole
name of a matter ("elevundersökningen", not "undersökningen"), the office a holder is asked of, the
thing a "hur många" question counts (in the sentence's own compound of its head)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.swedish import tokenize

from .figures import NUMBER_WORDS, figure_says, without_references
from .question import tokens_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .question import QuestionInfo, Term
    from .subject import Entity
    from .units import Unit


def name_stems(about: tuple[Entity, ...]) -> set[str]:
    """The stems of every form of the question's named subjects."""
    return {t for e in about for f in e.forms for t in f}


def names_a_sibling(info: QuestionInfo, u: Unit, about: tuple[Entity, ...]) -> bool:
    """Whether the sentence names a sibling of a body the question names, and not that body
    ("referensgruppen möts varje kvartal" for "Hur ofta möts KX-gruppen?")."""
    names = name_stems(about)
    return any((t.stem in names or info.kind in ("person", "name")) and not t.verb and t.sibling_in(u.tokens)
               for t in info.terms)


def says_what(info: QuestionInfo, u: Unit, about: tuple[Entity, ...], doer: frozenset[str] = frozenset(),
              synonyms: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Whether a sentence says what the question times ("När upphör avtalet?" is not answered by
    "X har sedan våren varit ordförande"): one of its nouns that is no name of the question's (nor
    ``doer``, the one that does what is timed), or a synonym of one (``synonyms``: stem → stems)."""
    names = name_stems(about) | doer
    what = [t for t in info.terms if not t.verb and t.stem not in names]
    return not what or any(u.matches.get(t, 0.0) >= 0.8 or t.match(u.near) >= 0.8
                           or synonyms is not None and synonyms.get(t.stem, frozenset()) & u.near for t in what)


# "Hur ofta har nämnden möte?": the word after the finite verb is who does it; the noun after is what is timed.
_HOW_OFTEN = re.compile(r"^\s*hur ofta\s+([\w:-]+)\s+(?:det\s+)?([\w:-]+)", re.IGNORECASE)
# Verbs in -s that are not passive (deponent and reciprocal: in "… möts rådet?" the council is the doer).
_DEPONENTS = frozenset("möts träffas ses samlas finns umgås hörs syns trivs lyckas hoppas andas minns".split())


def doer(question: str) -> frozenset[str]:
    """The stems of the subject of a "Hur ofta …" question (empty for other questions, and for a
    passive one: "Hur ofta görs undersökningen?" times what its subject names, no doer)."""
    m = _HOW_OFTEN.match(question)
    verb = m.group(1).lower() if m else ""
    if m is None or verb.endswith("s") and not verb.endswith("ss") and verb not in _DEPONENTS:
        return frozenset()
    return frozenset(tokens_of(m.group(2), compounds=False))


def says_modifier(modifier: str, text: str) -> bool:
    """Whether ``text`` says a compound's modifier as a word of its own or opening one ("elever" for
    "elev", "lärare" for "lärar")."""
    word = modifier[:-1] if modifier.endswith("s") and len(modifier) > 5 else modifier  # a linking s
    return re.search(rf"\b{re.escape(word[:max(4, len(word) - 1)])}", text, re.IGNORECASE) is not None


def beside(u: Unit, term: Term, passage: list[Unit]) -> bool:
    """Whether the sentence, or the one before or after it in its passage, says ``term``."""
    return any(v.pos in (u.pos - 1, u.pos, u.pos + 1) and term.match(v.tokens) >= 0.8 for v in passage)


def counted_in_other_words(sentence: str, role: Term) -> bool:
    """Whether a number stands before another compound of the counted compound's head, and the
    sentence says the counted compound's modifier as a word of its own ("12 kvällsplatser på
    snickarkursen" counts "kursplatser"): the same things counted, named in the sentence's words. A
    compound of the same head with its modifier unsaid is another thing ("biträdande rektor")."""
    head = role.head if role.parts else ""
    modifier = next((p for p in role.parts if p[0] != "~" and role.stem.startswith(p) and p != head), "")
    if len(head) < 4 or not modifier or not re.search(rf"\b{re.escape(modifier[:max(4, len(modifier) - 1)])}",
                                                      without_references(sentence), re.IGNORECASE):
        return False
    words = re.findall(r"[\w:-]+", without_references(sentence))
    return any(toks[0].endswith(head) and toks[0] != head
               and any(v[0].isdigit() or NUMBER_WORDS.fullmatch(v) for v in words[max(0, i - 5):i])
               for i, w in enumerate(words) if (toks := tokenize(w, prefixes=False)))


def says_role(role: Term, sentence: str, kind: str) -> bool:
    """Whether the sentence says what is asked about by a figure of it, or for a "hur många" question
    by another compound of the counted noun's head (:func:`counted_in_other_words`)."""
    return figure_says(role, sentence) or kind == "number" and counted_in_other_words(sentence, role)
