"""The single table from domain error to HTTP status, and the handlers that answer with problem+json."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import errors
from app.schemas.problem import ProblemDetails

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
# error extras that become response headers only, never body members
HEADER_ONLY = frozenset({"www_authenticate"})

STATUS: dict[type[errors.EnrichError], int] = {
    errors.InvalidEncoding: 400,
    errors.Unauthorized: 401,
    errors.NotFound: 404,
    errors.MethodNotAllowed: 405,
    errors.BodyTimeout: 408,
    errors.BodyTooLarge: 413,
    errors.TextTooLong: 413,
    errors.UnsupportedMediaType: 415,
    errors.EmptyText: 422,
    errors.InvalidText: 422,
    errors.MalformedJson: 422,
    errors.InvalidRequest: 422,
    errors.UnknownStage: 422,
    errors.SummaryMethodUnavailable: 422,
    errors.NotReady: 503,
    errors.Overloaded: 503,
    errors.EnrichError: 500,
}


def status_of(exc: errors.EnrichError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def problem_body(
    exc: errors.EnrichError, *, instance: str | None, request_id: str | None, status: int | None = None
) -> dict[str, Any]:
    """The problem+json object for ``exc`` (also used for failed items of a batch)."""
    extra = {k: v for k, v in exc.extra.items() if k not in ProblemDetails.model_fields and k not in HEADER_ONLY}
    problem = ProblemDetails(
        type=f"urn:article-enrichment:problem:{exc.code}",
        title=exc.title,
        status=status if status is not None else status_of(exc),
        detail=exc.detail,
        code=exc.code,
        instance=instance,
        request_id=request_id,
        errors=exc.extra.get("errors"),
        **extra,
    )
    return problem.model_dump(mode="json", exclude_none=True)


def problem_response(exc: errors.EnrichError, request: Request, *, status: int | None = None) -> JSONResponse:
    request_id = getattr(request.state, "request_id", None)
    return problem_json_response(exc, instance=request.url.path, request_id=request_id, status=status)


def problem_json_response(
    exc: errors.EnrichError, *, instance: str | None, request_id: str | None, status: int | None = None
) -> JSONResponse:
    """The problem+json response for ``exc``, with its Retry-After / WWW-Authenticate headers."""
    body = problem_body(exc, instance=instance, request_id=request_id, status=status)
    headers = {}
    retry_after = exc.extra.get("retry_after")
    if retry_after is not None:
        headers["Retry-After"] = str(int(retry_after))
    challenge = exc.extra.get("www_authenticate")
    if challenge is not None:
        headers["WWW-Authenticate"] = str(challenge)
    return JSONResponse(body, status_code=body["status"], media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _field_errors(raw: Any) -> list[dict[str, str]]:
    return [
        {
            "loc": ".".join(str(p) for p in e.get("loc", ())),
            "message": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in raw
    ]


def install(app: FastAPI) -> None:
    """Answer every error, ours, FastAPI's and unexpected ones, with problem+json."""

    @app.exception_handler(errors.EnrichError)
    async def _enrich_error(request: Request, exc: errors.EnrichError) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = _field_errors(exc.errors())
        summary = "; ".join(f"{f['loc']}: {f['message']}" for f in fields[:5])
        return problem_response(errors.InvalidRequest(f"invalid request: {summary}", errors=fields), request)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        mapped: errors.EnrichError
        if exc.status_code == 404:
            mapped = errors.NotFound(f"no route {request.url.path}; see /docs")
        elif exc.status_code == 405:
            mapped = errors.MethodNotAllowed(f"{request.method} is not allowed on {request.url.path}")
        else:
            mapped = errors.EnrichError(str(exc.detail))
        response = problem_response(mapped, request, status=exc.status_code)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error", exc_info=exc)
        return problem_response(
            errors.EnrichError("an unexpected error occurred; it has been logged with the request id"),
            request,
        )
