"""Accessibility checks for the browser tests: axe-core (bundled by axe-playwright-python, injected
into the page, nothing fetched) over the current page, and keyboard-only navigation helpers."""

from __future__ import annotations

from typing import Any

BLOCKING = ("serious", "critical")
# Violations that come from Gradio's own markup, which the app cannot change: (rule, CSS selector
# of the element, why). Empty: every serious or critical finding so far was fixed in our markup,
# theme or the page script (web/page.py). Add an entry only with the reason next to it.
GRADIO_EXCLUSIONS: tuple[tuple[str, str, str], ...] = ()

SETTLED = ("() => [...document.querySelectorAll('[data-testid=status-tracker]')]"
           ".every(e => e.classList.contains('hide') || e.offsetParent === null)")


def settle(page: Any, pause_ms: int = 300) -> None:
    """Wait until no component shows Gradio's progress tracker (every load and event is done)."""
    page.wait_for_timeout(pause_ms)
    page.wait_for_function(SETTLED, timeout=30_000)
    page.wait_for_timeout(pause_ms)


def blocking_violations(page: Any) -> list[str]:
    """Serious and critical axe-core violations on the page, one line per element."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"]}).response
    out = []
    for v in results["violations"]:
        if v["impact"] not in BLOCKING:
            continue
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if any(rule == v["id"] and sel == target for rule, sel, _ in GRADIO_EXCLUSIONS):
                continue
            out.append(f"{v['id']} ({v['impact']}): {target}: {v['help']} — {node['html'][:160]}")
    return out


def focused(page: Any) -> str:
    """A short description of the focused element (for messages)."""
    return page.evaluate("() => { const e = document.activeElement; return e ? "
                         "`${e.tagName} ${e.getAttribute('role') || ''} ${e.getAttribute('aria-label') || ''} "
                         "${(e.innerText || e.value || '').slice(0, 60)}` : '' }")


def tab_to(page: Any, locator: Any, limit: int = 150, key: str = "Tab") -> None:
    """Press Tab (or ``key``) until ``locator`` has the keyboard focus; fail after ``limit`` presses."""
    for _ in range(limit):
        if locator.evaluate("e => e === document.activeElement || e.contains(document.activeElement)"):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{locator} never got the focus with {key}; focus is on {focused(page)}")
