"""The sentence embedder with the real packaged all-MiniLM-L6-v2 (loaded once per test session)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.nlp import onnx
from app.nlp.embeddings import SentenceEmbedder, default_embedding_model


def test_vectors_are_unit_length_and_related_sentences_are_closer(minilm: SentenceEmbedder) -> None:
    flood, flood_again, recipe = minilm.embed(
        [
            "The river burst its banks and flooded the town centre overnight.",
            "Floodwater from the river swamped the centre of town during the night.",
            "Whisk the eggs with sugar until pale, then fold in the flour.",
        ]
    )
    for vector in (flood, flood_again, recipe):
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
    assert float(flood @ flood_again) > float(flood @ recipe) + 0.3


def test_a_sentence_gets_the_same_vector_alone_or_batched_with_longer_ones(
    minilm: SentenceEmbedder, minilm_fp32_root: Path
) -> None:
    short = "The council approved the budget."
    longer = ["The harbour traders warned that the new levy would hit the smallest firms hardest. " * 3, "Yes."]
    model_dir, _ = default_embedding_model()
    fp32 = SentenceEmbedder(model_dir, runtime="onnxruntime", onnx_dir=minilm_fp32_root)
    fp32.load()
    for embedder, tolerance in ((fp32, 1e-5), (minilm, None)):
        (alone,) = embedder.embed([short])
        batched = embedder.embed([longer[0], short, longer[1]])
        assert len(batched) == 3
        if tolerance is not None:  # padding and batching change nothing
            assert np.allclose(alone, batched[1], atol=tolerance)
        else:  # the default int8 export scales a pass's activations together: close, not equal (docs/QUALITY.md)
            assert float(alone @ batched[1]) >= onnx.MIN_COSINE_INT8["feature-extraction"]


def test_input_longer_than_the_model_limit_still_gets_a_vector(minilm: SentenceEmbedder) -> None:
    (vector,) = minilm.embed(["The pier was rebuilt. " * 400])
    assert vector.shape == (384,)
    assert minilm.max_length == 256
