"""POST /v1/enrich: thin handler over the data plane."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.body import decode_utf8, parse_json, read_body, require_media_type, validate_model
from app.api.deps import ServiceDep
from app.api.openapi_docs import enrich_ok_response, enrich_request_body, problem_responses
from app.errors import InvalidRequest
from app.schemas.request import EnrichRequest

router = APIRouter(prefix="/v1", tags=["enrichment"])


async def read_enrich_request(
    request: Request, *, max_bytes: int, doc_id: str | None, stages: str | None
) -> EnrichRequest:
    """The request as JSON (EnrichRequest) or text/plain (query parameters id and stages)."""
    media = require_media_type(request, ("application/json", "text/plain"))
    text = decode_utf8(await read_body(request, max_bytes))
    if media == "text/plain":
        stage_list = [s.strip() for s in stages.split(",") if s.strip()] if stages is not None else None
        return validate_model(EnrichRequest, {"text": text, "id": doc_id, "stages": stage_list}, loc_prefix="query")
    if doc_id is not None or stages is not None:
        raise InvalidRequest(
            "the query parameters id and stages are for text/plain bodies; put them in the JSON body",
            errors=[{"loc": "query", "message": "not allowed with a JSON body", "type": "extra_forbidden"}],
        )
    return validate_model(EnrichRequest, parse_json(text))


@router.post(
    "/enrich",
    summary="Enrich one article",
    description=(
        "Segments the article into classified blocks (title, byline, body, caption, credit, boilerplate ...), "
        "parses image credits into IPTC terms, finds and groups named entities, and summarises the body. "
        "Every offset in the response is a character offset into the text sent. A stage that fails or runs "
        "out of time is reported in `pipeline.stages` and `warnings`; the rest of the document still comes back."
    ),
    response_model=None,
    responses={200: enrich_ok_response(), **problem_responses(400, 413, 415, 422, 503)},
    openapi_extra=enrich_request_body(),
)
async def enrich(
    request: Request,
    service: ServiceDep,
    id: Annotated[
        str | None, Query(description="text/plain bodies only: your id for the article", max_length=256)
    ] = None,
    stages: Annotated[
        str | None, Query(description="text/plain bodies only: comma-separated stages, e.g. segment,credits")
    ] = None,
) -> Response:
    body = await read_enrich_request(request, max_bytes=service.settings.max_body_bytes, doc_id=id, stages=stages)
    document = await service.enrich(body.text, doc_id=body.id, stages=body.stages, options=body.options)
    return Response(document.model_dump_json(by_alias=True), media_type="application/json")
