"""What a question is *about*, apart from what it asks: the named things it mentions — agencies,
bodies, documents, programmes, places, people (capitalised names and the glossary's names and
abbreviations) and years. A passage may answer only if it names the same things; when the
knowledge base speaks of a neighbouring subject only, the engine says so instead of answering."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.abbreviations import Abbreviations, is_short_form, shipped, spells
from ingest.glossary import load_english_words, load_glossary
from ingest.swedish import STOPWORDS, tokenize

from .synonyms import load_thesaurus, word_stems

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Names that set the scene of nearly every document here rather than say what a question is about.
SCENE = frozenset(["sverige", "sweden", "regeringen", "regeringskansliet", "staten"])
_ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,6}\+?$")
# A capitalised word that is a name: Tillväxtverket, Reglab, Kristina, ESF-rådet, GD-gruppen.
# "PL-mötena", "IT-stöd": an abbreviation joined to a common noun names a kind of thing, which a
# compound may spell out ("processledarmötena").
ABBREVIATED_NOUN = re.compile(r"([A-ZÅÄÖ]{1,4})-([a-zåäö]{3,})")
_NAME_NOUN = re.compile(r"([A-ZÅÄÖ][\wåäöé]+)-([a-zåäö]{3,})")
_NAME = re.compile(r"[A-ZÅÄÖ][\wåäöé]*(?:-[\wåäöé]+)*")
# Two capitalised words with only a space between at the start ("Anders Ferbe lämnar …"),
# the second not a month ("Projekttid: Juli 2023" has a colon; "Mars 2024" no name either).
_NAME_PAIR = re.compile(r"\s*[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? (?!(?:Januari|Februari|Mars|April|Maj|Juni|Juli|"
                        r"Augusti|September|Oktober|November|December)\b)[A-ZÅÄÖ][a-zåäöé]")


@dataclass(frozen=True)
class Entity:
    label: str  # as the question writes it
    forms: tuple[tuple[str, ...], ...]  # stemmed token sequences; any one present names it
    year: str = ""  # a year, also named by a document dated that year

    # "PL-mötena", "U-departementet": the abbreviation's letters and the noun's stem; a compound
    # spelling it out ("processledarmötena", "utbildningsdepartementet") names it too
    short: tuple[str, str] | None = None
    # An acronym no list writes out ("SKUTT") is named by itself with its capital ("SKUTT", "Skutt"),
    # not by a common word that stems alike ("skutt"); checked when the passage's text is given.
    exact: str = ""
    # A short form ("AMU", "FoHM") is also named by a compound whose parts' initials spell it
    # ("arbetsmarknadsutbildningar"), when the passage's text is given.
    initials: str = ""

    def named_in(self, tokens: frozenset[str], date: str = "", text: str | None = None) -> bool:
        if self.year and date.startswith(self.year):
            return True
        if self.initials and text is not None and _spelled_in(self.initials, text):
            return True
        if self.exact and text is not None:
            return re.search(rf"\b{re.escape(self.exact[0])}(?i:{re.escape(self.exact[1:])})", text) is not None
        if self.short is not None and any(_spells_out(t, *self.short) for t in tokens):
            return True
        return any(form and all(t in tokens for t in form) for form in self.forms)


def _spells_out(word: str, letters: str, noun: str) -> bool:
    """Whether ``word`` is a compound ending in ``noun`` whose front starts with the abbreviation's
    first letter and has its other letters in order ("processledar" for PL)."""
    if len(word) <= len(noun) or not word.endswith(noun) or not word.startswith(letters[0]):
        return False
    front = iter(word[1:-len(noun)])
    return all(c in front for c in letters[1:])


_LONG_WORD = re.compile(r"[\wåäöéÅÄÖÉ]{8,}")


def _spelled_in(short: str, text: str) -> bool:
    """Whether a word of ``text`` is a compound whose parts' initials spell ``short``."""
    first = short[0].lower()
    return any(w[0].lower() == first and spells(short, w) for w in _LONG_WORD.findall(text))


def _stems(text: str) -> tuple[str, ...]:
    return tuple(t for t in tokenize(text, compounds=False, prefixes=False))


@lru_cache(maxsize=1)
def _glossary_forms() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """Each glossary name with all its written forms as stem sequences."""
    out = []
    for short, longs in load_glossary().items():
        forms = tuple(f for f in (_stems(x) for x in (short, *longs)) if f)
        if forms:
            out.append((short, forms))
    return tuple(out)


