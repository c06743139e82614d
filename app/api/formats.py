"""Content negotiation of the enriched document: the v1 JSON document, or an IPTC ninjs 3.1 item."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import Request, Response

from app.formats.ninjs import MEDIA_TYPE as NINJS_MEDIA_TYPE
from app.formats.ninjs import STANDARD, to_ninjs
from app.schemas.document import EnrichedDocument

Format = Literal["json", "ninjs"]
FORMAT_DESCRIPTION = (
    "json (default): the article-enrichment document; ninjs: an IPTC ninjs 3.1 news item (docs/NINJS.md). "
    f"Same as sending Accept: {NINJS_MEDIA_TYPE}; this parameter wins over the Accept header."
)


def _quality(accept: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            weights[media.lower()] = max(q, weights.get(media.lower(), 0.0))
    return weights


def wanted_format(request: Request, query: Format | None) -> Format:
    """``?format=`` if given, else ninjs when the Accept header prefers the ninjs media type to JSON."""
    if query is not None:
        return query
    weights = _quality(request.headers.get("accept", ""))
    ninjs = weights.get(NINJS_MEDIA_TYPE, 0.0)
    json_q = max(weights.get(m, 0.0) for m in ("application/json", "application/*", "*/*"))
    return "ninjs" if ninjs > 0 and ninjs >= json_q else "json"


def document_response(document: EnrichedDocument, fmt: Format, headers: dict[str, str]) -> Response:
    """The response body in the negotiated format (Vary: Accept, since the body depends on it)."""
    headers = {**headers, "Vary": "Accept"}
    if fmt == "ninjs":
        body = json.dumps(to_ninjs(document), ensure_ascii=False, separators=(",", ":"))
        return Response(body, media_type=NINJS_MEDIA_TYPE, headers=headers)
    return Response(document.model_dump_json(by_alias=True), media_type="application/json", headers=headers)


def with_ninjs(ok_response: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI 200 response with the ninjs answer added. Its schema is named, not referenced: a ``$ref`` to the
    official schema's URL makes Swagger UI, ReDoc and schema tools fetch it from the internet, which an air-gapped
    cluster cannot (the service validates its ninjs against the copy in ``app/formats`` in its tests)."""
    schema = {
        "type": "object",
        "description": f"an IPTC ninjs 3.1 news item, valid against the official schema {STANDARD['schema']}",
    }
    ninjs = {NINJS_MEDIA_TYPE: {"schema": schema}}
    return {**ok_response, "content": {**ok_response["content"], **ninjs}}
