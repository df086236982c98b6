"""How likely a later decision follows an earlier one on the same matter: a small logistic model
over features of the pair, each of which can be read as a reason.

Features (each in 0..1): the matter words the two share (heading and object, see
``threads.similarity``); the weighted overlap of every content word of heading and text (rare
words weigh more, the weights counted over the decisions being linked); whether the assignment's
deliverable ("checklista", "arbetsordningen") is named by the later decision; whether the matter
went from one body to the other (an assignment or hand-over to the later body, or the later
decision naming the earlier body's report); whether the later decision came within the
assignment's deadline; whether it changes or revokes something; how far apart they are; and which
way the matter went (to a third body past the one it was given to, or back to a body that handed it on).

The weights were fitted on the development links (``evals/decisions/fit_links.py`` prints them);
the L2 strength and the threshold are chosen by leave-one-set-out cross-validation there."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NewType

from ingest.dates import MONTHS
from ingest.swedish import split_sentences, tokenize

from .decisions import Decision
from .initialisms import initialisms
from .matter import object_of
from .meeting import BODY_KINDS, body_of
from .similarity import same_stem
from .verbs import DECIDING

FEATURES = ("matter", "words", "deliverable", "bodies", "in_time", "after_time", "changes", "revises", "assignment", "own", "gap",
            "third_body", "handed_on", "cites")
EVIDENCE_SV = {"matter": "samma ärende i rubrik och föremål", "words": "många gemensamma ord",
               "deliverable": "det som uppdraget skulle leverera nämns", "bodies": "ärendet gick mellan organen",
               "in_time": "inom uppdragets tidsfrist", "revises": "ändrar eller upphäver ett tidigare beslut",
               "own": "organet följer upp sitt eget uppdrag", "cites": "det senare beslutet nämner det tidigare mötets datum"}
# Fitted on the development links of all six sets (evals/decisions/fit_links.py); intercept last.
# The L2 strength and the threshold are chosen by leave-one-set-out cross-validation (``fit_links
# --cv``: each set linked by weights fitted on the other five): the most regularised model within one
# standard error of the best pooled F1, at its most precise threshold — L2 0.01 at 0.70, 0.967 / 0.817
# (F1 0.886; the best, L2 0.003 at 0.70: 0.929 / 0.856, F1 0.891; standard error 0.020).
# A later decision that names the earlier meeting's day on the same matter is linked whatever the
# model says (``threads.link_decisions``): few pairs have it, so its weight says little.
WEIGHTS = (3.16, 1.96, 1.00, 0.83, -0.07, -0.34, 0.30, 0.53, 0.05, 1.18, -0.13, -0.60, 0.10, 0.15, -1.87)
THRESHOLD = 0.70

_NOISE_WORDS = ("styrgrupp gd-grupp gd grupp beredningsgrupp arbetsgrupp sekretariat samverkan msv kll beslut beslutad "
                "uppdrag fram ny nya möt ska gäller gäll enligt samt också även inför januari februari mars april maj juni "
                "juli augusti september oktober november december").split()
# as written and as the stemmer gives them ("oktober", "oktob"): the bags hold stems
_NOISE = frozenset(_NOISE_WORDS + [t for w in _NOISE_WORDS for t in tokenize(w, compounds=False, prefixes=False)])
# The task's verbs, as written and as the stemmer gives them ("lämna", "lämn"): the deliverable is
# the first word after them.
_VERBS = frozenset("ta fram se över bereda utreda föreslå sammanställa planera lämna revidera anta pröva "
                   "färdigställa hur att en ett den det de sin sitt sina till förslag".split()
                   + [w for v in ("sammanställa", "komplettera", "kartlägga", "analysera", "genomföra", "redovisa",
                                  "bereda", "utreda", "planera", "lämna", "revidera", "pröva", "färdigställa",
                                  "bearbeta", "samordna", "återkomma", "presentera")
                      for w in tokenize(v, compounds=False, prefixes=False)]
                   # adjectives before the deliverable ("ett samlat underlag")
                   + [w for a in ("gemensam", "samlad", "enhetlig", "övergripande", "reviderad", "uppdaterad", "slutlig")
                      for w in tokenize(a, compounds=False, prefixes=False)])
_CHANGES = re.compile(r"\b(?:upphäv|återkall|avveckl|ställs\s+in|ställa\s+in|slopa|avskaffa|revider|ändr|ersätt"
                      r"|juster|förläng|senareläg|tidigareläg|flytta|i\s+stället)\w*", re.IGNORECASE)
_DECIDED = re.compile(r"(?:godkän|fastställ|beslut|antog|antag|bifall|avslag|avslog)", re.IGNORECASE)
_TO_BODY = re.compile(r"\b(?:till|åt|för)\s+(?P<to>" + BODY_KINDS + r"\w*)", re.IGNORECASE)
_GENITIVE = re.compile(r"\b(?P<of>" + BODY_KINDS + r"\w*s)\s+\w+", re.IGNORECASE)


def _bag(d: Decision) -> Counter[str]:
    """The words of the decision's heading and its deciding sentence; the terms read in after that
    sentence (:mod:`.terms`) say how it applies, not which matter it is (they tipped close links)."""
    text = (split_sentences(d.text) or [d.text])[0]
    words = [t for t in tokenize(f"{d.heading} {text}", prefixes=False) if t not in _NOISE and not t.isdigit()]
    return Counter(words)


@dataclass
class LinkContext:
    """Word weights counted over the decisions being linked (a word in every decision weighs nothing)."""

    bags: dict[str, Counter[str]]
    idf: dict[str, float]
    canon: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, decisions: Sequence[Decision]) -> LinkContext:
        bags = {d.id: _bag(d) for d in decisions}
        canon = _canonical({w for bag in bags.values() for w in bag})
        for short, full in initialisms(f"{d.heading} {d.text}" for d in decisions).items():
            canon[short] = canon.get(full, full)  # "LB-mallen": the template for lägesbedömningar
        bags = {i: Counter({canon.get(w, w): c for w, c in bag.items()}) for i, bag in bags.items()}
        df: Counter[str] = Counter()
        for bag in bags.values():
            df.update(set(bag))
        n = max(len(bags), 1)
        return cls(bags, {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}, canon)

    def words(self, a: Decision, b: Decision) -> tuple[float, list[str]]:
        """Cosine of the two decisions' weighted words, and the shared words, heaviest first."""
        ba = self.bags.get(a.id) or Counter({self.canon.get(w, w): c for w, c in _bag(a).items()})
        bb = self.bags.get(b.id) or Counter({self.canon.get(w, w): c for w, c in _bag(b).items()})
        wa = {w: self.idf.get(w, 1.0) for w in ba}
        wb = {w: self.idf.get(w, 1.0) for w in bb}
        shared = set(wa) & set(wb)
        norm = math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in wb.values()))
        if not norm:
            return 0.0, []
        return sum(wa[w] * wb[w] for w in shared) / norm, sorted(shared, key=lambda w: -wa[w])


