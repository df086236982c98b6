"""Decision questions as the working groups ask them, beyond the fixed forms of
``decision_answers.parse_question``: "Vad gäller i dag om X?", "Vad blev det av X?", "Har X
ändrats?", "Vilka uppdrag återstår?".

A question is about decisions when it says so (a word of deciding, assigning, changing or
following up: beslut, uppdrag, fastställa, ändra, upphäva, tidsfrist, återrapportera, "gäller nu",
"blev det") and not about someone else's decisions (the government's, the EU's); its topic is what
is left when the question's frame (question words, those cue words, the bodies, small words) is
taken away. A question that asks for open assignments and names no topic asks for the follow-up list.

A question about a decision's substance need not say "beslut" ("Hur ofta ska nätverksträffarna
hållas?"): when the ordinary engine finds nothing, its content words are tried against the register
(:func:`content_topic`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.glossary import to_swedish
from ingest.swedish import tokenize

from ..records.meeting import BODY_KINDS, body_of, group_named, plain_name
from .question import question_terms

_CUE = re.compile(
    r"\b(?:beslut\w*|besl[öu]t|bestäm\w*|fastställ\w*|uppdrag\w*|uppdrog\w*|godkän\w*|antag\w*|antog\w*|antogs"
    r"|ändr\w*|upphäv\w*|revider\w*|återkall\w*|avveckl\w*|tidsfrist\w*|tidsgräns\w*|slutdatum\w*|deadline\w*|återrapport\w*|redovis\w*"
    r"|gäller\s+(?:nu|numera|i\s*dag|just\s+nu|för)|blev\s+det|vad\s+blev|hur\s+gick\s+det|(?:hänt|hände|händer)\s+(?:med|sedan|i)"
    r"|senaste\s+(?:ordet|beskedet|steget)|kom\s+\S+(?:\s+\S+)?\s+fram\s+till|ställning\s+till|läget\s+(?:för|med|i)"
    r"|status\s+(?:för|på)|ansvar(?:ar|ig|et)?\s+för|vara\s+klar[at]?|klar[at]?\s+(?:senast|till)|behandla(?:ts|des)"
    r"|hantera(?:ts|des)|följ(?:ts|des)\s+upp|uppföljning\w*|ersatt\w*|ställ(?:ts|des)\s+in|sk(?:jutits|öts)\s+upp"
    r"|flytta(?:ts|des)|klubba\w*|landade)\b",
    re.IGNORECASE)
# A body named in a question ("Vad tyckte GD-gruppen om …?") makes it one about that body's decisions.
_ASKS_BODY = re.compile(r"^(?:vad|hur|när|vilk\w+|har|är)\b.*\b" + BODY_KINDS + r"\w*",
                        re.IGNORECASE)
# (as the subject: a promemoria "till Regeringskansliet" that a body approved is the body's own decision)
_OTHERS = re.compile(r"(?<!till )(?<!åt )(?<!för )(?<!hos )"
                     r"\b(?:regeringen|riksdagen|kommissionen|eu|oecd|regeringskansliet|departementet)\s+"
                     r"(?:har\s+)?(?:beslut|besl[öu]t|bestäm|fastställ|gav|gett|uppdrog|godkän|ändr)", re.IGNORECASE)
_OPEN = re.compile(r"\b(?:öppna|öppet|pågående|ej\s+(?:klara|avslutade|redovisade)|inte\s+(?:är\s+)?(?:klara|avslutade"
                   r"|redovisade|besvarade|färdiga)|obesvarade|återstår|försenade|kvar\s+att|passerat|förfallna"
                   # "… som ännu inte har redovisats"
                   r"|inte\s+(?:har\s+|hade\s+)?(?:redovisats|besvarats|avslutats|slutförts|återrapporterats|blivit\s+klara)"
                   # still awaiting an answer, a decision or a report
                   r"|väntar\s+(?:fortfarande\s+|ännu\s+|än\s+)?på\s+(?:svar|besked|redovisning|återrapport\w*))\b",
                   re.IGNORECASE)
_OVERDUE = re.compile(r"\b(?:passerat|försenade?|försenat|förfallna|förfallit|överskridit|överskridna|sena)\b", re.IGNORECASE)
# A body's name in its inflected forms only ("styrgruppens", "arbetsgrupperna"): a compound it begins
# names a thing of its own ("samverkansfrågor", "styrgruppsprotokollen"), which is the question's matter.
_GROUP_ENDINGS = r"(?:en|ens|er|erna|ernas|ers|s)?"
_BODY_WORDS = re.compile(
    rf"\b(?:styrgrupp{_GROUP_ENDINGS}|gd-grupp{_GROUP_ENDINGS}|beredningsgrupp{_GROUP_ENDINGS}|sekretariat(?:et|ets|s)?"
    rf"|processledar(?:e|en|ens|es|na|nas)?"
    rf"|arbetsgrupp{_GROUP_ENDINGS}(?:\s+för\s+[\wåäö-]+(?:\s+samverkan)?)?|mötet|msv(?:\s+kll)?|samverkans?)\b",
    re.IGNORECASE)
_FRAME = frozenset(
    "vad vilka vilken vilket vem vems när var varför hur har hade är var blev blir bli det den de dem som och att om "
    "kring angående gällande rörande beträffande avseende i på för till med av från inom hos nu numera idag dag just "
    "senaste senast sista ordet beskedet steget steg läget status ställning frågan ärendet sak saken gäller gällde "
    "hände sedan något några någon finns fanns ska skulle kommer kunde vara klar klart klara färdig färdigt färdiga "
    "redan ännu fortfarande inte ej öppna öppet pågående återstår kvar försenade obesvarade tidigare först sedan "
    "fattat fattats fattade tagit tagits tog gav gett givit fått fick lämnats lämnas lämnades vilka besked "
    "dess deras sin sitt sina vår vårt våra vi man hela tråden tidslinje tidslinjen hänt händer gick kom fram "
    "ansvarar ansvarig ansvaret sa sade sagt tyckte tycker landade gjort gjorde gör görs gjordes gjorts under efter före "
    "mellan olika alla passerat passerad passerade förfallit förfallna försenat försenad försenade sena utan ha haft "
    "besvarat besvarats besvarade avslutat avslutats slutfört slutförts blivit".split())
# Words that ask for an amount, a frequency or a manner: the question's frame, not its matter.
_HOW = frozenset(
    "ofta länge mycket många stor stort stora hög högt höga lång långt långa hur vilken vilket vilka där då "
    "skall kan får måste bör borde nu just hålls hållas hålla håller hölls genomförs äger rum".split())
# Questions that ask what a thing is or how something works in general: the documents' business,
# not the register's.
_GENERAL = re.compile(r"^(?:vad\s+(?:är|betyder|innebär|menas)|vem\s+är|vilka\s+är|hur\s+(?:fungerar|arbetar)"
                      r"|varför|what|who|how|why)\b", re.IGNORECASE)


@dataclass(frozen=True)
class LooseQuestion:
    topic: str  # Swedish words to match decisions against ("" asks for the open assignments)
    body: str  # "" for any body
    open_only: bool  # the question asks which assignments are open
    overdue: bool = False  # … and only those past their deadline


def loose_question(question: str) -> LooseQuestion | None:
    """The topic and body of a question about the collaboration's decisions, or None."""
    q = re.sub(r"\s+", " ", question.strip()).rstrip(" ?.!")
    if not (_CUE.search(q) or _ASKS_BODY.search(q)) or _OTHERS.search(q):
        return None
    body = asked_body(q)
    open_only = bool(_OPEN.search(q)) and bool(re.search(r"\buppdrag", q, re.IGNORECASE))
    overdue = open_only and bool(_OVERDUE.search(q))
    rest = _BODY_WORDS.sub(" ", q)
    rest = _CUE.sub(" ", _OPEN.sub(" ", rest) if open_only else rest)
    words = [w for w in re.findall(r"[\wåäöÅÄÖé:-]+", rest) if w.lower() not in _FRAME]
    topic = " ".join(words).strip(" ,;:-")
    if topic and tokenize(topic, compounds=False):
        return LooseQuestion(topic, body, open_only, overdue)
    return LooseQuestion("", body, True, overdue) if open_only else None


