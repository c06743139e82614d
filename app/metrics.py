"""Prometheus metrics of the service, defined once per process (served at /metrics).

With several server processes (``ENRICH_WORKERS`` > 1) ``python -m app.serve`` sets ``PROMETHEUS_MULTIPROC_DIR``
before any worker starts; every process then writes its values there and /metrics adds them up. The
``multiprocess_mode`` of each gauge says how (it is ignored in a single process).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import Counter, Gauge, Histogram

if TYPE_CHECKING:
    from app.pipeline.document import StageReport

# set by app.serve before any worker imports prometheus_client (its value class is fixed at import)
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)

STAGE_SECONDS = Histogram(
    "enrich_stage_duration_seconds",
    "Time one stage took for one document.",
    ["stage", "status"],
    buckets=_LATENCY_BUCKETS,
)
BATCH_QUEUE_DEPTH = Gauge(
    "enrich_batcher_queue_depth", "Work items waiting for a model.", ["model"], multiprocess_mode="livesum"
)
BATCH_SIZE = Histogram("enrich_batcher_batch_size", "Work items per model call.", ["model"], buckets=_BATCH_BUCKETS)
BATCH_SECONDS = Histogram(
    "enrich_batcher_batch_duration_seconds", "Time of one model call (one batch).", ["model"], buckets=_LATENCY_BUCKETS
)
BATCH_REJECTED = Counter(
    "enrich_batcher_rejected_total", "Work items refused because a model queue was full.", ["model"]
)
CACHE_LOOKUPS = Counter("enrich_cache_lookups_total", "Result cache lookups, by result (hit or miss).", ["result"])

# --- HTTP (app.api.middleware) ----------------------------------------------------------------------------
# ``route`` is the route template (/v1/enrich), never the raw path, so that label values stay few.
HTTP_REQUESTS = Counter(
    "enrich_http_requests_total", "HTTP requests answered, by route template and status.", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram(
    "enrich_http_request_duration_seconds",
    "Time from the request's arrival to the end of its response.",
    ["method", "route"],
    buckets=_LATENCY_BUCKETS,
)
HTTP_IN_FLIGHT = Gauge("enrich_http_requests_in_flight", "HTTP requests being served now.", multiprocess_mode="livesum")

# --- models (app.service) ---------------------------------------------------------------------------------
MODEL_LOAD_SECONDS = Gauge(
    "enrich_model_load_seconds",
    "Time the last start-up took to load and warm every model (unset until it succeeds).",
    multiprocess_mode="max",
)


def observe_stage(report: StageReport) -> None:
    """Pipeline observer: one observation of the stage latency histogram per stage run."""
    STAGE_SECONDS.labels(stage=report.name, status=report.status).observe(report.duration_ms / 1000.0)
