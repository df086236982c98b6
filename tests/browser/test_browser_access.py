"""Access control in a real headless Chromium, against a second app instance with a users file:
the sign-in page refuses a wrong password; a steering-group member finds and is answered from a
restricted document; a working-group member sees no trace of it in search, answers, citations or
the Källor list; a title that is an XSS payload stays inert; nothing leaves 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from access_fixtures import (
    MARKER,
    PASSWORD,
    SECRET_FILE,
    SECRET_HIDDEN,
    SECRET_TITLE,
    USER_A,
    USER_B,
    WRONG_PASSWORD,
    XSS_FILE,
    XSS_TITLE,
    XSS_WORD,
    AccessApp,
    access_app,  # noqa: F401  (fixture)
)
from browser_fixtures import Tab, open_tab
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUESTION = f"Vad beslutade styrgruppen om satsningen {MARKER}?"
ON_ATTRS = ("() => [...document.querySelectorAll('*')]"
            ".filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).map(e => e.outerHTML.slice(0, 200))")


@pytest.fixture
def tab_b(browser) -> Iterator[Tab]:  # type: ignore[no-untyped-def]
    """A second, independent browser context (its own cookies) for the other user."""
    with open_tab(browser) as t:
        yield t


def sign_in(tab: Tab, url: str, user: str, password: str = PASSWORD) -> None:
    page = tab.page
    page.goto(url)
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    page.get_by_label("Användarnamn").fill(user)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="MSV Kunskapsbas", level=1)).to_be_visible()
    expect(page.locator("#who")).to_contain_text(f"Inloggad som {user}")


def search(tab: Tab, query: str) -> str:
    page = tab.page
    page.get_by_role("tab", name="Sök").click()
    page.get_by_label("Sökfråga").fill(query)
    page.get_by_role("button", name="Sök", exact=True).click()
    results = page.locator("#results")
    expect(results).to_contain_text(re.compile(r"träffar"))
    return results.inner_text()


def ask(tab: Tab, question: str) -> str:
    page = tab.page
    page.get_by_role("tab", name="Fråga").click()
    page.get_by_label("Din fråga").fill(question)
    page.get_by_role("button", name="Fråga", exact=True).click()
    chat = page.locator("#chat")
    expect(chat).to_contain_text(question)
    bot = chat.locator("[data-testid='bot']")
    expect(bot.last).to_contain_text(re.compile(r"\S"))
    return chat.inner_text()


def documents(tab: Tab) -> str:
    page = tab.page
    page.get_by_role("tab", name="Källor").click()
    table = page.locator("#documents")
    expect(table).to_contain_text("oppen-samverkan")  # loaded: a public document is listed
    return table.inner_text()


def test_sign_in_page_refuses_wrong_password(tab: Tab, access_app: AccessApp) -> None:  # noqa: F811
    page = tab.page
    page.goto(access_app.url)
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    expect(page.get_by_label("Lösenord")).to_have_attribute("type", "password")
    # Nothing of the app before sign-in.
    assert page.get_by_role("heading", name="MSV Kunskapsbas", level=1).count() == 0
    assert page.locator("#results, #chat, #documents").count() == 0

    page.get_by_label("Användarnamn").fill(USER_A)
    page.get_by_label("Lösenord").fill(WRONG_PASSWORD)
    with page.expect_response(lambda r: urlpath(r.url) == "/login") as resp:
        page.get_by_role("button", name="Logga in").click()
    assert resp.value.status >= 400, resp.value.status
    expect(page.get_by_text("Felaktiga inloggningsuppgifter")).to_be_visible()
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    assert page.get_by_role("heading", name="MSV Kunskapsbas", level=1).count() == 0
    assert page.locator("#results, #chat, #documents").count() == 0
    # An unknown user is refused the same way.
    assert page.request.post(access_app.url.rstrip("/") + "/login",
                             form={"username": "ingen", "password": PASSWORD}).status >= 400
    # The API refuses an unsigned request too.
    assert page.request.get(access_app.url.rstrip("/") + "/config").status in (401, 403)

    # The right password gets in.
    page.get_by_label("Användarnamn").fill(USER_A)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="MSV Kunskapsbas", level=1)).to_be_visible()
    expect(page.locator("#who")).to_contain_text(f"Inloggad som {USER_A}")


def urlpath(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path.rstrip("/") or "/"


def test_restricted_document_visible_to_member_only(tab: Tab, tab_b: Tab, access_app: AccessApp) -> None:  # noqa: F811
    # A (styrgrupp) finds it in Sök, gets an answer citing it in Fråga, and sees it in Källor.
    sign_in(tab, access_app.url, USER_A)
    found = search(tab, MARKER)
    assert SECRET_TITLE in found and "GU-5521" in found, found
    chat = ask(tab, QUESTION)
    assert "7,3 miljoner kronor" in chat, chat
    assert SECRET_TITLE in chat, chat  # in the Källor list under the answer
    cites = tab.page.locator("#cite label")
    expect(cites.filter(has_text=SECRET_TITLE).first).to_be_visible()
    cites.filter(has_text=SECRET_TITLE).first.click()
    passage = tab.page.locator("#passage")
    expect(passage).to_contain_text(SECRET_FILE)
    expect(passage).to_contain_text(MARKER)
    listed = documents(tab)
    assert SECRET_TITLE in listed and access_app.secret_id in listed, listed

    # B (arbetsgrupp-x), in a separate browser context, does the same and sees no trace of it.
    sign_in(tab_b, access_app.url, USER_B)
    expect(tab_b.page.locator("#who")).not_to_contain_text("styrgrupp")
    found = search(tab_b, MARKER)
    assert "oppen-" in found, found  # B gets the public documents, nothing else
    agencies = dropdown_options(tab_b, "Myndighet")
    assert "MYH" in agencies and not any("Tjäderverket" in a for a in agencies), agencies
    chat = ask(tab_b, QUESTION)
    assert tab_b.page.locator("#cite label").filter(has_text=SECRET_TITLE).count() == 0
    cite_labels = tab_b.page.locator("#cite label").all_inner_texts()
    for label in cite_labels:  # every citation B can open is a public document
        tab_b.page.locator("#cite label").filter(has_text=label).first.click()
        expect(tab_b.page.locator("#passage")).to_contain_text(label.split("] ", 1)[1].split(" — ")[0])
        assert_no_trace(tab_b.page.locator("#passage").inner_text(), access_app, "the cited passage")
    listed = documents(tab_b)
    removable = dropdown_options(tab_b, "Dokument att ta bort")
    assert removable and all("oppen-" in o for o in removable), removable

    # The marker itself may only echo B's own query, never come back from the document.
    assert_no_trace(strip_echo(found, MARKER), access_app, "Sök")
    assert_no_trace(strip_echo(chat, QUESTION), access_app, "Fråga")
    assert_no_trace(listed, access_app, "Källor")
    assert MARKER.lower() not in strip_echo(found, MARKER).lower(), found
    assert MARKER.lower() not in strip_echo(chat, QUESTION).lower(), chat
    assert MARKER.lower() not in listed.lower(), listed
    # Nor anywhere in the page's text or markup (tabs B never opened included).
    for tab_name in ("PM-utkast", "Sök", "Fråga"):
        tab_b.page.get_by_role("tab", name=tab_name).click()
    assert_no_trace(tab_b.page.content(), access_app, "the page markup")
    assert_no_trace(tab_b.page.locator("body").inner_text(), access_app, "the page text")


def dropdown_options(tab: Tab, label: str) -> list[str]:
    """The options a dropdown offers (opened, read, closed again)."""
    page = tab.page
    page.get_by_label(label).click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    texts = [t.strip() for t in options.all_inner_texts()]
    page.keyboard.press("Escape")
    return [t for t in texts if t]


def strip_echo(text: str, query: str) -> str:
    """The text without the user's own query echoed back (chat bubble, heading, "Tolkad som")."""
    return text.replace(query, "")


