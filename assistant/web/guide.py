"""*Kom igång*: how MSV KLL works, for a new participant. Every statement is the answer engine's
cited answer to one fixed, general question about the collaboration and its bodies, asked of the
collaboration's own reports that everyone may read; nothing is written by hand. The answers are
kept in ``<data_dir>/guide.json`` with a fingerprint of those reports, the questions and the
engine, and asked again only when one of them changes, so the app starts without waiting."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import threading
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.documents import PUBLIC_GROUP
from ingest.private import make_private_file
from ingest.store import SearchFilter

from ..answers.base import Citation

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..answers.base import Engine

log = logging.getLogger(__name__)

GUIDE_FILE = "guide.json"
# The collaboration's own reports (the founding report first among them) that every member may
# read: the page is the same for everyone.
GUIDE_KINDS = ("rapport",)
GUIDE_FILTER = SearchFilter(kinds=GUIDE_KINDS, access=(PUBLIC_GROUP,))
# (heading, question): what the collaboration is, each body, and how they work together.
TOPICS: tuple[tuple[str, str], ...] = (
    ("Vad MSV KLL är", "Vad är MSV KLL?"),
    ("Myndigheterna", "Vilka myndigheter är med i MSV KLL?"),
    ("Hur samverkan styrs", "Hur styrs myndighetssamverkan?"),
    ("GD-gruppen", "Vad gör GD-gruppen?"),
    ("Styrgruppen", "Vad gör styrgruppen?"),
    ("Beredningsgruppen", "Hur arbetar beredningsgruppen?"),
    ("Sekretariatet", "Vad ansvarar sekretariatet för?"),
    ("Arbetsgrupperna", "Vad arbetar arbetsgrupperna med?"),
    ("Processledarna", "Vad är processledarmöten?"),
    ("Regionerna", "Hur deltar regionerna i MSV?"),
)
# Questions a new participant can run in the chat with one click.
EXAMPLES: tuple[str, ...] = (
    "Hur går en lägesbedömning till?",
    "Vilka är med i GD-gruppen?",
    "Hur ofta möts processledarna?",
    "På vilka sätt kan regioner vara med i arbetet?",
    "Hur samarbetar arbetsgrupperna med varandra?",
    "Vad ska ett framtida kansli göra?",
    "Vilka är de horisontella perspektiven?",
)
_MARKER = re.compile(r"\[\d+\]")


@dataclass
class Section:
    heading: str
    question: str
    answer: str
    citations: list[Citation] = field(default_factory=list)

    @property
    def statements(self) -> int:
        """Sentences (and list items) that carry a citation marker."""
        return sum(1 for line in re.split(r"(?<=\])\s+|\n", self.answer) if _MARKER.search(line))

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(c.doc_id for c in self.citations))


@dataclass
class Guide:
    fingerprint: str
    generated: str  # ISO time, UTC
    engine: str
    sections: list[Section] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return sum(s.statements for s in self.sections)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Guide:
        sections = [Section(s["heading"], s["question"], s["answer"], [Citation(**c) for c in s["citations"]])
                    for s in data["sections"]]
        return cls(data["fingerprint"], data["generated"], data["engine"], sections)


def fingerprint(kb: KnowledgeBase, engine_name: str, topics: tuple[tuple[str, str], ...] = TOPICS) -> str:
    """Changes when a report the guide reads from is added, changed or removed, or when the
    questions or the engine change (documents of other kinds leave it alone)."""
    docs = sorted((d.doc_id, d.hash) for d in kb.documents(access=(PUBLIC_GROUP,)) if d.kind in GUIDE_KINDS)
    raw = json.dumps({"docs": docs, "topics": topics, "engine": engine_name, "code": engine_code()},
                     ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@functools.cache
def engine_code() -> str:
    """A digest of the answer engine's code, so that an upgrade that changes how answers are
    composed makes the guide again instead of showing the old engine's answers."""
    answers = Path(__file__).resolve().parent.parent / "answers"
    digest = hashlib.sha256()
    for path in sorted(answers.glob("*.py")):
        digest.update(path.name.encode("utf-8") + path.read_bytes())
    return digest.hexdigest()[:16]


def generate(kb: KnowledgeBase, engine: Engine, topics: tuple[tuple[str, str], ...] = TOPICS,
             lock: Any = None) -> Guide:
    """Ask every topic's question; keep the answered (grounded, cited) ones, in topic order."""
    sections: list[Section] = []
    for heading, question in topics:
        with lock if lock is not None else nullcontext():
            a = engine.answer(question, flt=GUIDE_FILTER)
        if a.grounded and a.citations and _MARKER.search(a.answer):
            sections.append(Section(heading, question, a.answer, list(a.citations)))
        else:
            log.info("Kom igång: no cited answer to %r", question)
    return Guide(fingerprint(kb, engine.name, topics), datetime.now(UTC).isoformat(timespec="seconds"),
                 engine.name, sections)


class GuideStore:
    """The cached guide of one knowledge base: :meth:`current` answers from the file while the
    fingerprint holds, and otherwise asks again (once, however many pages wait for it)."""

    def __init__(self, path: Path, kb: KnowledgeBase, engine: Engine, lock: Any = None,
                 topics: tuple[tuple[str, str], ...] = TOPICS) -> None:
        self.path = Path(path)
        self.kb = kb
        self.engine = engine
        self.lock = lock  # the knowledge base's lock, held around each question
        self.topics = topics
        self._generating = threading.Lock()

    def cached(self) -> Guide | None:
        try:
            return Guide.from_json(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning("Kom igång: %s could not be read (%s); it is made again", self.path, e)
            return None

    def is_fresh(self, guide: Guide | None) -> bool:
        with self.lock if self.lock is not None else nullcontext():
            current = fingerprint(self.kb, self.engine.name, self.topics)
        return guide is not None and guide.fingerprint == current

    def current(self) -> Guide:
        guide = self.cached()
        if self.is_fresh(guide):
            return guide  # type: ignore[return-value]
        with self._generating:
            guide = self.cached()  # another request may have made it meanwhile
            if self.is_fresh(guide):
                return guide  # type: ignore[return-value]
            guide = generate(self.kb, self.engine, self.topics, self.lock)
            self._save(guide)
            log.info("Kom igång: %d cited statements in %d sections", guide.statements, len(guide.sections))
            return guide

    def refresh_in_background(self) -> threading.Thread:
        """Make the guide fresh without holding up the caller (``msv serve`` after start-up)."""

        def run() -> None:
            try:
                self.current()
            except Exception:  # noqa: BLE001 - the page asks again when opened
                log.exception("Kom igång could not be made")

        thread = threading.Thread(target=run, name="kom-igang", daemon=True)
        thread.start()
        return thread

    def _save(self, guide: Guide) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(guide.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        make_private_file(tmp)
        tmp.replace(self.path)