def _canonical(vocabulary: set[str]) -> dict[str, str]:
    """Stems the stemmer left apart joined to the shortest one ("webbplat", "webbplats")."""
    out: dict[str, str] = {}
    for w in sorted(vocabulary, key=len):
        if w in out:
            continue
        for v in vocabulary:
            if v != w and v not in out and _same(w, v):
                out[v] = w
    return out


def deliverable(d: Decision) -> str:
    """What an assignment is to deliver: the first content word of its object ("checklista",
    "arbetsordningen", "modell"), or ""."""
    for w in tokenize(object_of(d.text), compounds=False, prefixes=False):
        if w not in _VERBS and w not in _NOISE and not w.isdigit() and len(w) > 3:
            return w
    return ""


def names_deliverable(a: Decision, b: Decision) -> bool:
    """``b`` names what assignment ``a`` was to deliver: the word itself ("checklistan"), or a
    compound ending in it whose other parts the assignment also names ("analysmodell" for "en
    modell för regionala kompetensanalyser"), not a compound about something else
    ("kommunikationsplanen" for "en plan för uppföljning")."""
    word = deliverable(a)
    if not word:
        return False
    obj = set(tokenize(object_of(a.text), prefixes=False))
    said = re.findall(r"[\wåäöÅÄÖé-]+", f"{b.heading} {b.text}".lower())
    for i, w in enumerate(said):
        whole = tokenize(w, compounds=False, prefixes=False)
        if not whole:
            continue
        if _same(whole[0], word) and not _qualified_otherwise(said[i + 1:i + 5], obj) and _qualifier_named(a, said):
            return True
        parts = [t for t in tokenize(w, prefixes=False) if t != whole[0]]
        if parts and _same(parts[-1], word) and all(any(_same(t, o) for o in obj) for t in parts[:-1]):
            return True
    return False


def subject_words(d: Decision, n: int = 3) -> list[str]:
    """The first ``n`` content words of what a decision decides on ("att webbplatsen lanseras i
    oktober": "webbplats", "lanser", "oktob"): the thing a later decision changes is named first.
    A sentence with no deciding verb before its object ("Processledarmötena hålls …") from its start."""
    out: list[str] = []
    said = [w for w in re.findall(r"[\wåäöÅÄÖé-]+", object_of(d.text) or d.text)
            if not DECIDING.fullmatch(w) and not _CHANGES.match(w) and not _DECIDED.match(w)]
    for w in tokenize(" ".join(said), compounds=False, prefixes=False):
        if (w not in _VERBS and w not in _NOISE and not w.isdigit() and len(w) > 3 and w not in out
                and not any(_same(w, v) for v in _VERBS if len(v) > 4)):  # "gemensamma" as "gemensam"
            out.append(w)
            if len(out) == n:
                break
    return out


