"""Swedish text handling: sentence boundaries, reflow of PDF text, and BM25 tokens with
stemming, stopwords and compound splitting (kompetensförsörjningsarbete → kompetens,
försörjning, arbete)."""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from functools import lru_cache
from importlib import resources

import snowballstemmer

# NLTK's Swedish stopword list plus a few domain-neutral function words.
STOPWORDS = frozenset(
    """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
    från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
    allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
    några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
    vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas also the of and to
    in is what how why who which does do are for om kan ska skall också även samt enligt genom""".split()
)

_ABBREVIATIONS = frozenset(
    """t.ex bl.a m.m s.k d.v.s dvs osv o.s.v ca jfr enl nr kap prop resp fr.o.m t.o.m m.fl p.g.a
    pga s sid f.d inkl exkl st mfl mm tex bla dir skr bet sfs ds sou dnr ang avd""".split()
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+")
_WORD = re.compile(r"[0-9a-zåäöéüæøA-ZÅÄÖÉÜÆØ]+(?:[-:][0-9a-zåäöéüA-ZÅÄÖÉÜ]+)*")
# A Snowball stemmer keeps the word being stemmed in itself: one per thread (a background indexing
# and the app's searches stem at the same time).
_STEMMERS = threading.local()


def split_sentences(text: str) -> list[str]:
    """Split Swedish prose into sentences, keeping abbreviations such as "t.ex." and "bl.a." whole."""
    text = text.strip()
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        before = text[start : m.start() + 1]
        last = before.split()[-1].lower().rstrip(".") if before.split() else ""
        nxt = text[end : end + 1]
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"”•–-(«"):
            continue
        sentences.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")