def glossary_names() -> frozenset[str]:
    """The glossary's names as :func:`mentioned` reports them."""
    return frozenset(label for label, _ in _glossary_forms())


@lru_cache(maxsize=1)
def _common_forms() -> frozenset[tuple[str, tuple[str, ...]]]:
    """(name, form) pairs where the glossary writes a name out as one lower-case word that a general
    dictionary lists (the thesaurus, synonyms.py): a common noun ("regionerna" for the regional
    actors' acronym) says a kind of thing, not that name. A domain word no dictionary has
    ("myndighetssamverkan") still names it. Without the thesaurus installed: none."""
    general = load_thesaurus()
    return frozenset((short, _stems(x)) for short, longs in load_glossary().items() for x in longs
                     if x == x.lower() and len(x.split()) == 1 and _stems(x)
                     and any(w in general for w in word_stems(x)))


def _glossary_hits(tokens: tuple[str, ...], *, common: bool = True) -> list[Entity]:
    """The glossary names ``tokens`` (a text's stems in order) write out; a name of several words
    is written when its words stand together ("Myndigheten för yrkeshögskolan", not "myndighet …
    vid yrkeshögskolan"). ``common=False``: a name written only as a plain common noun is not
    found (a question's "regionen" does not name the acronym the glossary writes out so)."""
    have = set(tokens)
    found = []
    plain = _common_forms() if not common else frozenset()
    for label, forms in _glossary_forms():
        if any(all(t in have for t in f) and _together(f, tokens) and (label, f) not in plain for f in forms):
            found.append(Entity(label, forms))
    # A longer name covers the shorter ones inside it ("MSV KLL" over "MSV" and "KLL").
    return [e for e in found if not any(o is not e and set(e.forms[0]) < set(o.forms[0]) for o in found)]


