"""POST /v1/enrich: thin handler over the data plane."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.body import decode_utf8, parse_json, read_body, require_media_type, validate_model
from app.api.deps import ServiceDep
from app.api.examples import EXAMPLE_ARTICLE
from app.api.formats import FORMAT_DESCRIPTION, Format, document_response, wanted_format, with_ninjs
from app.api.openapi_docs import enrich_ok_response, enrich_request_body, problem_responses
from app.api.problems import problem_body
from app.errors import EnrichError, InvalidRequest
from app.schemas.batch import BatchItemResult, BatchRequest, BatchResponse
from app.schemas.problem import ProblemDetails
from app.schemas.request import EnrichRequest
from app.service import EnrichmentService

router = APIRouter(prefix="/v1", tags=["enrichment"])


async def read_enrich_request(
    request: Request, service: EnrichmentService, *, doc_id: str | None, stages: str | None
) -> EnrichRequest:
    """The request as JSON (EnrichRequest) or text/plain, with the query parameters id and stages applied.

    Query parameters are always validated. With a JSON body, a query parameter fills a field the body leaves
    out; one that the body sets to a different value is refused (422 invalid_request): which was meant is unclear.
    """
    media = require_media_type(request, ("application/json", "text/plain"))
    text = decode_utf8(await read_body(request, service.settings.max_body_bytes, service.settings.body_timeout_s))
    stage_list = None
    if stages is not None:
        stage_list = [s.strip() for s in stages.split(",") if s.strip()]
        if not stage_list:
            raise InvalidRequest(
                "the query parameter stages names no stage",
                errors=[{"loc": "query.stages", "message": "name at least one stage", "type": "too_short"}],
            )
        service.pipeline.resolve(stage_list)
    query = {"id": doc_id, "stages": stage_list}
    if media == "text/plain":
        return validate_model(EnrichRequest, {"text": text, **query}, loc_prefix="query")
    body = parse_json(text)
    if isinstance(body, dict):
        for name, value in query.items():
            if value is None:
                continue
            if body.get(name) is None:
                body[name] = value
            elif body[name] != value:
                raise InvalidRequest(
                    f"the query parameter {name!r} and the JSON body's {name!r} differ; send {name} in one place",
                    errors=[{"loc": f"query.{name}", "message": f"conflicts with body.{name}", "type": "conflict"}],
                )
    return validate_model(EnrichRequest, body)


@router.post(
    "/enrich",
    operation_id="enrich",
    summary="Enrich one article",
    description=(
        "Segments the article into classified blocks (title, byline, body, caption, credit, boilerplate ...), "
        "parses image credits into IPTC terms, finds and groups named entities, and summarises the body. "
        "Every offset in the response is a character offset into the text sent. A stage that fails or runs "
        "out of time is reported in `pipeline.stages` and `warnings`; the rest of the document still comes back."
    ),
    response_model=None,
    responses={200: with_ninjs(enrich_ok_response()), **problem_responses(400, 408, 413, 415, 422, 503)},
    openapi_extra=enrich_request_body(),
)
async def enrich(
    request: Request,
    service: ServiceDep,
    id: Annotated[
        str | None,
        Query(
            description="your id for the article; with a JSON body that sets a different id: 422",
            min_length=1,
            max_length=256,
        ),
    ] = None,
    stages: Annotated[
        str | None,
        Query(description="comma-separated stages, e.g. segment,credits; with a JSON body that sets other stages: 422"),
    ] = None,
    format: Annotated[Format | None, Query(description=FORMAT_DESCRIPTION)] = None,
) -> Response:
    body = await read_enrich_request(request, service, doc_id=id, stages=stages)
    document = await service.enrich(body.text, doc_id=body.id, stages=body.stages, options=body.options)
    headers = {"X-Cache": "hit" if document.pipeline.cache_hit else "miss"}
    return document_response(document, wanted_format(request, format), headers)


@router.post(
    "/enrich/batch",
    operation_id="enrich_batch",
    summary="Enrich several articles in one call",
    description=(
        "Up to `limits.max_batch_items` articles (GET /v1/info). Results come back in request order, each either "
        "a document or a problem object with the status that item alone would have got: one bad item never fails "
        "the others. When the service cannot take all items at once it answers 503 with Retry-After."
    ),
    response_model=BatchResponse,
    responses=problem_responses(400, 408, 413, 415, 422, 503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/BatchRequest"},
                    "example": {"items": [{"text": EXAMPLE_ARTICLE, "id": "a1"}, {"text": "", "id": "empty"}]},
                }
            },
        }
    },
)
async def enrich_batch(request: Request, service: ServiceDep) -> Response:
    require_media_type(request, ("application/json",))
    text = decode_utf8(await read_body(request, service.settings.max_body_bytes, service.settings.body_timeout_s))
    envelope = validate_model(BatchRequest, parse_json(text))
    limit = service.settings.max_batch_items
    if len(envelope.items) > limit:
        raise InvalidRequest(
            f"{len(envelope.items)} items; at most {limit} per batch",
            errors=[{"loc": "body.items", "message": f"at most {limit} items", "type": "too_long"}],
        )
    request_id = getattr(request.state, "request_id", None)
    valid: list[EnrichRequest] = []
    outcomes: list[EnrichRequest | EnrichError] = []
    for index, raw in enumerate(envelope.items):
        try:
            item = validate_model(EnrichRequest, raw, loc_prefix=f"body.items.{index}")
        except EnrichError as exc:
            outcomes.append(exc)
        else:
            valid.append(item)
            outcomes.append(item)
    done = iter(await service.enrich_batch(valid))
    results = []
    for index, outcome in enumerate(outcomes):
        result = next(done) if isinstance(outcome, EnrichRequest) else outcome
        if isinstance(result, EnrichError):
            problem = problem_body(result, instance=f"/v1/enrich/batch#items/{index}", request_id=request_id)
            results.append(
                BatchItemResult(index=index, status=problem["status"], problem=ProblemDetails.model_validate(problem))
            )
        else:
            results.append(BatchItemResult(index=index, status=200, document=result))
    ok = sum(1 for r in results if r.status == 200)
    response = BatchResponse(results=results, succeeded=ok, failed=len(results) - ok)
    return Response(response.model_dump_json(by_alias=True), media_type="application/json")
