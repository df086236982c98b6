"""Decisions in minutes: find the sentences that record a beslut, an uppdrag or a
ställningstagande (and the procedural lines that are none of them) in a document's blocks, with
the paragraph (§ or item) each came from.

Swedish minutes phrase decisions many ways ("Beslut: …", "Styrgruppen beslutade att …",
"beslutades att …", "fastställde", "godkände", "gav … i uppdrag att", "uppdrog åt … att",
"ställde sig bakom"), often inside a numbered item with no heading at all; PDF text arrives with
headings run into the paragraphs. The rules that tell one sentence's kind are :mod:`.sentences`;
this module reads a document's blocks into sentences with their paragraphs, lists and tables."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass

from ingest.documents import Block
from ingest.swedish import normalize, split_sentences

from .blocks import join_broken_pages
from .deadlines import deadline_of
from .labels import heading_labels, segments
from .matter import heading_of, matter_of
from .meeting import body_of, joint_bodies, meeting_body, meeting_date
from .restatements import drop_restatements, opens_summary, reported_earlier
from .sentences import LABEL, PROPOSAL, RELATIVE, classify, deciding_verb, responsible_of, tabled, trim_start, verb_end
from .tables import ActionColumns, DecisionColumns, cells, is_rule
from .tasks import named_task
from .terms import carries_terms, member_task, members
from .verbs import decided_elsewhere, is_past, reported_saying

# The kinds are the Swedish words the register shows (the CLI and the Beslut tab print them as they are).
KINDS = ("beslut", "uppdrag", "ställningstagande", "bordlagd", "procedur")
DECISION_KINDS = ("beslut", "uppdrag", "ställningstagande")
# A matter tabled to a later meeting is no decision, but it is a step of the matter's thread: the
# register keeps it, threads link it to the decision that later settles the matter (:mod:`.tabled`).
TABLED = "bordlagd"
THREAD_KINDS = (*DECISION_KINDS, TABLED)


@dataclass(frozen=True)
class Decision:
    id: str
    body: str
    date: str
    paragraph: str
    text: str
    kind: str
    responsible: str
    deadline: str
    doc_id: str
    title: str
    source: str
    section: str
    page: int | None
    passage: str
    heading: str = ""  # the paragraph's heading without its number ("Verksamhetsbudget 2025")
    matter: str = ""  # the matter, normalised from the heading and the decision's object
    # the body an assignment goes to as the register names the bodies that met ("arbetsgrupp-havsmiljo" for
    # "arbetsgruppen för förbättrad havsmiljö"; ``responsible`` keeps the words as written), set by the register
    recipient: str = ""

    def as_dict(self, *, passage: bool = False) -> dict[str, object]:
        d = asdict(self)
        if not passage:
            d.pop("passage")
        return d


@dataclass(frozen=True)
class DocMeta:
    """What the extractor needs to know about a document besides its blocks."""

    doc_id: str
    title: str
    source: str
    date: str = ""


# -- paragraphs and units: how a document's blocks are read ------------------------------------
_INTRO = re.compile(r"\b(?:beslutade|beslöt|beslutar|beslutades)(?:\s+(?:enligt\s+)?följande)?\s*:?\s*$"
                    r"|\b(?:bestämde|bestämdes|fastställdes|enades\s+(?:\w+\s+)?om|kom\s+(?:\w+\s+)?överens\s+om"
                    r"|överenskoms)(?:\s+följande)?\s*:\s*$"  # "Följande bestämdes:", a list after the colon
                    r"|^\W*beslut\w*\s*:?\s*$", re.IGNORECASE)
# a list item after such an intro: "att …", a bullet, or a numbered item ("1. Arbetsordningen fastställs …")
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*]\s*)?att\s+\w|^\s*[-–•*]\s+\S|^\s*\d{1,2}[.)]\s+\S", re.IGNORECASE)
# … but the next numbered agenda item written as a line of its own ("3. Indikatorer") is a heading
_NEXT_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+[^.;,]*$")
_BARE_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})\s+(?P<h>[A-ZÅÄÖ][^.!?:;|]{1,70})$")  # an item's number and heading, no "."
_ITEM_MARK = re.compile(r"^\s*(?:[-–•*]|\d{1,2}[.)])\s*")
_CLAUSE_START = re.compile(
    r"(?<=\s)(?:[A-ZÅÄÖ][\w-]*gruppen|Mötet|Sekretariatet|Processledar\w*|Ordförande\w*|Beslut(?:ades)?\b:?"
    r"|Uppdrogs|Frågan|Ärendet|Flera|Den|Det|Förslaget|Utkastet|[A-ZÅÄÖ]{2,}(?=\s+[a-zåäö]))(?=[\s:])")
# A heading run into the text that follows (PDF): up to the first capitalised word after the
# heading's first word, within eight words ("Regionala kompetensanalyser | Regionerna efterfrågar …").
_RUN_IN = re.compile(r"^\S+(?:\s+(?:[a-zåäö0-9]|[A-ZÅÄÖ]{2,}\b|[-–](?=\s))\S*){0,6}\s+(?=[A-ZÅÄÖ][a-zåäö])")  # acronyms, dashes too
# "§ 4 b" is a sub-item of § 4; "Ärende 2." an item as "Punkt 2" is
_PARA_SECTION = re.compile(r"^[^\w§]*(?:§\s*(?P<s>\d+(?:\s?[a-z](?![\wåäö]))?)\.?|(?:punkt\s+)?(?P<n>\d{1,2})[.)]"
                           r"|(?:punkt|ärende)\s+(?P<p>\d{1,2})\s*[.:–-]?)(?:\s|$)", re.IGNORECASE)
_MARKUP = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_DECISION_SECTION = re.compile(r"^\W*(?:beslut|beslutspunkter|fattade beslut)\W*$", re.IGNORECASE)


def paragraph_of(text: str) -> str:
    """"§ 5 Budget" → "§ 5"; "3. Arbetsplan" → "punkt 3"; anything else → ""."""
    m = _PARA_SECTION.match(_MARKUP.sub("", text))
    if not m:
        return ""
    return f"§ {m.group('s')}" if m.group("s") else f"punkt {m.group('n') or m.group('p')}"


@dataclass
class _Unit:
    text: str
    paragraph: str
    labelled: bool
    block: Block
    heading: str = ""  # a heading written into the paragraph's first line (PDF text, inline items)
    row: tuple[str, str, str] | None = None  # an action list's row: what, who, by when
    summary: bool = False  # in a closing summary of the meeting's decisions ("Beslutspunkter")
    proposed: bool = False  # after "Förslag till beslut:" in its paragraph, before the decision


def _units(blocks: Sequence[Block]) -> Iterator[_Unit]:
    paragraph, section, heading = "", None, ""
    in_list = False  # after "Beslut:" or "Styrgruppen beslutade": bullets "att …" are decisions
    columns: ActionColumns | None = None  # the header of the action list being read
    table: DecisionColumns | None = None  # the header of the decision table being read
    summary = False  # after a closing summary's heading: what follows restates the decisions
    proposing = False  # after "Förslag till beslut:", until the decision
    sections = list(dict.fromkeys(b.section for b in blocks if b.section))
    labels = heading_labels(sections, any(paragraph_of(s) for s in sections))  # headings without numbers
    for block in blocks:
        if block.section != section:
            section, proposing = block.section, False
            paragraph = paragraph_of(section) or labels.get(section, "") or ("" if section else paragraph)
            heading, columns, table = "", None, None
            in_list = bool(_DECISION_SECTION.match(section or ""))
            summary = opens_summary(section or "") or (summary and not section)
        text = _MARKUP.sub("", block.text).strip()
        row = cells(text)
        if row is None:
            columns = None if not is_rule(text) else columns
            table = None if not is_rule(text) else table
        elif table is not None:
            if decided := table.row(row, paragraph):
                yield _Unit(decided[0], decided[2], True, block, decided[1], summary=summary)
            continue
        elif columns is None:
            columns = ActionColumns.of(row)
            table = DecisionColumns.of(row) if columns is None else None
            if columns is not None or table is not None:
                continue
        elif task := columns.row(row):
            yield _Unit(task[0], paragraph, True, block, heading, task if not columns.decisions else None, summary)
            continue
        if row is None and (bare := _BARE_ITEM.match(text)):  # "**3** Dialogmötet i november" on its own line
            paragraph, heading, in_list, proposing = f"punkt {bare.group('n')}", bare.group("h").strip(), False, False
            continue
        if in_list and _LIST_ITEM.match(text) and not _NEXT_ITEM.match(text):
            numbered = re.split(r"(?<=[.;])\s+(?=\d{1,2}[.)]\s+[A-ZÅÄÖ])", text) if re.match(r"\s*\d", text) else [text]
            for item in numbered:  # a numbered list read as one block: one decision an item
                yield _Unit(_ITEM_MARK.sub("", item), paragraph, True, block, heading, summary=summary)
            continue
        in_list = bool(_DECISION_SECTION.match(section or ""))
        for para, seg in segments(text, paragraph):
            sentences = split_sentences(seg)
            if para:
                paragraph, heading = para, _inline_heading(sentences, whole=not seg.rstrip().endswith("."))
                proposing = False
            for sentence in sentences:
                summary = summary or opens_summary(sentence)
                proposing = (proposing or bool(PROPOSAL.match(sentence))) and not LABEL.search(sentence)
                if _INTRO.search(sentence):
                    in_list, proposing = True, False
                    head = _INTRO.sub("", sentence).strip()
                    if not head or classify(head) is None:
                        continue
                yield _Unit(sentence, paragraph, False, block, heading, summary=summary, proposed=proposing)


def _inline_heading(sentences: list[str], *, whole: bool = False) -> str:
    """The heading run into a paragraph's first line: a short first sentence that is no decision
    ("§ 5. Mötesplan 2026. Styrgruppen …"), or, in PDF text where the heading has no full stop,
    the words before the clause's subject ("§ 3 Gemensam kompetensanalys Arbetsgruppen …"); with
    ``whole`` (a line without a full stop, "2. Regional statistik") the line itself."""
    if not sentences:
        return ""
    first = sentences[0].strip(" .")
    m = _CLAUSE_START.search(first)
    run_in = _RUN_IN.search(first)
    cuts = [c for c in (m.start() if m else None, run_in.end() if run_in else None) if c]
    cut = min(cuts) if cuts else None
    head = first[:cut].strip(" .:") if cut is not None else first if (len(sentences) > 1 or whole) and len(first) <= 80 else ""
    return head if head and len(head.split()) <= 8 and classify(head) is None else ""


def _parents_heading(unit: _Unit) -> str:
    """The heading of the paragraph a sub-item without a heading of its own belongs to ("§ 4 b" under
    "§ 4 Uppföljning av vintern"), or ""."""
    section = unit.block.section or ""
    sub = re.fullmatch(r"(.+\d)\s[a-z]", unit.paragraph)
    return heading_of(section) if sub and paragraph_of(section) == sub.group(1) else ""


def _section(unit: _Unit) -> str:
    """The block's heading, unless the paragraph began inside the block (an item without heading,
    or PDF text): then the paragraph itself."""
    section = unit.block.section
    if section and (not unit.paragraph or paragraph_of(section) == unit.paragraph):
        return section
    return unit.paragraph or section


def _not_the_meetings(unit: _Unit, text: str, own: frozenset[str]) -> bool:
    """The sentence tells of a decision that is not this meeting's: another body's or an outside
    actor's, one somebody reported, or the proposal put to the meeting (in the present tense)."""
    blank = lambda t: RELATIVE.sub(lambda m: " " * len(m.group(0)), t)  # noqa: E731
    verb, decides = deciding_verb(blank(text))
    if verb is None:
        return False
    if decides and decided_elsewhere(text, verb, own):
        return True
    raw, _ = deciding_verb(blank(unit.text))
    if raw is not None and reported_saying(unit.text, raw.start()):
        return True
    return unit.proposed and not is_past(verb) and not re.search(r"\bförslag", text, re.IGNORECASE)


