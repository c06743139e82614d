"""Loading Hugging Face model directories: local files only, nothing is ever downloaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.errors import ModelLoadError


def load_pretrained(model_dir: Path, auto_class: str, *, what: str) -> tuple[Any, Any]:
    """The tokenizer and the model (``transformers.<auto_class>``) of ``model_dir``, in eval mode (blocking).

    Raises ModelLoadError, naming ``what`` was being loaded, when the directory does not hold a usable model.
    """
    import transformers

    # transformers writes progress bars and warnings straight to stderr; the service logs one JSON object a line
    transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    transformers.utils.logging.disable_default_handler()
    transformers.utils.logging.enable_propagation()
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        model = getattr(transformers, auto_class).from_pretrained(str(model_dir), local_files_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(f"cannot load {what} from {model_dir}: {exc}") from exc
    model.eval()
    return tokenizer, model


def enrich_config(model_dir: Path) -> dict[str, Any]:
    """The ``enrich_*`` keys of a model directory's ``config.json`` (what this service's training scripts add:
    casing token types, word embeddings taken from a packaged base, a model name); empty when there are none."""
    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in config.items() if k.startswith("enrich_")} if isinstance(config, dict) else {}


def tokenizer_config(directory: Path) -> dict[str, Any]:
    """``tokenizer_config.json`` of a model or export directory (empty when it has none or it cannot be read)."""
    path = directory / "tokenizer_config.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
