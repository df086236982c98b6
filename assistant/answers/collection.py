"""Questions about the collection itself ("Vilka uppdrag har regeringen gett Myndigheten för
yrkeshögskolan?", "Vilka regleringsbrev finns för 2024?", "Vilka protokoll finns från styrgruppen?",
"Vilka rapporter finns om validering?"): answered as a dated list of the matching documents, newest
first, each cited, with the count and the filter used.

The filter comes from the question and the documents' metadata, not from a list of cases: the kind
from the noun after the question word ("uppdrag", "rapporter", "protokoll" …), the agency from the
agency labels the documents carry and the glossary's names for them (``ingest/glossary.py``), years
from the years named, a body from its name, and any words left over as a subject that each listed
document's best passage (hybrid search within the filtered documents) must cover. A question that is
not about the collection, or that no document matches, goes to the engine wrapped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.glossary import is_english, load_glossary, to_swedish
from ingest.store import SearchFilter, date_num

from ..records.meeting import body_name, body_of
from .base import Answer, Citation, Engine
from .question import question_terms, tokens_of

if TYPE_CHECKING:
    from ingest.catalog import DocRecord
    from ingest.kb import KnowledgeBase

ENGINE_NAME = "dokumentlista"
SHOWN = 5  # documents listed (the count covers all)
SUBJECT_HITS = 60  # passages searched for a subject when too many documents match the rest to read them all
READ_ALL = 400  # up to this many documents matching the rest, each one's opening is read for the subject
MIN_TERM_MATCH = 0.8  # how well a listed document's passage must cover each subject word

_NUMBERS = {1: "det senaste", 2: "de två senaste", 3: "de tre senaste", 4: "de fyra senaste", 5: "de fem senaste"}


@dataclass(frozen=True)
class Noun:
    pattern: re.Pattern[str]
    kinds: tuple[str, ...]  # () = any kind
    one: str
    many: str


_NOUNS = [Noun(re.compile(p), k, one, many) for p, k, one, many in (
    (r"(?:regerings)?uppdrag(?:en|et)?$|(?:government )?assignments?$", ("regeringsuppdrag",),
     "regeringsuppdrag", "regeringsuppdrag"),
    (r"regleringsbrev(?:en|et)?$|appropriation directions?$", ("regleringsbrev",), "regleringsbrev", "regleringsbrev"),
    (r"pressmeddelanden?(?:a)?$|press releases?$", ("pressmeddelande",), "pressmeddelande", "pressmeddelanden"),
    (r"protokoll(?:en|et)?$|minutes$|(?:minnes|mötes)anteckningar(?:na)?$|meeting notes$",
     ("protokoll", "minnesanteckningar"), "protokoll eller minnesanteckning", "protokoll och minnesanteckningar"),
    (r"rapport(?:er|erna|en)?$|reports?$", ("rapport",), "rapport", "rapporter"),
    (r"promemori(?:a|or|orna|an)$|memos?$|memoranda$", ("promemoria",), "promemoria", "promemorior"),
    (r"arbetsplan(?:er|erna|en)?$|work ?plans?$", ("arbetsplan",), "arbetsplan", "arbetsplaner"),
    (r"lägesbedömning(?:ar|arna|en)?$|status reports?$", ("lägesbedömning",), "lägesbedömning", "lägesbedömningar"),
    (r"dokument(?:en|et)?$|documents?$", (), "dokument", "dokument"),
)]

# "Vilka …", "Finns det några …", "Hur många …", "Lista …" and English forms: the question asks which
# documents exist when a document noun follows within a few words. "Vilket uppdrag …" (singular)
# asks for one document's content: the wrapped engine answers it, and the list only when it cannot.
_ONE = re.compile(r"^(?:vilket|vilken|which|what) (?:\w+ )?(?:uppdrag|regeringsuppdrag|regleringsbrev|protokoll|rapport|"
                  r"promemoria|arbetsplan|lägesbedömning|pressmeddelande|dokument|assignment|report|document|memo)\b")
_ASKS = re.compile(r"^(?:vilka|vilket|vilken|finns det (?:några|något|någon)|hur många|lista|visa|räkna upp|"
                   r"which|what|how many|list|show|are there(?: any)?)(?: (?:av|alla|all|the|of))*\s+(?P<rest>.+)$")
_WORDS_BEFORE_NOUN = 3
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SINCE = re.compile(r"\b(?:sedan|från|efter|fr\.o\.m\.|since|after|from)\s+((?:19|20)\d\d)\b")
_UNTIL = re.compile(r"\b(?:före|innan|till|t\.o\.m\.|before|until)\s+((?:19|20)\d\d)\b")
# Words that frame such a question ("har regeringen gett", "som handlar om") rather than name its subject.
_FRAME = frozenset(tokens_of(
    "regeringen regeringens regering government gett givit gav ge ges getts fått fick får tilldelats tagit fram "
    "publicerat publicerats skrivit skrivits handlar handla rör gäller finns finnas kommit ut år året åren mellan "
    "sedan före efter from given has have been received issued about år senaste nya alla någon några något "
    "myndighet myndigheten myndigheter", compounds=False))


@dataclass(frozen=True)
class CollectionQuestion:
    noun: Noun
    one: bool = False  # "Vilket uppdrag …": one document is asked for
    agency: str = ""  # the label as the documents carry it (or the glossary's short form)
    names: tuple[str, ...] = ()  # every name of that agency
    since: int | None = None
    until: int | None = None
    body: str = ""
    subject: str = ""

    def describe(self) -> str:
        """The filter used, in words."""
        parts = [f"dokumenttyp {', '.join(self.noun.kinds) or 'alla'}"]
        if self.agency:
            parts.append(f"myndighet {self.agency} (i metadata eller titel)")
        if self.body:
            parts.append(f"organ {body_name(self.body)}")
        if self.since is not None or self.until is not None:
            parts.append("år " + _span(self.since, self.until))
        if self.subject:
            parts.append(f"ämne ”{self.subject}”")
        return "; ".join(parts)


def _span(lo: int | None, hi: int | None) -> str:
    if lo is not None and lo == hi:
        return str(lo)
    return f"{lo if lo is not None else ''}–{hi if hi is not None else ''}"


def agency_names(labels: set[str], glossary: dict[str, list[str]]) -> dict[str, set[str]]:
    """Each agency label the documents carry with its other names from the glossary (MYH ↔
    Myndigheten för yrkeshögskolan), and each glossary entry with its own names."""
    out: dict[str, set[str]] = {label: {label} for label in labels if label}
    for short, longs in glossary.items():
        names = {short, *longs}
        folded = {n.casefold() for n in names}
        hit = [label for label in out if label.casefold() in folded]
        for label in hit:
            out[label] |= names
        if not hit:
            out[short] = names
    return out


def _names_in(question: str, names: set[str]) -> int:
    """Where the earliest of ``names`` stands in ``question`` (a genitive -s allowed), or -1."""
    found = []
    for name in names:
        flags = 0 if name.isupper() or len(name) <= 4 else re.IGNORECASE  # "UHR" as written; names any case
        m = re.search(rf"(?<![\wÅÄÖåäö-]){re.escape(name)}s?(?![\wÅÄÖåäö-])", question, flags)
        if m:
            found.append(m.start())
    return min(found) if found else -1


def parse_question(question: str, labels: set[str] = frozenset(),  # type: ignore[assignment]
                   glossary: dict[str, list[str]] | None = None) -> CollectionQuestion | None:
    """What a question about the collection asks for, or None for any other question. ``labels``:
    the agency labels the documents carry."""
    q = re.sub(r"\s+", " ", question.strip()).rstrip(" ?.!")
    m = _ASKS.match(q.lower())
    if not m:
        return None
    words = m.group("rest").split(" ")
    noun = None
    for i in range(min(_WORDS_BEFORE_NOUN, len(words))):
        for span in (2, 1):  # "press releases" before "press"
            w = " ".join(words[i:i + span])
            noun = next((n for n in _NOUNS if n.pattern.match(w)), None)
            if noun:
                break
        if noun:
            break
    if noun is None:
        return None
    low = q.lower()
    one = bool(_ONE.match(low))
    body = body_of(q)
    if body and noun.kinds == ("regeringsuppdrag",) and "regering" not in low and "government" not in low:
        return None  # "Vilka uppdrag har styrgruppen gett …": the body's own assignments, a decision question
    names = agency_names(set(labels), load_glossary() if glossary is None else glossary)
    agency, agency_names_found, at = "", (), -1
    for label, forms in names.items():
        pos = _names_in(q, forms)
        if pos >= 0 and (at < 0 or pos < at or pos == at and len(label) > len(agency)):
            agency, agency_names_found, at = label, tuple(sorted(forms)), pos
    since = until = None
    if s := _SINCE.search(low):
        since = int(s.group(1))
    if u := _UNTIL.search(low):
        until = int(u.group(1))
    years = sorted(int(y) for y in _YEAR.findall(low))
    if years and since is None and until is None:
        since, until = years[0], years[-1]
    return CollectionQuestion(noun, one, agency, agency_names_found, since, until, body,
                              _subject(q, noun, agency_names_found, body))


def _subject(question: str, noun: Noun, names: tuple[str, ...], body: str) -> str:
    """The words of the question that are neither its frame, its noun, the agency, the body nor years."""
    text = question
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![\wÅÄÖåäö-]){re.escape(name)}s?(?![\wÅÄÖåäö-])", " ", text, flags=re.IGNORECASE)
    text = _YEAR.sub(" ", text)
    if is_english(question):
        text = to_swedish(text)
    m = _ASKS.match(text.strip().lower())
    rest = m.group("rest") if m else text
    kept = []
    for word in re.findall(r"[\wåäöé:-]+", rest):
        if noun.pattern.match(word.lower()) or (body and body_of(word)):
            continue
        toks = tokens_of(word, compounds=False)
        if not toks or toks[0] in _FRAME:
            continue
        if any(t.verb for t in question_terms(word)) and len(word) > 4 and word.lower().endswith(("tt", "it", "at")):
            continue  # a supine ("gett", "skrivit", "beslutat") frames the question
        kept.append(word)
    return " ".join(kept)


def _year(rec: DocRecord) -> int | None:
    num = date_num(rec.date)
    return num // 10000 if num else None


def matching_documents(kb: KnowledgeBase, cq: CollectionQuestion, flt: SearchFilter | None) -> list[DocRecord]:
    """The documents the reader may see that match the question's kind, agency, body and years,
    newest first (undated last)."""
    access = flt.access if flt is not None else None
    folded = {n.casefold() for n in cq.names}
    out = []
    for rec in kb.documents(access=access):
        if cq.noun.kinds and rec.kind not in cq.noun.kinds:
            continue
        if flt is not None and flt.doc_ids and rec.doc_id not in flt.doc_ids:
            continue
        if cq.agency and rec.agency.casefold() not in folded and _names_in(rec.title, set(cq.names)) < 0:
            continue
        if cq.body and body_of(rec.title) != cq.body and body_of(rec.source.rsplit("/", 1)[-1].replace("_", " ")) != cq.body:
            continue
        year = _year(rec)
        if (cq.since is not None or cq.until is not None) and year is None:
            continue
        if cq.since is not None and year is not None and year < cq.since:
            continue
        if cq.until is not None and year is not None and year > cq.until:
            continue
        out.append(rec)
    out.sort(key=lambda r: (-(date_num(r.date) or 0), r.title))
    return out


def _on_subject(kb: KnowledgeBase, cq: CollectionQuestion, docs: list[DocRecord],
                flt: SearchFilter | None) -> tuple[list[DocRecord], dict[str, Citation]]:
    """The documents about the subject: their title and opening passage cover each of its words.
    Beyond READ_ALL documents, only those a search for the subject finds are read."""
    terms = [t for t in question_terms(cq.subject) if not t.verb] or list(question_terms(cq.subject))
    if not terms or not docs:
        return [], {}
    if len(docs) > READ_ALL:
        scope = SearchFilter(doc_ids=tuple(d.doc_id for d in docs), access=flt.access if flt is not None else None)
        found = {h.doc_id for h in kb.search(cq.subject, SUBJECT_HITS, scope)}
        docs = [d for d in docs if d.doc_id in found]
    first = _first_passages(kb, docs, flt)
    kept, passages = [], {}
    for d in docs:
        c = first.get(d.doc_id)
        if c is None:
            continue
        tokens = frozenset(tokens_of(f"{d.title} {c.section} {c.text}"))
        if all(t.match(tokens) >= MIN_TERM_MATCH for t in terms):
            kept.append(d)
            passages[d.doc_id] = c
    return kept, passages


def _first_passages(kb: KnowledgeBase, docs: list[DocRecord], flt: SearchFilter | None) -> dict[str, Citation]:
    """Each document's first passage (its opening: what it is about), as a citation to fill in."""
    if not docs:
        return {}
    scope = SearchFilter(doc_ids=tuple(d.doc_id for d in docs), access=flt.access if flt is not None else None)
    first: dict[str, dict] = {}
    for p in kb.store.payloads(scope):
        d = str(p.get("doc_id", ""))
        if d not in first or int(p.get("chunk", 0)) < int(first[d].get("chunk", 0)):
            first[d] = p
    by_id = {d.doc_id: d for d in docs}
    return {d: Citation(0, d, by_id[d].title, str(p.get("source", by_id[d].source)), str(p.get("section", "")),
                        p.get("page"), str(p.get("text", ""))) for d, p in first.items() if d in by_id}


