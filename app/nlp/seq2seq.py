"""Abstractive summaries with any Hugging Face seq2seq model directory (BART, T5, PEGASUS ...).

Long input is never cut silently: ``plan_chunks`` packs whole sentences into chunks that fit the encoder (a
sentence longer than the encoder's limit is split between word pieces), every chunk is summarised, and the
chunk summaries are joined in order. Only the number of chunks is bounded (``max_chunks``); what lies beyond that
bound is reported by the caller in a warning.

``load`` and ``summarize`` block: run them in a micro-batcher's model thread, never on the event loop.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.nlp.hf import load_pretrained
from app.nlp.threads import share_torch_threads

log = logging.getLogger(__name__)

# Most encoders of summarisation models take 512 or 1024 positions; this bounds a tokenizer that reports none.
FALLBACK_MAX_INPUT_TOKENS = 512
# Used only when the model's generation config sets no output length at all.
FALLBACK_MAX_NEW_TOKENS = 256


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive input sentences, and the character range of the input they cover."""

    text: str
    start: int
    end: int


class Seq2SeqSummarizer:
    """A seq2seq summarisation model loaded from a local directory (nothing is downloaded)."""

    def __init__(self, model_dir: Path, *, name: str | None = None, torch_threads: int = 0) -> None:
        self.model_dir = model_dir
        self.name = name if name is not None else _model_name(model_dir)
        self.torch_threads = torch_threads
        self.max_input_tokens = FALLBACK_MAX_INPUT_TOKENS
        self.prefix = ""
        self._tokenizer: Any = None
        self._model: Any = None
        # fast tokenizers are not safe to call from two threads at once ("Already borrowed")
        self._tokenizer_lock = threading.Lock()

    def load(self) -> None:
        """Load the tokenizer and the model (blocking)."""
        self._tokenizer, model = load_pretrained(self.model_dir, "AutoModelForSeq2SeqLM", what="a seq2seq model")
        self._model = model
        self.max_input_tokens = _max_input_tokens(self._tokenizer, model)
        # T5-style models are trained with a task prefix, recorded in their config
        params = getattr(model.config, "task_specific_params", None) or {}
        self.prefix = str(params.get("summarization", {}).get("prefix", "") or "")
        log.info("seq2seq model loaded", extra={"model": self.name, "max_input_tokens": self.max_input_tokens})

    def count_tokens(self, text: str) -> int:
        """Word pieces of ``text`` as the encoder sees it (prefix and special tokens included)."""
        with self._tokenizer_lock:
            return len(self._tokenizer(self.prefix + text, truncation=False)["input_ids"])

    def plan_chunks(self, sentences: Sequence[tuple[str, int, int]]) -> list[Chunk]:
        """Pack ``(text, start, end)`` sentences, in order, into chunks that each fit the encoder."""
        if self._tokenizer is None:
            raise RuntimeError("the seq2seq model is not loaded")
        overhead = self.count_tokens("")
        budget = max(8, self.max_input_tokens - overhead)
        chunks: list[Chunk] = []
        parts: list[tuple[str, int, int]] = []
        used = 0
        for text, start, end in sentences:
            size = self.count_tokens(text) - overhead + 1
            if size > budget:
                if parts:
                    chunks.append(_join(parts))
                    parts, used = [], 0
                chunks.extend(self._split_long(text, start, end, budget))
                continue
            if parts and used + size > budget:
                chunks.append(_join(parts))
                parts, used = [], 0
            parts.append((text, start, end))
            used += size
        if parts:
            chunks.append(_join(parts))
        return chunks

    def _split_long(self, text: str, start: int, end: int, budget: int) -> list[Chunk]:
        """A sentence longer than the encoder's limit, split between word pieces (offsets mapped back)."""
        with self._tokenizer_lock:
            encoded = self._tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        offsets: list[tuple[int, int]] = encoded["offset_mapping"]
        pieces: list[Chunk] = []
        for i in range(0, len(offsets), budget):
            window = offsets[i : i + budget]
            a = window[0][0]
            b = offsets[i + budget][0] if i + budget < len(offsets) else len(text)
            pieces.append(Chunk(text[a:b].strip(), start + a, min(end, start + b)))
        return [p for p in pieces if p.text]

    def summarize(self, texts: list[str]) -> list[str]:
        """One summary per input text, in order (blocking; run it in the model thread).

        Every input must fit the encoder (``plan_chunks``); one that does not raises rather than being cut.
        """
        if self._model is None:
            raise RuntimeError("the seq2seq model is not loaded")
        if not texts:
            return []
        import torch

        inputs = [self.prefix + t for t in texts]
        with self._tokenizer_lock:
            encoded = self._tokenizer(inputs, padding=True, truncation=False, return_tensors="pt")
        if encoded["input_ids"].shape[1] > self.max_input_tokens:
            raise ValueError(
                f"an input of {encoded['input_ids'].shape[1]} word pieces exceeds the encoder's "
                f"{self.max_input_tokens}; plan_chunks must split it"
            )
        kwargs: dict[str, Any] = {}
        config = self._model.generation_config
        if getattr(config, "max_length", None) in (None, 20) and getattr(config, "max_new_tokens", None) is None:
            kwargs["max_new_tokens"] = FALLBACK_MAX_NEW_TOKENS
        share_torch_threads(self.torch_threads)
        with torch.inference_mode():
            output = self._model.generate(**encoded, **kwargs)
        with self._tokenizer_lock:
            decoded: list[str] = self._tokenizer.batch_decode(output, skip_special_tokens=True)
        return [" ".join(d.split()) for d in decoded]


def _join(parts: list[tuple[str, int, int]]) -> Chunk:
    return Chunk(" ".join(p[0] for p in parts), parts[0][1], parts[-1][2])


def _max_input_tokens(tokenizer: Any, model: Any) -> int:
    limits: list[int] = []
    for attr in ("max_position_embeddings", "n_positions", "max_encoder_position_embeddings"):
        value = getattr(model.config, attr, None)
        if isinstance(value, int) and value > 0:
            limits.append(value)
    model_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(model_max, int) and 0 < model_max < 100_000:
        limits.append(model_max)
    return min(limits) if limits else FALLBACK_MAX_INPUT_TOKENS


def _model_name(model_dir: Path) -> str:
    """The hub name recorded in the model's config (``_name_or_path``) when there is one, else the folder."""
    config = model_dir / "config.json"
    try:
        recorded = json.loads(config.read_text()).get("_name_or_path")
    except (OSError, ValueError):
        recorded = None
    if isinstance(recorded, str) and recorded and not recorded.startswith(("/", ".")):
        return recorded
    return model_dir.name
