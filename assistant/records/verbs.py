"""The deciding verbs of Swedish minutes in every finite form, and whose decision a sentence tells.

Minutes write a decision in the past or the present, active or passive ("Styrgruppen fastställde
…", "fastställer …", "Planen fastställdes", "Planen fastställs"); the forms are made from each
verb's conjugation instead of being listed one phrase at a time. A decision the minutes record is
the meeting's own: when the subject of the deciding verb is another body of the collaboration or
an outside actor ("GD-gruppen godkände …" in the steering group's minutes, "Tillväxtverket
beslutade …"), or the sentence reports what someone said was decided ("Sekretariatet rapporterade
att …"), it tells of a decision taken elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.swedish import lexicon

from .meeting import body_of


def _weak1(stem: str) -> tuple[str, ...]:
    """-a verbs: besluta → beslutade, beslutades, beslutar, beslutas."""
    return (f"{stem}ade", f"{stem}ades", f"{stem}ar", f"{stem}as")


def _weak2(stem: str) -> tuple[str, ...]:
    """Consonant-stem verbs: fastställa → fastställde, fastställdes, fastställer, fastställs;
    a voiceless stem takes -te (tillstyrka → tillstyrkte); a double n or m is single before -d
    (godkänna → godkände)."""
    base = stem[:-1] if stem[-2:] in ("nn", "mm") else stem
    past = f"{stem}te" if stem[-1] in "ptksx" else f"{base}de"
    return (past, f"{past}s", f"{stem}er", f"{stem}s")


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(sorted(set(forms), key=len, reverse=True))


# Verbs whose finite form records a decision whatever follows (an object: "fastställde planen").
# Strong and irregular verbs are written out: past, past passive, present, present passive.
_OBJECT_VERBS = (
    *_weak2("fastställ"), *_weak2("godkänn"), *_weak2("upphäv"), *_weak2("förläng"),
    *_weak1("återkall"), *_weak1("återremitter"), *_weak1("bevilj"), *_weak1("klubb"),
    "antog", "antogs",  # "antar"/"antas" also mean "assume(s)": only as "antar planen" below
    "biföll", "bifölls", "bifaller", "bifalls",
    "avslog", "avslogs", "avslår", "avslås",
    "utsåg", "utsågs", "utser", "utses",
    "tillsatte", "tillsattes", "tillsätter", "tillsätts",
    "godtog", "godtogs", "godtar", "godtas",
    "fastslog", "fastslogs", "fastslår", "fastslås",
)
# Verbs that decide only with what was decided after them ("beslutade att/om …").
_CLAUSE_VERBS = (*_weak1("beslut"), "beslöt", "beslöts", "bestämde", "bestämdes", "bestämmer", "bestäms")
# Verbs that decide only with a body as their subject ("Styrgruppen ändrade …", "överlämnade frågan
# till …"; "Tidplanen ändrades" or "Skolverket inrättade …" tells of no decision of the meeting), or,
# handing a matter on, in the passive with the matter as subject ("Ärendet remitterades till …").
_BODY_VERBS = tuple(f for stem in ("ändr", "revider", "avslut", "inrätt", "prioriter", "överlämn", "remitter")
                    for f in _weak1(stem)[::2]) + ("avsatte", "avsätter", "valde", "väljer", "hänsköt", "hänskjuter")
_BODY_SUBJECT = (r"(?:\b[\wåäö-]*gruppen(?:\s+för\s+[\wåäö-]+)?|\b(?:mötet|sammanträdet|vi|nätverket))\s+"
                 r"(?:(?:också|även|därefter|sedan|då|gemensamt)\s+)?")
_MATTER_SUBJECT = r"\b(?:frågan|ärendet|förslaget|utkastet|underlaget|ärendena|frågorna)\s+(?:[\wåäö-]+\s+){0,6}?"
_POSITION_VERBS = (*_weak2("tillstyrk"), *_weak2("avstyrk"))

DECIDING = re.compile(
    rf"\b(?:{_alternation(_OBJECT_VERBS)})\b"
    rf"|\bant(?:ar|as)\s+(?!att\b|(?:\w+\s+)?(?:vara|bli|ha|kunna|komma)\b)(?=\w+(?:en|et|na|n)\b)"
    rf"|\b(?:{_alternation(_CLAUSE_VERBS)})\s+(?:(?!inte\b|ej\b)[\wåäö]+\s+){{0,3}}?(?:att|om)\b"
    # … with an insertion between commas ("beslutade, efter en kort diskussion om kostnaderna, att …")
    rf"|\b(?:{_alternation(_CLAUSE_VERBS)}),\s+[^,;.:]{{2,80}}?,\s+(?:att|om)\b"
    rf"|{_BODY_SUBJECT}(?:{_alternation(_BODY_VERBS)}|lämna(?:de|r)\s+över)\b"
    # a body that puts a proposal to another ("Beredningsgruppen föreslog styrgruppen att …") has decided to
    rf"|{_BODY_SUBJECT}föresl(?:og|år)\s+(?:[\wåäö-]*gruppen|regeringen|regeringskansliet)\s+att\b"
    rf"|{_MATTER_SUBJECT}(?:överlämnades|remitterades|hänsköts|lämnades\s+över)\s+till\b"
    r"|\bbestämde\s+sig\s+för\s+att\b",
    re.IGNORECASE,
)
POSITION = re.compile(rf"\b(?:{_alternation(_POSITION_VERBS)})\b", re.IGNORECASE)
# An assignment in the passive or with its receiver as subject ("Sekretariatet gavs i uppdrag att",
# "Arbetsgruppen uppdras att", "fick i uppgift att").
ASSIGNING = re.compile(
    r"\b(?:gavs|ges|getts)\s+(?:\w+\s+){0,3}?i\s+uppdrag\s+att\b"
    r"|\b(?:uppdrogs|uppdras)\s+(?:\w+\s+){0,2}?att\b"
    r"|\b(?:fick|får)\s+(?:\w+\s+){0,2}?(?:i\s+)?(?:uppgift(?:en)?|uppdrag(?:et)?)\s+att\b"
    r"|\btilldelades\s+(?:\w+\s+){0,2}?uppdrag(?:et)?\b",
    re.IGNORECASE,
)

# A deciding verb told as what someone said or reported ("Sekretariatet rapporterade att GD-gruppen
# godkände …", "Ordföranden erinrade om att …").
_SAYING = re.compile(
    r"\b(?:rapporterade|berättade|meddelade|upplyste|återkopplade|erinrade|påminde|informerade|nämnde"
    r"|framhöll|uppgav|redogjorde|refererade|återgav)\s+(?:\w+\s+){0,3}?(?:om\s+|för\s+)?(?:att|hur)\b",
    re.IGNORECASE,
)

# Who decides: the collaboration's bodies by name, the meeting itself, or an outside actor — the
# government, an agency (named by the endings Swedish agency names take, or by an acronym), a region.
_OWN = re.compile(r"^(?:mötet|sammanträdet|gruppen|vi|ledamöterna|deltagarna|nätverket|man|det)$", re.IGNORECASE)
_OUTSIDE = re.compile(
    r"^(?:regeringen|riksdagen|regeringskansliet|\w+departementet|kommissionen|eu-kommissionen|\w+verket|\w*-?rådet"
    r"|\w+myndigheten|myndigheten|\w+ämbetet|\w+styrelsen|\w+inspektionen|\w+kontoret|arbetsförmedlingen|region"
    r"|regionen|regionerna|kommunen|kommunerna|[A-ZÅÄÖ]{2,6})$")
_SUBJECT_WORD = r"[A-ZÅÄÖa-zåäö][\wåäö-]*"
_BEFORE = re.compile(rf"(?P<s>(?:[A-ZÅÄÖ][\wåäö-]*\s+)?{_SUBJECT_WORD}(?:\s+(?:för|och)\s+{_SUBJECT_WORD})?)"
                     r"\s+(?:(?:också|även|därefter|sedan|då)\s+)?$")
_AFTER = re.compile(rf"^\s*(?:(?:också|även)\s+)?(?P<s>{_SUBJECT_WORD}(?:\s+för\s+{_SUBJECT_WORD})?)")
_LEAD = re.compile(rf"(?P<s>[\wåäö-]*gruppen(?:\s+för\s+{_SUBJECT_WORD})?|mötet|sammanträdet|vi|nätverket)\s", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:till|för|från|med|om|på|i|hos|mot|åt|inom|över|vid)\s+$")
_AGENT = re.compile(rf"^\s*(?:[\wåäö]+\s+){{0,2}}?av\s+(?P<s>{_SUBJECT_WORD}(?:\s+för\s+{_SUBJECT_WORD})?)")


def _actor(words: str, own: frozenset[str]) -> str:
    """``own`` when ``words`` name the meeting's body (or the meeting itself), ``other`` when they
    name another body or an outside actor, "" when they name no actor."""
    first = words.split()[0]
    if _OWN.match(first):
        return "own"
    named = body_of(words)
    if named:
        if named in own or (named.startswith("arbetsgrupp") and any(b.startswith("arbetsgrupp") for b in own)):
            return "own"
        return "other"
    if re.match(r"^arbetsgrupp", first, re.IGNORECASE):
        return "own" if any(b.startswith("arbetsgrupp") for b in own) else "other"
    return "other" if _OUTSIDE.match(first) or _OUTSIDE.match(first.lower()) else ""


def decided_elsewhere(text: str, verb: re.Match[str], own: frozenset[str]) -> bool:
    """The deciding verb at ``verb`` has another body or an outside actor as its subject (before
    it, after it in inverted order, or as the passive's agent) and not the meeting's own body."""
    if not own:
        return False
    head = verb.group(0)
    first_word = re.match(r"\S+", head)
    before, after = text[: verb.start()], text[verb.start() + (first_word.end() if first_word else 0):]
    found = []
    if m := _LEAD.match(head):  # "Styrgruppen överlämnade …": the subject is part of the match
        found.append(_actor(m.group("s"), own))
    if (m := _BEFORE.search(before)) and not _PREPOSITION.search(before, 0, m.start()):
        found.append(_actor(m.group("s"), own))  # "Rutinen för … till Regeringskansliet fastställdes": an object
    if head.split()[0].lower().endswith("s") and (m := _AGENT.match(after)):  # the passive's agent
        found.append(_actor(m.group("s"), own))
    if not any(found) and re.search(r"\boch\s+$", before):
        if m := _AFTER.match(text):  # a second verb of the sentence's subject ("X har … och förordar")
            found.append(_actor(m.group("s"), own))
    elif not any(found) and (m := _AFTER.match(after)):
        found.append(_actor(m.group("s"), own))
    return "other" in found and "own" not in found


def reported_saying(text: str, verb_start: int) -> bool:
    """A verb of saying with "att" comes before the deciding verb: the decision is reported."""
    return bool(_SAYING.search(text, 0, verb_start))


def is_past(verb: re.Match[str]) -> bool:
    """The deciding verb is in the past tense, active or passive ("fastställde", "antogs")."""
    word = verb.group(0).split()[-1] if not re.search(r"\b(?:att|om|till|över)$", verb.group(0)) else verb.group(0).split()[0]
    return bool(re.search(r"(?:de|te|og|åg|öt|öll|tte|sköt)s?$", word.lower()))


# A deciding verb in a condition or a time clause that opens the sentence ("Om planen godkänns kan
# arbetet starta i augusti"): the sentence decides nothing unless its main clause does.
_CONDITION = re.compile(r"^\W*(?:om|ifall|förutsatt\s+att|när|innan|så\s+snart|i\s+fall)\s+(?:[\wåäö-]+\s+){1,5}?$",
                        re.IGNORECASE)

_INVERTED = re.compile(r"\S+\s+(?:[\wåäö-]*gruppen|mötet|sammanträdet|vi|man|det|de|nätverket)\b", re.IGNORECASE)


def conditional(sentence: str, verbs: Iterable[re.Match[str]]) -> bool:
    """The sentence's only deciding verb stands in a clause of condition that opens it."""
    found = sorted(verbs, key=lambda m: m.start())
    if len(found) != 1 or not _CONDITION.match(sentence[: found[0].start()]):
        return False
    # the main clause's verb comes before its subject ("När planen hade diskuterats fastställde styrgruppen …")
    return not _INVERTED.match(sentence[found[0].start():])


def is_present_verb(word: str) -> bool:
    """``word`` is a verb in the present tense: its infinitive is a Swedish word ("skickar" →
    "skicka", "bjuder" → "bjuda"), or it is one of the short verbs ("tar", "gör", "går")."""
    word = word.lower()
    if word in ("tar", "gör", "går", "ger"):
        return True
    lex = lexicon()
    if word.endswith(("ar", "år")) and word[:-1] in lex:  # skickar → skicka, förstår → förstå
        return True
    if word.endswith("ör") and word + "a" in lex:  # genomför → genomföra
        return True
    return word.endswith("er") and (word[:-2] + "a" in lex or word[:-1] in lex)  # bjuder → bjuda
