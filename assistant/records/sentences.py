"""Which sentences of minutes record a decision: the rules that tell a beslut, an uppdrag or a
ställningstagande (and a procedural line) from everything else, who is given a task, and where a
sentence's deciding verb and subject are. Used by :mod:`.decisions`, which reads the sentences
out of a document's paragraphs, lists and tables."""

from __future__ import annotations

import re

from .tasks import TASK_DUE, task_of
from .verbs import ASSIGNING, DECIDING, POSITION, conditional

_PROCEDURAL = [re.compile(p, re.IGNORECASE) for p in (
    r"\bdagordning\w*\b.{0,60}\b(?:godkän\w*|fastställ\w*|antogs|justerades)",
    r"\b(?:föregående\s+)?\w*(?:protokoll|anteckning)\w*\b.{0,80}\b(?:godkändes|justerades|lades|godkänns|justeras|läggs)\b",
    r"\b(?:lades|läggs|lägga|lade|lägger)\s+(?:[\wåäö:-]+\s+){0,8}?till\s+handlingarna\b",
    r"\bomedelbart\s+juster\w*|\bjusterades\s+omedelbart\b",
    r"\bbordl(?:ades|äggs|ägga|ägger|agts?)\b",
    r"\bjusterare\b|\bjusteras\s+(?:av|via|genom)\b",
    r"^\W*informationspunkt\b|\binformerade\s+om\b|\bredogjorde\s+för\s+(?:uppdrag|arbetet)\b",
    (r"\b(?:tog|tar)\s+del\s+av\b|\btack(?:ade|ar)\s+för\s+informationen\b"
     r"|\b(?:informationen|redovisningen|rapporten|lägesrapporten|läget)\s+noter(?:as|ades)\b"
     r"|\bnoter(?:a|ar|ade|as|ades)\s+(?:\w+\s+)?(?:informationen|redovisningen|läget|lägesrapport\w*|lägesbedömning\w*)\b"
     r"|^\W*(?:beslut\w*\s*:\s*)?noter(?:as|ades)\W*$"),
    (r"\b(?:öppnade|avslutade|förklarade)\s+(?:mötet|sammanträdet|träffen)\b"
     r"|\b(?:mötet|sammanträdet|träffen)\s+(?:öppnades|avslutades|förklarades)\b"),
    # the date of the next meeting is the meeting's housekeeping, not a decision on a matter
    r"^\W*(?:(?:tid\s+för\s+)?nästa|kommande)\s+(?:möte|sammanträde|träff)\w*\b",
    r"\binga\s+övriga\s+frågor\b|\bövriga\s+frågor\s+anmäldes\b",
    r"\b(?:valdes|utsågs)\b.{0,40}\b(?:justerare|justerings\w+|\w*sekreterare|\w*ordförande)\b",
    r"\btill\s+(?:\w*sekreterare|\w*ordförande|justerare|justeringsperson)\w*\s+(?:valdes|utsågs)\b",
    # the agenda approved with its verb first (also a proposed agenda for another body's meeting),
    # a person chosen to check the minutes
    r"\b(?:godkän|fastställ)\w*\s+(?:\w+\s+){0,2}dagordning\w*\b"
    r"|\bjuster(?:a|ar)\s+(?:dagens\s+|mötets\s+|sammanträdets\s+)?(?:protokoll(?:et)?|\w*anteckningar(?:na)?)\b",
    # how the items listed under a paragraph or in a table were handled ("Ärendena under § 4 avgjordes utan
    # föredragning"): the decisions are the items themselves
    r"^\W*(?:ärendena|besluten|punkterna|frågorna)\s+(?:under|i)\s+(?:§\s*\d|punkt\s+\d|tabellen|listan|bilaga)",
    # who keeps the minutes: a member chosen to, or agreed to ("… att Eva för anteckningarna i höst")
    (r"\batt\s+(?-i:[A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖ][a-zåäö]+)?)\s+(?:för|skriver|tar)\s+(?:dagens\s+)?(?:minnes)?"
     r"(?:anteckningar|protokoll)(?:na|et)?\b|\b(?:valdes|utsågs)\s+(?:till\s+)?att\s+(?:föra|skriva)\s+(?:\w+\s+)?"
     r"(?:minnes)?(?:anteckningar|protokoll)"),
)]

