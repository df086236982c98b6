"""Ingest: loaders, chunking, embeddings and the Qdrant store behind the knowledge base."""

import os

# Local-first defaults, set by the program itself (not only by tests): nothing is fetched from a
# model hub and no telemetry is sent unless a deployment explicitly overrides these.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Keep the command line quiet: no model-loading progress bars or library chatter on stderr.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
