"""Question analysis, shared by every engine: what a question is about (its content terms, with
compound parts and verbs told apart), what it asks for (the kind, from ``ingest.qtype``), the
numbers and months it names, its language, and its parts when it asks two things."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.abbreviations import Abbreviations, shipped
from ingest.dates import MONTH_YEAR, TIME_WORD
from ingest.glossary import is_english, load_glossary, to_swedish
from ingest.qtype import question_kind
from ingest.swedish import lexicon, split_by_head, split_compound, stem, tokenize

# Words that say what is asked, not what about: they never count as content.
QUESTION_WORDS = frozenset(tokenize(
    "vad vilka vilken vilket vem vems när var varför hur många mycket ofta länge stor andel finns gör görs "
    "ingår behöver heter innebär avses betyder kallas sker ske får fick ha har hade kan ska bör "
    "senast tidigast sin sitt sina måste skulle kunde borde hen sorts slags typ typer ny nya nytt ingå hunnit hann nämn några exempel "
    # function words the stop list lacks
    "fanns bland kring inför ungefär cirka idag "
    # words that name the question's form, not its content: "Vad står förkortningen X för?"
    "förkortningen begreppet termen uttrycket",
    compounds=False))

@lru_cache(maxsize=65536)
def _word_tokens(word: str, compounds: bool) -> tuple[str, ...]:
    return tuple(tokenize(word, compounds=compounds))


def tokens_of(text: str, *, compounds: bool = True) -> list[str]:
    """``tokenize`` with a per-word cache (stemming and compound splitting dominate answer time);
    the same tokens, as no token spans whitespace."""
    return [t for w in text.split() for t in _word_tokens(w, compounds)]


@dataclass(frozen=True)
class Term:
    """One content word of the question: its stem and, for a compound, its parts' stems."""

    stem: str
    parts: tuple[str, ...] = ()
    # Verbs are often paraphrased ("anslöt" for "deltar sedan"), and the noun naming the answer's
    # type is instantiated rather than repeated: such terms weigh less and are not required.
    verb: bool = False
    # An abbreviation's written-out forms from the glossary ("MYH": myndighet, yrkeshögskola), as
    # the stems of their content words: a passage saying one of them says the abbreviation.
    aliases: tuple[tuple[str, ...], ...] = ()
    # "KG-mötena": an abbreviation joined to a noun (its letters, the noun's stem) is said by a
    # compound that spells it out ("kontaktgruppsmöten").
    spelled: tuple[str, str] | None = None

    def match(self, tokens: frozenset[str]) -> float:
        whole = _has_whole(self.stem, tokens) if self.parts else _has(self.stem, tokens)
        if whole or any(all(_has(s, tokens) for s in a) for a in self.aliases):
            return 1.0
        if self.spelled is not None and any(_spells_out(t, *self.spelled) for t in tokens):
            return 1.0
        if self.parts:
            # the head (last part) carries a compound's meaning: "alternativ" for "finansieringsalternativ"
            share = sum(_has(p, tokens) for p in self.parts) / len(self.parts)
            if share < 1.0 and self.sibling_in(tokens):
                return 0.0  # "generaldirektör" is another office than "överdirektör", not a paraphrase
            head = self.head
            if _has(head, tokens):
                return 0.8
            # a compound whose modifier carries it ("ordförandeposten": "ordförande") is said by
            # the modifier when the head is a short, light noun the text leaves out ("post", "del",
            # "plan"); "verksamhet" does not say "verksamhetsbudget"
            modifier = max((p for p in self.parts if p[0] != "~" and self.stem.startswith(p) and p != head),
                           key=len, default="")
            if len(head) <= 4 and modifier and _has(modifier, tokens):
                return 0.8
            return 0.8 * min(share, 0.5)
        return 0.0

    def sibling_in(self, tokens: frozenset[str]) -> bool:
        """Whether ``tokens`` name another compound of this compound's head ("styrgruppen" for
        "GD-gruppen") and not this one."""
        if not self.parts or _has(self.stem, tokens):
            return False
        return _sibling(self.stem, self.head, tokens)

    @property
    def head(self) -> str:
        """A compound's head: its longest part that ends it ("redovisning" in "slutredovisning")."""
        ends = [p for p in self.parts if p[0] != "~" and self.stem.endswith(p)]
        return max(ends, key=len) if ends else next((p for p in reversed(self.parts) if p[0] != "~"), self.parts[-1])