def _together(form: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether the words of ``form`` stand in ``tokens`` in order with at most one word between."""
    if len(form) == 1:
        return True
    starts = [i for i, t in enumerate(tokens) if t == form[0]]
    for i in starts:
        j, ok = i, True
        for word in form[1:]:
            nxt = next((k for k in range(j + 1, min(j + 3, len(tokens))) if tokens[k] == word), None)
            if nxt is None:
                ok = False
                break
            j = nxt
        if ok:
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def _capitalised_names(text: str, english: bool) -> list[str]:
    """Runs of capitalised words that are names: not a sentence's first word (unless an
    acronym or a run of names), and in English not an English word of the domain vocabulary ("Swedish", "Agency")."""
    names: list[str] = []
    english_words = load_english_words() if english else frozenset()
    for part in _SENTENCE_END.split(text):  # every sentence's first word is capitalised by grammar
        words = re.findall(r"[\wåäöéÅÄÖÉ+-]+", part)
        run: list[str] = []
        for i, w in enumerate(words):
            # the first word is a name when it is an acronym or starts a run of names ("Anders Ferbe
            # lämnar …"), not a function word ("Enligt Skolverket …")
            first_ok = bool(_ACRONYM.match(w)) or (bool(_NAME_PAIR.match(part)) and w.lower() not in STOPWORDS)
            is_name = bool(_NAME.fullmatch(w)) and (i > 0 or first_ok)
            if is_name and english and w.lower() in english_words:
                is_name = False
            if is_name:
                run.append(w)
            elif run:
                names.append(" ".join(run))
                run = []
        if run:
            names.append(" ".join(run))
    return names


def subjects(question: str, *, english: bool = False, translated: str = "",
             abbreviations: Abbreviations | None = None) -> tuple[Entity, ...]:
    """The named things ``question`` is about. ``translated`` is the Swedish form of an English
    question (its glossary names are found there); ``abbreviations``: the short forms the documents
    define (default: the shipped table)."""
    known = abbreviations or shipped()
    entities: dict[str, Entity] = {}
    stems = _stems(translated or question)
    for e in _glossary_hits(stems, common=False):
        entities[e.label.lower()] = e
    covered = {t for e in entities.values() for f in e.forms for t in f}
    for name, shorts in ([] if english else known.names_in(question)):
        form = _stems(name)
        if form and not set(form) & covered:
            # a name of several words the documents shorten is one subject, named by its whole name or its
            # short form, not by its capitalised first word alone (a short form's other names are other things:
            # one short form may stand for several names)
            others = tuple(f for s in shorts if (f := _stems(s)))
            entities.setdefault(name.lower(), Entity(name, tuple(dict.fromkeys((form, *others)))))
            covered |= set(form)
    names = _capitalised_names(question, english)
    if english:  # an English name translates a Swedish one; only its acronyms are written alike
        names = [w for n in names for w in n.split() if _ACRONYM.match(w)]
    for name in names:
        if name.lower() in SCENE:
            continue
        form = _stems(name)
        if form and not set(form) & covered:  # "TSI-projektet" is the glossary's TSI
            joined = _NAME_NOUN.fullmatch(name)
            if joined and not ABBREVIATED_NOUN.fullmatch(name) and _stems(joined.group(1)):
                # "Eures-piloten", "Sverigekursen-uppdraget": the name is the subject; the common
                # noun joined to it is one of the question's words, not part of the name
                form = _stems(joined.group(1))
            short = ABBREVIATED_NOUN.fullmatch(name)
            spelled = (short.group(1).lower(), _stems(short.group(2))[-1]) if short and _stems(short.group(2)) else None
            # a short form the documents define ("Kungl. biblioteket (KB)") is named by its name too, and
            # a name they shorten by its short form; "NPF-satsning" by the name of its short form
            letters = short.group(1) if short else name
            defined = tuple(f for n in known.names_of(letters) if (f := _stems(n)))
            shortened = tuple(f for s in known.shorts_of(name) if (f := _stems(s)))
            exact = name if _ACRONYM.match(name) and not defined and len(name) >= 3 else ""
            initials = letters if is_short_form(letters) and len(letters) >= 2 else ""
            entities.setdefault(name.lower(), Entity(name, (form, *defined, *shortened), short=spelled, exact=exact,
                                                     initials=initials))
            covered |= set(form)
    for year in dict.fromkeys(_YEAR.findall(question)):
        entities.setdefault(year, Entity(year, ((year,),), year=year))
    return tuple(entities.values())


def missing(entities: tuple[Entity, ...], context: str, date: str = "") -> list[Entity]:
    """The entities ``context`` (a passage with its heading and title) does not name."""
    tokens = frozenset(_stems(context))
    return [e for e in entities if not e.named_in(tokens, date)]


def mentioned(sentence: str) -> list[str]:
    """The names a sentence mentions as it writes them (for saying what the documents speak of
    instead): its capitalised names, then glossary names it writes in lower case."""
    names = _capitalised_names(sentence, False)
    covered = {t for n in names for t in _stems(n)}
    for e in _glossary_hits(_stems(sentence), common=False):
        if not any(set(f) & covered for f in e.forms):
            names.append(e.label)
    return names


def unnamed_per_hit(entities: tuple[Entity, ...], hits: list) -> dict[int, frozenset[str]]:  # noqa: ANN001 - ingest Hits
    """For each retrieved passage, the labels of the question's subjects it does not name. A
    passage names a subject in its text, section heading or document title (or, for a year, its
    date); a subject that a retrieved passage of a document names counts as named in all of that
    document's retrieved passages (a press release names the agency in its first paragraph, the
    amount in its last)."""
    if not entities:
        return {i: frozenset() for i in range(len(hits))}
    named: dict[int, set[str]] = {}
    for i, h in enumerate(hits):
        text = f"{h.title} {h.section} {h.text}"
        tokens = frozenset(_stems(text))
        named[i] = {e.label for e in entities if e.named_in(tokens, h.date, text)}
    per_doc: dict[str, list[int]] = {}
    for i, h in enumerate(hits):
        per_doc.setdefault(h.doc_id, []).append(i)
    for idx in per_doc.values():
        common = {e.label for e in entities if sum(e.label in named[i] for i in idx) >= 1}
        for i in idx:
            named[i] |= common
    labels = frozenset(e.label for e in entities)
    return {i: labels - frozenset(named[i]) for i in range(len(hits))}


def neighbour_line(unnamed: list[str], sentence: str) -> str:
    """"Underlaget nämner X men inte Y." — what the closest passage speaks of instead ("" when it
    names nothing else)."""
    others = [n for n in dict.fromkeys(mentioned(sentence)) if n.lower() not in {u.lower() for u in unnamed}]
    missing_names = " eller ".join(unnamed)
    # With no neighbour to name, the plain refusal says it all.
    return f"Underlaget nämner {', '.join(others[:2])} men inte {missing_names}." if others else ""
