"""One module per stage; ``model_batch_policy`` is how every model stage sizes its micro-batches."""

from __future__ import annotations

from app.nlp.batcher import BatchPolicy
from app.settings import Settings


def model_batch_policy(settings: Settings, *, max_batch_tokens: int | None = None) -> BatchPolicy:
    """The micro-batching policy of a model stage: the configured limits, and a word-piece budget per call."""
    return BatchPolicy(
        max_batch_size=settings.batch_max_size,
        max_wait_ms=settings.batch_max_wait_ms,
        max_queue=settings.batch_queue_size,
        max_batch_cost=max_batch_tokens if max_batch_tokens is not None else settings.batch_max_tokens,
    )