def _terms(units: list[_Unit], i: int, people: frozenset[str], most: int = 2) -> list[str]:
    """The sentences right after ``units[i]`` in its paragraph that carry the decision's terms
    (:mod:`.terms`), at most ``most``."""
    out: list[str] = []
    verb, _ = deciding_verb(units[i].text)
    past = verb is not None and is_past(verb)
    for unit in units[i + 1 : i + 1 + most]:
        same = unit.block is units[i].block and unit.paragraph == units[i].paragraph
        if not same or unit.labelled or unit.row is not None or not carries_terms(unit.text, people, after_past=past):
            break
        out.append(unit.text.strip())
    return out


def extract_decisions(blocks: Sequence[Block], meta: DocMeta, *, procedural: bool = True) -> list[Decision]:
    """Every decision (and, with ``procedural``, every procedural line and tabled matter) in one document."""
    body = meeting_body(meta.title, blocks, meta.source)
    date = meeting_date(meta.title, blocks, meta.date)
    joint = joint_bodies(meta.title, blocks)
    out: list[Decision] = []
    seen: dict[str, int] = {}
    summary: set[str] = set()  # the decisions a closing summary lists
    units = list(_units(join_broken_pages(blocks)))
    taken: set[int] = set()  # sentences read as the terms of the decision before them
    people = members(" ".join(b.text for b in blocks))
    for i, unit in enumerate(units):
        if i in taken:
            continue
        label = LABEL.search(unit.text)
        labelled = unit.labelled or bool(label)
        text = unit.text if unit.labelled else trim_start(unit.text)
        kind = classify(text, labelled=labelled)
        if unit.row is not None and kind != "procedur":
            kind = "uppdrag"  # a row of an action list is a task, whatever its verb
        if label and re.match(r"uppdrag", label.group("label"), re.IGNORECASE):
            kind = "uppdrag" if kind != "procedur" else kind
        if kind in DECISION_KINDS and not unit.labelled and reported_earlier(text, verb_end(text), date):
            continue  # an earlier decision told in the background, with its date
        if kind in DECISION_KINDS and not labelled and _not_the_meetings(unit, text, joint or frozenset({body} - {""})):
            continue
        if kind == "procedur" and tabled(text):
            kind = TABLED
        if kind is None or (kind in ("procedur", TABLED) and not procedural):
            continue
        if kind in DECISION_KINDS and not unit.labelled:
            terms = _terms(units, i, people)
            taken.update(range(i + 1, i + 1 + len(terms)))
            text = " ".join([text.strip(), *terms])
            kind = "uppdrag" if kind == "beslut" and (any(member_task(t, people) for t in terms)
                                                      or named_task(text, people)) else kind
        text = text.strip()
        if (unit.heading and text.startswith(unit.heading) and len(text) > len(unit.heading) + 8
                and not text[len(unit.heading)].isalnum()):  # "Processledarmötena …" keeps its first word
            text = text[len(unit.heading):].lstrip(" .:")  # the heading run into the sentence (PDF text)
        if len(text) < 8:
            continue
        key = normalize(text)
        n = seen[key] = seen.get(key, 0) + 1
        rid = hashlib.sha1(f"{meta.doc_id}|{key}|{n}".encode()).hexdigest()[:12]
        is_decision = kind in DECISION_KINDS
        if unit.summary:
            summary.add(rid)
        context = unit.block.text if len(unit.block.text) < 400 else ""  # not a whole PDF page
        section = _section(unit)
        heading = heading_of(section) if paragraph_of(section) == unit.paragraph and section else ""
        heading = heading or unit.heading or ("" if paragraph_of(section) else heading_of(section)) or _parents_heading(unit)
        by = body_of(text[: verb_end(text)]) if joint else ""  # at a joint meeting, the body the sentence names
        out.append(Decision(
            id=rid, body=by if by in joint else body, date=date, paragraph=unit.paragraph, text=text, kind=kind,
            responsible=(unit.row[1] if unit.row else responsible_of(text, context)) if is_decision else "",
            deadline=(deadline_of(f"senast {unit.row[2]}", date) if unit.row else
                      deadline_of(text, date, periods=kind == "uppdrag")) if is_decision else "",
            doc_id=meta.doc_id, title=meta.title, source=meta.source,
            section=section, page=unit.block.page, passage=unit.block.text,
            heading=heading, matter=matter_of(heading, text) if is_decision or kind == TABLED else "",
        ))
    return drop_restatements(out, summary)
