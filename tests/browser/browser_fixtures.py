"""Constants and helpers of the browser tests (a uniquely named module, not conftest, so test
files can import it without clashing with the other suites' conftest modules)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
SHARED = next((p for p in (Path(os.environ.get("MSV_SHARED_DIR") or ROOT.parent / "shared"), Path("/work/shared"))
               if p.exists()), ROOT.parent / "shared")
FEED_SAMPLE = SHARED / "feeds" / "regeringen-regeringsuppdrag-udep-rss-sample.xml"
CHROMIUM = os.environ.get("MSV_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# A hostile title that survives feed parsing verbatim (CDATA), and a hostile source name.
XSS_TITLE = "Validering inom vuxenutbildningen <img src=x onerror=alert(1)><script>alert(2)</script>"
XSS_SOURCE = "Regeringen <img src=x onerror=alert(3)>"
XSS_ITEM = f"""<item><guid isPermaLink="false">msv-xss-1</guid>
<link>https://www.regeringen.se/regeringsuppdrag/2026/05/validering-xss/</link>
<title><![CDATA[{XSS_TITLE}]]></title>
<description>Validering av reell kompetens inom komvux ska stärkas. Det gäller särskilt yrkesvux.</description>
<pubDate>Mon, 04 May 2026 10:00:00 GMT</pubDate></item>
"""


@dataclass
class Tab:
    """A fresh page with every request and every dialog recorded."""

    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests
                if urlsplit(u).scheme not in ("data", "blob", "about")
                and urlsplit(u).hostname not in LOCAL_HOSTS]


@contextmanager
def open_tab(browser: Any, **context_options: Any) -> Iterator[Tab]:
    """A page in a fresh browser context (its own cookies); afterwards, no request may have left
    127.0.0.1 and no dialog may have opened."""
    context = browser.new_context(locale="sv-SE", **context_options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    t = Tab(page)
    page.on("request", lambda r: t.requests.append(r.url))
    page.on("dialog", lambda d: (t.dialogs.append(d.message), d.dismiss()))
    yield t
    context.close()
    assert not t.foreign_requests(), f"requests left 127.0.0.1: {t.foreign_requests()}"
    assert not t.dialogs, f"a dialog opened (script ran): {t.dialogs}"
