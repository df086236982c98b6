"""The *Beslut* and *Lägesbild* tabs: handlers, exports and that they join the app."""

from __future__ import annotations

import csv
import re

import docx

from assistant.access.policy import LOCAL_USER
from assistant.records import status_overview
from assistant.web.records_tabs import (
    DecisionsView,
    build_decisions_tab,
    build_status_tab,
    status_markdown,
)
from ingest.kb import KnowledgeBase


def _export_file(view: DecisionsView, links: str, name: str) -> str:
    """The file behind a download link, found as its maker (the local user) would get it."""
    token = re.search(r"msv/export/([^/]+)/" + re.escape(name), links).group(1)  # type: ignore[union-attr]
    found = view.exports.find(LOCAL_USER, token, name)
    assert found is not None
    return str(found[1])


def test_decisions_view_filters_and_exports(records_kb: KnowledgeBase) -> None:
    view = DecisionsView(records_kb, access=("alla",))
    md, _choices, links = view.search("", "gd-grupp", "2025-01-01", "")
    assert "beslut** nyast först" in md and view.shown and all(d.body == "gd-grupp" for d in view.shown)
    csv_path, docx_path = _export_file(view, links, "beslut.csv"), _export_file(view, links, "beslut.docx")
    with open(csv_path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:5] == ["Datum", "Organ", "Paragraf", "Typ", "Beslut"] and len(rows) == len(view.shown) + 1
    texts = "\n".join(p.text for p in docx.Document(docx_path).paragraphs)
    assert view.shown[0].text in texts
    passage = view.passage(view.shown[0].id)
    assert "Källa" in passage and view.shown[0].title in passage.replace("\\", "")


def test_a_sessions_pick_shows_its_passage_after_another_users_search(records_kb: KnowledgeBase) -> None:
    """The pick list is this session's (its page state); another session's search in between, for another
    body's decisions, does not empty the passage shown for it."""
    view = DecisionsView(records_kb, access=("alla",))
    *_, state = view.search_page("", "gd-grupp", "", "")
    mine = state["found"][0]
    view.search_page("", "beredningsgrupp", "", "")  # another session's search
    assert view.shown and mine.id not in {d.id for d in view.shown}
    passage = view.passage(mine.id, state)
    assert "Källa" in passage and mine.title in passage.replace("\\", "")


def test_decisions_view_bad_date(records_kb: KnowledgeBase) -> None:
    md, _, links = DecisionsView(records_kb).search("", "", "förra året", "")
    assert md.startswith("Fel datum") and links == ""


def test_status_markdown_uses_words(records_kb: KnowledgeBase) -> None:
    md = status_markdown(status_overview(records_kb, group="vägledning"))
    assert "1 gröna" in md and "1 gula" in md and "1 röda" in md
    assert "**Röd:** Gemensam vägledningsportal" in md and "Gul → Röd" in md


def test_tabs_join_the_app(records_kb: KnowledgeBase) -> None:
    from assistant.settings import Settings
    from assistant.web.app import build_app

    settings = Settings(data_dir=records_kb.config.data_dir)
    demo = build_app(records_kb, settings, extra_tabs=[build_decisions_tab, build_status_tab])
    labels = [getattr(b, "label", None) for b in demo.blocks.values()]
    assert "Beslut" in labels and "Lägesbild" in labels


def test_decisions_view_thread_timeline_and_open_tasks(records_kb: KnowledgeBase) -> None:
    view = DecisionsView(records_kb, access=("alla",))
    view.search("bevakning av regleringsbrev", "", "", "")
    task = next(d for d in view.shown if d.kind == "uppdrag" and "regleringsbrev" in d.text)
    md = view.thread(task.id)
    items = [ln for ln in md.splitlines() if ln.startswith("- **")]
    assert [ln.split("**")[1] for ln in items] == ["2026-03-04 – styrgrupp", "2026-04-15 – beredningsgrupp",
                                                   "2026-10-08 – styrgrupp"]
    assert "*Återrapport:*" in md and "*Besvarar uppdraget:*" in md and "Källa:" in md  # both answer the assignment
    tasks = view.open_tasks("styrgrupp", "2026-11-29")
    assert "öppna uppdrag**" in tasks and "**försenat**" in tasks and "slutrapporter" in tasks
    assert "regleringsbrev" not in tasks  # answered by the preparatory group's report
    assert view.open_tasks("", "i morgon").startswith("Fel datum")


def test_empty_states_guide(records_kb: KnowledgeBase) -> None:
    """A filter that matches nothing says so; a register or status overview with nothing in it
    says what fills it and where (Källor), with the formats read."""
    from assistant.web.records_tabs import DECISIONS_EMPTY, STATUS_EMPTY

    md, _, links = DecisionsView(records_kb, access=("alla",)).search("", "gd-grupp", "2099-01-01", "")
    assert md == "Inga beslut matchar urvalet." and links == ""
    md, _, _ = DecisionsView(records_kb, access=("ingen-sådan-grupp",)).search("", "", "", "")
    assert md == DECISIONS_EMPTY and "Läs in protokoll och minnesanteckningar under Källor" in md
    assert all(f in md for f in ("PDF", ".docx", ".pptx", "HTML", "Markdown", ".txt", ".eml"))
    assert status_markdown({"reports": [], "summary": []}) == STATUS_EMPTY
    assert "Så känns en lägesbedömning igen" in STATUS_EMPTY and "Status:" in STATUS_EMPTY


def test_open_tasks_list_an_assignment_under_the_body_it_was_given_to(records_kb: KnowledgeBase) -> None:
    """The tab's follow-up list filters as `msv decisions --open --body` does: by the giving body or the
    receiving one (as the register resolved it), so a group sees what it owes."""
    from datetime import date as Date

    from assistant.records.threads import find_open

    given = [o for o in find_open(records_kb, access=("alla",), today=Date(2026, 11, 29))
             if o.decision.recipient and o.decision.recipient != o.decision.body]
    assert given, "the sample minutes hold an open assignment one body gives another"
    task = given[0].decision
    view = DecisionsView(records_kb, access=("alla",))
    to_receiver = view.open_tasks(task.recipient, "2026-11-29")
    assert esc_free(task.text)[:40] in esc_free(to_receiver)
    others = {"styrgrupp", "gd-grupp", "beredningsgrupp"} - {task.body, task.recipient}
    for other in others:
        assert esc_free(task.text)[:40] not in esc_free(view.open_tasks(other, "2026-11-29"))


def esc_free(text: str) -> str:
    """Markdown escapes removed, so a decision's text can be looked for in the rendered list."""
    return text.replace("\\", "")
