"""Question analysis, shared by every engine: what a question is about (its content terms, with
compound parts and verbs told apart), what it asks for (the kind, from ``ingest.qtype``), the
numbers and months it names, its language, and its parts when it asks two things."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.dates import MONTH_YEAR, TIME_WORD
from ingest.qtype import question_kind
from ingest.swedish import tokenize

# Words that say what is asked, not what about: they never count as content.
QUESTION_WORDS = frozenset(tokenize(
    "vad vilka vilken vilket vem vems när var varför hur många mycket ofta länge stor andel finns gör görs "
    "ingår behöver heter innebär avses betyder kallas sker ske får fick ha har hade kan ska bör",
    compounds=False))

# English words and phrases mapped to the Swedish domain terms they stand for, so an English
# question can be matched against Swedish passages (phrases first; "" drops a function word).
# General vocabulary only; a deployment that needs English answers should configure a
# multilingual embedding model or an LLM.
_PHRASES = (
    ("operating budget", "verksamhetsbudget"), ("operational budget", "verksamhetsbudget"),
    ("budget frame", "budgetram"), ("budget ceiling", "budgetram"), ("work plan", "arbetsplan"),
    ("workplan", "arbetsplan"), ("rules of procedure", "arbetsordning"), ("meeting plan", "mötesplan"),
    ("meeting schedule", "mötesplan"), ("communication plan", "kommunikationsplan"),
    ("skills analysis", "kompetensanalys"), ("competence analysis", "kompetensanalys"),
)

_WORDS = {
    "project": "projekt", "owner": "ägare", "agency": "myndighet", "agencies": "myndigheter",
    "coordinates": "samordnar", "coordinate": "samordna", "skills": "kompetens", "skill": "kompetens",
    "supply": "försörjning", "national": "nationell",
    "effort": "satsning", "term": "sikt", "contribute": "bidra", "aim": "syfte", "aims": "syfte",
    "conference": "konferens", "secretariat": "sekretariat", "meeting": "möte", "minutes": "minnesanteckningar",
    "budget": "budget", "decision": "beslut", "decisions": "beslut", "steering": "styrgrupp",
    "group": "grupp", "working": "arbetsgrupp", "government": "regeringen", "assignment": "uppdrag",
    "report": "rapport", "cost": "kostnad", "study": "studie", "studies": "förstudier", "pre-studies": "förstudier",
    "run": "pågå", "lifelong": "livslångt", "learning": "lärande", "education": "utbildning",
    "vocational": "yrkesutbildning", "msv": "msv", "tsi": "tsi", "kll": "kll",
    "oecd": "oecd", "long": "", "how": "", "who": "", "what": "", "was": "",
    "did": "", "it": "", "does": "", "do": "", "the": "", "is": "", "in": "", "to": "", "of": "", "on": "",
    "for": "", "which": "", "where": "", "when": "",
    "validation": "validering", "guidance": "vägledning", "accessibility": "tillgänglighet", "template": "mall",
    "memo": "promemoria", "onboarding": "introduktion", "registration": "diarieföring", "follow-up": "uppföljning",
}
_EN_MARKERS = frozenset(["the", "what", "who", "which", "how", "does", "is", "are", "was", "were", "of", "and", "to", "in", "for"])


def is_english(question: str) -> bool:
    return len(set(re.findall(r"[a-z]+", question.lower())) & _EN_MARKERS) >= 2


def to_swedish(text: str, drop: frozenset[str] = frozenset()) -> str:
    """English words of ``text`` in Swedish (phrases first, a plural -s allowed); words in ``drop``
    and English function words go, anything else stays as it is."""
    low = text.lower()
    for en, sv in _PHRASES:
        low = re.sub(rf"\b{re.escape(en)}s?\b", sv, low)
    out = []
    for w in re.findall(r"[\wåäöé:-]+", low):
        if w in drop:
            continue
        sv = _WORDS.get(w, _WORDS.get(w[:-1], w) if w.endswith("s") and len(w) > 3 else w)
        if sv:
            out.append(sv)
    return " ".join(out)


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
    verb: bool = False  # verbs are often paraphrased ("anslöt" for "deltar sedan"); they weigh less

    def match(self, tokens: frozenset[str]) -> float:
        if _has(self.stem, tokens):
            return 1.0
        if self.parts:
            # the head (last part) carries a compound's meaning: "alternativ" for "finansieringsalternativ"
            share = sum(_has(p, tokens) for p in self.parts) / len(self.parts)
            return 0.8 * max(share, 1.0 if _has(self.parts[-1], tokens) else 0.0)
        return 0.0


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


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    terms: tuple[Term, ...]
    kind: str  # "number", "time", "frequency", "person", "list", "why", "general"
    numbers: tuple[str, ...]  # numbers named in the question; the answer's passage must have them
    english: bool
    months: tuple[tuple[str, str], ...] = ()  # ("mars", "2025"): the passage or its date must say so


# A Swedish question puts its finite verb right after the question phrase (V2): "Hur mycket höjs
# ...", "När anslöt ...", "Vilken roll har ...".
# After "hur många" or "vilken" a noun may come first ("Hur många ärenden diariefördes"), so there
# the word counts as the verb only when it looks like one.
_V2 = re.compile(r"^\s*(?:(?:på|under|i|från|till|för|med) )?(?:hur (?:många|mycket|stor\w*|lång\w*)|"
                 r"vilk(?:en|et|a)(?: [\w:-]+)?|(?P<sure>hur (?:ofta|länge)|vad|vem|vems|när|var|varför|hur)) ([\w:-]+)",
                 re.IGNORECASE)


def question_terms(text: str) -> tuple[Term, ...]:
    terms: dict[str, Term] = {}
    m = _V2.match(text)
    finite = m.group(2).lower() if m else ""
    if m and not m.group("sure") and not (_verbish(finite) or finite.endswith("s")):
        finite = ""
    for word in re.findall(r"[\w:-]+", text):
        toks = tokenize(word)
        if not toks or toks[0] in QUESTION_WORDS or TIME_WORD.fullmatch(word):
            continue
        stem, parts = toks[0], tuple(t for t in toks[1:] if t not in QUESTION_WORDS)
        terms.setdefault(stem, Term(stem, parts, word.lower() == finite or _verbish(word.lower())))
    return tuple(terms.values())


_STRONG_PAST = frozenset(["anslöt", "deltog", "tog", "blev", "fick", "gick", "kom", "gav", "såg", "drog", "skrev",
                          "valde", "utsågs", "började", "slutade"])


def _verbish(word: str) -> bool:
    if len(word) >= 6 and word.endswith(("as", "ås", "ms", "ds", "ls", "ys")) and ":" not in word:
        return True  # passive ("bedöms", "föreslås", "revideras", "används"); genitives end -ns/-ts/-rs
    return word in _STRONG_PAST or (len(word) > 5 and word.endswith(
        ("ade", "ades", "dde", "ddes", "tte", "ttes", "des", "tes", "ras", "ers", "ats")))


def analyse(question: str, *, english: bool | None = None) -> QuestionInfo:
    q = question.strip()
    if english is None:
        english = is_english(q)
    text = to_swedish(q) if english else q
    numbers = tuple(re.findall(r"\b\d{2,}\b", q))
    months = tuple((m.group("month").lower(), m.group("year")) for m in MONTH_YEAR.finditer(q))
    return QuestionInfo(q, question_terms(text), question_kind(q), numbers, english, months)


_PART = re.compile(r",?\s+(?:och|samt|and)\s+(?=(?:vad|vem|vilka|vilken|vilket|hur|när|var|varför|what|who|how|when|"
                   r"where|which|why)\b)", re.IGNORECASE)


def split_question(question: str) -> list[str]:
    """A question that asks two things ("Vad är X och hur ofta görs den?") as its parts."""
    parts = [p.strip() for p in _PART.split(question) if p.strip()]
    return parts if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts) else [question]


def with_subject(part: QuestionInfo, first: QuestionInfo) -> QuestionInfo:
    own = {t.stem for t in part.terms}
    terms = part.terms + tuple(t for t in first.terms if t.stem not in own and not t.verb)
    return QuestionInfo(part.text, terms, part.kind, part.numbers, part.english, part.months)