# Past or present tense of a deciding verb; the infinitive ("att fastställa") is only a decision
# inside a labelled list.
_UPPDRAG = [re.compile(p) for p in (
    r"\b(?:[Gg]av|[Gg]er|[Gg]e)\s+(?P<resp>[^.;:]{2,80}?)\s+i\s+uppdrag\s+att\b",
    r"\b(?:[Uu]ppdrog|[Uu]ppdrar|[Uu]ppdra|[Uu]ppdrogs|[Uu]ppdras)\s+åt\s+(?P<resp>[^.;:]{2,80}?)\s+att\b",
    r"(?P<resp>\b[A-ZÅÄÖ][\w-]*(?:\s+[\wåäö-]+){0,4}?)\s+(?:fick|får)\s+(?:i\s+)?uppdrag(?:et)?\s+att\b",
    r"\b(?:[Gg]av|[Gg]er)\s+(?P<resp>[^.;:]{2,80}?)\s+uppdraget\s+att\b",
    # "Referensgruppen bad sekreteraren om att …", "Processledaren ombads ta fram …", "Eva åtog sig att …"
    r"\b(?:[A-ZÅÄÖ][\w-]*gruppen|Mötet)\s+(?:bad|ber)\s+(?P<resp>[^.;:]{2,80}?)\s+att\b",
    r"(?P<resp>\b[A-ZÅÄÖ][\w-]*(?:\s+[\wåäö-]+){0,4}?)\s+(?:ombads|ombeds)\s+(?:att\s+)?[a-zåäö]",
    r"(?P<resp>\b[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\wåäö-]+)?)\s+(?:åtog|åtar)\s+sig\s+att\b",
    # a matter handed over or sent back to a body, with an assignment to report on it
    r"\b(?:till|åt)\s+(?P<resp>[^.;:]{2,60}?)\s+med\s+(?:uppdrag(?:et)?|uppgift(?:en)?)\s+att\b",
)]
_RECEIVER = (2, 5, 6, 7)  # the patterns above whose subject receives the task
# A proposal put to the meeting ("Förslag till beslut: Styrgruppen fastställer …"), not its decision.
PROPOSAL = re.compile(r"^\W*(?:förslag\s+till\s+beslut|[\wåäö-]+s\s+förslag|förslag|yrkande)\s*:", re.IGNORECASE)
# A deciding verb in a relative clause reports an earlier decision ("den plan som GD-gruppen
# antog i fjol"): it does not make a decision.
RELATIVE = re.compile(r"\bsom\s+(?:[\w:-]+\s+){0,3}?(?:fastställ|beslut|godkän|ant(?:og|ogs)\b|kom\s+\w*\s*överens"
                       r"|enades|bestämde|upphäv|tillstyrk|ställde\s+sig\s+bakom|gav\b|uppdrog)\w*", re.IGNORECASE)
_STALLNING = re.compile(r"\bställ(?:de|er)\s+sig\s+(?:bakom\b|positiv\w*\s+till\b)|\bförord(?:ade|ar)\b"
                        # the group's own recommendation ("Gruppen rekommenderar kansliet att …"), not one it reports
                        r"|\b(?:[\wåäö-]*gruppen|mötet|vi|nätverket)\s+(?:(?:också|även|därför|enhälligt)\s+)?rekommender(?:ade|ar)\b"
                        r"|\b(?:gav|ger|uttalade|uttryckte)\s+(?:sitt\s+|sitt\s+fulla\s+|ett\s+)?stöd\s+(?:för|till)\b"
                        # the chair records that the body is of one mind ("… konstaterade att nätverket
                        # var enigt …"); a group "enig" in a discussion takes no position
                        r"|\bkonstaterade\s+att\s+(?:[\w-]+\s+){1,3}(?:var|är)\s+(?:helt\s+)?(?:enig|eniga|överens)\s+om\s+att\b",
                        re.IGNORECASE)