def content_topic(question: str) -> LooseQuestion | None:
    """The content words of any question (its frame, the bodies and the amount words taken away),
    to be tried against the register when the ordinary engine finds nothing; None for a question
    asking what something is or how the collaboration works, or one with no content words left."""
    q = re.sub(r"\s+", " ", question.strip()).rstrip(" ?.!")
    if _GENERAL.match(q) or _OTHERS.search(q):
        return None
    rest = _BODY_WORDS.sub(" ", q)
    words = [w for w in re.findall(r"[\wåäöÅÄÖé:-]+", rest) if w.lower() not in _FRAME | _HOW]
    topic = " ".join(words).strip(" ,;:-")
    return LooseQuestion(topic, asked_body(q), False) if topic and tokenize(topic, compounds=False) else None


def asked_body(question: str) -> str:
    """The body a question names, or "" when it names none or speaks of any working group ("när en
    arbetsgrupp ska …": a small word after "arbetsgrupp" is no group's name)."""
    body = body_of(question)
    name = body.removeprefix("arbetsgrupp-").split("-")[0] if body.startswith("arbetsgrupp-") else ""
    return "" if name and name in _FRAME | _HOW | _SMALL else body


# A working group named by a short form in a question: "MOD-gruppen", "kvalitetsgruppen", "AG analys".
_SHORT_GROUP = re.compile(r"\b(?:AG\s+(?P<ag>[\wåäöÅÄÖé-]+)|(?P<name>[\wåäöÅÄÖé]+?)-?grupp(?:en|ens)?)\b", re.IGNORECASE)


