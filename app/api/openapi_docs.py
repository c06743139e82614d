"""OpenAPI fragments for routes that read their body themselves (JSON or text/plain, with byte limits)."""

from __future__ import annotations

from typing import Any

from app.api.examples import EXAMPLE_ARTICLE, example_response
from app.schemas.request import NON_BLANK_PATTERN

PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetails"}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Documented problem+json responses for the given statuses."""
    descriptions = {
        400: "The body is not valid UTF-8 (code invalid_utf8).",
        401: "Missing or wrong API key (code unauthorized), with a WWW-Authenticate challenge; only when API keys "
        "are configured (ENRICH_API_KEYS, ENRICH_API_KEYS_FILE).",
        408: "The body did not arrive within ENRICH_BODY_TIMEOUT_S (body_timeout); the connection is closed.",
        413: "The body or the text is over the configured limit (body_too_large, text_too_long).",
        415: "Content-Type is not application/json or text/plain in UTF-8 (unsupported_media_type).",
        422: "Empty text, malformed JSON, a schema violation, an unknown stage, or a summary method this "
        "deployment has no model for (empty_text, invalid_text, malformed_json, invalid_request, unknown_stage, "
        "summary_method_unavailable: options.summary.method = abstractive without ENRICH_SUMMARY_MODEL_DIR; "
        "GET /v1/info lists the stages and their models).",
        503: "Not ready yet, or at capacity (not_ready, overloaded); retry after the Retry-After seconds.",
    }
    return {
        s: {"description": descriptions[s], "content": {"application/problem+json": {"schema": PROBLEM_REF}}}
        for s in statuses
    }


def enrich_request_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": "The article as JSON (EnrichRequest), or the bare text as text/plain (UTF-8).",
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/EnrichRequest"},
                    "examples": {
                        "article": {
                            "summary": "A scraped article with a caption, credits and a byline",
                            "value": {"text": EXAMPLE_ARTICLE, "id": "riverton-flood-2026"},
                        },
                        "subset": {
                            "summary": "Only some stages (their prerequisites run too)",
                            "value": {"text": EXAMPLE_ARTICLE, "stages": ["credits"]},
                        },
                    },
                },
                "text/plain": {
                    "schema": {"type": "string", "minLength": 1, "pattern": NON_BLANK_PATTERN},
                    "example": EXAMPLE_ARTICLE,
                },
            },
        }
    }


def enrich_ok_response() -> dict[str, Any]:
    content: dict[str, Any] = {"schema": {"$ref": "#/components/schemas/EnrichedDocument"}}
    example = example_response()
    if example:
        content["example"] = example
    return {
        "description": "The enriched document (schema article-enrichment 1.x).",
        "content": {"application/json": content},
    }
