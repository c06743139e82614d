"""The Python client: models agree with openapi.json, retries are bounded and honour Retry-After, batches split."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from article_enrichment_client import ApiError, AsyncEnrichClient, EnrichClient, RetriesExhausted, RetryPolicy
from article_enrichment_client.models import EnrichedDocument

from app.api.examples import example_response

ROOT = Path(__file__).resolve().parent.parent.parent
PROBLEM_503 = {"type": "about:blank", "title": "Unavailable", "status": 503, "detail": "busy", "code": "overloaded"}


def test_generated_models_are_current_with_openapi_json() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "clients/python/generate_models.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


def test_a_real_response_parses_and_round_trips() -> None:
    recorded = example_response()
    assert recorded, "app/api/example_response.json is missing"
    doc = EnrichedDocument.model_validate(recorded)
    assert doc.schema_.name == "article-enrichment"
    assert doc.model_dump(by_alias=True, mode="json") == recorded
    # a field added by a later 1.x server is kept, not an error
    newer = EnrichedDocument.model_validate({**recorded, "sentiment": {"score": 0.1}})
    assert newer.model_extra == {"sentiment": {"score": 0.1}}


def transport(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(time, "sleep", waited.append)
    return waited


def test_503_is_retried_after_retry_after_then_succeeds(sleeps: list[float]) -> None:
    answers = [httpx.Response(503, json=PROBLEM_503, headers={"Retry-After": "3"})] * 2
    answers.append(httpx.Response(200, json=example_response()))
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answers[len(seen) - 1]

    with EnrichClient("http://svc", api_key="k" * 20, transport=transport(handler)) as client:
        doc = client.enrich("Some text", doc_id="a1", stages=["segment"])
        assert client.retry_stats.overloaded == 2
    assert doc.captions
    assert sleeps == [3.0, 3.0]
    assert seen[0].headers["authorization"] == "Bearer " + "k" * 20
    assert json.loads(seen[0].content) == {"text": "Some text", "id": "a1", "stages": ["segment"]}


def test_retries_are_bounded_by_attempts_and_by_the_longest_wait(sleeps: list[float]) -> None:
    def busy(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json=PROBLEM_503, headers={"Retry-After": "120"})

    policy = RetryPolicy(max_attempts=3, max_wait_s=5.0)
    client = EnrichClient("http://svc", retry=policy, transport=transport(busy))
    with client, pytest.raises(RetriesExhausted) as info:
        client.enrich("text")
    assert info.value.attempts == 3
    assert sleeps == [5.0, 5.0]
    assert isinstance(info.value.last, ApiError) and info.value.last.problem.code == "overloaded"


def test_connection_errors_back_off_and_caller_errors_are_not_retried(sleeps: list[float]) -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with EnrichClient("http://svc", retry=RetryPolicy(max_attempts=4), transport=transport(refused)) as client:
        with pytest.raises(RetriesExhausted):
            client.enrich("text")
        assert client.retry_stats.connection == 3
    assert len(sleeps) == 3 and sleeps[0] < sleeps[-1]
    sleeps.clear()
    problem = {**PROBLEM_503, "status": 422, "code": "empty_text", "detail": "the text is empty"}

    def invalid(request: httpx.Request) -> httpx.Response:
        return httpx.Response(422, json=problem)

    with EnrichClient("http://svc", transport=transport(invalid)) as client, pytest.raises(ApiError) as error:
        client.enrich(" ")
    assert error.value.status == 422 and error.value.problem.code == "empty_text"
    assert sleeps == []


async def test_async_batch_splits_by_the_servers_maximum() -> None:
    info = {"service": "article-enrichment", "version": "0", "schema_name": "s", "schema_version": "1", "ready": True}
    limits = dict.fromkeys(("max_text_chars", "max_body_bytes", "stage_timeout_s", "batch_max_size"), 1)
    limits |= dict.fromkeys(("batch_max_tokens", "batch_max_wait_ms", "batch_queue_size", "max_active_docs"), 1)
    limits |= dict.fromkeys(("max_waiting_docs", "default_deadline_ms", "max_deadline_ms", "cache_size"), 1)
    limits["max_batch_items"] = 2
    sizes: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/info":
            return httpx.Response(200, json={**info, "stages": [], "limits": limits})
        items: list[dict[str, Any]] = json.loads(request.content)["items"]
        sizes.append(len(items))
        problem = {**PROBLEM_503, "status": 422, "code": "empty_text"}
        results = [{"index": i, "status": 422, "problem": {**problem, "detail": x["id"]}} for i, x in enumerate(items)]
        return httpx.Response(200, json={"results": results, "succeeded": 0, "failed": len(items)})

    mock = httpx.MockTransport(handler)
    async with AsyncEnrichClient("http://svc", transport=mock) as client:
        results = await client.enrich_batch([{"text": "", "id": f"d{i}"} for i in range(5)])
    assert sizes == [2, 2, 1]
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    assert [r.problem.detail for r in results if r.problem] == [f"d{i}" for i in range(5)]
