"""The words two decisions share for the link model, and link steps the model's pass gets wrong:
a month is a time, not the matter, however the stemmer writes it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.records.decisions import Decision
from assistant.records.linking import LinkContext

BASE = Decision(id="x", body="styrgrupp", date="2031-04-03", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def dec(i: str, date: str, heading: str, text: str, kind: str = "beslut", body: str = "styrgrupp") -> Decision:
    return replace(BASE, id=i, date=date, heading=heading, text=text, kind=kind, body=body, doc_id=f"doc-{i}")


@pytest.mark.parametrize("month", ["oktober", "september", "november", "december", "mars"])
def test_a_month_both_name_is_no_shared_word(month: str) -> None:
    a = dec("a", "2031-04-03", "Lokaler", f"Styrgruppen bad sekretariatet att boka lokaler för mötet i {month}.")
    b = dec("b", "2031-06-10", "Ordförande", f"Beredningsgruppen utsåg Kim Ny till ordförande från {month}.",
            body="beredningsgrupp")
    c = dec("c", "2031-09-01", "Resor", "Styrgruppen fastställde en resepolicy.")
    cosine, shared = LinkContext.of([a, b, c]).words(a, b)
    assert (cosine, shared) == (0.0, [])
