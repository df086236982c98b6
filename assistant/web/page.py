"""How the page looks and what it declares: a theme whose colours meet WCAG 2.1 AA contrast, the
app's CSS, and the page's language. Gradio's page template says ``lang="en"`` and its script then
sets the language from the browser; the app's text is Swedish whatever the browser, so the guard
rewrites the page it serves (``swedish_page``) to declare Swedish and to give Gradio's own labels
("Släpp filen här", "Logga in") in Swedish too, on the sign-in page as well."""

from __future__ import annotations

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
"""
LANG = "sv"
# Runs before Gradio's own script: the browser's language as Gradio reads it is Swedish, and the
# page keeps lang="sv" if anything later sets another.
LANG_SCRIPT = (
    "<script>(()=>{const l='sv-SE',r=document.documentElement;"
    "try{Object.defineProperty(navigator,'language',{get:()=>l});"
    "Object.defineProperty(navigator,'languages',{get:()=>[l,'sv']});}catch(e){}"
    "const k=()=>{if(r.lang!=='sv')r.lang='sv'};k();"
    "new MutationObserver(k).observe(r,{attributes:true,attributeFilter:['lang']});})();</script>"
)


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
    """Gradio's page with ``lang="sv"`` and the language script first in ``<head>``."""
    body = body.replace(b'lang="en"', f'lang="{LANG}"'.encode(), 1)
    return body.replace(b"<head>", b"<head>" + LANG_SCRIPT.encode(), 1)


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
