"""The extractive engine, the embedded default: it answers with sentences taken from the
retrieved passages (lightly trimmed, each marked [n]) and refuses when none addresses the question.

A sentence is scored by how much of the question's weighted content it covers (Swedish stemmed
tokens with compound parts; rare terms weigh more; a document's own subject counts as said), whether
it has what the question type asks for (a number, a time, a frequency, a reason, a definition, a
list) and how closely it echoes the question's wording. A two-part question needs an answer to each
part. Embedding similarity can be added as a re-ranking step (``use_embeddings``)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ingest.swedish import split_sentences, tokenize

from .answer import REFUSAL, Answer, Citation

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase
    from ingest.search import Hit
    from ingest.store import SearchFilter

# Calibrated on evals/questions/answers.jsonl (see evals/answers.py): the share of the question's
# weighted content a lead sentence must cover, together with its own passage.
MIN_COVERAGE = 0.40
TOP_K = 10
MAX_SENTENCES = 3
MAX_ITEMS = 8
MAX_ITEM_GAP = 3  # description sentences allowed between two list items
LIST_LEADS = 10  # list questions look for a lead among this many best sentences
EXTRA_SCORE = 0.5  # a further sentence must score this share of the lead's
LEAD_CANDIDATES = 5  # the answer leads with the best of these that passes the refusal check
PERVASIVE_SHARE = 0.15  # a term in this share of a document's sentences is that document's subject

# Words that say what is asked, not what about: they never count as content.
_QUESTION_WORDS = frozenset(tokenize(
    "vad vilka vilken vilket vem vems när var varför hur många mycket ofta länge stor andel finns gör görs "
    "ingår behöver heter innebär avses betyder kallas sker ske får fick ha har hade kan ska bör",
    compounds=False))

# English question words mapped to the Swedish domain terms they stand for, so an English
# question can be matched against Swedish passages. General vocabulary only; a deployment that
# needs English answers should configure a multilingual embedding model or an LLM.
_EN_SV = {
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
}
_EN_MARKERS = frozenset(["the", "what", "who", "which", "how", "does", "is", "are", "was", "were", "of", "and", "to", "in", "for"])

_NUM = re.compile(r"\d")
_YEARISH = re.compile(r"\b(?:19|20)\d\d\b")
_MONTHS = ("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
           "hösten|våren|sommaren|vintern|årsskiftet")
_TIME = re.compile(rf"\b(?:{_MONTHS})\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
_FREQ = re.compile(r"\b(?:var(?:je|t)?\s+\w+\s*(?:vecka|veckor|månad|år)|varje|gånger? (?:per|om|i)|"
                   r"årligen|månatligen|veckovis|löpande|regelbundet|per år|per månad|i månaden|"
                   r"two times|yearly|annually|weekly)\b", re.IGNORECASE)
_AMOUNT = re.compile(r"\d[\d\s,.]*\s*(?:kr|kronor|miljon|miljard|euro|procent|%|veckor|personer|st\b|timmar)|"
                     r"\d", re.IGNORECASE)
_WHY = re.compile(r"\bför att\b|\beftersom\b|\bdärför\b|\bsyft|\bi syfte\b|\bviktig|\bbehöv|\bpå grund av\b|"
                  r"\bskäl\b|\borsak|\bledde till\b|\bföranled|\bmed tanke på\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+[A-ZÅÄÖ]")  # "1. Nuvarande lösning ..."
_BULLET = re.compile(r"^[\s•▪●◦\-–*·]+")


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
# ...", "När anslöt ...", "Vilken budget hade ...".
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
        if not toks or toks[0] in _QUESTION_WORDS or _TIME.fullmatch(word):
            continue
        stem, parts = toks[0], tuple(t for t in toks[1:] if t not in _QUESTION_WORDS)
        terms.setdefault(stem, Term(stem, parts, word.lower() == finite or _verbish(word.lower())))
    return tuple(terms.values())


_STRONG_PAST = frozenset(["anslöt", "deltog", "tog", "blev", "fick", "gick", "kom", "gav", "såg", "drog", "skrev",
                          "valde", "utsågs", "började", "slutade"])


def _verbish(word: str) -> bool:
    if len(word) >= 6 and word.endswith(("as", "ås", "ms", "ds", "ls", "ys")) and ":" not in word:
        return True  # passive ("bedöms", "föreslås", "revideras", "används"); genitives end -ns/-ts/-rs
    return word in _STRONG_PAST or (len(word) > 5 and word.endswith(
        ("ade", "ades", "dde", "ddes", "tte", "ttes", "des", "tes", "ras", "ers", "ats")))


_MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                "november", "december")
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTH_NAMES)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMBER_WORDS = re.compile(r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|hundra|tusen|"
                           r"miljoner|miljarder|dubbelt|hälften)\b", re.IGNORECASE)
_MONEY_Q = re.compile(r"\bkronor|\bbudget(?:en|ar|s)?\b|\blön\b|\bkost|\bbelopp|\bpengar|\beuro\b|\bhow much money", re.IGNORECASE)
_MONEY = re.compile(r"\d[\d\s,.]*\s*(?:kr\b|kronor|miljon|miljard|mnkr|mdkr|euro|€)", re.IGNORECASE)


def analyse(question: str, *, english: bool | None = None) -> QuestionInfo:
    q = question.strip()
    low = q.lower()
    if english is None:
        english = is_english(q)
    text = q
    if english:
        text = " ".join(_EN_SV.get(w, w) for w in re.findall(r"[\w:-]+", low))
    if re.search(r"\bhur ofta\b|\bhow often\b", low):
        kind = "frequency"
    elif _MONEY_Q.search(low):
        kind = "money"
    elif re.search(r"\bhur (många|mycket|stor)\b|\bhow (many|much)\b|\bandel\b", low):
        kind = "number"
    elif re.search(r"^\s*när\b|\bvilket datum\b|\bvilken period\b|\bhur länge\b|^\s*when\b|\bhow long\b|\bvilket år\b", low):
        kind = "time"
    elif re.search(r"^\s*(vem|vilka personer|who)\b", low):
        kind = "person"
    elif re.search(r"^\s*(vilka|which|what are)\b", low):
        kind = "list"
    elif re.search(r"^\s*(varför|why)\b", low):
        kind = "why"
    elif _DEFINITION_Q.search(low):
        kind = "definition"
    else:
        kind = "general"
    numbers = tuple(re.findall(r"\b\d{2,}\b", q))
    months = tuple((m.group(1).lower(), m.group(2)) for m in _MONTH_YEAR.finditer(q))
    return QuestionInfo(q, question_terms(text), kind, numbers, english, months)


# Question kinds whose answer need not show a particular cue to count as one.
_NO_CUE = frozenset(["list", "general", "why", "person", "definition"])


def is_english(question: str) -> bool:
    return len(set(re.findall(r"[a-z]+", question.lower())) & _EN_MARKERS) >= 2


_DEFINITION_Q = re.compile(r"^\s*vad (?:är|avses|innebär|betyder|menas)\b|^\s*what (?:is|are|does .* mean)\b")
_DEFINES = re.compile(r"\b(?:avses|innebär|betyder|menas|definieras|utgörs av|består av|är en|är ett|kallas)\b",
                      re.IGNORECASE)


def cue_met(kind: str, sentence: str) -> bool:
    if kind == "money":
        return bool(_MONEY.search(sentence))
    if kind == "number":
        return bool(_AMOUNT.search(_YEARISH.sub("", sentence)) or _NUMBER_WORDS.search(sentence))
    if kind == "time":
        return bool(_TIME.search(sentence))
    if kind == "frequency":
        return bool(_FREQ.search(sentence))
    if kind == "why":
        return bool(_WHY.search(sentence))
    if kind == "definition":
        return bool(_DEFINES.search(sentence))
    return True


def trim(unit: str) -> str:
    """Light trimming: bullets, stray whitespace and a dangling list colon go; words stay."""
    s = _BULLET.sub("", unit).strip()
    s = re.sub(r"\s+", " ", s)
    return s


@dataclass
class Unit:
    """A sentence or list item of a retrieved passage."""

    hit: int  # index into the retrieved hits
    pos: int  # position within the passage
    text: str
    tokens: frozenset[str]
    is_item: bool
    coverage: float = 0.0
    score: float = 0.0
    missing: int = 0  # question nouns that its whole passage lacks
    items: list[Unit] = field(default_factory=list)
    anaphoric: bool = False  # leans on the sentence before it
    matches: dict[Term, float] = field(default_factory=dict)  # how well it has each question term


# Words that open a Swedish sentence but never appear capitalised inside one: where one follows a
# word without a full stop, a heading has been run into the sentence by the PDF extraction.
_OPENERS = ("I|Inom|Under|Det|Detta|Dessa|Den|De|Vi|Här|Nedan|Som|Genom|Efter|Inför|En|Ett|Flera|Många|Några|"
            "Samtidigt|Dessutom|Därför|Utöver|Vad|Hur|Med|För|Av|Till|Om|När|Eftersom|Parallellt|Sedan")
_RUN_IN = re.compile(rf"^(?P<head>[A-ZÅÄÖ][^.!?:;]{{8,90}}?[\w)]) (?P<rest>(?:{_OPENERS}) [a-zåäö].*)$")
# A sentence that leans on the one before it ("Dessa är i enlighet med ...").
_ANAPHOR = re.compile(r"^(?:Dessa|Detta|Denna|Det|De|Den|Här|Där|Därför|Då|Sådana?)\b|"
                      r"^(?:\S+ ){1,2}(?:dessa|detta|denna|sådana?)\b")


def split_run_in(sentence: str) -> tuple[str, str]:
    """("heading", "sentence") when a heading was run into the sentence, else ("", sentence)."""
    m = _RUN_IN.match(sentence)
    if m and not re.search(r"\b(?:är|har|ska|kan|som|och|att|blir|var)$", m.group("head")):
        return m.group("head"), m.group("rest")
    return "", sentence


def passage_units(hit_index: int, text: str) -> list[Unit]:
    units: list[Unit] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        is_item = (bool(_BULLET.match(line)) and not line.lstrip().startswith("-1")) or bool(_NUMBERED.match(line))
        for s in split_sentences(line):
            s = trim(s)
            _, s = split_run_in(s)
            short = len(s) < 8 or len(s.split()) < 2
            if short and not (is_item and len(s) >= 3 and any(c.isalpha() for c in s)):
                continue  # a single word stands only as a list item ("Reglab")
            units.append(Unit(hit_index, len(units), s, frozenset(tokens_of(s)), is_item,
                              anaphoric=bool(_ANAPHOR.match(s)) and not is_item))
    return units


def _says_month(hit: Hit, month: tuple[str, str]) -> bool:
    name, year = month
    return f"{name} {year}" in hit.text.lower() or hit.date.startswith(f"{year}-{_MONTH_NAMES.index(name) + 1:02d}")


class ExtractiveEngine:
    """Answers with selected passage sentences. Needs only the knowledge base (and its embedder)."""

    name = "extractive"

    def __init__(self, kb: KnowledgeBase, *, k: int = TOP_K, min_coverage: float = MIN_COVERAGE,
                 use_embeddings: bool = False) -> None:
        # Re-ranking the best sentences by embedding similarity cost a second embedding call per
        # question (≈ the search's own) and changed no answer on evals/questions/answers.jsonl; off.
        self.kb = kb
        self.k = k
        self.min_coverage = min_coverage
        self.use_embeddings = use_embeddings

    def answer(self, question: str, *, flt: SearchFilter | None = None, hits: list[Hit] | None = None) -> Answer:
        from ingest.store import SearchFilter

        if hits is None:
            hits = self.kb.search(question, self.k, flt or SearchFilter())
        return self.answer_from_hits(question, hits[: self.k])

    # -- selection -------------------------------------------------------------------------------
    def rank_units(self, info: QuestionInfo, hits: list[Hit]) -> list[Unit]:
        """Every sentence and list item of the passages, best first. Overlapping windows repeat
        sentences; a repeat keeps only its first (best-ranked) passage."""
        units: list[Unit] = []
        seen: set[str] = set()
        by_hit: dict[int, list[Unit]] = {}
        for i, h in enumerate(hits):
            for u in passage_units(i, h.text):
                by_hit.setdefault(i, []).append(u)
                if u.text not in seen:
                    seen.add(u.text)
                    units.append(u)
        if not units or not info.terms:
            return []
        n = len(units)
        for u in units:
            u.matches = {t: t.match(u.tokens) for t in info.terms}
        weight = {t: math.log(1 + n / (1 + sum(u.matches[t] >= 1.0 for u in units))) * (0.4 if t.verb else 1.0)
                  for t in info.terms}
        total = sum(weight.values()) or 1.0
        implied = _pervasive(info.terms, hits, units)
        in_ctx: dict[int, dict[Term, float]] = {}  # how well each passage (with its title) has each term
        for i, h in enumerate(hits):
            ctx = frozenset(tokens_of(f"{h.title} {h.section} {h.text}"))
            in_ctx[i] = {t: 1.0 if (t, h.doc_id) in implied else t.match(ctx) for t in info.terms}
        for u in units:
            before = by_hit[u.hit][u.pos - 1] if u.pos > 0 else None
            near = u.tokens | before.tokens if u.anaphoric and before is not None else u.tokens
            got = own = 0.0
            for t, w in weight.items():
                m = u.matches[t]
                if m < 1.0 and near is not u.tokens:
                    m = t.match(near)
                if (t, hits[u.hit].doc_id) in implied:
                    m = max(m, 0.8)
                own += w * m
                got += w * max(m, 0.5 * in_ctx[u.hit][t])
            u.coverage = got / total
            u.missing = sum(in_ctx[u.hit][t] < 0.8 for t in info.terms if not t.verb)
            listy = _enumerates(u, by_hit[u.hit]) if info.kind == "list" else 0.0
            cue = 0.15 if cue_met(info.kind, u.text) else -0.15
            if info.kind in ("number", "money") and cue > 0 and not _AMOUNT.search(_YEARISH.sub("", u.text)):
                cue = 0.05  # a number word ("två fysiska") answers "hur många" less surely than a figure
            u.score = (0.5 * u.coverage + 0.5 * own / total + cue
                       + listy + _echo(info, u) - 0.01 * u.hit)
            where = f"{hits[u.hit].text} {hits[u.hit].date} {hits[u.hit].source}".lower()
            if not all(num in where for num in info.numbers) or not all(_says_month(hits[u.hit], m) for m in info.months):
                u.score -= 1.0
                u.coverage = 0.0
        units.sort(key=lambda u: -u.score)
        if self.use_embeddings and self.kb.embedder is not None:
            top = units[:16]
            vecs = self.kb.embedder.embed([info.text] + [u.text for u in top])
            sims = vecs[1:] @ vecs[0]
            for u, s in zip(top, np.asarray(sims, dtype=float)):
                u.score += 0.3 * float(s)
            units.sort(key=lambda u: -u.score)
        return units

    def answerable(self, info: QuestionInfo, best: Unit | None) -> bool:
        if best is None or best.coverage < self.min_coverage:
            return False
        nouns = sum(not t.verb for t in info.terms)
        if best.missing > (nouns // 3 if info.english else (nouns - 1) // 5):
            return False
        return cue_met(info.kind, best.text) or info.kind in _NO_CUE

    def answer_from_hits(self, question: str, hits: list[Hit]) -> Answer:
        english = is_english(question)
        parts = [analyse(q, english=english) for q in split_question(question)]
        if len(parts) > 1:  # a later part ("... och hur ofta görs den?") inherits the first part's subject
            parts = [parts[0]] + [_with_subject(p, parts[0]) for p in parts[1:]]
        info = parts[0]
        units = self.rank_units(info, hits)
        chosen: list[Unit] = []
        for part in parts:  # every part needs a sentence that answers it; half an answer is none
            ranked = units if part is info else self.rank_units(part, hits)
            lead = next((u for u in ranked[:LEAD_CANDIDATES] if self.answerable(part, u)
                         and u.text not in {c.text for c in chosen}), None)
            if lead is None:
                related = [Citation.from_hit(i + 1, h) for i, h in enumerate(hits[:3])]
                return Answer(question, REFUSAL, False, self.name, related=related)
            chosen.append(lead)
        best = chosen[0]
        for u in units:
            if len(chosen) >= MAX_SENTENCES:
                break
            if (u.coverage >= max(self.min_coverage, 0.6 * best.coverage) and u.score >= EXTRA_SCORE * best.score
                    and u.text not in {c.text for c in chosen} and (cue_met(info.kind, u.text) or info.kind in _NO_CUE)):
                chosen.append(u)
        items = self._list_items(info, chosen, units, hits)
        return self._compose(question, chosen, items, hits)

    def _list_items(self, info: QuestionInfo, chosen: list[Unit], units: list[Unit], hits: list[Hit]) -> list[Unit]:
        """For list questions (or a lead ending in a colon): the bullet items that follow a lead among
        the best units; that lead joins the answer. Items may be separated by their descriptions."""
        leads = units[:LIST_LEADS] if info.kind == "list" else [chosen[0]] if chosen[0].text.endswith(":") else []
        for lead in leads:
            if lead.coverage < self.min_coverage:
                continue
            items: list[Unit] = []
            gap = 0
            for u in passage_units(lead.hit, hits[lead.hit].text):
                if u.pos <= lead.pos:
                    continue
                if u.is_item:
                    items.append(u)
                    gap = 0
                    continue
                gap += 1
                if (not items and u.pos > lead.pos + 1) or gap > MAX_ITEM_GAP:
                    break
            if len(items) >= 2:
                if lead not in chosen:
                    chosen.append(lead)
                return items[:MAX_ITEMS]
        return []

    def _compose(self, question: str, chosen: list[Unit], items: list[Unit], hits: list[Hit]) -> Answer:
        numbers: dict[int, int] = {}

        def mark(u: Unit) -> str:
            if u.hit not in numbers:
                numbers[u.hit] = len(numbers) + 1
            return f"[{numbers[u.hit]}]"

        # Keep passage order within a passage so the answer reads as the source does; a sentence
        # that leans on the one before it ("Dessa är ...") brings that one along.
        chosen = [chosen[0]] + sorted(chosen[1:], key=lambda u: (u.hit, u.pos))
        units = {(u.hit, u.pos): u for h in {c.hit for c in chosen} for u in passage_units(h, hits[h].text)}
        ordered: list[Unit] = []
        for u in chosen:
            before = units.get((u.hit, u.pos - 1))
            if u.anaphoric and before is not None and before.text not in {o.text for o in ordered + chosen}:
                ordered.append(before)
            ordered.append(u)
        lines = [f"{_sentence(u.text)} {mark(u)}" for u in ordered]
        lead = " ".join(lines)
        seen = {u.text for u in ordered}
        bullets = [f"- {_sentence(u.text)} {mark(u)}" for u in items if u.text not in seen]
        text = lead + ("\n" + "\n".join(bullets) if bullets else "")
        citations = [Citation.from_hit(n, hits[i]) for i, n in sorted(numbers.items(), key=lambda x: x[1])]
        return Answer(question, text, True, self.name, citations=citations)


_PART = re.compile(r",?\s+(?:och|samt|and)\s+(?=(?:vad|vem|vilka|vilken|vilket|hur|när|var|varför|what|who|how|when|"
                   r"where|which|why)\b)", re.IGNORECASE)


def split_question(question: str) -> list[str]:
    """A question that asks two things ("Vad är X och hur ofta görs den?") as its parts."""
    parts = [p.strip() for p in _PART.split(question) if p.strip()]
    return parts if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts) else [question]


def _with_subject(part: QuestionInfo, first: QuestionInfo) -> QuestionInfo:
    own = {t.stem for t in part.terms}
    terms = part.terms + tuple(t for t in first.terms if t.stem not in own and not t.verb)
    return QuestionInfo(part.text, terms, part.kind, part.numbers, part.english, part.months)


def _pervasive(terms: tuple[Term, ...], hits: list[Hit], units: list[Unit]) -> set[tuple[Term, str]]:
    """(term, doc) pairs where the term names the document's own subject: in its title, or in at
    least a third of its retrieved sentences ("MSV" in a report about MSV). Any passage of that
    document is then about it, whether or not the sentence repeats the name."""
    out: set[tuple[Term, str]] = set()
    per_doc: dict[str, list[Unit]] = {}
    for u in units:
        per_doc.setdefault(hits[u.hit].doc_id, []).append(u)
    titles = {h.doc_id: frozenset(tokens_of(h.title)) for h in hits}
    for doc, us in per_doc.items():
        for t in terms:
            if t.verb:
                continue
            share = sum(u.matches[t] >= 1.0 for u in us) / len(us)
            if t.match(titles[doc]) >= 1.0 or (len(us) >= 6 and share >= PERVASIVE_SHARE):
                out.add((t, doc))
    return out


def _enumerates(u: Unit, passage: list[Unit]) -> float:
    """How surely a sentence lists things: a lead followed by list items, or a run of three or
    more short comma-separated names ("Arbetsförmedlingen, Skolverket, Tillväxtverket och ...")."""
    if u.text.rstrip().endswith(":"):
        nxt = next((v for v in passage if v.pos == u.pos + 1), None)
        return 0.15 if nxt is not None and nxt.is_item else 0.0
    run = best = 0
    for seg in u.text.split(","):
        run = run + 1 if len(seg.split()) <= 5 else 0
        best = max(best, run)
    return 0.25 if best >= 3 and re.search(r"\b(?:och|samt)\b", u.text) else 0.0


def _echo(info: QuestionInfo, u: Unit) -> float:
    """A small bonus for a sentence that repeats the question's wording, question words included
    ("Med horisontella perspektiv avses ..." for "Vad avses med horisontella perspektiv?")."""
    q = tokens_of(info.text, compounds=False)
    s = tokens_of(u.text, compounds=False)
    pairs = set(zip(s, s[1:]))
    hits = sum((a, b) in pairs for a, b in zip(q, q[1:]) if not (a in _QUESTION_WORDS and b in _QUESTION_WORDS))
    return min(0.2, 0.07 * hits)


def _sentence(text: str) -> str:
    """End a unit with punctuation so the marker follows a finished sentence."""
    text = text.rstrip()
    return text if text[-1:] in ".!?:;)”\"" else text + "."
