"""The int8 ONNX embedding model, exported from the bundled model on first use, agrees with the
fp32 sentence-transformers model (speed is measured by evals/bench_embed.py, not here)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ingest.embed import Embedder
from ingest.errors import ConfigError

SENTENCES = [
    "Styrgruppen fattar beslut om den gemensamma arbetsplanen.",
    "Lägesbedömningen görs två gånger per år och visar grön, gul eller röd status.",
    "Sekretariatet ansvarar för kallelser, dagordningar och minnesanteckningar.",
    "Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att kartlägga kompetensbehoven i regionerna.",
    "Validering av kompetens gör det lättare för nyanlända att komma i arbete.",
    "Kort.",
]


@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("onnx")


def test_int8_vectors_agree_with_fp32(embedder: Embedder, onnx_dir: Path) -> None:
    int8 = Embedder(precision="int8", onnx_dir=onnx_dir)
    a, b = embedder.embed(SENTENCES), int8.embed(SENTENCES)
    assert a.shape == b.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-3)
    cos = np.sum(a * b, axis=1)
    assert cos.min() > 0.98, cos
    # The int8 model still tells the sentences apart as the fp32 one does: each is nearest itself.
    assert (np.argmax(b @ a.T, axis=1) == np.arange(len(SENTENCES))).all()
    # One text (a query) runs alone on the single-thread session. Activations are quantised per
    # batch, so its vector is not bit-identical to the batched one, but as close as fp32 is.
    assert float(int8.embed([SENTENCES[1]])[0] @ b[1]) > 0.99


def test_export_happens_once_into_the_given_folder(onnx_dir: Path) -> None:
    Embedder(precision="int8", onnx_dir=onnx_dir).embed(["Första gången."])
    files = list(onnx_dir.glob("*/model-int8.onnx"))
    assert len(files) == 1 and not list(onnx_dir.glob("*/model-fp32.onnx"))
    stamp = files[0].stat().st_mtime_ns
    Embedder(precision="int8", onnx_dir=onnx_dir).embed(["Andra gången."])
    assert files[0].stat().st_mtime_ns == stamp


def test_unknown_precision_is_refused_by_name() -> None:
    with pytest.raises(ConfigError, match="int4"):
        Embedder(precision="int4")


def test_an_empty_store_opens_without_loading_the_model(embedder: Embedder, tmp_path: Path) -> None:
    """The app's first start listens before the model is loaded: the vector size of an empty store
    comes from what the model folder declares, and it is the size the model produces."""
    from ingest.kb import KbConfig, KnowledgeBase

    fresh = Embedder()
    assert fresh.declared_dim() == embedder.dim == embedder.embed(["x"]).shape[1]
    kb = KnowledgeBase(KbConfig(data_dir=tmp_path / "kb"), embedder=fresh)
    try:
        assert fresh._model is None
        assert kb.stats()["chunks"] == 0
    finally:
        kb.close()
    assert Embedder("/no/such/model").declared_dim() is None
