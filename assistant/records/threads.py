"""Threads: decisions on the same matter linked across meetings and bodies. An assignment is
linked to the decision that answers it, a decision to the one that changes, extends or revokes it,
a body's assignment to another body to that body's report back. Every link carries a Swedish
reason; assignments that nothing answers are the open ones (with their deadline, overdue or not).

Linking is by matter (heading and object words), by the assignment's deliverable and deadline
(a date, or a meeting named as the deadline), by date order and by which body gave what to whom: the model's pass
(:mod:`.link_pass`), then the rules for what it leaves out (:mod:`.link_rules`), then a body's own work on an
assignment put before its report back (:func:`.link_rules.work_steps`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from typing import TYPE_CHECKING

from .decisions import TABLED, THREAD_KINDS, Decision
from .link_pass import model_links
from .link_rules import rule_links, work_steps
from .linking import THRESHOLD, WEIGHTS, LinkContext
from .meeting import body_of, matches_body
from .pairs import Link, _day, due_of
from .register import RecordRegister
from .tabled import tabled_links

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase


@dataclass
class Thread:
    id: str  # the first decision's id
    matter: str
    decisions: list[Decision]  # in date order
    links: list[Link] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "matter": self.matter, "decisions": [d.as_dict() for d in self.decisions],
                "links": [link.as_dict() for link in self.links]}


@dataclass(frozen=True)
class OpenAssignment:
    decision: Decision
    due: str  # YYYY-MM-DD (or YYYY-MM), "" when none is given
    due_text: str  # as written: a date ("senast den …" and the day) or a meeting ("till nästa möte")
    overdue: bool

    def as_dict(self) -> dict[str, object]:
        return {**self.decision.as_dict(), "due": self.due, "due_text": self.due_text, "overdue": self.overdue,
                "status": "försenat" if self.overdue else "öppet"}


def link_decisions(decisions: Sequence[Decision], *, threshold: float = THRESHOLD,
                   weights: Sequence[float] = WEIGHTS) -> list[Link]:
    """Each decision linked to the earlier decisions (at other meetings) on the same matter that it
    answers, changes or takes up: the model's links, then the rules'. An assignment goes to its
    ``recipient`` as the register resolved it (:func:`.register.with_recipients`), else to the body its
    words name. A matter tabled to a later meeting (``bordlagd``) is linked after them (:mod:`.tabled`)."""
    steps = [d for d in decisions if d.kind != TABLED]
    ctx = LinkContext.of(steps)
    links = model_links(steps, ctx, threshold=threshold, weights=weights)
    links = work_steps(steps, links + rule_links(steps, links, ctx), ctx)
    return links + tabled_links(decisions, links, ctx)


def build_threads(decisions: Sequence[Decision], links: Sequence[Link] | None = None) -> list[Thread]:
    """Every thread of linked decisions (a decision on its own is a thread of one)."""
    links = link_decisions(decisions) if links is None else links
    parent = {d.id: d.id for d in decisions}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[root(link.later)] = root(link.earlier)
    groups: dict[str, list[Decision]] = {}
    for d in decisions:
        groups.setdefault(root(d.id), []).append(d)
    threads = []
    for members in groups.values():
        members.sort(key=lambda d: (d.date, d.doc_id, d.paragraph))
        ids = {d.id for d in members}
        own = [lk for lk in links if lk.later in ids]
        latest = members[-1]
        threads.append(Thread(members[0].id, latest.matter or members[0].matter, members, own))
    return threads


def thread_of(decisions: Sequence[Decision], decision_id: str) -> Thread | None:
    """The thread that holds ``decision_id`` (a prefix of it will do), or None."""
    for t in build_threads(decisions):
        if any(d.id == decision_id or (len(decision_id) >= 6 and d.id.startswith(decision_id)) for d in t.decisions):
            return t
    return None


def answered(decisions: Sequence[Decision], links: Sequence[Link]) -> set[str]:
    """The ids of the decisions a later step answers, changes or takes up. A tabling answers nothing:
    a matter put off to a later meeting is still open (the follow-up list and the answers' "öppet" say so)."""
    tabled = {d.id for d in decisions if d.kind == TABLED}
    return {lk.earlier for lk in links if lk.later not in tabled}


def open_assignments(decisions: Sequence[Decision], today: Date | None = None,
                     links: Sequence[Link] | None = None) -> list[OpenAssignment]:
    """Assignments no later decision answers, earliest deadline first (those without one last)."""
    today = today or Date.today()
    links = link_decisions(decisions) if links is None else links
    done = answered(decisions, links)
    out = []
    for d in decisions:
        if d.kind != "uppdrag" or d.id in done:
            continue
        due, due_text = due_of(d)
        day = _day(due) if due else None
        out.append(OpenAssignment(d, due, due_text, bool(day and day < today)))
    out.sort(key=lambda o: (o.due or "9999", o.decision.body, o.decision.date))
    return out


# -- library entry points ------------------------------------------------------------------------
def find_thread(kb: KnowledgeBase, decision_id: str, *, access: tuple[str, ...] | None = None) -> Thread | None:
    """Sync the register with ``kb`` and return the thread that holds ``decision_id`` among the
    decisions the reader may see (``access=None``: all)."""
    with RecordRegister.for_kb(kb) as reg:
        reg.sync(kb)
        decisions = reg.all_decisions(kinds=THREAD_KINDS, access=access)
    return thread_of(decisions, decision_id)


def find_open(kb: KnowledgeBase, *, body: str = "", access: tuple[str, ...] | None = None,
              today: Date | None = None) -> list[OpenAssignment]:
    """Assignments given (by or to ``body``, if named) that no later decision the reader may see answers."""
    with RecordRegister.for_kb(kb) as reg:
        reg.sync(kb)
        decisions = reg.all_decisions(access=access)
    return [o for o in open_assignments(decisions, today) if concerns(o, body)]


def concerns(task: OpenAssignment, body: str) -> bool:
    """Whether an open assignment was given by ``body`` or to it (as the register resolved the receiver);
    every assignment when no body is named. The CLI's, the Beslut tab's and the answers' follow-up lists
    all filter so (an assignment read outside the register: the body its words name)."""
    d = task.decision
    to = d.recipient or body_of(d.responsible)
    return matches_body(d.body, body) or bool(to and matches_body(to, body))
