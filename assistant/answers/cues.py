"""What a sentence must show to answer a question of a given kind (a name for "vem", a day for
"vilket datum", a number next to what "hur många" counts, a list for "vilka tre …"), and the
question's own checks on a document (its months and ordinals): the answer engine's cues."""

from __future__ import annotations

import re

from ingest.dates import DAY, TIME_WORD, month_number
from ingest.glossary import load_english_words, load_glossary
from ingest.qtype import NAMED_THINGS
from ingest.swedish import tokenize

from .question import QuestionInfo, Term, answer_type_word
from .subject import ABBREVIATED_NOUN, SCENE, Entity, glossary_names, mentioned

YEARISH = re.compile(r"\b(?:19|20)\d\d\b")
# "varje" says how often only before a unit of time or an occasion ("varje år", "varje möte"); "varje
# ansökan" counts things.
_FREQ = re.compile(r"\b(?:var(?:je|t)?\s+\w+\s*(?:vecka|veckor|månad|år)|"
                   r"var(?:je|annan|tannat)\s+(?:\w+\s+)?(?:år|vår|höst|termin|läsår|kvartal|halvår|månad|vecka|dag|gång|möte|sammanträde)\w*|"
                   r"gånger? (?:per|om|i)|"
                   r"årligen|månatligen|(?:halvårs|kvartals|månads|års|vecko|dags)vis|löpande|regelbundet|per år|per månad|i månaden|"
                   r"two times|yearly|annually|weekly)\b", re.IGNORECASE)
AMOUNT = re.compile(r"\d[\d\s,.]*\s*(?:kr|kronor|miljon|miljard|euro|procent|%|veckor|personer|st\b|timmar)|"
                     r"\d", re.IGNORECASE)
_WHY = re.compile(r"\bför att\b|\beftersom\b|\bdärför\b|\bsyft|\bi syfte\b|\bviktig|\bbehöv|\bpå grund av\b|"
                  r"\bskäl\b|\borsak|\bledde till\b|\bföranled|\bmed tanke på\b|\bi och med att\b|\btack vare\b|"
                  r"\bmed anledning av\b|\btill följd av\b|\bberor på\b|\bså att\b", re.IGNORECASE)


# Reference numbers are no figures: a file number ("U2023/01234/GV", "N2021/00817"), a statute or report
# ("(2011:1108)", "SOU 2023:12", "prop. 2022/23:1").
_REFERENCE = re.compile(r"\b[A-ZÅÄÖ][A-Za-zåäö]{0,2}\s?(?:19|20)\d\d/\d+(?:/[\w-]+)?|\b(?:19|20)\d\d(?:/\d\d)?:\w+\b")


def without_references(text: str) -> str:
    """``text`` without its years and reference numbers: what is left of its figures counts something."""
    return YEARISH.sub(" ", _REFERENCE.sub(" ", text))


NUMBER_WORDS = re.compile(r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|hundra|tusen|"
                           r"miljoner|miljarder|dubbelt|hälften)\b", re.IGNORECASE)
MONEY = re.compile(r"\d[\d\s,.]*\s*(?:kr\b|kronor|miljon|miljard|mnkr|mdkr|euro|€)", re.IGNORECASE)
_PERSON = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? (?:[A-ZÅÄÖ][a-zåäöé]+ ?)+")
_DEFINES = re.compile(r"\b(?:avses|innebär|betyder|menas|definieras|utgörs av|består av|är en|är ett|kallas)\b",
                      re.IGNORECASE)
# "Statens skolverk (SKV)": a name spelled out before its abbreviation defines it.
_SPELLED_OUT = re.compile(r"\w \(([A-ZÅÄÖ][\w+:-]{1,11})\)")
# Nouns naming a role or office ("ordföranden", "myndighetens ledning"): who holds one
# answers "vem" or "vilka personer" as a name would.
_ROLE = re.compile(r"\b\w*(?:direktör|chef|ordförande|ledning|ledare|representant|sekreterare|minister|"
                   r"samordnare|handläggare|utredare|rektor|ansvarig)\w*\b", re.IGNORECASE)
