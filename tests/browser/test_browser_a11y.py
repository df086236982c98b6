"""Accessibility, measured in a real headless Chromium: axe-core finds no serious or critical
violation on any tab, signed in and not (the sign-in page too); the page declares Swedish and
every control has a Swedish name; and a keyboard-only path signs in, asks a question, opens a
citation, exports a memo and signs out without the mouse."""

from __future__ import annotations

import re

import pytest
from access_fixtures import PASSWORD, USER_A, AccessApp, access_app  # noqa: F401  (fixture)
from axe_check import blocking_violations, settle, tab_to
from browser_fixtures import Tab
from playwright.sync_api import expect

from assistant.web.page import SWEDISH_LABELS, SWEDISH_PREFIXES

pytestmark = pytest.mark.browser

LOCAL_TABS = ["Kom igång", "Fråga", "Sök", "PM-utkast", "Källor", "Omvärldsbevakning", "Beslut", "Lägesbild"]
SIGNED_IN_TABS = ["Kom igång", "Fråga", "Sök", "PM-utkast", "Källor"]
ENGLISH = tuple(SWEDISH_LABELS) + tuple(SWEDISH_PREFIXES) + ("Copy", "Clear", "Upload", "Drop", "Click", "Loading")
NAMES = ("() => [...document.querySelectorAll('[aria-label],[title],[placeholder]')]"
         ".flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean))")


def check_page(tab: Tab, where: str) -> list[str]:
    """The page's blocking violations and English control names, each line prefixed with ``where``."""
    page = tab.page
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "sv", where
    found = [f"{where}: {v}" for v in blocking_violations(page)]
    english = [n for n in page.evaluate(NAMES) if n.startswith(ENGLISH) or n.startswith("common.")]
    found += [f"{where}: engelskt namn {n!r}" for n in english]
    return found


def visit_tabs(tab: Tab, names: list[str]) -> list[str]:
    page = tab.page
    found: list[str] = []
    shown = [t.inner_text().strip() for t in page.get_by_role("tab").all()]
    assert shown == names, shown  # every tab is checked, and the first is Kom igång
    for name in names:
        page.get_by_role("tab", name=name, exact=True).click()
        found += check_page(tab, name)
    return found


def test_axe_on_every_tab_in_local_mode(tab: Tab, app_url: str) -> None:
    page = tab.page
    page.goto(app_url)
    expect(page.locator("#guide")).to_contain_text("citerade påståenden")
    found = visit_tabs(tab, LOCAL_TABS)
    # after an answer, the chat and its citations too
    page.get_by_role("tab", name="Fråga", exact=True).click()
    page.get_by_label("Din fråga").fill("Vad gör sekretariatet?")
    page.get_by_role("button", name="Fråga", exact=True).click()
    expect(page.locator("#chat")).to_contain_text("Källor:")
    page.locator("#cite").get_by_role("radio").first.check()
    expect(page.locator("#passage")).to_contain_text("Avsnitt:")
    found += check_page(tab, "Fråga med svar")
    assert not found, "\n".join(found)


def test_axe_signed_out_and_signed_in(tab: Tab, access_app: AccessApp) -> None:  # noqa: F811
    page = tab.page
    page.goto(access_app.url)
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    found = check_page(tab, "inloggning")
    page.get_by_label("Användarnamn").fill(USER_A)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("#who")).to_contain_text(f"Inloggad som {USER_A}")
    found += visit_tabs(tab, SIGNED_IN_TABS)
    assert not found, "\n".join(found)


def test_keyboard_only_question_citation_memo_and_sign_out(tab: Tab, access_app: AccessApp) -> None:  # noqa: F811
    page, keys = tab.page, tab.page.keyboard
    page.goto(access_app.url)
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    tab_to(page, page.get_by_label("Användarnamn"))
    keys.type(USER_A)
    tab_to(page, page.get_by_label("Lösenord"))
    keys.type(PASSWORD)
    keys.press("Enter")
    expect(page.locator("#who")).to_contain_text(f"Inloggad som {USER_A}")
    settle(page)

    # a question, in the chat tab
    tab_to(page, page.get_by_role("tab", name="Fråga", exact=True))
    keys.press("Enter")
    tab_to(page, page.get_by_label("Din fråga"))
    keys.type("Vad gör beredningsgruppen?")
    keys.press("Enter")
    expect(page.locator("#chat")).to_contain_text(re.compile(r"\[1\]|Det framgår inte"))
    settle(page)

    # a citation, opened from its radio button
    radio = page.locator("#cite").get_by_role("radio").first
    tab_to(page, radio)
    keys.press("Space")
    expect(page.locator("#passage").get_by_role("heading", name=re.compile(r"^\[\d+\] "))).to_be_visible()

    # a memo, drafted and downloaded
    tab_to(page, page.get_by_role("tab", name="PM-utkast", exact=True))
    keys.press("Enter")
    tab_to(page, page.get_by_label("Ämne för PM:et"))
    keys.type("samverkan mellan myndigheterna")
    keys.press("Enter")
    link = page.locator("#memo-downloads").get_by_role("link", name="Ladda ner Word (.docx)")
    expect(link).to_be_visible()
    tab_to(page, link)
    with page.expect_download() as download:
        keys.press("Enter")
    assert download.value.suggested_filename.endswith(".docx")

    # and out
    tab_to(page, page.locator("#who").get_by_role("link", name="Logga ut"))
    keys.press("Enter")
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    assert page.locator("#chat").count() == 0
