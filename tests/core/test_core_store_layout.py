"""The on-disk layout of a Qdrant Edge store (evals/README.md, the scale sections): a new store keeps
its payloads cached in memory, in every segment an index build writes, so a search's payload reads
are not disk reads; a store made with the earlier layout keeps it when opened."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ingest.chunking import chunk_id
from ingest.sparse import SparseVec
from ingest.store import EdgeStore, Point, SearchFilter, _edge_config

DIM = 8


def _points(n: int) -> list[Point]:
    rng = np.random.default_rng(1)
    return [Point(chunk_id("dok", i), rng.normal(size=DIM).astype(np.float32), SparseVec([i % 5, 7], [1.0, 0.5]),
                  {"doc_id": "dok", "chunk": i, "text": f"stycke {i}", "access": ["alla"]}) for i in range(n)]


def _payload_placements(folder: Path) -> set[str]:
    segments = sorted((folder / "shard" / "segments").glob("*/segment.json"))
    assert segments
    return {json.loads(p.read_text())["config"]["payload_storage_type"]["type"] for p in segments}


def test_a_new_store_caches_its_payloads_in_every_segment(tmp_path: Path) -> None:
    store = EdgeStore(tmp_path, DIM)
    store.upsert(_points(40))
    store.flush()
    store.optimize()
    store.close()
    assert _payload_placements(tmp_path) == {"in_ram_mmap"}  # Qdrant's name for the cached placement
    store = EdgeStore(tmp_path, DIM)  # and reopened, the payloads read back as written
    assert sorted(int(p["chunk"]) for p in store.payloads(SearchFilter())) == list(range(40))
    store.close()


def test_a_store_made_with_the_cold_layout_keeps_it(tmp_path: Path) -> None:
    import qdrant_edge as qe

    new = _edge_config(qe, DIM)
    cold = qe.EdgeConfig(vectors=new.vectors, sparse_vectors=new.sparse_vectors, hnsw_config=new.hnsw_config,
                         optimizers=new.optimizers)  # as stores were made before: the default placement
    shard = qe.EdgeShard.create(str(tmp_path / "shard"), cold)
    shard.close()
    store = EdgeStore(tmp_path, DIM)
    store.upsert(_points(10))
    store.flush()
    store.close()
    assert _payload_placements(tmp_path) == {"mmap"}  # Qdrant's name for the cold placement