# Roles only a person holds: who holds one ("Vem är rektor …", "Vad heter handläggaren …") is
# answered by a person's name, not by an organisation or another role.
_PERSON_ROLE = re.compile(r"\b\w*(?:direktör|chef|ordförande|ledare|sekreterare|minister|samordnare|handläggare|utredare|"
                          r"rektor|medarbetare|kontaktperson|atör)\w*\b", re.IGNORECASE)
# An agency or body by the way Swedish names them ("Statskontoret", "Skolinspektionen"): who did
# something may be answered by one.
_AGENCY_ENDINGS = (r"verket|kontoret|rådet|myndigheten|styrelsen|nämnden|inspektionen|institutet|förmedlingen|"
                   r"ämbetet|byrån|universitetet|högskolan|kommissionen|kansliet|departementet|kollegiet|kollegium")
_AGENCY = re.compile(rf"(?:{_AGENCY_ENDINGS})$")
# Nouns that only say "money": an amount in kronor or euro is what they ask for.
MONEY_NOUNS = frozenset(["peng", "medel", "belopp", "~belopp", "summ", "summan", "kron"])
# "Hur många miljarder …" counts in a magnitude: any amount in kronor says how many.
MAGNITUDES = frozenset(["miljon", "miljard", "tusen"])
SHARE_NOUNS = frozenset(["del", "andel", "~andel"])
PERCENT = re.compile(r"\d\s*(?:procent|%)")
# "Vilka tre skolor …", "Vilka är de fem …": a list whose length the question states.
COUNTED_LIST = re.compile(r"\bvilka (?:är )?(?:de )?(två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+) ", re.IGNORECASE)
_SMALL_NUMBERS = ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")
# "den tredje etappen": an ordinal before a noun (after an article, so not "andra" = other).
ORDINAL = re.compile(r"\b(?:den|det|de|sin|sitt|dess) (första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|"
                      r"nionde|tionde) (\w+)", re.IGNORECASE)
_ASKS_DAY = re.compile(r"\b(?:datum|vilken dag|vilket dygn)\b", re.IGNORECASE)
# "… grön, gul eller röd?": the alternatives a question offers to choose between.
_ALTERNATIVES = re.compile(r"(?:\b(\w+), )?\b(\w+),? eller (\w+)\?\s*$", re.IGNORECASE)
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
        return bool((DAY if _ASKS_DAY.search(question) else TIME_WORD).search(sentence))
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


_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[–-]\s*((?:19|20)\d\d)\b")


def other_year(question_years: list[str], sentence: str) -> bool:
    """Whether ``sentence`` dates what it says to another year than the question's ("Under 2024 får …"
    for a question about 2026): it names years, and none of them (nor a span like 2024–2026) is the
    question's."""
    said = YEARISH.findall(sentence)
    if not question_years or not said:
        return False
    spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(sentence)]
    return not any(y in said or any(a <= int(y) <= b for a, b in spans) for y in question_years)