def _sibling(stem: str, head: str, tokens: frozenset[str]) -> bool:
    """Whether ``tokens`` have the compound's head only inside another compound of the same head
    ("generaldirektör" for "överdirektör"): the head word alone leaves its prefix token ("~direkt")."""
    if len(head) < 5 or any(t.startswith(f"~{head[:6]}") for t in tokens):
        return False  # a short head is in too many compounds; the head alone says it
    return any(t != stem and len(t) > len(head) + 2 and t.endswith(head) and t[0] != "~" for t in tokens)


def _has_whole(stem: str, tokens: frozenset[str]) -> bool:
    """A compound said as a whole: a related token that is no mere modifier of it ("verksamhet"
    shares a prefix with "verksamhetsbudget" but says no budget)."""
    return stem in tokens or any(len(t) >= len(stem) - 3 and _related(stem, t) for t in tokens if len(stem) >= 4)


def _spells_out(token: str, letters: str, noun: str) -> bool:
    """Whether a compound's stem ends in the noun (its first three letters, as stems of a compound's
    head are cut shorter) after a front that opens with the abbreviation's first letter and has its
    other letters in order ("kontaktgruppsmöt" for KG and "möten")."""
    at = token.rfind(noun[:3])
    if at <= len(letters) or len(token) - at > len(noun) or token[0] != letters[0]:
        return False
    front = iter(token[1:at])
    return all(c in front for c in letters[1:])


def _has(stem: str, tokens: frozenset[str]) -> bool:
    """Exact stem, or a shared prefix of 5+ letters (revideras ~ revidering, processledde ~ processledes)."""
    if stem in tokens:
        return True
    if len(stem) < 4:
        return False
    return any(_related(stem, t) for t in tokens)


@lru_cache(maxsize=262144)
def _related(stem: str, t: str) -> bool:
    if len(stem) == 4:
        return t.startswith(stem) and len(t) > 6  # "exam" ~ "examinerades"
    return len(t) >= 5 and (t.startswith(stem) or stem.startswith(t) or t[:7] == stem[:7] and len(stem) >= 7)


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    terms: tuple[Term, ...]
    kind: str  # "number", "time", "frequency", "person", "list", "why", "general"
    numbers: tuple[str, ...]  # numbers named in the question; the answer's passage must have them
    english: bool
    months: tuple[tuple[str, str], ...] = ()  # ("mars", "2025"): the passage or its date must say so
    said: frozenset[str] = frozenset()  # every stem the question uses (and its Swedish translation)
    counted: frozenset[str] = frozenset()  # stems of the noun naming the answer's type ("myndigheter")

    @property
    def years(self) -> list[str]:
        """The years the question names ("… för 2026?")."""
        return _YEARS.findall(self.text)


# A Swedish question puts its finite verb right after the question phrase (V2): "Hur mycket höjs
# ...", "När anslöt ...", "Vilken roll har ...".
# After "hur många" or "vilken" a noun may come first ("Hur många ärenden diariefördes"), so there
# the word counts as the verb only when it looks like one.
_PREP = r"(?:på|under|i|från|till|för|med|mellan|inom|efter|före|sedan|om|av|vid|hos)"  # may open the question phrase
_V2 = re.compile(rf"^\s*(?:{_PREP} )?(?:hur (?:många|mycket|stor\w*|lång\w*)|"
                 r"vilk(?:en|et|a)(?P<noun> [\w:-]+)?|(?P<sure>hur (?:ofta|länge)|vad|vem|vems|när|var|varför|hur)) "
                 r"(?P<finite>[\w:-]+)",
                 re.IGNORECASE)


