"""Domain errors with stable codes. No HTTP here: app/api/problems.py maps each code to a status."""

from __future__ import annotations

from typing import Any, ClassVar


class EnrichError(Exception):
    """Base of every error a caller can cause or observe. ``code`` is stable across releases."""

    code: ClassVar[str] = "internal_error"
    title: ClassVar[str] = "Internal error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class EmptyText(EnrichError):
    code = "empty_text"
    title = "The text is empty"


class InvalidText(EnrichError):
    code = "invalid_text"
    title = "The text cannot be processed"


class TextTooLong(EnrichError):
    code = "text_too_long"
    title = "The text is longer than this service accepts"


class BodyTooLarge(EnrichError):
    code = "body_too_large"
    title = "The request body is larger than this service accepts"


class BodyTimeout(EnrichError):
    code = "body_timeout"
    title = "The request body did not arrive in time"


class UnsupportedMediaType(EnrichError):
    code = "unsupported_media_type"
    title = "Unsupported Content-Type"


class InvalidEncoding(EnrichError):
    code = "invalid_utf8"
    title = "The request body is not valid UTF-8"


class MalformedJson(EnrichError):
    code = "malformed_json"
    title = "The request body is not valid JSON"


class InvalidRequest(EnrichError):
    code = "invalid_request"
    title = "The request does not match the schema"


class UnknownStage(EnrichError):
    code = "unknown_stage"
    title = "Unknown stage"


class SummaryMethodUnavailable(EnrichError):
    code = "summary_method_unavailable"
    title = "The requested summary method is not available in this deployment"


class NotReady(EnrichError):
    code = "not_ready"
    title = "The service is still loading its models"


class Overloaded(EnrichError):
    code = "overloaded"
    title = "The service is at capacity"


class Unauthorized(EnrichError):
    code = "unauthorized"
    title = "Missing or invalid API key"


class NotFound(EnrichError):
    code = "not_found"
    title = "Not found"


class MethodNotAllowed(EnrichError):
    code = "method_not_allowed"
    title = "Method not allowed"


class PipelineConfigError(Exception):
    """The configured stages do not form a valid pipeline (found once, at start-up)."""


class ModelLoadError(Exception):
    """A configured model could not be loaded (found at start-up)."""