_BESLUT = re.compile(
    # the deciding verbs in their finite forms are verbs.DECIDING; these are the phrases around a noun
    r"\bbeslut(?:ade|ar)\s+(?:enligt|i\s+enlighet\s+med)\s+(?:\w+\s+)?förslag\w*"
    r"|\bbeslut\s+fattades\s+(?:om|att)\b|\btog\s+(?:\w+\s+)?beslut\s+om\b|\benades\s+om\b"
    r"|\bbestämdes\b|\bkom\s+(?:\w+\s+)?överens\s+om\b|\böverenskoms\b"
    r"|\bfattade\s+(?:\w+\s+)?beslut\s+(?:om|att)\b|\bbeslutet\s+blev\b|\b(?:är|blev)\s+beslutat\s+att\b"
    r"|\bgav\s+(?:\w+\s+)?(?:klartecken|grönt\s+ljus)\b|\bsa\s+ja\s+till\b"
    # informal notes: an agreement in other words than "beslutade" ("Överenskommet att …", "Gruppen
    # landade i att …", "enades kring …"); the group or the meeting reaches it, not an inquiry
    r"|^\W*(?:det\s+blev\s+)?överenskommet\s+(?:att|om)\b|^\W*enighet\s+om\s+att\b|\benades\s+(?:kring|runt)\b"
    r"|\b(?:[\wåäö-]*gruppen|mötet|vi|nätverket)\s+(?:kom\s+fram\s+till|landade\s+i)\s+att\b"
    # a proposal decided on in two words ("Enligt förslag.")
    r"|^\W*(?:beslut\w*:?\s+)?(?:enligt|i\s+enlighet\s+med)\s+(?:\w+\s+)?förslag(?:et)?\W*$"
    # a decision taken between meetings and recorded in these minutes
    r"|\bper\s+capsulam\b.{0,80}\b(?:beslut\w*|godkän\w*|fastställ\w*)|\b(?:beslut\w*|godkän\w*|fastställ\w*)\b.{0,40}\bper\s+capsulam\b",
    re.IGNORECASE,
)
# "… ställde sig bakom planen och beslutade att …": a decision after the position, in the same sentence
_DECIDED_TOO = re.compile(r"\b(?:och|samt)\s+(?:\w+\s+)?(?:beslutade|beslutar|beslöt)\s+(?:\w+\s+){0,2}?att\b", re.IGNORECASE)
# A sentence that reports a proposal or an earlier decision, or says none was taken.
_NOT_DECISION = re.compile(
    r"\bföresl(?:og|år)\b(?!\s+(?:[\wåäö-]*gruppen|regeringen|regeringskansliet)\s+att\b)(?!.*\bbeslutade\b)|\bpåminde\s+om\b|\benligt\s+(?:tidigare\s+)?beslut\b"
    r"|\btidigare\s+beslut\b|\binget\s+beslut\b|\bbeslut\s+(?:fattades\s+inte|saknas)\b"
    r"|\b(?:vid|på)\s+(?:förra|föregående)\s+(?:möte|mötet|träffen|sammanträdet)\b"
    # someone else's decision reported in the minutes (the government's, an agency's)
    r"|^\W*(?:regeringen|riksdagen|regeringskansliet|departementet|kommissionen|eu|oecd)\s+(?:har\s+)?\w*(?:besl|uppdr|gav|gett)"
    # a decision still to come ("Budgeten fastställs på nästa sammanträde")
    r"|\b(?:fastställs|godkänns|beslutas|antas)\s+(?:\w+\s+){0,3}?(?:vid|på|under|i)\s+(?:nästa|kommande|ett\s+senare|höstens|vårens)\b",
    re.IGNORECASE,
)
LABEL = re.compile(r"(?<!till\s)\b(?P<label>Beslut|Uppdrag|Ställningstagande|Beslutades)(?:\s+per\s+capsulam)?\s*:\s*", re.IGNORECASE)
# Subjects that open a decision sentence: "Styrgruppen", "GD-gruppen", "Mötet", "Arbetsgruppen".
_SUBJECT = re.compile(r"\b(?:[A-ZÅÄÖ][\w-]*gruppen|GD-gruppen|Mötet|Sammanträdet)\b(?=\s)")
_CAP_VERB = re.compile(r"\b(?:Beslutades|Beslöts|Fastställdes|Godkändes|Uppdrogs|Antogs)\b")
_RESPONSIBLE = re.compile(
    r"\b(?:[Aa]nsvarig|[Aa]nsvar)\s*:\s*(?P<a>[^.;,()]{2,60})"
    r"|\bansvar\s+för\s+[\wåäö ]{2,40}?\s+hos\s+(?P<b>[^.;,()]{2,60})"
    r"|(?P<c>\b[A-ZÅÄÖ][\wåäö]+(?:\s+[A-ZÅÄÖ][\wåäö]+)?)\s+ansvarar\s+för\b"
    r"|\bmed\s+(?P<d>[^.;,()]{2,60}?)\s+som\s+(?:ansvarig|sammankallande)\b"
)
# A matter put off to a later meeting: a step of its own in the matter's thread (``bordlagd``), not a
# decision on it ("Frågan bordläggs till kommande sammanträde", "Punkten tas upp igen vid höstens sammanträde").
_TABLED = re.compile(
    r"\bbordl(?:ades|äggs|ade|agts?|agd|ägga|ägger)\b"
    r"|\b(?:ärendet|frågan|punkten)\b.{0,80}\b(?:tas|togs)\s+upp\s+(?:igen|på\s+nytt)\s+(?:vid|på|under)\b"
    r"|\b(?:ärendet|frågan|punkten)\s+(?:sköts|skjuts)\s+upp\s+till\s+(?:\w+\s+){0,2}(?:möte|sammanträde)\w*\b",
    re.IGNORECASE)