def compose(question: str, cq: CollectionQuestion, docs: list[DocRecord], passages: dict[str, Citation]) -> Answer:
    n = len(docs)
    noun = cq.noun.one if n == 1 else cq.noun.many
    prep = "till" if cq.noun.kinds == ("regeringsuppdrag",) else "om"
    who = f" {prep} {cq.agency}" if cq.agency else ""
    who += f" från {body_name(cq.body)}" if cq.body else ""
    who += f" om {cq.subject}" if cq.subject else ""
    years = [y for y in (_year(d) for d in docs) if y is not None]
    span = f" {_span(min(years), max(years))}" if years else ""
    shown = docs[:SHOWN]
    head = f"{n} {noun}{who}{span}"
    head += f"; {_NUMBERS[len(shown)]}:" if n > len(shown) else ":"
    lines = [head]
    citations = []
    for i, d in enumerate(shown, 1):
        c = passages[d.doc_id]
        citations.append(Citation(i, d.doc_id, d.title, c.source or d.source, c.section, c.page, c.text,
                                  d.kind, d.agency, d.date))
        lines.append(f"- {d.date or 'odaterat'}: {d.title} [{i}]")
    lines.append(f"Urval: {cq.describe()}.")
    return Answer(question, "\n".join(lines), True, ENGINE_NAME, citations=citations)


