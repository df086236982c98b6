"""URL canonicalisation, hashing and extractive summaries."""

from __future__ import annotations

import pytest

from scanners.items import Entry, canonical_url, content_hash, extractive_summary, html_to_text

CANONICAL = [
    ("https://www.regeringen.se/a/b/", "https://regeringen.se/a/b"),
    ("http://regeringen.se/a/b", "https://regeringen.se/a/b"),
    ("https://REGERINGEN.se:443/a/b/#top", "https://regeringen.se/a/b"),
    ("https://x.se/n?utm_source=rss&id=2&a=1&fbclid=z", "https://x.se/n?a=1&id=2"),
    ("https://x.se//dubbel//snedstreck/", "https://x.se/dubbel/snedstreck"),
    ("http://127.0.0.1:8080/x/", "https://127.0.0.1:8080/x"),
    ("https://x.se", "https://x.se/"),
]


@pytest.mark.parametrize(("url", "expected"), CANONICAL)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_content_hash_ignores_case_and_whitespace() -> None:
    assert content_hash("Titel", "Text  med\nmellanrum") == content_hash("titel",
                                                                         "text med mellanrum")
    assert content_hash("Titel", "ett") != content_hash("Titel", "två")


def test_entry_bounds_text() -> None:
    entry = Entry("https://x.se/a", "  Titel \n", text="ord " * 10_000)
    assert entry.title == "Titel"
    assert len(entry.text) <= 20_000


SUMMARIES = [
    ("# Rubrik\n\nFörsta meningen är här och den är lång nog. Andra meningen följer strax efter. "
     "Tredje meningen avslutar. Fjärde syns inte.", 3, "Första meningen"),
    ("Rubrik\n\n- Punkt med [länk](https://x.se) som är lång nog att räknas.", 1, "Punkt med länk"),
]


@pytest.mark.parametrize(("text", "n", "start"), SUMMARIES)
def test_extractive_summary(text: str, n: int, start: str) -> None:
    summary = extractive_summary("Rubrik", text)
    assert summary.startswith(start)
    assert "Fjärde" not in summary
    assert summary.count(".") <= n + 1


def test_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>Ett &amp; två</p><p>Tre</p>") == "Ett & två\n\nTre"
