"""RFC 9457 problem details, the body of every error response."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class FieldError(BaseModel):
    loc: str = Field(description="where in the request, e.g. body.options.summary.max_sentences")
    message: str
    type: str


class ProblemDetails(BaseModel):
    """An error (media type application/problem+json). ``code`` is stable; match on it, not on ``detail``."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI naming the problem type")
    title: str
    status: int = Field(ge=400, le=599)
    detail: str = Field(description="what went wrong with this request, in words")
    code: str = Field(description="stable machine-readable code, e.g. empty_text, text_too_long, unknown_stage")
    instance: str | None = Field(default=None, description="the request path")
    request_id: str | None = Field(default=None, description="the X-Request-ID of the request")
    errors: list[FieldError] | None = Field(default=None, description="schema violations, for invalid_request")
