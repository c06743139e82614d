"""The result cache and the batch endpoint, with the real default pipeline."""

from __future__ import annotations

import httpx

from app.api.examples import EXAMPLE_ARTICLE


async def test_a_repeated_request_is_served_from_the_cache(client: httpx.AsyncClient) -> None:
    text = EXAMPLE_ARTICLE + "\nA unique closing line for the cache test."
    first = await client.post("/v1/enrich", json={"text": text, "id": "first"})
    second = await client.post("/v1/enrich", json={"text": text, "id": "second"})
    other_stages = await client.post("/v1/enrich", json={"text": text, "stages": ["segment"]})
    assert first.headers["x-cache"] == "miss"
    assert second.headers["x-cache"] == "hit"
    assert other_stages.headers["x-cache"] == "miss"  # stages are part of the key
    a, b = first.json(), second.json()
    assert a["pipeline"]["cache_hit"] is False
    assert b["pipeline"]["cache_hit"] is True
    assert b["id"] == "second"  # the caller's id, not the cached one
    assert a["blocks"] == b["blocks"]


async def test_batch_results_come_back_in_order_and_a_bad_item_fails_alone(client: httpx.AsyncClient) -> None:
    items = [
        {"text": EXAMPLE_ARTICLE, "id": "good-1"},
        {"text": "   ", "id": "empty"},
        {"text": "Headline\n\nBody text.", "stages": ["nope"]},
        {"txt": "misspelt field"},
        "not an object",
        {"text": "Second headline\n\nMore body text.", "id": "good-2"},
    ]
    response = await client.post("/v1/enrich/batch", json={"items": items})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [r["index"] for r in body["results"]] == list(range(6))
    assert [r["status"] for r in body["results"]] == [200, 422, 422, 422, 422, 200]
    assert body["results"][0]["document"]["id"] == "good-1"
    assert body["results"][5]["document"]["id"] == "good-2"
    assert body["results"][1]["problem"]["code"] == "empty_text"
    assert body["results"][2]["problem"]["code"] == "unknown_stage"
    assert body["results"][3]["problem"]["code"] == "invalid_request"
    assert body["results"][3]["problem"]["errors"][0]["loc"].startswith("body.items.3")
    assert (body["succeeded"], body["failed"]) == (2, 4)


async def test_a_batch_over_the_item_limit_is_a_422(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich/batch", json={"items": [{"text": "x"}] * 65})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    empty = await client.post("/v1/enrich/batch", json={"items": []})
    assert empty.status_code == 422
