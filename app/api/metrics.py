"""GET /metrics: the Prometheus text exposition of this process, or of all server processes."""

from __future__ import annotations

import os

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

from app.metrics import MULTIPROC_ENV

router = APIRouter()


def render_metrics() -> bytes:
    """The exposition text: this process's registry, or every process's values when multiprocess mode is on."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@router.get(
    "/metrics",
    operation_id="get_metrics",
    tags=["probes"],
    summary="Prometheus metrics",
    description="Requests by route and status, latencies, stage latencies, micro-batcher queues and batch sizes, "
    "requests in flight, model load time. Prometheus text format.",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}},
)
async def metrics() -> Response:
    return Response(render_metrics(), media_type=CONTENT_TYPE_LATEST)
