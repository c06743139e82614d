"""Fixtures of the model tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.nlp import onnx
from app.nlp.embeddings import default_embedding_model


@pytest.fixture(scope="session")
def minilm_fp32_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ONNX export root holding the packaged MiniLM in fp32 (the default export is int8): the reference for
    what does not depend on precision (padding, batching, fidelity to torch)."""
    root = tmp_path_factory.mktemp("minilm-fp32")
    onnx.export_model(default_embedding_model()[0], root, "feature-extraction", "fp32")
    return root
