"""How the page looks and what it declares: a theme whose colours meet WCAG 2.1 AA contrast, the
app's CSS, and the page's language. Gradio's page template says ``lang="en"`` and its script then
sets the language from the browser; the app's text is Swedish whatever the browser, so the guard
rewrites the page it serves (``swedish_page``) to declare Swedish and to give Gradio's own labels
("Släpp filen här", "Logga in", the progress line) in Swedish too, on the sign-in page as well."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import gradio as gr

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Consolas", "Liberation Mono", "monospace"]
CSS = """
:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
.passage blockquote { white-space: pre-wrap; }
.guide-examples button { justify-content: flex-start; text-align: left; }
/* room for a numbered list's markers up to three digits (Gradio's 21 px cuts "10." to ".0.") */
.prose ol { padding-left: 3em; }
#chat .placeholder { padding: 0 var(--spacing-xxl); }
/* the chat's label on a row of its own above the messages (Gradio floats it over the first line) */
#chat .wrapper { display: flex; flex-direction: column; }
#chat label[data-testid="block-label"] { position: static; align-self: flex-start; }
#chat [role="log"] { flex: 1 1 auto; min-height: 0; border-top: 1px solid var(--border-color-primary); }
/* a status (Lägesbild) as a coloured dot beside its word: no emoji font needed */
.status-dot { display: inline-block; width: 0.75em; height: 0.75em; border-radius: 50%; margin-right: 0.3em;
              vertical-align: -0.05em; border: 1px solid #374151; }
.status-gron { background: #15803d; }
.status-gul { background: #facc15; }
.status-rod { background: #b91c1c; }
"""
LANG = "sv"
TITLE = "MSV Kunskapsbas"  # Gradio's template has none until its script runs, and none at all on the sign-in page
# Gradio's own labels that its Swedish translation leaves in English (written into its components),
# and the prefixes it puts before each chat message's label.
SWEDISH_LABELS = {
    "File upload": "Välj filer",
    "More tabs": "Fler flikar",
    "Open cell menu": "Öppna cellens meny",
    "Table actions": "Tabellens verktyg",
    "chatbot conversation": "Samtalet",
    "Click to upload or drop files": "Välj filer eller släpp dem här",
}
SWEDISH_PREFIXES = {"bot's message: ": "Svar: ", "user's message: ": "Fråga: "}
# Gradio's progress line ("processing | 1.2s", "queue: 2/3 | 4.0s") is written as plain English
# text into the component that waits; its start is put in Swedish as it is written.
SWEDISH_PROGRESS = {"processing |": "arbetar |", "queue:": "i kö:"}
# Runs before Gradio's own script: the browser's language as Gradio reads it is Swedish, the page
# keeps lang="sv" if anything later sets another, and the labels above are put in Swedish as
# Gradio renders them.
LANG_SCRIPT = """<script>(() => {
const l = "sv-SE", r = document.documentElement, names = %s, prefixes = %s, progress = %s;
try {
  Object.defineProperty(navigator, "language", {get: () => l});
  Object.defineProperty(navigator, "languages", {get: () => [l, "sv"]});
} catch (e) {}
const relabel = (e, a) => {
  const v = e.getAttribute(a);
  if (v === null) return;
  let s = names[v];
  for (const p in prefixes) if (!s && v.startsWith(p)) s = prefixes[p] + v.slice(p.length);
  if (s) e.setAttribute(a, s);
};
let queued = false;
const fix = () => {
  queued = false;
  if (r.lang !== "sv") r.lang = "sv";
  for (const e of document.querySelectorAll("[aria-label],[title]")) { relabel(e, "aria-label"); relabel(e, "title"); }
  for (const e of document.querySelectorAll(".progress-text")) {
    for (const t of e.childNodes) {
      if (t.nodeType !== Node.TEXT_NODE) continue;
      for (const p in progress) if (t.nodeValue.trimStart().startsWith(p)) t.nodeValue = t.nodeValue.replace(p, progress[p]);
    }
  }
};
const later = () => { if (!queued) { queued = true; requestAnimationFrame(fix); } };
fix();
new MutationObserver(later).observe(r, {subtree: true, childList: true, characterData: true, attributes: true,
                                        attributeFilter: ["lang", "aria-label", "title"]});
})();</script>"""


def lang_script() -> str:
    return LANG_SCRIPT % tuple(json.dumps(d, ensure_ascii=False) for d in (SWEDISH_LABELS, SWEDISH_PREFIXES,
                                                                           SWEDISH_PROGRESS))


def theme() -> gr.themes.Base:
    """Gradio's default look with colours dark enough for text on them (contrast at least 4.5:1):
    primary buttons and the selected tab in dark blue, the stop button in dark red, softer text
    in dark grey."""
    return gr.themes.Default(primary_hue=gr.themes.colors.blue, font=SYSTEM_FONTS, font_mono=MONO_FONTS).set(
        color_accent="*primary_700",
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_background_fill_dark="*primary_700",
        button_primary_background_fill_hover_dark="*primary_800",
        button_primary_border_color="*primary_700",
        button_primary_border_color_dark="*primary_700",
        button_primary_text_color="white",
        button_primary_text_color_dark="white",
        button_cancel_background_fill="#b91c1c",
        button_cancel_background_fill_hover="#991b1b",
        button_cancel_background_fill_dark="#b91c1c",
        button_cancel_background_fill_hover_dark="#991b1b",
        body_text_color_subdued="*neutral_600",
        body_text_color_subdued_dark="*neutral_300",
        input_placeholder_color="*neutral_600",
        input_placeholder_color_dark="*neutral_300",
    )


def rewrite_html(body: bytes) -> bytes:
    """Gradio's page with ``lang="sv"``, the language script first in ``<head>`` and a title."""
    body = body.replace(b'lang="en"', f'lang="{LANG}"'.encode(), 1)
    title = b"" if b"<title" in body else f"<title>{TITLE}</title>".encode()
    return body.replace(b"<head>", b"<head>" + lang_script().encode() + title, 1)


def swedish_page(send: Send) -> Send:
    """``send`` that rewrites an HTML response (Gradio's page) with :func:`rewrite_html`; anything
    else passes through untouched."""
    start: list[Message] = []
    chunks: list[bytes] = []

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers") or [])
            if headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers:
                start.append(message)
                return
        elif message["type"] == "http.response.body" and start:
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = rewrite_html(b"".join(chunks))
            head = start[0]
            head["headers"] = [(k, v) for k, v in head.get("headers") or [] if k.lower() != b"content-length"] + [
                (b"content-length", str(len(body)).encode())]
            await send(head)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        await send(message)

    return sending