# "Vilka myndigheter …", "Hur många stolar …", "Which roles …": the noun after the question
# phrase names the type of the answer, which the answer instantiates (agency names rather than the
# word "myndigheter"); like a verb, it weighs less and is not required of the passage.
_ANSWER_TYPE = re.compile(rf"^\s*(?:(?:{_PREP[3:-1]}|in|at|on|for|between|within|since|by) )?(?:vilk(?:en|et|a)|hur (?:många|mycket)|"
                          r"which|what|how (?:many|much))\s+(?:of (?:the )?)?([\w:-]+)", re.IGNORECASE)


def answer_type_word(question: str) -> str:
    """The noun naming the answer's type ("myndigheter" in "Vilka myndigheter …"), or ""."""
    m = _ANSWER_TYPE.match(question)
    word = m.group(1).lower() if m else ""
    if word in _DEGREE:  # "Hur många färre platser …": the noun after it; "Hur många färre kan …": none
        after = re.match(r"\s+([\w:-]+)", question[m.end(1):]) if m else None
        word = after.group(1).lower() if after else ""
    # "Hur mycket sänks …" names no type: a Swedish word there ending in -s is the finite verb.
    return "" if (_verbish(word) or word in _DEGREE or word in _AUXILIARIES
                  or (word.endswith("s") and not is_english(question))) else word


_AUXILIARIES = frozenset(["ska", "skall", "skulle", "kan", "kunde", "får", "fick", "måste", "har", "hade", "bör", "är",
                          "var", "blir", "blev", "kommer", "finns", "fanns", "brukar", "will", "did", "does", "do", "is",
                          "was", "are", "were", "has", "had", "can", "could", "should"])


# "Hur mycket mindre …", "Hur många färre …": a word of degree after the question word names no type
# ("längre", "kortare" do: how much longer asks for a time).
_DEGREE = frozenset(["extra", "mer", "mera", "mindre", "fler", "färre", "större", "högre", "lägre",
                     "totalt", "sammanlagt", "ungefär", "cirka", "more", "less", "fewer"])


def question_terms(text: str, answer_type: str = "", verbs: frozenset[str] = frozenset(), *,
                   lexical: bool = False, abbreviations: Abbreviations | None = None) -> tuple[Term, ...]:
    """The question's content terms; ``verbs`` are stems known to be verbs (an English question's, ``english_verbs``);
    ``lexical``: a word the lexicon shows to be an inflected verb is one too (:func:`no_noun`; an answer question's,
    not a translation's); ``abbreviations``: the short forms the documents define (default: the shipped table)."""
    known = abbreviations or shipped()
    terms: dict[str, Term] = {}
    m = _V2.match(text)
    finite = m.group("finite").lower() if m else ""
    # "Vilken skola erbjuder …", "Vilka regler styr …": after "vilken" and its noun, a word in -r
    # stands where the finite verb does, and is one (present tense).
    after_noun = bool(m and m.group("noun") and finite.endswith("r"))
    if m and not m.group("sure") and not (_verbish(finite) or finite.endswith("s") or after_noun):
        finite = ""
    soft = set(tokenize(answer_type)) if answer_type else set()
    counting = bool(re.match(r"\s*hur många\b", text, re.IGNORECASE))
    prev = ""
    # a word of a name of several words the documents shorten ("Statens skolinspektion") is said by its short form
    in_name = {w: tuple(tuple(tokenize(x, compounds=False, prefixes=False)) for x in shorts)
               for name, shorts in known.names_in(text) for w in re.findall(r"[\w:-]+", name)}
    for word in re.findall(r"[\w:-]+", text):
        after_aux, prev = prev in _AUXILIARIES, word.lower()
        toks = tokenize(word)
        if not toks or toks[0] in QUESTION_WORDS or TIME_WORD.fullmatch(word):
            continue
        stem, parts = toks[0], tuple(t for t in toks[1:] if t not in QUESTION_WORDS)
        if not any(p[0] != "~" for p in parts):
            parts += _short_compound(word.lower())
        lower = word.lower()
        # an auxiliary is a verb, and in a "hur många" question counting the doers so is the infinitive
        # after it ("… brukar delta"); elsewhere it stays a term ("… ska granska" matches "granskare")
        infinitive = (counting and after_aux and lower.endswith("a") and not lower.endswith("rna")
                      and word[0].islower())
        verb = (lower == finite or _verbish(lower) or stem in soft or lower in _AUXILIARIES or infinitive
                or stem in verbs or lower in _PREPOSITIONS or lexical and word[0].islower() and no_noun(lower))
        short = _ABBREVIATED.fullmatch(word)
        spelled = (short.group(1).lower(), tokenize(short.group(2))[0]) if short and tokenize(short.group(2)) else None
        aliases = tuple(dict.fromkeys(_aliases(word, known) + tuple(a for a in in_name.get(word, ()) if a)))
        terms.setdefault(stem, Term(stem, parts, verb, aliases, spelled))
    return tuple(terms.values())


