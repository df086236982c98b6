"""Query expansion with the domain glossary (MSV, KLL, MYH, UKÄ, RUA …): a query using an
abbreviation also searches its expansion, and the other way round."""

from __future__ import annotations

import gzip
import logging
import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .swedish import lexicon

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load_glossary(path: str | None = None) -> dict[str, list[str]]:
    raw = Path(path).read_text("utf-8") if path else resources.files("ingest").joinpath(
        "data/glossary.toml").read_text("utf-8")
    return {k: list(v) for k, v in tomllib.loads(raw).get("terms", {}).items()}


def expand_query(query: str, glossary: dict[str, list[str]] | None = None) -> str:
    """The query with the other forms of any glossary term it contains appended. A query typed
    all in lower case ("vad gör msv?") names the short forms in lower case too."""
    glossary = load_glossary() if glossary is None else glossary
    lower = query.lower()
    flags = re.IGNORECASE if query == lower else 0
    extra: list[str] = []
    for short, longs in glossary.items():
        if re.search(rf"(?<![\wÅÄÖåäö]){re.escape(short)}(?![\wÅÄÖåäö])", query, flags):
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


# The public FreeDict English–Swedish dictionary (Debian package dict-freedict-eng-swe, GPL): read
# where Debian puts it, never copied into the repository. Without it nothing changes.
FREEDICT = "/usr/share/dictd/freedict-eng-swe"
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def _b64(s: str) -> int:
    n = 0
    for c in s:
        n = n * 64 + _B64[c]
    return n


@lru_cache(maxsize=4)
def load_freedict(base: str = FREEDICT) -> dict[str, tuple[str, ...]]:
    """English headword → its single-word Swedish translations in the dictionary's order (entry,
    sense, alternative), from dictd's ``base.index`` and ``base.dict.dz``; empty when they are absent."""
    index, data = Path(f"{base}.index"), Path(f"{base}.dict.dz")
    if not (index.is_file() and data.is_file()):
        return {}
    try:
        body = gzip.decompress(data.read_bytes())  # dictzip is gzip with random-access extras
        lines = index.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError, EOFError) as e:
        log.warning("ordboken %s kunde inte läsas: %s", base, e)
        return {}
    out: dict[str, list[str]] = {}
    for line in lines:
        head, _, rest = line.partition("\t")
        off, _, size = rest.partition("\t")
        if not re.fullmatch(r"[a-z]{3,}", head) or not off or not size:
            continue  # names, phrases, the 00database header entries
        try:
            first, *senses = body[_b64(off):_b64(off) + _b64(size)].decode("utf-8").splitlines()
        except (KeyError, UnicodeDecodeError, ValueError):
            continue
        ipa = re.sub(r"[ˈˌː]", "", first.partition("/")[2].rstrip("/"))
        if len(ipa) > len(head) + 2:
            continue  # a phrase under its first word ("run /rʌnɔːwei/" is "run away")
        for sense in senses:
            for sv in re.sub(r"^\d+\.\s*", "", sense).split(","):
                sv = sv.strip().lower()
                if re.fullmatch(r"[a-zåäöé]{3,}", sv):
                    out.setdefault(head, []).append(sv)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def english_stems(word: str) -> list[str]:
    """The word and the forms an English inflection (plural, -ed, -ing) may come from, most
    likely first: "studies" → "study", "decided" → "decide", "planned" → "plan", "funding" → "fund"."""
    stems = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e")):
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue  # process, status, analysis
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3:
            stem = word[: -len(suffix)] + repl
            stems.append(stem)
            if suffix in ("ed", "ing") and not repl and len(stem) > 3 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # a doubled final consonant: planned, running
    if word.endswith("'s"):
        stems.append(word[:-2])
    return list(dict.fromkeys(stems))


# English words of Latin and Greek origin mostly have a Swedish twin spelt by rule ("digitalisation"
# → "digitalisering", "strategic" → "strategisk"): the ending's Swedish form after the stem's spelling.
_COGNATE_ENDINGS = (("ification", "ifiering"), ("ication", "ikation"), ("ation", "ation"), ("ation", "ering"),
                    ("ction", "ktion"), ("tion", "tion"), ("sion", "sion"), ("ical", "isk"), ("ic", "isk"),
                    ("ic", "ik"), ("ity", "itet"), ("ive", "iv"), ("ise", "isera"), ("ize", "isera"),
                    ("ised", "iserad"), ("ized", "iserad"), ("ogy", "ogi"), ("ary", "är"), ("ence", "ens"),
                    ("ance", "ans"), ("el", "ell"), ("al", "ell"), ("ure", "ur"), ("y", "i"), ("", ""))
_SV_FORMS = ("", "a", "t", "e", "en", "er", "ar", "na")