# … and one that tells of an earlier tabling ("bordlades vid förra mötet", "bordlades den 3 maj"); a date the
# matter is put off *to* ("bordläggs till den 12 juni", "tas upp igen på mötet den 12 juni") is no earlier tabling
_TABLED_BEFORE = re.compile(
    r"\b(?:förra|föregående|tidigare)\s+(?:möte|sammanträde|träff)\w*|\b(?:vid|på|under)\s+(?:mötet|sammanträdet|träffen)"
    r"\s+den\b|\bbordl\w*\s+(?:(?!till\b)\w+\s+)?den\s+\d|\bhade\s+bordlagts\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:upp|igen|nytt|till)\s*$", re.IGNORECASE)


def tabled(sentence: str) -> bool:
    """The sentence puts its matter off to a later meeting (a procedural line that is a thread's step),
    not one telling of an earlier tabling."""
    if not _TABLED.search(sentence):
        return False
    return not any(not _AHEAD.search(sentence[:m.start()]) for m in _TABLED_BEFORE.finditer(sentence))


def _task(sentence: str) -> re.Match[str] | None:
    return task_of(sentence, lambda rest: bool(_BESLUT.search(rest) or DECIDING.search(rest) or _STALLNING.search(rest)))


# The clauses of a sentence joined by "och" or ";" ("Mätningen flyttas till maj och rapporten läggs till handlingarna").
_CLAUSES = re.compile(r"\s*(?:;|,?\s+och\s+)\s*")


def _procedural(sentence: str, *, labelled: bool) -> bool:
    """A procedural line (a tabling among them); one given as a decision (under "Beslut:", in a decision
    column) only when every clause of it is: a decision with the report filed beside it is still a decision.
    Elsewhere a tabling always is, and any other procedural line unless another of its clauses decides
    ("Styrgruppen tog del av rapporten och beslutade att …")."""
    if not _procedural_clause(sentence):
        return False
    if not labelled:
        return tabled(sentence) or not any(not _procedural_clause(c) and _decides(c) for c in _CLAUSES.split(sentence))
    parts = [c for c in _CLAUSES.split(sentence) if len(c.split()) >= 3]
    return len(parts) < 2 or all(_procedural_clause(c) for c in parts)


# A clause that decides on its own: "beslutade att …", an assignment, a position ("godkändes" alone may be
# the minutes' own: "Anteckningarna från den 9 oktober och den 4 december godkändes").
_DECIDES = re.compile(r"\b(?:beslut(?:ade|ar)|beslöt|bestämde)\s+(?:\w+\s+){0,3}?(?:att|om)\b", re.IGNORECASE)


