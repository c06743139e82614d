"""Optional API keys and CORS: what a caller without a key, with a wrong key and with a good key sees."""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from app.api import auth
from app.api.examples import EXAMPLE_ARTICLE
from app.main import create_app
from app.openapi_gen import OPENAPI_PATH
from tests.conftest import captured_logs, make_settings, started

KEY_A = "k-alpha-3f9c2e7d41b8a6"
KEY_B = "k-bravo-8e1d5a0c97f3b2"
FILE_KEY = "k-file-6c2b9e4f1a7d30"
ORIGIN = "https://cms.example.com"

ClientFactory = Callable[..., Awaitable[httpx.AsyncClient]]


@pytest_asyncio.fixture
async def client_for() -> AsyncIterator[ClientFactory]:
    """A factory of clients of apps with the given settings. Models are loaded only with ``load_models=True``:
    the key check comes before any route, so most tests need no models (unloaded, /v1/enrich answers 503)."""
    contexts = []
    clients: list[httpx.AsyncClient] = []

    async def make(*, load_models: bool = False, **overrides: object) -> httpx.AsyncClient:
        app = create_app(make_settings(**overrides))
        if load_models:
            context = app.router.lifespan_context(app)
            await context.__aenter__()
            contexts.append(context)
            await started(app)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()
    for context in contexts:
        await context.__aexit__(None, None, None)


@pytest.fixture
def keys_file(tmp_path: Path) -> Path:
    path = tmp_path / "api-keys"
    path.write_text(f"# rotated 2026-11\n\n{FILE_KEY}\n", encoding="utf-8")
    return path


async def keyed(client_for: ClientFactory, keys_file: Path, **overrides: object) -> httpx.AsyncClient:
    return await client_for(api_keys=f"{KEY_A}, {KEY_B}", api_keys_file=keys_file, **overrides)


def assert_unauthorized(response: httpx.Response, *, wrong_key: bool) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "unauthorized" and body["status"] == 401
    assert body["request_id"] == response.headers["x-request-id"]
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith('Bearer realm="article-enrichment"')
    assert ('error="invalid_token"' in challenge) is wrong_key
    assert "www_authenticate" not in body


async def test_without_keys_configured_no_key_is_needed(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE})
    assert response.status_code == 200


async def test_requests_without_a_key_or_with_a_wrong_one_get_401(client_for: ClientFactory, keys_file: Path) -> None:
    client = await keyed(client_for, keys_file)
    missing = await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE})
    assert_unauthorized(missing, wrong_key=False)
    assert "X-API-Key" in missing.json()["detail"] and "Bearer" in missing.json()["detail"]
    wrong = await client.post("/v1/enrich", json={"text": "x"}, headers={"authorization": f"Bearer {KEY_A}x"})
    assert_unauthorized(wrong, wrong_key=True)
    assert_unauthorized(await client.get("/v1/info", headers={"x-api-key": KEY_B[:-1]}), wrong_key=True)
    assert_unauthorized(await client.get("/v1/info", headers={"authorization": f"Basic {KEY_A}"}), wrong_key=False)
    # no route is revealed to a caller without a key
    assert_unauthorized(await client.get("/v1/no-such-route"), wrong_key=False)


async def test_every_configured_key_works_in_either_header(client_for: ClientFactory, keys_file: Path) -> None:
    client = await keyed(client_for, keys_file)
    for headers in (
        {"authorization": f"Bearer {KEY_A}"},
        {"authorization": f"bearer {KEY_B}"},
        {"x-api-key": KEY_B},
        {"x-api-key": FILE_KEY},
    ):
        response = await client.get("/v1/info", headers=headers)
        assert response.status_code == 200, (headers, response.text)
        assert response.json()["service"] == "article-enrichment"


async def test_a_keyed_client_gets_its_documents(client_for: ClientFactory, keys_file: Path) -> None:
    client = await keyed(client_for, keys_file, load_models=True)
    response = await client.post("/v1/enrich", json={"text": EXAMPLE_ARTICLE}, headers={"x-api-key": KEY_A})
    assert response.status_code == 200, response.text
    assert response.json()["blocks"]
    batch = await client.post(
        "/v1/enrich/batch", json={"items": [{"text": EXAMPLE_ARTICLE}]}, headers={"authorization": f"Bearer {KEY_B}"}
    )
    assert batch.status_code == 200, batch.text


async def test_probes_metrics_and_docs_answer_without_a_key_by_default(
    client_for: ClientFactory, keys_file: Path
) -> None:
    client = await keyed(client_for, keys_file)
    for path in ("/healthz", "/metrics", "/openapi.json", "/v1/schema", "/docs"):
        assert (await client.get(path)).status_code == 200, path
    assert (await client.get("/readyz")).json()["code"] == "not_ready"  # answered, not refused


