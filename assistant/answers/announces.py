"""A sentence that only announces the thing a question asks about: it says that a study, report, meeting
or strategy is to be made, is commissioned or planned ("ska", "kommer att", "får i uppdrag att", an
infinitive task), while the question asks what came of it (what it found, decided or contained, who was
chosen, where it was held). Told apart by grammar: the question's finite verb in the past or perfect (or
a verb of what came of something), the sentence's first finite verb a modal of plan or duty, a
commissioning phrase, or a task infinitive opening it."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.swedish import lexicon, tokenize

from .question import QuestionInfo
from .subject import mentioned

# Preterites of the strong and irregular verbs (the closed class; weak verbs are found by their -de/-te).
_STRONG_PAST = frozenset("""
var fanns fick blev kom gav tog såg gick drog skrev hölls höll satt låg stod lät bjöd bröt band fann flög
for frös föll grep gjorde sade sa sände slog sköt steg strök svor vann vek drev red bar skar
sjönk sprang stal teg valde sålde satte lade la visste förde hade
""".split())
# Those that also end a preterite with a particle or prefix ("föreslog", "deltog", "utgav", "avsåg").
_PREFIXED_PAST = ("tog", "slog", "drog", "gav", "fick", "kom", "gick", "höll", "skrev", "steg", "föll", "fann",
                  "såg", "stod", "lät", "bröt", "grep", "gjorde", "valde", "sålde", "satte", "lade", "förde",
                  "bjöd", "sköt", "vann", "drev")
# Modal and auxiliary verbs that put what follows in the future or as a duty, plan or possibility:
# a sentence whose finite verb is one of them tells what is to happen, not what happened.
_PLAN = frozenset("ska skall kommer bör avser planerar planeras beräknas förväntas väntas tänkt".split())
# Commissioning: "ger X i uppdrag att", "uppdrar åt X att", "får i uppgift att", "i uppdraget ingår att".
_COMMISSION = re.compile(
    r"\b(?:i uppdrag|i uppgift|uppdrar åt|uppdras|till uppgift)\b|\bingår (?:\w+ ){0,3}?att\b"
    r"|\bsyfte\w* (?:[\w:-]+ ){0,4}?är\b"
    r"|\b(?:is|are|was|were) (?:to|tasked|commissioned|asked|expected)\b|\bwill\b|\bplans? to\b",
    re.IGNORECASE)
# A question about a commission itself ("Vem fick uppdraget …", "What was the agency asked to
# do?") is answered by the sentence giving it.
_ASKS_COMMISSION = re.compile(r"uppdrag|\b(?:i|till) uppgift|syfte|\bsyft|\b(?:ask|told|tell|task|commission)\w* (?:\w+ ){0,3}?to\b|"
                              r"\b(?:assignment|task|commission|mandate|purpose|aim)", re.IGNORECASE)
_FINITE_ENDS = ("ar", "er", "ir", "or", "de", "te", "dde", "tte", "des", "tes", "as", "es")
# Words before the finite verb that look like one ("under", "inom", "enligt" are prepositions).
_NOT_VERBS = frozenset("under inom enligt över efter eller sedan senare tidigare andra vidare närmare "
                       "helt delar utgår".split())
_ENGLISH_PAST = re.compile(r"\b(?:did|was|were|had|got|gave|found|chose|took|made|led|held|won|"
                           r"[a-z]{3,}(?<!ne)(?<!r)ed)\b")
# Verbs that ask what came of something whatever their tense ("Vad visar rapporten?", "Vad står det i …").
_OUTCOME_VERB = re.compile(r"\b(?:visa[rd]e?|kom\w* (?:[\w:-]+ ){0,8}?fram till|resulterade|innehöll|"
                           r"innehåller|stod det|står det|konstaterade|showed?|found|concluded|contained?)\b",
                           re.IGNORECASE)


@lru_cache(maxsize=4096)
def _past(word: str) -> bool:
    """Whether ``word`` (lower case) is a past-tense finite verb: a strong verb's preterite, or a weak
    verb's (active or passive) whose infinitive the lexicon knows."""
    if word in _STRONG_PAST or any(word.endswith(v) and len(word) - len(v) <= 5 for v in _PREFIXED_PAST):
        return True
    if word.endswith("s") and len(word) > 4 and not word.endswith("ss") and _past(word[:-1]):
        return True  # a strong verb's passive ("hölls", "utsågs")
    known = lexicon()
    for end in ("ades", "des", "tes", "ade", "de", "te"):
        if word.endswith(end) and len(word) > len(end) + 2:
            base = word[: -len(end)]
            if any(f"{base}{a}" in known for a in ("a", "", "er")) and f"{word}n" not in known:
                return True
    return False


def asks_what_came(question: str, english: bool = False) -> bool:
    """Whether the question asks what came of something: its finite verb is in the past or the perfect
    ("Vilka insatser föreslog rådet?", "Vad har utredningen kommit fram till?"), or it asks what a
    thing showed or contained. A question in the future or with a modal verb ("Vad ska nämnden
    göra?") asks about the plan, which an announcing sentence answers."""
    if _ASKS_COMMISSION.search(question):
        return False
    if _OUTCOME_VERB.search(question):
        return True
    if english:
        return bool(_ENGLISH_PAST.search(question)) and not re.search(r"\b(?:will|shall|should|is to|are to|plans?)\b",
                                                                      question, re.IGNORECASE)
    finite = _question_finite(question)
    return finite in ("har", "hade") or _past(finite)


