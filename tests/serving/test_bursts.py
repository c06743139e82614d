"""Bursts queue instead of failing: with the default settings, requests sent at the same moment all get 200.

The pipeline is a fake whose one stage holds a worker thread for a while per document (as the models do), so
that the requests really overlap and wait for the single running slot; no timing is asserted.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from app.main import create_app
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc, TextSpan
from app.pipeline.runner import Pipeline
from app.pipeline.stage import RuleStage
from app.service import EnrichmentService
from tests.conftest import make_settings


class SlowStage(RuleStage):
    """Busy for ``seconds`` in a worker thread per document; records the order documents start in."""

    name, version = "slow", "0.0.1"
    requires, provides = frozenset({"text"}), frozenset({"title"})

    def __init__(self, pool: WorkerPool, seconds: float) -> None:
        self.pool = pool
        self.seconds = seconds
        self.started: list[str] = []
        self.third_started = threading.Event()

    def _work(self, text: str) -> TextSpan:
        self.started.append(text)
        if len(self.started) >= 3:
            self.third_started.set()
        time.sleep(self.seconds)
        return TextSpan(text[:1], 0, 1)

    async def run(self, doc: Doc) -> None:
        doc.title = await self.pool.run(self._work, doc.text)


@pytest.fixture
async def slow_service() -> AsyncIterator[tuple[httpx.AsyncClient, SlowStage]]:
    """The app with its default settings (warm-up included), on the slow fake pipeline."""
    app = create_app(make_settings())
    service: EnrichmentService = app.state.service
    stage = SlowStage(service.pool, seconds=0.02)
    service.pipeline = Pipeline([stage], stage_timeout_s=60)
    async with app.router.lifespan_context(app):
        await app.state.loader
        assert service.ready
        stage.started.clear()  # the warm-up's
        stage.third_started.clear()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            yield client, stage


@pytest.mark.parametrize("burst", [2, 3, 16])
async def test_a_burst_of_requests_all_get_200(slow_service: tuple[httpx.AsyncClient, SlowStage], burst: int) -> None:
    client, stage = slow_service
    responses = await asyncio.gather(
        *(client.post("/v1/enrich", json={"text": f"Article {n} of the burst"}) for n in range(burst))
    )
    assert [r.status_code for r in responses] == [200] * burst, [r.text for r in responses if r.status_code != 200]
    assert sorted(stage.started) == sorted(f"Article {n} of the burst" for n in range(burst))


async def test_a_full_size_batch_runs_whole_under_light_load(slow_service: tuple[httpx.AsyncClient, SlowStage]) -> None:
    client, _ = slow_service
    items = [{"text": f"Batch article {n}", "id": f"b{n}"} for n in range(64)]  # ENRICH_MAX_BATCH_ITEMS
    response = await client.post("/v1/enrich/batch", json={"items": items})
    assert response.status_code == 200
    body = response.json()
    assert (body["succeeded"], body["failed"]) == (64, 0)


async def test_a_single_request_is_served_between_the_items_of_a_batch(
    slow_service: tuple[httpx.AsyncClient, SlowStage],
) -> None:
    """A batch's items join the queue one at a time: a request sent while a batch runs waits for the item that is
    running (and at most one more that queued first), not for the whole batch."""
    client, stage = slow_service
    items = [{"text": f"Batch article {n}"} for n in range(30)]
    batch = asyncio.create_task(client.post("/v1/enrich/batch", json={"items": items}))
    assert await asyncio.to_thread(stage.third_started.wait, 30)
    sent_at = len(stage.started)
    single = await client.post("/v1/enrich", json={"text": "The single request"})
    assert single.status_code == 200
    assert not batch.done()
    assert stage.started.index("The single request") <= sent_at + 2
    assert (await batch).json()["succeeded"] == 30
