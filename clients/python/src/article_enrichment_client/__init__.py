"""Python client and command line (``article-enrich``) for the article-enrichment service."""

from article_enrichment_client.client import (
    NINJS_MEDIA_TYPE,
    ApiError,
    AsyncEnrichClient,
    EnrichClient,
    RetriesExhausted,
    RetryPolicy,
    RetryStats,
)
from article_enrichment_client.models import BatchItemResult, EnrichedDocument, InfoPublic, ProblemDetails

__version__ = "0.1.0"
__all__ = [
    "NINJS_MEDIA_TYPE",
    "ApiError",
    "AsyncEnrichClient",
    "BatchItemResult",
    "EnrichClient",
    "EnrichedDocument",
    "InfoPublic",
    "ProblemDetails",
    "RetriesExhausted",
    "RetryPolicy",
    "RetryStats",
]