_ARTICLES = frozenset("den det de en ett the a an".split())


def _question_finite(question: str) -> str:
    """The question's finite verb: the first word that is an auxiliary or modal, or a present or past
    form ("Vilka ändringar av taxan föreslog …": "föreslog"); a yes/no question opens with it. A
    participle after an article ("den föreslagna", "de utvecklade") qualifies a noun."""
    words = re.findall(r"[\wåäöÅÄÖ:-]+", question)
    if words and words[0].lower() not in _QUESTION_OPENERS:
        return words[0].lower()
    prev = ""
    for word in words[1:]:
        w, before, prev = word.lower(), prev, word.lower()
        if not word[0].islower() or before in _ARTICLES:
            continue
        if w in _MODALS or w in ("är", "var", "har", "hade", "blir", "blev") or _past(w) or _present(w):
            return w
    return ""


_QUESTION_OPENERS = frozenset("vad vilka vilken vilket vem vems när var varför hur på under i från till för med "
                              "mellan inom efter före sedan om av vid hos".split())
_MODALS = frozenset("ska skall skulle kan kunde får fick måste bör borde vill ville kommer brukar".split())


def _present(w: str) -> bool:
    """A present-tense verb the lexicon knows by its infinitive ("leder": "leda", "visar": "visa")."""
    if len(w) < 4 or not w.endswith("r"):
        return False
    known = lexicon()
    return (w.endswith("ar") and w[:-1] in known or w.endswith("er") and f"{w[:-2]}a" in known) \
        and f"{w}na" not in known


def _first_finite(sentence: str) -> str:
    """The sentence's first word that is (probably) a finite verb: in a main clause, after its first
    part (V2)."""
    for word in re.findall(r"[\wåäöÅÄÖ:-]+", sentence)[:12]:
        w = word.lower()
        if w in _PLAN or w in ("är", "var", "har", "hade", "blir", "blev", "kan", "kunde", "får", "fick", "måste") \
                or _past(w):
            return w
        if w in _NOT_VERBS or not word[0].islower() or len(w) < 4 or not w.endswith(_FINITE_ENDS):
            continue
        known = lexicon()
        if w.endswith("r") and (f"{w[:-1]}" in known and w[:-1].endswith("a") or f"{w[:-2]}a" in known) \
                and f"{w}na" not in known:
            return w
    return ""


def _task_infinitive(sentence: str) -> bool:
    """Whether the sentence opens with an infinitive, as a task in a list of them does ("kartlägga
    behoven …", "att utreda formerna …"): a lower-case first word, or "Att" and a verb."""
    words = re.findall(r"[\wåäöÅÄÖ-]+", sentence)[:2]
    if not words:
        return False
    first = words[0]
    if first == "Att" and len(words) > 1:
        first = words[1]
    elif not first[0].islower():
        return False
    w = first.lower()
    known = lexicon()
    return (w.endswith(("a", "å")) and len(w) >= 4 and (f"{w}r" in known or f"{w[:-1]}er" in known)
            and f"{w}n" not in known and f"{w}r" != f"{w}n")


def only_announces(sentence: str) -> bool:
    """Whether the sentence only announces, commissions or plans something: its first finite verb is a
    modal of plan or duty ("ska", "kommer att", "planeras"), it gives a task ("i uppdrag att", "ingår
    att"), or it opens with a task's infinitive. A sentence introducing a list (ending in a colon)
    lets its items say what is asked."""
    text = sentence.strip()
    if text.endswith(":"):
        return False
    finite = _first_finite(text)
    if finite in _PLAN:  # "kommer", "avser" and "planerar" plan only with "att" ("Beslutet avser 2024")
        return finite not in ("kommer", "avser", "planerar") or bool(
            re.search(rf"\b{finite} (?:\w+ ){{0,2}}?att\b", text))
    return bool(_COMMISSION.search(text)) or _task_infinitive(text)


def announces_only(info: QuestionInfo, sentence: str) -> bool:
    """Whether ``sentence`` does not answer a question asking what came of something because it only
    announces that thing. Only questions whose answer shows no cue of its own (a list, a plain "vad")
    are judged here: a number, name, place or time asked for must already stand in the sentence. A
    list question is answered by an announcing sentence that names two things the question does not
    (the bodies a task is given to, the partners it names)."""
    if info.kind not in ("list", "general") or not asks_what_came(info.text, info.english):
        return False
    if not only_announces(sentence):
        return False
    return info.kind != "list" or len(_new_names(sentence, info.said)) < 2


def _new_names(sentence: str, said: frozenset[str]) -> list[str]:
    """The names a sentence mentions that the question does not."""
    return [n for n in mentioned(sentence) if not set(tokenize(n, prefixes=False)) <= said]
