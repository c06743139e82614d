"""Response models of the metadata and probe endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field


class StageInfoPublic(BaseModel):
    name: str
    version: str
    model: str | None
    requires: list[str]
    provides: list[str]


class LimitsPublic(BaseModel):
    max_text_chars: int = Field(description="longest accepted text in characters (413 above)")
    max_body_bytes: int = Field(description="largest accepted request body in bytes (413 above)")
    stage_timeout_s: float = Field(description="time budget of one stage for one document")
    batch_max_size: int = Field(description="most items per model call (micro-batching)")
    batch_max_tokens: int = Field(description="most (estimated) word pieces per model call")
    batch_max_wait_ms: float = Field(description="longest wait to fill a model batch")
    batch_queue_size: int = Field(description="most items waiting per model")
    max_batch_items: int = Field(description="most articles in one POST /v1/enrich/batch")
    max_active_docs: int = Field(description="documents enriched at once")
    max_waiting_docs: int = Field(description="documents waiting for admission before 503 + Retry-After")
    default_deadline_ms: int = Field(description="deadline of a document when the request sets none")
    max_deadline_ms: int = Field(description="largest options.deadline_ms accepted")
    cache_size: int = Field(description="documents kept in the result cache (0: off)")


class InfoPublic(BaseModel):
    service: str
    version: str
    schema_name: str
    schema_version: str
    ready: bool
    stages: list[StageInfoPublic]
    limits: LimitsPublic


class StatusPublic(BaseModel):
    status: str
    detail: str
