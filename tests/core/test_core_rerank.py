"""The second ranking stage on the real embedded store and model: its features, the shipped
weights, a deterministic order and the authority prior that a setting switches off."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.cli.common import search_params
from assistant.settings import Settings
from ingest.chunking import chunk_id
from ingest.documents import Block, Document
from ingest.errors import ConfigError
from ingest.kb import KnowledgeBase
from ingest.rerank import DEFAULT_AUTHORITY, FEATURES, Ranker
from ingest.search import SearchParams
from ingest.store import SearchFilter

SAME = ("Styrgruppen beslutade att lägesbedömningen ska lämnas två gånger per år och att den ska "
        "beskriva läget i varje arbetsgrupp med grön, gul eller röd status.")


def _ordered_ids() -> tuple[str, str]:
    """Two document ids, the first one's chunk id sorting first (it wins every tie)."""
    a, b = "dok-a", "dok-b"
    return (a, b) if chunk_id(a, 0) < chunk_id(b, 0) else (b, a)


def _docs() -> list[Document]:
    first, second = _ordered_ids()
    return [
        # The same passage twice: background material that would win a tie, and the collaboration's own minutes.
        Document(first, f"{first}.txt", [Block(SAME, "Beslut")], title="Nyheter", kind="pressmeddelande"),
        Document(second, f"{second}.txt", [Block(SAME, "Beslut")], title="Nyheter", kind="protokoll"),
        Document("arbetsordning", "arbetsordning.txt", [
            Block("Arbetsordningen beskriver hur samverkan är organiserad.", "Inledning"),
            Block("Sekretariatet samordnar kallelser, dagordningar och minnesanteckningar inför varje möte "
                  "i styrgruppen.", "Sekretariatets uppgifter"),
            Block("Processledarna träffas var sjätte vecka för att stämma av arbetsgruppernas planer.", "Möten"),
        ], title="Arbetsordning för myndighetssamverkan", kind="rapport"),
        Document("uppdrag", "uppdrag.txt", [
            Block("Regeringen ger myndigheten i uppdrag att redovisa arbetet senast den 15 mars 2025.", "Uppdraget"),
        ], title="Uppdrag om redovisning", kind="regeringsuppdrag", date="2024-06"),
    ]


@pytest.fixture
def kb(tmp_path: Path, make_kb: Callable[..., KnowledgeBase]) -> KnowledgeBase:
    kb = make_kb(tmp_path / "kb")
    results = list(kb.ingest_documents(_docs()))
    assert all(r.status == "added" for r in results), results
    return kb


def _features(kb: KnowledgeBase, query: str) -> tuple[list[dict[str, object]], np.ndarray]:
    dense, cands = kb.searcher.candidates(query, 10)
    x = kb.searcher.features(query, dense, cands, SearchFilter())
    return [c.payload for c in cands], x


def test_features_say_heading_answer_type_authority_and_dense(kb: KnowledgeBase) -> None:
    payloads, x = _features(kb, "Vilka uppgifter har sekretariatet?")
    assert x.shape == (len(payloads), len(FEATURES)) and len(payloads) >= 3
    col = {name: x[:, i] for i, name in enumerate(FEATURES)}
    by_section = {str(p["section"]): i for i, p in enumerate(payloads)}
    duties = by_section["Sekretariatets uppgifter"]
    assert col["heading"][duties] > 0 and col["coverage"][duties] > 0 and col["proximity"][duties] > 0
    assert col["heading"][by_section["Möten"]] == 0
    for i, p in enumerate(payloads):
        assert col["authority"][i] == DEFAULT_AUTHORITY[str(p["kind"])]
        assert -1.0 <= col["dense"][i] <= 1.0 and col["dense"][i] != 0.0  # the stored vector was used
    assert col["fused"].max() == 1.0

    payloads, x = _features(kb, "När ska myndigheten redovisa uppdraget?")
    at = FEATURES.index("answer_type")
    dated = [i for i, p in enumerate(payloads) if p["doc_id"] == "uppdrag"]
    assert dated and all(x[i, at] == 1.0 for i in dated)
    assert all(x[i, at] == 0.0 for i, p in enumerate(payloads) if p["doc_id"] == "arbetsordning")


def test_shipped_weights_load_and_a_bad_file_is_named(tmp_path: Path) -> None:
    ranker = Ranker.load()
    assert "authority" in ranker.with_authority.names
    assert "authority" not in ranker.without_authority.names
    assert set(ranker.with_authority.names) <= set(FEATURES)
    bad = tmp_path / "ranker.json"
    bad.write_text(json.dumps({"with_authority": {"features": ["nonsense"], "mean": [0], "scale": [1], "coef": [1]},
                               "without_authority": {}}), encoding="utf-8")
    with pytest.raises(ConfigError, match="ranker.json"):
        Ranker.load(bad)


def test_order_is_the_same_every_run_and_ties_go_by_id(kb: KnowledgeBase) -> None:
    query = "Hur ofta lämnas lägesbedömningen?"
    runs = [[h.chunk_id for h in kb.search(query, 5)] for _ in range(3)]
    assert runs[0] and runs[0] == runs[1] == runs[2]
    ranker = Ranker.load()
    x = np.zeros((3, len(FEATURES)))
    assert ranker.order(x, ["c", "a", "b"], authority=True) == [1, 2, 0]


def test_authority_puts_own_minutes_first_and_a_setting_switches_it_off(kb: KnowledgeBase) -> None:
    first, second = _ordered_ids()
    query = "Hur ofta ska lägesbedömningen lämnas enligt styrgruppens beslut?"
    top = [h.doc_id for h in kb.search(query, 2)]
    assert top == [second, first]  # the minutes (protokoll) before the identical press release

    kb.searcher.params = replace(kb.searcher.params, rank_authority=False)
    top = [h.doc_id for h in kb.search(query, 2)]
    # Without the prior nothing puts the minutes first: the two identical passages are ordered by
    # the fused ranks, and the embedded Qdrant does not order equal channel scores the same way in
    # every run (a known gap: the fusion would have to break channel ties by id itself).
    assert set(top) == {first, second}
    _, x = _features(kb, query)
    assert not x[:, FEATURES.index("authority")].any()


def test_settings_set_the_authority_prior(monkeypatch: pytest.MonkeyPatch) -> None:
    assert search_params(Settings()).rank_authority is True
    monkeypatch.setenv("MSV_RANK_AUTHORITY", "false")
    monkeypatch.setenv("MSV_RANK_AUTHORITY_KINDS", '{"omvärld": 0.5}')
    params = search_params(Settings())
    assert params.rank_authority is False
    assert dict(params.authority)["omvärld"] == 0.5 and dict(params.authority)["protokoll"] == 1.0
    monkeypatch.setenv("MSV_RANK_AUTHORITY_KINDS", '{"nyhetsbrev": 1}')
    with pytest.raises(ValueError, match="nyhetsbrev"):
        Settings()
    assert SearchParams().rerank_depth > 0  # on by default
    monkeypatch.setenv("MSV_RANK_AUTHORITY_KINDS", "{}")
    monkeypatch.setenv("MSV_RANK_SECOND_STAGE", "false")
    assert search_params(Settings()).rerank_depth == 0


def test_settings_choose_how_the_dense_channel_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    assert search_params(Settings()).dense_search == "rescore"
    monkeypatch.setenv("MSV_SEARCH_DENSE", "full")
    assert search_params(Settings()).dense_search == "full"
    monkeypatch.setenv("MSV_SEARCH_DENSE", "exakt")
    with pytest.raises(ValueError, match="search_dense"):
        Settings()
