"""The real local model for slow tests: where `drafter model install` put it (or DRAFTER_LOCAL_MODEL), and a
loaded copy. Under CI=true a missing model fails the test rather than skipping it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.settings import Settings

MODEL_PATH = Path(os.environ.get("DRAFTER_LOCAL_MODEL") or Settings(_env_file=None).local_model_path).resolve()


def require_model() -> Path:
    """The model's path; skips (fails under CI) when llama-cpp-python or the model is missing."""
    pytest.importorskip("llama_cpp")
    if not MODEL_PATH.is_file():
        assert os.environ.get("CI") != "true", f"CI must install the local model first: {MODEL_PATH}"
        pytest.skip(f"local model not installed at {MODEL_PATH} (run drafter model install)")
    return MODEL_PATH


def loaded_model():
    """The local model, loaded (callers keep one per module)."""
    from drafter.providers.local import LocalModel

    model = LocalModel(require_model(), n_ctx=4096)
    model.load()
    return model