def names_a_group(question: str) -> bool:
    """Whether ``question`` says "…gruppen" or "AG …" (a group a short form may name)."""
    return _SHORT_GROUP.search(question) is not None


_KIND_WORDS = frozenset(re.findall(r"(\w+?)-?grupp", BODY_KINDS))  # styr, gd, berednings, arbets


def with_group_names(question: str, groups: Iterable[str]) -> str:
    """``question`` with each working group it names by a short form written as the register names it
    ("MOD-gruppen" → "arbetsgruppen för mod" when the register has ``arbetsgrupp-mod``), by the rules of
    :func:`..records.meeting.group_named` over ``groups`` (the bodies that held meetings); a body's own
    word (styrgruppen, arbetsgruppen) stays, and so does every name in a question that names a body
    already (in "fastställde beredningsgruppen X-gruppens plan?" the group's name is part of the matter)."""
    if asked_body(question):
        return question

    def resolve(m: re.Match[str]) -> str:
        said = plain_name(m.group("ag") or m.group("name") or "")
        if {said, f"{said}s"} & _KIND_WORDS:
            return m.group()  # "arbetsgruppen", "styrgruppen": a kind of body, no group's name
        group = group_named(said, groups)
        return f"arbetsgruppen för {group.removeprefix('arbetsgrupp-')}" if group else m.group()

    return _SHORT_GROUP.sub(resolve, question)


_SMALL = frozenset("en ett och eller men så som inte ska skall kan får måste bör vill".split())
# A particle verb's noun puts the particle first: "läggas ner" is said "nedläggning", "följa upp"
# "uppföljning", "skjuta upp" "uppskjutning".
_PARTICLE_VERB = re.compile(r"\b(?P<verb>[a-zåäö]{2,})\s+(?P<particle>ner|ned|upp|ut|bort|ihop|fram)\b", re.IGNORECASE)
_PARTICLE_PREFIX = {"ner": "ned"}


def particle_nouns(topic: str) -> str:
    """``topic`` with its particle verbs written as their nouns ("läggas ner" → "nedläggning"), or ""
    when it has none: the minutes name an act by its noun where a question uses the verb."""
    def noun(m: re.Match[str]) -> str:
        stems = tokenize(m.group("verb"), compounds=False)
        if not stems or stems[0].lower() in _FRAME | _HOW or len(stems[0]) < 3:
            return m.group()
        particle = m.group("particle").lower()
        return f"{_PARTICLE_PREFIX.get(particle, particle)}{stems[0].lower()}ning"

    out = _PARTICLE_VERB.sub(noun, topic)
    return out if out != topic else ""


# -- the fixed forms of a decision question -------------------------------------------------------------
_BODY = (r"(?:styrgrupp(?:en)?|gd-grupp(?:en)?|beredningsgrupp(?:en)?"
         r"|arbetsgrupp(?:en)?(?: (?:för )?(?!beslut|bestäm|fastst|fatta|har\b|om\b|hade\b)[\wåäöé-]+)?)")
