"""POST /v1/enrich over HTTP (in-process): the document contract, and every caller mistake as problem+json."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from app.api.examples import EXAMPLE_ARTICLE
from tests.conftest import make_settings

CONTRACT_FIELDS = {
    "schema",
    "id",
    "content_sha256",
    "language",
    "title",
    "bylines",
    "blocks",
    "body",
    "captions",
    "image_credits",
    "entities",
    "summary",
    "pipeline",
    "warnings",
}


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in response.text
    return body


async def test_json_body_returns_every_contract_field_with_offsets_into_the_text(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE, "id": "riverton"})
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc.keys() >= CONTRACT_FIELDS
    assert doc["schema"] == {"name": "article-enrichment", "version": "1.1.0", "uri": "/v1/schema"}
    assert doc["id"] == "riverton"
    assert doc["language"]["code"] == "en"
    for block in doc["blocks"]:
        assert EXAMPLE_ARTICLE[block["start"] : block["end"]] == block["text"]
    assert doc["title"]["text"] == EXAMPLE_ARTICLE[doc["title"]["start"] : doc["title"]["end"]]
    assert [s["name"] for s in doc["pipeline"]["stages"]][:2] == ["segment", "credits"]
    assert all(s["status"] == "ok" for s in doc["pipeline"]["stages"]), doc["pipeline"]


async def test_plain_text_body_with_stage_subset_runs_prerequisites(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/enrich?stages=credits&id=plain-1",
        content=EXAMPLE_ARTICLE.encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc["id"] == "plain-1"
    status = {s["name"]: s["status"] for s in doc["pipeline"]["stages"]}
    assert status["segment"] == "ok"  # prerequisite of credits
    assert status["credits"] == "ok"
    assert status["language"] == "skipped"


async def test_default_id_comes_from_the_content_hash(client: httpx.AsyncClient) -> None:
    doc = (await client.post("/v1/enrich", json={"text": "Headline\n\nOne body paragraph here."})).json()
    assert doc["id"].startswith("sha256-")
    assert doc["content_sha256"].startswith(doc["id"].removeprefix("sha256-"))


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
async def test_empty_or_whitespace_text_is_422(client: httpx.AsyncClient, text: str) -> None:
    assert_problem(await client.post("/v1/enrich", json={"text": text}), 422, "empty_text")


async def test_unknown_stage_is_422_listing_the_valid_ones(client: httpx.AsyncClient) -> None:
    body = assert_problem(
        await client.post("/v1/enrich", json={"text": "Some text.", "stages": ["segment", "sentiment"]}),
        422,
        "unknown_stage",
    )
    assert body["unknown"] == ["sentiment"]
    assert "segment" in body["valid"]  # type: ignore[operator]
    assert "sentiment" in str(body["detail"]) and "credits" in str(body["detail"])


async def test_malformed_json_is_422_naming_the_position(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/enrich", content=b'{"text": "abc",}', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 422, "malformed_json")
    assert "line 1, column" in str(body["detail"])


async def test_schema_violation_is_422_listing_the_fields(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich", json={"text": 42, "colour": "red"})
    body = assert_problem(response, 422, "invalid_request")
    locs = {e["loc"] for e in body["errors"]}  # type: ignore[attr-defined]
    assert {"body.text", "body.colour"} <= locs


async def test_deeply_nested_json_is_a_clear_422(client: httpx.AsyncClient) -> None:
    payload = '{"text": "x", "options": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = await client.post("/v1/enrich", content=payload, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["code"] in {"malformed_json", "invalid_request"}


async def test_invalid_utf8_is_400(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/enrich", content=b"Headline\n\nBad byte \xff here", headers={"content-type": "text/plain"}
    )
    body = assert_problem(response, 400, "invalid_utf8")
    assert body["offset"] == len(b"Headline\n\nBad byte ")


async def test_lone_surrogate_escaped_in_json_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/enrich",
        content=b'{"text": "Headline \\ud800 text"}',
        headers={"content-type": "application/json"},
    )
    assert_problem(response, 422, "invalid_text")


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "application/xml", "", "text/plain; charset=latin-1"],
)
async def test_unsupported_content_type_is_415(client: httpx.AsyncClient, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = await client.post("/v1/enrich", content=b"text=hello", headers=headers)
    assert_problem(response, 415, "unsupported_media_type")


async def test_query_parameters_fill_what_a_json_body_leaves_out(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich?stages=segment&id=from-query", json={"text": "Some text."})
    doc = response.json()
    assert doc["id"] == "from-query"
    assert {s["name"]: s["status"] for s in doc["pipeline"]["stages"]}["credits"] == "skipped"
    assert doc["warnings"] == []


@pytest.mark.parametrize(
    ("query", "body"),
    [("id=from-query", {"id": "from-body"}), ("stages=segment", {"stages": ["credits"]})],
)
async def test_a_query_parameter_that_contradicts_the_json_body_is_a_422(
    client: httpx.AsyncClient, query: str, body: dict[str, object]
) -> None:
    response = await client.post(f"/v1/enrich?{query}", json={"text": "Some text.", **body})
    problem = assert_problem(response, 422, "invalid_request")
    name = query.partition("=")[0]
    assert problem["errors"] == [{"loc": f"query.{name}", "message": f"conflicts with body.{name}", "type": "conflict"}]
    same = await client.post("/v1/enrich?id=same", json={"text": "Some text.", "id": "same"})
    assert same.status_code == 200
    assert same.json()["id"] == "same"


async def test_unknown_route_and_wrong_method_are_problems(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/v2/enrich"), 404, "not_found")
    assert_problem(await client.get("/v1/enrich"), 405, "method_not_allowed")


async def test_every_response_carries_a_request_id_and_echoes_a_valid_one(client: httpx.AsyncClient) -> None:
    mine = await client.get("/healthz", headers={"x-request-id": "caller-123"})
    assert mine.headers["x-request-id"] == "caller-123"
    generated = await client.get("/healthz", headers={"x-request-id": "bad id with spaces"})
    assert generated.headers["x-request-id"] != "bad id with spaces"
    problem = await client.post("/v1/enrich", json={"text": ""}, headers={"x-request-id": "caller-456"})
    assert problem.json()["request_id"] == "caller-456"


# --- limits: a small app so that the limits are cheap to reach ---------------------------------------------


@pytest.fixture
async def small_client() -> AsyncIterator[httpx.AsyncClient]:
    from app.main import create_app

    app = create_app(make_settings(max_text_chars=100, max_body_bytes=2048, warmup=False))
    async with app.router.lifespan_context(app):
        await app.state.loader
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c


async def test_text_over_the_character_limit_is_413(small_client: httpx.AsyncClient) -> None:
    body = assert_problem(await small_client.post("/v1/enrich", json={"text": "é" * 101}), 413, "text_too_long")
    assert body["limit"] == 100


async def test_text_at_the_character_limit_is_accepted(small_client: httpx.AsyncClient) -> None:
    response = await small_client.post("/v1/enrich", json={"text": "é" * 100})
    assert response.status_code == 200


async def test_body_over_the_byte_limit_is_413_without_reading_it_all(
    small_client: httpx.AsyncClient,
) -> None:
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"text": "'
        while sent < 10_000_000:
            sent += 512
            yield b"a" * 512

    response = await small_client.post("/v1/enrich", content=endless(), headers={"content-type": "application/json"})
    assert_problem(response, 413, "body_too_large")
    assert sent < 16 * 1024  # stopped near the 2 KiB limit, not after 10 MB


async def test_declared_content_length_over_the_limit_is_413(small_client: httpx.AsyncClient) -> None:
    payload = json.dumps({"text": "a" * 5000}).encode()
    response = await small_client.post("/v1/enrich", content=payload, headers={"content-type": "application/json"})
    assert_problem(response, 413, "body_too_large")
