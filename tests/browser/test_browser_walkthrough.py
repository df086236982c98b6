"""What a walk through the app found, in a real headless Chromium: Källor names and links a file
source instead of showing its server path; Beslut shows a long register a page at a time while its
filters search all of it; the chat's label keeps off the messages; a status is a CSS dot beside its
word, not an emoji that needs a font the server may lack."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_fixtures import Tab
from playwright.sync_api import expect
from testkit import free_port

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase

pytestmark = pytest.mark.browser

# Invented minutes (our own words): the steering group's are newer and fill more than a page on their
# own; the preparatory group's older ones lie beyond the first page unless the list is filtered.
STEERING, PREPARATORY = 55, 20
ITEMS = ["lokaler", "tidplan", "budget", "webbplats", "ordlista", "seminarier", "statistik", "nyhetsbrev", "arkiv",
         "rekrytering", "utvärdering", "kursutbud", "remisser", "enkäter", "mötesformer"]


def minutes(title: str, day: str, body: str, count: int) -> str:
    paragraphs = (f"## § {n} Fråga om {ITEMS[n % len(ITEMS)]} {n}\n\n{body} beslutade att anta förslag {n} om "
                  f"{ITEMS[n % len(ITEMS)]} och att följa upp det." for n in range(1, count + 1))
    return f"# {title}\n\nDatum: {day}\n\n" + "\n\n".join(paragraphs)


STATUS_REPORT = ("# Lägesbedömning arbetsgrupp Vägledning HT 2026\n\nRapportdatum: 2026-10-01\n\n"
                 "| Aktivitet | Status | Kommentar |\n|---|---|---|\n"
                 "| Studiebesök hos regionerna | Gul | Två av fyra besök är gjorda. |\n"
                 "| Webbkurs för handledare | Grön | Lanserad i september. |\n"
                 "| Gemensam kalender | Röd | Ingen har tagit på sig ansvaret. |\n")
RECORD = {"title": "Anteckning utan adress", "text": "# Anteckning utan adress\n\nEn post ur en JSONL-fil utan webbadress."}
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory, browser_embedder: Embedder) -> Iterator[tuple[str, Path]]:
    """The app's address and the folder its documents were read from."""
    from assistant.settings import Settings
    from assistant.web.app import build_app, launch
    from assistant.web.records_tabs import build_decisions_tab, build_status_tab

    data_dir = tmp_path_factory.mktemp("walk-data")
    docs = tmp_path_factory.mktemp("walk-docs")
    (docs / "2026-05-06_styrgrupp_protokoll.md").write_text(
        minutes("Protokoll styrgruppen 6 maj 2026", "6 maj 2026", "Styrgruppen", STEERING), encoding="utf-8")
    (docs / "2025-02-04_beredningsgrupp_minnesanteckningar.md").write_text(
        minutes("Minnesanteckningar beredningsgruppen 4 februari 2025", "4 februari 2025", "Beredningsgruppen", PREPARATORY),
        encoding="utf-8")
    (docs / "2026-10-01_lagesbedomning_vagledning_HT2026.md").write_text(STATUS_REPORT, encoding="utf-8")
    (docs / "poster.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    kb = KnowledgeBase(KbConfig(data_dir=data_dir), embedder=browser_embedder)
    assert kb.ingest_all([docs]).added == 4
    demo = build_app(kb, Settings(llm_backend="none", data_dir=data_dir), [build_decisions_tab, build_status_tab])
    url = launch(demo, "127.0.0.1", free_port(), block=False)
    yield url, docs
    demo.close()
    kb.close()


def test_sources_name_and_link_files_and_show_no_server_path(tab: Tab, walk: tuple[str, Path], tmp_path: Path) -> None:
    url, docs = walk
    page = tab.page
    page.goto(url)
    page.get_by_role("tab", name="Källor", exact=True).click()
    table = page.locator("#documents")
    expect(table).to_contain_text("2026-05-06_styrgrupp_protokoll.md")
    expect(table).to_contain_text("poster.jsonl")  # a record without an address: the file's name, no link
    assert str(docs) not in table.inner_text() and str(docs) not in page.content()
    assert table.locator("a", has_text="poster.jsonl").count() == 0
    link = table.locator("a:visible", has_text="2026-05-06_styrgrupp_protokoll.md")
    expect(link).to_be_visible()
    assert re.search(r"/msv/kalla/[^/]+$", link.evaluate("a => a.href"))
    with page.expect_download() as dl:
        link.click()
    saved = tmp_path / "protokoll.md"
    dl.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").startswith("# Protokoll styrgruppen 6 maj 2026")


def test_decisions_come_a_page_at_a_time_and_filters_search_them_all(tab: Tab, walk: tuple[str, Path]) -> None:
    url, _ = walk
    total = STEERING + PREPARATORY
    page = tab.page
    page.goto(url)
    page.get_by_role("tab", name="Beslut", exact=True).click()
    listing, more = page.locator("#decisions"), page.locator("#decisions-more")
    expect(listing).to_contain_text(f"{total} beslut nyast först. Visar 1–50 av {total}.")
    expect(listing.locator("ol > li")).to_have_count(50)
    assert "Beredningsgruppen" not in listing.inner_text()  # the older minutes are beyond the first page
    expect(more).to_have_text(f"Visa fler ({total - 50} till)")
    more.click()
    expect(listing.locator("ol > li")).to_have_count(total)
    expect(listing).to_contain_text(f"Visar 1–{total} av {total}.")
    expect(more).to_be_hidden()
    page.locator("#decisions-pick input").click()
    expect(page.get_by_role("option")).to_have_count(total)  # the pick list follows the list
    page.keyboard.press("Escape")

    # A filter searches the whole register, not the page shown.
    page.locator("#decisions-body input").click()
    page.get_by_role("option", name="Beredningsgruppen", exact=True).click()
    page.locator("#decisions-search").click()
    expect(listing).to_contain_text(f"{PREPARATORY} beslut nyast först.")
    expect(listing.locator("ol > li")).to_have_count(PREPARATORY)
    assert "Visar" not in listing.inner_text()
    expect(more).to_be_hidden()
    page.get_by_label("Ord att söka efter").fill("budget")
    page.locator("#decisions-search").click()
    expect(listing).to_contain_text("efter relevans.")
    assert all("beredningsgrupp" in t for t in listing.locator("ol > li").all_inner_texts())


def test_chat_label_keeps_off_the_messages(tab: Tab, walk: tuple[str, Path]) -> None:
    url, _ = walk
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    page.get_by_role("tab", name="Fråga", exact=True).click()
    chat = page.locator("#chat")
    for n, question in enumerate(("Vad beslutade styrgruppen om lokaler?", "Vad beslutade beredningsgruppen om arkiv?",
                                  "Vad beslutade styrgruppen om budget?"), 1):
        page.get_by_label("Din fråga").fill(question)
        page.locator("#ask").click()
        expect(chat.locator("[data-testid='bot']")).to_have_count(n, timeout=60_000)
    log = chat.locator("[role='log']")
    assert log.evaluate("e => e.scrollHeight > e.clientHeight"), "three answers should scroll"
    log.evaluate("e => { e.scrollTop = 150; }")
    label = chat.locator("[data-testid='block-label']")
    expect(label).to_have_text(re.compile("Samtal"))
    lab, box = label.bounding_box(), log.bounding_box()
    assert lab is not None and box is not None
    assert lab["y"] + lab["height"] <= box["y"] + 1, f"the label {lab} lies over the messages {box}"


def test_status_is_a_css_dot_beside_its_word(tab: Tab, walk: tuple[str, Path]) -> None:
    url, _ = walk
    page = tab.page
    page.goto(url)
    page.get_by_role("tab", name="Lägesbild", exact=True).click()
    status = page.locator("#status")
    expect(status).to_contain_text("1 gröna · ")
    expect(status).to_contain_text("Röd: Gemensam kalender")
    assert not EMOJI.search(status.inner_text()), status.inner_text()
    colours: dict[str, set[str]] = {}
    for name in ("gron", "gul", "rod"):
        dots = status.locator(f".status-dot.status-{name}")
        expect(dots.first).to_be_visible()
        colours[name] = {d.evaluate("e => getComputedStyle(e).backgroundColor") for d in dots.all()}
        size = dots.first.bounding_box()
        assert size is not None and size["width"] >= 8 and size["height"] >= 8, size
    assert all(len(c) == 1 for c in colours.values()) and len(set().union(*colours.values())) == 3, colours


def test_each_tab_is_in_the_tab_bar_once_after_choosing_the_last(tab: Tab, walk: tuple[str, Path]) -> None:
    """A component placed directly in gr.Tabs (not in a tab) shows as a second copy of the last tab once
    a tab is chosen; the Beslut tab's hidden API button once did."""
    url, _ = walk
    page = tab.page
    page.goto(url)
    page.get_by_role("tab", name="Lägesbild", exact=True).click()
    expect(page.locator("#status")).to_contain_text("Röd: Gemensam kalender")
    names = page.get_by_role("tab").all_inner_texts()
    assert names.count("Lägesbild") == 1 and len(names) == len(set(names)), names
