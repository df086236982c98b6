"""A decision's terms in the sentences after it: minutes often write the decision short and say
what it means in the next sentence of the same paragraph ("Styrgruppen godkände planen. Planen
gäller från den 1 maj.", "Gruppen beslutade att ta fram en checklista. Per Ek skriver den till
nästa möte."). Such a sentence is part of the decision, not a decision or a remark of its own.

A sentence carries the terms when it says in the present tense (or with ska, får, kan) what is to
apply or be done, tells of nothing that already happened, puts nothing off to a later meeting,
and decides nothing of its own — except a task that a named member takes on, which is how the
decision is carried out."""

from __future__ import annotations

import re

from ingest.swedish import lexicon

from .meeting import body_of
from .sentences import classify, deciding_verb
from .tasks import TASK

_MODAL = re.compile(r"\b(?:ska|skall|gäller|får|kan|bör|måste|är|blir)\b", re.IGNORECASE)
# A matter raised or put off to later ("Frågan tas upp igen i höst", "Maja tar upp det med …", "återkommer").
_PUT_OFF = re.compile(r"\b(?:ta|tar|tas|tog|togs)\s+(?:\w+\s+){0,2}?upp\b|\båterkomm\w*\b|\bskjuts\s+upp\b", re.IGNORECASE)
# A state reported with a negated copula ("Förslaget är inte klart").
_NOT_YET = re.compile(r"\b(?:är|blir)\s+(?:\w+\s+)?(?:inte|ej)\b", re.IGNORECASE)
# The ground for the decision, a rule or a source cited ("Enligt arbetsordningen gäller …").
_GROUND = re.compile(r"^\W*(?:enligt|i\s+enlighet\s+med|med\s+hänvisning\s+till|eftersom|då)\b", re.IGNORECASE)
# A perfect tense: something that has already happened ("har vi inte hunnit med", "har lämnats").
_PERFECT = re.compile(r"\b(?:har|hade)\s+(?:\w+\s+){0,3}?\w+(?:at|it|tt|ats|its|tts)\b", re.IGNORECASE)
# A body of the collaboration that "ska" do something has an assignment of its own
# ("Arbetsgruppen för analys ska redovisa …"), not the terms of the decision before.
_BODY_SHALL = re.compile(r"^\W*[A-ZÅÄÖ][\wåäö-]*gruppen(?:\s+för(?:\s+[\wåäö-]+){1,3}?)?\s+(?:ska|skall)\b")
# All the members asked to apply what was just decided, named by a pronoun ("Arbetsgrupperna ombeds använda
# den från hösten"): how the decision is to apply, not an assignment to one body.
_APPLY_IT = re.compile(r"^\W*(?:myndigheterna|arbetsgrupperna|deltagarna|medlemmarna|ledamöterna|(?:alla|samtliga)\s+[\wåäö-]+)"
                       r"\s+(?:ombeds|uppmanas|förväntas)\s+(?:att\s+)?[a-zåäö]+\s+(?:den|det|dem|dessa)\b", re.IGNORECASE)
# A person as the minutes name one: a first and a last name ("Anna Vik"); the first name alone
# when the document names the person in full, as a list of those present does ("Jonas Berg (MYH)").
_FULL_NAME = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ][a-zåäö]+$")
_LISTED = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+)\s+[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?\s*\(")


def members(text: str) -> frozenset[str]:
    """The first names of the people ``text`` lists with their agency or role ("Jonas Berg (MYH)")."""
    return frozenset(_LISTED.findall(text))


def _words(sentence: str) -> list[str]:
    return re.findall(r"[a-zåäöé]+", sentence.lower())


def _past(word: str, lex: frozenset[str]) -> bool:
    """A verb in the past tense, active or passive: "reserverade", "anmälde", "diskuterades"."""
    if re.search(r"[a-zåäö]{3}ades?$", word):  # -ade is the past of the first conjugation
        return True
    for end, add in (("des", "a"), ("tes", "a"), ("de", "a"), ("te", "a")):
        if word.endswith(end) and len(word) > len(end) + 2 and word[: -len(end)] + add in lex:
            return True
    return False


def _present(word: str, lex: frozenset[str]) -> bool:
    """A verb in the present tense, active or passive: "lämnar", "erbjuds", "uppdateras", "innebär"."""
    if len(word) < 4:
        return word in ("tar", "gör", "går", "ger", "får", "ser")
    if word.endswith(("ar", "år")) and word[:-1] in lex:
        return True
    if word.endswith(("er", "ör")) and (word[:-2] + "a" in lex or word[:-1] + "a" in lex):
        return True
    if word.endswith("as") and word[:-1] in lex:  # uppdateras → uppdatera
        return True
    if word.endswith("es") and word[:-1] in lex:  # utses → utse
        return True
    return word.endswith("s") and not word.endswith("ss") and word[:-1] + "a" in lex  # erbjuds → erbjuda


def member_task(sentence: str, people: frozenset[str] = frozenset()) -> bool:
    """A named member takes on a task ("Jonas tar fram …", "Anna Vik ansvarar och …")."""
    m = TASK.match(sentence.strip())
    return bool(m and (_FULL_NAME.match(m.group("resp")) or m.group("resp") in people))


def _what_follows(sentence: str) -> bool:
    """A deciding verb in the present passive with no body as subject ("Den första gruppen tillsätts
    i maj"): after a decision told in the past tense, what is to follow from it, not a second decision
    (minutes keep one tense for the decisions they record)."""
    verb, _ = deciding_verb(sentence)
    if verb is None or body_of(sentence[: verb.start()]):
        return False
    word = verb.group(0).split()[0].lower()
    return word.endswith("s") and not word.endswith(("des", "tes", "ades"))


def carries_terms(sentence: str, people: frozenset[str] = frozenset(), *, after_past: bool = False) -> bool:
    """``sentence``, right after a decision in its paragraph, says what the decision means;
    ``after_past``: that decision is told in the past tense."""
    text = sentence.strip()
    if len(text.split()) < 3 or not re.match(r"[\"'”»(]?[A-ZÅÄÖ]", text):
        return False  # the next item's number, a table's edge, a fragment
    if _PUT_OFF.search(text) or _NOT_YET.search(text) or _PERFECT.search(text) or _BODY_SHALL.match(text) or _GROUND.match(text):
        return False
    kind = classify(text)
    follows = kind == "beslut" and after_past and _what_follows(text)
    if _APPLY_IT.match(text):
        return True
    if kind is not None and not member_task(text, people) and not follows:
        return False
    lex = lexicon()
    words = _words(text)
    if any(_past(w, lex) for w in words):
        return False
    return follows or bool(_MODAL.search(text)) or any(_present(w, lex) for w in words[1:])
