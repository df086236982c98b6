"""A new participant's first minutes, in a real headless Chromium: the empty chat says what to do,
Gradio's progress line is Swedish, a long numbered decision list shows its numbers whole, a
working group the status reports do not know is answered with the groups they do, and the horizon
scan's buttons keep their labels on one line at 1280 px, and a source on the web opens at its own address."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from browser_fixtures import Tab
from playwright.sync_api import expect
from testkit import free_port

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

pytestmark = pytest.mark.browser

# Invented minutes (our own words): twelve paragraphs, each a decision, so the list reaches two digits.
TOPICS = ["mötesplan", "budget", "webbplats", "ordlista", "remissvar", "seminarium", "kursutbud",
          "statistik", "nyhetsbrev", "arkivering", "rekrytering", "utvärdering"]
# Long enough that a pick-list label must be shortened.
DECISION = "Styrgruppen beslutade att anta förslaget om {} och att återkomma med en uppföljning till hösten."
MINUTES = "# Protokoll styrgruppen 3 mars 2026\n\nDatum: 3 mars 2026\n\n" + "\n\n".join(
    f"## § {n} Fråga om {t}\n\n{DECISION.format(t)}" for n, t in enumerate(TOPICS, 1))
STATUS_REPORT = ("# Lägesbedömning arbetsgrupp Vägledning HT 2026\n\nRapportdatum: 2026-10-01\n\n"
                 "| Aktivitet | Status | Kommentar |\n|---|---|---|\n| Studiebesök hos regionerna | Gul | Två av fyra "
                 "besök är gjorda. |\n| Webbkurs för handledare | Grön | Lanserad i september. |\n")

# A web page as a source (the corpus format, as the bundled government pages), its address with characters Markdown would escape.
WEB_SOURCE = "https://www.example.se/nyheter/plan_for_samverkan-(2026)/#del_2"
WEB_PAGE = "# Plan för samverkan\n\nPlanen beskriver hur myndigheterna delar på kvartersstudier under hösten.\n"


@pytest.fixture(scope="module")
def minutes_demo(tmp_path_factory: pytest.TempPathFactory, browser_embedder: Embedder) -> Iterator[tuple[str, Any]]:
    """The app (its address and Blocks) over a knowledge base holding only the invented minutes,
    status report and web page."""
    from assistant.settings import Settings
    from assistant.web.app import build_app, launch
    from assistant.web.records_tabs import build_decisions_tab, build_status_tab

    data_dir = tmp_path_factory.mktemp("first-hour-data")
    docs = tmp_path_factory.mktemp("first-hour-docs")
    (docs / "2026-03-03_styrgrupp_protokoll.md").write_text(MINUTES, encoding="utf-8")
    (docs / "2026-10-01_lagesbedomning_vagledning_HT2026.md").write_text(STATUS_REPORT, encoding="utf-8")
    kb = KnowledgeBase(KbConfig(data_dir=data_dir), embedder=browser_embedder)
    (docs / "webb.jsonl").write_text(json.dumps({"url": WEB_SOURCE, "text": WEB_PAGE}) + "\n", encoding="utf-8")
    assert kb.ingest_all([docs]).added == 3
    demo = build_app(kb, Settings(llm_backend="none", data_dir=data_dir), [build_decisions_tab, build_status_tab])
    url = launch(demo, "127.0.0.1", free_port(), block=False)
    yield url, demo
    demo.close()
    kb.close()


@pytest.fixture(scope="module")
def minutes_app(minutes_demo: tuple[str, Any]) -> str:
    return minutes_demo[0]


def test_empty_chat_says_what_to_ask_and_how_answers_are_sourced(tab: Tab, app_url: str) -> None:
    page = tab.page
    page.goto(app_url)
    page.get_by_role("tab", name="Fråga", exact=True).click()
    chat = page.locator("#chat")
    expect(chat).to_contain_text("Ställ en fråga om MSV KLL")
    expect(chat).to_contain_text("källhänvisning")


def test_progress_line_is_swedish(tab: Tab, app_url: str) -> None:
    """Gradio writes its progress line as English text nodes and then rewrites them in place;
    both the first text and a later rewrite are shown in Swedish."""
    page = tab.page
    page.goto(app_url)
    expect(page.get_by_role("tab", name="Fråga", exact=True)).to_be_visible()  # Gradio's page is up
    page.evaluate("""() => {
        const d = document.createElement('div');
        d.className = 'progress-text meta-text'; d.id = 'probe';
        d.append(document.createTextNode('queue: 2/3 |'), document.createTextNode('1.4s'));
        document.body.append(d);
    }""")
    probe = page.locator("#probe")
    expect(probe).to_have_text("i kö: 2/3 |1.4s")
    page.evaluate("() => { document.querySelector('#probe').firstChild.nodeValue = 'processing |'; }")
    expect(probe).to_have_text("arbetar |1.4s")


def test_decision_numbers_fit_beside_the_list(tab: Tab, minutes_app: str) -> None:
    page = tab.page
    page.goto(minutes_app)
    page.get_by_role("tab", name="Beslut", exact=True).click()
    listing = page.locator("#decisions ol")
    expect(listing.locator("li")).to_have_count(len(TOPICS))
    room, needed = page.evaluate("""() => {
        const ol = document.querySelector('#decisions ol'), cs = getComputedStyle(ol);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = cs.font;
        return [parseFloat(cs.paddingLeft), ctx.measureText(ol.children.length + '. ').width];
    }""")
    assert room >= needed, f"the list leaves {room}px for markers {needed}px wide"


def test_unknown_working_group_names_the_groups_with_status_reports(tab: Tab, minutes_app: str) -> None:
    page = tab.page
    page.goto(minutes_app)
    page.get_by_role("tab", name="Lägesbild", exact=True).click()
    expect(page.locator("#status")).to_contain_text("Studiebesök hos regionerna")
    page.get_by_label("Arbetsgrupp (tomt = alla)").fill("ekonomi")
    page.locator("#status-show").click()
    expect(page.locator("#status")).to_contain_text("Inga lägesbedömningar från arbetsgruppen ”ekonomi”")
    expect(page.locator("#status")).to_contain_text("Grupper med lägesbedömningar: arbetsgrupp-vägledning")


@pytest.mark.parametrize("button", ["#scan-now", "#mark-relevant", "#mark-irrelevant"])
def test_digest_buttons_keep_their_label_on_one_line(tab: Tab, app_url: str, button: str) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(app_url)
    page.get_by_role("tab", name="Omvärldsbevakning", exact=True).click()
    expect(page.locator(button)).to_be_visible()
    lines = page.locator(button).evaluate("""b => {
        const r = document.createRange(); r.selectNodeContents(b);
        return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size;
    }""")
    assert lines == 1, f"{button}: the label takes {lines} lines"


def test_a_web_source_opens_at_its_own_address(tab: Tab, minutes_app: str) -> None:
    page = tab.page
    page.goto(minutes_app)
    page.get_by_role("tab", name="Sök", exact=True).click()
    page.get_by_label("Sökfråga").fill("kvartersstudier")
    page.locator("#search").click()
    results = page.locator("#results")
    expect(results).to_contain_text("Plan för samverkan")
    expect(results).to_contain_text(f"Källa: {WEB_SOURCE}")
    assert results.get_by_role("link").first.get_attribute("href") == WEB_SOURCE


def test_question_shows_in_the_chat_before_its_answer(tab: Tab, minutes_demo: tuple[str, Any]) -> None:
    """While the answer is held back (the store's lock taken here), the question is already in the
    chat and the box is empty; the answer follows once the lock is free."""
    url, demo = minutes_demo
    page = tab.page
    page.goto(url)
    page.get_by_role("tab", name="Fråga", exact=True).click()
    question = "Vad bestämdes om arkivering?"
    chat = page.locator("#chat")
    with demo.msv_state.lock:
        page.get_by_label("Din fråga").fill(question)
        page.locator("#ask").click()
        expect(chat.locator("[data-testid='user']")).to_contain_text(question, timeout=5_000)
        expect(page.get_by_label("Din fråga")).to_have_value("")
        expect(chat.locator("[data-testid='bot']")).to_have_count(0)
    expect(chat.locator("[data-testid='bot']").last).to_contain_text("arkivering")
    expect(chat.locator("[data-testid='user']")).to_have_count(1)


def test_decision_pick_list_labels_end_on_a_whole_word(tab: Tab, minutes_app: str) -> None:
    page = tab.page
    page.goto(minutes_app)
    page.get_by_role("tab", name="Beslut", exact=True).click()
    expect(page.locator("#decisions ol li")).to_have_count(len(TOPICS))
    page.locator("#decisions-pick input").click()
    options = page.get_by_role("option")
    expect(options).to_have_count(len(TOPICS))
    for label in options.all_inner_texts():
        text = label.strip().split(": ", 1)[1]
        assert text.endswith("…"), label
        words = text[:-1].split()
        topic = next(t for t in TOPICS if f" {t} " in f" {label} ")
        assert " ".join(words) == " ".join(DECISION.format(topic).split()[:len(words)]), label
