"""Probes, /v1/info, /v1/schema and the committed OpenAPI document."""

from __future__ import annotations

import httpx
import jsonschema
import pytest

from app.api.examples import EXAMPLE_ARTICLE
from app.main import create_app
from app.openapi_gen import OPENAPI_PATH, render
from tests.conftest import make_settings


async def test_healthz_is_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_is_503_until_models_are_loaded_then_200() -> None:
    app = create_app(make_settings(warmup=True))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        before = await c.get("/readyz")  # lifespan not started: nothing loaded
        assert before.status_code == 503
        assert before.json()["code"] == "not_ready"
        assert before.headers["retry-after"]
        early = await c.post("/v1/enrich", json={"text": "Too early."})
        assert early.status_code == 503
        assert (await c.get("/healthz")).status_code == 200
        async with app.router.lifespan_context(app):
            await app.state.loader
            after = await c.get("/readyz")
            assert after.status_code == 200
            assert after.json()["status"] == "ready"


async def test_info_lists_versions_stages_models_and_limits(client: httpx.AsyncClient) -> None:
    info = (await client.get("/v1/info")).json()
    assert info["schema_version"] == "1.1.0"
    assert info["ready"] is True
    names = [s["name"] for s in info["stages"]]
    assert names[:2] == ["segment", "credits"]
    credits = next(s for s in info["stages"] if s["name"] == "credits")
    assert credits["requires"] == ["credit_spans"] and credits["provides"] == ["image_credits"]
    assert info["limits"]["max_text_chars"] == 1_000_000


async def test_documents_validate_against_the_published_schema(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/v1/schema")).json()
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = (await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE})).json()
    jsonschema.validate(doc, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "blocks": [{"index": 0, "kind": "poem"}]}, schema)


def test_committed_openapi_matches_the_app() -> None:
    assert OPENAPI_PATH.read_text(encoding="utf-8") == render(), "openapi/openapi.json is stale: run `make openapi`"


def test_openapi_documents_both_body_types_and_problem_responses() -> None:
    spec = create_app(make_settings()).openapi()
    post = spec["paths"]["/v1/enrich"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "text/plain"}
    for status in ("400", "413", "415", "422", "503"):
        assert "application/problem+json" in post["responses"][status]["content"]
    assert "EnrichRequest" in spec["components"]["schemas"]
    assert "EnrichedDocument" in spec["components"]["schemas"]


async def test_the_swagger_example_response_is_what_the_service_returns(client: httpx.AsyncClient) -> None:
    from app.api.examples import example_response
    from app.api.examples_gen import EXAMPLE_ID, comparable

    recorded = example_response()
    assert recorded, "app/api/example_response.json is missing: run `make examples`"
    live = (await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE, "id": EXAMPLE_ID})).json()
    live["pipeline"]["cache_hit"] = False
    assert comparable(live) == comparable(recorded), "the example response is stale: run `make examples`"
