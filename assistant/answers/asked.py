"""What a question's wording asks beyond its kind, and the checks that follow from it: the term naming
the thing asked about (the role, the attribute, the thing counted), the words saying which
assignment or inquiry it is about, whether it asks what came of something (an outcome, a response)
and whether it offers alternatives to choose between."""

from __future__ import annotations

import re

from ingest.swedish import tokenize

from .question import QuestionInfo, Term, answer_type_word

# "… grön, gul eller röd?": the alternatives a question offers to choose between.
_ALTERNATIVES = re.compile(r"(?:\b(\w+), )?\b(\w+),? eller (\w+)\?\s*$", re.IGNORECASE)


def offers_all(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names every alternative the question offers ("grön, gul eller röd?"):
    it lists the choices rather than saying which one holds."""
    m = _ALTERNATIVES.search(question)
    if m is None:
        return False
    words = set(tokenize(sentence, prefixes=False))
    choices = [set(tokenize(c, prefixes=False)) for c in m.groups() if c]
    return all(c and c <= words for c in choices)


# "Vad är/blir/heter/var X …": a plain question for an attribute, named by its first noun.
_ATTRIBUTE = re.compile(r"^\s*vad\s+(?:är|blir|blev|heter|hette|var|kallas|kostar|kostade)\b", re.IGNORECASE)


# "Har nämnden ett eget kansli …?", "Finns det någon skriftlig rutin?": a yes/no question about whether a
# thing exists asks about that thing (the last word of the noun phrase after the article).
_HAS = re.compile(r"^\s*(?:har|hade|finns|fanns)\s+(?:det\s+)?(?:[\w:-]+\s+){0,3}?(?:en|ett|någon|något|några)\s+"
                  r"((?:[\wåäö-]+\s+){0,2}?[\wåäö-]+)(?=\s+(?:i|på|för|som|med|till|från|hos|om|under|och|eller|idag|"
                  r"nu|redan|ännu|längre)\b|\s*\?|\s*$)", re.IGNORECASE)


def asked_term(info: QuestionInfo) -> Term | None:
    """The term naming what is asked about: the counted noun of "hur många …", else the first
    noun of a "vem", "vad heter" or plain "vad" question (None for lists, reasons, definitions and
    times, whose answers say it in other words)."""
    if info.kind in ("number", "money"):  # "Hur många kom …" counts no noun: nothing required
        return next((t for t in info.terms if t.verb and t.stem in info.counted), None)
    if info.kind not in ("person", "name", "general"):
        return None
    has = _HAS.match(info.text) if info.kind == "general" else None
    if has:  # the thing whose existence is asked about
        stems = set(tokenize(has.group(1).split()[-1]))
        return next((t for t in info.terms if t.stem in stems), None)
    if info.kind == "general" and not _ATTRIBUTE.match(info.text):
        return None  # the first noun of "Vad rymdes i …" is no attribute asked for
    return next((t for t in info.terms if not t.verb), None)


# A question about what came of something ("Vilken plats valde nämnden …", "Kom utredaren fram till …",
# "Vad kom arbetsgruppen fram till", with its subject between the verb's parts, "Hur blev utfallet …",
# "Vad visade kartläggningen")
# is answered by a sentence that tells an outcome: a decision, a choice, an approval or a conclusion.
# One that only sets out to reach it ("ska ta ställning till", "ingår att undersöka om") tells none.
_OUTCOME_ASKED = re.compile(
    r"\b(?:beslutade|beslöt|beslutat|valde|valt|godkände|godkänt|antog|antagit|fastställde|fastställt|bestämde|"
    r"enades|enats|kom\w* (?:[\w:-]+ ){0,12}?fram till|blev (?:resultatet|utfallet)|resulterade|decided|chose|approved|"
    r"adopted|concluded|agreed|(?:what was|what were) the (?:result|outcome)s?|visade|visat|showed)\b", re.IGNORECASE)
_OUTCOME_TOLD = re.compile(
    r"\b(?:beslut(?:ade|at|ats|ades|et|en)?|beslöt|val(?:de|des|t|ts|et)|godkän(?:de|des|t|ts|na)|"
    r"ant(?:og|ogs|agit|agits|agen|agna)|fastställ(?:de|des|t|ts)|bestäm(?:de|des|t|ts)|enades|enats|"
    r"kom\w* (?:\w+ )?fram till|slutsats\w*|resultat(?:et|en|s)?|resulter\w*|utfall\w*|visa(?:de|r|t)|konstater\w*|"
    r"ledde till|landade)\b", re.IGNORECASE)
# "Vad svarade departementet …" asks for a response: a sentence telling one, not the request.
_RESPONSE_ASKED = re.compile(r"\b(?:svarade|svarat|besvarade|replied|responded|answered)\b", re.IGNORECASE)
_RESPONSE_TOLD = re.compile(r"\b(?:svar\w*|besvar\w*|återkopp\w*|repl\w*|respon\w*)\b", re.IGNORECASE)


def outcome_untold(question: str, sentence: str) -> bool:
    """Whether the question asks what came of something and the sentence tells no outcome, or tells
    only that things of the kind asked for were decided ("Vilka mål valde nämnden?": "… där målen
    valdes och …")."""
    return (bool(_OUTCOME_ASKED.search(question)) and (not _OUTCOME_TOLD.search(sentence)
                                                       or _kind_decided(question, sentence))
            or bool(_RESPONSE_ASKED.search(question)) and not _RESPONSE_TOLD.search(sentence))


_DECIDED = r"(?:beslutades|beslöts|valdes|fastställdes|antogs|godkändes|bestämdes)"


def _kind_decided(question: str, sentence: str) -> bool:
    """Whether the sentence says that the noun the question asks for ("Vilka mål …") was decided,
    naming none: the noun and a passive outcome within a few words of each other, no list after."""
    word = answer_type_word(question)
    if len(word) < 3:
        return False
    noun = rf"\b{re.escape(word[:max(3, len(word) - 2)])}\w*"
    return re.search(rf"{noun}(?:[\s/,]+[\w-]+){{0,3}}?\s+{_DECIDED}\b(?!\s*:)|\b{_DECIDED}\s+(?:\w+\s+)?{noun}\b(?!\s*:)",
                     sentence, re.IGNORECASE) is not None


# "uppdraget om simkunnighet bland vuxna", "utvärderingen av musikskolorna": a matter noun and the words
# that say which one it is.
_MATTER = re.compile(r"\b(?:uppdrag|utredning|satsning|förstudie|utvärdering|undersökning|kartläggning|program|"
                     r"projekt|pilot)\w*\s+(?:om|av|för|kring|att|på|inom)\s+(.{3,80}?)"
                     r"(?=[,?]|\s+(?:och|till|från|som|under|senast|när|hos)\b|$)", re.IGNORECASE)


# The nouns of such matters, as stems: a compound ending in one names which ("elevundersökningen").
_MATTER_HEADS = ("uppdrag", "utredning", "satsning", "förstudi", "utvärdering", "undersökning", "kartläggning",
                 "program", "projekt", "pilot")


def matter_modifier(stem: str) -> str:
    """The part of a compound of a matter noun that says which one it is ("elev" in "elevundersökning",
    "lärar" in "lärarsatsning"); "" for other words."""
    head = next((h for h in _MATTER_HEADS if stem.endswith(h) and len(stem) >= len(h) + 4), "")
    return stem[:-len(head)] if head else ""


def matter_words(question: str) -> str:
    """The words that say which assignment, inquiry or programme a question is about."""
    return " ".join(m.group(1) for m in _MATTER.finditer(question))
