"""The shipped sentence model: it loads, and it puts the sentence that answers before those that do not."""

from __future__ import annotations

import json
from importlib import resources

from assistant.answers.candidates import rank_units
from assistant.answers.question import analyse
from assistant.answers.sentence_rank import FEATURES, load_model
from ingest.search import Hit


def _hit(text: str, doc: str, title: str) -> Hit:
    return Hit(rank=1, score=1.0, doc_id=doc, title=title, source=f"https://example.org/{doc}", kind="rapport",
               agency="", date="2025-05-01", section="", page=None, text=text)


def test_the_shipped_model_loads_with_known_features() -> None:
    shipped = json.loads((resources.files("assistant.answers") / "data" / "sentences.json").read_text(encoding="utf-8"))
    model = load_model()
    assert model is not None
    assert shipped["features"] == list(FEATURES) and len(model.coef) == len(FEATURES)


def test_the_shipped_model_puts_the_answering_sentence_first() -> None:
    hits = [_hit("Vävstugan i Mora ordnar en kurs i bandvävning varje höst. "
                 "Kursen i bandvävning kostar 1 200 kronor och pågår i fyra kvällar. "
                 "Lokalen har tolv vävstolar.", "d1", "Kurser i Mora vävstuga"),
            _hit("Föreningen har ett nytt kafé vid torget. Kaféet har öppet på lördagar.", "d2", "Föreningsnytt")]
    units = rank_units(analyse("Vad kostar kursen i bandvävning i Mora?"), hits, synonyms={}, model=load_model())
    best = max(units, key=lambda u: u.p)
    assert "1 200 kronor" in best.text
    cafe = next(u for u in units if "lördagar" in u.text)
    assert cafe.p < best.p
