"""The embedding model as ONNX, quantised to int8: exported once from the local
sentence-transformers folder (torch.onnx, then onnxruntime's dynamic quantisation) into a cache
folder, never downloaded. Mean pooling and L2 normalisation run inside the graph, as the
sentence-transformers model does them, so the vectors stand in for its own.

Measured in evals/bench_embed.py: throughput against the torch model on the same passages, cosine
agreement, and retrieval with each."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np
from filelock import FileLock

from .errors import ConfigError

log = logging.getLogger(__name__)

_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Bumped when the export changes, so a cached file from an earlier recipe is exported anew.
EXPORT_RECIPE = "fused-attention-qint8-v2"


def _fingerprint(model_dir: Path) -> str:
    """A short hash of the model's weights and configuration: a new model exports anew."""
    h = hashlib.sha1(EXPORT_RECIPE.encode())
    for f in sorted(model_dir.glob("*.json")) + sorted(model_dir.glob("*.safetensors")) + sorted(model_dir.glob("*.bin")):
        st = f.stat()
        h.update(f"{f.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:12]


def export_int8(model_dir: Path, out_dir: Path) -> Path:
    """The int8 ONNX file for the model in ``model_dir``, exported on first use into ``out_dir``."""
    target = out_dir / f"{model_dir.name}-{_fingerprint(model_dir)}" / "model-int8.onnx"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.parent / ".export.lock")):
        if target.exists():  # another process exported it while we waited
            return target
        log.info("exporterar %s till ONNX int8 i %s (en gång)", model_dir, target.parent)
        fp32 = target.with_name("model-fp32.onnx")
        fused = target.with_name("model-fp32-fused.onnx")
        try:
            _export_fp32(model_dir, fp32)
            source = fp32 if not _fuse(model_dir, fp32, fused) else fused
            from onnx import TensorProto
            from onnxruntime.quantization import QuantType, quantize_dynamic

            tmp = target.with_suffix(".tmp.onnx")
            # Per-channel weights of the matrix products and the fused attention (the embedding
            # table stays fp32): cosine agreement with the fp32 model ≥ 0.98 where per-tensor int8
            # gave about 0.9. Fused operators hide their output types from shape inference, hence
            # the default tensor type.
            quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                             op_types_to_quantize=["MatMul", "Attention"],
                             extra_options={"DefaultTensorType": TensorProto.FLOAT})
            tmp.replace(target)
        except Exception as e:  # torch/onnx raise many kinds; the cause is kept
            raise ConfigError(f"modellen {model_dir} kunde inte exporteras till ONNX int8 ({e}); "
                              "använd MSV_EMBED_PRECISION=fp32") from e
        finally:
            fp32.unlink(missing_ok=True)
            fused.unlink(missing_ok=True)
    return target


def _fuse(model_dir: Path, fp32: Path, out: Path) -> bool:
    """onnxruntime's transformer optimizer: attention, layer norms and GELU each become one fused
    operator (fewer, larger kernels; the attention's matrix products can then be quantised too).
    False, and the plain graph is quantised, when the model is not BERT-shaped."""
    from onnxruntime.transformers.optimizer import optimize_model

    try:
        config = json.loads((model_dir / "config.json").read_text())
        heads, hidden = int(config["num_attention_heads"]), int(config["hidden_size"])
        model = optimize_model(str(fp32), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=1)
    except Exception as e:  # noqa: BLE001 - the optimizer raises many kinds; the plain graph still works
        log.warning("ingen sammanslagning av %s före kvantisering: %s", model_dir, e)
        return False
    if not model.get_fused_operator_statistics().get("Attention"):
        log.warning("ingen sammanslagen attention i %s; kvantiserar den osammanslagna grafen", model_dir)
        return False
    model.save_model_to_file(str(out))
    return True


def _export_fp32(model_dir: Path, out: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    tok = AutoTokenizer.from_pretrained(str(model_dir))

    class Pooled(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            h = self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            mean = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    enc = tok(["Ett exempel.", "Ett något längre exempel på en mening."], padding=True, return_tensors="pt")
    with torch.inference_mode():
        torch.onnx.export(
            Pooled(model), tuple(enc[k] for k in _INPUTS), str(out), input_names=list(_INPUTS), output_names=["embedding"],
            dynamic_axes={**{k: {0: "batch", 1: "seq"} for k in _INPUTS}, "embedding": {0: "batch"}},
            opset_version=17, dynamo=False,
        )


class OnnxEncoder:
    """Encodes texts with the int8 graph: the model's own tokenizer and maximum length, batches
    sorted by length as sentence-transformers does. One or two texts run on one thread (see Embedder).
    Activations are quantised per batch, so a text's vector varies slightly with its batch
    (cosine > 0.99 to itself alone); the embedding cache keeps the first one."""

    def __init__(self, model_dir: Path, cache_dir: Path) -> None:
        self.model_dir = model_dir
        self.cache_dir = cache_dir
        self._lock = threading.Lock()
        self._ready: tuple[Any, Any, Any, int] | None = None

    def _load(self) -> tuple[Any, Any, Any, int]:
        with self._lock:
            if self._ready is None:
                import onnxruntime as ort
                from transformers import AutoTokenizer

                path = export_int8(self.model_dir, self.cache_dir)
                tok = AutoTokenizer.from_pretrained(str(self.model_dir))
                try:
                    max_len = int(json.loads((self.model_dir / "sentence_bert_config.json").read_text())["max_seq_length"])
                except (OSError, KeyError, ValueError):
                    max_len = 256
                batch, single = ort.SessionOptions(), ort.SessionOptions()
                for options in (batch, single):
                    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                    # Idle worker threads sleep instead of spinning: on a laptop or server shared
                    # with other work, spinning threads take the cores the computation needs
                    # (evals/README.md, "Embedding precision").
                    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                single.intra_op_num_threads = 1
                providers = ["CPUExecutionProvider"]
                self._ready = (tok, ort.InferenceSession(str(path), batch, providers=providers),
                               ort.InferenceSession(str(path), single, providers=providers), max_len)
        return self._ready

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        tok, batch, single, max_len = self._load()
        session = single if len(texts) <= 2 else batch
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: list[np.ndarray | None] = [None] * len(texts)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            enc = tok([texts[i] for i in idx], padding=True, truncation=True, max_length=max_len, return_tensors="np")
            vecs = session.run(None, {k: np.asarray(enc[k], dtype=np.int64) for k in _INPUTS})[0]
            for i, v in zip(idx, vecs):
                out[i] = v
        return np.stack(out).astype(np.float32)  # type: ignore[arg-type]