_PREP = r"(?:om|kring|angående|gällande|rörande|beträffande|avseende|i fråga om|i frågan om|när det gäller)"
_SV = [re.compile(p) for p in (
    # Vad har styrgruppen beslutat om X? Vilka beslut har fattats om X? Vad har GD-gruppen fattat för beslut om X?
    rf"^(?:vad|vilka beslut|vilket beslut|vilka uppdrag) (?:har|hade)(?: (?P<who>{_BODY}))? "
    rf"(?:beslutat|beslutats|bestämt|bestämts|fastställt|fastställts|fattat|fattats|tagit|tagits)"
    rf"(?: (?:några|något|ett|för) beslut| beslut)? {_PREP} (?P<topic>.+)$",
    # Vad beslutade styrgruppen om X? Vad beslutades om X?
    rf"^vad (?:beslutade|beslöt|bestämde|fastställde|beslutades|bestämdes)(?: (?P<who>{_BODY}))? {_PREP} (?P<topic>.+)$",
    # Vilka beslut fattade styrgruppen om X? Vilka beslut finns om X?
    rf"^(?:vilka|vilket) beslut (?:finns(?: det)?|fattades|togs|fattade|tog|har fattats|har tagits|har)"
    rf"(?: (?:av|i|inom))?(?: (?P<who>{_BODY}))?(?: fattat| tagit)? {_PREP} (?P<topic>.+)$",
    # Har styrgruppen beslutat om X?
    rf"^har (?P<who>{_BODY}) (?:beslutat|bestämt|fattat (?:något |ett )?beslut) {_PREP} (?P<topic>.+)$",
    # När beslutades X? När fattades beslut om X? När har styrgruppen beslutat om X?
    rf"^när (?:beslutades|bestämdes|fastställdes|(?:fattades|togs) beslut(?:et)? {_PREP}"
    rf"|(?:har|hade) (?:(?P<who2>{_BODY}) )?(?:beslutat|fattat beslut) {_PREP}) (?P<topic>.+)$",
    # När beslutade styrgruppen om X / att fastställa X?
    rf"^när (?:beslutade|bestämde|beslöt|fastställde) (?P<who>{_BODY})(?: {_PREP}| att)? (?P<topic>.+)$",
)]
_EN_BODY = (r"(?:the )?(?:steering (?:group|committee)|(?:gd|dg|director-general|directors-general|director generals') group"
            r"|(?:preparatory|preparation|drafting) group|working group)")
_EN_PREP = r"(?:on|about|regarding|concerning|upon|for)"
_EN = [re.compile(p) for p in (
    rf"^what (?:did|has|have|had) (?P<who>{_EN_BODY}) decided?(?: {_EN_PREP})? (?P<topic>.+)$",
    rf"^(?:what|which) decisions? (?:has|have|did|had|were|was|are there|exist)(?: (?P<who>{_EN_BODY}))?"
    rf"(?: (?:made|taken|make|take))?(?: by (?P<who2>{_EN_BODY}))? {_EN_PREP} (?P<topic>.+)$",
    rf"^what (?:was|has been|have been|were) decided {_EN_PREP} (?P<topic>.+)$",
    r"^when (?:was|were) (?P<topic>.+?) decided(?: (?:on|upon))?$",
    rf"^when did (?P<who>{_EN_BODY}) decide(?: {_EN_PREP}| to)? (?P<topic>.+)$",
)]
_EN_BODIES = (("steering", "styrgrupp"), ("preparat", "beredningsgrupp"), ("drafting", "beredningsgrupp"),
              ("working", "arbetsgrupp"), ("group", "gd-grupp"))
# English words that frame a decision question rather than name its topic.
_EN_FRAME = frozenset("the a an our its their this that these of to in for and on about by with group steering committee "
                      "decide decided decision decisions made was were is are be been has have what when".split())


@dataclass(frozen=True)
class DecisionQuestion:
    topic: str  # Swedish words to match decisions against
    body: str  # "" for any body


def parse_question(question: str) -> DecisionQuestion | None:
    """The topic and body of a question about decisions, or None for any other question."""
    q = re.sub(r"\s+", " ", question.strip().lower()).rstrip(" ?.!")
    for patterns, tail_re, to_topic, to_body in (
        (_SV, rf" (?:i|av|inom|hos) (?P<who>{_BODY})$", lambda t: t, _body),
        (_EN, rf" by (?P<who>{_EN_BODY})$", _swedish_topic, _en_body),
    ):
        for pattern in patterns:
            if m := pattern.match(q):
                who = m.groupdict().get("who") or m.groupdict().get("who2") or ""
                topic = m.group("topic")
                if tail := re.search(tail_re, topic):
                    who, topic = who or tail.group("who"), topic[: tail.start()]
                return _question(to_topic(topic), to_body(who))
    return None


def _question(topic: str, body: str) -> DecisionQuestion | None:
    topic = topic.strip(" ,;:")
    return DecisionQuestion(topic, body) if question_terms(topic) else None


def _body(who: str) -> str:
    if not who:
        return ""
    return body_of(who) or ("arbetsgrupp" if "arbetsgrupp" in who else "")


def _en_body(who: str) -> str:
    return next((body for key, body in _EN_BODIES if key in who), "") if who else ""


def _swedish_topic(topic: str) -> str:
    return to_swedish(topic, drop=_EN_FRAME)
