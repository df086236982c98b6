"""Abbreviations learned from the documents themselves: wherever a text writes a name and then its
short form in brackets ("Kungliga biblioteket (KB)", "arbetsmarknadsutbildning (AMU)"), the pair is
a definition. Pairs are found by the Schwartz–Hearst rule (the short form's letters occur in order
in the words before it, its first letter starting a word), counted over a collection and kept when
they recur, so that a question's "KB" is known to be named by a passage saying "Kungliga
biblioteket".

    python -m ingest.abbreviations OUT.toml DOCS...   (text files, or .jsonl[.gz] with a "text" field)

writes the table; ``ingest/data/abbreviations.toml`` is the one derived from the bundled corpus and
the public government pages. A knowledge base keeps every document's pairs as it reads them (the
catalog) and puts them before the shipped table (:class:`Abbreviations`); the hand-written glossary
(``data/glossary.toml``) comes first where both know a short form. A short form no document defines
may still be spelled by a compound's parts (:func:`spells`: "AMU" by arbets|marknads|utbildning)."""

from __future__ import annotations

import gzip
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .swedish import split_compound, tokenize

# "(KB)", "(ESF+)", "(SPSM)", "(FoU)", "(SiS)": two to seven letters or digits, the first a capital and
# at least two of them capitals (a capitalised word in brackets is a name, not a short form); "(S)" and
# "(MP)" name parties, which a reader knows; single letters are too ambiguous to learn.
_SHORT = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö0-9]{1,6}\+?"
_DEFINED = re.compile(rf"\(({_SHORT})\)")
_WORD = re.compile(r"[\wÅÄÖåäöéÉ-]+")
_NAME_WORD = re.compile(r"[\wÅÄÖåäöéÉ]+(?:[-:][\wÅÄÖåäöéÉ]+)*")
# "AMU (arbetsmarknadsutbildning)": the short form first, its name in the brackets
_SHORT_FIRST = re.compile(rf"(?<![\wÅÄÖåäö])({_SHORT}) \(([^()]{{3,80}})\)")
# a sentence break: a stop and a capital, or a line break ("Kungl. biblioteket" runs on)
_BREAK = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ])|[;:\n()»”\"]")
MAX_WORDS = 8  # a name is at most this many words before its short form
MIN_SEEN = 1  # a definition written once is a definition (the hand glossary comes first where they differ)


def definitions(text: str) -> Iterator[tuple[str, str]]:
    """The (short form, name) pairs ``text`` defines as "name (SHORT)"."""
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        if not is_short_form(short):
            continue
        before = text[max(0, m.start() - 200):m.start()]
        # the name ends where the brackets begin and starts after the last break of the sentence
        before = _BREAK.split(before)[-1]
        words = _WORD.findall(before)[-max(len(short.rstrip("+")) + 3, MAX_WORDS):]
        name = _long_form(short.rstrip("+"), words)
        if name:
            yield short, name
    for m in _SHORT_FIRST.finditer(text):
        short, inside = m.group(1), m.group(2).strip()
        if not is_short_form(short):
            continue
        words = _WORD.findall(inside)
        name = _long_form(short.rstrip("+"), words)
        if name and name == " ".join(words):  # the whole bracket is the name, not a remark
            yield short, name


def is_short_form(word: str) -> bool:
    """Whether ``word`` is written as a short form: at least two capitals, and capitals or digits
    throughout or lower-case letters only between capitals ("FoHM", "RegSO"; not "SoLid")."""
    caps = sum(c.isupper() for c in word)
    return caps >= 2 and (caps >= len(word.rstrip("+")) - sum(c.isdigit() for c in word) or not word[-1].islower()
                          or caps > sum(c.islower() for c in word))