def assert_no_trace(text: str, app: AccessApp, where: str) -> None:
    for needle in (*SECRET_HIDDEN, SECRET_TITLE, SECRET_FILE, app.secret_id, XSS_FILE, app.xss_id, XSS_WORD,
                   "onerror"):
        assert needle.lower() not in text.lower(), f"{needle!r} leaked to {USER_B} in {where}: {text[:2000]}"


def test_xss_title_is_inert(tab: Tab, access_app: AccessApp) -> None:  # noqa: F811
    page = tab.page
    sign_in(tab, access_app.url, USER_A)
    found = search(tab, XSS_WORD)
    assert XSS_TITLE in found, found  # shown as text
    results = page.locator("#results")
    expect(results.get_by_role("heading").filter(has_text=XSS_TITLE).first).to_be_visible()
    assert_inert(tab, results)

    chat = ask(tab, f"Vad är {XSS_WORD}?")
    assert XSS_TITLE in chat, chat
    assert_inert(tab, page.locator("#chat"))
    label = page.locator("#cite label").filter(has_text=XSS_TITLE).first
    expect(label).to_be_visible()
    label.click()
    passage = page.locator("#passage")
    expect(passage.get_by_role("heading").filter(has_text=XSS_TITLE)).to_be_visible()
    assert_inert(tab, passage)
    assert_inert(tab, page.locator("#cite"))

    assert XSS_TITLE in documents(tab)
    assert_inert(tab, page.locator("#documents"))
    page.get_by_label("Dokument att ta bort").click()
    expect(page.get_by_role("option").filter(has_text=XSS_TITLE).first).to_be_visible()
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)  # give an injected handler every chance to fire
    assert_inert(tab, page.locator("body"))


