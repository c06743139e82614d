"""Service metadata: GET /v1/schema, GET /v1/info, and the probes /healthz and /readyz."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import SCHEMA_NAME, SCHEMA_VERSION, __version__
from app.api.deps import ServiceDep
from app.api.openapi_docs import problem_responses
from app.errors import NotReady
from app.schemas.document import EnrichedDocument
from app.schemas.info import InfoPublic, LimitsPublic, StageInfoPublic, StatusPublic

router = APIRouter()


@router.get(
    "/v1/schema",
    operation_id="get_schema",
    tags=["metadata"],
    summary="JSON Schema of the enriched document",
    response_model=None,
    responses={
        200: {
            "description": "The JSON Schema (draft 2020-12) of the document POST /v1/enrich returns.",
            "content": {"application/json": {"schema": {"type": "object", "title": "DocumentJsonSchema"}}},
        }
    },
)
async def document_schema() -> dict[str, Any]:
    schema = EnrichedDocument.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "/v1/schema", **schema}


@router.get(
    "/v1/info", operation_id="get_info", tags=["metadata"], summary="Service version, stages, models and limits"
)
async def info(service: ServiceDep) -> InfoPublic:
    s = service.settings
    return InfoPublic(
        service="article-enrichment",
        version=__version__,
        schema_name=SCHEMA_NAME,
        schema_version=SCHEMA_VERSION,
        ready=service.ready,
        stages=[
            StageInfoPublic(
                name=st.name,
                version=st.version,
                model=st.model,
                requires=sorted(st.requires),
                provides=sorted(st.provides),
            )
            for st in service.pipeline.stages
        ],
        limits=LimitsPublic(
            max_text_chars=s.max_text_chars,
            max_body_bytes=s.max_body_bytes,
            stage_timeout_s=s.stage_timeout_s,
            batch_max_size=s.batch_max_size,
            batch_max_tokens=s.batch_max_tokens,
            batch_max_wait_ms=s.batch_max_wait_ms,
            batch_queue_size=s.batch_queue_size,
            max_batch_items=s.max_batch_items,
            max_active_docs=s.max_active_docs,
            max_waiting_docs=s.max_waiting_docs,
            default_deadline_ms=s.default_deadline_ms,
            max_deadline_ms=s.max_deadline_ms,
            cache_size=s.cache_size,
        ),
    )


@router.get("/healthz", operation_id="get_liveness", tags=["probes"], summary="Liveness: the process serves requests")
async def healthz() -> StatusPublic:
    return StatusPublic(status="ok", detail="alive")


@router.get(
    "/readyz",
    operation_id="get_readiness",
    tags=["probes"],
    summary="Readiness: the pipeline is built and its models loaded and warmed",
    responses=problem_responses(503),
)
async def readyz(service: ServiceDep) -> StatusPublic:
    readiness = service.readiness
    if readiness.state != "ready":
        raise NotReady(f"not ready ({readiness.state}): {readiness.detail}", retry_after=5, state=readiness.state)
    return StatusPublic(status="ready", detail=readiness.detail)
