"""Horizon-scan items that touch a decision in the register say so in the digest, naming only
decisions everyone may read."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from assistant.records import RecordRegister, find_decisions
from assistant.records.scan_links import link_decisions, matching, public_decisions, subjects
from ingest.kb import KnowledgeBase
from scanners.digest import build_digest
from scanners.items import Entry
from scanners.render import render_html, render_markdown
from scanners.store import ScanStore

from .conftest import RESTRICTED

NOW = datetime.now(timezone.utc)
ITEMS = [
    ("https://tillvaxtverket.se/rua-dialog", "Tillväxtverket bjuder in RUA till dialogmöte",
     "De regionala utvecklingsaktörerna (RUA) bjuds in till ett dialogmöte under hösten om regional "
     "kompetensförsörjning."),
    ("https://regeringen.se/ambassador", "Ny ambassadör i Guatemala", "Regeringen har utsett en ny ambassadör."),
    # only the GD-gruppen's restricted protocol decides about this
    ("https://regeringen.se/skrivelse", "Skrivelse om samverkans resultat till Utbildningsdepartementet",
     "Myndigheterna har lämnat en skrivelse om samverkans resultat till Utbildningsdepartementet."),
]


def test_an_item_touching_a_decision_says_so(records_kb: KnowledgeBase, tmp_path: Path) -> None:
    assert find_decisions(records_kb)  # builds the register beside the knowledge base
    decisions = public_decisions(Path(records_kb.config.data_dir))
    assert decisions and not any(d.source.endswith(RESTRICTED) for d in decisions)
    with ScanStore(tmp_path / "scan.sqlite") as store:
        for url, title, text in ITEMS:
            _, item_id = store.add_entry("s", None, Entry(url, title, NOW - timedelta(days=1), text))
            store.set_score(item_id, 0.9, [], {})
        digest = link_decisions(build_digest(store, NOW - timedelta(days=7), min_score=0.0), decisions)
    by_title = {i.title: i for i in digest.items}
    notes = by_title["Tillväxtverket bjuder in RUA till dialogmöte"].notes
    note = next(n for n in notes if n["text"] == "§ 4, styrgruppen 2025-09-17")
    assert note["label"] == "Berör beslut"
    assert "dialogmöte" in note["detail"] and note["url"].endswith("2025-09-17_styrgrupp_minnesanteckningar.md")
    assert by_title["Ny ambassadör i Guatemala"].notes == []
    assert not any(RESTRICTED in n["url"] for n in by_title[ITEMS[2][1]].notes)
    with RecordRegister.for_kb(records_kb) as reg:  # … though the restricted protocol would match it
        everything = reg.all_decisions()
    assert any(d.source.endswith(RESTRICTED) for d in matching(f"{ITEMS[2][1]}. {ITEMS[2][2]}", everything))
    assert "**Berör beslut** § 4, styrgruppen 2025-09-17: Styrgruppen ställde sig bakom" in render_markdown(digest)
    assert "<strong>Berör beslut</strong> § 4, styrgruppen 2025-09-17" in render_html(digest)


SUBJECTS = [
    ("Regeringen ger Myndigheten för yrkeshögskolan i uppdrag.", {"myh"}),
    ("Uppföljning av OECD:s rekommendationer.", {"oecd"}),
    ("Styrgruppen bjöd in Tillväxtverket och RUA.", {"tillväxtverket", "rua"}),
]


def test_subjects_are_acronyms_and_proper_names() -> None:
    for text, expected in SUBJECTS:
        assert subjects(text) == expected, text
