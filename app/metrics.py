"""Prometheus metrics of the service, defined once per process (served at /metrics)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)

STAGE_SECONDS = Histogram(
    "enrich_stage_duration_seconds",
    "Time one stage took for one document.",
    ["stage", "status"],
    buckets=_LATENCY_BUCKETS,
)
BATCH_QUEUE_DEPTH = Gauge("enrich_batcher_queue_depth", "Work items waiting for a model.", ["model"])
BATCH_SIZE = Histogram("enrich_batcher_batch_size", "Work items per model call.", ["model"], buckets=_BATCH_BUCKETS)
BATCH_SECONDS = Histogram(
    "enrich_batcher_batch_duration_seconds", "Time of one model call (one batch).", ["model"], buckets=_LATENCY_BUCKETS
)
BATCH_REJECTED = Counter(
    "enrich_batcher_rejected_total", "Work items refused because a model queue was full.", ["model"]
)
CACHE_LOOKUPS = Counter("enrich_cache_lookups_total", "Result cache lookups, by result (hit or miss).", ["result"])
