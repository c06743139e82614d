"""Graceful shutdown of a real server process: SIGTERM while enrich requests are in flight.

The requests are made slow by the client, not by the server: each sends the first half of a large article, and
the rest only after SIGTERM. So they are in flight (counted by /metrics) when the signal arrives, and the whole
enrichment runs after it: the server must finish them all, refuse new connections meanwhile, close the service
after the drain and exit 0.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import jsonschema
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.schemas.document import EnrichedDocument
from tests.server_process import ServerProcess, start_server

pytestmark = pytest.mark.slow

GRACEFUL_TIMEOUT_S = 30
IN_FLIGHT = 4
# a sentence only the articles contain: it must never show up in the server's logs
MARKER = "Councillor Wilhelmina Oyelaran-Brandt said the quarry vote was postponed"

PARAGRAPHS = [
    "Harbour officials in Port Elsmere said on Thursday that the ferry terminal would reopen next month after "
    "repairs to the storm-damaged pier, ending a closure that has lasted since February.",
    "The terminal handles about 1,200 passengers a day in summer. Local businesses have complained that the "
    "closure cut their trade by a third.",
    "Workers replace timber on the north pier in Port Elsmere on Tuesday. (Elsmere Gazette/Ruth Adebayo)",
    "“We expect the first sailing on the 14th, weather permitting,” said harbour master Colm Reddy, adding that "
    "the cost of the repairs had risen to 4.2 million pounds.",
    f"{MARKER} until the harbour repairs were finished.",
]


def large_article(index: int, paragraphs: int = 150) -> str:
    body = "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))
    return f"Port Elsmere ferry terminal to reopen, part {index}\n\nBy Ines Harlow\n\n{body}"


async def metric_value(client: httpx.AsyncClient, name: str) -> float:
    text = (await client.get("/metrics")).text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                return float(sample.value)
    raise AssertionError(f"{name} not in /metrics")


def connection_refused(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except ConnectionRefusedError:
        return True


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    # the in-flight requests must all be running, not shed by admission control, when SIGTERM arrives
    settings = {
        "ENRICH_GRACEFUL_TIMEOUT_S": str(GRACEFUL_TIMEOUT_S),
        "ENRICH_WORKERS": "1",
        "ENRICH_MAX_ACTIVE_DOCS": "8",
    }
    proc = start_server(tmp_path, settings)
    try:
        yield proc
    finally:
        proc.stop()


async def test_sigterm_finishes_in_flight_enrichments_then_closes_the_service_and_exits_0(
    server: ServerProcess,
) -> None:
    release = asyncio.Event()

    async def slow_body(payload: bytes) -> AsyncIterator[bytes]:
        yield payload[: len(payload) // 2]
        await release.wait()
        yield payload[len(payload) // 2 :]

    articles = [large_article(i) for i in range(IN_FLIGHT)]
    payloads = [json.dumps({"text": text, "id": f"article-{i}"}).encode() for i, text in enumerate(articles)]
    limits = httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=0)
    async with (
        httpx.AsyncClient(base_url=server.base_url, timeout=60, limits=limits) as client,
        httpx.AsyncClient(base_url=server.base_url, timeout=10) as observer,
    ):
        requests = [
            asyncio.create_task(
                client.post(
                    "/v1/enrich",
                    content=slow_body(payload),
                    headers={
                        "content-type": "application/json",
                        "content-length": str(len(payload)),
                        "x-request-id": f"drain-{i}",
                    },
                )
            )
            for i, payload in enumerate(payloads)
        ]
        deadline = time.monotonic() + 30
        # the scrape itself is one of the requests in flight
        while await metric_value(observer, "enrich_http_requests_in_flight") < IN_FLIGHT + 1:
            assert time.monotonic() < deadline, "the requests never were in flight together"
            await asyncio.sleep(0.05)
        await observer.aclose()  # an idle keep-alive connection would be closed by the shutdown anyway

        server.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        while not connection_refused(server.port):
            assert time.monotonic() < deadline, "the server still accepts connections after SIGTERM"
            await asyncio.sleep(0.05)
        assert not any(r.done() for r in requests), "a request ended before its body was sent"
        assert server.proc.poll() is None

        release.set()
        responses = await asyncio.gather(*requests)

    schema = EnrichedDocument.model_json_schema(by_alias=True, mode="serialization")
    for i, (response, text) in enumerate(zip(responses, articles, strict=True)):
        assert response.status_code == 200, response.text
        assert response.headers["x-request-id"] == f"drain-{i}"
        doc = response.json()
        jsonschema.validate(doc, schema)
        assert doc["id"] == f"article-{i}"
        assert doc["title"]["text"] == text.split("\n\n", 1)[0]
        assert len(doc["blocks"]) > 150
        assert all(stage["status"] == "ok" for stage in doc["pipeline"]["stages"]), doc["pipeline"]

    assert server.proc.wait(timeout=GRACEFUL_TIMEOUT_S + 15) == 0

    entries = server.log_entries()  # every line is one JSON object
    messages = [e["message"] for e in entries]
    shutting_down = messages.index("Shutting down")
    closing = messages.index("shutdown: closing the pipeline and its workers")
    done = [
        n
        for n, e in enumerate(entries)
        if e.get("logger") == "app.access" and str(e.get("request_id", "")).startswith("drain-")
    ]
    assert [entries[n]["status"] for n in done] == [200] * IN_FLIGHT
    assert all(e["route"] == "/v1/enrich" for e in (entries[n] for n in done))
    # SIGTERM came first, the requests finished, and only then was the service closed
    assert shutting_down < min(done) and max(done) < closing < messages.index("shutdown: complete")
    assert MARKER not in server.log_text()


def test_server_refuses_to_start_with_an_invalid_setting(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match=r"exited with 2") as failure:
        start_server(tmp_path, {"ENRICH_GRACEFUL_TIMEOUT_S": "0"}, ready_within_s=30)
    assert "invalid configuration" in str(failure.value)
    assert "graceful_timeout_s" in str(failure.value)