def _join_hyphen(m: re.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    # "GD-\ngruppen" keeps its hyphen (an abbreviation); "kompetens-\nförsörjning" is joined.
    if left.isupper() or left.isdigit() or right.isupper():
        return f"{left}-{right}"
    return f"{left}{right}"


def reflow(text: str) -> str:
    """Undo PDF line wrapping: join hyphenated line ends and wrapped lines into paragraphs.
    Blank lines separate paragraphs; bullet lines start a new paragraph. In text where wrapped
    lines keep a trailing space (pdftotext's layout), a line that ends without one, without
    punctuation and before a capitalised line is a heading: it stays a paragraph of its own
    instead of running into the sentence after it."""
    text = _HYPHEN_BREAK.sub(_join_hyphen, text)
    raw_lines = text.split("\n")
    filled = [ln for ln in raw_lines if ln.strip()]
    wrap_marked = bool(filled) and sum(ln.endswith((" ", "\t")) for ln in filled) >= 0.3 * len(filled)
    paragraphs: list[str] = []
    current: list[str] = []
    previous = ""
    for raw in raw_lines:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            previous = raw
            continue
        if current and (line[0] in "•▪●◦-–*" or (wrap_marked and _ends_heading(current, previous, line))):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
        previous = raw
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(re.sub(r"\s+", " ", p) for p in paragraphs)


_OPEN_END = re.compile(r"(?:[,;:\-–(]|\b(?:och|eller|samt|att|av|för|från|i|med|om|på|som|till|vid|en|ett|den|det|de))$",
                       re.IGNORECASE)


def is_heading(text: str) -> bool:
    """A short line that opens with a capital or a number and finishes no sentence."""
    text = text.strip()
    return (2 <= len(text.split()) <= 16 and len(text) <= 120 and (text[0].isupper() or text[0].isdigit())
            and not re.search(r"[.!?]$|[.!?]\s", text) and not _OPEN_END.search(text))


# How minutes and reports mark a numbered paragraph: "§ 3", "§ 3.", "Punkt 3.", "Ärende 3:", "3.", "3.2",
# possibly in bold ("**§ 3**").
# A time of day ("15.10 Paus") opens an agenda's line, not a numbered section.
_MARKER = (r"(?:§\s*\d{1,3}[a-z]?|(?:Punkt|Ärende|Paragraf|Beslutspunkt|Dagordningspunkt|Bilaga)\s+\d{1,3}[a-z]?|"
           r"\d{1,2}(?!\.[0-5]\d\b)(?:\.\d{1,2})*)")
_PARAGRAPH_HEADING = re.compile(rf"^\**(?P<marker>{_MARKER})[.:]?\**[.:]?(?:\s+\**(?P<title>[^*]*?)\**)?\s*$")
_NAMED_MARKER = re.compile(r"^\**(?:§|(?:Punkt|Ärende|Paragraf|Beslutspunkt|Dagordningspunkt)\b)")


def paragraph_heading(line: str) -> str:
    """The heading a line of minutes or a report is ("§ 3 Arbetsordning", "Punkt 3.", "**4.** Ekonomi"),
    without bold marks; "" when the line is not one. A heading is a paragraph marker, possibly followed by
    a short title that opens with a capital and finishes no sentence."""
    m = _PARAGRAPH_HEADING.match(line.strip())
    if not m:
        return ""
    marker, title = m.group("marker"), (m.group("title") or "").strip()
    if not title:
        return marker if _NAMED_MARKER.match(line.strip()) else ""  # a bare "3." is a list's number, not a heading
    if not (title[0].isupper() and len(title.split()) <= 10 and not re.search(r"[.!?]$|[.!?]\s", title)
            and not _OPEN_END.search(title)):
        return ""
    return f"{marker} {title}"


def split_paragraph_heading(sentence: str) -> tuple[str, str]:
    """("§ 3 Arbetsordning", "Gruppen beslutade …") when a named paragraph marker and its title were run into
    the sentence after them (a line break lost in extraction), else ("", sentence). The title ends before the
    first capitalised word that a title could end before (not after "från", "och" …)."""
    s = sentence.strip()
    if not _NAMED_MARKER.match(s):
        return "", sentence
    words = s.split()
    marker_len = 1 if any(c.isdigit() for c in words[0]) else 2  # "§3" or "§ 3", "Punkt 3"
    for i in range(marker_len + 1, min(len(words) - 2, marker_len + 8)):
        if words[i][:1].isupper() and words[i + 1][:1].islower():
            head = paragraph_heading(" ".join(words[:i]))
            if head:
                return head, " ".join(words[i:])
    return "", sentence


def _ends_heading(current: list[str], previous_raw: str, line: str) -> bool:
    """Whether the lines gathered so far are a heading that ``line`` does not continue."""
    return (not previous_raw.endswith((" ", "\t")) and line[0].isupper() and is_heading(" ".join(current)))


def normalize(text: str) -> str:
    """Lowercase, NFC and collapse whitespace: the form used when comparing passages."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """The Swedish word list (``data/sv_lexicon.txt.gz``): compound splitting and the English
    dictionary's choice of a Swedish word both ask it."""
    data = resources.files("ingest").joinpath("data/sv_lexicon.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


FOLD = str.maketrans("åäöé", "aaoe")  # how a file name spells a word ("miljöövervakning" → "miljoovervakning")


@lru_cache(maxsize=1)
def _folded_lexicon() -> frozenset[str]:
    return frozenset(w.translate(FOLD) for w in lexicon())


_MIN_PART = 4
_MIN_COMPOUND = 10  # shorter words are rarely compounds worth splitting (samverkan, kostnad)
_PREFIX = 6
# Derivational endings that the lexicon happens to hold as words; never a compound's tail.
_SUFFIXES = frozenset(
    "tion tioner ning ningen ningar ande andet ende het heten heter lig liga ligt else skap isk iska"
    " era erar ering itet iteten ism ist ister ör örer ande ade".split()
)
_FOLDED_SUFFIXES = frozenset(s.translate(FOLD) for s in _SUFFIXES)


def _is_head(part: str, lex: frozenset[str]) -> bool:
    # Compound heads drop a final vowel ("skol|verket") or take a linking s ("arbets|marknad").
    return len(part) >= _MIN_PART and (part in lex or part + "e" in lex or part + "a" in lex)


@lru_cache(maxsize=200_000)
def split_compound(word: str, min_tail: int = _MIN_PART, *, folded: bool = False) -> tuple[str, ...]:
    """Split a Swedish compound into known parts, longest tail first; () when it is not one.
    ``min_tail`` lets a short closing word count ("expert|råd"); the index keeps four letters.
    ``folded``: the word is spelled without å, ä, ö and é, as a file name spells it, and so are its parts."""
    lex = _folded_lexicon() if folded else lexicon()
    suffixes = _FOLDED_SUFFIXES if folded else _SUFFIXES
    if len(word) < _MIN_PART + min_tail + 1 or not word.isalpha():
        return ()
    best: tuple[str, ...] = ()
    for i in range(_MIN_PART, len(word) - min_tail + 1):
        head, tail = word[:i], word[i:]
        heads = [head]
        if head.endswith("s") and len(head) > _MIN_PART:
            heads.insert(0, head[:-1])
        for h in heads:
            if not _is_head(h, lex):
                continue
            if tail in suffixes:
                continue
            if tail in lex and len(tail) >= min_tail:
                return (h, tail)
            rest = split_compound(tail, folded=folded)
            if rest and not best and min(map(len, rest)) >= 5:
                best = (h, *rest)
    return best


_MIN_HEAD = 5
_LONG_HEAD = 8


@lru_cache(maxsize=50_000)
def split_by_head(word: str) -> tuple[str, ...]:
    """A compound's parts, or, when the lexicon knows its closing word but not its opening one, its
    modifier and that head: the longest closing word of at least five letters after an opening of at
    least four ("glaciärs|utbildningen" → glaciär, utbildningen; a linking s dropped). Swedish
    compounds end in the word that says what the thing is, so the head says it whatever the modifier.
    () when neither is found. Not used by the index, whose splitter stays the lexicon's own."""
    parts = split_compound(word)
    if parts or len(word) < _MIN_COMPOUND or not word.isalpha():
        return parts
    lex = lexicon()
    for i in range(_MIN_PART, len(word) - _MIN_HEAD + 1):
        tail, modifier = word[i:], word[:i]
        if tail not in lex or any(tail.startswith(x) for x in _SUFFIXES if len(x) >= 4):
            continue  # "organisa|tionen" is a derivation, not a compound
        linked = modifier.endswith("s") and len(modifier) > _MIN_PART
        if linked or len(tail) >= _LONG_HEAD:  # a shorter head needs the linking s to show the seam ("utvärder|ingen")
            return (modifier[:-1] if linked else modifier, tail)
    return ()


@lru_cache(maxsize=50_000)  # words repeat: each query stems the same words again (a few MB at most)
def stem(word: str) -> str:
    stemmer = getattr(_STEMMERS, "swedish", None)
    if stemmer is None:
        stemmer = _STEMMERS.swedish = snowballstemmer.stemmer("swedish")
    return stemmer.stemWord(word)


def tokenize(text: str, *, compounds: bool = True, prefixes: bool = True) -> list[str]:
    """BM25 tokens: lowercase, stopwords out, Snowball-stemmed, with a prefix token for long
    words (``prefixes``) and the parts of compounds (``compounds``) added."""
    tokens: list[str] = []
    for m in _WORD.finditer(text.lower()):
        word = m.group(0)
        for piece in word.split("-") if "-" in word else (word,):
            piece = piece.split(":")[0]
            if len(piece) < 2 or piece in STOPWORDS:
                continue
            tokens.append(stem(piece))
            if prefixes and len(piece) > _PREFIX:
                # A six-letter prefix joins inflections Snowball keeps apart (kansli/kansliet,
                # samverka/samverkan); measured in evals/README.md.
                tokens.append("~" + piece[:_PREFIX])
            if compounds and len(piece) >= _MIN_COMPOUND:
                tokens.extend(stem(p) for p in _compound_parts(piece) if p not in STOPWORDS)
    return tokens


def _compound_parts(word: str) -> list[str]:
    parts: list[str] = []
    for part in split_compound(word):
        parts.append(part)
        if len(part) >= _MIN_COMPOUND:
            parts.extend(_compound_parts(part))
    return parts
