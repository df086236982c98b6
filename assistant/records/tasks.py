"""Tasks given at a meeting in the present tense: "Sekretariatet tar fram …", "Anna Berg (MYH)
skickar ut …", "Beslutades att kansliet skriver …" — who does what, told apart from an
opinion ("Gruppen bedömer att …"), a position ("ställer sig …") and a plural noun."""

from __future__ import annotations

import re
from collections.abc import Callable

from .verbs import is_present_verb

# In a labelled list ("Beslut:" and bullets), a person or body who "tar fram" something has a task;
# so has one named in what was decided ("Beslutades att kansliet skriver …").
TASK = re.compile(r"(?:^\W*|\b(?i:beslut|bestäm)\w*\s+(?:\w+\s+){0,2}?att\s+)"
                  r"(?P<resp>[A-ZÅÄÖa-zåäö][\wåäö-]*(?:\s+(?:och\s+)?[A-ZÅÄÖ][\wåäö-]*){0,3})"
                  r"(?:\s+\([^()]{1,40}\))?\s+(?P<verb>[a-zåäö]{2,}(?:ar|er|ör|år)|tar|gör)\b(?P<next>\s+\w+)?")
# The usual task verbs make a task whoever does it; any other verb in the present tense does when
# an actor does it (a body, an agency, a named person) and it takes an object — not "att" (an
# opinion: "Gruppen bedömer att …"), not "sig" (a reflexive: "ställer sig …") — in a sentence with no
# deciding verb of its own; never an auxiliary or a copula ("har tagit fram", "är").
_TASK_VERB = re.compile(r"(?:tar|utreder|sammanställer|bereder|återkommer|planerar|undersöker|skriver|ansvarar|kartlägger"
                        r"|analyserar|följer|genomför|samordnar|reviderar|förbereder|redovisar|arrangerar|bjuder|kontaktar)$")
_NOT_TASK_VERB = re.compile(r"(?:har|kan|ska|skall|vill|bör|får|måste|är|blir|var|gäller|behöver|verkar|anser|menar|tycker"
                            r"|föreslår|ser|finns|hoppas|önskar|undrar|saknar|deltar|närvarar|informerar|berättar|konstaterar)$")
_ACTOR = re.compile(r"^(?:(?:styr|gd-|berednings|arbets|referens|projekt)?gruppen(?:\s+för\s+\S.*)?|sekretariatet|kansliet"
                    r"|processledar(?:e|en|na)"
                    r"|ordförande(?:n)?|samordnar(?:e|en|na)|[A-ZÅÄÖ]{2,6}|\w+(?:verket|rådet|myndigheten|ämbetet|förmedlingen)"
                    r"|[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ][\wåäö-]+.*)$")

# Capitalised words inside a sentence are names: one person, or two ("Kim och Alva").
_NAMED = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?:\s+(?:och\s+)?[A-ZÅÄÖ][a-zåäö]+)?$")

# … or said with "ska" by an actor opening the sentence ("Arbetsgruppen ska redovisa planen senast …",
# "Arbetsgruppen för statistik ska lämna sin rapport senast …").
_SHALL_TASK = re.compile(r"^\W*(?P<resp>[A-ZÅÄÖ][\wåäö-]*gruppen\s+för(?:\s+[\wåäö-]+){1,4}?"
                         r"|[A-ZÅÄÖ][\wåäö-]*(?:\s+[A-ZÅÄÖ][\wåäö-]*)?)\s+(?:ska|skall)\s+"
                         # … with its deadline before the verb ("ska senast den 1 maj redovisa …")
                         r"(?:(?:senast|till|inför)\s+[^,.;]{3,40}?\s+)?(?P<verb>ta\s+fram|utreda"
                         r"|sammanställa|bereda|återkomma|planera|undersöka|skriva|kartlägga|analysera|genomföra|samordna"
                         r"|revidera|förbereda|redovisa|arrangera|återrapportera|lämna)\b")


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def task_of(sentence: str, decides: Callable[[str], bool]) -> re.Match[str] | None:
    """A task in the present tense (see above), or one an actor "ska" do; ``decides`` tells whether
    a text holds a deciding verb."""
    if (shall := _SHALL_TASK.match(sentence)) and any(_ACTOR.match(r) for r in (shall.group("resp"), _lower_first(shall.group("resp")))):
        return shall
    m = TASK.search(sentence)
    if not m or _NOT_TASK_VERB.match(m.group("verb")) or not is_present_verb(m.group("verb")):
        return None
    resp = m.group("resp")
    if m.start("resp") > 0 and not re.match(r"\W*$", sentence[: m.start("resp")]) and not (_ACTOR.match(resp) or _NAMED.match(resp)):
        return None  # inside a decision only an actor's task ("… att kansliet skriver …", "… att Kim skriver …")
    if resp[0].islower() and m.start("resp") == 0:
        return None
    if _TASK_VERB.match(m.group("verb")):
        return m
    generic = (_ACTOR.match(resp) or re.search(r"\)\s*$", sentence[: m.start("verb")])) and (
        (m.group("next") or "").strip().lower() not in ("att", "sig", "som", "om"))
    rest = sentence[: m.start()] + sentence[m.end("verb"):]
    return m if generic and not decides(rest) else None


# Outside a labelled list, such a task is one when it comes with a deadline ("Eva Holm (Skolverket)
# skriver ett utkast inför höstmötet").
TASK_DUE = re.compile(r"\b(?:till|inför|senast(?:\s+till)?|före)\s+(?:nästa|kommande|den\s+\d|\d|v\.|vecka|[\wåäö-]+mötet\b"
                      r"|[\wåäö-]+s\s+(?:nästa\s+)?möte)"
                      # "tar upp frågan vid nästa möte": "vid" only before a meeting ("vid 3 tillfällen" is none)
                      r"|\bvid\s+(?:nästa|kommande)\s+(?:möte|sammanträde)|\bvid\s+[\wåäö-]+s\s+(?:nästa\s+)?möte", re.IGNORECASE)


# A decision that names the members who carry it out ("Vi kom överens om att Kim och Alva skriver …",
# "… och att Kim Berg sammanställer …", "… tas fram av Kim Berg och Alva Ek") gives them a task: the
# first name must be one the minutes list with an agency or a role (``people``).
_PERSON = r"[A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖ][a-zåäö]+)?"
_DOERS = re.compile(rf"\batt\s+(?P<who>{_PERSON}(?:\s+och\s+{_PERSON})?)\s+(?P<verb>[a-zåäö]+)\b"
                    rf"|\b[a-zåäö]+s\s+(?:fram\s+|upp\s+|in\s+)?av\s+(?P<by>{_PERSON}(?:\s+och\s+{_PERSON})?)\b")


def named_task(text: str, people: frozenset[str]) -> bool:
    """The decision gives members the minutes list a task in the present tense."""
    for m in _DOERS.finditer(text):
        who = m.group("who") or m.group("by")
        names = [w.split()[0] for w in re.split(r"\s+och\s+", who)]
        if not all(n in people for n in names):
            continue
        verb = m.group("verb")
        if verb is None or (is_present_verb(verb) and not _NOT_TASK_VERB.match(verb)):
            return True
    return False