def names_subject(a: Decision, b: Decision) -> bool:
    """``a`` names what ``b`` decides on (one of its first content words, whole or as a compound's
    part): a later decision on "webbplatsen" or "processledarnas träffar" takes up the earlier
    decision that set them up, in whatever words the rest of it is written."""
    said = set(tokenize(f"{a.heading} {a.text}", prefixes=False))
    return any(_same(w, t) or _derived(w, t) for w in subject_words(b) for t in said)


def _derived(a: str, b: str) -> bool:
    """One word made from the other's long stem ("prioriter", "prioritering")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 8 and long_.startswith(short) and len(long_) - len(short) <= 4


def qualifier(a: Decision) -> set[str]:
    """The words that say which deliverable an assignment means ("rutinen för arkivering och
    gallring": "arkivering", "gallring"), or none."""
    word = deliverable(a)
    said = re.findall(r"[\wåäöÅÄÖé-]+", object_of(a.text).lower())
    for i, w in enumerate(said):
        whole = tokenize(w, compounds=False, prefixes=False)
        if whole and _same(whole[0], word):
            if i + 1 < len(said) and said[i + 1] in ("för", "om", "över", "kring", "inom"):
                words = [t for x in said[i + 2:i + 6] for t in tokenize(x, compounds=False, prefixes=False)]
                return {t for t in words if t not in _VERBS and t not in _NOISE and len(t) > 3 and not t.isdigit()}
            return set()
    return set()


def _qualifier_named(a: Decision, said: list[str]) -> bool:
    """``said`` (the later decision's heading and text) names the assignment's qualifier, when it
    has one: a "rutin för arkivering" is not delivered by a "digital rutin" for something else, nor
    by "the rutin" alone (on the development sets a bare mention linked other matters more often
    than the one asked for)."""
    qual = qualifier(a)
    if not qual:
        return True
    words = {t for w in said for t in tokenize(w, prefixes=False)}
    return any(_same(q, t) or (len(q) >= 6 and q in t) for q in qual for t in words)


def _qualified_otherwise(after: list[str], obj: set[str]) -> bool:
    """The words after the deliverable give it a qualifier of its own that the assignment does not
    name ("planen med två spår" is not "en plan för lokala insatser")."""
    if not after or after[0] not in ("med", "för", "om", "över"):
        return False
    words = [t for w in after[1:] for t in tokenize(w, prefixes=False) if t not in _VERBS and len(t) > 3 and not t.isdigit()]
    return bool(words) and not any(_same(t, o) or t in o or o in t for t in words for o in obj)


def _same(a: str, b: str) -> bool:
    return same_stem(a, b, shortest=5)


def body_relation(a: Decision, b: Decision, given_to: str) -> float:
    """1 when ``a`` gave the matter to b's body, ½ when one names the other body in passing
    ("lämnas till GD-gruppen", "beredningsgruppens förslag"), else 0."""
    if a.body == b.body:
        return 0.0
    if given_to and given_to == b.body:
        return 1.0
    to = {body_of(m.group("to")) for m in _TO_BODY.finditer(a.text)} | {
        body_of(m.group("to")) for m in _TO_BODY.finditer(b.text)}
    of = {body_of(m.group("of")) for m in _GENITIVE.finditer(b.text)}
    return 0.5 if (b.body in to or a.body in to or a.body in of) else 0.0


def probability(values: Sequence[float], weights: Sequence[float] = WEIGHTS) -> float:
    z = weights[-1] + sum(w * v for w, v in zip(weights, values, strict=False))
    return 1.0 / (1.0 + math.exp(-z))


def changes(d: Decision) -> bool:
    return bool(_CHANGES.search(d.text))


# "<body> upphäver <another body>s beslut om …": the decision changed is another body's
_OTHERS_DECISION = re.compile(r"\b(?:upphäv|återkall|ändr|ersätt|revider)\w*\s+(?P<body>(?:styrgrupp|gd-grupp|beredningsgrupp"
                              r"|arbetsgrupp)\w*?)s\s+beslut\w*\s+(?:(?:om|att|från|den)\s+)*(?P<what>[^.;]+)", re.IGNORECASE)


def changed_body(d: Decision) -> str:
    """The body whose decision ``d`` says it changes or revokes ("upphäver styrgruppens beslut om
    …"), or "" when it names none."""
    m = _OTHERS_DECISION.search(d.text)
    return body_of(m.group("body")) if m else ""


def names_changed(a: Decision, b: Decision) -> bool:
    """``a`` says what ``b`` names as the other body's decision it changes: at least two of the
    content words after "… beslut om" (one when it has only one), whole or as a stem's derivation."""
    m = _OTHERS_DECISION.search(b.text)
    if m is None:
        return False
    words = {t for t in tokenize(m.group("what"), compounds=False, prefixes=False)
             if len(t) >= 3 and not t.isdigit() and t not in _NOISE and t not in _MONTH_WORDS}
    said = set(tokenize(f"{a.heading} {a.text}", compounds=False, prefixes=False))
    shared = {w for w in words if any(_same(w, t) or _derived(w, t) for t in said)}
    return len(shared) >= min(2, len(words)) > 0


_MONTH_WORDS = frozenset(t for m in MONTHS for t in tokenize(m, compounds=False, prefixes=False))


def direction(a: Decision, b: Decision, given_to: str) -> list[float]:
    """Which way the matter went: ``a`` gave it to another body and ``b`` is a third body's (the
    matter goes through the body it was given to), or ``a`` handed it on (not as an assignment)
    and ``b`` is again ``a``'s own body (the receiving body decides; the sender acts again only
    when the matter comes back)."""
    to = given_to if given_to and given_to != a.body else ""
    third = 1.0 if to and b.body not in (a.body, to) else 0.0
    back = 1.0 if to and a.kind != "uppdrag" and b.body == a.body else 0.0
    return [third, back]



def cites(a: Decision, b: Decision) -> float:
    """1 when ``b`` names the day of ``a``'s meeting ("upphävde sitt beslut den 3 februari 2026")."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", a.date or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return 0.0
    day = f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]}"
    return 1.0 if re.search(rf"\b{day}\b", b.text, re.IGNORECASE) or a.date in b.text else 0.0


def cites_paragraph(a: Decision, b: Decision) -> bool:
    """``b`` names ``a``'s meeting day and its paragraph ("i stället för det som beslutades den 3
    februari (§ 4 b)"): it points at ``a`` itself, whatever words the two use for the matter."""
    m = re.fullmatch(r"(§|punkt)\s*(\d+)\s*([a-z]?)", a.paragraph.strip().lower())
    if not m or not cites(a, b):
        return False
    label = rf"(?:§|punkt|ärende)\s*{m.group(2)}\s*{m.group(3)}" if m.group(3) else rf"(?:§|punkt|ärende)\s*{m.group(2)}"
    return bool(re.search(rf"{label}(?![\wåäö])", b.text, re.IGNORECASE))


_OWN = re.compile(r"\b(?:sin|sitt|sina)\s+(?:egen\s+|egna\s+)?[\wåäö-]+", re.IGNORECASE)


def own_act(a: Decision, b: Decision, given_to: str) -> bool:
    """``b`` is a body's act on its own thing ("Nätverket antog sin verksamhetsberättelse") after
    another body's decision that neither gave nor handed it anything: a rule for many (when every
    group's report is due) is not the matter of one body's own report."""
    return a.kind == "beslut" and a.body != b.body and bool(_OWN.search(b.text)) and body_relation(a, b, given_to) == 0


ParagraphKey = NewType("ParagraphKey", str)  # a meeting's paragraph ("<doc>|§ 4"), or a decision without one


def paragraph_key(d: Decision) -> ParagraphKey:
    """A paragraph's decisions concern one matter: what one of them took up, the paragraph took up."""
    return ParagraphKey(f"{d.doc_id}|{d.paragraph}" if d.paragraph else d.id)


def one_matter_a_paragraph(decisions: Sequence[Decision], options: dict[str, list[tuple[float, Decision, list[str], bool]]],
                           near: float) -> dict[str, list[tuple[float, Decision, list[str]]]]:
    """A paragraph's decisions concern one matter: an earlier decision far less likely for one of
    them than another decision of the paragraph's likeliest link (the publication of a report
    approved under the paragraph, taken for another report's assignment) is not linked, unless the
    later one names its meeting's day (``near``: the share of the likeliest kept)."""
    paragraph = {d.id: (d.doc_id, d.paragraph) for d in decisions}
    best = {b: max(o[0] for o in opts) for b, opts in options.items()}
    kept = {}
    for b, opts in options.items():
        key = paragraph[b]
        others = max((p for x, p in best.items() if x != b and paragraph[x] == key), default=0.0) if key[1] else 0.0
        kept[b] = [(p, a, w) for p, a, w, named in opts if named or p >= near * others]
    return {b: opts for b, opts in kept.items() if opts}
