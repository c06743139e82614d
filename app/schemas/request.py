"""Request models: what a caller may send to ``POST /v1/enrich``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# a text is blank when this (Python re) pattern finds nothing in it
NON_BLANK_PATTERN = r"\S"


class SummaryOptions(BaseModel):
    """How the summary is made. Unset fields take the service's configured defaults."""

    model_config = ConfigDict(extra="forbid")

    method: Literal["extractive", "abstractive"] | None = Field(
        default=None,
        description="extractive (body sentences, the embedded default) or abstractive (needs a seq2seq model "
        "configured by the operator). Default: the service's ENRICH_SUMMARY_METHOD.",
    )
    max_sentences: int = Field(default=3, ge=1, le=20, description="Most sentences in an extractive summary.")
    max_chars: int | None = Field(
        default=None,
        ge=40,
        le=20_000,
        description="Character budget for the summary text; sentences are never cut in the middle.",
    )


class EntityOptions(BaseModel):
    """Which entities come back."""

    model_config = ConfigDict(extra="forbid")

    labels: list[str] | None = Field(
        default=None,
        description="Keep only these labels (e.g. PERSON, ORG, GPE). Default: all labels the model gives.",
        max_length=32,
    )


class EnrichOptions(BaseModel):
    """Per-request options."""

    model_config = ConfigDict(extra="forbid")

    summary: SummaryOptions = Field(default_factory=SummaryOptions)
    entities: EntityOptions = Field(default_factory=EntityOptions)
    deadline_ms: int | None = Field(
        default=None,
        ge=1,
        description="Time budget for this document in milliseconds, waiting for admission included. Stages that "
        "cannot finish in time are reported 'timeout' and the document still returns. Default and maximum: "
        "see GET /v1/info (limits.default_deadline_ms, limits.max_deadline_ms).",
    )


class EnrichRequest(BaseModel):
    """An article to enrich."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        description="The article as plain text, exactly as scraped or exported: title, bylines, captions, "
        "credits and body interleaved. Every offset in the response points into this string. It must contain "
        "something other than whitespace (else 422 empty_text); its length limit is GET /v1/info "
        "limits.max_text_chars (else 413 text_too_long).",
        # documented here, checked by the service, so that each failure has its own error code
        json_schema_extra={"minLength": 1, "pattern": NON_BLANK_PATTERN},
    )
    id: str | None = Field(
        default=None,
        min_length=1,
        max_length=256,
        description="Your id for the article, echoed back. Default: derived from the content hash.",
    )
    stages: list[str] | None = Field(
        default=None,
        min_length=1,
        max_length=16,
        description="Stages to run (their prerequisites run too). Default: all stages. See GET /v1/info.",
    )
    options: EnrichOptions = Field(default_factory=EnrichOptions)