def _long_form(short: str, words: list[str]) -> str:
    """The shortest tail of ``words`` that spells ``short``: scanning both from the end, every
    letter of the short form is found in order, its first letter at the start of a word (the
    Schwartz–Hearst rule). "" when there is none."""
    if not words:
        return ""
    text = " ".join(words)
    low, letters = text.lower(), short.lower()
    si, li = len(letters) - 1, len(low) - 1
    while si >= 0:
        c = letters[si]
        if not c.isalnum():
            si -= 1
            continue
        while li >= 0 and (low[li] != c or (si == 0 and li > 0 and low[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return ""
        si -= 1
        li -= 1
    start = li + 1
    name = text[start:].strip(" -")
    n_words = len(name.split())
    # a name as long as a sentence, or one word for a short form of four letters, is no definition
    if not name or n_words > len(letters) + 2 or name.lower() == letters:
        return ""
    return name


def learn(texts: Iterable[str], min_seen: int = MIN_SEEN) -> dict[str, list[str]]:
    """Short form → its names, most written first, over ``texts``; a name counted in lower case."""
    seen: Counter[tuple[str, str]] = Counter()
    written: dict[tuple[str, str], str] = {}
    for text in texts:
        for short, name in dict.fromkeys(definitions(text)):  # in text order: the same table every run
            key = (short, name.lower())
            seen[key] += 1
            written.setdefault(key, name)
    table: dict[str, list[str]] = {}
    for (short, low), n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= min_seen:
            table.setdefault(short, []).append(written[(short, low)])
    return {k: v[:3] for k, v in sorted(table.items())}


@lru_cache(maxsize=1)
def load_abbreviations() -> dict[str, list[str]]:
    """The shipped table (``data/abbreviations.toml``)."""
    raw = resources.files("ingest").joinpath("data/abbreviations.toml").read_text("utf-8")
    return {k: list(v) for k, v in tomllib.loads(raw).get("terms", {}).items()}


class Abbreviations:
    """A table of short forms and their names, looked up both ways. Its identity is its version: a
    new table is a new object, so what is cached per table stays right."""

    def __init__(self, table: Mapping[str, Iterable[str]]) -> None:
        self.table = {k: list(v) for k, v in table.items()}
        self._folded: dict[str, list[str]] = {}
        self._by_name: dict[tuple[str, ...], list[str]] = {}
        for short, names in self.table.items():
            folded = self._folded.setdefault(short.lower(), [])
            folded.extend(n for n in names if n not in folded)
            for name in names:
                if key := _name_key(name):
                    self._by_name.setdefault(key, [])
                    if short not in self._by_name[key]:
                        self._by_name[key].append(short)

    def __len__(self) -> int:
        return len(self.table)

    def names_of(self, short: str) -> list[str]:
        """The names the documents give ``short`` ("FoHM" finds a table's "FohM": a short form with
        lower-case letters is written several ways; an all-capitals one, or a lower-case word, is looked
        up as written: the preposition "ur" is no short form)."""
        if short in self.table or short.isupper() or not is_short_form(short):
            return self.table.get(short, [])
        return self._folded.get(short.lower(), [])

    def shorts_of(self, name: str) -> tuple[str, ...]:
        """The short forms the documents define for ``name``, in any inflection ("Folkhälsomyndighetens"
        finds the one defined for "Folkhälsomyndigheten"): the other way round of :meth:`names_of`."""
        key = _name_key(name)
        return tuple(self._by_name.get(key, ())) if key else ()

    def names_in(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """The names of several words in ``text`` that the table shortens, a capitalised word followed by
        lower-case ones ("Statens skolinspektion", "Myndigheten för yrkeshögskolan"), each with its short
        forms, longest first where two start at one word: such a name is one thing, not its first word."""
        words = list(_NAME_WORD.finditer(text))
        found: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            w = words[i].group()
            span = next((n for n in range(min(MAX_WORDS, len(words) - i), 1, -1)
                         if w[0].isupper() and all(x.group()[0].islower() for x in words[i + 1:i + n])
                         and all(text[words[j].end():words[j + 1].start()] == " " for j in range(i, i + n - 1))
                         and _name_key(words[i + n - 1].group())  # not ending in a word the key leaves out
                         and self._multi_word(text[words[i].start():words[i + n - 1].end()])), 0)
            if span:
                name = text[words[i].start():words[i + span - 1].end()]
                found.append((name, self._multi_word(name)))
                i += span
            else:
                i += 1
        return found

    def _multi_word(self, name: str) -> tuple[str, ...]:
        """The short forms of ``name`` when the table writes it with a capital first word."""
        key = _name_key(name)
        return tuple(s for s in self._by_name.get(key, ()) if any(
            n[:1].isupper() and len(n.split()) > 1 and _name_key(n) == key for n in self.table[s])) if len(key) > 1 else ()

    def merged(self, first: Mapping[str, Iterable[str]]) -> Abbreviations:
        """This table with ``first``'s names put before its own (a knowledge base's own definitions
        before the shipped table's)."""
        table = {k: list(v) for k, v in first.items()}
        for short, names in self.table.items():
            have = {n.lower() for n in table.get(short, [])}
            table.setdefault(short, []).extend(n for n in names if n.lower() not in have)
        return Abbreviations(table)


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(tokenize(name, compounds=False, prefixes=False))


@lru_cache(maxsize=1)
def shipped() -> Abbreviations:
    """The shipped table as :class:`Abbreviations`."""
    return Abbreviations(load_abbreviations())


@lru_cache(maxsize=65536)
def part_initials(word: str) -> frozenset[str]:
    """The ways the first letters of a compound's parts can be read, splitting each part again when it
    is a compound too ("arbetsmarknadsutbildning": "au" and "amu"); empty for a simple word."""
    parts = split_compound(word.lower())
    if len(parts) < 2:
        return frozenset()
    readings = {""}
    for part in parts:
        readings = {r + x for r in readings for x in {part[0], *part_initials(part)}}
    return frozenset(readings)


def spells(short: str, word: str) -> bool:
    """Whether ``short`` is the initials of ``word``'s compound parts: every letter of an all-capitals
    short form ("AMU": arbets|marknads|utbildning), or the capitals of one written with lower-case
    letters ("FoHM": folk|hälso|myndigheten). Three letters at least: two are spelled by too many
    compounds ("säker|ställa" for SS)."""
    letters = short.lower() if short.isupper() else "".join(c for c in short if c.isupper()).lower()
    return len(letters) >= 3 and word[:1].lower() == letters[0] and letters in part_initials(word)


def _texts(paths: Iterable[Path]) -> Iterator[str]:
    for path in paths:
        if path.name.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line).get("text", "")
        elif path.is_dir():
            yield from _texts(sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".md")))
        else:
            yield path.read_text("utf-8", errors="replace")


def _toml(table: dict[str, list[str]]) -> str:
    lines = ["# Derived by `python -m ingest.abbreviations` (see its docstring); do not edit by hand.", "[terms]"]
    for short, names in table.items():
        lines.append(f"{json.dumps(short, ensure_ascii=False)} = {json.dumps(names, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        sys.exit("usage: python -m ingest.abbreviations OUT.toml DOCS...")
    out, docs = Path(args[0]), [Path(a) for a in args[1:]]
    missing = [str(p) for p in docs if not p.exists()]
    if missing:
        sys.exit(f"no such file or folder: {', '.join(missing)}")
    table = learn(_texts(docs))
    out.write_text(_toml(table), encoding="utf-8")
    print(f"{len(table)} short forms written to {out}")


if __name__ == "__main__":
    main()