def _spell(stem: str) -> str:
    """An English stem in Swedish spelling: ph → f, th → t, qu → kv, w → v, c → s before e, i, y and k elsewhere."""
    stem = stem.replace("ph", "f").replace("th", "t").replace("qu", "kv").replace("w", "v").replace("ck", "k")
    return re.sub(r"c(?=[eiy])", "s", stem).replace("c", "k")


def _cognate(word: str, known: frozenset[str]) -> str | None:
    """The Swedish twin of a long English word when the documents use it (their vocabulary decides)."""
    if len(word) < 6:
        return None
    found: list[str] = []
    for stem in english_stems(word):
        for en, sv in _COGNATE_ENDINGS:
            if stem.endswith(en) and len(stem) - len(en) >= 3:
                base = _spell(stem[: len(stem) - len(en)]) + sv
                found += [base + f for f in _SV_FORMS if base + f in known]
        if found:
            return found[0]
    return None


def _fits(word: str, stem: str, swedish: str) -> bool:
    """Whether a translation of ``stem`` may stand for ``word``: a verb's form (-ed, -ing) only for
    a Swedish verb-like word, ending in a vowel ("taxed" is not "skatt", "adopted" is "anta")."""
    return stem == word or not word.endswith(("ed", "ing")) or swedish[-1] in "aeiouyåäö"


# A general English → Swedish word list (``data/english_general.toml``, ``[words]``: an English base form →
# Swedish words in the documents' form, most likely first), asked after the domain list and before
# FreeDict: the dictionary lacks many words of administration and often gives another sense first.
GENERAL = "english_general.toml"


@lru_cache(maxsize=4)
def load_general(name: str = GENERAL) -> dict[str, tuple[str, ...]]:
    """English word → its Swedish words, most likely first; empty when the file is absent. ``name`` is
    a file of the package's ``data/`` or a path."""
    path = Path(name)
    try:
        raw = path.read_text("utf-8") if path.is_absolute() else resources.files("ingest").joinpath(
            f"data/{name}").read_text("utf-8")
        table = tomllib.loads(raw).get("words", {})
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        log.warning("ordlistan %s kunde inte läsas: %s", name, e)
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for en, sv in table.items():
        words = [sv] if isinstance(sv, str) else sv
        words = [w.strip().lower() for w in words if isinstance(w, str) and w.strip()]
        if words:
            out[en.strip().lower()] = tuple(dict.fromkeys(words))
    return out


def _from_general(word: str, name: str | None) -> str | None:
    """The general list's Swedish word for ``word`` or the form its inflection comes from: the first
    of its words the knowledge base's vocabulary has (a verb's form takes a verb-like word, ``_fits``)."""
    entries = load_general(name) if name else {}
    return _first_known(word, entries, lexicon()) if entries else None


def _first_known(word: str, entries: dict[str, tuple[str, ...]], known: frozenset[str]) -> str | None:
    """Of ``entries``' Swedish words for ``word``, or else for the form its inflection comes from, the
    first the knowledge base's vocabulary has and that may stand for that form (``_fits``)."""
    for stem in english_stems(word):
        found = [sv for sv in entries.get(stem, ()) if sv in known and _fits(word, stem, sv)]
        if found:
            return found[0]
    return None


def _from_dictionary(word: str, base: str | None) -> str | None:
    """A general Swedish word for an English word the domain list lacks: of the dictionary's
    translations of the word, or else of the form its inflection comes from, the first the
    knowledge base's vocabulary has; else its Swedish twin (``_cognate``); None when the word is
    Swedish already, or nothing fits."""
    known = lexicon()
    if base is None or word in known or not re.fullmatch(r"[a-z]{3,}", word):
        return None
    entries = load_freedict(base)
    if not entries:
        return None
    return _first_known(word, entries, known) or _cognate(word, known)


def to_swedish(text: str, drop: frozenset[str] = frozenset(), dictionary: str | None = FREEDICT,
               general: str | None = GENERAL) -> str:
    """The domain's English words and phrases of ``text`` in Swedish (phrases first, a plural -s
    allowed; a single word's inflection reduced, ``english_stems``), other English words through
    the ``general`` word list (None, or the file absent, for none), then the general ``dictionary``
    (dictd files; None, or files absent, for none); English function words and words in ``drop``
    go, anything else (names, Swedish words) stays as it is."""
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
        domain = next((words[s] for s in english_stems(w) if s in words and _fits(w, s, words[s])), None) \
            if len(w) > 3 else words.get(w)
        out.append(domain or _from_general(w, general) or _from_dictionary(w, dictionary) or w)
    return " ".join(out)


@lru_cache(maxsize=1)
def load_english_words() -> frozenset[str]:
    """Every English word of the domain vocabulary and its stopwords (lower-cased)."""
    phrases, words, stop = _english()
    return frozenset(w for en, _ in phrases for w in en.split()) | frozenset(words) | stop