_ABBREVIATED = re.compile(r"([A-ZÅÄÖ]{1,4})-([a-zåäö]{3,})")


def _short_compound(word: str) -> tuple[str, ...]:
    """The stems of a compound the index's splitter leaves whole: one too short for it ("expertråd":
    expert, råd), or a longer one whose modifier the lexicon lacks, by its head (``split_by_head``)."""
    if len(word) >= 10:
        return tuple(stem(p) for p in split_by_head(word))
    if word.endswith(_VERB_ENDS):
        return ()  # "redovisa" is a verb, not "redo" + "visa"
    return tuple(stem(p) for p in split_compound(word, min_tail=3))


_VERB_ENDS = ("a", "ar", "er", "ir", "or", "de", "te", "at", "it", "ts", "ds")


@lru_cache(maxsize=1)
def _glossary_by_lowercase() -> dict[str, list[str]]:
    return {k.lower(): v for k, v in load_glossary().items()}


@lru_cache(maxsize=256)
def _aliases(word: str, known: Abbreviations) -> tuple[tuple[str, ...], ...]:
    """The other names of ``word``: a short form's names (the glossary's, then the documents'), a
    name's short forms. A genitive's colon ending is no part of it ("SCB:s" is SCB)."""
    word = word.split(":")[0]
    lower = _glossary_by_lowercase()
    longs = (lower.get(word.lower()) or lower.get(word.split("-")[0].lower())
             or known.names_of(word) or known.names_of(word.split("-")[0]) or [])
    out = []
    for long in longs:
        stems = tuple(t[0] for w in long.split() if (t := tokenize(w)) and len(t[0]) > 3)
        if stems:
            out.append(stems)
    # the other way round: a name the documents shorten ("arbetsmarknadsutbildning (AMU)") is said by its short form
    out += [stems for short in known.shorts_of(word) if (stems := tuple(tokenize(short, compounds=False, prefixes=False)))]
    return tuple(dict.fromkeys(out))


# Prepositions the stop list lacks: they say how a thing relates, not which thing (no passage need repeat them).
_PREPOSITIONS = frozenset("hos ur genom enligt bakom framför längs trots förutom utöver jämte bortom ovanför nedanför".split())


def no_noun(word: str) -> bool:
    """Whether the lexicon shows ``word`` (lower case) to be an inflected verb, not a noun: a present
    tense whose infinitive it has ("säljer": "sälja", "skickar": "skicka"), a past tense ("byggde":
    "bygga") or a supine ("hämtat": "hämta") — each unless the lexicon also has the word's definite
    form ("reglerna", "formatet"), which makes it a noun. Such a word weighs as a verb: the passage may
    say it in other words. (An adjective's neuter is left a term: it may be an adverb, but before a
    noun it says which thing.)"""
    known = lexicon()
    if len(word) < 4 or any(f"{word}{end}" in known for end in ("na", "en", "et", "n", "t")):
        return False
    if word.endswith("er"):  # not when the verb's present is in -ar ("orsaker" is no form of "orsaka": "orsakar")
        return f"{word[:-2]}a" in known and f"{word[:-2]}ar" not in known
    if word.endswith("ar"):
        return len(word) >= 5 and word[:-1] in known
    if word.endswith(("de", "te")) and len(word) >= 5:
        return f"{word[:-2]}a" in known or f"{word[:-2]}er" in known
    return word.endswith("at") and word[:-1] in known


