"""Response models of the article-enrichment API, generated from openapi/openapi.json.

Do not edit: run ``python clients/python/generate_models.py`` after the API changes (a test fails when stale).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    # a 1.x server may add fields: keep them (model_extra) instead of failing
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class BlockPublic(_Model):
    confidence: float
    end: int
    index: int
    kind: Literal["title", "standfirst", "byline", "dateline", "body", "heading", "caption", "credit", "editor_note", "boilerplate"]
    reason: str = Field(default='')
    rules: list[str] = Field(default_factory=list)
    start: int
    text: str


class BodyPublic(_Model):
    char_count: int
    paragraph_count: int
    text: str
    word_count: int


class BylinePublic(_Model):
    end: int
    name: str
    start: int


class CaptionPublic(_Model):
    block_index: int
    credit_index: int | None
    editor_note: str | None
    editor_note_end: int | None = Field(default=None)
    editor_note_start: int | None = Field(default=None)
    end: int
    start: int
    text: str


class MentionPublic(_Model):
    block_index: int
    end: int
    start: int
    text: str


class EntityPublic(_Model):
    aliases: list[str]
    id: str
    in_body: bool
    in_captions: bool
    label: str
    mention_count: int
    mentions: list[MentionPublic]
    salience: float
    text: str


class ImageCreditPublic(_Model):
    block_index: int
    caption_index: int | None
    creators: list[str]
    credit_line: str | None
    end: int
    raw: str
    source: str | None
    standalone: bool
    start: int


class LanguagePublic(_Model):
    code: str
    confidence: float


class StageReportPublic(_Model):
    duration_ms: float
    error: str | None
    model: str | None
    name: str
    status: Literal["ok", "skipped", "failed", "timeout"]
    version: str


class PipelinePublic(_Model):
    cache_hit: bool = Field(default=False)
    stages: list[StageReportPublic]
    version: str


class SchemaRef(_Model):
    name: Literal["article-enrichment"] = Field(default='article-enrichment')
    uri: str = Field(default='/v1/schema')
    version: str = Field(default='1.1.0')


class SpanPublic(_Model):
    end: int
    start: int
    text: str


class SummarySentencePublic(_Model):
    end: int | None
    start: int | None
    text: str


class SummaryPublic(_Model):
    method: Literal["extractive", "abstractive"]
    model: str
    sentences: list[SummarySentencePublic]
    text: str


class WarningPublic(_Model):
    code: str
    message: str


class EnrichedDocument(_Model):
    "The enriched-article document, schema article-enrichment 1.x."
    blocks: list[BlockPublic]
    body: BodyPublic
    bylines: list[BylinePublic]
    captions: list[CaptionPublic]
    content_sha256: str
    entities: list[EntityPublic] | None
    id: str
    image_credits: list[ImageCreditPublic] | None
    language: LanguagePublic | None
    pipeline: PipelinePublic
    schema_: SchemaRef = Field(default_factory=SchemaRef, alias='schema')
    summary: SummaryPublic | None
    title: SpanPublic | None
    warnings: list[WarningPublic]


class FieldError(_Model):
    loc: str
    message: str
    type: str


class ProblemDetails(_Model):
    "An error (media type application/problem+json). ``code`` is stable; match on it, not on ``detail``."
    code: str
    detail: str
    errors: list[FieldError] | None = Field(default=None)
    instance: str | None = Field(default=None)
    request_id: str | None = Field(default=None)
    status: int
    title: str
    type: str


class BatchItemResult(_Model):
    document: EnrichedDocument | None = Field(default=None)
    index: int
    problem: ProblemDetails | None = Field(default=None)
    status: int


class BatchResponse(_Model):
    failed: int
    results: list[BatchItemResult]
    succeeded: int


class LimitsPublic(_Model):
    batch_max_size: int
    batch_max_tokens: int
    batch_max_wait_ms: float
    batch_queue_size: int
    cache_size: int
    default_deadline_ms: int
    max_active_docs: int
    max_batch_items: int
    max_body_bytes: int
    max_deadline_ms: int
    max_text_chars: int
    max_waiting_docs: int
    stage_timeout_s: float


class StageInfoPublic(_Model):
    model: str | None
    name: str
    provides: list[str]
    requires: list[str]
    version: str


class InfoPublic(_Model):
    limits: LimitsPublic
    ready: bool
    schema_name: str
    schema_version: str
    service: str
    stages: list[StageInfoPublic]
    version: str