def answer_collection(kb: KnowledgeBase, question: str, *, flt: SearchFilter | None = None) -> Answer | None:
    """The list answer to a question about which documents exist, or None (another kind of
    question, or no document the reader may see matches)."""
    labels = {d.agency for d in kb.documents(access=flt.access if flt is not None else None) if d.agency}
    cq = parse_question(question, labels)
    if cq is None:
        return None
    docs = matching_documents(kb, cq, flt)
    if cq.subject:
        docs, passages = _on_subject(kb, cq, docs, flt)
    else:
        passages = _first_passages(kb, docs[:SHOWN], flt)
        docs = [d for d in docs[:SHOWN] if d.doc_id in passages] + docs[SHOWN:]
    if not docs:
        return None
    a = compose(question, cq, docs, passages)
    a.query = cq.subject
    return a


class CollectionEngine:
    """Answers questions about which documents exist with a list; every other question (and one
    no document matches) goes to the engine it wraps."""

    def __init__(self, kb: KnowledgeBase, fallback: Engine) -> None:
        self.kb = kb
        self.fallback = fallback
        self.name = fallback.name

    def answer(self, question: str, *, flt: SearchFilter | None = None) -> Answer:
        if _ONE.match(re.sub(r"\s+", " ", question.strip().lower())):  # one document: its content first
            a = self.fallback.answer(question, flt=flt)
            return a if a.grounded else (answer_collection(self.kb, question, flt=flt) or a)
        return answer_collection(self.kb, question, flt=flt) or self.fallback.answer(question, flt=flt)


def with_collection(kb: KnowledgeBase, engine: Engine) -> CollectionEngine:
    return CollectionEngine(kb, engine)
