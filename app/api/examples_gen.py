"""Records the response to the Swagger example article (``make examples``); a test fails when it is stale."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from app.api.examples import EXAMPLE_ARTICLE, EXAMPLE_RESPONSE_PATH
from app.service import EnrichmentService
from app.settings import Settings

EXAMPLE_ID = "riverton-flood-2026"


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The document without what changes from run to run (stage durations)."""
    stages = [{k: v for k, v in s.items() if k != "duration_ms"} for s in document["pipeline"]["stages"]]
    return {**document, "pipeline": {**document["pipeline"], "stages": stages}}


async def record() -> dict[str, Any]:
    """The example article enriched by a service with default settings."""
    service = EnrichmentService(Settings(cache_size=0))
    await service.load()
    try:
        document = await service.enrich(EXAMPLE_ARTICLE, doc_id=EXAMPLE_ID)
    finally:
        await service.close()
    data: dict[str, Any] = document.model_dump(mode="json", by_alias=True)
    return data


def main() -> int:
    document = asyncio.run(record())
    EXAMPLE_RESPONSE_PATH.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {EXAMPLE_RESPONSE_PATH}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