def assert_inert(tab: Tab, scope) -> None:  # type: ignore[no-untyped-def]
    """Hostile markup shows as text and creates no elements, attributes or dialogs."""
    expect(scope.get_by_text(XSS_TITLE, exact=False).first).to_be_attached()
    assert scope.locator("img[src='x'], img[src$='/x'], iframe, object, embed").count() == 0, \
        scope.inner_html()[:2000]
    # Gradio's own bootstrap script sits in <body>; no script carries the payload.
    assert not [s for s in scope.locator("script").all_inner_texts() if "alert(" in s]
    assert tab.page.evaluate(ON_ATTRS) == []
    assert not tab.dialogs, tab.dialogs


def test_all_requests_stay_on_loopback(tab: Tab, access_app: AccessApp) -> None:  # noqa: F811
    page = tab.page
    sign_in(tab, access_app.url, USER_A)
    for name in ("Sök", "PM-utkast", "Källor", "Fråga"):
        page.get_by_role("tab", name=name).click()
        page.wait_for_timeout(200)
    search(tab, MARKER)
    page.wait_for_timeout(1000)  # Gradio keeps its event stream open, so never "networkidle"
    base = access_app.url.rstrip("/")
    assert tab.requests and all(u.startswith(base) or u.startswith(("data:", "blob:")) for u in tab.requests), \
        tab.foreign_requests()
    assert access_app.url.startswith("http://127.0.0.1:")


def test_memo_download_is_its_makers_own(tab: Tab, tab_b: Tab, access_app: AccessApp, tmp_path) -> None:  # noqa: F811
    """A's memo export downloads for A; B, signed in elsewhere, gets nothing from the same URL
    (the side door of the adversarial pass: Gradio's shared cache served it to every user)."""
    page = tab.page
    sign_in(tab, access_app.url, USER_A)
    page.get_by_role("tab", name="PM-utkast").click()
    page.get_by_label("Ämne för PM:et").fill(f"satsningen {MARKER}")
    page.get_by_role("button", name="Skriv utkast").click()
    expect(page.locator("#memo")).to_contain_text("7,3 miljoner kronor")
    link = page.locator("#memo-downloads a[href$='.md']")
    href = link.evaluate("a => a.href")
    assert "/msv/export/" in href
    with page.expect_download() as dl:
        link.click()
    saved = tmp_path / "pm.md"
    dl.value.save_as(saved)
    assert "7,3 miljoner kronor" in saved.read_text(encoding="utf-8")

    sign_in(tab_b, access_app.url, USER_B)
    response = tab_b.page.goto(href)
    assert response is not None and response.status == 404
    assert_no_trace(tab_b.page.content(), access_app, "A's download URL")
    assert tab_b.page.request.get(href).status == 404


