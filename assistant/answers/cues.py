"""What a sentence must show to answer a question of a given kind (a name for "vem", a day for
"vilket datum", a figure for "hur många", a reason for "varför"), and which names answer a question
asking for named things: the answer engine's cues. Figures, times and the question's own wording
have rooms of their own (``figures``, ``time_cues``, ``asked``)."""

from __future__ import annotations

import re

from ingest.dates import DAY, TIME_WORD
from ingest.glossary import load_english_words, load_glossary
from ingest.qtype import NAMED_THINGS
from ingest.swedish import tokenize

from .figures import AMOUNT, MONEY, NUMBER_WORDS, without_references
from .question import QuestionInfo
from .subject import ABBREVIATED_NOUN, SCENE, Entity, glossary_names, mentioned

# "varje" says how often only before a unit of time or an occasion ("varje år", "varje möte"); "varje
# ansökan" counts things.
_FREQ = re.compile(r"\b(?:var(?:je|t)?\s+\w+\s*(?:vecka|veckor|månad|år)|"
                   r"var(?:je|annan|tannat)\s+(?:\w+\s+)?(?:år|vår|höst|termin|läsår|kvartal|halvår|månad|vecka|dag|gång|möte|sammanträde)\w*|"
                   r"gånger? (?:per|om|i)|"
                   r"årligen|månatligen|(?:halvårs|kvartals|månads|års|vecko|dags)vis|löpande|regelbundet|per år|per månad|i månaden|"
                   r"two times|yearly|annually|weekly)\b", re.IGNORECASE)
_WHY = re.compile(r"\bför att\b|\beftersom\b|\bdärför\b|\bsyft|\bi syfte\b|\bviktig|\bbehöv|\bpå grund av\b|"
                  r"\bskäl\b|\borsak|\bledde till\b|\bföranled|\bmed tanke på\b|\bi och med att\b|\btack vare\b|"
                  r"\bmed anledning av\b|\btill följd av\b|\bberor på\b|\bså att\b", re.IGNORECASE)


_PERSON = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? (?:[A-ZÅÄÖ][a-zåäöé]+ ?)+")
_DEFINES = re.compile(r"\b(?:avses|innebär|betyder|menas|definieras|utgörs av|består av|är en|är ett|kallas)\b",
                      re.IGNORECASE)
# "Statens skolverk (SKV)": a name spelled out before its abbreviation defines it.
_SPELLED_OUT = re.compile(r"\w \(([A-ZÅÄÖ][\w+:-]{1,11})\)")
# Nouns naming a role or office ("ordföranden", "myndighetens ledning"): who holds one
# answers "vem" or "vilka personer" as a name would.
_ROLE = re.compile(r"\b\w*(?:direktör|chef|ordförande|ledning|ledare|representant|sekreterare|minister|"
                   r"samordnare|handläggare|utredare|rektor|ansvarig)\w*\b", re.IGNORECASE)
# Roles only a person holds: who holds one ("Vilken rektor har skolan …", "Vad heter handläggaren …") is
# answered by a person's name, not by an organisation or another role.
_PERSON_ROLE = re.compile(r"\b\w*(?:direktör|chef|ordförande|ledare|sekreterare|minister|samordnare|handläggare|utredare|"
                          r"rektor|medarbetare|kontaktperson|atör)\w*\b", re.IGNORECASE)
# An agency or body by the way Swedish names them ("Statskontoret", "Skolinspektionen"): who did
# something may be answered by one.
_AGENCY_ENDINGS = (r"verket|kontoret|rådet|myndigheten|styrelsen|nämnden|inspektionen|institutet|förmedlingen|"
                   r"ämbetet|byrån|universitetet|högskolan|kommissionen|kansliet|departementet|kollegiet|kollegium")
_AGENCY = re.compile(rf"(?:{_AGENCY_ENDINGS})$")
_ASKS_DAY = re.compile(r"\b(?:datum|vilken dag|vilket dygn)\b", re.IGNORECASE)
# "Hur länge …", "hur lång tid …", a question about a time frame ("tidsramen") ask for a length of time,
# which a duration gives ("sex veckor").
_ASKS_DURATION = re.compile(r"\b(?:hur länge|hur lång tid|tidsram\w*|how long)\b", re.IGNORECASE)
DURATION = re.compile(r"\b(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|halvt?)\s+"
                      r"(?:år|års|månad|månader|månaders|vecka|veckor|veckors|dag|dagar|dagars|timme|timmar|termin|terminer)\b|"
                      r"\bhalvår\b", re.IGNORECASE)
# "Vilka myndigheter …", "Vilka regioner …": a list of named things is answered by their names,
# not by a sentence about such things in general.
_NAMED_CLASS = re.compile(rf"\b(?:vilka|which) (?:\w+ )?(?:{NAMED_THINGS})", re.IGNORECASE)
# Question kinds whose answer need not show a particular cue to count as one.
NO_CUE = frozenset(["list", "general", "why", "definition"])


