"""Service settings for quality and cost benchmarks: measure the pipeline, never shed or time out its work."""

from __future__ import annotations

from typing import Any

from app.settings import Settings


def benchmark_settings(concurrency: int = 8, **overrides: Any) -> Settings:
    """Default settings, except: ``concurrency`` documents run at once, nothing is refused by admission control,
    nothing is cached, and time budgets are generous (a busy 2-core machine must not turn into timeouts)."""
    values: dict[str, Any] = {
        "log_json": False,
        "log_level": "WARNING",
        "cache_size": 0,
        "max_active_docs": concurrency,
        "max_waiting_docs": 100_000,
        "max_queue_wait_ms": 10**9,
        "stage_timeout_s": 300,
        "default_deadline_ms": 600_000,
        "max_deadline_ms": 600_000,
    }
    return Settings.model_validate({**values, **overrides})
