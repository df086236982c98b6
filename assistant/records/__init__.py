"""Decisions and status as records: a register of beslut from minutes and traffic-light status
from lägesbedömningar, each traceable to the paragraph it came from."""

from .decisions import DECISION_KINDS, KINDS, TABLED, Decision, DocMeta, extract_decisions
from .pairs import Link
from .register import (
    RecordRegister,
    date_bound,
    decisions_json,
    find_decisions,
    status_overview,
)
from .status import (
    COLOURS,
    ActivityStatus,
    StatusReport,
    extract_report,
    parse_status,
    summarize,
)
from .threads import OpenAssignment, Thread, build_threads, find_open, find_thread, link_decisions, open_assignments

__all__ = [
    "COLOURS", "DECISION_KINDS", "KINDS", "TABLED", "ActivityStatus", "Decision", "DocMeta", "Link", "OpenAssignment",
    "RecordRegister", "StatusReport", "Thread", "build_threads", "find_open", "find_thread", "link_decisions",
    "open_assignments",
    "date_bound", "decisions_json", "extract_decisions", "extract_report", "find_decisions",
    "parse_status", "status_overview", "summarize",
]
