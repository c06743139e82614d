"""The transformer encoders on ONNX Runtime: exported once at install time, run without torch.

    python -m app.nlp.onnx export                     # the packaged MiniLM, models/*/ and ENRICH_*_MODEL_DIR
    python -m app.nlp.onnx export --model DIR --task token-classification
    python -m app.nlp.onnx list                       # what is exported, and for which source directory

``make install`` and the image build run ``export``: torch traces each model (eval mode, eager attention, a padded
sample batch) into ``<ENRICH_ONNX_DIR>/<model folder>-<hash of its path>/model.onnx``, with the tokenizer files
(``tokenizer.json`` written from the fast tokenizer transformers runs, so the run time needs only ``tokenizers``)
and an ``export.json`` manifest beside it. Every export is checked against torch before it is kept (every
sentence's mean-pooled vector or every token's logits, single and padded; cosine >= 0.9999, else the export
fails). Both kinds are then quantised to int8 by default (``--precision``, ``DEFAULT_PRECISION``) and checked
again: a sentence encoder's pooled vectors at cosine >= 0.98, a token classifier's logits at cosine >= 0.95 with
the same best label as torch for >= 99 % of the sample's tokens. The evals are the real check (ROUGE for the
sentence vectors, CoNLL F1 for the token labels: docs/QUALITY.md). Nothing is exported at run time:
the container's root filesystem is read-only. The default ``ENRICH_ONNX_DIR`` is ``share/article-enrichment/onnx``
inside the Python environment, so a virtual environment copied into an image takes its exports along.

At run time ``find_export`` looks the export up by the model directory and checks that the manifest still
matches its weights (file names and sizes, and ``config.json``); a stale or missing export is not used.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.abc
import importlib.machinery
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import numpy as np

from app.nlp.hf import enrich_config
from app.nlp.threads import MODEL_CALLS

log = logging.getLogger(__name__)

Task = Literal["feature-extraction", "token-classification"]
Precision = Literal["fp32", "int8"]
# int8 where the eval shows no loss (docs/QUALITY.md, "Models on ONNX Runtime"): the NER model's CoNLL F1 stayed
# within 0.002 and it ran 2x faster; the sentence embeddings, quantised per channel, kept cosine >= 0.98 to fp32 on
# 800 CNN/DM sentences and the same summary for 149 of 150 CNN/DM dev articles (ROUGE unchanged), at about 2x the
# sentences/s (per tensor, on 2026-12-04, they lost too much: cosine as low as 0.85)
DEFAULT_PRECISION: dict[Task, Precision] = {"feature-extraction": "int8", "token-classification": "int8"}
EXPORT_FORMAT = 1
MANIFEST = "export.json"
OPSET = 17
MIN_COSINE = 0.9999
# int8 weights move a token's logits a little (cosine 0.989-0.997 on the sample for the trained NER weights); what
# must hold is the label each token gets, and the CoNLL eval decides (F1 within 0.002 of fp32, docs/QUALITY.md).
# A sentence vector moves less (MiniLM per channel: 0.981-1.000 on 800 CNN/DM sentences, mean 0.993); the summary
# eval decides (ROUGE against Lead-3 in one run)
MIN_COSINE_INT8: dict[Task, float] = {"feature-extraction": 0.98, "token-classification": 0.95}
MIN_LABEL_AGREEMENT_INT8 = 0.99  # share of the sample's tokens whose best label is the same as torch's
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".h5", ".msgpack", ".onnx", ".ckpt")
_SAMPLE = [
    "The harbour board approved the plan on Tuesday evening after a long debate.",
    "Ferry crews returned to work.",
    "Councillors in Pellham voted to rebuild the town's Victorian pier, which Storm Edda tore apart in January, "
    "and the plan will be paid for by a government grant and a levy on harbour businesses.",
]


def default_onnx_dir() -> Path:
    """``<sys.prefix>/share/article-enrichment/onnx``: inside the virtual environment (or the image's)."""
    return Path(sys.prefix) / "share" / "article-enrichment" / "onnx"


def export_dir_for(model_dir: Path, root: Path) -> Path:
    """Where the export of ``model_dir`` lives under ``root`` (one folder per source directory)."""
    resolved = model_dir.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    return root / f"{resolved.name}-{digest}"


def fingerprint(model_dir: Path) -> str:
    """What the export depends on: the weight files' names and sizes, and ``config.json``'s bytes."""
    h = hashlib.sha256()
    for path in sorted(model_dir.iterdir()):
        if path.is_file() and path.suffix in _WEIGHT_SUFFIXES:
            h.update(f"{path.name}:{path.stat().st_size};".encode())
    config = model_dir / "config.json"
    if config.is_file():
        h.update(config.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Export:
    """An export found for a model directory: its folder and its manifest."""

    path: Path
    manifest: dict[str, Any]

    @property
    def model_file(self) -> Path:
        return self.path / "model.onnx"

    @property
    def precision(self) -> str:
        return str(self.manifest.get("precision", "fp32"))


def find_export(model_dir: Path, root: Path, task: Task) -> Export | None:
    """The up-to-date export of ``model_dir`` for ``task`` under ``root``, or None (missing or stale)."""
    path = export_dir_for(model_dir, root)
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except FileNotFoundError:  # never exported here
        return None
    except (OSError, ValueError) as exc:  # there, but unreadable (permissions) or damaged: say so, not "missing"
        log.warning(
            "unreadable ONNX export ignored",
            extra={"export": str(path), "model_dir": str(model_dir), "reason": f"{type(exc).__name__}: {exc}"},
        )
        return None
    if (
        manifest.get("format") != EXPORT_FORMAT
        or manifest.get("task") != task
        or manifest.get("fingerprint") != fingerprint(model_dir)
        or not (path / "model.onnx").is_file()
    ):
        log.warning("stale ONNX export ignored", extra={"export": str(path), "model_dir": str(model_dir)})
        return None
    return Export(path, manifest)


def session(export: Export, threads: int) -> SharedCoresSession:
    """The export on ONNX Runtime's CPU provider, ``threads`` intra-op threads when its call runs alone (0 = one per
    core), half of them while another model call runs (``SharedCoresSession``)."""
    return SharedCoresSession(export, threads)


class SharedCoresSession:
    """Two ONNX Runtime sessions on one export: one with every thread it may use, one with half of them; each run
    takes the first when it is the only model call running (``app.nlp.threads.MODEL_CALLS``), else the second.

    An ONNX Runtime session keeps the thread pool it was made with, so two models that run at the same moment (the
    entities and summary stages of one article) would each keep every core busy and fight for them; torch models
    avoid that by changing their thread count per pass (``share_torch_threads``). The threads only partition the
    work: both sessions give the same numbers.
    """

    def __init__(self, export: Export, threads: int) -> None:
        alone = threads if threads > 0 else len(os.sched_getaffinity(0))  # 0: one per core this process may use
        self.threads = (alone, max(1, alone // 2))
        lent = _lent_initializers(export.model_file)
        self._alone = _session(export, alone, lent)
        self._shared = self._alone if self.threads[1] == alone else _session(export, self.threads[1], lent)

    def get_inputs(self) -> Any:
        return self._alone.get_inputs()

    def current(self) -> Any:
        """The session for a call that starts now (the call itself counted in ``MODEL_CALLS``)."""
        return self._alone if MODEL_CALLS.running <= 1 else self._shared

    def run(self, output_names: Any, feed: dict[str, Any]) -> Any:
        return self.current().run(output_names, feed)


# An initializer this large is read once per process and lent to every session whose model has the same one (by
# content), instead of each session holding its own copy: the packaged MiniLM's word embeddings (30,522 x 384 fp32,
# 47 MB) are also the trained NER model's (trained with them frozen), and every model has two sessions.
LENT_INITIALIZER_BYTES = 4 << 20
_LENT: dict[str, tuple[Any, Any]] = {}  # sha256 of the tensor's bytes -> (its array, the OrtValue over that array)
_LENT_LOCK = threading.Lock()


def _lent_initializers(model_file: Path) -> list[tuple[str, Any]]:
    """(name, OrtValue) of the model's initializers of ``LENT_INITIALIZER_BYTES`` or more, shared process-wide."""
    import onnxruntime as ort

    out: list[tuple[str, Any]] = []
    with _LENT_LOCK:
        for name, dtype, dims, raw in large_initializers(model_file.read_bytes(), LENT_INITIALIZER_BYTES):
            key = hashlib.sha256(raw).hexdigest()
            held = _LENT.get(key)
            if held is None:
                array = np.frombuffer(raw, dtype=dtype).reshape(dims).copy()  # owns its memory, kept here
                held = _LENT[key] = (array, ort.OrtValue.ortvalue_from_numpy(array))
            out.append((name, held[1]))
    return out


# ONNX TensorProto data types read by ``large_initializers``; tensors of other types are not lent.
_TENSOR_DTYPES: dict[int, str] = {1: "<f4", 2: "u1", 3: "i1", 6: "<i4", 7: "<i8", 10: "<f2", 11: "<f8"}


def large_initializers(model: bytes, min_bytes: int) -> list[tuple[str, str, tuple[int, ...], memoryview]]:
    """(name, numpy dtype, dims, raw bytes) of the graph initializers of an ONNX model file whose ``raw_data`` has
    ``min_bytes`` or more, read from the protobuf wire format directly: the runtime image leaves the ``onnx``
    package out (only the export needs it). Fields used: ModelProto.graph (7), GraphProto.initializer (5),
    TensorProto.dims (1), data_type (2), name (8), raw_data (9); every other field is skipped by its length."""
    view = memoryview(model)
    found: list[tuple[str, str, tuple[int, ...], memoryview]] = []
    for number, graph in _fields(view):
        if number != 7 or not isinstance(graph, memoryview):
            continue
        for field, tensor in _fields(graph):
            if field != 5 or not isinstance(tensor, memoryview) or len(tensor) < min_bytes:
                continue
            dims: list[int] = []
            dtype, name, raw = 0, "", memoryview(b"")
            for key, value in _fields(tensor):
                if key == 1:
                    dims.extend([value] if isinstance(value, int) else list(_varints(value)))
                elif key == 2 and isinstance(value, int):
                    dtype = value
                elif key == 8 and isinstance(value, memoryview):
                    name = bytes(value).decode("utf-8")
                elif key == 9 and isinstance(value, memoryview):
                    raw = value
            numpy_dtype = _TENSOR_DTYPES.get(dtype)
            size = int(np.prod(dims, dtype=np.int64)) * np.dtype(numpy_dtype).itemsize if numpy_dtype else -1
            if numpy_dtype is not None and name and len(raw) >= min_bytes and len(raw) == size:
                found.append((name, numpy_dtype, tuple(dims), raw))
    return found


def _varint(view: memoryview, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = view[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def _varints(view: memoryview) -> list[int]:
    out, at = [], 0
    while at < len(view):
        value, at = _varint(view, at)
        out.append(value)
    return out


def _fields(view: memoryview) -> list[tuple[int, int | memoryview]]:
    """The fields of one protobuf message: (number, varint value or the bytes of a length-delimited field)."""
    out: list[tuple[int, int | memoryview]] = []
    at = 0
    while at < len(view):
        key, at = _varint(view, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = _varint(view, at)
            out.append((number, value))
        elif wire == 2:
            length, at = _varint(view, at)
            out.append((number, view[at : at + length]))
            at += length
        elif wire in (1, 5):
            at += 8 if wire == 1 else 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
    return out


def _session(export: Export, threads: int, lent: Sequence[tuple[str, Any]] = ()) -> Any:
    """An ONNX Runtime CPU session on the export, ``threads`` intra-op threads, no spinning, the ``lent``
    initializers used in place of the file's copies.

    Idle threads do not spin: on a shared machine, and beside spaCy in the same process, a spinning pool takes
    cores that other work needs.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    for name, value in lent:
        options.add_initializer(name, value)
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(str(export.model_file), options, providers=["CPUExecutionProvider"])


def runtime_name(export: Export | None) -> str:
    """How a model runs, for ``/v1/info`` and ``pipeline.stages[].model``: ``onnxruntime fp32`` or ``torch fp32``."""
    if export is None:
        return "torch fp32"
    import onnxruntime as ort

    return f"onnxruntime {ort.__version__} {export.precision}"


def feed(input_names: Sequence[str], batch: dict[str, Any]) -> dict[str, Any]:
    """The session's inputs from a tokenizer batch, as int64; a ``token_type_ids`` the batch lacks is zeros."""
    ids = np.asarray(batch["input_ids"], dtype=np.int64)
    out: dict[str, Any] = {}
    for name in input_names:
        value = batch.get(name)
        out[name] = np.zeros_like(ids) if value is None else np.asarray(value, dtype=np.int64)
    return out


def mean_pooled(hidden: Any, mask: Any) -> Any:
    """Mean over the unmasked tokens, L2-normalised (numpy; the sentence-transformers pooling of MiniLM)."""
    m = mask[..., None].astype(hidden.dtype)
    pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
    norm = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norm, 1e-12, None)).astype(np.float32)


# ---- torch stays out of a pipeline that does not need it ----------------------------------------------------


class _NoTorch(importlib.abc.MetaPathFinder):
    """Makes ``import torch`` fail while installed, so that libraries which import it only when present (thinc,
    under spaCy) do without it."""

    def find_spec(self, name: str, path: Sequence[str] | None, target: ModuleType | None = None) -> None:
        if name == "torch" or name.startswith("torch."):
            raise ModuleNotFoundError(f"torch is kept out of this process ({__name__})", name=name)


_BLOCKER = _NoTorch()


def keep_torch_out() -> None:
    """Keep torch from being imported until ``allow_torch`` (no effect when it is imported already)."""
    if "torch" not in sys.modules and _BLOCKER not in sys.meta_path:
        sys.meta_path.insert(0, _BLOCKER)


def allow_torch() -> None:
    """Let torch be imported again (a model that runs on torch is being loaded)."""
    if _BLOCKER in sys.meta_path:
        sys.meta_path.remove(_BLOCKER)


def import_thinc_without_torch() -> None:
    """Import thinc (spaCy's machine-learning library) with torch kept out, unless torch is imported already.

    thinc imports torch whenever it is installed, only to offer torch layers that the spaCy models here never use;
    that alone costs hundreds of MB of memory in a process whose models run on ONNX Runtime. Called when a stage
    is built, before any model loads, so no other thread imports thinc first. torch stays importable afterwards.
    """
    if "torch" in sys.modules or "thinc.compat" in sys.modules:
        return
    keep_torch_out()
    try:
        import thinc.compat  # noqa: F401
    finally:
        allow_torch()


# ---- export (install time only: needs torch and transformers) ----------------------------------------------


def export_model(model_dir: Path, root: Path, task: Task, precision: Precision | None = None) -> Export:
    """Export ``model_dir`` for ``task`` under ``root`` (replacing an older export), check it, and return it.

    ``precision`` (default ``DEFAULT_PRECISION[task]``): ``fp32``, or ``int8``: the fp32 graph, checked, then
    quantised (``quantize_int8``) and checked again with a looser bound.
    """
    precision = precision or DEFAULT_PRECISION[task]
    allow_torch()
    import torch
    import transformers

    auto = transformers.AutoModel if task == "feature-extraction" else transformers.AutoModelForTokenClassification
    base = enrich_config(model_dir).get("enrich_base_word_embeddings") if task == "token-classification" else None
    if base:  # a fine-tuned model that keeps its base's word embeddings (training/ner/train.py)
        from app.nlp.ner import load_with_base_embeddings

        tokenizer, model = load_with_base_embeddings(model_dir, str(base), attn_implementation="eager")
        model = model.eval()
    else:
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        model = auto.from_pretrained(str(model_dir), local_files_only=True, attn_implementation="eager").eval()
    import inspect

    names = ["input_ids", "attention_mask"]
    if "token_type_ids" in inspect.signature(model.forward).parameters:
        names.append("token_type_ids")

    class Wrapped(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *inputs: Any) -> Any:
            outputs = self.inner(**dict(zip(names, inputs, strict=True)))
            return outputs.last_hidden_state if task == "feature-extraction" else outputs.logits

    wrapped = Wrapped(model).eval()

    def encoded(texts: list[str]) -> dict[str, Any]:
        batch = dict(tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt"))
        if "token_type_ids" in names and "token_type_ids" not in batch:
            batch["token_type_ids"] = torch.zeros_like(batch["input_ids"])
        return {k: batch[k] for k in names}

    target = export_dir_for(model_dir, root)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=root))
    try:
        sample = encoded(_SAMPLE[:2])  # padded: the mask takes part in the traced graph
        # the legacy (TorchScript) exporter: it needs no onnxscript, and the checks below prove its graph;
        # its deprecation and tracer warnings are expected
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                wrapped,
                tuple(sample.values()),
                str(staging / "model.onnx"),
                input_names=names,
                output_names=["output"],
                dynamic_axes={k: {0: "batch", 1: "sequence"} for k in [*names, "output"]},
                opset_version=OPSET,
                dynamo=False,
            )
        wrapped.eval()  # the exporter restores the module's previous mode; make sure dropout stays off
        for item in model_dir.iterdir():
            if item.is_file() and item.suffix not in _WEIGHT_SUFFIXES and item.name != "README.md":
                shutil.copy2(item, staging / item.name)
        backend = getattr(tokenizer, "backend_tokenizer", None)
        if backend is not None:  # the tokenizer transformers actually runs, for the `tokenizers`-only run time
            from tokenizers import Tokenizer

            plain = Tokenizer.from_str(backend.to_str())
            plain.no_padding()  # the sample batches above left their padding and truncation on it
            plain.no_truncation()
            plain.save(str(staging / "tokenizer.json"))
        worst = _check(wrapped, staging, encoded, task)
        int8: dict[str, Any] = {}
        if precision == "int8":
            int8 = quantize_int8(staging / "model.onnx")
            int8["min_cosine_vs_torch"] = _check(
                wrapped, staging, encoded, task, MIN_COSINE_INT8[task], min_agreement=MIN_LABEL_AGREEMENT_INT8
            )
        manifest = {
            "format": EXPORT_FORMAT,
            "task": task,
            "source": str(model_dir.resolve()),
            "fingerprint": fingerprint(model_dir),
            "inputs": names,
            "opset": OPSET,
            "precision": precision,
            "torch": torch.__version__,
            "min_cosine_vs_torch": worst,
            **({"int8": int8} if int8 else {}),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        # mkdtemp made the folder 0700: readable by its owner only, and the image runs the service as another user
        staging.chmod(0o755)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return Export(target, manifest)


def quantize_int8(model_file: Path) -> dict[str, Any]:
    """Quantise ``model_file`` in place: ONNX Runtime dynamic quantisation of every MatMul's weights to int8, one
    scale per output channel, except the last MatMul before the graph's output (a token classifier's head, whose
    few columns each decide a label). Returns what was done, for the manifest."""
    import onnx as onnx_lib
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx_lib.load(str(model_file), load_external_data=False).graph
    producers = {out: node for node in graph.node for out in node.output}
    head: str | None = None
    node = producers.get(graph.output[0].name)
    while node is not None:
        if node.op_type == "MatMul":
            head = node.name
            break
        node = next((producers[i] for i in node.input if i in producers and producers[i].op_type != "Constant"), None)
    excluded = [head] if head else []
    quantized = model_file.with_suffix(".int8.onnx")
    quiet = logging.getLogger().level
    logging.getLogger().setLevel(logging.ERROR)  # "consider pre-processing": the graph is optimised at load
    try:
        quantize_dynamic(
            str(model_file),
            str(quantized),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
            nodes_to_exclude=excluded,
        )
    finally:
        logging.getLogger().setLevel(quiet)
    os.replace(quantized, model_file)
    return {"scheme": "dynamic, MatMul weights QInt8 per channel", "fp32_nodes": excluded}


def _check(
    wrapped: Any,
    staging: Path,
    encoded: Any,
    task: Task,
    bound: float = MIN_COSINE,
    *,
    min_agreement: float | None = None,
) -> float:
    """The lowest cosine between torch and ONNX Runtime outputs on the sample, alone and padded together; below
    ``bound`` the export fails, and so does a token classifier whose tokens get torch's best label less often than
    ``min_agreement`` (when given)."""
    import torch

    runner = session(Export(staging, {}), 1)
    input_names = [i.name for i in runner.get_inputs()]
    worst = 1.0
    same, tokens = 0, 0
    for texts in [[t] for t in _SAMPLE] + [list(_SAMPLE)]:
        batch = encoded(texts)
        with torch.inference_mode():
            expected = wrapped(*batch.values()).float().numpy()
        got = runner.run(None, feed(input_names, {k: v.numpy() for k, v in batch.items()}))[0]
        mask = batch["attention_mask"].numpy()
        if task == "feature-extraction":
            a, b = mean_pooled(expected, mask), mean_pooled(got, mask)
            cosines = (a * b).sum(axis=1)
        else:
            a, b = expected[mask.astype(bool)], got[mask.astype(bool)]
            cosines = (a * b).sum(axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
            same += int((a.argmax(axis=1) == b.argmax(axis=1)).sum())
            tokens += len(a)
        worst = min(worst, float(cosines.min()))
    if worst < bound:
        raise RuntimeError(f"ONNX export of {staging} differs from torch: cosine {worst:.6f} < {bound}")
    if min_agreement is not None and task == "token-classification" and tokens and same / tokens < min_agreement:
        raise RuntimeError(
            f"ONNX export of {staging} labels tokens unlike torch: {same}/{tokens} agree, under {min_agreement}"
        )
    return round(worst, 7)


def _task_of(model_dir: Path) -> Task:
    config = json.loads((model_dir / "config.json").read_text())
    archs = " ".join(config.get("architectures") or [])
    return "token-classification" if "TokenClassification" in archs else "feature-extraction"


def _targets(args: argparse.Namespace) -> list[tuple[Path, Task]]:
    from app.nlp.embeddings import default_embedding_model

    targets: list[tuple[Path, Task]] = []
    if args.model:
        return [(Path(m), args.task or _task_of(Path(m))) for m in args.model]
    targets.append((default_embedding_model()[0], "feature-extraction"))
    baked: list[tuple[str, Task]] = [("ner", "token-classification"), ("embedding", "feature-extraction")]
    for folder in args.models:
        for name, task in baked:
            if (Path(folder) / name / "config.json").is_file():
                targets.append((Path(folder) / name, task))
    configured: list[tuple[str, Task]] = [
        ("ENRICH_NER_MODEL_DIR", "token-classification"),
        ("ENRICH_EMBEDDING_MODEL_DIR", "feature-extraction"),
    ]
    for var, task in configured:
        if os.environ.get(var) and (Path(os.environ[var]) / "config.json").is_file():
            targets.append((Path(os.environ[var]), task))
    seen: set[Path] = set()
    return [(p, t) for p, t in targets if not (p.resolve() in seen or seen.add(p.resolve()))]  # type: ignore[func-returns-value]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export", help="export models to ONNX (needs torch; install time only)")
    exp.add_argument("--out", type=Path, default=None, help="export root (default: ENRICH_ONNX_DIR or the venv's)")
    exp.add_argument("--model", action="append", help="a model directory (repeatable); default: see module help")
    exp.add_argument("--task", choices=("feature-extraction", "token-classification"), default=None)
    exp.add_argument("--models", action="append", default=["models"], help="a folder with ner/ and embedding/")
    exp.add_argument("--if-stale", action="store_true", help="skip models whose export is up to date")
    exp.add_argument(
        "--precision", choices=("auto", "fp32", "int8"), default="auto", help="auto: DEFAULT_PRECISION (int8)"
    )
    lst = sub.add_parser("list", help="the exports under the root")
    lst.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.out or Path(os.environ.get("ENRICH_ONNX_DIR") or default_onnx_dir())
    if args.command == "list":
        for manifest in sorted(root.glob(f"*/{MANIFEST}")):
            data = json.loads(manifest.read_text())
            print(f"{manifest.parent}: {data['task']} {data['precision']} from {data['source']}")
        return 0
    logging.basicConfig(level=logging.WARNING)
    for model_dir, task in _targets(args):
        precision: Precision = DEFAULT_PRECISION[task] if args.precision == "auto" else args.precision
        found = find_export(model_dir, root, task) if args.if_stale else None
        if found is not None and found.precision == precision:
            print(f"up to date: {model_dir} ({task}, {precision})")
            continue
        done = export_model(model_dir, root, task, precision)
        cosine = done.manifest.get("int8", done.manifest)["min_cosine_vs_torch"]  # of what will run
        print(f"exported {model_dir} ({task}, {precision}) -> {done.path} (lowest cosine to torch {cosine})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
