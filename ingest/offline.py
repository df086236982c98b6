"""Local-first defaults for the libraries we load: nothing is fetched from a model hub and no
telemetry is sent unless a deployment explicitly sets these variables otherwise. Entry points
(the ``msv`` command, test sessions, benchmark scripts) call :func:`local_first_defaults` before
the libraries are imported; the embedder calls it again before it loads a model."""

from __future__ import annotations

import os

DEFAULTS = {
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    # Keep the command line quiet: no model-loading progress bars or library chatter on stderr.
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
}


def local_first_defaults() -> None:
    """Set each variable in :data:`DEFAULTS` unless the environment already has it."""
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