def _decides(clause: str) -> bool:
    """The clause has a deciding, assigning or position-taking verb of its own."""
    clause = RELATIVE.sub(" ", clause)
    return any(p.search(clause) for p in (*_UPPDRAG, ASSIGNING, _DECIDES, _STALLNING, POSITION))


def _procedural_clause(text: str) -> bool:
    return any(p.search(text) for p in _PROCEDURAL) or tabled(text)


def classify(sentence: str, *, labelled: bool = False) -> str | None:
    """The kind of one sentence, or None when it is neither a decision nor procedural."""
    if _procedural(sentence, labelled=labelled):
        return "procedur"
    if (_NOT_DECISION.search(sentence) or PROPOSAL.match(sentence)) and not labelled:
        return None
    if not labelled:
        sentence = RELATIVE.sub(" ", sentence)
    if (any(p.search(sentence) for p in _UPPDRAG) or ASSIGNING.search(sentence)
            or ((labelled or TASK_DUE.search(sentence)) and _task(sentence))
            or re.match(r"\W*uppdrag\s*:", sentence, re.IGNORECASE)):
        return "uppdrag"
    position = _STALLNING.search(sentence) or POSITION.search(sentence)
    if position and _DECIDED_TOO.search(sentence, position.end()):
        return "beslut"  # a position and what the body decided on it: the decision is what it did
    if position or re.match(r"\W*ställningstagande\s*:", sentence, re.IGNORECASE):
        return "ställningstagande"
    if labelled:
        return "beslut"
    verbs = [*_BESLUT.finditer(sentence), *DECIDING.finditer(sentence)]
    return "beslut" if verbs and not conditional(sentence, verbs) else None


def deciding_verb(sentence: str) -> tuple[re.Match[str] | None, bool]:
    """The sentence's first deciding verb, and whether its subject is the one who decides (not
    the receiver of an assignment: "Processledaren ombads …")."""
    found = [(m, True) for m in (_BESLUT.search(sentence), DECIDING.search(sentence), _STALLNING.search(sentence),
                                 POSITION.search(sentence)) if m]
    found += [(m, i not in _RECEIVER) for i, p in enumerate(_UPPDRAG) if (m := p.search(sentence))]
    found += [(m, False) for m in (ASSIGNING.search(sentence),) if m]
    return min(found, key=lambda f: f[0].start()) if found else (None, False)


def responsible_of(text: str, context: str = "") -> str:
    for p in (*_UPPDRAG, None):
        m = p.search(text) if p else _task(text)
        if m:
            return _clean_name(m.group("resp"))
    for t in (text, context):
        m = _RESPONSIBLE.search(t)
        if m:
            return _clean_name(m.group("a") or m.group("b") or m.group("c") or m.group("d") or "")
    return ""


def _clean_name(name: str) -> str:
    name = re.sub(r"^\s*(?:att\s+)?", "", name).strip(" ,")
    return re.sub(r"\s+", " ", name)


def trim_start(sentence: str) -> str:
    """Drop a heading run into the sentence (PDF text): start at "Beslut:", the deciding body or
    a sentence-initial passive verb when one comes later."""
    m = LABEL.search(sentence)
    if m:
        return sentence[m.end():]
    verb, _ = deciding_verb(sentence)
    if verb is None:
        return sentence
    starts = [s.start() for s in _SUBJECT.finditer(sentence, 0, verb.start() + 1)]
    starts += [c.start() for c in _CAP_VERB.finditer(sentence, 0, verb.end())]
    # a joint subject ("Styrgruppen och GD-gruppen beslutade …") starts at its first body
    starts = [s for s in starts if s > 0 and not re.search(r"(?:\boch|\bsamt|,)\s*$", sentence[:s])]
    return sentence[min(starts):] if starts else sentence


def verb_end(sentence: str) -> int:
    """Where the sentence's deciding verb ends (0 when it has none)."""
    verb, _ = deciding_verb(sentence)
    return verb.end() if verb else 0
