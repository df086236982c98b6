"""The first hour in a real headless Chromium: *Kom igång* opens first with cited statements about
how MSV KLL works and example questions that run in the chat; Beslut and Lägesbild, empty, say
what fills them and lead to Källor; Omvärldsbevakning gives the next scheduled run and, to those
allowed, *Kör bevakningen nu* (which runs the scan the schedule would make)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_check import settle
from browser_fixtures import FEED_SAMPLE, Tab
from playwright.sync_api import expect

from assistant.settings import Settings
from assistant.web.guide import EXAMPLES
from assistant.web.scan_now import ScanNow, next_run_text

pytestmark = pytest.mark.browser

STATEMENT = re.compile(r"\[\d+\]")


def test_kom_igang_shows_cited_statements_and_runs_an_example(tab: Tab, app_url: str) -> None:
    page = tab.page
    page.goto(app_url)
    expect(page.get_by_role("tab", name="Kom igång")).to_have_attribute("aria-selected", "true")
    guide = page.locator("#guide")
    expect(guide).to_contain_text("citerade påståenden")
    text = guide.inner_text()
    statements = [s for s in re.split(r"(?<=\])\s+|\n", text) if STATEMENT.search(s) and not s.startswith("[")]
    assert len(statements) >= 6, text
    assert int(re.search(r"(\d+) citerade påståenden", text).group(1)) >= 6  # type: ignore[union-attr]
    for body in ("GD-gruppen", "Styrgruppen", "Sekretariatet"):
        expect(guide.get_by_role("heading", name=body)).to_be_visible()
    expect(guide).to_contain_text("Förstudier för utveckling av samverkansplattform")  # the cited report
    buttons = page.locator("#guide-examples").get_by_role("button")
    assert [b.inner_text().strip() for b in buttons.all()] == list(EXAMPLES)

    question = EXAMPLES[2]
    page.get_by_role("button", name=question).click()
    expect(page.get_by_role("tab", name="Fråga")).to_have_attribute("aria-selected", "true")
    chat = page.locator("#chat")
    expect(chat).to_contain_text(question)
    expect(chat).to_contain_text("Källor:")
    expect(chat.locator("[data-testid='bot']").last).to_contain_text(STATEMENT)
    expect(page.locator("#cite").get_by_role("radio").first).to_be_visible()


def test_empty_decisions_and_status_lead_to_sources(tab: Tab, app_url: str) -> None:
    page = tab.page
    page.goto(app_url)
    page.get_by_role("tab", name="Beslut").click()
    decisions = page.locator("#decisions")
    expect(decisions).to_contain_text("Läs in protokoll och minnesanteckningar under Källor")
    for fmt in ("PDF", ".docx", ".pptx", "HTML", "Markdown", ".txt", ".eml"):
        expect(decisions).to_contain_text(fmt)
    page.locator("#decisions-to-sources").click()
    expect(page.get_by_role("tab", name="Källor")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("button", name="Välj filer och läs in")).to_be_visible()

    page.get_by_role("tab", name="Lägesbild").click()
    status = page.locator("#status")
    expect(status).to_contain_text("Så känns en lägesbedömning igen")
    expect(status).to_contain_text("Status: Gul")
    page.locator("#status-to-sources").click()
    expect(page.get_by_role("tab", name="Källor")).to_have_attribute("aria-selected", "true")


def test_digest_tab_gives_the_next_run_and_the_scan_button(tab: Tab, app_url: str) -> None:
    page = tab.page
    page.goto(app_url)
    page.get_by_role("tab", name="Omvärldsbevakning").click()
    settle(page)
    expect(page.locator("#digest-next")).to_contain_text(re.compile(r"Nästa schemalagda körning: \d{4}-\d\d-\d\d 06:00"))
    # The local operator may run it (not clicked here: the bundled sources are on the internet).
    expect(page.get_by_role("button", name="Kör bevakningen nu")).to_be_visible()


def test_scan_now_runs_the_configured_scan(static_server: tuple[str, Path], tmp_path: Path) -> None:
    base, root = static_server
    (root / "scan-now.xml").write_text(FEED_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(f"[[source]]\nid = 'nu'\nname = 'Nu'\nkind = 'rss'\nurl = '{base}/scan-now.xml'\n",
                       encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", scan_sources=sources, scan_ingest=False)
    runner = ScanNow.from_settings(None, settings)
    assert runner.start() == "Bevakningen körs …"
    outcome = runner.wait(120)
    assert re.fullmatch(r"Bevakningen är klar: 1 källa, \d+ nya nyheter, 0 ändrade, 0 fel\.", outcome), outcome
    assert int(re.search(r"(\d+) nya", outcome).group(1)) > 0  # type: ignore[union-attr]
    assert settings.scan_db.exists()
    # a second run finds nothing new; a bad contact address is named instead of scanning
    runner.start()
    assert "0 nya nyheter" in runner.wait(120)
    assert "MSV_SCAN_CONTACT" in ScanNow.from_settings(None, Settings(data_dir=tmp_path, scan_contact="å ä")).start()
    assert next_run_text(Settings(data_dir=tmp_path, scan_enabled=False)).startswith("Den schemalagda bevakningen är avstängd")