def test_cited_file_opens_for_its_readers_only(tab: Tab, tab_b: Tab, access_app: AccessApp, tmp_path) -> None:  # noqa: F811
    """A opens the cited document's own file from the citation's link; B, signed in elsewhere, gets
    a 404 from the same link, and a path instead of a document id serves nothing."""
    page = tab.page
    sign_in(tab, access_app.url, USER_A)
    ask(tab, QUESTION)
    page.locator("#cite label").filter(has_text=SECRET_TITLE).first.click()
    link = page.locator("#passage a", has_text=SECRET_FILE)
    expect(link).to_be_visible()
    href = link.evaluate("a => a.href")
    assert "/msv/kalla/" in href and "/tmp/" not in page.locator("#passage").inner_text()
    with page.expect_download() as dl:
        link.click()
    saved = tmp_path / SECRET_FILE
    dl.value.save_as(saved)
    assert "7,3 miljoner kronor" in saved.read_text(encoding="utf-8")
    response = page.request.get(href)
    assert response.headers["content-security-policy"] == "sandbox"
    assert response.headers["x-content-type-options"] == "nosniff"

    base = access_app.url.rstrip("/")
    for probe in ("/msv/kalla/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/msv/kalla/%2Fetc%2Fpasswd",
                  f"/msv/kalla/{(access_app.data_dir / 'users.toml').as_posix()}", "/msv/kalla/"):
        assert page.request.get(base + probe).status == 404, probe

    sign_in(tab_b, access_app.url, USER_B)
    response = tab_b.page.request.get(href)
    assert response.status == 404
    assert_no_trace(response.text(), access_app, "A's source link")
    # A document B may read opens from B's own search result the same way.
    search(tab_b, "validering av reell kompetens")
    own = tab_b.page.locator("#results a", has_text="oppen-validering.txt").first
    expect(own).to_be_visible()
    public = tab_b.page.request.get(own.evaluate("a => a.href"))
    assert public.status == 200 and "erkända" in public.text()


def test_sources_list_links_each_readers_files_and_no_server_path(tab: Tab, tab_b: Tab, access_app: AccessApp,  # noqa: F811
                                                                  tmp_path) -> None:
    """Källor names a file source and links it to the access-checked route, for each reader only
    the files they may open; the folder the files were read from is in no one's page."""
    folder = str(access_app.data_dir.parent)
    sign_in(tab, access_app.url, USER_A)
    documents(tab)
    table = tab.page.locator("#documents")
    link = table.locator("a:visible", has_text=SECRET_FILE)  # the table also keeps a hidden copy of its rows
    expect(link).to_be_visible()
    assert link.evaluate("a => a.href").endswith(f"/msv/kalla/{access_app.secret_id}")
    with tab.page.expect_download() as dl:
        link.click()
    saved = tmp_path / SECRET_FILE
    dl.value.save_as(saved)
    assert "7,3 miljoner kronor" in saved.read_text(encoding="utf-8")
    assert folder not in tab.page.content()

    sign_in(tab_b, access_app.url, USER_B)
    listed = documents(tab_b)
    names = set(tab_b.page.locator("#documents a:visible").all_inner_texts())
    assert names == {"oppen-samverkan.txt", "oppen-validering.txt"}, names
    assert folder not in tab_b.page.content() and folder not in listed
    assert_no_trace(listed, access_app, "Källor")