async def test_probes_metrics_and_docs_can_require_the_key_too(client_for: ClientFactory, keys_file: Path) -> None:
    client = await keyed(
        client_for, keys_file, auth_exempt_probes=False, auth_exempt_metrics=False, auth_exempt_docs=False
    )
    for path in ("/healthz", "/readyz", "/metrics", "/openapi.json", "/v1/schema"):
        assert_unauthorized(await client.get(path), wrong_key=False)
        assert (await client.get(path, headers={"x-api-key": KEY_A})).status_code != 401, path


def test_keys_are_compared_against_every_key_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    compare = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    digests = auth.load_api_keys(make_settings(api_keys=f"{KEY_A},{KEY_B},{FILE_KEY}"))
    assert auth.key_is_valid(KEY_A.encode(), digests)  # the first key matches: the other two are compared anyway
    assert len(calls) == 3
    assert all(len(a) == len(b) == 32 for a, b in calls)  # digests: equal lengths, whatever was sent
    assert not auth.key_is_valid(b"k", digests)


def test_bad_key_configuration_stops_the_start_up_without_showing_keys(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("# no keys yet\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="holds no key"):
        create_app(make_settings(api_keys_file=empty))
    with pytest.raises(ValueError, match="cannot be read"):
        create_app(make_settings(api_keys_file=tmp_path / "missing"))
    with pytest.raises(ValueError, match="shorter than 16") as short:
        create_app(make_settings(api_keys=f"{KEY_A},tiny-key"))
    assert "tiny-key" not in str(short.value)


async def test_keys_never_reach_the_logs(client_for: ClientFactory, keys_file: Path) -> None:
    client = await keyed(client_for, keys_file)
    with captured_logs(logging.DEBUG) as logs:
        await client.get("/v1/info", headers={"authorization": f"Bearer {KEY_A}"})
        await client.get("/v1/info", headers={"x-api-key": f"{KEY_B}-wrong"})
    logged = logs.getvalue()
    assert logged.count('"route": "/v1/info"') == 2  # the access log saw both requests
    assert KEY_A not in logged and KEY_B not in logged


async def test_cors_is_off_by_default(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"origin": ORIGIN})
    assert "access-control-allow-origin" not in response.headers
    preflight = await client.options("/v1/enrich", headers={"origin": ORIGIN, "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


async def test_cors_allows_only_the_configured_origins_and_works_with_keys(
    client_for: ClientFactory, keys_file: Path
) -> None:
    client = await keyed(client_for, keys_file, cors_allow_origins=[ORIGIN])
    preflight = await client.options(
        "/v1/enrich",
        headers={
            "origin": ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type, x-request-id",
        },
    )
    assert preflight.status_code == 200  # browsers send preflights without credentials
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    denied = await client.post("/v1/enrich", json={"text": "x"}, headers={"origin": ORIGIN})
    assert denied.status_code == 401
    assert denied.headers["access-control-allow-origin"] == ORIGIN  # the page can read why
    assert "x-request-id" in denied.headers["access-control-expose-headers"].lower()
    other = await client.post(
        "/v1/enrich", json={"text": EXAMPLE_ARTICLE}, headers={"origin": "https://evil.example", "x-api-key": KEY_A}
    )
    assert "access-control-allow-origin" not in other.headers


def test_openapi_documents_the_key_schemes_and_401_on_protected_routes() -> None:
    spec = create_app(make_settings()).openapi()
    assert set(spec["components"]["securitySchemes"]) == {"bearerAuth", "apiKeyHeader"}
    for path in ("/v1/enrich", "/v1/enrich/batch", "/v1/info"):
        for operation in spec["paths"][path].values():
            assert "401" in operation["responses"], path
            assert {"bearerAuth": []} in operation["security"]
            assert {} in operation["security"]  # keys are off in this configuration: optional
    for path in ("/healthz", "/readyz", "/metrics", "/v1/schema"):
        assert "security" not in spec["paths"][path]["get"], path
    assert '"bearerAuth"' in OPENAPI_PATH.read_text(encoding="utf-8")


def test_openapi_says_keys_are_required_when_they_are(keys_file: Path) -> None:
    app: FastAPI = create_app(make_settings(api_keys_file=keys_file, auth_exempt_probes=False))
    spec = app.openapi()
    assert {} not in spec["paths"]["/v1/enrich"]["post"]["security"]
    assert "401" in spec["paths"]["/healthz"]["get"]["responses"]
