"""Under load over HTTP: 503 + Retry-After when full, deadlines that return a document, the result cache, batches."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from app.main import create_app
from app.pipeline.concurrency import WorkerPool
from app.pipeline.document import Doc, TextSpan
from app.pipeline.runner import Pipeline
from app.pipeline.stage import RuleStage
from app.service import EnrichmentService
from tests.conftest import make_settings


class GatedStage(RuleStage):
    """Holds every document in a worker thread until the test opens the gate."""

    name, version = "gated", "0.0.1"
    requires, provides = frozenset({"text"}), frozenset({"title"})

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.gate = threading.Event()
        self.entered = threading.Event()

    def _work(self, text: str) -> TextSpan:
        self.entered.set()
        self.gate.wait(timeout=30)
        return TextSpan(text[:1], 0, 1)

    async def run(self, doc: Doc) -> None:
        doc.title = await self.pool.run(self._work, doc.text)


class SleepyStage(RuleStage):
    name, version = "sleepy", "0.0.1"
    requires, provides = frozenset({"title"}), frozenset({"summary"})

    async def run(self, doc: Doc) -> None:
        await asyncio.sleep(30)


async def _app_with(stages_for: str, **settings: object) -> tuple[FastAPI, GatedStage]:
    app = create_app(make_settings(warmup=False, **settings))
    service: EnrichmentService = app.state.service
    gated = GatedStage(service.pool)
    stages = [gated] if stages_for == "gated" else [gated, SleepyStage()]
    service.pipeline = Pipeline(stages, stage_timeout_s=60)
    return app, gated


@contextlib.asynccontextmanager
async def _gated_client(**settings: object) -> AsyncIterator[tuple[httpx.AsyncClient, GatedStage]]:
    """A started app whose only stage waits at a gate (``settings`` on top of the test defaults), and a client."""
    app, gated = await _app_with("gated", **settings)
    async with app.router.lifespan_context(app):
        await app.state.loader
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            yield c, gated
        gated.gate.set()


@pytest.fixture
async def gated_client() -> AsyncIterator[tuple[httpx.AsyncClient, GatedStage]]:
    # room for 1 running + 1 waiting; the default wait bound (10 s) lets the second one queue, so the room is what
    # refuses the third
    async with _gated_client(max_active_docs=1, max_waiting_docs=1, cpu_workers=2) as client_and_gate:
        yield client_and_gate


async def _start_running(client: httpx.AsyncClient, gated: GatedStage) -> asyncio.Task[httpx.Response]:
    """One request running, held by the gate."""
    running = asyncio.create_task(client.post("/v1/enrich", json={"text": "running"}))
    assert await asyncio.to_thread(gated.entered.wait, 10)
    return running


async def _fill_the_room(
    client: httpx.AsyncClient, gated: GatedStage
) -> tuple[asyncio.Task[httpx.Response], asyncio.Task[httpx.Response]]:
    """One request running (held by the gate) and one waiting: the gated_client's room is full."""
    running = await _start_running(client, gated)
    waiting = asyncio.create_task(client.post("/v1/enrich", json={"text": "waiting"}))
    await asyncio.sleep(0.05)
    return running, waiting


async def test_excess_requests_are_shed_with_503_and_retry_after(
    gated_client: tuple[httpx.AsyncClient, GatedStage],
) -> None:
    client, gated = gated_client
    running, waiting = await _fill_the_room(client, gated)
    shed = await client.post("/v1/enrich", json={"text": "shed"})
    assert shed.status_code == 503
    assert shed.headers["content-type"].startswith("application/problem+json")
    assert shed.json()["code"] == "overloaded"
    assert int(shed.headers["retry-after"]) >= 1
    gated.gate.set()
    assert (await running).status_code == 200
    assert (await waiting).status_code == 200


async def test_a_batch_is_refused_whole_when_the_service_is_full(
    gated_client: tuple[httpx.AsyncClient, GatedStage],
) -> None:
    client, gated = gated_client
    running, waiting = await _fill_the_room(client, gated)
    response = await client.post("/v1/enrich/batch", json={"items": [{"text": f"t{i}"} for i in range(3)]})
    gated.gate.set()
    assert response.status_code == 503
    assert response.json()["code"] == "overloaded"
    assert response.headers["retry-after"]
    assert [(await t).status_code for t in (running, waiting)] == [200, 200]


async def test_a_batch_larger_than_the_admission_room_runs_in_one_slot(
    gated_client: tuple[httpx.AsyncClient, GatedStage],
) -> None:
    client, gated = gated_client
    gated.gate.set()
    items = [{"text": f"Article number {i}"} for i in range(10)]  # the room is 1 running + 1 waiting
    response = await client.post("/v1/enrich/batch", json={"items": items})
    assert response.status_code == 200
    body = response.json()
    assert body["succeeded"] == 10
    assert [r["document"]["title"]["text"] for r in body["results"]] == ["A"] * 10


async def test_a_deadline_times_out_the_slow_stage_and_the_document_still_returns() -> None:
    app, gated = await _app_with("sleepy")
    gated.gate.set()
    async with app.router.lifespan_context(app):
        await app.state.loader
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            response = await c.post("/v1/enrich", json={"text": "Headline", "options": {"deadline_ms": 200}})
            too_long = await c.post("/v1/enrich", json={"text": "Headline", "options": {"deadline_ms": 10**9}})
    assert response.status_code == 200
    doc = response.json()
    status = {s["name"]: s["status"] for s in doc["pipeline"]["stages"]}
    assert status == {"gated": "ok", "sleepy": "timeout"}
    assert doc["title"]["text"] == "H"
    assert any(w["code"] == "stage_timeout" for w in doc["warnings"])
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["loc"] == "body.options.deadline_ms"


async def test_one_request_per_slot_always_queues_and_the_next_past_the_bound_is_refused_at_once() -> None:
    # a 100 ms bound, and the running document has about 0.5 s to go (the estimate until measured): the second
    # request still queues (one waiting place per slot), the third is refused without queueing
    async with _gated_client(max_active_docs=1, max_waiting_docs=5, max_queue_wait_ms=100) as (c, gated):
        running = await _start_running(c, gated)
        second = asyncio.create_task(c.post("/v1/enrich", json={"text": "second"}))
        await asyncio.sleep(0.05)
        refused = await c.post("/v1/enrich", json={"text": "third"})
        gated.gate.set()
        assert [(await t).status_code for t in (running, second)] == [200, 200]
    assert refused.status_code == 503
    assert refused.json()["code"] == "overloaded"
    assert "over the 0.1 s a request may wait" in refused.json()["detail"]
    assert refused.headers["retry-after"]


async def test_at_the_bound_the_request_next_in_line_waits_on_and_the_one_behind_it_gives_up() -> None:
    # the running document outlives its expected time (0.5 s until measured), so two newcomers queue; at the 1 s
    # bound the one next in line keeps waiting (its slot comes when the document ahead ends: refusing it would
    # only throw its wait away), the one behind it gives up with 503 + Retry-After
    async with _gated_client(max_active_docs=1, max_waiting_docs=5, max_queue_wait_ms=1000) as (c, gated):
        running = await _start_running(c, gated)
        await asyncio.sleep(0.6)
        second = asyncio.create_task(c.post("/v1/enrich", json={"text": "second"}))
        await asyncio.sleep(0.05)
        behind = await c.post("/v1/enrich", json={"text": "third"})
        assert not second.done()
        gated.gate.set()
        assert [(await t).status_code for t in (running, second)] == [200, 200]
    assert behind.status_code == 503
    assert "within 1 s of waiting" in behind.json()["detail"]
    assert behind.headers["retry-after"]
