"""POST /v1/enrich/batch: several articles in, one result per article out, in order."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.document import EnrichedDocument
from app.schemas.problem import ProblemDetails


class BatchRequest(BaseModel):
    """Several articles; each item is validated and enriched on its own."""

    model_config = ConfigDict(extra="forbid")

    items: list[Any] = Field(
        min_length=1,
        description="EnrichRequest objects ({text, id?, stages?, options?}). A bad item gets a problem object in "
        "its place in the results and never fails the others. Most items: GET /v1/info limits.max_batch_items.",
    )


class BatchItemResult(BaseModel):
    index: int = Field(ge=0, description="position of the item in the request")
    status: int = Field(description="200, or the HTTP status the item alone would have got")
    document: EnrichedDocument | None = Field(default=None, description="the document, when status is 200")
    problem: ProblemDetails | None = Field(default=None, description="what went wrong, when status is not 200")


class BatchResponse(BaseModel):
    results: list[BatchItemResult]
    succeeded: int = Field(ge=0)
    failed: int = Field(ge=0)
