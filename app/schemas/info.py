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
    batch_max_wait_ms: float = Field(description="longest wait to fill a model batch")
    batch_queue_size: int = Field(description="most items waiting per model")


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
