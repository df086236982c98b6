"""The matter a decision concerns: its paragraph heading without the number, and a normalised
name built from that heading and the decision's object ("fastställa verksamhetsplanen för 2030"
→ "verksamhetsplan 2030"), so a later decision is found by the words of its heading."""

from __future__ import annotations

import re

from ingest.swedish import tokenize

from .meeting import BODY_KINDS

_NUMBER = re.compile(r"^[^\w§]*(?:§\s*\d+(?:\s?[a-z](?![\wåäö]))?\.?|(?:punkt|ärende)\s+\d{1,2}[.):]?|\d{1,2}[.)])\s*",
                     re.IGNORECASE)
# Headings that say nothing about the matter (the agenda's frame, not its business).
GENERIC_HEADING = _GENERIC = re.compile(
    r"^(?:formalia|dagordning|mötets\s+(?:öppnande|avslutande)|avslutning|inledning|övrigt|övriga\s+frågor"
    r"|information|nästa\s+möte|föregående\s+\w+)\b", re.IGNORECASE)
# Words in a heading that frame the item rather than name the matter.
_FRAME = re.compile(r"\b(?:uppdrag\s+(?:om|till)|revidering(?:\s+av)?|beslut\s+om|förslag\s+till|fråga\s+om)\b",
                    re.IGNORECASE)
# The object of a decision: what comes after its deciding verb, up to a qualifier.
_OBJECT = re.compile(
    r"\b(?:i\s+uppdrag\s+att|uppdraget\s+att|åt\s+[^.;]{2,60}?\s+att|(?:åtog|åtar)\s+sig\s+att|omb[ae]ds(?:\s+att)?"
    r"|bad\s+[^.;]{2,60}?\s+att|(?:överens|enades|beslut\w*)\s+om(?:\s+att)?|bestämde\w*\s+att|beslut\w*\s+att|ställ\w*\s+sig\s+bakom|fastställ\w*|godkän\w*"
    r"|ant(?:og|ogs|a)|revidera|upphäva|ändra|anta|utse|tillsätt\w*"
    # a person's or a group's task in the present tense ("Eva Holm skriver ett utkast …")
    r"|tar\s+fram|sammanställer|utreder|kartlägger|analyserar|reviderar|förbereder|skriver)\s+(?P<obj>[^.;:]{3,120})",
    re.IGNORECASE)
_OBJECT_END = re.compile(r"\s+(?:med|senast|som|och\s+återkomma|till\s+(?:och|nästa|höstens|vårens)"
                         r"|till\s+" + BODY_KINDS + r"\w*"
                         r"|för\s+vidare|från\s+och\s+med|att\s+gälla|inför|,)\b|,", re.IGNORECASE)
# The task inside a decision to give it ("beslöt att ge X … i uppdrag att Y …"):
# its object is the task's, not the wording of the giving.
_GIVES = re.compile(r"^(?:ge|ger|gav|uppdra|uppdrar|uppdrog|ålägga|be|bad)\s+[^.;]{0,80}?\b(?:i\s+uppdrag|uppdraget|åt\s+[^.;]{2,60}?)"
                    r"\s+att\s+", re.IGNORECASE)
# A deadline written before the task ("till vårens möte ta fram …", "senast <dag> lämna …").
_DEADLINE_FIRST = re.compile(
    r"^(?:senast\s+)?(?:(?:till|inför|före|vid)\s+(?:nästa|höstens|vårens|[\wåäö-]+s)\s+(?:första\s+)?(?:möte|sammanträde)\w*"
    r"(?:\s+(?:i\s+[a-zåäö]+|(?:19|20)\d\d))*"
    r"|(?:den\s+)?\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
    r"(?:\s+(?:19|20)\d\d)?)\s+(?=[a-zåäö])", re.IGNORECASE)
_LEAD = re.compile(r"^(?:att\s+)?(?:ta\s+fram|utreda|planera|sammanställa|lämna|överlämna|ta\s+ställning\s+till"
                   r"|fastställa|godkänna|revidera|anta|pröva|bryta\s+ned|färdigställa|föreslå\s+\w+\s+att\s+\w+"
                   r"|komplettera|kartlägga|analysera|genomföra|följa\s+upp|skriva|bereda|utveckla|redovisa)\s+"
                   # a deadline before the task ("under Q2 ta fram …")
                   r"|^(?:under|senast|före|inom)\s+(?:Q[1-4]|v\.?\s*\d+|vecka\s+\d+|[a-zåäö]+)(?:\s+(?:19|20)\d\d)?\s+"
                   r"|^(?:ett|en|den|det|de|sin|sitt|sina)\s+(?:förslag\s+till\s+)?"
                   r"|^(?:dels|både)\s+", re.IGNORECASE)


def heading_of(section: str) -> str:
    """"§ 5 Kommunikationsplan 2026" → "Kommunikationsplan 2026"; a bare "§ 5" → ""."""
    text = _NUMBER.sub("", (section or "").strip()).strip(" .:*")
    return "" if re.fullmatch(r"(?:§\s*)?\d*", text) else text


def object_of(text: str) -> str:
    """What a decision decides on, in its own words ("verksamhetsbudgeten för 2025")."""
    m = _OBJECT.search(text)
    if not m:
        return ""
    obj = m.group("obj")
    if given := _GIVES.match(obj):
        obj = obj[given.end():]
    obj = _DEADLINE_FIRST.sub("", obj)
    if end := _OBJECT_END.search(obj):
        obj = obj[: end.start()]
    for _ in range(3):
        obj = _DEADLINE_FIRST.sub("", _LEAD.sub("", obj.strip()))
    return obj.strip(" ,")


_BODIES = re.compile(r"\b(?:styrgrupp|gd-grupp|beredningsgrupp|arbetsgrupp|sekretariat)\w*", re.IGNORECASE)


def _head(heading: str) -> str:
    """The heading's words that name a matter ("Uppdrag till styrgruppen" names none)."""
    head = "" if _GENERIC.match(heading or "") else _FRAME.sub(" ", heading or "")
    return head if tokenize(_BODIES.sub(" ", head), compounds=False) else ""


def matter_of(heading: str, text: str) -> str:
    """A normalised name of the matter: the heading (framing words dropped) when it names one,
    else the decision's object; lower case, single spaces."""
    head = _head(heading)
    name = head or object_of(text)
    return re.sub(r"[\s,.;:]+", " ", name.lower()).strip()


def matter_terms(heading: str, text: str, *, deliverable: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """The matter's words for linking: whole-word stems and compound-part stems of the heading
    when it names the matter (else of the decision's object); with ``deliverable`` (an
    assignment) the object's words as well, since they name what is to be delivered."""
    head = _head(heading)
    source = f"{head} {object_of(text)}" if deliverable or not head else head
    whole = frozenset(t for t in tokenize(source, compounds=False, prefixes=False))
    parts = frozenset(t for t in tokenize(source, prefixes=False)) - whole
    return whole, parts
