"""ONNX Runtime against torch: the packaged MiniLM and tiny models exported here; torch stays out at run time."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.errors import ModelLoadError
from app.nlp import ner, onnx
from app.nlp.embeddings import SentenceEmbedder, default_embedding_model
from app.nlp.ner import TransformersNer
from tests.nlp.tiny_ner import LABELS, VOCAB, build_tiny_ner
from training.ner.train import MODEL_NAME

SENTENCES = [
    "The harbour board approved the plan on Tuesday evening after a long debate.",
    "Ferry crews returned to work.",
    "“It’s very, very good news,” said a haulier who had waited four days at Ardmore\u00a0harbour.",
    "Zürich's council, São Paulo's mayor and the Ōsaka port authority signed the agreement.",
    " ".join(["The council met again and again to discuss the pier and the levy."] * 30),  # past 256 word pieces
]


@pytest.fixture(scope="module")
def minilm_trio(minilm_fp32_root: Path) -> tuple[SentenceEmbedder, SentenceEmbedder, SentenceEmbedder]:
    """The packaged MiniLM on its default (int8) export as `make install` made it, on an fp32 export, and on
    torch."""
    model_dir, name = default_embedding_model()
    on_default = SentenceEmbedder(model_dir, name=name, runtime="onnxruntime")
    on_fp32 = SentenceEmbedder(model_dir, name=name, runtime="onnxruntime", onnx_dir=minilm_fp32_root)
    on_torch = SentenceEmbedder(model_dir, name=name, runtime="torch")
    for embedder in (on_default, on_fp32, on_torch):
        embedder.load()
    return on_default, on_fp32, on_torch


def test_the_packaged_minilm_runs_on_onnx_runtime_with_the_vectors_of_torch(
    minilm_trio: tuple[SentenceEmbedder, SentenceEmbedder, SentenceEmbedder],
) -> None:
    _, on_fp32, on_torch = minilm_trio
    assert on_fp32.runtime.startswith("onnxruntime ") and on_fp32.runtime.endswith(" fp32")
    assert on_fp32.name.endswith(f"on {on_fp32.runtime}") and on_torch.name.endswith("on torch fp32")
    assert on_fp32.max_length == on_torch.max_length == 256
    got = np.stack(on_fp32.embed(SENTENCES))
    expected = np.stack(on_torch.embed(SENTENCES))
    cosines = (got * expected).sum(axis=1)
    assert cosines.min() >= 0.9999, cosines
    # alone or batched with longer sentences, the same vector
    alone = on_fp32.embed([SENTENCES[1]])[0]
    assert float(alone @ got[1]) >= 0.99999


def test_the_default_minilm_export_is_int8_and_close_to_torch(
    minilm_trio: tuple[SentenceEmbedder, SentenceEmbedder, SentenceEmbedder],
) -> None:
    on_default, _, on_torch = minilm_trio
    assert on_default.runtime.startswith("onnxruntime ") and on_default.runtime.endswith(" int8")
    got = np.stack(on_default.embed(SENTENCES))
    expected = np.stack(on_torch.embed(SENTENCES))
    assert (got * expected).sum(axis=1).min() >= onnx.MIN_COSINE_INT8["feature-extraction"]
    # dynamic quantisation scales activations per batch: a sentence's vector moves a little with its batch mates
    # (docs/QUALITY.md), but stays its own: nearer its torch vector than any other sentence's
    alone = np.stack([on_default.embed([s])[0] for s in SENTENCES])
    assert (alone * got).sum(axis=1).min() >= onnx.MIN_COSINE_INT8["feature-extraction"]
    assert list((alone @ expected.T).argmax(axis=1)) == list(range(len(SENTENCES)))


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_ner(tmp_path_factory.mktemp("tiny") / "bert", max_positions=64)


def test_an_export_is_found_only_while_it_matches_its_model_directory(
    tiny_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "onnx"
    assert onnx.find_export(tiny_dir, root, "token-classification") is None
    made = onnx.export_model(tiny_dir, root, "token-classification")
    assert made.manifest["min_cosine_vs_torch"] >= onnx.MIN_COSINE
    assert made.manifest["inputs"] == ["input_ids", "attention_mask", "token_type_ids"]
    assert onnx.find_export(tiny_dir, root, "token-classification") == made
    assert onnx.find_export(tiny_dir, root, "feature-extraction") is None  # another task
    # readable by any user: the image exports as root and serves as an unprivileged user
    assert made.path.stat().st_mode & 0o005 == 0o005
    assert all(p.stat().st_mode & 0o004 for p in made.path.iterdir())
    changed = tmp_path / "changed"
    changed.mkdir()
    for item in tiny_dir.iterdir():
        (changed / item.name).write_bytes(item.read_bytes())
    onnx.export_model(changed, root, "token-classification")
    config = json.loads((changed / "config.json").read_text())
    (changed / "config.json").write_text(json.dumps({**config, "id2label": {str(i): "O" for i in range(9)}}))
    assert onnx.find_export(changed, root, "token-classification") is None  # stale: not used
    # damaged: not used, and the log says why (not "missing")
    manifest = made.path / onnx.MANIFEST
    manifest.write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="app.nlp.onnx"):
        assert onnx.find_export(tiny_dir, root, "token-classification") is None
    assert any(r.getMessage() == "unreadable ONNX export ignored" for r in caplog.records)
    strict = TransformersNer(changed, runtime="onnxruntime", onnx_dir=root)
    with pytest.raises(ModelLoadError, match="no up-to-date ONNX export"):
        strict.load()


def test_transformers_ner_on_onnx_runtime_finds_the_entities_of_torch(tiny_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "onnx"
    onnx.export_model(tiny_dir, root, "token-classification", "fp32")
    on_onnx = TransformersNer(tiny_dir, stride=8, onnx_dir=root, windows_per_forward=2)
    on_torch = TransformersNer(tiny_dir, stride=8, runtime="torch", windows_per_forward=2)
    on_onnx.load()
    on_torch.load()
    assert on_onnx.model.startswith("transformers:bert on onnxruntime ") and on_onnx.model.endswith(" fp32")
    assert on_torch.model == "transformers:bert on torch fp32"
    texts = [
        "The mayor of Springfield, Maria Lopez, met officials of the United Nations in Geneva on Monday. " * 6,
        "City council approved the budget.",
        "",
    ]
    got, expected = on_onnx.predict(texts), on_torch.predict(texts)
    assert [[(s.start, s.end, s.label) for s in spans] for spans in got] == [
        [(s.start, s.end, s.label) for s in spans] for spans in expected
    ]
    assert any(got)  # random weights still tag some words
    for a, b in zip(got, expected, strict=True):
        assert [s.score for s in a] == pytest.approx([s.score for s in b], abs=1e-4)


def test_a_token_type_input_reaches_the_onnx_graph(tiny_dir: Path, tmp_path: Path) -> None:
    """A model that reads a class per token from ``token_type_ids`` (casing, say) gets it on ONNX Runtime too."""
    import torch
    import transformers

    config = json.loads((tiny_dir / "config.json").read_text())
    typed = tmp_path / "typed"
    typed.mkdir()
    for item in tiny_dir.iterdir():
        (typed / item.name).write_bytes(item.read_bytes())
    model = transformers.AutoModelForTokenClassification.from_pretrained(str(tiny_dir))
    model.resize_token_type_embeddings = None
    with torch.no_grad():
        embeddings = torch.nn.Embedding(4, config["hidden_size"])
        embeddings.weight.normal_(0, 1.0)
        model.bert.embeddings.token_type_embeddings = embeddings
    model.config.type_vocab_size = 4
    model.save_pretrained(typed)
    export = onnx.export_model(typed, tmp_path / "onnx", "token-classification", "fp32")
    session = onnx.session(export, 1)
    ids = torch.tensor([[2, 11, 14, 15, 5, 3]])
    mask = torch.ones_like(ids)
    types = torch.tensor([[0, 1, 2, 3, 0, 0]])
    names = [i.name for i in session.get_inputs()]
    batch = {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": types.numpy()}
    got = session.run(None, onnx.feed(names, batch))[0]
    zeros = session.run(None, onnx.feed(names, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}))[0]
    model.eval()
    with torch.no_grad():
        expected = model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits.numpy()
    assert np.abs(got - expected).max() < 1e-4
    assert np.abs(got - zeros).max() > 1e-3  # the classes change the logits: they are not ignored
    assert len(LABELS) == got.shape[-1]


def test_a_session_takes_half_the_threads_while_another_model_call_runs_with_the_same_numbers(
    tiny_dir: Path, tmp_path: Path
) -> None:
    """Two models running at once each keep every core busy unless one of them gives way: a call that runs
    beside another takes the session with half the threads; the threads only split the work."""
    from app.nlp.threads import MODEL_CALLS

    export = onnx.export_model(tiny_dir, tmp_path / "onnx", "token-classification", "int8")
    session = onnx.session(export, 2)
    assert session.threads == (2, 1)
    names = [i.name for i in session.get_inputs()]
    ids = np.array([[2, 11, 14, 15, 5, 3], [2, 7, 9, 3, 0, 0]])
    batch = onnx.feed(names, {"input_ids": ids, "attention_mask": (ids > 0).astype(np.int64)})
    with MODEL_CALLS.call():  # this call alone
        assert session.current().get_session_options().intra_op_num_threads == 2
        alone = session.run(None, batch)[0]
    with MODEL_CALLS.call(), MODEL_CALLS.call():  # this call and another
        assert session.current().get_session_options().intra_op_num_threads == 1
        shared = session.run(None, batch)[0]
    assert np.array_equal(alone, shared)
    assert onnx.session(export, 1).threads == (1, 1)


def test_large_initializers_are_held_once_and_lent_to_every_session_with_the_same_numbers(
    tiny_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The word embeddings shared by the packaged MiniLM and the NER model (47 MB each) are held once per process
    for all four sessions; lending changes no number. (The tiny model's tables are lent from 1 KB here.)"""
    monkeypatch.setattr(onnx, "LENT_INITIALIZER_BYTES", 1024)
    monkeypatch.setattr(onnx, "_LENT", {})
    first = onnx.export_model(tiny_dir, tmp_path / "a", "token-classification", "fp32")
    second = onnx.export_model(tiny_dir, tmp_path / "b", "token-classification", "fp32")
    lent_a, lent_b = onnx._lent_initializers(first.model_file), onnx._lent_initializers(second.model_file)
    assert lent_a and [v for _, v in lent_a] == [v for _, v in lent_b]  # the very same values, not copies
    assert len(onnx._LENT) == len(lent_a)
    ids = np.array([[2, 11, 14, 15, 5, 3]])
    plain = onnx._session(first, 1)
    names = [i.name for i in plain.get_inputs()]
    batch = onnx.feed(names, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
    expected = plain.run(None, batch)[0]
    assert np.array_equal(onnx.session(second, 2).run(None, batch)[0], expected)


def test_initializers_are_read_from_the_model_file_as_the_onnx_package_reads_them(
    tiny_dir: Path, tmp_path: Path
) -> None:
    """The runtime image has no ``onnx`` package: the lent initializers are read from the protobuf directly."""
    from onnx import load, numpy_helper

    for precision in ("fp32", "int8"):
        export = onnx.export_model(tiny_dir, tmp_path / precision, "token-classification", precision)
        expected = {
            t.name: numpy_helper.to_array(t) for t in load(str(export.model_file)).graph.initializer if t.raw_data
        }
        got = onnx.large_initializers(export.model_file.read_bytes(), 1)
        assert {name for name, *_ in got} == {name for name, value in expected.items() if value.dtype != np.bool_}
        for name, dtype, dims, raw in got:
            assert np.array_equal(np.frombuffer(raw, dtype=dtype).reshape(dims), expected[name])
            assert np.dtype(dtype) == expected[name].dtype


def test_a_token_classifier_is_exported_in_int8_by_default_with_its_head_in_fp32(tmp_path: Path) -> None:
    model_dir = build_tiny_ner(tmp_path / "b-loc", force_label="B-LOC")
    root = tmp_path / "onnx"
    assert onnx.main(["export", "--model", str(model_dir), "--out", str(root), "--task", "token-classification"]) == 0
    int8 = onnx.find_export(model_dir, root, "token-classification")
    assert int8 is not None and int8.precision == "int8"
    assert int8.manifest["int8"]["fp32_nodes"] == ["/inner/classifier/MatMul"]
    assert int8.manifest["int8"]["min_cosine_vs_torch"] >= onnx.MIN_COSINE_INT8["token-classification"]
    on_int8 = TransformersNer(model_dir, onnx_dir=root, runtime="onnxruntime")
    on_int8.load()
    assert on_int8.model.endswith(" int8")  # the result cache and /v1/info tell int8 from fp32
    on_torch = TransformersNer(model_dir, runtime="torch")
    on_torch.load()
    texts = ["geneva springfield maria lopez", "the council met in geneva on monday"]
    assert on_int8.predict(texts) == on_torch.predict(texts)
    # make install's `export --if-stale` makes an export of another precision again, and only then
    command = ["export", "--model", str(model_dir), "--out", str(root), "--task", "token-classification"]
    onnx.main([*command, "--precision", "fp32", "--if-stale"])
    again = onnx.find_export(model_dir, root, "token-classification")
    assert again is not None and again.precision == "fp32" and again.manifest["min_cosine_vs_torch"] >= onnx.MIN_COSINE
    onnx.main([*command, "--if-stale"])
    found = onnx.find_export(model_dir, root, "token-classification")
    assert found is not None and found.precision == "int8"
    stamp = (found.path / "model.onnx").stat().st_mtime_ns
    onnx.main([*command, "--if-stale"])
    assert (found.path / "model.onnx").stat().st_mtime_ns == stamp  # up to date: not exported again


SCRIPT = """
import asyncio, json, sys
from app.service import EnrichmentService
from app.settings import Settings

TEXT = (
    "Harbour town votes to rebuild its pier\\n\\nBy Marta Quinlan\\n\\n"
    "Councillors in Pellham voted on Tuesday to rebuild the town's Victorian pier, which a storm tore apart in "
    "January. The plan will be paid for by a government grant and a levy on harbour businesses.\\n\\n"
    "Council leader Ada Brenner said the pier was the heart of the town. Work on the new deck will begin in April."
)

async def main():
    service = EnrichmentService(Settings())
    await service.load()
    doc = await service.enrich(TEXT)
    await service.close()
    stages = {s.name: [s.status, s.model] for s in doc.pipeline.stages}
    print(json.dumps({"torch": sorted(m for m in sys.modules if m == "torch" or m.startswith("torch.")),
                      "transformers": sorted(m for m in sys.modules if m.split(".")[0] == "transformers"),
                      "stages": stages, "summary": doc.summary.text if doc.summary else None,
                      "entities": [[e.text, e.label] for e in doc.entities or []]}))

asyncio.run(main())
"""


def _run_pipeline(**env: str) -> dict[str, Any]:
    """Load the service with ``env`` in a fresh process, enrich one article with every stage, and report what it
    imported, each stage's status and model, the summary and the entities."""
    full_env = {
        **os.environ,
        "ENRICH_MODEL_RUNTIME": "onnxruntime",
        "ENRICH_LOG_JSON": "false",
        "ENRICH_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=full_env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(result["stages"]) == {"segment", "credits", "language", "entities", "summary"}
    assert all(status == "ok" for status, _ in result["stages"].values()), result["stages"]
    return result


def test_the_default_pipeline_runs_without_importing_torch_or_transformers() -> None:
    """The shipped trained NER model and the packaged MiniLM, as `make install` exported them, default settings."""
    from app.nlp.embeddings import default_embedding_model
    from app.settings import SHIPPED_NER_MODEL

    root = onnx.default_onnx_dir()
    exports: list[tuple[Path, onnx.Task]] = [
        (SHIPPED_NER_MODEL, "token-classification"),
        (default_embedding_model()[0], "feature-extraction"),
    ]
    for model_dir, task in exports:
        assert onnx.find_export(model_dir, root, task) is not None, (
            f"{model_dir} has no up-to-date export under {root}: run `make onnx` (make install does it)"
        )
    result = _run_pipeline()
    assert result["torch"] == [] and result["transformers"] == [], result
    assert " on onnxruntime " in result["stages"]["entities"][1]
    assert result["stages"]["entities"][1].startswith("transformers:")  # the trained model, not spaCy
    assert " on onnxruntime " in result["stages"]["summary"][1]
    assert ["Ada Brenner", "PERSON"] in result["entities"], result["entities"]
    assert result["summary"] and "Pellham" in result["summary"]


def test_a_trained_ner_directory_of_the_shipped_format_runs_without_torch(tiny_dir: Path, tmp_path: Path) -> None:
    """Any directory written by the training script (casing token types, base word embeddings) exported here."""
    from tests.nlp.test_ner_casing import _tiny_base, _trained_dir

    _tiny_base(tmp_path / "base", len(VOCAB))
    trained = _trained_dir(tmp_path)
    root = tmp_path / "onnx"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ner, "base_model_dir", lambda package: tmp_path / "base")
        onnx.export_model(trained, root, "token-classification")
    onnx.export_model(tiny_dir, root, "feature-extraction")
    result = _run_pipeline(
        ENRICH_NER_MODEL_DIR=str(trained), ENRICH_EMBEDDING_MODEL_DIR=str(tiny_dir), ENRICH_ONNX_DIR=str(root)
    )
    assert result["torch"] == [] and result["transformers"] == [], result
    assert result["stages"]["entities"][1].startswith(f"transformers:{MODEL_NAME} on onnxruntime ")
    assert " on onnxruntime " in result["stages"]["summary"][1]


def test_the_pipeline_with_spacy_ner_runs_without_importing_torch(tiny_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "onnx"
    onnx.export_model(tiny_dir, root, "feature-extraction")
    result = _run_pipeline(
        ENRICH_EMBEDDING_MODEL_DIR=str(tiny_dir), ENRICH_ONNX_DIR=str(root), ENRICH_NER_BACKEND="spacy"
    )
    assert result["torch"] == [] and result["transformers"] == [], result
    assert result["stages"]["entities"][1].startswith("spacy:")
    assert " on onnxruntime " in result["stages"]["summary"][1]
    assert result["summary"] and "Pellham" in result["summary"]