def cue_met(kind: str, sentence: str, known: frozenset[str] = frozenset(), question: str = "") -> bool:
    """Whether ``sentence`` has what a question of ``kind`` asks for; ``known`` are the stems the
    question itself uses (an answer to "vem"/"vad heter" must name someone or something else)."""
    if kind in ("person", "name"):
        new = _new_names(sentence, known)
        # someone's name (two capitalised words), an organisation the glossary knows, or a role
        if _PERSON_ROLE.search(question):
            return any(_is_person(n) for n in new)
        if kind == "name":
            return any(of_asked_class(n, question) for n in new)
        # a role answers "vem" unless the question asks who holds a role ("Vem är ordförande …")
        roles = () if _ROLE.search(question) else (m.group(0) for m in _ROLE.finditer(sentence))
        return (any(_is_person(n) or n in glossary_names() or _AGENCY.search(n) for n in new)
                or any(not set(tokenize(r, prefixes=False)) & known for r in roles))
    if kind == "place":  # a place or organisation named, not one the question names
        return any(n.lower() not in SCENE for n in _new_names(sentence, known))
    if kind == "money":
        return bool(MONEY.search(sentence))
    if kind == "number":
        return bool(AMOUNT.search(without_references(sentence)) or NUMBER_WORDS.search(sentence))
    if kind == "time":  # "Vilket datum …", "Vilken dag …" ask for a day, not a month or a year
        return bool((DAY if _ASKS_DAY.search(question) else TIME_WORD).search(sentence)
                    or _ASKS_DURATION.search(question) and DURATION.search(sentence))
    if kind == "frequency":
        return bool(_FREQ.search(sentence))
    if kind == "why":
        return bool(_WHY.search(sentence))
    if kind == "definition":
        return bool(_DEFINES.search(sentence)) or any(
            set(tokenize(m.group(1), prefixes=False)) <= known for m in _SPELLED_OUT.finditer(sentence))
    return True


def asks_holder(question: str) -> bool:
    """Whether the question asks who holds an office only a person holds ("Vem är kassör i …")."""
    return bool(_PERSON_ROLE.search(question))


def names_listed(question: str, sentence: str, known: frozenset[str], about: tuple[Entity, ...] = ()) -> bool:
    """A question asking which named things ("Vilka regioner …") is answered by a sentence that
    names one other than the question's own subjects (a lead ending in a colon leaves the names to
    its list items); True for other questions."""
    if not _NAMED_CLASS.search(question) or sentence.rstrip().endswith(":"):
        return True
    return any(n.lower() not in SCENE and of_asked_class(n, question)
               and not any(e.named_in(frozenset(tokenize(n, compounds=False, prefixes=False))) for e in about)
               for n in _new_names(sentence, known))


def spells_out_asked(question: str, sentence: str) -> bool:
    """Whether the question asks what an abbreviation stands for ("Vad står NPS för?", "What does
    NPS stand for …?") and the sentence spells that abbreviation out ("… planeringsstödet (NPS) …"):
    that answers it, whatever else the question says of its setting."""
    if not re.search(r"\bstå\w* \S+ för\b|\bstand for\b|\bförkortning\w*|\babbreviation\b|\bacronym\b",
                     question, re.IGNORECASE):
        return False
    asked = set(re.findall(r"\b[A-ZÅÄÖ][A-ZÅÄÖ0-9+-]{1,10}\b", question))
    return any(m.group(1) in asked for m in _SPELLED_OUT.finditer(sentence))


def names_given(info: QuestionInfo, chosen: list, items: list, about: tuple[Entity, ...] = ()) -> bool:
    """A lead ending in a colon leaves a named-things question's names to what follows it: the
    answer (its other sentences and list items) must then name one."""
    if not chosen[0].text.rstrip().endswith(":"):
        return True
    return any(names_listed(info.text, u.text.rstrip().rstrip(":"), info.said, about) for u in [*chosen, *items])


# Named things no public body is: "Vilken konsultfirma …", "Vilka kommuner …" are not answered by an
# agency's name ("Statens skolverk", "MYH").
_NOT_A_BODY = re.compile(r"\b(?:vilk\w*|which) (?:\w+ )?[a-zåäö]*?(?:företag|firm|byrå|kommun|region|län\b|länder|"
                         r"stad\b|städer|land\b|compan|municipal|countr)", re.IGNORECASE)
_PUBLIC_BODY = re.compile(rf"^(?:statens|myndighet\w*|regeringen|riksdagen)\b|(?:{_AGENCY_ENDINGS}|verk)$", re.IGNORECASE)


# "Vilka myndigheter …", "Which agencies …" ask for public bodies.
_AGENCIES_ASKED = re.compile(r"\b(?:vilk\w*|which) (?:\w+ )?(?:myndighet|agenc|authorit)", re.IGNORECASE)
_AGENCY_WORD = re.compile(rf"^(?:statens|myndigheten)$|(?:{_AGENCY_ENDINGS}|verk|nämnden|centralbyrån)s?$", re.IGNORECASE)


def of_asked_class(name: str, question: str) -> bool:
    """Whether ``name`` can be one of the named things the question asks for: a public body (or an
    abbreviation the glossary writes out as one) is no firm, municipality, region or country, and a
    name the glossary writes out as no public body ("Myndighetssamverkan för …", a collaboration)
    is no agency."""
    forms = (name, *load_glossary().get(name, ()))
    if _AGENCIES_ASKED.search(question) and len(forms) > 1:
        return any(_AGENCY_WORD.search(w) for f in forms[1:] for w in re.findall(r"[\wåäöÅÄÖ-]+", f))
    if not _NOT_A_BODY.search(question):
        return True
    return not any(_PUBLIC_BODY.search(form) for form in forms)


def _new_names(sentence: str, known: frozenset[str]) -> list[str]:
    """The names ``sentence`` mentions that the question (``known``: its stems) does not, and that
    are no abbreviation joined to a common noun ("PL-möten")."""
    return [n for n in mentioned(sentence) if not set(tokenize(n, prefixes=False)) <= known
            and not ABBREVIATED_NOUN.match(n)]


def _is_person(name: str) -> bool:
    """Two or more capitalised words that are no English title ("Technical Support Instrument")."""
    return bool(_PERSON.fullmatch(name)) and not any(w.lower() in load_english_words() for w in name.split())

