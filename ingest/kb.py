"""The knowledge base facade: one object that owns the store, the document catalog, the embedding
model and search for a data folder. Entry points build it from settings; the rest of the
program receives it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .abbreviations import Abbreviations, definitions, shipped
from .catalog import Catalog, DocRecord
from .chunking import ChunkSpec
from .documents import Document
from .embed import DEFAULT_MODEL, Embedder
from .metadata import Overrides
from .pipeline import DEFAULT_MAX_BYTES, Ingestor, IngestSummary, ItemResult
from .private import make_private_dir
from .sandbox import ParseLimits, Parser
from .search import Hit, Searcher, SearchParams
from .server_store import ServerStore
from .store import EdgeStore, SearchFilter, Store


@dataclass(frozen=True)
class KbConfig:
    data_dir: Path
    embed_model: str = DEFAULT_MODEL
    embed_precision: str = "fp32"  # or int8: the model as quantised ONNX, exported into <data_dir>/models once
    qdrant_url: str = ""
    qdrant_api_key: str = ""
    qdrant_path: str = ""  # qdrant-client local mode (the server API, in-process) — for tests
    collection: str = "msv"
    chunk_chars: int = ChunkSpec().max_chars
    batch_chunks: int = 256
    max_bytes: int = DEFAULT_MAX_BYTES
    embed_cache: bool = False
    search: SearchParams = SearchParams()
    groups: tuple[str, ...] | None = None  # the valid access groups; None = any well-formed name
    parse: ParseLimits = ParseLimits()


_LEARNED = "abbreviations_learned"  # the catalog holds every document's definitions


class KnowledgeBase:
    def __init__(self, config: KbConfig, *, embedder: Embedder | None = None) -> None:
        self.config = config
        self._closed = False
        # Held while the store and catalog are written; a server takes it around its searches too.
        self.lock = threading.RLock()
        data = make_private_dir(config.data_dir)
        self.catalog = Catalog(data / "registry.sqlite")
        cache = data / "embed-cache.sqlite" if config.embed_cache else None
        self.embedder = embedder or Embedder(config.embed_model, cache_path=cache, precision=config.embed_precision,
                                             onnx_dir=data / "models")
        dim = self._dim()
        self.store: Store
        try:
            if config.qdrant_url:
                self.store = ServerStore(url=config.qdrant_url, api_key=config.qdrant_api_key or None,
                                         collection=config.collection, dim=dim)
            elif config.qdrant_path:
                self.store = ServerStore(path=Path(config.qdrant_path), collection=config.collection, dim=dim)
            else:
                self.store = EdgeStore(data / "qdrant", dim)
        except Exception:
            self.catalog.close()
            raise
        self.searcher = Searcher(self.store, self.embedder, params=config.search)
        self.ingestor = Ingestor(self.store, self.catalog, self.embedder,
                                 chunk_spec=ChunkSpec(max_chars=config.chunk_chars),
                                 batch_chunks=config.batch_chunks, max_bytes=config.max_bytes,
                                 groups=config.groups, parser=Parser(config.parse), lock=self.lock)
        self._abbreviations: tuple[tuple[int, int], Abbreviations] | None = None
        if self.catalog.get_meta(_LEARNED) is None and self.is_empty():
            self.catalog.set_meta(_LEARNED, "1")  # a new folder: ingest keeps every document's definitions

    def _dim(self) -> int:
        """The vector size, from the catalog when the store exists (no model load needed)."""
        row = self.catalog.db.execute("SELECT value FROM meta WHERE key='embed_model'").fetchone()
        if row is not None:
            model, dim = json.loads(row[0])
            if model == self.embedder.model_name:
                return int(dim)
        # An empty store takes the size the model folder declares, so that opening it (and the app's
        # first start) does not wait for the model; the model loads on the first embedding.
        dim = self.embedder.declared_dim() or self.embedder.dim
        self.catalog.check_model(self.embedder.model_name, dim)
        return dim

    @classmethod
    def open(cls, data_dir: Path | str, **kwargs: object) -> KnowledgeBase:
        return cls(KbConfig(data_dir=Path(data_dir), **kwargs))  # type: ignore[arg-type]

    # -- write --------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[Path], overrides: Overrides = Overrides(), *, prune: bool = False,
               replace: bool = False) -> Iterator[ItemResult]:
        paths = [Path(p) for p in paths]
        yield from self.ingestor.ingest_paths(paths, overrides, replace=replace)
        if prune:
            for rec in self.ingestor.prune(p for p in paths if p.is_dir()):
                yield ItemResult(rec.source, "removed", rec.doc_id, rec.title, rec.chunks)

    def ingest_all(self, paths: Iterable[Path], overrides: Overrides = Overrides()) -> IngestSummary:
        summary = IngestSummary()
        for r in self.ingest(paths, overrides):
            summary.add(r)
        return summary

    def ingest_documents(self, docs: Iterable[Document]) -> Iterator[ItemResult]:
        yield from self.ingestor.ingest_documents(docs)

    def remove(self, target: str) -> list[DocRecord]:
        return self.ingestor.remove(target)

    # -- read ---------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, flt: SearchFilter = SearchFilter()) -> list[Hit]:
        return self.searcher.search(query, k, flt)

    def documents(self, access: tuple[str, ...] | None = None) -> list[DocRecord]:
        docs = [d for d in self.catalog.all() if d.status == "ok"]
        if access is not None:
            docs = [d for d in docs if set(d.access) & set(access)]
        return docs

    def stats(self, access: tuple[str, ...] | None = None) -> dict[str, object]:
        """Counts over the whole base, or (``access`` given) over what those groups may read."""
        if access is None:
            docs, chunks = self.catalog.count()
            flt = None
        else:
            visible = self.documents(access)
            docs, chunks = len(visible), sum(d.chunks for d in visible)
            flt = SearchFilter(access=access)
        return {
            "documents": docs,
            "chunks": chunks,
            "points": self.store.count(flt),
            "kinds": self.store.facet("kind", flt),
            "agencies": self.store.facet("agency", flt),
            "embed_model": self.embedder.model_name,
            "backend": "qdrant-server" if self.config.qdrant_url else (
                "qdrant-local" if self.config.qdrant_path else "qdrant-edge"),
            "data_dir": str(self.config.data_dir),
        }

    def abbreviations(self) -> Abbreviations:
        """The short forms the documents define ("Statens servicecenter (SSC)"), this knowledge base's
        own before the shipped table's: the answer gates read a question's "SSC" as said by a passage's
        "Statens servicecenter", and the other way round. Rebuilt only after documents change."""
        with self.lock:
            if self.catalog.get_meta(_LEARNED) is None:
                self._learn_abbreviations()
            version = self.catalog.abbreviations_version()
            if self._abbreviations is None or self._abbreviations[0] != version:
                self._abbreviations = (version, shipped().merged(self.catalog.abbreviations()))
            return self._abbreviations[1]

    def _learn_abbreviations(self) -> None:
        """A folder indexed before ingest kept the documents' definitions: read them once from the
        stored passages."""
        per_doc: dict[str, list[tuple[str, str]]] = {}
        for payload in self.store.payloads(SearchFilter()):
            per_doc.setdefault(str(payload.get("doc_id", "")), []).extend(definitions(str(payload.get("text", ""))))
        self.catalog.set_abbreviations(per_doc)
        self.catalog.set_meta(_LEARNED, "1")

    def is_empty(self) -> bool:
        return self.catalog.count()[0] == 0

    def close(self) -> None:
        if self._closed:  # closing twice (a `with` block and an explicit close) is harmless
            return
        self._closed = True
        try:
            self.store.close()
        finally:
            self.catalog.close()
            self.ingestor.parse.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