# "12 miljarder kronor för 2031", "450 platser under 2029": a figure and the year it is for.
_FIGURE_YEAR = re.compile(r"\d[\d\s,.]*\s*(?:kr\b|kronor|miljon\w*|miljard\w*|mnkr|euro|procent|%|platser|personer)"
                          r"(?:\s+kronor)?\s+(?:\w+\s+)?(?:för|under|år|i|per år från)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def figure_of_another_year(question_years: list[str], sentence: str) -> bool:
    """Whether every figure the sentence dates is for another year than the question's ("12 miljarder
    kronor för 2031 … och pågår till 2032" gives no amount for 2032)."""
    dated = _FIGURE_YEAR.findall(sentence)
    return bool(question_years and dated) and not any(y in question_years for y in dated)


def _is_person(name: str) -> bool:
    """Two or more capitalised words that are no English title ("Technical Support Instrument")."""
    return bool(_PERSON.fullmatch(name)) and not any(w.lower() in load_english_words() for w in name.split())


def counts_near(sentence: str, role: Term) -> bool:
    """Whether a number stands just before the counted noun ("38 ansökningar", "två fysiska och en
    digital kickoff"): a figure elsewhere in the sentence (a page, a year) counts something else."""
    words = re.findall(r"[\w:-]+", without_references(sentence))
    for i, w in enumerate(words):
        toks = tokenize(w, prefixes=False)
        if toks and role.match(frozenset(toks)) >= 0.8:
            if any(v[0].isdigit() or NUMBER_WORDS.fullmatch(v) for v in words[max(0, i - 5):i]):
                return True
    return False


def list_count(word: str) -> int:
    return int(word) if word.isdigit() else _SMALL_NUMBERS.index(word.lower()) + 2


def separators(sentence: str) -> int:
    """How many list separators a sentence has (", ", "och", "samt")."""
    return len(re.findall(r",\s|\s(?:och|samt)\s", sentence))


def says_ordinal(where: str, ordinal: tuple[str, str]) -> bool:
    """"den tredje etappen": the document says that ordinal of that noun."""
    word, noun = ordinal
    return re.search(rf"\b{word}\s+{re.escape(noun[:6].lower())}", where) is not None


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


def says_month(where: str, month: tuple[str, str]) -> bool:
    """Whether ``where`` (passages with their dates, lower-cased) names the month or is dated in it."""
    name, year = month
    return f"{name} {year}" in where or f" {year}-{month_number(name):02d}" in where


_NAME_AFTER = re.compile(r"\s+([A-ZÅÄÖ][\w-]+)")


# "När ska X redovisa …": X is the one who reports. "… ska rapportera analysen till X senast …" dates a
# report X receives, not one X makes.
_ASKS_WHEN_ONE_DOES = re.compile(r"^\s*(?:när|senast när|till när|when)\s+(?:ska|skall|skulle|måste|har|hade|will|must|should|"
                                 r"did|does)\s+((?:[\w:-]+\s+){1,4})", re.IGNORECASE)
_REPORTED_TO = re.compile(r"\b(?:redovisa\w*|rapportera\w*|lämna\w*|skicka\w*|överlämna\w*|inkomm\w*|delredovisa\w*|"
                          r"slutredovisa\w*)\b(?:\s+[\w,():-]+){0,12}?\s+till\s+((?:[\w:-]+\s*){1,4})", re.IGNORECASE)


def date_of_a_report_to(question: str, sentence: str, about: tuple[Entity, ...]) -> bool:
    """Whether the question asks when a body it names does something, and the sentence names that body
    only as the one a report is made to."""
    asked = _ASKS_WHEN_ONE_DOES.match(question)
    if not asked:
        return False
    doers = [e for e in about if e.named_in(frozenset(tokenize(asked.group(1), prefixes=False)))]
    for m in _REPORTED_TO.finditer(sentence):
        rest = sentence[:m.start(1)] + sentence[m.end(1):]
        receiver = frozenset(tokenize(m.group(1), prefixes=False))
        rest_tokens = frozenset(tokenize(rest, prefixes=False))
        if any(e.named_in(receiver) and not e.named_in(rest_tokens) for e in doers):
            return True
    return False


_PART_REPORT = re.compile(r"\bdel(?:redovis|rapport|betänkande)\w*|\binterim report|\bpartial report", re.IGNORECASE)


def final_for_partial(question: str, sentence: str) -> bool:
    """Whether the question asks when a partial report is due ("… lämna en delredovisning …") and
    the sentence dates only the whole assignment's report (its final date, not the partial one's)."""
    return bool(_PART_REPORT.search(question)) and not _PART_REPORT.search(sentence)


def time_of_another(sentence: str, names: frozenset[str]) -> bool:
    """Whether every time the sentence gives stands right before a name that is not one of the
    question's (``names``, lower case): "… deltar Alfa, Beta och sedan våren 2021 Gamma" dates
    Gamma, not Alfa."""
    spans = list(TIME_WORD.finditer(sentence))
    bound = free = 0
    for i, m in enumerate(spans):
        if i + 1 < len(spans) and sentence[m.end():spans[i + 1].start()].strip() == "":
            continue  # "våren 2021": one expression
        after = _NAME_AFTER.match(sentence, m.end())
        if after and after.group(1).lower() not in names:
            bound += 1
        else:
            free += 1
    return bound > 0 and free == 0



def figure_says(role: Term, text: str) -> bool:
    """Whether the sentence's figure is what the question asks for by its unit: an amount in
    kronor says the money asked for, a percentage says the share."""
    stems = {role.stem, *role.parts}
    return bool((stems & MONEY_NOUNS or stems & MAGNITUDES) and MONEY.search(text)
                or stems & SHARE_NOUNS and PERCENT.search(text))


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