_STRONG_PAST = frozenset(["anslöt", "deltog", "tog", "blev", "fick", "gick", "kom", "gav", "såg", "drog", "skrev",
                          "valde", "utsågs", "började", "slutade"])


def _verbish(word: str) -> bool:
    if len(word) >= 6 and word.endswith(("as", "ås", "ms", "ds", "ls", "ys")) and ":" not in word:
        return True  # passive ("bedöms", "föreslås", "revideras", "används"); genitives end -ns/-ts/-rs
    if any(word.endswith(v) and len(word) - len(v) <= 4 for v in _STRONG_PAST):
        return True  # with a particle prefix: "ansåg", "inkom", "avgick"
    return (len(word) > 5 and word.endswith(
        ("ade", "ades", "dde", "ddes", "tte", "ttes", "des", "tes", "ras", "ers", "ats", "its")))


def analyse(question: str, *, english: bool | None = None, abbreviations: Abbreviations | None = None) -> QuestionInfo:
    q = question.strip()
    if english is None:
        english = is_english(q)
    text = to_swedish(q) if english else q
    kind_word = answer_type_word(q)
    if english and kind_word:
        kind_word = to_swedish(kind_word)
    numbers = tuple(re.findall(r"\b\d{2,}\b", q))
    months = tuple((m.group("month").lower(), m.group("year")) for m in MONTH_YEAR.finditer(q))
    said = frozenset(tokenize(f"{q} {text}", prefixes=False))
    counted = frozenset(tokenize(kind_word)) if kind_word else frozenset()
    verbs = english_verbs(q) if english else frozenset()
    terms = question_terms(text, kind_word, verbs, lexical=not english, abbreviations=abbreviations)
    return QuestionInfo(q, terms, question_kind(q), numbers, english, months, said, counted)


def english_verbs(question: str) -> frozenset[str]:
    """The stems of an English question's verbs in Swedish: a lower-case word without the plural's or
    third person's -s whose Swedish word is an infinitive the lexicon knows in the present tense
    ("hired" → "anställa": "anställer"), so that it weighs as a verb, not as a noun the passage must say."""
    known = lexicon()
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z'-]+", question):
        if word[0].isupper() or word.endswith("s"):
            continue
        sv = to_swedish(word).split()
        # an infinitive ends in -a or -å ("föreslå"), or is the short "ske"; a word in -e whose plural is
        # in -er ("studie", "styrelse", "möte") is a noun
        if len(sv) == 1 and len(sv[0]) >= 3 and (sv[0][-1] in "aå" or sv[0] == "ske") and (
                f"{sv[0]}r" in known or f"{sv[0][:-1]}er" in known):
            out.update(tokenize(sv[0])[:1])
    return frozenset(out)


_PART = re.compile(r",?\s+(?:och|samt|and)\s+(?=(?:vad|vem|vilka|vilken|vilket|hur|när|var|varför|what|who|how|when|"
                   r"where|which|why)\b)", re.IGNORECASE)


def split_question(question: str) -> list[str]:
    """A question that asks two things ("Vad är X och hur ofta görs den?") as its parts."""
    parts = [p.strip() for p in _PART.split(question) if p.strip()]
    return parts if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts) else [question]


def with_subject(part: QuestionInfo, first: QuestionInfo) -> QuestionInfo:
    own = {t.stem for t in part.terms}
    terms = part.terms + tuple(t for t in first.terms if t.stem not in own and not t.verb)
    return QuestionInfo(part.text, terms, part.kind, part.numbers, part.english, part.months, part.said, part.counted)
