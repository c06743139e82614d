"""The NER model's windows come from ``tokenizers`` alone, piece for piece what transformers' fast tokenizer gives.

The run time no longer imports transformers to tokenize (it would bring torch along); these tests hold the
``tokenizers`` path to transformers' output on text that trips tokenizers: accents, CJK, emoji, a word longer than
WordPiece's limit, runs of whitespace, no-break and zero-width spaces, control characters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.nlp import onnx
from app.nlp.ner import TransformersNer, windowing, windows
from app.settings import SHIPPED_NER_MODEL
from tests.nlp.tiny_ner import build_tiny_ner

TRICKY = [
    "Zürich's council, São Paulo's mayor and the Ōsaka port authority met in Kraków.",
    "Crème brûlée at Café Noël: na\u0308ive decomposed accents, ﬁligree ligatures, Ⅻ numerals.",
    "北京 and 東京 met 서울 officials; 習近平 spoke, then Müller-Lüdenscheidt replied.",
    "Fans 🎉🎉 cheered 👩\u200d👩\u200d👧 families 🇺🇦 flags, 1️⃣ first.",
    "Supercalifragilisticexpialidocious" * 4 + " then a normal word.",  # past 100 characters: one [UNK]
    "Words   with\t\ttabs,\n\nnew lines,  \u00a0 no-break\u00a0spaces,\u2009thin\u202fand\u200bzero-width.",
    "Control\x00chars\x07and\ufeffmarks \u0645\u0631\u062d\u0628\u0627 right-to-left \u05e9\u05dc\u05d5\u05dd.",
    "   leading and trailing whitespace   ",
    "",
    "U.S.-led talks on F-16s ($1.2bn, 3.5%) ended at 10:30 a.m. on 2024-03-05 — “finally,” he said…",
    " ".join(["The council met again and again to discuss the pier and the levy."] * 12),
]


def _reference(tokenizer: Any, texts: list[str], max_length: int, stride: int) -> list[tuple[Any, ...]]:
    enc = tokenizer(
        texts,
        return_offsets_mapping=True,
        return_overflowing_tokens=True,
        truncation=True,
        max_length=max_length,
        stride=stride,
    )
    return [
        (
            enc["overflow_to_sample_mapping"][w],
            enc["input_ids"][w],
            enc["token_type_ids"][w],
            [tuple(o) for o in enc["offset_mapping"][w]],
            enc.word_ids(w),
        )
        for w in range(len(enc["input_ids"]))
    ]


def _ours(tokenizer: Any, texts: list[str]) -> list[tuple[Any, ...]]:
    got = windows(tokenizer, texts)
    return [
        (got.sample_of[w], got.ids[w], got.type_ids[w], got.offsets[w], got.word_ids[w]) for w in range(len(got.ids))
    ]


@pytest.mark.parametrize(("max_length", "stride"), [(512, 64), (24, 6), (10, 2)])
def test_the_shipped_tokenizer_cuts_the_windows_of_transformers(max_length: int, stride: int) -> None:
    import transformers
    from tokenizers import Tokenizer

    reference = transformers.AutoTokenizer.from_pretrained(str(SHIPPED_NER_MODEL), local_files_only=True)
    ours = Tokenizer.from_file(str(SHIPPED_NER_MODEL / "tokenizer.json"))
    windowing(ours, max_length, stride)
    expected = _reference(reference, TRICKY, max_length, stride)
    got = _ours(ours, TRICKY)
    assert [g[0] for g in got] == [e[0] for e in expected]  # as many windows per text
    for g, e in zip(got, expected, strict=True):
        assert g == e, (TRICKY[e[0]], g, e)
    if max_length < 100:
        assert len(got) > 2 * len(TRICKY)  # texts were cut into several windows (stride shared between them)
    unk = ours.token_to_id("[UNK]")
    assert any(unk in g[1] for g in got)  # the over-long word and the unknown scripts became [UNK]


def test_the_onnx_export_carries_the_tokenizer_that_transformers_runs(tmp_path: Path) -> None:
    """An export made here writes ``tokenizer.json``; the backend on ONNX Runtime windows like transformers."""
    import transformers

    model_dir = build_tiny_ner(tmp_path / "tiny", max_positions=64)
    (model_dir / "tokenizer.json").unlink()  # a directory with a vocabulary only: the export writes one
    root = tmp_path / "onnx"
    made = onnx.export_model(model_dir, root, "token-classification")
    assert (made.path / "tokenizer.json").is_file()
    backend = TransformersNer(model_dir, stride=4, onnx_dir=root, runtime="onnxruntime")
    backend.load()
    assert backend.max_length == 62  # 64 positions less 2, as on torch
    reference = transformers.AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    expected = _reference(reference, TRICKY, backend.max_length, backend.stride)
    assert _ours(backend._tokenizer, TRICKY) == expected


def test_an_export_without_its_tokenizer_is_not_used(tmp_path: Path) -> None:
    from app.errors import ModelLoadError

    model_dir = build_tiny_ner(tmp_path / "tiny")
    root = tmp_path / "onnx"
    made = onnx.export_model(model_dir, root, "token-classification")
    (made.path / "tokenizer.json").unlink()
    fallback = TransformersNer(model_dir, onnx_dir=root)
    assert fallback.model.endswith("on torch fp32")
    fallback.load()
    assert fallback.predict(["maria lopez met the mayor"])[0] is not None
    with pytest.raises(ModelLoadError, match="no up-to-date ONNX export"):
        TransformersNer(model_dir, onnx_dir=root, runtime="onnxruntime").load()
